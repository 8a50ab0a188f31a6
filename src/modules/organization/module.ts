import { resolve } from 'node:path';
import type { ModuleDefinition } from '../../platform/module';
import { organizationRoutes } from './routes';
import { seedOrganization } from './seed-demo';

export const organizationModule: ModuleDefinition = {
  name: 'organization',
  migrationsDir: resolve(import.meta.dirname, 'migrations'),
  permissions: {
    'organization.units.read': {
      description: 'Consultar a árvore de unidades (informação pública)',
      roles: ['citizen', 'partner', 'analyst', 'supervisor', 'manager', 'admin', 'integration'],
    },
    'organization.units.manage': { description: 'Criar unidades', roles: ['admin'] },
    'organization.staff.read': {
      description: 'Consultar servidores do seu escopo',
      roles: ['supervisor', 'manager', 'admin'],
    },
    'organization.staff.manage': { description: 'Cadastrar servidores', roles: ['manager', 'admin'] },
  },
  routes: organizationRoutes,
  demoSeed: async (deps, ctx) => {
    await seedOrganization(deps, ctx);
  },
};
