import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateRmi } from '../calculate-rmi';
import { loadParameterTables } from '../load-parameter-tables';
import { parseCsv, REFERENCE_DIR } from '../reference-files';

/**
 * Property: on random contribution histories the engine agrees to the cent with an independent
 * reference written with decimal.js straight from the CSV files (no shared code with the engine
 * beyond the CSV reader): factor = acum(C)/acum(M) to 6 decimals, each salary capped at its teto
 * and corrected to the cent, average to the cent, coefficient 60% + 2 points a year, the §6º
 * discard by brute force, RMI to the cent between minimum wage and teto.
 */
Decimal.set({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
const csv = (f: string) => parseCsv(readFileSync(join(REFERENCE_DIR, f), 'utf8'));
const acum = new Map(
  csv('indice_atualizacao_salarios_contribuicao.csv').map((r) => [
    r['competencia']!,
    new Decimal(r['fator_acumulado_ate_2025_12']!),
  ]),
);
acum.set('2026-01', new Decimal(1));
const ranges = (f: string, col: string) =>
  csv(f).map((r) => ({ from: r['vigencia_inicio']!, to: r['vigencia_fim']!, v: new Decimal(r[col]!) }));
const tetos = ranges('teto_rgps.csv', 'teto_reais');
const minimums = ranges('salario_minimo.csv', 'valor_reais');
const at = (list: { from: string; to: string; v: Decimal }[], m: string) =>
  list.filter((x) => x.from <= m && m <= x.to).at(-1)!.v;

const monthAdd = (c: string, k: number) => {
  const i = Number(c.slice(0, 4)) * 12 + Number(c.slice(5, 7)) - 1 + k;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};
const lastDay = (c: string) =>
  new Date(Date.UTC(Number(c.slice(0, 4)), Number(c.slice(5, 7)), 0)).toISOString().slice(0, 10);

interface Case {
  sex: 'M' | 'F';
  startMonth: string;
  months: number;
  dibGap: number;
  amounts: number[];
  present: boolean[];
  benefit: 'B41' | 'B32';
}

function reference(c: Case, input: { request_date: string }) {
  const dibMonth = input.request_date.slice(0, 7);
  const endMonth = monthAdd(c.startMonth, c.months - 1);
  let tcMonths = c.months;
  const corrected: Decimal[] = [];
  for (let i = 0; i < c.months; i++) {
    const m = monthAdd(c.startMonth, i);
    if (!c.present[i]) continue;
    const amount = new Decimal(c.amounts[i]!).div(100);
    if (m >= '2019-11' && amount.lt(at(minimums, m))) {
      tcMonths -= 1; // CF art. 195 §14: the competência does not count at all
      continue;
    }
    if (m < '1994-07' || m >= dibMonth) continue;
    const factor = acum.get(m)!.div(acum.get(dibMonth)!).toDecimalPlaces(6);
    corrected.push(Decimal.min(amount, at(tetos, m)).mul(factor).toDecimalPlaces(2));
  }
  void endMonth;
  const tetoDib = at(tetos, dibMonth);
  const minDib = at(minimums, dibMonth);
  const threshold = c.sex === 'F' ? 15 : 20;
  const coef = (months: number) => 60 + 2 * Math.max(0, Math.floor(months / 12) - threshold);
  const clamp = (v: Decimal) => Decimal.max(Decimal.min(v, tetoDib), minDib);
  const asc = [...corrected].sort((a, b) => a.cmp(b));
  const minDivisor =
    c.benefit === 'B41' && c.startMonth <= '1994-07' && input.request_date >= '2022-05-05' ? 108 : 0;
  const avgOf = (k: number) => {
    const used = asc.slice(k);
    const divisor = Math.max(used.length, minDivisor);
    return divisor
      ? used
          .reduce((s, x) => s.add(x), new Decimal(0))
          .div(divisor)
          .toDecimalPlaces(2)
      : new Decimal(0);
  };
  if (c.benefit === 'B32') {
    const avg = avgOf(0);
    const rmi = clamp(Decimal.min(avg, tetoDib).mul(coef(tcMonths)).div(100).toDecimalPlaces(2));
    return { rmi: rmi.toFixed(2), average: avg.toFixed(2), coefficient: coef(tcMonths) };
  }
  let best = { rmi: new Decimal(-1), average: new Decimal(0), coefficient: 0 };
  for (let k = 0; k <= asc.length && tcMonths - k >= 180; k++) {
    const avg = avgOf(k);
    const rmi = clamp(
      Decimal.min(avg, tetoDib)
        .mul(coef(tcMonths - k))
        .div(100)
        .toDecimalPlaces(2),
    );
    if (rmi.gt(best.rmi)) best = { rmi, average: avg, coefficient: coef(tcMonths - k) };
  }
  return { rmi: best.rmi.toFixed(2), average: best.average.toFixed(2), coefficient: best.coefficient };
}

const caseArb = fc
  .record({
    sex: fc.constantFrom<'M' | 'F'>('M', 'F'),
    startIndex: fc.integer({ min: 0, max: 200 }),
    months: fc.integer({ min: 181, max: 380 }),
    dibGap: fc.integer({ min: 1, max: 3 }),
    benefit: fc.constantFrom<'B41' | 'B32'>('B41', 'B32'),
    seedAmounts: fc.array(fc.integer({ min: 1, max: 1_500_000 }), { minLength: 380, maxLength: 380 }),
    seedPresent: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 380, maxLength: 380 }),
  })
  .map((r) => ({
    sex: r.sex,
    startMonth: monthAdd('1992-01', r.startIndex),
    months: r.months,
    dibGap: r.dibGap,
    benefit: r.benefit,
    amounts: r.seedAmounts,
    present: r.seedPresent.map((p) => p > 0),
  }))
  // DIB between 01/2020 and 01/2026 (the index table ends in 12/2025)
  .filter((c) => {
    const dib = monthAdd(c.startMonth, c.months - 1 + c.dibGap);
    return dib >= '2020-01' && dib <= '2026-01';
  });

