import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Role } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import type { SeedContext } from '../../platform/module';
import { Cpf } from '../../platform/values';
import { listStaff } from '../organization/list-staff';
import { createApiToken } from './api-tokens';
import { hashPassword } from './login';
import { idAccounts } from './schema';

export const DEMO_PASSWORD = 'previdencia-demo';
export const DEMO_CITIZEN_CPF = '52998224725';
export const DEMO_PARTNER_ENTITY = 'ACT-0001';

/** The demo logins printed at start-up and listed in the README (one per role). */
export const DEMO_LOGINS: { role: Role; login: string; description: string }[] = [
  { role: 'citizen', login: '529.982.247-25', description: 'Cidadã Maria da Silva Santos' },
  {
    role: 'partner',
    login: 'parceiro.sindicato',
    description: 'Sindicato dos Trabalhadores Rurais (ACT-0001)',
  },
  { role: 'analyst', login: 'analista.ceab1', description: 'Analista da CEAB Sudeste I' },
  { role: 'supervisor', login: 'supervisor.sr1', description: 'Supervisor técnico da SR Sudeste I' },
  { role: 'manager', login: 'gestor.nacional', description: 'Gestor nacional (Direção Central)' },
  { role: 'admin', login: 'admin', description: 'Administrador da plataforma' },
];

/** A valid CPF from a seeded random source: 9 random digits, check digits found by @brazilian-utils. */
export function demoCpf(random: () => number): string {
  for (;;) {
    const base = Array.from({ length: 9 }, () => Math.floor(random() * 10)).join('');
    for (let dv = 0; dv < 100; dv++) {
      const cpf = base + String(dv).padStart(2, '0');
      if (Cpf.isValid(cpf)) return cpf;
    }
  }
}

const NAMED: Record<string, (s: { role: string; unitId: string }, i: number) => boolean> = {
  admin: (s) => s.role === 'admin',
  'gestor.nacional': (s) => s.role === 'manager' && s.unitId === 'BR',
  'gestor.sr1': (s) => s.role === 'manager' && s.unitId === 'SR1',
  'supervisor.sr1': (s) => s.role === 'supervisor' && s.unitId === 'SR1',
  'analista.ceab1': (s) => s.role === 'analyst' && s.unitId === 'CEAB-SR1',
};

export async function seedIdentity(deps: Deps, ctx: SeedContext) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const staff: { id: string; registration: string; name: string; unitId: string; roles: string[] }[] = [];
  let cursor: string | undefined;
  do {
    const page = await listStaff(deps, null, { limit: 500, cursor });
    staff.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const used = new Set<string>();
  const rows: (typeof idAccounts.$inferInsert)[] = [];
  const now = deps.clock.now();
  for (const s of staff) {
    const role = s.roles[0]!;
    const named = Object.entries(NAMED).find(
      ([login, match]) => !used.has(login) && match({ role, unitId: s.unitId }, 0),
    )?.[0];
    const login = named ?? `servidor.${s.registration}`;
    used.add(login);
    rows.push({
      id: randomUUID(),
      login,
      role,
      name: s.name,
      unitId: s.unitId,
      staffId: s.id,
      passwordHash,
      failedAttempts: 0,
      active: true,
      createdAt: now,
    });
  }
  const citizens = [
    'Maria da Silva Santos',
    'José Pereira Lima',
    'Antônia Souza Rocha',
    'Francisco Alves Costa',
    'Raimunda Ferreira Dias',
  ];
  citizens.forEach((name, i) => {
    const cpf = i === 0 ? DEMO_CITIZEN_CPF : demoCpf(ctx.random);
    rows.push({
      id: randomUUID(),
      login: cpf,
      role: 'citizen',
      name,
      cpf,
      passwordHash,
      failedAttempts: 0,
      active: true,
      createdAt: now,
    });
  });
  rows.push({
    id: randomUUID(),
    login: 'parceiro.sindicato',
    role: 'partner',
    name: 'Representante do STR de Caxias do Sul',
    partnerEntityId: DEMO_PARTNER_ENTITY,
    unitId: 'APS-4305108',
    passwordHash,
    failedAttempts: 0,
    active: true,
    createdAt: now,
  });
  rows.push({
    id: randomUUID(),
    login: 'parceiro.prefeitura',
    role: 'partner',
    name: 'Representante da Prefeitura de Maracanaú',
    partnerEntityId: 'ACT-0002',
    unitId: 'APS-2307650',
    passwordHash,
    failedAttempts: 0,
    active: true,
    createdAt: now,
  });
  const integrationId = randomUUID();
  rows.push({
    id: integrationId,
    login: 'integracao.demo',
    role: 'integration',
    name: 'Sistema integrador de demonstração',
    failedAttempts: 0,
    active: true,
    createdAt: now,
  });
  const bar = ctx.progress('Contas de acesso', rows.length);
  for (let i = 0; i < rows.length; i += 200) {
    await deps.db.orm.insert(idAccounts).values(rows.slice(i, i + 200));
    bar.increment(Math.min(200, rows.length - i));
  }
  bar.stop();
  const [check] = await deps.db.orm
    .select({ id: idAccounts.id })
    .from(idAccounts)
    .where(eq(idAccounts.login, 'admin'));
  if (!check) throw new Error('demo: conta admin não criada (organização sem administrador?)');
  const token = await createApiToken(deps, null, { accountId: integrationId, name: 'Token de demonstração' });
  return { integrationToken: token.token };
}
