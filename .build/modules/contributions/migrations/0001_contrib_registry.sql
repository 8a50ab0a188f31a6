-- Contribution registry (CNIS-like): people, affiliation links, monthly remunerations, previous benefits.
-- Sized for 10M+ remuneration rows: contrib_remunerations is kept narrow (integer link id, date,
-- bigint cents, optional indicator array) and clustered by its primary key (link, competence).
-- See src/modules/contributions/README.md ("Volume e particionamento").

CREATE TABLE contrib_people (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  cpf char(11) NOT NULL UNIQUE CHECK (cpf ~ '^[0-9]{11}$'),
  nit char(11) CHECK (nit ~ '^[0-9]{11}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  birth_date date NOT NULL,
  sex char(1) CHECK (sex IN ('M', 'F')),
  mother_name text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contrib_people_nit_idx ON contrib_people (nit) WHERE nit IS NOT NULL;
COMMENT ON TABLE contrib_people IS 'Filiados do RGPS (pessoa física identificada por CPF; NIT/PIS/PASEP do CNIS). Dados pessoais: todo acesso é auditado.';
COMMENT ON COLUMN contrib_people.cpf IS 'CPF, só dígitos.';
COMMENT ON COLUMN contrib_people.nit IS 'NIT/PIS/PASEP/NIS principal, só dígitos.';
COMMENT ON COLUMN contrib_people.sex IS 'Sexo (M/F). Pode faltar para quem veio só de um extrato do CNIS, que não o informa; o cálculo exige.';

CREATE TABLE contrib_links (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id bigint NOT NULL REFERENCES contrib_people (id) ON DELETE CASCADE,
  seq integer NOT NULL CHECK (seq > 0),
  employer_doc text CHECK (employer_doc ~ '^[0-9]{11,14}$'),
  employer_doc_type text CHECK (employer_doc_type IN ('cnpj', 'cei', 'cpf')),
  employer_name text,
  category text NOT NULL CHECK (category IN ('employee', 'domestic', 'individual', 'optional', 'mei', 'special_insured', 'casual')),
  start_date date NOT NULL,
  end_date date,
  indicators text[] NOT NULL DEFAULT '{}',
  source text NOT NULL CHECK (source IN ('import', 'cnis', 'api', 'seed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT contrib_links_person_seq_key UNIQUE (person_id, seq),
  CONSTRAINT contrib_links_period_check CHECK (end_date IS NULL OR end_date >= start_date),
  CONSTRAINT contrib_links_doc_type_check CHECK ((employer_doc IS NULL) = (employer_doc_type IS NULL))
);
COMMENT ON TABLE contrib_links IS 'Vínculos / relações previdenciárias do CNIS (Seq. do extrato, empregador CNPJ/CEI/CPF, categoria do segurado — Lei 8.213/1991 arts. 11 a 13).';
COMMENT ON COLUMN contrib_links.seq IS 'Número de sequência do vínculo no CNIS (coluna "Seq." do extrato), único por pessoa.';
COMMENT ON COLUMN contrib_links.indicators IS 'Indicadores do vínculo (ex.: IVIN-JORN-DIFERENCIADA, PEXT, AEXT-VI).';

-- No foreign key to contrib_links on purpose: the per-row RI trigger made bulk COPY ~3x slower
-- (measured: 5.0 s vs 1.5 s per million rows). Every writer resolves link ids inside the same
-- transaction that creates the link, and links are never deleted without their remunerations
-- (delete-person / replace-link use cases). A nightly orphan check query is in the README.
CREATE TABLE contrib_remunerations (
  link_id bigint NOT NULL,
  competence date NOT NULL CHECK (date_part('day', competence) = 1),
  part smallint NOT NULL DEFAULT 0 CHECK (part BETWEEN 0 AND 9),
  amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
  indicators text[],
  PRIMARY KEY (link_id, competence, part)
);
COMMENT ON TABLE contrib_remunerations IS 'Remunerações / salários de contribuição mensais por vínculo (uma linha por competência; part > 0 quando o CNIS lista a mesma competência mais de uma vez, ex.: parcela IREM-ACD). Tabela de alto volume: linha estreita.';
COMMENT ON COLUMN contrib_remunerations.competence IS 'Competência (mês), guardada como o 1º dia do mês.';
COMMENT ON COLUMN contrib_remunerations.amount_cents IS 'Valor em centavos (inteiro).';
COMMENT ON COLUMN contrib_remunerations.indicators IS 'Indicadores/pendências do CNIS na competência (ex.: PEXT, AEXT-VI, IREM-INDPEND, PSC-MEN-SM-EC103); NULL quando não há.';

CREATE TABLE contrib_benefits (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id bigint NOT NULL REFERENCES contrib_people (id) ON DELETE CASCADE,
  nb char(10) NOT NULL UNIQUE CHECK (nb ~ '^[0-9]{10}$'),
  species smallint NOT NULL CHECK (species BETWEEN 1 AND 99),
  seq integer,
  dib date NOT NULL,
  dcb date,
  status text NOT NULL CHECK (status IN ('active', 'ceased', 'suspended')),
  source text NOT NULL CHECK (source IN ('import', 'cnis', 'api', 'seed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT contrib_benefits_period_check CHECK (dcb IS NULL OR dcb >= dib)
);
CREATE INDEX contrib_benefits_person_idx ON contrib_benefits (person_id);
COMMENT ON TABLE contrib_benefits IS 'Benefícios anteriores do filiado (NB, espécie, DIB, DCB, situação), como no CNIS.';
COMMENT ON COLUMN contrib_benefits.species IS 'Espécie do benefício (código INSS, ex.: 31 auxílio-doença previdenciário, 41 aposentadoria por idade).';
