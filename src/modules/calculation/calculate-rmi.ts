import type { Deps } from '../../platform/deps';
import { AppError, unprocessable } from '../../platform/errors';
import { Money } from '../../platform/values/money';
import { type RuleOutcome, runEngine, type Step } from './domain/engine';
import { CalculationError, formatScaled } from './domain/fixed';
import { parseRmiRequest, type RmiInput, type RmiRequest } from './domain/input';
import type { ParameterTables } from './domain/tables';
import { loadParameterTables as loadTables } from './load-parameter-tables';

export type { Step } from './domain/engine';
/**
 * The calculation as other modules use it (requests calls it when a grant is decided):
 * `calculateRmi(input, tables)` is pure and synchronous; `loadParameterTables(deps?)` reads the
 * shipped tables plus the values managers added (cached, refreshed when a value is added).
 */
export type { RmiRequest } from './domain/input';
export type { ParameterTables } from './domain/tables';

export interface RmiAlternative {
  rule: string;
  eligible: boolean;
  reasons: string[];
  rmi: string | null;
}

export interface RmiResult {
  rule: string;
  eligible: boolean;
  dib: string;
  contribution_time: { years: number; months: number; days: number };
  qualifying_months: number;
  average: string | null;
  benefit_salary: string | null;
  coefficient: string | null;
  fator_previdenciario: string | null;
  rmi: string | null;
  steps: Step[];
  alternatives: RmiAlternative[];
}

export function loadParameterTables(deps?: Pick<Deps, 'db'>): Promise<ParameterTables> {
  return loadTables(deps);
}

/** Parses the wire input; throws a 422 AppError with pt-BR field errors. */
export function parseOrThrow(body: unknown): RmiInput {
  const parsed = parseRmiRequest(body);
  if (!parsed.ok) {
    throw unprocessable(
      `Dados do cálculo inválidos: ${parsed.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ')}`,
      parsed.errors,
    );
  }
  return parsed.input;
}

export function calculateRmi(
  input: RmiRequest,
  tables: ParameterTables,
  opts: { explain?: boolean } = {},
): RmiResult {
  return calculateParsed(parseOrThrow(input), tables, opts);
}

export function calculateParsed(
  input: RmiInput,
  tables: ParameterTables,
  opts: { explain?: boolean } = {},
): RmiResult {
  let result: ReturnType<typeof runEngine>;
  try {
    result = runEngine(input, tables, opts);
  } catch (e) {
    if (e instanceof CalculationError)
      throw unprocessable(e.message, [{ field: e.field, message: e.message }]);
    throw e;
  }
  const { best } = result;
  const steps: Step[] = [...result.baseSteps, ...best.steps];
  if (opts.explain !== false && !(best.eligible && best.rmi !== null)) {
    steps.push({
      what: 'Requisitos não cumpridos',
      value: best.reasons.join('; '),
      legal: 'Lei 8.213/1991, art. 18',
    });
  }
  return {
    rule: best.rule,
    eligible: best.eligible && best.rmi !== null,
    dib: result.dib,
    contribution_time: { ...best.time },
    qualifying_months: best.qualifyingMonths,
    average: money(best.average),
    benefit_salary: money(best.benefitSalary),
    coefficient: best.coefficient === null ? null : rate(best.coefficient),
    fator_previdenciario: best.fator === null ? null : formatScaled(best.fator, 4),
    rmi: money(best.rmi),
    steps,
    alternatives: result.outcomes.filter((o) => o !== best).map(alternative),
  };
}

function alternative(o: RuleOutcome): RmiAlternative {
  return { rule: o.rule, eligible: o.eligible, reasons: o.reasons, rmi: money(o.rmi) };
}

const money = (c: number | null) => (c === null ? null : Money.toDecimalString(c));

/** 9800 → "0.98", 10000 → "1.00", 6250 → "0.625". */
function rate(r: number): string {
  const s = formatScaled(r, 4);
  return s.replace(/(\.\d\d\d*?)0+$/, '$1');
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
