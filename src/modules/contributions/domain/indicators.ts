/**
 * CNIS indicators (indicadores / pendências) printed next to a link or a competence in the
 * "Extrato Previdenciário". The first four descriptions are those of the legend of real extracts
 * (data/reference/cnis_layout.json). PEXT/AEXT-* are the extemporaneity pendency/settlement
 * codes (RPS, Decreto 3.048/1999, arts. 19 and 19-B: data informed out of time only count after
 * proof); their wording here is a summary — the extract's own legend prevails.
 * Unknown codes are kept as printed (the CNIS adds codes over time); only their shape is checked.
 */
export const KNOWN_INDICATORS: Readonly<Record<string, string>> = {
  'IREM-ACD': 'Remuneração possui parcela de Acordo, Convenção ou Dissídio Coletivo.',
  'IREM-INDPEND': 'Remunerações com indicadores/pendências.',
  'IVIN-JORN-DIFERENCIADA': 'Vínculo possui regime de jornada diferenciada.',
  'PSC-MEN-SM-EC103':
    'Competência cujo somatório dos salários de contribuição é menor que o mínimo; passível de complementação, utilização ou agrupamento (EC 103/2019 art. 29).',
  PEXT: 'Pendência de informação extemporânea (RPS art. 19-B).',
  'AEXT-VI': 'Acerto de informação extemporânea: vínculo/remuneração validado.',
  'AEXT-VT': 'Acerto de informação extemporânea: tempo validado.',
};

/** Indicator codes are upper-case words joined by hyphens (PSC-MEN-SM-EC103, AEXT-VI). */
const CODE = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/;
export const isIndicatorCode = (s: string): boolean => s.length <= 40 && CODE.test(s);

export function describeIndicator(code: string): string | null {
  return KNOWN_INDICATORS[code] ?? null;
}
