-- Requests module: requerimentos, their append-only history, the legal-deadline clock, documents,
-- tasks and queues, exigências, appointments, decisions and appeals. Unit, staff, account and
-- partner-entity ids belong to other modules and are kept as plain text (no cross-module FKs).

CREATE SEQUENCE req_protocol_seq START 1 MAXVALUE 99999999;

CREATE TABLE req_requests (
  id uuid PRIMARY KEY,
  protocol text NOT NULL UNIQUE,
  citizen_cpf char(11) NOT NULL,
  species text NOT NULL,
  service_code text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('self_service', 'act_partner', 'call_centre', 'in_person')),
  filed_by_kind text NOT NULL CHECK (filed_by_kind IN ('citizen', 'partner_representative', 'staff')),
  filed_by_account_id text NOT NULL,
  partner_entity_id text,
  representation_term_ref text,
  der date NOT NULL,
  declared jsonb NOT NULL DEFAULT '{}'::jsonb,
  unit_id text NOT NULL,
  status text NOT NULL,
  holder_staff_id text,
  max_days integer,
  version integer NOT NULL DEFAULT 1,
  decision text CHECK (decision IN ('granted', 'denied')),
  decided_on date,
  is_automatic boolean NOT NULL DEFAULT false,
  document_bytes bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (filed_by_kind <> 'partner_representative' OR partner_entity_id IS NOT NULL)
);
COMMENT ON TABLE req_requests IS 'Requerimentos de benefício/serviço. status é o cache de statusFromActions(req_request_actions); version para concorrência otimista.';
COMMENT ON COLUMN req_requests.protocol IS 'Número de protocolo AAAA.NNNNNNNN-D (sequencial req_protocol_seq, dígito mod 11).';
COMMENT ON COLUMN req_requests.der IS 'Data de entrada do requerimento (DER).';
COMMENT ON COLUMN req_requests.representation_term_ref IS 'Referência ao termo de representação do ACT (módulo de parceiros).';
COMMENT ON COLUMN req_requests.max_days IS 'Prazo máximo do acordo STF RE 1.171.152 para a espécie (NULL: sem prazo pactuado).';
CREATE INDEX req_requests_cpf_idx ON req_requests (citizen_cpf, created_at DESC);
CREATE INDEX req_requests_partner_idx ON req_requests (partner_entity_id, created_at DESC) WHERE partner_entity_id IS NOT NULL;
CREATE INDEX req_requests_unit_idx ON req_requests (unit_id, status, created_at DESC);

CREATE TABLE req_request_actions (
  id bigserial PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES req_requests (id),
  seq integer NOT NULL,
  action text NOT NULL,
  status_after text NOT NULL,
  actor_account_id text NOT NULL,
  actor_role text NOT NULL,
  staff_id text,
  at timestamptz NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  UNIQUE (request_id, seq)
);
COMMENT ON TABLE req_request_actions IS 'Histórico (append-only) das ações do requerimento; a situação deriva desta lista.';

