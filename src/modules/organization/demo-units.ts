/**
 * Demo structure: the five Superintendências Regionais with real Gerência Executiva seats and
 * agencies in real municipalities (IBGE codes looked up in data/reference/municipios_ibge.csv).
 * Codes are illustrative, not the INSS's internal OL codes.
 */
export interface DemoGex {
  id: string;
  name: string;
  city: string;
  uf: string;
  agencies: [city: string, uf: string][];
}
export interface DemoSr {
  id: string;
  name: string;
  gex: DemoGex[];
}

export const DEMO_SRS: DemoSr[] = [
  {
    id: 'SR1',
    name: 'Superintendência Regional Sudeste I',
    gex: [
      {
        id: 'GEX-SPC',
        name: 'Gerência Executiva São Paulo - Centro',
        city: 'São Paulo',
        uf: 'SP',
        agencies: [
          ['São Paulo', 'SP'],
          ['Osasco', 'SP'],
          ['Guarulhos', 'SP'],
        ],
      },
      {
        id: 'GEX-CPS',
        name: 'Gerência Executiva Campinas',
        city: 'Campinas',
        uf: 'SP',
        agencies: [
          ['Campinas', 'SP'],
          ['Jundiaí', 'SP'],
          ['Piracicaba', 'SP'],
        ],
      },
      {
        id: 'GEX-RPO',
        name: 'Gerência Executiva Ribeirão Preto',
        city: 'Ribeirão Preto',
        uf: 'SP',
        agencies: [
          ['Ribeirão Preto', 'SP'],
          ['Franca', 'SP'],
        ],
      },
    ],
  },
  {
    id: 'SR2',
    name: 'Superintendência Regional Sudeste II',
    gex: [
      {
        id: 'GEX-BHZ',
        name: 'Gerência Executiva Belo Horizonte',
        city: 'Belo Horizonte',
        uf: 'MG',
        agencies: [
          ['Belo Horizonte', 'MG'],
          ['Contagem', 'MG'],
          ['Betim', 'MG'],
        ],
      },
      {
        id: 'GEX-RJC',
        name: 'Gerência Executiva Rio de Janeiro - Centro',
        city: 'Rio de Janeiro',
        uf: 'RJ',
        agencies: [
          ['Rio de Janeiro', 'RJ'],
          ['Niterói', 'RJ'],
          ['Duque de Caxias', 'RJ'],
        ],
      },
      {
        id: 'GEX-VIT',
        name: 'Gerência Executiva Vitória',
        city: 'Vitória',
        uf: 'ES',
        agencies: [
          ['Vitória', 'ES'],
          ['Vila Velha', 'ES'],
        ],
      },
    ],
  },
  {
    id: 'SR3',
    name: 'Superintendência Regional Sul',
    gex: [
      {
        id: 'GEX-POA',
        name: 'Gerência Executiva Porto Alegre',
        city: 'Porto Alegre',
        uf: 'RS',
        agencies: [
          ['Porto Alegre', 'RS'],
          ['Canoas', 'RS'],
          ['Novo Hamburgo', 'RS'],
        ],
      },
      {
        id: 'GEX-CXS',
        name: 'Gerência Executiva Caxias do Sul',
        city: 'Caxias do Sul',
        uf: 'RS',
        agencies: [
          ['Caxias do Sul', 'RS'],
          ['Bento Gonçalves', 'RS'],
        ],
      },
      {
        id: 'GEX-FLN',
        name: 'Gerência Executiva Florianópolis',
        city: 'Florianópolis',
        uf: 'SC',
        agencies: [
          ['Florianópolis', 'SC'],
          ['São José', 'SC'],
        ],
      },
      {
        id: 'GEX-CWB',
        name: 'Gerência Executiva Curitiba',
        city: 'Curitiba',
        uf: 'PR',
        agencies: [
          ['Curitiba', 'PR'],
          ['Ponta Grossa', 'PR'],
        ],
      },
    ],
  },
  {
    id: 'SR4',
    name: 'Superintendência Regional Nordeste',
    gex: [
      {
        id: 'GEX-FOR',
        name: 'Gerência Executiva Fortaleza',
        city: 'Fortaleza',
        uf: 'CE',
        agencies: [
          ['Fortaleza', 'CE'],
          ['Caucaia', 'CE'],
          ['Maracanaú', 'CE'],
        ],
      },
      {
        id: 'GEX-REC',
        name: 'Gerência Executiva Recife',
        city: 'Recife',
        uf: 'PE',
        agencies: [
          ['Recife', 'PE'],
          ['Olinda', 'PE'],
          ['Jaboatão dos Guararapes', 'PE'],
        ],
      },
      {
        id: 'GEX-SSA',
        name: 'Gerência Executiva Salvador',
        city: 'Salvador',
        uf: 'BA',
        agencies: [
          ['Salvador', 'BA'],
          ['Feira de Santana', 'BA'],
        ],
      },
      {
        id: 'GEX-SLZ',
        name: 'Gerência Executiva São Luís',
        city: 'São Luís',
        uf: 'MA',
        agencies: [
          ['São Luís', 'MA'],
          ['Imperatriz', 'MA'],
        ],
      },
    ],
  },
  {
    id: 'SR5',
    name: 'Superintendência Regional Norte/Centro-Oeste',
    gex: [
      {
        id: 'GEX-BEL',
        name: 'Gerência Executiva Belém',
        city: 'Belém',
        uf: 'PA',
        agencies: [
          ['Belém', 'PA'],
          ['Ananindeua', 'PA'],
        ],
      },
      {
        id: 'GEX-MAO',
        name: 'Gerência Executiva Manaus',
        city: 'Manaus',
        uf: 'AM',
        agencies: [
          ['Manaus', 'AM'],
          ['Parintins', 'AM'],
        ],
      },
      {
        id: 'GEX-BSB',
        name: 'Gerência Executiva Distrito Federal',
        city: 'Brasília',
        uf: 'DF',
        agencies: [['Brasília', 'DF']],
      },
      {
        id: 'GEX-GYN',
        name: 'Gerência Executiva Goiânia',
        city: 'Goiânia',
        uf: 'GO',
        agencies: [
          ['Goiânia', 'GO'],
          ['Anápolis', 'GO'],
        ],
      },
    ],
  },
];
