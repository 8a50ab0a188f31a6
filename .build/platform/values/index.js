export * from "./competence.js";
export * from "./dates.js";
export * from "./documents.js";
export * from "./money.js";
