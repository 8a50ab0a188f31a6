-- Organization: the INSS unit tree and its staff (servidores).

CREATE TABLE org_units (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('national', 'sr', 'gex', 'aps', 'ceab')),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  parent_id text REFERENCES org_units (id),
  -- Materialized path of ids from the root, "/BR/SR1/GEX-21001/APS-21001010/": subtree = prefix match.
  path text NOT NULL UNIQUE,
  municipality_ibge char(7),
  uf char(2),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'national') = (parent_id IS NULL))
);
COMMENT ON TABLE org_units IS 'Árvore de unidades: Direção Central (raiz), Superintendências Regionais (SR), Gerências Executivas (GEX), Agências da Previdência Social (APS) e Centrais de Análise (CEAB).';
COMMENT ON COLUMN org_units.path IS 'Caminho materializado desde a raiz; a subárvore de uma unidade é path LIKE <path>%.';
COMMENT ON COLUMN org_units.municipality_ibge IS 'Código IBGE de 7 dígitos do município sede (APS e GEX).';
CREATE INDEX org_units_parent_idx ON org_units (parent_id);
CREATE INDEX org_units_path_idx ON org_units (path text_pattern_ops);

CREATE TABLE org_staff (
  id uuid PRIMARY KEY,
  registration text NOT NULL UNIQUE,
  name text NOT NULL,
  cpf char(11) UNIQUE,
  unit_id text NOT NULL REFERENCES org_units (id),
  roles text[] NOT NULL,
  start_date date NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE org_staff IS 'Servidores: matrícula (SIAPE), unidade de lotação, papéis e data de entrada em exercício (usada na Trilha de Formação de novos servidores, Portaria DIRBEN/INSS 1.309/2025 arts. 16-21).';
CREATE INDEX org_staff_unit_idx ON org_staff (unit_id);
