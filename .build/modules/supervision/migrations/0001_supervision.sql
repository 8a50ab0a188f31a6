-- Supervision: Supervisão Técnica em Benefícios (Portaria DIRBEN/INSS nº 1.309/2025).

-- Read model of concluded tasks, fed by the outbox event task.concluded (requests module).
CREATE TABLE sup_frame_tasks (
  task_id text PRIMARY KEY,
  request_id text NOT NULL,
  protocol text NOT NULL,
  service_code text NOT NULL,
  species text NOT NULL,
  sr_code text,
  gex_code text,
  unit_id text NOT NULL,
  server_id text,
  queue text NOT NULL CHECK (queue IN ('regular', 'extraordinary', 'training')),
  system text NOT NULL CHECK (system IN ('PAT', 'SABI')),
  subtasks text[] NOT NULL DEFAULT '{}',
  concluded_at date NOT NULL,
  decision text NOT NULL CHECK (decision IN ('granted', 'denied', 'other')),
  automatic boolean NOT NULL DEFAULT false,
  in_scope boolean NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE sup_frame_tasks IS 'Quadro de amostragem: tarefas concluídas (evento task.concluded do módulo de requerimentos), com a decisão de escopo do art. 4 da Portaria DIRBEN/INSS 1.309/2025.';
COMMENT ON COLUMN sup_frame_tasks.in_scope IS 'Espécie/serviço no escopo da Supervisão Técnica (art. 4, incisos I a VIII, §§4 e 5).';
COMMENT ON COLUMN sup_frame_tasks.server_id IS 'Servidor que concluiu a tarefa (id de org_staff), nunca designado para supervisioná-la; nulo nas concessões automáticas (também supervisionadas).';
COMMENT ON COLUMN sup_frame_tasks.sr_code IS 'Código da SR da unidade (nulo se a unidade não está sob uma SR; o estrato usa então a unidade).';
CREATE INDEX sup_frame_tasks_month_idx ON sup_frame_tasks (concluded_at, sr_code) WHERE in_scope;
CREATE INDEX sup_frame_tasks_server_idx ON sup_frame_tasks (server_id, concluded_at);

-- A sampling cycle: what was drawn, how, and from which frame (reproducible).
CREATE TABLE sup_cycles (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('random', 'extraordinary', 'training_track', 'targeted', 'error_indication')),
  label text NOT NULL,
  seed text NOT NULL,
  params jsonb NOT NULL,
  frame_sha256 text NOT NULL,
  frame_size integer NOT NULL,
  result jsonb NOT NULL,
  due_date date NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, label)
);
COMMENT ON TABLE sup_cycles IS 'Ciclos de supervisão: amostra aleatória mensal (art. 7), filas extraordinárias trimestrais (arts. 10-12), Trilha de Formação (arts. 16-21), seleções direcionadas (art. 8) e indicações de erro (art. 3 §1), com semente, parâmetros e hash do quadro para reprodução.';
COMMENT ON COLUMN sup_cycles.frame_sha256 IS 'SHA-256 do quadro de amostragem canônico (linhas "sr,task_id" ordenadas) usado no sorteio.';
COMMENT ON COLUMN sup_cycles.due_date IS 'Prazo do ciclo: fim do mês (amostra aleatória), 90 dias (filas extraordinárias, art. 12), 15 dias (Trilha de Formação, art. 20).';

-- One supervision per selected request.
CREATE TABLE sup_supervisions (
  id uuid PRIMARY KEY,
  cycle_id uuid NOT NULL REFERENCES sup_cycles (id),
  cycle_label text NOT NULL,
  task_id text NOT NULL,
  request_id text NOT NULL,
  protocol text NOT NULL,
  unit_id text NOT NULL,
  sr_code text,
  gex_code text,
  server_id text,
  species text NOT NULL,
  service_code text NOT NULL,
  system text NOT NULL,
  origin text NOT NULL CHECK (origin IN ('random', 'targeted', 'error_indication', 'extraordinary', 'training_track')),
  origin_label text NOT NULL,
  criterion text,
  assigned_to text,
  due_date date NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'concluded')),
  outcome text CHECK (outcome IN ('full_ratification', 'ratified_with_revision', 'not_ratified')),
  answers jsonb,
  nonconformities text[] NOT NULL DEFAULT '{}',
  notes text,
  revision_service text CHECK (revision_service IN ('5172', '17475')),
  concluded_at date,
  concluded_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (cycle_id, task_id),
  CHECK ((status = 'concluded') = (outcome IS NOT NULL)),
  CHECK (assigned_to IS NULL OR assigned_to <> server_id)
);
COMMENT ON TABLE sup_supervisions IS 'Supervisões técnicas: tarefa supervisionada, campo "Origem da Supervisão" (arts. 12 §1 e 17), supervisor designado da equipe da SR (art. 7 §3), checklist de critérios materiais e formais (art. 5) e conclusão (art. 9).';
COMMENT ON COLUMN sup_supervisions.origin_label IS 'Rótulo oficial da origem: "Amostra aleatória", "Monitoramento Filas Extraordinárias", "Trilha de Formação - novos servidores", "Indicação de erro administrativo", "Seleção direcionada".';
COMMENT ON COLUMN sup_supervisions.revision_service IS 'Serviço da revisão aberta quando há erro: REVOFICIO 5172 ou REVOFIBI 17475 (art. 4 §§2 e 5).';
CREATE INDEX sup_supervisions_unit_idx ON sup_supervisions (unit_id, created_at);
CREATE INDEX sup_supervisions_assignee_idx ON sup_supervisions (assigned_to, status);
CREATE INDEX sup_supervisions_server_idx ON sup_supervisions (server_id);
CREATE INDEX sup_supervisions_cycle_idx ON sup_supervisions (cycle_label, origin);

-- Configurable checklist (art. 5 §§1-2); the newest version is in force.
CREATE TABLE sup_checklists (
  version integer PRIMARY KEY,
  config jsonb NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE sup_checklists IS 'Versões do checklist de critérios materiais e formais por espécie (art. 5); sem linhas vale o padrão distribuído com a plataforma.';

-- Training referrals (art. 14) and removal proposals with the right of defence (art. 14 parágrafo único).
CREATE TABLE sup_referrals (
  id uuid PRIMARY KEY,
  server_id text NOT NULL,
  unit_id text,
  cycle text NOT NULL,
  supervised integer NOT NULL,
  full_count integer NOT NULL,
  performance_index numeric(5, 2),
  not_ratified integer NOT NULL,
  reasons text[] NOT NULL,
  proposed_removal boolean NOT NULL,
  status text NOT NULL DEFAULT 'referred' CHECK (status IN ('referred', 'removal_proposed', 'defence_notified', 'decided')),
  defence_notified_at date,
  defence_text text,
  defence_received_at date,
  decision text CHECK (decision IN ('removed', 'kept')),
  decision_reason text,
  decided_by text,
  decided_at date,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (server_id, cycle)
);
COMMENT ON TABLE sup_referrals IS 'Encaminhamentos para capacitação (art. 14) e propostas de desligamento do programa especial, com registro do contraditório e da ampla defesa; a decisão é sempre humana.';
CREATE INDEX sup_referrals_server_idx ON sup_referrals (server_id);
