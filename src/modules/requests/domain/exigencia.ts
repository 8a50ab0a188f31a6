import { LocalDate } from '../../../platform/values/dates';
import { rollToBusinessDay } from './deadline';

/**
 * Exigência (carta de exigência): the analyst asks the requester for documents or information.
 * - Lei 9.784/1999, art. 39: the summons states the date, term, form and conditions; art. 40:
 *   when the requested items are not delivered in the term, the Administration decides on what it
 *   has (here: the task returns to the analyst, who decides — the exigência is "expired").
 * - Term: 30 days, counted from the requester's notice, extendable once for an equal period on
 *   the requester's justified request (Portaria DIRBEN/INSS 993/2022 — Livro IV das Normas
 *   Procedimentais, complementary to IN PRES/INSS 128/2022 —, art. 75; see docs/norms.md). The
 *   summons may give a longer term (Lei 9.784/1999, art. 39, sets no ceiling), never a shorter
 *   one. Counted like every administrative term (Lei 9.784/1999, art. 66; Portaria 993, art. 75,
 *   § 1º): calendar days from the day after the opening, rolled to the next business day.
 */
export const DEFAULT_EXIGENCIA_DAYS = 30;
/** The longest term the analyst may give when opening one. */
export const MAX_EXIGENCIA_DAYS = 90;
/** The extension: once (MAX_EXTENSIONS), for at most the regulatory term again ("por igual período"). */
export const MAX_EXTENSION_DAYS = DEFAULT_EXIGENCIA_DAYS;
export const MAX_EXTENSIONS = 1;

export interface ExigenciaItem {
  /** What is requested: a document category or free information. */
  kind: 'document' | 'information';
  category?: string | undefined;
  description: string;
}

export function exigenciaDueDate(openedOn: string, days = DEFAULT_EXIGENCIA_DAYS): LocalDate {
  if (!Number.isInteger(days) || days < DEFAULT_EXIGENCIA_DAYS || days > MAX_EXIGENCIA_DAYS)
    throw new RangeError(
      `prazo da exigência deve ter de ${DEFAULT_EXIGENCIA_DAYS} a ${MAX_EXIGENCIA_DAYS} dias`,
    );
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
    return { ok: false, message: 'A exigência já foi prorrogada; a prorrogação é permitida uma única vez.' };
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
