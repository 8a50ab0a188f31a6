export * from './competence';
export * from './dates';
export * from './documents';
export * from './ids';
export * from './money';
