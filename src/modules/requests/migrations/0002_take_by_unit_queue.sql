-- "Pegar próxima tarefa" for a grant of a unit's whole queue (every species: the usual grant)
-- reads one range of this index, however many species the queue holds; the species key index
-- (req_tasks_take_idx) stays for grants of a single species.
CREATE INDEX req_tasks_take_unit_idx ON req_tasks (queue, unit_id, due_date NULLS LAST, created_at) WHERE status = 'open';
COMMENT ON INDEX req_tasks_take_unit_idx IS 'Pegar próxima tarefa: fila inteira de uma unidade (todas as espécies), vencimento primeiro.';
