import { once } from 'node:events';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Ctx } from '../../platform/auth/roles';
import type { Orm } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import type { Progress } from '../../platform/module';
import { binaryRowSize, COPY_BINARY_HEADER, COPY_BINARY_TRAILER, writeBinaryRow } from './domain/copy-binary';
import { MonthSet } from './domain/month-set';
import {
  type BenefitRecord,
  competenceIndex,
  type ImportRecord,
  type LinkRecord,
  type PersonRecord,
  type RemunerationRecord,
  RowError,
} from './domain/records';
import type { RecordSource } from './import-sources';

export interface ImportSummary {
  people: number;
  links: number;
  remunerations: number;
  benefits: number;
  /** 'copy' on PostgreSQL; 'insert' (batched multi-row INSERT) on the embedded PGlite. */
  method: 'copy' | 'insert';
}

export interface ImportOptions {
  progress?: (label: string, total: number) => Progress;
  /** Rows per INSERT statement on the fallback path (PGlite). */
  batchSize?: number;
  /** Forces the INSERT path even on PostgreSQL (tests compare both paths). */
  forceInsert?: boolean;
}

const PV_B: ReadonlySet<ImportRecord['kind']> = new Set(['P', 'V', 'B']);
const R_ONLY: ReadonlySet<ImportRecord['kind']> = new Set(['R']);
const COPY_BUFFER_BYTES = 1 << 18;
/** People/links/benefits written per batch in the first pass. */
const BATCH = 2000;
const COPY_AHEAD_BYTES = 1 << 21;

const lineError = (e: RowError) =>
  new AppError('unprocessable', `Linha ${e.line}: ${e.message}. Nada foi importado.`, {
    errors: [{ field: `linha ${e.line}`, message: e.message }],
    extra: { line: e.line },
  });

/**
 * Bulk import of people, links, monthly remunerations and previous benefits (module README,
 * "Importação em lote"). All or nothing: one transaction; the first bad row aborts it with its
 * line number. Re-import policy: the file is authoritative for what it declares — people and
 * links are upserted by CPF and (CPF, seq), benefits by NB, and the remunerations of every link
 * declared in the file are replaced by the file's. Importing the same file twice leaves the same
 * data (idempotent).
 *
 * Streaming in two passes over the source: (1) P/V/B records, written in batches of 2,000 as
 * they come; (2) R records streamed into a binary COPY (PostgreSQL) or batched INSERTs (PGlite:
 * COPY FROM STDIN does not cross pglite-socket). What stays in memory is per link (its id, the
 * line of its V record and the runs of competences seen, to reject a repeat with its line
 * number) and per person (CPF → id): nothing grows with the number of months.
 */
