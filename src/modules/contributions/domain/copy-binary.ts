/**
 * Rows of contrib_remunerations in PostgreSQL's binary COPY format
 * (https://www.postgresql.org/docs/15/sql-copy.html, "Binary Format"): no text parsing on the
 * server (dates, integers, arrays arrive as their internal values) and no string per row here.
 * Columns: link_id int8, competence date, part int2, amount_cents int8, indicators text[].
 */
export const COPY_BINARY_HEADER = Buffer.from([
  0x50,
  0x47,
  0x43,
  0x4f,
  0x50,
  0x59,
  0x0a,
  0xff,
  0x0d,
  0x0a,
  0x00, // "PGCOPY\n\377\r\n\0"
  0,
  0,
  0,
  0, // flags
  0,
  0,
  0,
  0, // header extension length
]);
export const COPY_BINARY_TRAILER = Buffer.from([0xff, 0xff]);

/** Days from 2000-01-01 (PostgreSQL's date epoch) to the 1st of each month 1900-01 … 2099-12. */
const EPOCH_DAYS: Int32Array = (() => {
  const t = new Int32Array(200 * 12);
  const epoch = Date.UTC(2000, 0, 1);
  for (let i = 0; i < t.length; i++)
    t[i] = (Date.UTC(1900 + Math.floor(i / 12), i % 12, 1) - epoch) / 86_400_000;
  return t;
})();

const TEXT_OID = 25;

/** Bytes a row needs (so the caller can make room). Indicator codes are ASCII. */
export function binaryRowSize(indicators: readonly string[]): number {
  let n = 2 + (4 + 8) + (4 + 4) + (4 + 2) + (4 + 8) + 4;
  if (indicators.length) {
    n += 20;
    for (const c of indicators) n += 4 + c.length;
  }
  return n;
}

/** Writes one row at `pos`; returns the new position. `monthIndex` = months since 1900-01. */
export function writeBinaryRow(
  buf: Buffer,
  pos: number,
  linkId: number,
  monthIndex: number,
  part: number,
  amountCents: number,
  indicators: readonly string[],
): number {
  let p = buf.writeInt16BE(5, pos);
  p = buf.writeInt32BE(8, p);
  p = writeInt64(buf, p, linkId);
  p = buf.writeInt32BE(4, p);
  p = buf.writeInt32BE(EPOCH_DAYS[monthIndex]!, p);
  p = buf.writeInt32BE(2, p);
  p = buf.writeInt16BE(part, p);
  p = buf.writeInt32BE(8, p);
  p = writeInt64(buf, p, amountCents);
  if (!indicators.length) return buf.writeInt32BE(-1, p); // NULL
  let len = 20;
  for (const c of indicators) len += 4 + c.length;
  p = buf.writeInt32BE(len, p);
  p = buf.writeInt32BE(1, p); // dimensions
  p = buf.writeInt32BE(0, p); // no NULL elements
  p = buf.writeInt32BE(TEXT_OID, p);
  p = buf.writeInt32BE(indicators.length, p);
  p = buf.writeInt32BE(1, p); // lower bound
  for (const c of indicators) {
    p = buf.writeInt32BE(c.length, p);
    p += buf.write(c, p, 'latin1');
  }
  return p;
}

/** Non-negative safe integers (ids, cents) as big-endian int64 without BigInt. */
function writeInt64(buf: Buffer, pos: number, v: number): number {
  const hi = Math.floor(v / 4_294_967_296);
  const p = buf.writeUInt32BE(hi, pos);
  return buf.writeUInt32BE(v - hi * 4_294_967_296, p);
}
