import { resolve } from 'node:path';
import type { ModuleDefinition } from '../../platform/module';
import { identityRoutes } from './routes';
import { seedIdentity } from './seed-demo';

export const identityModule: ModuleDefinition = {
  name: 'identity',
  migrationsDir: resolve(import.meta.dirname, 'migrations'),
  permissions: {
    'identity.accounts.read': {
      description: 'Consultar contas de acesso do seu escopo',
      roles: ['manager', 'admin'],
    },
    'identity.accounts.manage': {
      description: 'Criar, desbloquear e desativar contas',
      roles: ['manager', 'admin'],
    },
    'identity.sessions.revoke_any': { description: 'Revogar sessões de qualquer conta', roles: ['admin'] },
    'identity.tokens.manage': { description: 'Emitir e revogar tokens de integração', roles: ['admin'] },
  },
  routes: identityRoutes,
  demoSeed: async (deps, ctx) => {
    const r = await seedIdentity(deps, ctx);
    ctx.note?.(
      `Token de integração de demonstração (guarde-o; não será mostrado de novo): ${r.integrationToken}`,
    );
  },
};