describe('engine vs an independent decimal.js reference on random histories', async () => {
  const tables = await loadParameterTables();
  it('agrees to the cent on average, coefficient and RMI (art. 18 with §6º discard; incapacidade permanente)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const dibMonth = monthAdd(c.startMonth, c.months - 1 + c.dibGap);
        const contributions = [];
        for (let i = 0; i < c.months; i++) {
          if (!c.present[i]) continue;
          const m = monthAdd(c.startMonth, i);
          // 11/2019 is split by EC 103 (13/11): keep it above the minimum so time stays in whole months
          const cents = m === '2019-11' ? Math.max(c.amounts[i]!, 100_000) : c.amounts[i]!;
          c.amounts[i] = cents;
          contributions.push({ month: m, amount: (cents / 100).toFixed(2) });
        }
        const input = {
          benefit: c.benefit,
          sex: c.sex,
          birth_date: '1945-05-05',
          request_date: `${dibMonth}-15`,
          rule: c.benefit === 'B41' ? 'ec103_art18' : 'incapacidade_permanente',
          links: [
            {
              start: `${c.startMonth}-01`,
              end: lastDay(monthAdd(c.startMonth, c.months - 1)),
              category: 'employee',
            },
          ],
          contributions,
        };
        const ref = reference(c, input);
        const r = calculateRmi(input, tables, { explain: false });
        if (ref.rmi === '-1.00') {
          expect(r.eligible).toBe(false);
          return;
        }
        expect(r.eligible).toBe(true);
        expect({
          rmi: r.rmi,
          average: r.average,
          coefficient: Math.round(Number(r.coefficient) * 100),
        }).toEqual(ref);
      }),
      { numRuns: 300 },
    );
  });
});

describe('fator previdenciário vs the formula in decimal.js', () => {
  it('f = (Tc·a/Es)·[1 + (Id + Tc·a)/100] rounded half up to 4 decimals, for any Tc, Id and Es', async () => {
    const { fatorFromUnits } = await import('./engine');
    fc.assert(
      fc.property(
        fc.integer({ min: 4380, max: 60 * 4380 }),
        fc.integer({ min: 40 * 4380, max: 100 * 4380 }),
        fc.integer({ min: 50, max: 450 }),
        (tc, age, es) => {
          const Tc = new Decimal(tc).div(4380);
          const Id = new Decimal(age).div(4380);
          const a = new Decimal('0.31');
          const f = Tc.mul(a)
            .div(new Decimal(es).div(10))
            .mul(Id.add(Tc.mul(a)).div(100).add(1));
          expect(fatorFromUnits(tc, age, es)).toBe(f.toDecimalPlaces(4).mul(10_000).toNumber());
        },
      ),
      { numRuns: 2000 },
    );
  });
});
