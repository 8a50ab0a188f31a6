import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import type { SeedContext } from '../../platform/module';
import { projectPath } from '../../platform/paths';
import { DEMO_CITIZEN_CPF } from '../identity/seed-demo';
import { csvField } from './domain/csv';
import { syntheticCnpj, syntheticCpf, syntheticNit } from './domain/synthetic';
import { importCnisExtract } from './import-cnis';
import { importContributions } from './import-contributions';
import { textSource } from './import-sources';

const REF = projectPath('data/reference');
const CNIS_SAMPLE_TEXT = join(import.meta.dirname, 'fixtures/cnis_exemplo_sintetico.txt');

const FIRST_F = [
  'MARIA',
  'ANA',
  'FRANCISCA',
  'ANTONIA',
  'ADRIANA',
  'JULIANA',
  'MARCIA',
  'FERNANDA',
  'PATRICIA',
  'ALINE',
];
const FIRST_M = [
  'JOSE',
  'JOAO',
  'ANTONIO',
  'FRANCISCO',
  'CARLOS',
  'PAULO',
  'PEDRO',
  'LUCAS',
  'LUIZ',
  'MARCOS',
];
const LAST = [
  'SILVA',
  'SANTOS',
  'OLIVEIRA',
  'SOUZA',
  'RODRIGUES',
  'FERREIRA',
  'ALVES',
  'PEREIRA',
  'LIMA',
  'GOMES',
  'COSTA',
  'RIBEIRO',
];
const EMPLOYERS = [
  'COMERCIO DE ALIMENTOS',
  'METALURGICA',
  'TRANSPORTES',
  'CONFECCOES',
  'HOSPITAL',
  'CONSTRUTORA',
  'SUPERMERCADO',
  'ESCOLA',
];

/** Minimum wage by month (data/reference/salario_minimo.csv), for realistic amounts and EC 103 pendencies. */
function minimumWage(): (month: string) => number {
  const rows = readFileSync(join(REF, 'salario_minimo.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .map(([from, to, v]) => ({ from: from!, to: to!, cents: Math.round(Number(v) * 100) }));
  return (m) => rows.find((r) => r.from <= m && m <= r.to)?.cents ?? rows[rows.length - 1]!.cents;
}

const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
const monthAdd = (m: string, n: number) => {
  const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};
const lastDay = (m: string) => {
  const d = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).getUTCDate();
  return `${m}-${String(d).padStart(2, '0')}`;
};
const money = (c: number) => `${Math.trunc(c / 100)}.${String(c % 100).padStart(2, '0')}`;

/**
 * Demo data: the demo citizen (identity module's DEMO_CITIZEN_CPF) with a long employee career,
 * 30 people with deterministic varied histories (employee, domestic, individual, optional, MEI,
 * rural; gaps; CNIS pendencies; previous sickness benefits), and the synthetic CNIS sample
 * person imported from the extract's text. Goes through the same importers as real data.
 */
export async function seedContributions(deps: Deps, ctx: SeedContext) {
  const r = ctx.random;
  const sm = minimumWage();
  const lines: string[] = [];
  const person = (cpf: string, nit: string, name: string, birth: string, sex: 'M' | 'F') =>
    lines.push(`P,${cpf},${nit},${csvField(name)},${birth},${sex}`);
  let employerSeq = 1;
  const link = (
    cpf: string,
    seq: number,
    cat: string,
    from: string,
    to: string | null,
    wageFactor: number,
    open = false,
  ) => {
    const employer = cat === 'employee' ? syntheticCnpj(30_000_000 + employerSeq++) : '';
    const name = cat === 'employee' ? `${pick(r, EMPLOYERS)} ${pick(r, LAST)} LTDA` : '';
    const end = open ? '' : lastDay(to!);
    lines.push(`V,${cpf},${seq},${employer},${cat},${from}-01,${end},${csvField(name)},`);
    const last = to ?? '2025-12';
    let raise = 1;
    for (let m = from; m <= last; m = monthAdd(m, 1)) {
      if (m.endsWith('-01')) raise *= 1 + r() * 0.04;
      const base = sm(m);
      let cents = Math.round(base * wageFactor * raise);
      const ind: string[] = [];
      // Optional/individual contributors sometimes pay below the minimum after EC 103 (art. 29).
      if ((cat === 'individual' || cat === 'optional') && m >= '2019-11' && r() < 0.08) {
        cents = Math.round(base * 0.7);
        ind.push('PSC-MEN-SM-EC103');
      }
      if (cat === 'employee' && r() < 0.01) ind.push('PEXT');
      if (cat === 'special_insured') cents = base;
      if (cat === 'mei') cents = base;
      lines.push(`R,${cpf},${seq},${m},${money(cents)},${ind.join('|')}`);
    }
  };

  // The demo citizen: employee since 1990 with one gap and a sickness benefit in 2012.
  const citizen = DEMO_CITIZEN_CPF;
  person(citizen, syntheticNit(900_100_001), 'MARIA DA SILVA SANTOS', '1966-08-12', 'F');
  link(citizen, 1, 'employee', '1990-02', '2003-06', 2.4);
  link(citizen, 2, 'employee', '2004-03', null, 3.1, true);
  lines.push(`B,${citizen},6012345678,31,2012-04-10,2012-07-31,ceased`);

  const CATS = [
    'employee',
    'employee',
    'employee',
    'employee',
    'domestic',
    'individual',
    'optional',
    'mei',
    'special_insured',
  ];
  for (let i = 0; i < 30; i++) {
    const sex = r() < 0.5 ? 'F' : 'M';
    const cpf = syntheticCpf(800_000_000 + Math.floor(r() * 99_000_000));
    if (lines.some((l) => l.startsWith(`P,${cpf},`))) continue;
    const birthYear = 1956 + Math.floor(r() * 36);
    const birth = `${birthYear}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const name = `${pick(r, sex === 'F' ? FIRST_F : FIRST_M)} ${pick(r, LAST)} ${pick(r, LAST)}`;
    person(cpf, syntheticNit(810_000_000 + i), name, birth, sex);
    let m = `${Math.max(1994, birthYear + 18 + Math.floor(r() * 8))}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}`;
    const nLinks = 1 + Math.floor(r() * 4);
    for (let seq = 1; seq <= nLinks && m < '2025-12'; seq++) {
      const cat = pick(r, CATS);
      const len = 12 + Math.floor(r() * 120);
      const isLast = seq === nLinks;
      const to = monthAdd(m, len) > '2025-12' || (isLast && r() < 0.4) ? null : monthAdd(m, len);
      link(cpf, seq, cat, m, to, 1 + r() * 4, to === null);
      if (!to) break;
      m = monthAdd(to, 1 + Math.floor(r() * 18));
    }
    if (r() < 0.25) {
      const y = 2005 + Math.floor(r() * 18);
      lines.push(`B,${cpf},${String(7_000_000_000 + i * 1_117)},31,${y}-03-01,${y}-05-31,ceased`);
    }
  }

  const sys = { actor: SYSTEM_ACTOR, requestId: 'demo-seed' };
  await importContributions(deps, sys, textSource(`${lines.join('\n')}\n`, 'csv'), {
    progress: ctx.progress,
  });
  await importCnisExtract(deps, sys, { text: readFileSync(CNIS_SAMPLE_TEXT, 'utf8') }, { sex: 'M' });
}
