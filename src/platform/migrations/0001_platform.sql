-- Platform tables: audit log, transactional outbox, consumer inbox, idempotency keys.

-- Audit: append-only, hash-chained (each row's hash covers its content and the previous hash).
CREATE TABLE audit_log (
  seq bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id text NOT NULL,
  actor_role text NOT NULL,
  actor_unit_id text,
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text,
  outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'error')),
  request_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
COMMENT ON TABLE audit_log IS 'Trilha de auditoria: toda leitura/escrita de dado pessoal e toda negação de permissão. Somente inserção; encadeada por hash SHA-256 (prev_hash → hash).';
COMMENT ON COLUMN audit_log.hash IS 'sha256(prev_hash || conteúdo canônico da linha); verificado por `previdencia audit verify`.';
CREATE INDEX audit_log_resource_idx ON audit_log (resource_type, resource_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);
CREATE INDEX audit_log_at_idx ON audit_log (at);
COMMENT ON COLUMN audit_log.actor_unit_id IS 'Unidade do agente no momento do acesso (para que um gestor consulte só a trilha da sua subárvore).';

-- Rows can never be changed or removed, whatever the role (superusers would have to disable
-- the trigger explicitly, which the hash chain then exposes).
CREATE FUNCTION audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log é somente inserção (% não permitido)', TG_OP;
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable();

-- The application role of a production deployment: may read and append audit rows, never
-- update or delete them (deployments log in as a member of this role; see README).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'previdencia_app') THEN
    CREATE ROLE previdencia_app NOLOGIN;
  END IF;
END $$;
GRANT SELECT, INSERT ON audit_log TO previdencia_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM previdencia_app;
GRANT USAGE ON SEQUENCE audit_log_seq_seq TO previdencia_app;

-- Transactional outbox: events written in the same transaction as the change.
CREATE TABLE outbox (
  seq bigserial PRIMARY KEY,
  event_id uuid NOT NULL UNIQUE,
  type text NOT NULL,
  aggregate_type text NOT NULL,
  aggregate_id text NOT NULL,
  payload jsonb NOT NULL,
  version int NOT NULL DEFAULT 1,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  dispatched_at timestamptz,
  attempts int NOT NULL DEFAULT 0,
  last_error text
);
COMMENT ON TABLE outbox IS 'Eventos de domínio gravados na mesma transação da mudança; despachados pelo worker (pelo menos uma vez).';
CREATE INDEX outbox_pending_idx ON outbox (seq) WHERE dispatched_at IS NULL;
CREATE INDEX outbox_aggregate_idx ON outbox (aggregate_type, aggregate_id);

-- Consumer idempotency: an event is handled once per consumer even if delivered twice.
CREATE TABLE outbox_consumed (
  consumer text NOT NULL,
  event_id uuid NOT NULL,
  consumed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
COMMENT ON TABLE outbox_consumed IS 'Eventos já processados por consumidor (deduplicação da entrega pelo menos uma vez).';

-- Idempotency-Key on creating POSTs: same key + same body → same response.
CREATE TABLE idempotency_keys (
  owner text NOT NULL,
  key text NOT NULL,
  method text NOT NULL,
  route text NOT NULL,
  body_hash text NOT NULL,
  status_code int,
  response_body text,
  response_type text,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  PRIMARY KEY (owner, key)
);
COMMENT ON TABLE idempotency_keys IS 'Chaves Idempotency-Key: mesma chave e mesmo corpo devolvem a mesma resposta; corpo diferente → 422.';
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- Appends one audit row in a single round trip: takes the chain lock (held to commit, so the
-- chain has a single order), links to the last row and hashes
--   sha256(prev_hash || E'\n' || seq || E'\n' || content)
-- where content is the canonical JSON of the row's fields computed by the application
-- (src/platform/audit/audit.ts, which recomputes it from the stored columns to verify).
CREATE FUNCTION audit_append(
  p_at timestamptz, p_actor_id text, p_actor_role text, p_actor_unit_id text, p_action text,
  p_resource_type text, p_resource_id text, p_outcome text, p_request_id text, p_details jsonb,
  p_content text
) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  v_prev text;
  v_seq bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(7340002);
  SELECT hash INTO v_prev FROM audit_log ORDER BY seq DESC LIMIT 1;
  v_prev := coalesce(v_prev, repeat('0', 64));
  v_seq := nextval('audit_log_seq_seq');
  INSERT INTO audit_log (seq, at, actor_id, actor_role, actor_unit_id, action, resource_type, resource_id,
                         outcome, request_id, details, prev_hash, hash)
  VALUES (v_seq, p_at, p_actor_id, p_actor_role, p_actor_unit_id, p_action, p_resource_type, p_resource_id,
          p_outcome, p_request_id, p_details, v_prev,
          encode(sha256(convert_to(v_prev || E'\n' || v_seq::text || E'\n' || p_content, 'UTF8')), 'hex'));
  RETURN v_seq;
END $$;
COMMENT ON FUNCTION audit_append IS 'Acrescenta um registro à trilha de auditoria encadeada (uma ida ao banco; trava o encadeamento até o commit).';

-- Marks that the demo data was loaded (loaded once, on the first start of an empty database).
CREATE TABLE platform_demo_seed (seeded_at timestamptz NOT NULL DEFAULT now());
COMMENT ON TABLE platform_demo_seed IS 'Registro de que os dados de demonstração já foram carregados.';
