import { Competence } from '../../../platform/values/competence';
import { Money } from '../../../platform/values/money';
import type { Step } from './engine';
import { CalculationError, FACTOR_SCALE, formatScaled, mulDivRound } from './fixed';
import { correctionFactorExact, type ParameterTables } from './tables';

/**
 * Atrasados: each monthly installment paid late is corrected from the month it should have been
 * paid to the month of payment by the same monthly index chain used for salários de contribuição
 * (Decreto 3.048 art. 175; Portaria MPS 904/2023 art. 2º — one index for both), with the same
 * 6-decimal factor and rounding to the cent; never below the original amount (Portaria 904/2023
 * art. 4º: with deflation the original value is kept).
 */
export interface ArrearsInstallment {
  /** Month in which the installment should have been paid. */
  month: number;
  cents: number;
}

export interface ArrearsLine {
  month: number;
  original: number;
  factor: number;
  corrected: number;
  keptOriginal: boolean;
}

export interface ArrearsResult {
  paymentMonth: number;
  lines: ArrearsLine[];
  totalOriginal: number;
  totalCorrected: number;
  steps: Step[];
}

export function correctArrears(
  t: ParameterTables,
  paymentMonth: number,
  items: ArrearsInstallment[],
): ArrearsResult {
  const lines: ArrearsLine[] = [];
  const steps: Step[] = [];
  let totalOriginal = 0;
  let totalCorrected = 0;
  for (const it of [...items].sort((a, b) => a.month - b.month)) {
    if (it.month < t.firstMonth) {
      throw new CalculationError(
        'installments',
        `Parcela de ${label(it.month)} anterior a 07/1994: fora da tabela de correção.`,
      );
    }
    const factor =
      it.month >= paymentMonth ? FACTOR_SCALE : Number(correctionFactorExact(t, it.month, paymentMonth));
    const raw = mulDivRound(it.cents, factor, FACTOR_SCALE);
    const corrected = Math.max(raw, it.cents);
    lines.push({ month: it.month, original: it.cents, factor, corrected, keptOriginal: raw < it.cents });
    totalOriginal += it.cents;
    totalCorrected += corrected;
    steps.push({
      what: `Parcela devida em ${label(it.month)}, paga em ${label(paymentMonth)}`,
      value:
        `${Money.format(it.cents)} × ${formatScaled(factor, 6).replace('.', ',')} = ${Money.format(raw)}` +
        (raw < it.cents ? ` → mantido o valor original ${Money.format(it.cents)}` : ''),
      legal:
        raw < it.cents
          ? 'Portaria MPS 904/2023, art. 4º (não inferior ao valor original)'
          : 'Decreto 3.048/1999, art. 175; Portaria MPS 904/2023, art. 2º',
    });
  }
  steps.push({
    what: 'Total original',
    value: Money.format(totalOriginal),
    legal: 'Decreto 3.048/1999, art. 175',
  });
  steps.push({
    what: 'Total corrigido',
    value: Money.format(totalCorrected),
    legal: 'Decreto 3.048/1999, art. 175',
  });
  return { paymentMonth, lines, totalOriginal, totalCorrected, steps };
}

const label = (m: number) => Competence.toBr(Competence.fromIndex(m));
