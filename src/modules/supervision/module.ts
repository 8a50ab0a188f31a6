import { resolve } from 'node:path';
import type { ModuleDefinition } from '../../platform/module';
import { registerSupervisionCli } from './cli';
import { supervisionJobs } from './jobs';
import { taskConcludedConsumer } from './record-concluded-task';
import { supervisionRoutes } from './routes';
import { seedSupervision } from './seed-demo';

/** Supervisão Técnica em Benefícios (Portaria DIRBEN/INSS nº 1.309/2025). */
export const supervisionModule: ModuleDefinition = {
  name: 'supervision',
  jobs: supervisionJobs,
  migrationsDir: resolve(import.meta.dirname, 'migrations'),
  permissions: {
    'supervision.read': {
      description: 'Consultar supervisões, indicadores, encaminhamentos e checklist do seu escopo',
      roles: ['supervisor', 'manager', 'admin'],
    },
    'supervision.assign': {
      description: 'Designar supervisões na equipe da SR (art. 7º, §3º)',
      roles: ['manager', 'admin'],
    },
    'supervision.conclude': {
      description: 'Concluir supervisões designadas (art. 9º)',
      roles: ['supervisor', 'admin'],
    },
    'supervision.sample': {
      description: 'Sortear amostras e registrar seleções direcionadas (arts. 7º, 8º, 11 e 18)',
      roles: ['manager', 'admin'],
    },
    'supervision.indicate': {
      description: 'Registrar indicação de erro administrativo (art. 3º, §1º)',
      roles: ['supervisor', 'manager', 'admin'],
    },
    'supervision.referrals.manage': {
      description: 'Calcular encaminhamentos e registrar defesa e decisão (arts. 13 e 14)',
      roles: ['manager', 'admin'],
    },
    'supervision.checklist.manage': {
      description: 'Publicar versões do checklist (art. 5º)',
      roles: ['admin'],
    },
    'supervision.report': {
      description: 'Emitir o relatório para Coben e SGBEN (arts. 15 e 22)',
      roles: ['supervisor', 'manager', 'admin'],
    },
  },
  routes: supervisionRoutes,
  cli: (program, ctx) => {
    registerSupervisionCli(program, undefined, ctx);
  },
  demoSeed: seedSupervision,
  consumers: [taskConcludedConsumer],
};
