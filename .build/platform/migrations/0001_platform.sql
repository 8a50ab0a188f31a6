-- Platform tables: audit log, transactional outbox, consumer inbox, idempotency keys.

-- Audit: append-only. Rows are written in the transaction of the access they record (one
-- INSERT, no lock); a sealer then links committed rows into a hash chain (audit_chain), in an
-- order that no still-running transaction can change. See docs/decisions/0002-audit-chain.md.
CREATE TABLE audit_log (
  seq bigserial PRIMARY KEY,
  txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  at timestamptz NOT NULL DEFAULT now(),
  actor_id text NOT NULL,
  actor_role text NOT NULL,
  actor_unit_id text,
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text,
  outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'error')),
  request_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
COMMENT ON TABLE audit_log IS 'Trilha de auditoria: toda leitura/escrita de dado pessoal e toda negação de permissão. Somente inserção; selada em cadeia de hash por audit_chain.';
COMMENT ON COLUMN audit_log.txid IS 'Transação que gravou o registro: o selador só encadeia registros de transações já encerradas.';
COMMENT ON COLUMN audit_log.actor_unit_id IS 'Unidade do agente no momento do acesso (para que um gestor consulte só a trilha da sua subárvore).';
CREATE INDEX audit_log_resource_idx ON audit_log (resource_type, resource_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_txid_idx ON audit_log (txid);

-- The hash chain over audit rows: hash = sha256(prev_hash || '\n' || seq || '\n' || canonical content).
CREATE TABLE audit_chain (
  pos bigserial PRIMARY KEY,
  seq bigint NOT NULL UNIQUE,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  sealed_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE audit_chain IS 'Encadeamento por hash dos registros de auditoria, na ordem em que foram selados. Somente inserção.';

-- Where the sealer resumes: every committed audit row written by a transaction with an id
-- below low_txid is sealed (those transactions have all ended).
CREATE TABLE audit_seal_state (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  low_txid xid8 NOT NULL DEFAULT '0'
);
INSERT INTO audit_seal_state DEFAULT VALUES;
COMMENT ON TABLE audit_seal_state IS 'Marca d''água do selador da trilha de auditoria.';

-- Rows can never be changed or removed, whatever the role (a superuser would have to disable
-- the trigger explicitly, which the hash chain then exposes).
CREATE FUNCTION audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% é somente inserção (% não permitido)', TG_TABLE_NAME, TG_OP;
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable();
CREATE TRIGGER audit_chain_no_update BEFORE UPDATE OR DELETE ON audit_chain
  FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable();

-- The application role of a production deployment: may read and append audit rows, never
-- update or delete them (deployments log in as a member of this role; see README).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'previdencia_app') THEN
    CREATE ROLE previdencia_app NOLOGIN;
  END IF;
END $$;
GRANT SELECT, INSERT ON audit_log, audit_chain TO previdencia_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_chain FROM previdencia_app;
GRANT SELECT, UPDATE ON audit_seal_state TO previdencia_app;
GRANT USAGE ON SEQUENCE audit_log_seq_seq, audit_chain_pos_seq TO previdencia_app;

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

-- Marks that the demo data was loaded (loaded once, on the first start of an empty database).
CREATE TABLE platform_demo_seed (seeded_at timestamptz NOT NULL DEFAULT now());
COMMENT ON TABLE platform_demo_seed IS 'Registro de que os dados de demonstração já foram carregados.';