export async function importContributions(
  deps: Deps,
  ctx: Ctx,
  source: RecordSource,
  opts: ImportOptions = {},
): Promise<ImportSummary> {
  const client = await deps.db.pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    try {
      // ---- pass 1: people, links, benefits — validated, checked for repeats in the file, and
      // written in batches as they come, so that only their ids stay in memory.
      const seenPeople = new Map<string, number>(); // CPF → line
      const seenNb = new Map<string, number>(); // NB → line
      const personIds = new Map<string, number>(); // CPF → contrib_people.id
      const linkState = new Map<string, LinkState>(); // "cpf:seq" → id, line, competences seen
      let pendingP: PersonRecord[] = [];
      let pendingV: LinkRecord[] = [];
      let pendingB: BenefitRecord[] = [];
      /** Writes what is pending; a link/benefit whose person is not known yet waits (it may come later in the file). */
      const flushPending = async (final: boolean) => {
        if (pendingP.length) {
          await upsertPeople(client, pendingP, personIds);
          pendingP = [];
        }
        const unknown = new Set<string>();
        for (const r of [...pendingV, ...pendingB]) if (!personIds.has(r.cpf)) unknown.add(r.cpf);
        if (unknown.size) await findPeople(client, [...unknown], personIds);
        const split = <T extends { cpf: string; line: number }>(xs: T[]): [T[], T[]] => {
          const now = xs.filter((r) => personIds.has(r.cpf));
          const later = xs.filter((r) => !personIds.has(r.cpf));
          if (final && later.length) {
            const first = later.reduce((a, b) => (a.line < b.line ? a : b));
            throw new RowError(
              first.line,
              `CPF ${first.cpf} não cadastrado e sem registro de pessoa (P) no arquivo`,
            );
          }
          return [now, later];
        };
        const [v, vLater] = split(pendingV);
        const [b, bLater] = split(pendingB);
        pendingV = vLater;
        pendingB = bLater;
        if (v.length) await upsertLinks(client, personIds, v, linkState);
        if (b.length) await upsertBenefits(client, personIds, b);
      };
      const bar1 = opts.progress?.('Lendo cadastro (pessoas, vínculos, benefícios)', source.size);
      try {
        await source.scan(
          PV_B,
          (r) => {
            if (r.kind === 'P') {
              const prev = seenPeople.get(r.cpf);
              if (prev) throw new RowError(r.line, `CPF ${r.cpf} repetido (já declarado na linha ${prev})`);
              seenPeople.set(r.cpf, r.line);
              pendingP.push(r);
            } else if (r.kind === 'V') {
              const key = `${r.cpf}:${r.seq}`;
              const prev = linkState.get(key);
              if (prev)
                throw new RowError(
                  r.line,
                  `vínculo seq ${r.seq} repetido para o CPF (já declarado na linha ${prev.line})`,
                );
              linkState.set(key, { id: 0, line: r.line, months: new MonthSet() });
              pendingV.push(r);
            } else if (r.kind === 'B') {
              const prev = seenNb.get(r.nb);
              if (prev) throw new RowError(r.line, `NB ${r.nb} repetido (já declarado na linha ${prev})`);
              seenNb.set(r.nb, r.line);
              pendingB.push(r);
            }
          },
          async (bytes) => {
            if (pendingP.length + pendingV.length + pendingB.length >= BATCH) await flushPending(false);
            bar1?.update(bytes);
          },
        );
        await flushPending(true);
      } finally {
        bar1?.stop();
      }
      const declared = { people: seenPeople.size, links: linkState.size, benefits: seenNb.size };
      seenPeople.clear();
      seenNb.clear();
      personIds.clear();

      // ---- pass 2: remunerations
      const useCopy = deps.db.kind === 'postgres' && !opts.forceInsert;
      const bar2 = opts.progress?.('Importando remunerações', source.size);
      let count = 0;
      // Rows of a link usually come together: remember the last one to skip the map lookup.
      let lastCpf = '';
      let lastSeq = 0;
      let lastSt: LinkState | undefined;
      const check = (r: RemunerationRecord): LinkState => {
        let st: LinkState | undefined;
        if (r.seq === lastSeq && r.cpf === lastCpf) st = lastSt;
        else {
          st = linkState.get(`${r.cpf}:${r.seq}`);
          lastCpf = r.cpf;
          lastSeq = r.seq;
          lastSt = st;
        }
        if (!st)
          throw new RowError(
            r.line,
            `remuneração do vínculo seq ${r.seq} do CPF ${r.cpf}, que não foi declarado no arquivo (registro V)`,
          );
        if (!st.months.add(competenceIndex(r.competence)))
          throw new RowError(
            r.line,
            `competência ${r.competence} repetida para o mesmo vínculo (seq ${r.seq})`,
          );
        count++;
        return st;
      };
      try {
        if (useCopy) {
          const copy = client.query(
            copyFrom(
              'COPY contrib_remunerations (link_id, competence, part, amount_cents, indicators) FROM STDIN (FORMAT binary)',
              // Lets parsing run up to 2 MiB ahead of the socket, so Node and PostgreSQL work in parallel.
              { highWaterMark: COPY_AHEAD_BYTES },
            ),
          );
          const copyDone = new Promise<void>((resolve, reject) => {
            copy.on('finish', resolve);
            copy.on('error', reject);
          });
          // A COPY error surfaces here or on write; keep it from becoming unhandled.
          copyDone.catch(() => {});
          copy.write(COPY_BINARY_HEADER);
          // Rows are encoded straight into a byte buffer (binary COPY: no string per row), so
          // nothing but the buffer outlives a row and memory stays flat (see README).
          let out = Buffer.allocUnsafe(COPY_BUFFER_BYTES);
          let pos = 0;
          try {
            await source.scan(
              R_ONLY,
              (rec) => {
                const r = rec as RemunerationRecord;
                const st = check(r);
                if (pos + binaryRowSize(r.indicators) > out.length) {
                  // Rare: the buffer filled within one input chunk; hand it over and start another.
                  copy.write(out.subarray(0, pos));
                  out = Buffer.allocUnsafe(COPY_BUFFER_BYTES);
                  pos = 0;
                }
                pos = writeBinaryRow(
                  out,
                  pos,
                  st.id,
                  competenceIndex(r.competence),
                  0,
                  r.amountCents,
                  r.indicators,
                );
              },
              async (bytes) => {
                if (pos > 0) {
                  const ok = copy.write(out.subarray(0, pos));
                  out = Buffer.allocUnsafe(COPY_BUFFER_BYTES);
                  pos = 0;
                  if (!ok) await once(copy, 'drain'); // rejects on 'error'
                }
                bar2?.update(bytes);
              },
            );
          } catch (e) {
            // Abort the COPY so the connection comes back in a known state (the transaction rolls back).
            copy.destroy(e as Error);
            await copyDone.catch(() => {});
            throw e;
          }
          if (pos > 0) copy.write(out.subarray(0, pos));
          copy.write(COPY_BINARY_TRAILER);
          copy.end();
          await copyDone;
        } else {
          const size = opts.batchSize ?? 1000;
          let batch: [number, string, number, string[] | null][] = [];
          const flushBatch = async () => {
            if (!batch.length) return;
            const params: unknown[] = [];
            const values = batch.map((b, i) => {
              params.push(b[0], `${b[1]}-01`, b[2], b[3]);
              const o = i * 4;
              return `($${o + 1}::bigint, $${o + 2}::date, 0, $${o + 3}::bigint, $${o + 4}::text[])`;
            });
            batch = [];
            await client.query(
              `INSERT INTO contrib_remunerations (link_id, competence, part, amount_cents, indicators) VALUES ${values.join(',')}`,
              params,
            );
          };
          await source.scan(
            R_ONLY,
            (rec) => {
              const r = rec as RemunerationRecord;
              const st = check(r);
              batch.push([st.id, r.competence, r.amountCents, r.indicators.length ? r.indicators : null]);
            },
            async (bytes) => {
              while (batch.length >= size) {
                const rest = batch.slice(size);
                batch = batch.slice(0, size);
                await flushBatch();
                batch = rest;
              }
              bar2?.update(bytes);
            },
          );
          while (batch.length) {
            const rest = batch.slice(size);
            batch = batch.slice(0, size);
            await flushBatch();
            batch = rest;
          }
        }
      } finally {
        bar2?.stop();
      }

      const summary: ImportSummary = {
        people: declared.people,
        links: declared.links,
        remunerations: count,
        benefits: declared.benefits,
        method: useCopy ? 'copy' : 'insert',
      };
      const exec = drizzle(client) as unknown as Orm;
      await deps.audit.record(exec, ctx, {
        action: 'contributions.import',
        resourceType: 'contrib_import',
        resourceId: ctx.requestId,
        details: { ...summary },
      });
      await client.query('COMMIT');
      return summary;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      if (e instanceof RowError) throw lineError(e);
      throw e;
    }
  } finally {
    client.release(broken);
  }
}

