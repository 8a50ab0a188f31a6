-- The audit trail is append-only and its time (at) grows with its order of insertion: a
-- block-range (BRIN) index serves the audit query's period filter at a fraction of a B-tree's
-- upkeep (every audited read inserted into it). txid keeps its B-tree: xid8 has no BRIN class.
DROP INDEX audit_log_at_idx;
CREATE INDEX audit_log_at_brin ON audit_log USING brin (at);
COMMENT ON INDEX audit_log_at_brin IS 'Filtro por período da consulta da trilha (tabela só de inserção, ordenada no tempo).';
