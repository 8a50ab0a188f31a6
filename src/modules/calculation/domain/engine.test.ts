import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors';
import { calculateRmi } from '../calculate-rmi';
import { loadParameterTables } from '../load-parameter-tables';
import { fatorFromUnits } from './engine';

/**
 * Worked examples checked by hand (Python decimal, independently of this code; the arithmetic is
 * written out in the module README, "Exemplos conferidos").
 */
const t = await loadParameterTables();

const history = (from: string, to: string, amount: string) => {
  const out: { month: string; amount: string }[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (;;) {
    const c = `${y}-${String(m).padStart(2, '0')}`;
    if (c > to) break;
    out.push({ month: c, amount });
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
};

describe('EC 103 art. 18 with the discard of art. 26 §6º (example A)', () => {
  const input = {
    benefit: 'B41',
    sex: 'F',
    birth_date: '1961-03-15',
    request_date: '2025-03-20',
    rule: 'auto',
    links: [{ start: '2005-01-01', end: '2024-12-31', category: 'employee' }],
    contributions: [
      { month: '2024-10', amount: '3000.00' },
      { month: '2024-11', amount: '3000.00' },
      { month: '2024-12', amount: '9000.00' },
    ],
  };

  it('discards the two smaller salaries: 7.786,02 (teto 2024) × 1,019671 = 7.939,18 × 68% = 5.398,64', () => {
    const r = calculateRmi(input, t);
    expect(r.rule).toBe('ec103_art18');
    expect(r.eligible).toBe(true);
    expect(r.average).toBe('7939.18');
    expect(r.benefit_salary).toBe('7939.18');
    expect(r.coefficient).toBe('0.68');
    expect(r.rmi).toBe('5398.64');
    // discarded months count for nothing: 20 years − 2 months, 240 − 2 qualifying months
    expect(r.contribution_time).toEqual({ years: 19, months: 10, days: 0 });
    expect(r.qualifying_months).toBe(238);
    expect(r.steps.some((s) => s.legal.includes('art. 26, §6º'))).toBe(true);
    expect(r.steps.find((s) => s.value.startsWith('12/2024'))?.value).toBe(
      '12/2024: R$ 9.000,00 (limitado ao teto R$ 7.786,02) × 1,019671 = R$ 7.939,18',
    );
  });

  it('without the discard the average would be 4.698,71 × 70% = 3.289,10, so the discard is applied', () => {
    const r = calculateRmi({ ...input, contributions: input.contributions.slice(0, 2) }, t);
    // with only the two 3.000,00 salaries, discarding one raises the average by less than it lowers the coefficient
    expect(r.rule).toBe('ec103_art18');
    expect(r.rmi).not.toBeNull();
  });

  it('the other rules are listed with the reasons they are not met', () => {
    const r = calculateRmi(input, t);
    const art19 = r.alternatives.find((a) => a.rule === 'ec103_art19')!;
    expect(art19.eligible).toBe(false);
    expect(art19.reasons.join(' ')).toMatch(/filiação em 01\/01\/2005, antes da EC 103/);
    expect(r.alternatives.find((a) => a.rule === 'ec103_art15')!.reasons.join(' ')).toMatch(
      /menor que 30 anos/,
    );
  });
});

describe('acquired right before EC 103 with fator previdenciário (example C, DIB 15/06/2010)', () => {
  it('80% highest with the 60% minimum divisor limited to the contributions; fator 0,8878 (IBGE 2008, Es(60) = 21,2)', () => {
    const r = calculateRmi(
      {
        benefit: 'B42',
        sex: 'M',
        birth_date: '1950-01-01',
        request_date: '2010-06-15',
        links: [{ start: '1975-01-01', end: '2010-05-31', category: 'employee' }],
        contributions: [
          { month: '2010-01', amount: '2000.00' },
          { month: '2010-02', amount: '2500.00' },
          { month: '2010-03', amount: '3000.00' },
          { month: '2010-04', amount: '3500.00' },
          { month: '2010-05', amount: '4000.00' },
        ],
      },
      t,
    );
    expect(r.rule).toBe('pre_ec103_fator');
    expect(r.contribution_time).toEqual({ years: 35, months: 5, days: 0 });
    // top 4 of 5: 3.507,73 + 3.482,31 + 3.056,44 + 2.564,87 = 12.611,35; divisor min(max(4, 60% × 191 = 114), 5) = 5
    expect(r.average).toBe('2522.27');
    expect(r.fator_previdenciario).toBe('0.8878');
    expect(r.benefit_salary).toBe('2239.27');
    expect(r.rmi).toBe('2239.27');
    expect(r.alternatives.find((a) => a.rule === 'pre_ec103_idade')!.eligible).toBe(false);
  });

  it('fator formula: Tc 35a5m, Id 60a5m14d, Es 21,2 → 0,8878', () => {
    const tc = 35 * 4380 + 5 * 365;
    const id = 60 * 4380 + 5 * 365 + 14 * 12;
    expect(fatorFromUnits(tc, id, 212)).toBe(8878);
  });
});

describe('acquired right at 13/11/2019, readjusted to the DIB (example D)', () => {
  it('70% + 19% = 89% of the 80% average at 11/2019, then 2020 pro rata (1,0177) and 2021 (5,45%)', () => {
    const r = calculateRmi(
      {
        benefit: 'B41',
        sex: 'F',
        birth_date: '1958-01-10',
        request_date: '2021-03-10',
        rule: 'pre_ec103_idade',
        links: [{ start: '2000-01-01', end: '2019-12-31', category: 'employee' }],
        contributions: [
          { month: '2019-08', amount: '2000.00' },
          { month: '2019-09', amount: '2100.00' },
          { month: '2019-10', amount: '2200.00' },
        ],
      },
      t,
    );
    expect(r.eligible).toBe(true);
    expect(r.average).toBe('2150.34');
    expect(r.coefficient).toBe('0.89');
    expect(r.fator_previdenciario).toBeNull(); // 0,6052 < 1: not applied (Lei 9.876 art. 7º)
    expect(r.rmi).toBe('2053.82');
    expect(r.steps.filter((s) => s.what.startsWith('Reajuste')).map((s) => s.value)).toEqual([
      'R$ 1.913,80 × 1,0177 = R$ 1.947,67',
      'R$ 1.947,67 × 1,0545 = R$ 2.053,82',
    ]);
  });
});

describe('the issue example (man born 20/04/1960, DIB 10/06/2025, employee since 01/03/1986)', () => {
  const base = {
    benefit: 'B41',
    sex: 'M',
    birth_date: '1960-04-20',
    request_date: '2025-06-10',
    links: [{ start: '1986-03-01', end: '2025-05-31', category: 'employee' }],
    contributions: history('1994-07', '2025-05', '3000.00'),
  };

  it('counts 39 years and 3 months (the issue prints 39 years, 2 months and 30 days) and 471 qualifying months', () => {
    const r = calculateRmi({ ...base, rule: 'ec103_art18' }, t);
    expect(r.steps.find((s) => s.what.startsWith('Tempo de contribuição até a DIB'))!.value).toBe(
      '39 anos, 3 meses e 0 dias',
    );
    expect(r.steps.find((s) => s.what.startsWith('Carência'))!.value).toBe('471');
    // §6º: the 3 smallest salaries are discarded without losing a coefficient point (still 39 full years)
    expect(r.contribution_time).toEqual({ years: 39, months: 0, days: 0 });
    expect(r.qualifying_months).toBe(468);
    expect(r.coefficient).toBe('0.98');
    expect(r.rmi).toBe(
      (() => {
        // RMI = round(average × 0,98) to the cent, in integers
        const avg = Number(r.average!.replace('.', ''));
        const v = Math.floor((avg * 98 + 50) / 100);
        return `${Math.floor(v / 100)}.${String(v % 100).padStart(2, '0')}`;
      })(),
    );
  });

  it('art. 19 does not apply to someone affiliated before EC 103; auto prefers art. 20 (100%)', () => {
    const r = calculateRmi({ ...base, rule: 'auto' }, t);
    expect(r.alternatives.find((a) => a.rule === 'ec103_art19')!.eligible).toBe(false);
    expect(r.rule).toBe('ec103_art20');
    expect(r.coefficient).toBe('1.00');
    // art. 17 needs the 2023 IBGE table, which is missing: reported, not guessed
    expect(r.alternatives.find((a) => a.rule === 'ec103_art17')!.reasons[0]).toMatch(/tábua .* de 2023/);
  });

  it('the literal issue input (one salary, 07/1994): 582,86 × 11,448160 = 6.672,67 ÷ 108 = 61,78 (Lei 14.331/2022) is raised to the minimum wage; ties go to art. 20', () => {
    const r = calculateRmi(
      { ...base, rule: 'auto', contributions: [{ month: '1994-07', amount: '582.86' }] },
      t,
    );
    expect(r.average).toBe('61.78');
    expect(r.rmi).toBe('1518.00');
    expect(r.rule).toBe('ec103_art20');
  });

  it('asking explicitly for art. 17 fails with the missing-table message', () => {
    expect(() => calculateRmi({ ...base, rule: 'ec103_art17' }, t)).toThrow(
      /tábua completa de mortalidade do IBGE de 2023/,
    );
  });
});

describe('other species', () => {
  it('pensão por morte: quota 50% + 10% per dependent on the aposentadoria por incapacidade permanente', () => {
    const input = {
      benefit: 'B21',
      sex: 'M',
      birth_date: '1970-01-01',
      request_date: '2024-06-10',
      links: [{ start: '2000-01-01', end: '2024-06-09', category: 'employee' }],
      contributions: history('2000-01', '2024-05', '3000.00'),
      dependents: 2,
    };
    const r = calculateRmi(input, t);
    const base = r.steps.find((s) =>
      s.what.startsWith('Aposentadoria por incapacidade permanente a que'),
    )!.value;
    expect(r.coefficient).toBe('0.70');
    const baseCents = Number(base.replace(/[^\d]/g, ''));
    expect(Number(r.rmi!.replace('.', ''))).toBe(Math.round((baseCents * 70) / 100));
    const disabled = calculateRmi({ ...input, disabled_dependent: true }, t);
    expect(disabled.coefficient).toBe('1.00');
    expect(() => calculateRmi({ ...input, dependents: undefined }, t)).toThrow(AppError);
  });

  it('auxílio por incapacidade temporária: 91% capped at the average of the last 12 salários', () => {
    const contributions = [
      ...history('2010-01', '2023-05', '6000.00'),
      ...history('2023-06', '2024-05', '1500.00'),
    ];
    const r = calculateRmi(
      {
        benefit: 'B31',
        sex: 'F',
        birth_date: '1980-01-01',
        request_date: '2024-06-10',
        links: [{ start: '2010-01-01', end: null, category: 'employee' }],
        contributions,
      },
      t,
    );
    const cap = r.steps.find((s) => s.legal === 'Lei 8.213/1991, art. 29, §10');
    expect(cap).toBeDefined();
    expect(r.rmi).toBe(cap!.value.replace('R$ ', '').replace('.', '').replace(',', '.'));
  });

  it('auxílio-acidente is 50% with no minimum-wage floor; BPC is one minimum wage', () => {
    const r = calculateRmi(
      {
        benefit: 'B94',
        sex: 'M',
        birth_date: '1990-01-01',
        request_date: '2024-06-10',
        links: [{ start: '2023-01-01', end: null, category: 'employee' }],
        contributions: history('2023-01', '2024-05', '1412.00'),
      },
      t,
    );
    expect(r.coefficient).toBe('0.50');
    expect(Number(r.rmi)).toBeLessThan(1412);
    const bpc = calculateRmi(
      { benefit: 'B88', sex: 'F', birth_date: '1955-01-01', request_date: '2024-06-10' },
      t,
    );
    expect(bpc.rmi).toBe('1412.00');
    const young = calculateRmi(
      { benefit: 'B88', sex: 'F', birth_date: '1965-01-01', request_date: '2024-06-10' },
      t,
    );
    expect(young.eligible).toBe(false);
    expect(young.rmi).toBeNull();
  });

  it('salário-maternidade of an employee is the full last remuneration, not capped at the teto', () => {
    const r = calculateRmi(
      {
        benefit: 'B80',
        sex: 'F',
        birth_date: '1990-01-01',
        request_date: '2024-06-10',
        links: [{ start: '2020-01-01', end: null, category: 'employee' }],
        contributions: history('2024-01', '2024-05', '9500.00'),
      },
      t,
    );
    expect(r.rmi).toBe('9500.00');
  });

  it('aposentadoria por incapacidade permanente acidentária is 100% of the average', () => {
    const r = calculateRmi(
      {
        benefit: 'B92',
        sex: 'M',
        birth_date: '1980-01-01',
        request_date: '2024-06-10',
        links: [{ start: '2023-01-01', end: null, category: 'employee' }],
        contributions: history('2023-01', '2024-05', '2500.00'),
      },
      t,
    );
    expect(r.coefficient).toBe('1.00');
    expect(r.rmi).toBe(r.benefit_salary);
  });

  it('a competência below the minimum wage after EC 103 is out of the average', () => {
    const r = calculateRmi(
      {
        benefit: 'B32',
        sex: 'M',
        birth_date: '1980-01-01',
        request_date: '2024-06-10',
        links: [{ start: '2023-01-01', end: null, category: 'employee' }],
        contributions: [...history('2023-01', '2023-12', '3000.00'), { month: '2024-01', amount: '500.00' }],
      },
      t,
    );
    expect(r.steps.find((s) => s.legal === 'CF, art. 195, §14; EC 103/2019, art. 29')?.value).toBe('01/2024');
    expect(r.steps.find((s) => s.what.startsWith('Período básico'))?.value).toBe('12');
  });
});

describe('rules in force at older DIBs', () => {
  it('85/95 points (Lei 13.183/2015): an unfavourable fator is not applied', () => {
    const r = calculateRmi(
      {
        benefit: 'B42',
        sex: 'M',
        birth_date: '1957-01-01',
        request_date: '2017-06-10',
        links: [{ start: '1981-06-01', end: '2017-05-31', category: 'employee' }],
        contributions: history('2010-01', '2017-05', '3000.00'),
      },
      t,
    );
    expect(r.rule).toBe('pre_ec103_fator');
    expect(r.fator_previdenciario).toBeNull();
    expect(r.benefit_salary).toBe(r.average);
    expect(r.steps.some((s) => s.legal.includes('art. 29-C'))).toBe(true);
  });

  it('DIB before 29/11/1999: the last 36 salários within 48 months (original art. 29)', () => {
    const r = calculateRmi(
      {
        benefit: 'B42',
        sex: 'M',
        birth_date: '1940-01-01',
        request_date: '1998-07-10',
        links: [{ start: '1960-01-01', end: '1998-06-30', category: 'employee' }],
        contributions: history('1994-07', '1998-06', '500.00'),
      },
      t,
    );
    expect(r.rule).toBe('pre_ec103_fator');
    expect(r.fator_previdenciario).toBeNull();
    const avg = r.steps.find((s) => s.legal === 'Lei 8.213/1991, art. 29, caput (redação original)')!;
    expect(avg.what).toBe('Média dos últimos 36 salários corrigidos em até 48 meses');
    expect(r.coefficient).toBe('1.00');
  });

  it('DIB on 29/11/1999 (Lei 9.876 in force, fator at 0/60): 80% average and no fator, no life table needed', () => {
    const r = calculateRmi(
      {
        benefit: 'B42',
        sex: 'M',
        birth_date: '1945-01-01',
        request_date: '1999-11-29',
        links: [{ start: '1963-01-01', end: '1999-10-31', category: 'employee' }],
        contributions: history('1994-07', '1999-10', '800.00'),
      },
      t,
    );
    expect(r.rule).toBe('pre_ec103_fator');
    expect(r.eligible).toBe(true);
    expect(r.fator_previdenciario).toBeNull();
    expect(r.steps.some((s) => s.legal.startsWith('Lei 9.876/1999, art. 3º'))).toBe(true);
  });

  it('DIB before 29/11/1999 whose 48-month window reaches before 07/1994 is refused clearly', () => {
    expect(() =>
      calculateRmi(
        {
          benefit: 'B42',
          sex: 'M',
          birth_date: '1935-01-01',
          request_date: '1996-03-10',
          links: [{ start: '1955-01-01', end: '1996-02-29', category: 'employee' }],
          contributions: history('1993-01', '1996-02', '300.00'),
        },
        t,
      ),
    ).toThrow(/anterior a 07\/1994/);
  });

  it('art. 17 with a DIB in 2021 names the missing 2019 table', () => {
    const r = calculateRmi(
      {
        benefit: 'B42',
        sex: 'M',
        birth_date: '1962-01-01',
        request_date: '2021-06-10',
        links: [{ start: '1985-01-01', end: '2021-05-31', category: 'employee' }],
        contributions: history('1994-07', '2021-05', '2000.00'),
      },
      t,
    );
    const art17 = r.alternatives.find((a) => a.rule === 'ec103_art17') ?? { reasons: [] as string[] };
    expect([...art17.reasons, ...(r.rule === 'ec103_art17' ? ['escolhida'] : [])].join(' ')).toMatch(
      /IBGE de 2019/,
    );
  });
});
