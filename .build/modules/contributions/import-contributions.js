import { once } from "node:events";
import { drizzle } from "drizzle-orm/node-postgres";
import { from as copyFrom } from "pg-copy-streams";
import { AppError } from "../../platform/errors.js";
import { binaryRowSize, COPY_BINARY_HEADER, COPY_BINARY_TRAILER, writeBinaryRow } from "./domain/copy-binary.js";
import { MonthSet } from "./domain/month-set.js";
import {
  competenceIndex,
  RowError
} from "./domain/records.js";
const PV_B = /* @__PURE__ */ new Set(["P", "V", "B"]);
const R_ONLY = /* @__PURE__ */ new Set(["R"]);
const COPY_BUFFER_BYTES = 1 << 18;
const BATCH = 2e3;
const COPY_AHEAD_BYTES = 1 << 21;
const lineError = (e) => new AppError("unprocessable", `Linha ${e.line}: ${e.message}. Nada foi importado.`, {
  errors: [{ field: `linha ${e.line}`, message: e.message }],
  extra: { line: e.line }
});
async function importContributions(deps, ctx, source, opts = {}) {
  const client = await deps.db.pool.connect();
  let broken = false;
  try {
    await client.query("BEGIN");
    try {
      const seenPeople = /* @__PURE__ */ new Map();
      const seenNb = /* @__PURE__ */ new Map();
      const personIds = /* @__PURE__ */ new Map();
      const linkState = /* @__PURE__ */ new Map();
      let pendingP = [];
      let pendingV = [];
      let pendingB = [];
      const flushPending = async (final) => {
        if (pendingP.length) {
          await upsertPeople(client, pendingP, personIds);
          pendingP = [];
        }
        const unknown = /* @__PURE__ */ new Set();
        for (const r of [...pendingV, ...pendingB]) if (!personIds.has(r.cpf)) unknown.add(r.cpf);
        if (unknown.size) await findPeople(client, [...unknown], personIds);
        const split = (xs) => {
          const now = xs.filter((r) => personIds.has(r.cpf));
          const later = xs.filter((r) => !personIds.has(r.cpf));
          if (final && later.length) {
            const first = later.reduce((a, b2) => a.line < b2.line ? a : b2);
            throw new RowError(
              first.line,
              `CPF ${first.cpf} n\xE3o cadastrado e sem registro de pessoa (P) no arquivo`
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
      const bar1 = opts.progress?.("Lendo cadastro (pessoas, v\xEDnculos, benef\xEDcios)", source.size);
      try {
        await source.scan(
          PV_B,
          (r) => {
            if (r.kind === "P") {
              const prev = seenPeople.get(r.cpf);
              if (prev) throw new RowError(r.line, `CPF ${r.cpf} repetido (j\xE1 declarado na linha ${prev})`);
              seenPeople.set(r.cpf, r.line);
              pendingP.push(r);
            } else if (r.kind === "V") {
              const key = `${r.cpf}:${r.seq}`;
              const prev = linkState.get(key);
              if (prev)
                throw new RowError(
                  r.line,
                  `v\xEDnculo seq ${r.seq} repetido para o CPF (j\xE1 declarado na linha ${prev.line})`
                );
              linkState.set(key, { id: 0, line: r.line, months: new MonthSet() });
              pendingV.push(r);
            } else if (r.kind === "B") {
              const prev = seenNb.get(r.nb);
              if (prev) throw new RowError(r.line, `NB ${r.nb} repetido (j\xE1 declarado na linha ${prev})`);
              seenNb.set(r.nb, r.line);
              pendingB.push(r);
            }
          },
          async (bytes) => {
            if (pendingP.length + pendingV.length + pendingB.length >= BATCH) await flushPending(false);
            bar1?.update(bytes);
          }
        );
        await flushPending(true);
      } finally {
        bar1?.stop();
      }
      const declared = { people: seenPeople.size, links: linkState.size, benefits: seenNb.size };
      seenPeople.clear();
      seenNb.clear();
      personIds.clear();
      const useCopy = deps.db.kind === "postgres" && !opts.forceInsert;
      const bar2 = opts.progress?.("Importando remunera\xE7\xF5es", source.size);
      let count = 0;
      let lastCpf = "";
      let lastSeq = 0;
      let lastSt;
      const check = (r) => {
        let st;
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
            `remunera\xE7\xE3o do v\xEDnculo seq ${r.seq} do CPF ${r.cpf}, que n\xE3o foi declarado no arquivo (registro V)`
          );
        if (!st.months.add(competenceIndex(r.competence)))
          throw new RowError(
            r.line,
            `compet\xEAncia ${r.competence} repetida para o mesmo v\xEDnculo (seq ${r.seq})`
          );
        count++;
        return st;
      };
      try {
        if (useCopy) {
          const copy = client.query(
            copyFrom(
              "COPY contrib_remunerations (link_id, competence, part, amount_cents, indicators) FROM STDIN (FORMAT binary)",
              // Lets parsing run up to 2 MiB ahead of the socket, so Node and PostgreSQL work in parallel.
              { highWaterMark: COPY_AHEAD_BYTES }
            )
          );
          const copyDone = new Promise((resolve, reject) => {
            copy.on("finish", resolve);
            copy.on("error", reject);
          });
          copyDone.catch(() => {
          });
          copy.write(COPY_BINARY_HEADER);
          let out = Buffer.allocUnsafe(COPY_BUFFER_BYTES);
          let pos = 0;
          try {
            await source.scan(
              R_ONLY,
              (rec) => {
                const r = rec;
                const st = check(r);
                if (pos + binaryRowSize(r.indicators) > out.length) {
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
                  r.indicators
                );
              },
              async (bytes) => {
                if (pos > 0) {
                  const ok = copy.write(out.subarray(0, pos));
                  out = Buffer.allocUnsafe(COPY_BUFFER_BYTES);
                  pos = 0;
                  if (!ok) await once(copy, "drain");
                }
                bar2?.update(bytes);
              }
            );
          } catch (e) {
            copy.destroy(e);
            await copyDone.catch(() => {
            });
            throw e;
          }
          if (pos > 0) copy.write(out.subarray(0, pos));
          copy.write(COPY_BINARY_TRAILER);
          copy.end();
          await copyDone;
        } else {
          const size = opts.batchSize ?? 1e3;
          let batch = [];
          const flushBatch = async () => {
            if (!batch.length) return;
            const params = [];
            const values = batch.map((b, i) => {
              params.push(b[0], `${b[1]}-01`, b[2], b[3]);
              const o = i * 4;
              return `($${o + 1}::bigint, $${o + 2}::date, 0, $${o + 3}::bigint, $${o + 4}::text[])`;
            });
            batch = [];
            await client.query(
              `INSERT INTO contrib_remunerations (link_id, competence, part, amount_cents, indicators) VALUES ${values.join(",")}`,
              params
            );
          };
          await source.scan(
            R_ONLY,
            (rec) => {
              const r = rec;
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
            }
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
      const summary = {
        people: declared.people,
        links: declared.links,
        remunerations: count,
        benefits: declared.benefits,
        method: useCopy ? "copy" : "insert"
      };
      const exec = drizzle(client);
      await deps.audit.record(exec, ctx, {
        action: "contributions.import",
        resourceType: "contrib_import",
        resourceId: ctx.requestId,
        details: { ...summary }
      });
      await client.query("COMMIT");
      return summary;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
      if (e instanceof RowError) throw lineError(e);
      throw e;
    }
  } finally {
    client.release(broken);
  }
}
async function upsertPeople(client, part, ids) {
  const res = await client.query(
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
      part.map((p) => p.sex)
    ]
  );
  for (const r of res.rows) ids.set(r.cpf, Number(r.id));
}
async function findPeople(client, cpfs, ids) {
  const res = await client.query(
    "SELECT id, cpf FROM contrib_people WHERE cpf = ANY($1::text[])",
    [cpfs]
  );
  for (const r of res.rows) ids.set(r.cpf, Number(r.id));
}
async function upsertLinks(client, personIds, part, state) {
  const res = await client.query(
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
      part.map((l) => l.indicators.join(","))
    ]
  );
  const keyOf = new Map(part.map((l) => [`${personIds.get(l.cpf)}:${l.seq}`, `${l.cpf}:${l.seq}`]));
  const ids = [];
  for (const r of res.rows) {
    const st = state.get(keyOf.get(`${r.person_id}:${r.seq}`));
    st.id = Number(r.id);
    ids.push(st.id);
  }
  await client.query("DELETE FROM contrib_remunerations WHERE link_id = ANY($1::bigint[])", [ids]);
}
async function upsertBenefits(client, personIds, list) {
  for (let i = 0; i < list.length; i += 2e3) {
    const part = list.slice(i, i + 2e3);
    const res = await client.query(
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
        part.map((b) => b.status)
      ]
    );
    const done = new Set(res.rows.map((r) => r.nb.trim()));
    for (const b of part)
      if (!done.has(b.nb)) throw new RowError(b.line, `NB ${b.nb} j\xE1 pertence a outra pessoa`);
  }
}
export {
  importContributions
};
