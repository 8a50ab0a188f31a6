-- Status changes of a request (filed → in_analysis when a task is taken, → decided, …) and of a
-- task's non-indexed columns become HOT updates (heap-only: no new entry in any index).
--
-- A row update is HOT only when no indexed column changes — and req_requests_unit_idx had
-- `status`, so every status change wrote a new entry in every index of req_requests (primary key,
-- protocol, CPF, unit, and partner when filed by one), each on a random leaf page: measured 3.5–5
-- of the ≈ 26.7 WAL records of a "pegar próxima tarefa". The unit listing keeps its order (unit, newest first) and
-- filters status on the rows it reads.
--
-- HOT also needs free room on the row's own page: fillfactor 90 leaves it on pages written from
-- now on (existing pages keep theirs until rewritten). req_tasks cannot have HOT status changes
-- (its partial indexes are on status), but a task's new version stays on its page, and updates of
-- only non-indexed columns (is_overdue, escalation) become HOT.
DROP INDEX req_requests_unit_idx;
CREATE INDEX req_requests_unit_idx ON req_requests (unit_id, created_at DESC);
COMMENT ON INDEX req_requests_unit_idx IS 'Requerimentos da unidade, mais recentes primeiro (sem status: a mudança de situação é HOT).';
ALTER TABLE req_requests SET (fillfactor = 90);
ALTER TABLE req_tasks SET (fillfactor = 90);
