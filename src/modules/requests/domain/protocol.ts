/**
 * Protocol numbers: "AAAA.NNNNNNNN-D", e.g. "2026.00012345-7" — the filing year (read by people
 * on the phone and in letters), an 8-digit number from one database sequence (unique across
 * years, so the year is informational and never part of the uniqueness), and a mod-11 check digit
 * that catches a mistyped or swapped digit when a citizen reads it to the call centre.
 */

const RE = /^(\d{4})\.(\d{8})-(\d)$/;

export function protocolCheckDigit(body: string): number {
  let sum = 0;
  let weight = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    sum += Number(body[i]) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const r = 11 - (sum % 11);
  return r >= 10 ? 0 : r;
}

export function formatProtocol(year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > 99_999_999)
    throw new Error(`sequencial de protocolo fora da faixa: ${seq}`);
  const y = String(year).padStart(4, '0');
  const n = String(seq).padStart(8, '0');
  return `${y}.${n}-${protocolCheckDigit(y + n)}`;
}

export function isValidProtocol(text: string): boolean {
  const m = RE.exec(text);
  if (!m) return false;
  return protocolCheckDigit((m[1] as string) + (m[2] as string)) === Number(m[3]);
}
