-- The sealer hashes the rows inside PostgreSQL (docs/decisions/0008-audit-sealing-in-sql.md): one
-- INSERT … SELECT per seal reads the unsealed rows, writes each one's canonical text, takes its
-- SHA-256 (sha256(), built in since PostgreSQL 11) and the seal's chain hash, and nothing but the
-- row count comes back to the server. Sealing in the server read every audited row back over the
-- wire, parsed it and hashed it in JavaScript: ≈ 11 µs of server CPU and 5 µs of PostgreSQL per
-- audited read, on the same 2 cores as the requests (−22 % audited reads with the workers running).
--
-- The canonical text of a row (its "row format") is the one of format 1 with one difference:
-- `details` is PostgreSQL's own text of the jsonb value (keys in jsonb's order, ", " and ": "
-- separators), which SQL can write and the verifier reads back as is, instead of JSON with keys
-- sorted as JavaScript sorts them. Seals made before this migration keep format 1 and are
-- verified as they were made.
ALTER TABLE audit_seal
  ADD COLUMN row_format smallint NOT NULL DEFAULT 1 CHECK (row_format IN (1, 2));
COMMENT ON COLUMN audit_seal.row_format IS 'Texto canônico das linhas deste selo: 1 = details como JSON de chaves ordenadas (selos até a migração 0005); 2 = details como o texto jsonb do PostgreSQL (selos feitos em SQL).';
