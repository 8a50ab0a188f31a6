const UNIT_KINDS = ["national", "sr", "gex", "aps", "ceab"];
const UNIT_KIND_LABEL = {
  national: "Dire\xE7\xE3o Central",
  sr: "Superintend\xEAncia Regional",
  gex: "Ger\xEAncia Executiva",
  aps: "Ag\xEAncia da Previd\xEAncia Social",
  ceab: "Central de An\xE1lise de Benef\xEDcios"
};
const ALLOWED_PARENT = {
  national: null,
  sr: "national",
  gex: "sr",
  aps: "gex",
  ceab: "sr"
};
const childPath = (parentPath, id) => `${parentPath}${id}/`;
const isInSubtree = (unitPath, rootPath) => unitPath.startsWith(rootPath);
function lineage(path, kindOf) {
  const ids = path.split("/").filter(Boolean);
  return {
    srId: ids.find((id) => kindOf(id) === "sr") ?? null,
    gexId: ids.find((id) => kindOf(id) === "gex") ?? null
  };
}
export {
  ALLOWED_PARENT,
  UNIT_KINDS,
  UNIT_KIND_LABEL,
  childPath,
  isInSubtree,
  lineage
};
