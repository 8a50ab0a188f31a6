-- Legal parameters added by managers on top of the tables shipped in data/reference
-- (monthly correction index of a new Portaria, a new year's minimum wage, teto or readjustment).
-- Append-only: a value is never updated; the engine overlays these rows on the shipped files.
CREATE TABLE calc_parameter_values (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('monthly_index', 'minimum_wage', 'teto', 'readjustment')),
  -- monthly_index: the competência of the index; minimum_wage/teto: first month of validity;
  -- readjustment: first month paid with the readjusted value.
  competence text NOT NULL CHECK (competence ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  -- last month of validity (minimum_wage/teto only)
  valid_to text CHECK (valid_to IS NULL OR valid_to ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  -- decimal text exactly as published: "1.001000" (index), "1621.00" (reais), "3.90" (percent)
  value text NOT NULL CHECK (value ~ '^[0-9]+(\.[0-9]+)?$'),
  -- INPC / IGP-DI / IPC-r for monthly_index; the minimum-wage percentage for readjustment
  detail text,
  legal_act text NOT NULL CHECK (length(legal_act) BETWEEN 3 AND 300),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT calc_parameter_values_natural_key UNIQUE (kind, competence)
);

COMMENT ON TABLE calc_parameter_values IS
  'Parâmetros legais do cálculo cadastrados por gestores (índice mensal de correção, salário mínimo, teto, reajuste anual), sobrepostos às tabelas oficiais de data/reference. Somente inclusão; cada linha cita o ato legal.';
COMMENT ON COLUMN calc_parameter_values.kind IS 'monthly_index | minimum_wage | teto | readjustment';
COMMENT ON COLUMN calc_parameter_values.competence IS 'Competência (AAAA-MM) do índice ou início da vigência do valor';
COMMENT ON COLUMN calc_parameter_values.valid_to IS 'Última competência de vigência (salário mínimo e teto)';
COMMENT ON COLUMN calc_parameter_values.value IS 'Valor como publicado: fator (1.001000), reais (1621.00) ou percentual (3.90)';
COMMENT ON COLUMN calc_parameter_values.detail IS 'Índice legal (INPC, IGP-DI, IPC-r) ou percentual de reajuste do salário mínimo';
COMMENT ON COLUMN calc_parameter_values.legal_act IS 'Ato legal que fixou o valor (por exemplo Portaria MPS 904/2023)';
COMMENT ON COLUMN calc_parameter_values.created_by IS 'Conta que cadastrou o valor';
