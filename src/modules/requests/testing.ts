import { randomUUID } from 'node:crypto';
import type { Actor, Ctx, Role } from '../../platform/auth/roles';
import { TEST_PASSWORD, type TestApp, type TestSession } from '../../platform/testing';
import { Cpf } from '../../platform/values/documents';
import { createAccount } from '../identity/accounts';
import { createStaff } from '../organization/create-staff';

/**
 * A valid CPF from a deterministic source of randomness: 9 base digits, then the first suffix
 * that the platform's Cpf (via @brazilian-utils) accepts — check digits are never computed by hand.
 */
export function cpfFrom(random: () => number): string {
  const base = Array.from({ length: 9 }, () => Math.floor(random() * 10)).join('');
  for (let s = 0; s < 100; s++) {
    const c = base + String(s).padStart(2, '0');
    if (Cpf.isValid(c) && !/^(\d)\1{10}$/.test(c)) return c;
  }
  return cpfFrom(random);
}

/** The context of a use case called directly (no HTTP) by a staff member: a fresh account and request id. */
export const staffCtx = (
  role: Actor['role'],
  unitId: string | null,
  staffId: string | null = randomUUID(),
): Ctx => ({
  actor: {
    accountId: randomUUID(),
    role,
    name: 'Teste',
    unitId,
    cpf: null,
    partnerEntityId: null,
    staffId,
    via: 'session',
    sessionId: null,
  },
  requestId: randomUUID(),
});

let seq = 0;
/** A staff member (organization) with a login (identity) carrying its staffId, logged in. */
export async function loginStaff(
  t: TestApp,
  role: Role,
  unitId: string,
): Promise<TestSession & { staffId: string }> {
  seq++;
  const staff = await createStaff(t.deps, null, {
    registration: `T${Date.now() % 100000}${seq}`,
    name: `Servidor de Teste ${seq}`,
    unitId,
    roles: [role],
    startDate: '2020-01-02',
  });
  const login = `srv.req.${seq}.${Math.floor(Math.random() * 1e6)}`;
  const account = await createAccount(t.deps, null, {
    login,
    name: staff.name,
    role,
    unitId,
    staffId: staff.id,
    password: TEST_PASSWORD,
  });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { login, password: TEST_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login falhou (${res.statusCode}): ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'pd_session')!;
  return {
    role,
    accountId: account.id,
    login,
    staffId: staff.id,
    headers: { cookie: `pd_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken },
  };
}

/** Mulberry32: a tiny seeded PRNG for deterministic test data. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Moves the test clock and logs the given sessions in again (sessions expire with the clock). */
export async function travel(t: TestApp, when: string, sessions: TestSession[]) {
  t.deps.clock.set(when);
  for (const s of sessions) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: s.login, password: TEST_PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`login falhou (${res.statusCode}): ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'pd_session')!;
    s.headers = { cookie: `pd_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken };
  }
}
