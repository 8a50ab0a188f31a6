const QUEUE_KINDS = ["regular", "extraordinary", "training"];
const QUEUE_LABEL = {
  regular: "Fila regular",
  extraordinary: "Fila do programa extraordin\xE1rio",
  training: "Trilha de capacita\xE7\xE3o de novos servidores"
};
function queueKey(kind, unitId, species) {
  return `${kind}:${unitId}:${species}`;
}
function eligibleQueueKeys(grants, allSpecies) {
  const keys = /* @__PURE__ */ new Set();
  for (const g of grants) {
    for (const s of g.species === null ? allSpecies : [g.species]) keys.add(queueKey(g.queue, g.unitId, s));
  }
  return [...keys].sort();
}
function escalationVerdict(clock, rule) {
  if (!clock.isOverdue) return { kind: "on_time" };
  if (rule && clock.daysOverdue >= rule.daysPastDue)
    return { kind: "escalate", targetUnitId: rule.targetUnitId };
  return { kind: "overdue" };
}
export {
  QUEUE_KINDS,
  QUEUE_LABEL,
  eligibleQueueKeys,
  escalationVerdict,
  queueKey
};
