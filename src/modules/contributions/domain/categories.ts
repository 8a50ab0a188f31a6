/**
 * Categories of insured person (segurado) of the RGPS, as the registry stores them.
 * Lei 8.213/1991 art. 11 (obrigatórios: I empregado, II doméstico, V contribuinte individual,
 * VI avulso, VII segurado especial), art. 13 (facultativo) and LC 123/2006 art. 18-A (MEI).
 */
// Same identifiers as the calculation engine's input (RmiRequest `links[].category`).
export const CATEGORIES = [
  'employee',
  'domestic',
  'individual',
  'optional',
  'mei',
  'special_insured',
  'casual',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABEL: Record<Category, string> = {
  employee: 'Empregado', // Lei 8.213/1991 art. 11, I
  domestic: 'Empregado doméstico', // art. 11, II
  individual: 'Contribuinte individual', // art. 11, V
  optional: 'Segurado facultativo', // art. 13
  mei: 'Microempreendedor individual (MEI)', // LC 123/2006 art. 18-A; Lei 8.212/1991 art. 21 §2º II "a"
  special_insured: 'Segurado especial (rural)', // art. 11, VII
  casual: 'Trabalhador avulso', // art. 11, VI
};

const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORIES);
export const isCategory = (s: string): s is Category => CATEGORY_SET.has(s);

/**
 * Maps the "Tipo Filiado no Vínculo" text of a CNIS extract (which may break over two lines and
 * lose its accents in text extraction) to a category. Returns null when unknown.
 */
export function categoryFromCnis(text: string): Category | null {
  const t = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  if (!t) return null;
  if (t.includes('domestic')) return 'domestic';
  if (t.includes('microempreendedor') || /\bmei\b/.test(t)) return 'mei';
  if (t.includes('facultativo')) return 'optional';
  if (t.includes('segurado especial') || t.includes('rural')) return 'special_insured';
  if (t.includes('avulso')) return 'casual';
  if (t.includes('contribuinte individual') || t.includes('autonomo') || t.includes('empresario'))
    return 'individual';
  if (t.includes('empregado') || t.includes('agente publico')) return 'employee';
  return null;
}
