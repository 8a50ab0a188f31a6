import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  brToCents,
  brToComp,
  loadSample,
  SAMPLE_TEXT_PATH,
  sampleWithIndicators,
} from '../fixtures/cnis-samples';
import { renderCnisText, type SampleExtract } from '../fixtures/render-cnis-text';
import { type CnisExtract, CnisParseError, indicatorsByCompetence, parseCnisText } from './cnis-text';

const FIXTURE = readFileSync(SAMPLE_TEXT_PATH, 'utf8');

/** Every link of the sample, competence by competence, against the parse. */
function expectMatchesSample(e: CnisExtract, x: SampleExtract) {
  const links = x.relacoes_previdenciarias.filter((r) => !r.nb);
  expect(e.links.map((l) => l.seq)).toEqual(links.map((l) => l.seq));
  links.forEach((s, k) => {
    const l = e.links[k]!;
    expect(l.employerCode).toBe(s.codigo_emp ? s.codigo_emp.replace(/\D/g, '') : null);
    expect(l.origin).toBe(s.origem_do_vinculo);
    expect(l.affiliationType).toBe(s.tipo_filiado_no_vinculo);
    expect(l.start).toBe(s.data_inicio.split('/').reverse().join('-'));
    expect(l.end).toBe(s.data_fim ? s.data_fim.split('/').reverse().join('-') : null);
    expect(l.remunerations.map((r) => [r.competence, r.amountCents, r.indicators])).toEqual(
      s.remuneracoes.map((r) => [brToComp(r.competencia), brToCents(r.remuneracao), r.indicadores]),
    );
  });
}

