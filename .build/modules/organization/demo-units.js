const DEMO_SRS = [
  {
    id: "SR1",
    name: "Superintend\xEAncia Regional Sudeste I",
    gex: [
      {
        id: "GEX-SPC",
        name: "Ger\xEAncia Executiva S\xE3o Paulo - Centro",
        city: "S\xE3o Paulo",
        uf: "SP",
        agencies: [
          ["S\xE3o Paulo", "SP"],
          ["Osasco", "SP"],
          ["Guarulhos", "SP"]
        ]
      },
      {
        id: "GEX-CPS",
        name: "Ger\xEAncia Executiva Campinas",
        city: "Campinas",
        uf: "SP",
        agencies: [
          ["Campinas", "SP"],
          ["Jundia\xED", "SP"],
          ["Piracicaba", "SP"]
        ]
      },
      {
        id: "GEX-RPO",
        name: "Ger\xEAncia Executiva Ribeir\xE3o Preto",
        city: "Ribeir\xE3o Preto",
        uf: "SP",
        agencies: [
          ["Ribeir\xE3o Preto", "SP"],
          ["Franca", "SP"]
        ]
      }
    ]
  },
  {
    id: "SR2",
    name: "Superintend\xEAncia Regional Sudeste II",
    gex: [
      {
        id: "GEX-BHZ",
        name: "Ger\xEAncia Executiva Belo Horizonte",
        city: "Belo Horizonte",
        uf: "MG",
        agencies: [
          ["Belo Horizonte", "MG"],
          ["Contagem", "MG"],
          ["Betim", "MG"]
        ]
      },
      {
        id: "GEX-RJC",
        name: "Ger\xEAncia Executiva Rio de Janeiro - Centro",
        city: "Rio de Janeiro",
        uf: "RJ",
        agencies: [
          ["Rio de Janeiro", "RJ"],
          ["Niter\xF3i", "RJ"],
          ["Duque de Caxias", "RJ"]
        ]
      },
      {
        id: "GEX-VIT",
        name: "Ger\xEAncia Executiva Vit\xF3ria",
        city: "Vit\xF3ria",
        uf: "ES",
        agencies: [
          ["Vit\xF3ria", "ES"],
          ["Vila Velha", "ES"]
        ]
      }
    ]
  },
  {
    id: "SR3",
    name: "Superintend\xEAncia Regional Sul",
    gex: [
      {
        id: "GEX-POA",
        name: "Ger\xEAncia Executiva Porto Alegre",
        city: "Porto Alegre",
        uf: "RS",
        agencies: [
          ["Porto Alegre", "RS"],
          ["Canoas", "RS"],
          ["Novo Hamburgo", "RS"]
        ]
      },
      {
        id: "GEX-CXS",
        name: "Ger\xEAncia Executiva Caxias do Sul",
        city: "Caxias do Sul",
        uf: "RS",
        agencies: [
          ["Caxias do Sul", "RS"],
          ["Bento Gon\xE7alves", "RS"]
        ]
      },
      {
        id: "GEX-FLN",
        name: "Ger\xEAncia Executiva Florian\xF3polis",
        city: "Florian\xF3polis",
        uf: "SC",
        agencies: [
          ["Florian\xF3polis", "SC"],
          ["S\xE3o Jos\xE9", "SC"]
        ]
      },
      {
        id: "GEX-CWB",
        name: "Ger\xEAncia Executiva Curitiba",
        city: "Curitiba",
        uf: "PR",
        agencies: [
          ["Curitiba", "PR"],
          ["Ponta Grossa", "PR"]
        ]
      }
    ]
  },
  {
    id: "SR4",
    name: "Superintend\xEAncia Regional Nordeste",
    gex: [
      {
        id: "GEX-FOR",
        name: "Ger\xEAncia Executiva Fortaleza",
        city: "Fortaleza",
        uf: "CE",
        agencies: [
          ["Fortaleza", "CE"],
          ["Caucaia", "CE"],
          ["Maracana\xFA", "CE"]
        ]
      },
      {
        id: "GEX-REC",
        name: "Ger\xEAncia Executiva Recife",
        city: "Recife",
        uf: "PE",
        agencies: [
          ["Recife", "PE"],
          ["Olinda", "PE"],
          ["Jaboat\xE3o dos Guararapes", "PE"]
        ]
      },
      {
        id: "GEX-SSA",
        name: "Ger\xEAncia Executiva Salvador",
        city: "Salvador",
        uf: "BA",
        agencies: [
          ["Salvador", "BA"],
          ["Feira de Santana", "BA"]
        ]
      },
      {
        id: "GEX-SLZ",
        name: "Ger\xEAncia Executiva S\xE3o Lu\xEDs",
        city: "S\xE3o Lu\xEDs",
        uf: "MA",
        agencies: [
          ["S\xE3o Lu\xEDs", "MA"],
          ["Imperatriz", "MA"]
        ]
      }
    ]
  },
  {
    id: "SR5",
    name: "Superintend\xEAncia Regional Norte/Centro-Oeste",
    gex: [
      {
        id: "GEX-BEL",
        name: "Ger\xEAncia Executiva Bel\xE9m",
        city: "Bel\xE9m",
        uf: "PA",
        agencies: [
          ["Bel\xE9m", "PA"],
          ["Ananindeua", "PA"]
        ]
      },
      {
        id: "GEX-MAO",
        name: "Ger\xEAncia Executiva Manaus",
        city: "Manaus",
        uf: "AM",
        agencies: [
          ["Manaus", "AM"],
          ["Parintins", "AM"]
        ]
      },
      {
        id: "GEX-BSB",
        name: "Ger\xEAncia Executiva Distrito Federal",
        city: "Bras\xEDlia",
        uf: "DF",
        agencies: [["Bras\xEDlia", "DF"]]
      },
      {
        id: "GEX-GYN",
        name: "Ger\xEAncia Executiva Goi\xE2nia",
        city: "Goi\xE2nia",
        uf: "GO",
        agencies: [
          ["Goi\xE2nia", "GO"],
          ["An\xE1polis", "GO"]
        ]
      }
    ]
  }
];
export {
  DEMO_SRS
};
