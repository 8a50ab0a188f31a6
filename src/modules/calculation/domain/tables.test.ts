import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Competence } from '../../../platform/values/competence';
import { loadParameterTables } from '../load-parameter-tables';
import { parseCsv, REFERENCE_DIR } from '../reference-files';
import { correctArrears } from './arrears';
import { divRound, parseScaled } from './fixed';
import { correctionFactorExact, lifeExpectancyTenths, lifeTableAt } from './tables';

const idx = (c: string) => Competence.index(c as Competence);
const published = parseCsv(readFileSync(join(REFERENCE_DIR, 'fatores_portarias_publicados.csv'), 'utf8'));

describe('correction factor acum(C)/acum(M), 6 decimals (RPS art. 33)', async () => {
  const t = await loadParameterTables();
  // Art. 33 tables (salário de benefício). The reference README documents that dividing two
  // accumulated values rounded to 6 decimals may differ from the Portaria by ±1 in the 6th decimal.
  const art33 = published.filter((r) => !r['observacao']!.includes('art. 175'));
  const art175 = published.filter((r) => r['observacao']!.includes('art. 175'));

  it('matches every published art. 33 factor within ±1 in the 6th decimal (83 of 136 exact)', () => {
    expect(art33).toHaveLength(136);
    let exact = 0;
    const off: string[] = [];
    for (const r of art33) {
      const f = correctionFactorExact(t, idx(r['competencia']!), idx(r['mes_referencia_portaria']!));
      const p = parseScaled(r['fator_publicado']!, 6);
      const d = f - p;
      if (d === 0n) exact++;
      else if (d !== 1n && d !== -1n)
        off.push(`${r['mes_referencia_portaria']} ${r['competencia']}: ${f} vs ${p}`);
    }
    expect(off).toEqual([]);
    expect(exact).toBe(83);
  });

  it('reproduces the month-to-month ratios of the art. 175 table (Portaria MPS 682/2004) within 0.006 p.p.', () => {
    expect(art175).toHaveLength(62);
    const rows = art175.sort((a, b) => a['competencia']!.localeCompare(b['competencia']!));
    for (let i = 0; i + 1 < rows.length; i++) {
      const c = idx(rows[i]!['competencia']!);
      if (idx(rows[i + 1]!['competencia']!) !== c + 1) continue;
      const ratio = Number(rows[i]!['fator_publicado']) / Number(rows[i + 1]!['fator_publicado']);
      const monthly = Number(t.indices[c - t.firstMonth]!.monthlyFactor) / 1e7;
      expect(Math.abs(ratio - monthly) * 100).toBeLessThan(0.006);
    }
  });

  it('Portaria MPS 904/2023 art. 2º: index 1,001000 for 11/2023, used for salaries and late payments', () => {
    const text = readFileSync(join(import.meta.dirname, '../fixtures/portaria-mps-904-2023.txt'), 'utf8');
    const m = /no mês de novembro de 2023, serão efetuadas mediante a aplicação do índice de (\d,\d{6})/.exec(
      text,
    );
    expect(m).not.toBeNull();
    const published904 = parseScaled(m![1]!.replace(',', '.'), 6);
    expect(correctionFactorExact(t, idx('2023-11'), idx('2023-12'))).toBe(published904);
    const r = correctArrears(t, idx('2023-12'), [{ month: idx('2023-11'), cents: 100_000 }]);
    expect(r.lines[0]!.corrected).toBe(100_100);
  });

  it('never corrects a late payment below the original amount (Portaria 904/2023 art. 4º)', () => {
    // IGP-DI of 05–07/2003 were negative and applied as published: 05/2003 → 08/2003 deflates.
    const f = correctionFactorExact(t, idx('2003-05'), idx('2003-08'));
    expect(f).toBeLessThan(1_000_000n);
    const r = correctArrears(t, idx('2003-08'), [{ month: idx('2003-05'), cents: 50_000 }]);
    expect(r.lines[0]!.keptOriginal).toBe(true);
    expect(r.lines[0]!.corrected).toBe(50_000);
  });

  it('says which index is missing instead of extrapolating past the last Portaria', () => {
    expect(() => correctionFactorExact(t, idx('2020-01'), idx('2026-02'))).toThrow(
      /01\/2026 ainda não cadastrado/,
    );
  });
});

describe('IBGE life tables for the fator previdenciário', async () => {
  const t = await loadParameterTables();
  const checks = parseCsv(readFileSync(join(REFERENCE_DIR, 'ibge_tabua_conferencia_dou.csv'), 'utf8'));

  it('agree with every value printed in the DOU that the reference file checks', () => {
    for (const c of checks) {
      const table = t.lifeTables.find((l) => l.year === Number(c['tabua_ano']));
      expect(table, `tábua ${c['tabua_ano']}`).toBeDefined();
      // two secondary 2022 values carry 2 decimals: compare them rounded half up to the DOU's 1 decimal
      const hundredths = Number(parseScaled(c['ex_publicado_dou']!, 2));
      expect(lifeExpectancyTenths(table!, Number(c['idade']))).toBe(divRound(hundredths, 10));
    }
  });

  it('picks the table in force at the DIB (published by 1 December)', () => {
    const at = (d: string) => {
      const r = lifeTableAt(t, d);
      return 'table' in r ? r.table.year : `faltando ${r.missing.year}`;
    };
    expect(at('2019-11-13')).toBe(2017);
    expect(at('2019-12-01')).toBe(2018);
    expect(at('2021-06-01')).toBe('faltando 2019');
    expect(at('2025-06-10')).toBe('faltando 2023');
    expect(at('2025-12-01')).toBe(2024);
    expect(at('2000-06-01')).toBe('faltando 1998');
  });
});
