const QUEUES = ["regular", "extraordinary", "training"];
const SYSTEMS = ["PAT", "SABI"];
const DECISIONS = ["granted", "denied", "other"];
const ORIGINS = ["random", "targeted", "error_indication", "extraordinary", "training_track"];
const ORIGIN_LABEL = {
  random: "Amostra aleat\xF3ria",
  // art. 7
  targeted: "Sele\xE7\xE3o direcionada",
  // art. 7 §1, art. 8
  error_indication: "Indica\xE7\xE3o de erro administrativo",
  // art. 3 §1
  extraordinary: "Monitoramento Filas Extraordin\xE1rias",
  // art. 12 §1
  training_track: "Trilha de Forma\xE7\xE3o - novos servidores"
  // art. 17
};
const OUTCOMES = ["full_ratification", "ratified_with_revision", "not_ratified"];
const OUTCOME_LABEL = {
  full_ratification: "Ratifica\xE7\xE3o plena",
  ratified_with_revision: "Ratificada com revis\xE3o",
  not_ratified: "N\xE3o ratificada"
};
const AUTOMATIC_LABEL = "(conclus\xE3o autom\xE1tica)";
const NO_SR_LABEL = "(sem SR)";
const NO_GEX_LABEL = "(sem GEX)";
export {
  AUTOMATIC_LABEL,
  DECISIONS,
  NO_GEX_LABEL,
  NO_SR_LABEL,
  ORIGINS,
  ORIGIN_LABEL,
  OUTCOMES,
  OUTCOME_LABEL,
  QUEUES,
  SYSTEMS
};
