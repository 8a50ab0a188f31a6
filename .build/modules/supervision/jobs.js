import { randomBytes } from "node:crypto";
import { SYSTEM_ACTOR } from "../../platform/auth/roles.js";
import { AppError } from "../../platform/errors.js";
import { Competence } from "../../platform/values/competence.js";
import { LocalDate } from "../../platform/values/dates.js";
import { runExtraordinarySample } from "./run-extraordinary-sample.js";
import { runMonthlySample } from "./run-monthly-sample.js";
import { runTrainingTrack } from "./run-training-track.js";
import { organizationStaffDirectory } from "./staff-directory.js";
const ctx = () => ({ actor: SYSTEM_ACTOR, requestId: `job-${randomBytes(6).toString("hex")}` });
const freshSeed = () => randomBytes(16).toString("hex");
async function once(deps, what, fn) {
  try {
    await fn();
    deps.log.info({ cycle: what }, "ciclo de supervis\xE3o sorteado");
  } catch (e) {
    if (e instanceof AppError && e.status === 409) {
      deps.log.info({ cycle: what }, "ciclo de supervis\xE3o j\xE1 existia");
      return;
    }
    throw e;
  }
}
function previousQuarter(today) {
  const m = Number(today.slice(5, 7));
  const q = Math.floor((m - 1) / 3) + 1;
  const y = Number(today.slice(0, 4));
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}
const supervisionJobs = [
  {
    // Art. 7: the monthly random sample of the tasks concluded in the previous month, sized
    // statistically (95% confidence, 5% margin, p = 0.5).
    name: "supervision.monthly-sample",
    cron: "0 6 1 * *",
    async handler(deps) {
      const month = Competence.add(Competence.ofDate(LocalDate.today(deps.clock.now())), -1);
      await once(
        deps,
        `random ${month}`,
        () => runMonthlySample(deps, ctx(), organizationStaffDirectory(deps), {
          month,
          sizing: { kind: "statistical", confidence: 0.95, margin: 0.05, expected: 0.5 },
          seed: freshSeed()
        })
      );
    }
  },
  {
    // Arts. 10–12: the extraordinary queues of the quarter just ended.
    name: "supervision.extraordinary-sample",
    cron: "0 6 1 1,4,7,10 *",
    async handler(deps) {
      const quarter = previousQuarter(LocalDate.today(deps.clock.now()));
      await once(
        deps,
        `extraordinary ${quarter}`,
        () => runExtraordinarySample(deps, ctx(), organizationStaffDirectory(deps), { quarter, seed: freshSeed() })
      );
    }
  },
  {
    // Arts. 16–21: the training-track points (30, 45, …, 165 days) that fall today.
    name: "supervision.training-track",
    cron: "0 7 * * *",
    async handler(deps) {
      const date = LocalDate.today(deps.clock.now());
      await once(
        deps,
        `training ${date}`,
        () => runTrainingTrack(deps, ctx(), organizationStaffDirectory(deps), { date, seed: freshSeed() })
      );
    }
  }
];
export {
  previousQuarter,
  supervisionJobs
};