interface LinkState {
  id: number;
  /** Line of the V record (for repeats). */
  line: number;
  months: MonthSet;
}

async function upsertPeople(
  client: pg.PoolClient,
  part: PersonRecord[],
  ids: Map<string, number>,
): Promise<void> {
  const res = await client.query<{ id: number; cpf: string }>(
    `INSERT INTO contrib_people (cpf, nit, name, birth_date, sex)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::text[])
     ON CONFLICT (cpf) DO UPDATE SET nit = COALESCE(excluded.nit, contrib_people.nit), name = excluded.name,
       birth_date = excluded.birth_date, sex = excluded.sex, updated_at = now()
     RETURNING id, cpf`,
    [
      part.map((p) => p.cpf),
      part.map((p) => p.nit),
      part.map((p) => p.name),
      part.map((p) => p.birthDate),
      part.map((p) => p.sex),
    ],
  );
  for (const r of res.rows) ids.set(r.cpf, Number(r.id));
}

/** People referenced by links/benefits but not declared (yet) in the file: already registered? */
async function findPeople(client: pg.PoolClient, cpfs: string[], ids: Map<string, number>): Promise<void> {
  const res = await client.query<{ id: number; cpf: string }>(
    'SELECT id, cpf FROM contrib_people WHERE cpf = ANY($1::text[])',
    [cpfs],
  );
  for (const r of res.rows) ids.set(r.cpf, Number(r.id));
}

