const KNOWN_INDICATORS = {
  "IREM-ACD": "Remunera\xE7\xE3o possui parcela de Acordo, Conven\xE7\xE3o ou Diss\xEDdio Coletivo.",
  "IREM-INDPEND": "Remunera\xE7\xF5es com indicadores/pend\xEAncias.",
  "IVIN-JORN-DIFERENCIADA": "V\xEDnculo possui regime de jornada diferenciada.",
  "PSC-MEN-SM-EC103": "Compet\xEAncia cujo somat\xF3rio dos sal\xE1rios de contribui\xE7\xE3o \xE9 menor que o m\xEDnimo; pass\xEDvel de complementa\xE7\xE3o, utiliza\xE7\xE3o ou agrupamento (EC 103/2019 art. 29).",
  PEXT: "Pend\xEAncia de informa\xE7\xE3o extempor\xE2nea (RPS art. 19-B).",
  "AEXT-VI": "Acerto de informa\xE7\xE3o extempor\xE2nea: v\xEDnculo/remunera\xE7\xE3o validado.",
  "AEXT-VT": "Acerto de informa\xE7\xE3o extempor\xE2nea: tempo validado."
};
const CODE = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/;
const isIndicatorCode = (s) => s.length <= 40 && CODE.test(s);
function describeIndicator(code) {
  return KNOWN_INDICATORS[code] ?? null;
}
export {
  KNOWN_INDICATORS,
  describeIndicator,
  isIndicatorCode
};
