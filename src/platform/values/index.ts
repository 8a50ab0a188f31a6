export * from './competence';
export * from './dates';
export * from './documents';
export * from './money';