describe('extrato CNIS (texto)', () => {
  it('o fixture em texto é o que o gerador produz a partir do JSON de referência', () => {
    expect(renderCnisText(loadSample())).toBe(FIXTURE);
  });

  it('lê o exemplo sintético: filiado, 2 vínculos, 119 + 110 remunerações, valor a valor', () => {
    const e = parseCnisText(FIXTURE);
    expect(e.person).toEqual({
      nit: '12045678901',
      cpf: '12345678900',
      name: 'JOAO CARLOS DE OLIVEIRA',
      birthDate: '1972-05-10',
      motherName: 'MARIA JOSE DE OLIVEIRA',
    });
    expect(e.issuedAt).toBe('2026-06-15 10:00:00');
    expect(e.links.map((l) => l.remunerations.length)).toEqual([119, 110]);
    expect(e.links.map((l) => l.category)).toEqual(['employee', 'employee']);
    expect(e.links[0]!.lastRemuneration).toBe('2005-11');
    expect(e.links[0]!.remunerations[0]).toEqual({
      competence: '1996-01',
      amountCents: 85000,
      indicators: [],
      part: 0,
    });
    expect(e.links[1]!.remunerations.at(-1)).toEqual({
      competence: '2025-04',
      amountCents: 355386,
      indicators: [],
      part: 0,
    });
    expectMatchesSample(e, loadSample());
    expect(e.warnings).toEqual([]);
    expect(indicatorsByCompetence(e)).toEqual([]);
  });

  it.each([
    ['espaços colapsados', (t: string) => t.replace(/[ ]+/g, ' ')],
    ['CRLF e tabulações', (t: string) => t.replace(/\n/g, '\r\n').replace(/ {4}/g, '\t')],
    ['sem quebras de página (form feed)', (t: string) => t.replace(/\f/g, '')],
    ['linhas em branco extras', (t: string) => t.replace(/\n/g, '\n\n')],
    ['espaços à esquerda removidos', (t: string) => t.replace(/^ +/gm, '')],
  ])('é robusto a %s', (_n, f) => {
    expectMatchesSample(parseCnisText(f(FIXTURE)), loadSample());
  });

  it('indicadores por competência (quebrados em duas linhas, vários na célula, do vínculo), competência repetida, benefício e contribuinte individual', () => {
    const x = sampleWithIndicators();
    const e = parseCnisText(renderCnisText(x));
    expect(e.warnings).toEqual([]);
    expectMatchesSample(e, x);
    expect(e.links[0]!.indicators).toEqual(['IVIN-JORN-DIFERENCIADA', 'IREM-INDPEND']);
    expect(indicatorsByCompetence(e)).toEqual([
      { seq: 1, competence: '1996-04', indicators: ['PSC-MEN-SM-EC103', 'PEXT'] },
      { seq: 1, competence: '1996-05', indicators: ['AEXT-VI'] },
      { seq: 1, competence: '1996-11', indicators: ['PEXT'] },
      { seq: 2, competence: '2016-03', indicators: ['IREM-ACD'] },
      { seq: 2, competence: '2016-03', indicators: ['IREM-ACD'] },
      { seq: 2, competence: '2025-04', indicators: ['PSC-MEN-SM-EC103'] },
      { seq: 4, competence: '2025-06', indicators: ['PSC-MEN-SM-EC103'] },
    ]);
    expect(e.links[1]!.remunerations.slice(0, 2).map((r) => [r.competence, r.part, r.amountCents])).toEqual([
      ['2016-03', 0, 230000],
      ['2016-03', 1, 15000],
    ]);
    const ci = e.links.find((l) => l.seq === 4)!;
    expect(ci).toMatchObject({
      category: 'individual',
      end: null,
      origin: 'RECOLHIMENTO',
      employerCode: null,
    });
    expect(e.benefits).toHaveLength(1);
    expect(e.benefits[0]).toMatchObject({
      seq: 3,
      nb: '1234567890',
      species: 31,
      speciesName: 'AUXILIO DOENCA PREVIDENCIARIO',
      start: '2010-03-10',
      end: '2010-06-30',
      statusCode: 2,
      statusText: 'CESSADO',
    });
    expect(e.benefits[0]!.remunerations.map((r) => r.competence)).toEqual(['2010-06', '2010-05']);
  });

  it('indicador cortado e espaços colapsados continuam associados à competência certa', () => {
    const e = parseCnisText(renderCnisText(sampleWithIndicators()).replace(/[ ]+/g, ' '));
    expect(indicatorsByCompetence(e).slice(0, 3)).toEqual([
      { seq: 1, competence: '1996-04', indicators: ['PSC-MEN-SM-EC103', 'PEXT'] },
      { seq: 1, competence: '1996-05', indicators: ['AEXT-VI'] },
      { seq: 1, competence: '1996-11', indicators: ['PEXT'] },
    ]);
  });

  it('leiaute de contribuinte individual ("Contribuições" com data de pagamento): vale o salário de contribuição', () => {
    const header = FIXTURE.slice(0, FIXTURE.indexOf('Relações Previdenciárias'));
    const text = `${header}Relações Previdenciárias
Seq.  NIT              Código Emp.          Origem do Vínculo                   Tipo Filiado no     Data Início  Data Fim     Últ. Remun.
                                                                                Vínculo
3     120.45678.90-1                        CONTRIBUINTE INDIVIDUAL             Contribuinte        01/01/2020   29/02/2020
                                                                                Individual
Contribuições
Competência  Data Pgto.   Contribuição  Salário Contribuição  Indicadores
01/2020      15/02/2020   228,58        1.039,00
02/2020      16/03/2020   114,29        519,50                PSC-MEN-SM-EC103
`;
    const e = parseCnisText(text);
    expect(e.warnings).toEqual([]);
    expect(e.links).toHaveLength(1);
    expect(e.links[0]).toMatchObject({
      seq: 3,
      category: 'individual',
      start: '2020-01-01',
      end: '2020-02-29',
    });
    expect(e.links[0]!.remunerations).toEqual([
      { competence: '2020-01', amountCents: 103900, indicators: [], part: 0, paymentDate: '2020-02-15' },
      {
        competence: '2020-02',
        amountCents: 51950,
        indicators: ['PSC-MEN-SM-EC103'],
        part: 0,
        paymentDate: '2020-03-16',
      },
    ]);
  });

  it('recusa um texto que não é extrato do CNIS', () => {
    expect(() => parseCnisText('Nota fiscal eletrônica\nTotal 10,00')).toThrow(CnisParseError);
  });
});
