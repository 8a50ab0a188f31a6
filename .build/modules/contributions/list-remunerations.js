import { sql } from "drizzle-orm";
import { badRequest, notFound } from "../../platform/errors.js";
import { assertCanAccessPerson } from "./access.js";
import { centsToDecimal, findPersonByCpf, linksOfPerson } from "./store.js";
const encodeCursor = (c, seq, part) => Buffer.from(`${c}|${seq}|${part}`).toString("base64url");
function decodeCursor(s) {
  const m = /^(\d{4}-\d{2})\|(\d+)\|(\d)$/.exec(Buffer.from(s, "base64url").toString());
  if (!m) throw badRequest("Cursor de pagina\xE7\xE3o inv\xE1lido.");
  return { c: m[1], seq: Number(m[2]), part: Number(m[3]) };
}
async function listRemunerations(deps, ctx, cpf, f) {
  assertCanAccessPerson(ctx, cpf);
  if (f.from && f.to && f.from > f.to) throw badRequest('Per\xEDodo inv\xE1lido: "from" posterior a "to".');
  const cur = f.cursor ? decodeCursor(f.cursor) : null;
  return deps.db.tx(async (tx) => {
    const p = await findPersonByCpf(tx, cpf);
    if (!p) throw notFound("Pessoa");
    const links = (await linksOfPerson(tx, p.id)).filter((l) => f.seq === void 0 || l.seq === f.seq);
    if (f.seq !== void 0 && links.length === 0) throw notFound("V\xEDnculo");
    const ids = `{${links.map((l) => l.id).join(",")}}`;
    const { rows } = await tx.execute(sql`
      SELECT l.seq, to_char(r.competence, 'YYYY-MM') AS c, r.part, r.amount_cents, r.indicators
        FROM contrib_remunerations r JOIN contrib_links l ON l.id = r.link_id
       WHERE r.link_id = ANY(${ids}::bigint[])
         ${f.from ? sql`AND r.competence >= ${`${f.from}-01`}::date` : sql``}
         ${f.to ? sql`AND r.competence <= ${`${f.to}-01`}::date` : sql``}
         ${cur ? sql`AND (r.competence, l.seq, r.part) > (${`${cur.c}-01`}::date, ${cur.seq}::int, ${cur.part}::smallint)` : sql``}
       ORDER BY r.competence, l.seq, r.part
       LIMIT ${f.limit + 1}`);
    const page = rows.slice(0, f.limit);
    await deps.audit.record(tx, ctx, {
      action: "read",
      resourceType: "contrib_remunerations",
      resourceId: String(p.id),
      details: { from: f.from ?? null, to: f.to ?? null, seq: f.seq ?? null, returned: page.length }
    });
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        seq: r.seq,
        competence: r.c,
        part: r.part,
        amount: centsToDecimal(Number(r.amount_cents)),
        indicators: r.indicators ?? []
      })),
      nextCursor: rows.length > f.limit && last ? encodeCursor(last.c, last.seq, last.part) : null
    };
  });
}
export {
  listRemunerations
};
