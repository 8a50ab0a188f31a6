import { resolve } from 'node:path';
import type { ModuleDefinition } from '../../platform/module';
import { requestsCli } from './cli';
import { revisionConsumer } from './create-revision-task';
import { expireExigencias } from './expire-exigencias';
import { flagOverdueTasks } from './flag-overdue-tasks';
import { requestsRoutes } from './routes';
import { requestsAdminRoutes } from './routes-admin';
import { seedRequests } from './seed-demo';

const STAFF_WORK = ['analyst', 'supervisor'] as const;

export const requestsModule: ModuleDefinition = {
  name: 'requests',
  migrationsDir: resolve(import.meta.dirname, 'migrations'),
  permissions: {
    'requests.file': {
      description: 'Protocolar requerimento',
      roles: ['citizen', 'partner', 'analyst', 'manager', 'admin'],
    },
    'requests.read': {
      description: 'Consultar requerimentos (escopo: CPF, entidade parceira ou unidade)',
      roles: ['citizen', 'partner', 'analyst', 'supervisor', 'manager', 'admin', 'integration'],
    },
    'requests.documents.upload': {
      description: 'Anexar documentos',
      roles: ['citizen', 'partner', 'analyst', 'manager', 'admin'],
    },
    'requests.documents.read': {
      description: 'Ler documentos anexados',
      roles: ['citizen', 'partner', 'analyst', 'supervisor', 'manager', 'admin'],
    },
    'requests.tasks.read': {
      description: 'Consultar tarefas',
      roles: ['analyst', 'supervisor', 'manager', 'admin'],
    },
    'requests.tasks.take': { description: 'Pegar a próxima tarefa', roles: [...STAFF_WORK] },
    'requests.tasks.release': { description: 'Devolver tarefa', roles: ['analyst', 'supervisor', 'manager'] },
    'requests.tasks.transfer': {
      description: 'Enviar tarefa a outra unidade',
      roles: ['analyst', 'supervisor', 'manager'],
    },
    'requests.tasks.reassign': {
      description: 'Redistribuir tarefa',
      roles: ['supervisor', 'manager', 'admin'],
    },
    'requests.exigencias.open': { description: 'Abrir exigência', roles: [...STAFF_WORK] },
    'requests.exigencias.answer': {
      description: 'Cumprir exigência',
      roles: ['citizen', 'partner', 'analyst'],
    },
    'requests.exigencias.extend': { description: 'Prorrogar exigência', roles: [...STAFF_WORK] },
    'requests.appointments.read': {
      description: 'Consultar vagas de agendamento',
      roles: ['citizen', 'partner', 'analyst', 'supervisor', 'manager'],
    },
    'requests.appointments.schedule': {
      description: 'Agendar/reagendar perícia ou avaliação social',
      roles: ['citizen', 'partner', 'analyst', 'supervisor'],
    },
    'requests.appointments.attend': { description: 'Registrar comparecimento', roles: [...STAFF_WORK] },
    'requests.pendency.register': {
      description: 'Registrar pendência para análise automática',
      roles: [...STAFF_WORK],
    },
    'requests.pendency.resolve': {
      description: 'Devolver da análise automática',
      roles: ['integration', 'supervisor'],
    },
    'requests.decide': {
      description: 'Decidir requerimento',
      roles: ['analyst', 'supervisor', 'integration'],
    },
    'requests.appeals.file': { description: 'Interpor recurso', roles: ['citizen', 'partner', 'analyst'] },
    'requests.appeals.decide': {
      description: 'Registrar decisão da junta de recursos',
      roles: ['manager', 'admin', 'integration'],
    },
    'requests.appeals.comply': { description: 'Cumprir decisão recursal', roles: [...STAFF_WORK] },
    'requests.queues.manage': {
      description: 'Administrar filas, regras de escalonamento e vagas de agendamento do seu escopo',
      roles: ['manager', 'admin'],
    },
    'requests.indicators.read': {
      description: 'Indicadores do plano de ação',
      roles: ['supervisor', 'manager', 'admin'],
    },
  },
  routes: (app, deps) => {
    requestsRoutes(app, deps);
    requestsAdminRoutes(app, deps);
  },
  cli: requestsCli,
  demoSeed: seedRequests,
  consumers: [revisionConsumer],
  jobs: [
    {
      name: 'requests.expire-exigencias',
      cron: '10 0 * * *',
      handler: async (deps) => void (await expireExigencias(deps)),
    },
    {
      name: 'requests.flag-overdue',
      cron: '30 0 * * *',
      handler: async (deps) => void (await flagOverdueTasks(deps)),
    },
  ],
};
