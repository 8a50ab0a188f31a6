-- UUID version 7 (RFC 9562, §5.7) made in SQL, for the ids a statement creates itself (events
-- of the outbox written in the statement of the change): 48 bits of Unix time in milliseconds,
-- version 7, and the random bits of gen_random_uuid(). Same layout as uuidv7() in
-- src/platform/values/ids.ts; PostgreSQL 15 has no built-in (uuidv7() arrives in 18).
-- Ids made later sort after earlier ones, so inserts reach the right edge of the indexes
-- instead of a random page (docs/performance.md). `made_at` gives another instant (a data load that
-- recreates rows made in the past: bench/requests.ts).
CREATE FUNCTION uuid_v7(made_at timestamptz DEFAULT clock_timestamp()) RETURNS uuid
LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(
           set_bit(
             set_bit(
               overlay(uuid_send(gen_random_uuid())
                       PLACING substring(int8send(floor(extract(epoch FROM made_at) * 1000)::bigint) FROM 3)
                       FROM 1 FOR 6),
               52, 1),
             53, 1),
           'hex')::uuid
$$;
COMMENT ON FUNCTION uuid_v7(timestamptz) IS 'UUID versão 7 (RFC 9562): milissegundos Unix nos 48 bits iniciais, depois bits aleatórios; ordena pelo instante de criação.';
