import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { deadlineTable, parseDeadlineCsv } from "./domain/species.js";
const FILE = resolve(import.meta.dirname, "../../../data/reference/prazos_acordo_stf_re1171152.csv");
let cached = null;
function stfDeadlines() {
  cached ??= deadlineTable(parseDeadlineCsv(readFileSync(FILE, "utf8")));
  return cached;
}
export {
  stfDeadlines
};
