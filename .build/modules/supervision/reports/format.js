function pct(v) {
  if (v === null) return "\u2014";
  return `${v.toLocaleString("pt-BR", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;
}
function int(v) {
  return v.toLocaleString("pt-BR");
}
function brDate(d) {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}
export {
  brDate,
  int,
  pct
};
