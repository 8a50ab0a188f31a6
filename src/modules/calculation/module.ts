import { resolve } from 'node:path';
import type { ModuleDefinition } from '../../platform/module';
import { calculationCli } from './cli';
import { calculationRoutes } from './routes';

export const calculationModule: ModuleDefinition = {
  name: 'calculation',
  migrationsDir: resolve(import.meta.dirname, 'migrations'),
  permissions: {
    'calculation.run': {
      description: 'Simular o cálculo da RMI e dos atrasados (sem dados pessoais identificáveis)',
      roles: ['citizen', 'partner', 'analyst', 'supervisor', 'manager', 'admin', 'integration'],
    },
    'calculation.parameters.read': {
      description: 'Consultar as tabelas de parâmetros legais',
      roles: ['analyst', 'supervisor', 'manager', 'admin', 'integration'],
    },
    'calculation.parameters.manage': {
      description: 'Cadastrar índice mensal, salário mínimo, teto e reajuste publicados no DOU',
      roles: ['manager', 'admin'],
    },
  },
  routes: calculationRoutes,
  cli: (program, ctx) => calculationCli(program, ctx),
};
