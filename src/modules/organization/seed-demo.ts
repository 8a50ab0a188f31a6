import { readFileSync } from 'node:fs';
import type { Role } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import type { SeedContext } from '../../platform/module';
import { projectPath } from '../../platform/paths';
import { createStaff } from './create-staff';
import { createUnit } from './create-unit';
import { DEMO_SRS } from './demo-units';

const MUNICIPALITIES = projectPath('data/reference/municipios_ibge.csv');

function municipalityIndex(): Map<string, string> {
  const idx = new Map<string, string>();
  for (const line of readFileSync(MUNICIPALITIES, 'utf8').split('\n').slice(1)) {
    const [code, name, uf] = line.split(',');
    if (code && name && uf) idx.set(`${name}/${uf}`, code);
  }
  return idx;
}

const FIRST = [
  'Ana',
  'Bruno',
  'Carla',
  'Diego',
  'Elisa',
  'Fábio',
  'Gabriela',
  'Heitor',
  'Isabela',
  'João',
  'Karina',
  'Lucas',
  'Mariana',
  'Nelson',
  'Olívia',
  'Paulo',
  'Renata',
  'Sérgio',
  'Tatiane',
  'Vítor',
];
const LAST = [
  'Almeida',
  'Barbosa',
  'Cardoso',
  'Dias',
  'Esteves',
  'Ferreira',
  'Gomes',
  'Henriques',
  'Lima',
  'Moraes',
  'Nunes',
  'Oliveira',
  'Pereira',
  'Queiroz',
  'Ribeiro',
  'Santos',
  'Teixeira',
  'Vieira',
];

export interface DemoStaffRef {
  id: string;
  registration: string;
  unitId: string;
  role: Role;
}

/** Loads the demo unit tree and staff; returns the staff so identity can create their logins. */
export async function seedOrganization(deps: Deps, ctx: SeedContext): Promise<DemoStaffRef[]> {
  const muni = municipalityIndex();
  const code = (city: string, uf: string) => {
    const c = muni.get(`${city}/${uf}`);
    if (!c) throw new Error(`Município não encontrado na tabela IBGE: ${city}/${uf}`);
    return c;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(ctx.random() * xs.length)]!;
  const staff: DemoStaffRef[] = [];
  let reg = 1_000_000;
  const addStaff = async (unitId: string, role: Role, startDate: string) => {
    reg += 1 + Math.floor(ctx.random() * 7);
    const s = await createStaff(deps, null, {
      registration: String(reg),
      name: `${pick(FIRST)} ${pick(LAST)} ${pick(LAST)}`,
      unitId,
      roles: [role],
      startDate,
    });
    staff.push({ id: s.id, registration: s.registration, unitId, role });
  };
  const totalUnits =
    1 + DEMO_SRS.reduce((n, sr) => n + 2 + sr.gex.reduce((m, g) => m + 1 + g.agencies.length, 0), 0);
  const bar = ctx.progress('Unidades e servidores', totalUnits);
  await createUnit(deps, null, {
    id: 'BR',
    kind: 'national',
    code: '00000',
    name: 'INSS - Direção Central',
    parentId: null,
    municipalityIbge: '5300108',
    uf: 'DF',
  });
  await addStaff('BR', 'manager', '2008-03-10');
  await addStaff('BR', 'admin', '2012-06-01');
  bar.increment();
  let srN = 0;
  for (const sr of DEMO_SRS) {
    srN++;
    await createUnit(deps, null, { id: sr.id, kind: 'sr', code: `SR0${srN}`, name: sr.name, parentId: 'BR' });
    await addStaff(sr.id, 'manager', '2010-02-01');
    for (let i = 0; i < 3; i++) await addStaff(sr.id, 'supervisor', `201${i}-05-03`);
    bar.increment();
    const ceab = `CEAB-${sr.id}`;
    await createUnit(deps, null, {
      id: ceab,
      kind: 'ceab',
      code: `CEAB0${srN}`,
      name: `Central de Análise de Benefícios - ${sr.name.replace('Superintendência Regional ', '')}`,
      parentId: sr.id,
    });
    // Analysts of the central unit, a few of them new servers (training track, Portaria 1.309/2025 art. 16).
    for (let i = 0; i < 4; i++)
      await addStaff(ceab, 'analyst', i === 0 ? '2026-09-15' : i === 1 ? '2026-07-01' : `201${5 + i}-08-12`);
    bar.increment();
    let gexN = 0;
    for (const g of sr.gex) {
      gexN++;
      await createUnit(deps, null, {
        id: g.id,
        kind: 'gex',
        code: `${srN}${String(gexN).padStart(2, '0')}00`,
        name: g.name,
        parentId: sr.id,
        municipalityIbge: code(g.city, g.uf),
        uf: g.uf,
      });
      await addStaff(g.id, 'manager', '2011-04-18');
      bar.increment();
      let apsN = 0;
      for (const [city, uf] of g.agencies) {
        apsN++;
        const id = `APS-${code(city, uf)}`;
        await createUnit(deps, null, {
          id,
          kind: 'aps',
          code: `${srN}${String(gexN).padStart(2, '0')}${String(apsN).padStart(2, '0')}`,
          name: `APS ${city}`,
          parentId: g.id,
          municipalityIbge: code(city, uf),
          uf,
        });
        await addStaff(id, 'manager', '2013-01-07');
        await addStaff(id, 'analyst', '2014-09-22');
        await addStaff(id, 'analyst', ctx.random() < 0.3 ? '2026-08-03' : '2018-03-05');
        bar.increment();
      }
    }
  }
  bar.stop();
  return staff;
}
