/** pt-BR number formatting for reports ("87,50%"). */
export function pct(v: number | null): string {
  if (v === null) return '—';
  return `${v.toLocaleString('pt-BR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;
}

export function int(v: number): string {
  return v.toLocaleString('pt-BR');
}

export function brDate(d: string): string {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}
