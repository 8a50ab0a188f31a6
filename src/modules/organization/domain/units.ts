/** Kinds of unit in the INSS structure (Decreto 10.995/2022, Estrutura Regimental do INSS). */
export const UNIT_KINDS = ['national', 'sr', 'gex', 'aps', 'ceab'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABEL: Record<UnitKind, string> = {
  national: 'Direção Central',
  sr: 'Superintendência Regional',
  gex: 'Gerência Executiva',
  aps: 'Agência da Previdência Social',
  ceab: 'Central de Análise de Benefícios',
};

/** Which kinds may sit under which: the tree's shape is a rule, not a convention. */
export const ALLOWED_PARENT: Record<UnitKind, UnitKind | null> = {
  national: null,
  sr: 'national',
  gex: 'sr',
  aps: 'gex',
  ceab: 'sr',
};

export interface UnitNode {
  id: string;
  kind: UnitKind;
  parentId: string | null;
  path: string;
}

export const childPath = (parentPath: string, id: string) => `${parentPath}${id}/`;

export const isInSubtree = (unitPath: string, rootPath: string) => unitPath.startsWith(rootPath);

/** The SR and GEX that contain a unit (from its path and the kinds along it). */
export function lineage(path: string, kindOf: (id: string) => UnitKind | undefined) {
  const ids = path.split('/').filter(Boolean);
  return {
    srId: ids.find((id) => kindOf(id) === 'sr') ?? null,
    gexId: ids.find((id) => kindOf(id) === 'gex') ?? null,
  };
}
