const COPY_BINARY_HEADER = Buffer.from([
  80,
  71,
  67,
  79,
  80,
  89,
  10,
  255,
  13,
  10,
  0,
  // "PGCOPY\n\377\r\n\0"
  0,
  0,
  0,
  0,
  // flags
  0,
  0,
  0,
  0
  // header extension length
]);
const COPY_BINARY_TRAILER = Buffer.from([255, 255]);
const EPOCH_DAYS = (() => {
  const t = new Int32Array(200 * 12);
  const epoch = Date.UTC(2e3, 0, 1);
  for (let i = 0; i < t.length; i++)
    t[i] = (Date.UTC(1900 + Math.floor(i / 12), i % 12, 1) - epoch) / 864e5;
  return t;
})();
const TEXT_OID = 25;
function binaryRowSize(indicators) {
  let n = 2 + (4 + 8) + (4 + 4) + (4 + 2) + (4 + 8) + 4;
  if (indicators.length) {
    n += 20;
    for (const c of indicators) n += 4 + c.length;
  }
  return n;
}
function writeBinaryRow(buf, pos, linkId, monthIndex, part, amountCents, indicators) {
  let p = buf.writeInt16BE(5, pos);
  p = buf.writeInt32BE(8, p);
  p = writeInt64(buf, p, linkId);
  p = buf.writeInt32BE(4, p);
  p = buf.writeInt32BE(EPOCH_DAYS[monthIndex], p);
  p = buf.writeInt32BE(2, p);
  p = buf.writeInt16BE(part, p);
  p = buf.writeInt32BE(8, p);
  p = writeInt64(buf, p, amountCents);
  if (!indicators.length) return buf.writeInt32BE(-1, p);
  let len = 20;
  for (const c of indicators) len += 4 + c.length;
  p = buf.writeInt32BE(len, p);
  p = buf.writeInt32BE(1, p);
  p = buf.writeInt32BE(0, p);
  p = buf.writeInt32BE(TEXT_OID, p);
  p = buf.writeInt32BE(indicators.length, p);
  p = buf.writeInt32BE(1, p);
  for (const c of indicators) {
    p = buf.writeInt32BE(c.length, p);
    p += buf.write(c, p, "latin1");
  }
  return p;
}
function writeInt64(buf, pos, v) {
  const hi = Math.floor(v / 4294967296);
  const p = buf.writeUInt32BE(hi, pos);
  return buf.writeUInt32BE(v - hi * 4294967296, p);
}
export {
  COPY_BINARY_HEADER,
  COPY_BINARY_TRAILER,
  binaryRowSize,
  writeBinaryRow
};
