const RE = /^(\d{4})\.(\d{8})-(\d)$/;
function protocolCheckDigit(body) {
  let sum = 0;
  let weight = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    sum += Number(body[i]) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const r = 11 - sum % 11;
  return r >= 10 ? 0 : r;
}
function formatProtocol(year, seq) {
  if (!Number.isInteger(seq) || seq < 1 || seq > 99999999)
    throw new Error(`sequencial de protocolo fora da faixa: ${seq}`);
  const y = String(year).padStart(4, "0");
  const n = String(seq).padStart(8, "0");
  return `${y}.${n}-${protocolCheckDigit(y + n)}`;
}
function isValidProtocol(text) {
  const m = RE.exec(text);
  if (!m) return false;
  return protocolCheckDigit(m[1] + m[2]) === Number(m[3]);
}
export {
  formatProtocol,
  isValidProtocol,
  protocolCheckDigit
};
