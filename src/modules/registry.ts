import type { ModuleDefinition } from '../platform/module';
import { auditModule } from './audit/module';
import { calculationModule } from './calculation/module';
import { contributionsModule } from './contributions/module';
import { identityModule } from './identity/module';
import { organizationModule } from './organization/module';
import { requestsModule } from './requests/module';
import { supervisionModule } from './supervision/module';

/**
 * Every bounded context, in dependency order: migrations run and demo data loads in this order,
 * routes and CLI commands are registered from it. Adding a module is adding one line here.
 */
export const modules: readonly ModuleDefinition[] = [
  organizationModule,
  identityModule,
  auditModule,
  calculationModule,
  contributionsModule,
  requestsModule,
  supervisionModule,
];
