import { type ChecklistConfig, criterionLabel } from './checklist';
import { computeIndicators, type IndicatorGroup } from './indicators';
import { compareIds } from './prng';
import { computeReferrals, REFERRAL_REASON_LABEL, type ServerReferral } from './referrals';
import type { SupervisionRecord } from './types';

/**
 * Content of the Coben / SGBEN report (art. 15, art. 22: reports from the information gathered by
 * the supervisions): indicators (art. 9) overall, by SR and GEX, their trend per cycle, the most
 * frequent nonconformities (failed checklist criteria, art. 5) and the training referrals and
 * removal proposals (arts. 13–14). Pure: the PDF and XLSX writers only lay it out.
 */
export interface ReportRow extends SupervisionRecord {
  nonconformities: readonly string[];
}

export interface ReportData {
  title: string;
  generatedOn: string;
  supervisions: number;
  pending: number;
  overall: IndicatorGroup | null;
  bySr: IndicatorGroup[];
  byGex: IndicatorGroup[];
  trend: IndicatorGroup[];
  nonconformities: { code: string; label: string; count: number; share: number }[];
  referrals: (ServerReferral & { cycle: string; reasonLabels: string[] })[];
}

export function buildReport(
  rows: readonly ReportRow[],
  checklist: ChecklistConfig,
  generatedOn: string,
): ReportData {
  const overall = computeIndicators(rows, 'all')[0] ?? null;
  const cycles = [...new Set(rows.filter((r) => r.origin === 'random').map((r) => r.cycle))].sort(compareIds);
  const trend = cycles.map((c) => ({ ...computeIndicators(rows, 'all', c)[0]!, key: c }));
  const freq = new Map<string, number>();
  let concluded = 0;
  for (const r of rows) {
    if (r.outcome === null) continue;
    concluded++;
    for (const code of r.nonconformities) freq.set(code, (freq.get(code) ?? 0) + 1);
  }
  const nonconformities = [...freq.entries()]
    .sort((a, b) => b[1] - a[1] || compareIds(a[0], b[0]))
    .slice(0, 15)
    .map(([code, count]) => ({
      code,
      label: criterionLabel(checklist, code),
      count,
      share: concluded > 0 ? Math.round((count * 10000) / concluded) / 100 : 0,
    }));
  // Referral cycles in order; a server referred in an earlier cycle is proposed for removal when referred again.
  const refCycles = [
    ...new Set(
      rows.filter((r) => r.origin === 'extraordinary' || r.origin === 'error_indication').map((r) => r.cycle),
    ),
  ].sort(compareIds);
  const previous = new Map<string, string[]>();
  const referrals: ReportData['referrals'] = [];
  for (const cycle of refCycles) {
    const result = computeReferrals(rows, cycle, previous);
    for (const s of result) {
      if (s.reasons.length === 0) continue;
      referrals.push({ ...s, cycle, reasonLabels: s.reasons.map((x) => REFERRAL_REASON_LABEL[x]) });
    }
    for (const s of result)
      if (s.reasons.length > 0) previous.set(s.serverId, [...(previous.get(s.serverId) ?? []), cycle]);
  }
  return {
    title: 'Relatório da Supervisão Técnica em Benefícios — Portaria DIRBEN/INSS nº 1.309/2025',
    generatedOn,
    supervisions: rows.length,
    pending: rows.filter((r) => r.outcome === null).length,
    overall,
    bySr: computeIndicators(rows, 'sr'),
    byGex: computeIndicators(rows, 'gex'),
    trend,
    nonconformities,
    referrals,
  };
}
