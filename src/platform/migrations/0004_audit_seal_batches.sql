-- The hash chain continues by batch instead of by row (docs/decisions/0007-audit-seal-batches.md).
-- audit_chain gave every audit row a seal row of its own (two B-tree entries and ~180 bytes of
-- heap and WAL): the sealer's writes and their WAL then delayed the COMMIT of every audited
-- request, which waits for the WAL before answering (measured with the workers running, the
-- sealer among them: −28 % audited reads, and p99 38–41 ms against 10–11 ms without them). A
-- seal now covers the rows one round of the sealer links (up to 5,000): their seqs in chain
-- order, the SHA-256 of each row (32 bytes: verification still names the exact row altered or
-- removed) and one chain hash over them. audit_chain keeps the rows sealed before this
-- migration; the chain goes on from its last hash.
CREATE TABLE audit_seal (
  pos bigserial PRIMARY KEY,
  seqs bigint[] NOT NULL CHECK (cardinality(seqs) > 0),
  digests bytea NOT NULL CHECK (octet_length(digests) = 32 * cardinality(seqs)),
  max_txid xid8 NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  sealed_at timestamptz NOT NULL DEFAULT now()
);
-- SHA-256 digests do not compress: stored without trying (the seqs, nearly consecutive, do).
ALTER TABLE audit_seal ALTER COLUMN digests SET STORAGE EXTERNAL;
COMMENT ON TABLE audit_seal IS 'Encadeamento por hash da trilha de auditoria, um selo por lote: hash = sha256(hash anterior || quebra de linha || digests), digest de cada linha = sha256(seq || quebra de linha || conteúdo canônico). Somente inserção.';
COMMENT ON COLUMN audit_seal.seqs IS 'Linhas de audit_log seladas, na ordem do encadeamento.';
COMMENT ON COLUMN audit_seal.digests IS 'SHA-256 de cada linha (32 bytes cada, na ordem de seqs): a verificação aponta a linha alterada.';
COMMENT ON COLUMN audit_seal.max_txid IS 'Transação mais nova entre as linhas do selo: o selador só consulta os selos que podem conter linhas acima da sua marca d''água.';
CREATE INDEX audit_seal_max_txid_idx ON audit_seal (max_txid);

CREATE TRIGGER audit_seal_no_update BEFORE UPDATE OR DELETE ON audit_seal
  FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable();
GRANT SELECT, INSERT ON audit_seal TO previdencia_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_seal FROM previdencia_app;
GRANT USAGE ON SEQUENCE audit_seal_pos_seq TO previdencia_app;

-- Which audit rows are sealed, whichever table sealed them (operations, tests).
CREATE VIEW audit_sealed (seq, seal_pos) AS
  SELECT seq, NULL::bigint FROM audit_chain
  UNION ALL
  SELECT u.seq, s.pos FROM audit_seal s CROSS JOIN LATERAL unnest(s.seqs) AS u(seq);
COMMENT ON VIEW audit_sealed IS 'Linhas de audit_log já seladas: por linha (audit_chain, antes da migração 0004) ou por lote (audit_seal, seal_pos).';
GRANT SELECT ON audit_sealed TO previdencia_app;
