import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../platform/bootstrap';
import { createTestDeps, type TestDeps } from '../../platform/testing';
import { DEMO_CITIZEN_CPF } from '../identity/seed-demo';
import { seedContributions } from './seed-demo';

const opened: TestDeps[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
});

async function seeded() {
  const deps = await createTestDeps();
  opened.push(deps);
  const noop = { increment() {}, update() {}, stop() {} };
  await seedContributions(deps, { random: seededRandom(42), progress: () => noop });
  const { rows } = await deps.db.pool.query(
    `SELECT p.cpf, p.sex, l.seq, l.category, count(r.*)::int AS n, coalesce(sum(r.amount_cents), 0)::int8 AS total
       FROM contrib_people p JOIN contrib_links l ON l.person_id = p.id LEFT JOIN contrib_remunerations r ON r.link_id = l.id
      GROUP BY p.cpf, p.sex, l.seq, l.category ORDER BY p.cpf, l.seq`,
  );
  return { deps, rows };
}

describe('dados de demonstração', () => {
  it('são determinísticos e variados, com a cidadã de demonstração e a pessoa do extrato sintético', async () => {
    const a = await seeded();
    const b = await seeded();
    expect(b.rows).toEqual(a.rows);
    const people = new Set(a.rows.map((r) => r.cpf));
    expect(people.size).toBeGreaterThanOrEqual(30);
    expect(new Set(a.rows.map((r) => r.category)).size).toBeGreaterThanOrEqual(5);
    expect(a.rows.filter((r) => r.cpf === '12345678900').map((r) => r.n)).toEqual([119, 110]);
    expect(a.rows.filter((r) => r.cpf === DEMO_CITIZEN_CPF).length).toBe(2);
    const flagged = await a.deps.db.pool.query(
      "SELECT count(*)::int AS n FROM contrib_remunerations WHERE 'PSC-MEN-SM-EC103' = ANY(indicators)",
    );
    expect(flagged.rows[0].n).toBeGreaterThan(0);
  });
});
