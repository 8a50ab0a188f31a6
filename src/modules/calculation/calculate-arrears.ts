import { type FieldError, unprocessable } from '../../platform/errors';
import { Competence } from '../../platform/values/competence';
import { Money } from '../../platform/values/money';
import { type ArrearsInstallment, correctArrears } from './domain/arrears';
import type { Step } from './domain/engine';
import { CalculationError, formatScaled } from './domain/fixed';
import type { ParameterTables } from './domain/tables';

/** Wire contract of `POST /api/v1/calculations/arrears` and `previdencia calc arrears`. */
export interface ArrearsRequest {
  payment_month: string;
  installments: { month: string; amount: string }[];
}

export interface ArrearsResponse {
  payment_month: string;
  installments: {
    month: string;
    amount: string;
    factor: string;
    corrected: string;
    kept_original: boolean;
  }[];
  total_original: string;
  total_corrected: string;
  steps: Step[];
}

export function calculateArrears(body: unknown, tables: ParameterTables): ArrearsResponse {
  const errors: FieldError[] = [];
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const pm = b['payment_month'];
  if (typeof pm !== 'string' || !Competence.isValid(pm))
    errors.push({ field: 'payment_month', message: 'mês do pagamento inválido (use AAAA-MM)' });
  const items: ArrearsInstallment[] = [];
  const seen = new Set<string>();
  if (!Array.isArray(b['installments']) || b['installments'].length === 0) {
    errors.push({ field: 'installments', message: 'informe a lista de parcelas {month, amount}' });
  }
  for (const [i, raw] of (Array.isArray(b['installments']) ? b['installments'] : []).entries()) {
    const it = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const month = it['month'];
    const amount = it['amount'];
    if (typeof month !== 'string' || !Competence.isValid(month)) {
      errors.push({ field: `installments.${i}.month`, message: 'competência inválida (use AAAA-MM)' });
      continue;
    }
    if (seen.has(month))
      errors.push({
        field: `installments.${i}.month`,
        message: `parcela de ${Competence.toBr(month as Competence)} repetida`,
      });
    seen.add(month);
    const cents = typeof amount === 'string' ? Money.tryParse(amount) : null;
    if (cents === null || cents < 0) {
      errors.push({
        field: `installments.${i}.amount`,
        message: 'valor inválido ou negativo (use o formato 1234.56)',
      });
      continue;
    }
    items.push({ month: Competence.index(month as Competence), cents });
  }
  if (errors.length > 0) {
    throw unprocessable(
      `Dados inválidos: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
      errors,
    );
  }
  try {
    const r = correctArrears(tables, Competence.index(pm as Competence), items);
    return {
      payment_month: pm as string,
      installments: r.lines.map((l) => ({
        month: Competence.fromIndex(l.month),
        amount: Money.toDecimalString(l.original),
        factor: formatScaled(l.factor, 6),
        corrected: Money.toDecimalString(l.corrected),
        kept_original: l.keptOriginal,
      })),
      total_original: Money.toDecimalString(r.totalOriginal),
      total_corrected: Money.toDecimalString(r.totalCorrected),
      steps: r.steps,
    };
  } catch (e) {
    if (e instanceof CalculationError)
      throw unprocessable(e.message, [
        { field: e.field === 'request_date' ? 'payment_month' : e.field, message: e.message },
      ]);
    throw e;
  }
}
