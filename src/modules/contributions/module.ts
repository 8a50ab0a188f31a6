import { resolve } from 'node:path';
import type { ModuleDefinition } from '../../platform/module';
import { contributionsCli } from './cli';
import { contributionsRoutes } from './routes';
import { seedContributions } from './seed-demo';

const STAFF = ['analyst', 'supervisor', 'manager', 'admin'] as const;

export const contributionsModule: ModuleDefinition = {
  name: 'contributions',
  migrationsDir: resolve(import.meta.dirname, 'migrations'),
  permissions: {
    'contributions.people.read': {
      description:
        'Consultar pessoa, vínculos, remunerações e benefícios do CNIS (cidadão: só o próprio CPF)',
      roles: ['citizen', ...STAFF],
    },
    'contributions.people.write': { description: 'Cadastrar e alterar pessoas', roles: [...STAFF] },
    'contributions.cnis.import': {
      description: 'Importar o Extrato Previdenciário do CNIS (cidadão: só conferir o próprio, sem gravar)',
      roles: ['citizen', ...STAFF, 'integration'],
    },
    'contributions.import': {
      description: 'Importação em lote do cadastro de contribuições',
      roles: ['admin', 'integration'],
    },
  },
  routes: contributionsRoutes,
  cli: contributionsCli,
  demoSeed: seedContributions,
};