CREATE TABLE req_clock_events (
  id bigserial PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES req_requests (id),
  kind text NOT NULL CHECK (kind IN ('start', 'pause', 'resume', 'stop')),
  on_date date NOT NULL,
  reason text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE req_clock_events IS 'Eventos do prazo legal (acordo STF RE 1.171.152): início ao fim da instrução, suspensão em exigência, retomada, parada na decisão.';
CREATE INDEX req_clock_events_req_idx ON req_clock_events (request_id, id);

-- Append-only: history and clock rows are never changed or removed.
CREATE FUNCTION req_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'tabela % é somente de inclusão', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER req_request_actions_append_only BEFORE UPDATE OR DELETE ON req_request_actions
  FOR EACH ROW EXECUTE FUNCTION req_forbid_change();
CREATE TRIGGER req_clock_events_append_only BEFORE UPDATE OR DELETE ON req_clock_events
  FOR EACH ROW EXECUTE FUNCTION req_forbid_change();

CREATE TABLE req_documents (
  id uuid PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES req_requests (id),
  sha256 char(64) NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  file_name text NOT NULL,
  category text NOT NULL,
  exigencia_id uuid,
  uploaded_by_account_id text NOT NULL,
  uploaded_by_role text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE req_documents IS 'Documentos anexados; o conteúdo fica no repositório de blobs endereçado por SHA-256 e só é servido por id, por rota autorizada.';
CREATE INDEX req_documents_req_idx ON req_documents (request_id, created_at);

CREATE TABLE req_tasks (
  id uuid PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES req_requests (id),
  kind text NOT NULL CHECK (kind IN ('analysis', 'appeal_compliance', 'revision')),
  service_code text NOT NULL,
  species text NOT NULL,
  unit_id text NOT NULL,
  queue text NOT NULL CHECK (queue IN ('regular', 'extraordinary', 'training')),
  queue_key text NOT NULL,
  system text NOT NULL CHECK (system IN ('PAT', 'SABI')),
  status text NOT NULL CHECK (status IN ('open', 'assigned', 'waiting', 'concluded', 'cancelled')),
  assignee_staff_id text,
  assigned_at timestamptz,
  due_date date,
  is_overdue boolean NOT NULL DEFAULT false,
  escalated_to_unit_id text,
  escalated_at timestamptz,
  subtasks text[] NOT NULL DEFAULT '{}',
  supervision_id text,
  reason text,
  concluded_at timestamptz,
  concluded_on date,
  concluded_by_staff_id text,
  concluded_queue text,
  conclusion text CHECK (conclusion IN ('granted', 'denied', 'other')),
  is_automatic boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_on date NOT NULL
);
COMMENT ON TABLE req_tasks IS 'Tarefas (análise inicial, cumprimento de decisão recursal, revisão) em filas por tipo/unidade/espécie; registra quem concluiu e em qual fila.';
COMMENT ON COLUMN req_tasks.queue_key IS 'fila:unidade:espécie — a chave que "pegar próxima tarefa" casa no índice parcial.';
-- Take-next: most urgent open task of the analyst's queues (due date first, NULLs last, then age).
CREATE INDEX req_tasks_take_idx ON req_tasks (queue_key, due_date NULLS LAST, created_at) WHERE status = 'open';
CREATE INDEX req_tasks_request_idx ON req_tasks (request_id);
CREATE INDEX req_tasks_assignee_idx ON req_tasks (assignee_staff_id) WHERE status IN ('assigned', 'waiting');
CREATE INDEX req_tasks_due_idx ON req_tasks (due_date) WHERE status IN ('open', 'assigned', 'waiting');
CREATE INDEX req_tasks_unit_idx ON req_tasks (unit_id, status);

CREATE TABLE req_task_actions (
  id bigserial PRIMARY KEY,
  task_id uuid NOT NULL REFERENCES req_tasks (id),
  action text NOT NULL,
  actor_account_id text NOT NULL,
  staff_id text,
  from_unit_id text,
  to_unit_id text,
  to_staff_id text,
  reason text,
  at timestamptz NOT NULL DEFAULT now(),
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
COMMENT ON TABLE req_task_actions IS 'Histórico (append-only) das tarefas: criação, atribuição, devolução, transferência, redistribuição, conclusão, escalonamento.';
CREATE INDEX req_task_actions_task_idx ON req_task_actions (task_id, id);
CREATE TRIGGER req_task_actions_append_only BEFORE UPDATE OR DELETE ON req_task_actions
  FOR EACH ROW EXECUTE FUNCTION req_forbid_change();

CREATE TABLE req_queue_grants (
  staff_id text NOT NULL,
  queue text NOT NULL CHECK (queue IN ('regular', 'extraordinary', 'training')),
  unit_id text NOT NULL,
  species text NOT NULL DEFAULT '*',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (staff_id, queue, unit_id, species)
);
COMMENT ON TABLE req_queue_grants IS 'Filas em que cada servidor pode pegar tarefas (species = * para todas as espécies da unidade).';

CREATE TABLE req_escalation_rules (
  unit_id text PRIMARY KEY,
  target_unit_id text NOT NULL,
  days_past_due integer NOT NULL CHECK (days_past_due >= 0)
);
COMMENT ON TABLE req_escalation_rules IS 'Regra de escalonamento de tarefas fora do prazo por unidade (unit_id = * é a regra padrão).';

CREATE TABLE req_exigencias (
  id uuid PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES req_requests (id),
  task_id uuid REFERENCES req_tasks (id),
  items jsonb NOT NULL,
  opened_on date NOT NULL,
  due_date date NOT NULL,
  extensions integer NOT NULL DEFAULT 0,
  status text NOT NULL CHECK (status IN ('open', 'answered', 'expired')),
  answered_on date,
  answer_note text,
  expired_on date,
  opened_by_staff_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE req_exigencias IS 'Exigências (Lei 9.784/1999, arts. 39-40): itens solicitados, prazo (30 dias por padrão, prorrogável), cumprimento ou decurso.';
CREATE INDEX req_exigencias_open_idx ON req_exigencias (due_date) WHERE status = 'open';
CREATE INDEX req_exigencias_req_idx ON req_exigencias (request_id);

CREATE TABLE req_appointment_slots (
  id uuid PRIMARY KEY,
  unit_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('medical_exam', 'social_evaluation')),
  slot_date date NOT NULL,
  start_time text NOT NULL,
  capacity integer NOT NULL CHECK (capacity > 0),
  booked integer NOT NULL DEFAULT 0 CHECK (booked >= 0),
  CHECK (booked <= capacity),
  UNIQUE (unit_id, kind, slot_date, start_time)
);
COMMENT ON TABLE req_appointment_slots IS 'Vagas de perícia médica / avaliação social por agência, data e horário, com capacidade.';

CREATE TABLE req_appointments (
  id uuid PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES req_requests (id),
  slot_id uuid NOT NULL REFERENCES req_appointment_slots (id),
  kind text NOT NULL CHECK (kind IN ('medical_exam', 'social_evaluation')),
  unit_id text NOT NULL,
  appointment_date date NOT NULL,
  start_time text NOT NULL,
  status text NOT NULL CHECK (status IN ('scheduled', 'rescheduled', 'attended', 'no_show')),
  scheduled_at timestamptz NOT NULL,
  scheduled_on date NOT NULL,
  attended_on date,
  replaces_id uuid REFERENCES req_appointments (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE req_appointments IS 'Agendamentos; scheduled_on → attended_on mede o tempo entre agendamento e atendimento presencial (plano de ação).';
CREATE INDEX req_appointments_req_idx ON req_appointments (request_id);

CREATE TABLE req_decisions (
  id uuid PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES req_requests (id),
  task_id uuid REFERENCES req_tasks (id),
  outcome text NOT NULL CHECK (outcome IN ('granted', 'denied')),
  reasons jsonb NOT NULL,
  legal_basis text NOT NULL,
  calculation jsonb,
  decided_by_staff_id text,
  is_automatic boolean NOT NULL,
  decided_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE req_decisions IS 'Decisões (deferimento/indeferimento) com motivos codificados e fundamento legal; o deferimento guarda o cálculo da RMI.';
CREATE INDEX req_decisions_req_idx ON req_decisions (request_id);

CREATE TABLE req_appeals (
  id uuid PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES req_requests (id),
  decision_id uuid NOT NULL REFERENCES req_decisions (id),
  filed_on date NOT NULL,
  filed_by_account_id text NOT NULL,
  grounds text NOT NULL,
  status text NOT NULL CHECK (status IN ('filed', 'upheld', 'dismissed')),
  board_reference text,
  board_decided_on date,
  compliance_task_id uuid REFERENCES req_tasks (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE req_appeals IS 'Recursos ao CRPS (Decreto 3.048/1999, arts. 303-305) e a decisão da junta; provimento gera tarefa de cumprimento de decisão recursal.';
CREATE INDEX req_appeals_req_idx ON req_appeals (request_id);
