import { LocalDate } from '../../../platform/values/dates';
import { rollToBusinessDay } from './deadline';

/**
 * Exigência (carta de exigência): the analyst asks the requester for documents or information.
 * - Lei 9.784/1999, art. 39: the summons states the date, term, form and conditions; art. 40:
 *   when the requested items are not delivered in the term, the Administration decides on what it
 *   has (here: the task returns to the analyst, who decides — the exigência is "expired").
 * - Term: 30 days by default, extendable on request (INSS practice under IN PRES/INSS 128/2022,
 *   Livro IV; see docs/norms.md). Counted like every administrative term (Lei 9.784/1999, art. 66):
 *   calendar days from the day after the opening, rolled to the next business day.
 */
export const DEFAULT_EXIGENCIA_DAYS = 30;
/** An extension may not exceed another default term at a time. */
export const MAX_EXTENSION_DAYS = 30;
export const MAX_EXTENSIONS = 2;

export interface ExigenciaItem {
  /** What is requested: a document category or free information. */
  kind: 'document' | 'information';
  category?: string | undefined;
  description: string;
}

export function exigenciaDueDate(openedOn: string, days = DEFAULT_EXIGENCIA_DAYS): LocalDate {
  if (!Number.isInteger(days) || days < 1 || days > 90)
    throw new RangeError('prazo da exigência deve ter de 1 a 90 dias');
  return rollToBusinessDay(LocalDate.addDays(openedOn, days));
}

export type ExtensionCheck = { ok: true; dueDate: LocalDate } | { ok: false; message: string };

export function extendExigencia(
  currentDue: string,
  extensionsSoFar: number,
  days: number,
  today: string,
): ExtensionCheck {
  if (extensionsSoFar >= MAX_EXTENSIONS)
    return { ok: false, message: `A exigência já foi prorrogada ${MAX_EXTENSIONS} vezes.` };
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_DAYS) {
    return { ok: false, message: `A prorrogação deve ter de 1 a ${MAX_EXTENSION_DAYS} dias.` };
  }
  if (LocalDate.daysBetween(currentDue, today) > 0)
    return { ok: false, message: 'O prazo da exigência já terminou; não pode ser prorrogado.' };
  return { ok: true, dueDate: rollToBusinessDay(LocalDate.addDays(currentDue, days)) };
}

/** An open exigência is expired the day after its due date (the due date itself still counts). */
export function isExigenciaExpired(dueDate: string, today: string): boolean {
  return LocalDate.daysBetween(dueDate, today) > 0;
}

/** Appeal term: 30 days from the notice of the decision (Decreto 3.048/1999, art. 305, § 1º). */
export const APPEAL_TERM_DAYS = 30;

/** Age of an appeal-compliance task in days; the action plan tracks those older than 365 days. */
export const COMPLIANCE_BACKLOG_DAYS = 365;