async function upsertLinks(
  client: pg.PoolClient,
  personIds: Map<string, number>,
  part: LinkRecord[],
  state: Map<string, LinkState>,
): Promise<void> {
  const res = await client.query<{ id: number; person_id: number; seq: number }>(
    `INSERT INTO contrib_links (person_id, seq, employer_doc, employer_doc_type, employer_name, category,
       start_date, end_date, indicators, source)
     SELECT p, s, d, dt, n, c, sd, ed, string_to_array(ind, ','), 'import'
       FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::date[], $9::text[])
         AS u(p, s, d, dt, n, c, sd, ed, ind)
     ON CONFLICT (person_id, seq) DO UPDATE SET employer_doc = excluded.employer_doc,
       employer_doc_type = excluded.employer_doc_type, employer_name = excluded.employer_name,
       category = excluded.category, start_date = excluded.start_date, end_date = excluded.end_date,
       indicators = excluded.indicators, source = excluded.source, updated_at = now()
     RETURNING id, person_id, seq`,
    [
      part.map((l) => personIds.get(l.cpf)),
      part.map((l) => l.seq),
      part.map((l) => l.employerDoc),
      part.map((l) => l.employerDocType),
      part.map((l) => l.employerName),
      part.map((l) => l.category),
      part.map((l) => l.start),
      part.map((l) => l.end),
      part.map((l) => l.indicators.join(',')),
    ],
  );
  const keyOf = new Map(part.map((l) => [`${personIds.get(l.cpf)}:${l.seq}`, `${l.cpf}:${l.seq}`]));
  const ids: number[] = [];
  for (const r of res.rows) {
    const st = state.get(keyOf.get(`${r.person_id}:${r.seq}`)!)!;
    st.id = Number(r.id);
    ids.push(st.id);
  }
  // Replace policy: the file carries the whole history of each link it declares.
  await client.query('DELETE FROM contrib_remunerations WHERE link_id = ANY($1::bigint[])', [ids]);
}

async function upsertBenefits(
  client: pg.PoolClient,
  personIds: Map<string, number>,
  list: BenefitRecord[],
): Promise<void> {
  for (let i = 0; i < list.length; i += 2000) {
    const part = list.slice(i, i + 2000);
    const res = await client.query<{ nb: string }>(
      `INSERT INTO contrib_benefits (person_id, nb, species, dib, dcb, status, source)
       SELECT p, nb, sp, dib, dcb, st, 'import'
         FROM unnest($1::bigint[], $2::text[], $3::smallint[], $4::date[], $5::date[], $6::text[]) AS u(p, nb, sp, dib, dcb, st)
       ON CONFLICT (nb) DO UPDATE SET species = excluded.species, dib = excluded.dib, dcb = excluded.dcb,
         status = excluded.status, source = excluded.source, updated_at = now()
         WHERE contrib_benefits.person_id = excluded.person_id
       RETURNING nb`,
      [
        part.map((b) => personIds.get(b.cpf)),
        part.map((b) => b.nb),
        part.map((b) => b.species),
        part.map((b) => b.dib),
        part.map((b) => b.dcb),
        part.map((b) => b.status),
      ],
    );
    const done = new Set(res.rows.map((r) => r.nb.trim()));
    for (const b of part)
      if (!done.has(b.nb)) throw new RowError(b.line, `NB ${b.nb} já pertence a outra pessoa`);
  }
}
