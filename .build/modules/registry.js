import { auditModule } from "./audit/module.js";
import { calculationModule } from "./calculation/module.js";
import { contributionsModule } from "./contributions/module.js";
import { identityModule } from "./identity/module.js";
import { organizationModule } from "./organization/module.js";
import { requestsModule } from "./requests/module.js";
import { supervisionModule } from "./supervision/module.js";
const modules = [
  organizationModule,
  identityModule,
  auditModule,
  calculationModule,
  contributionsModule,
  requestsModule,
  supervisionModule
];
export {
  modules
};
