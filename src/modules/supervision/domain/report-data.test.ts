import { describe, expect, it } from 'vitest';
import checklistDefault from '../data/checklist-default.json' with { type: 'json' };
import type { ChecklistConfig } from './checklist';
import { buildReport, type ReportRow } from './report-data';

const row = (p: Partial<ReportRow>): ReportRow => ({
  supervisionId: 'x',
  taskId: 't',
  serverId: 'S1',
  sr: 'SR1',
  gex: 'G1',
  origin: 'random',
  cycle: '2025-10',
  concludedAt: '2025-10-20',
  outcome: 'full_ratification',
  nonconformities: [],
  ...p,
});

describe('Coben/SGBEN report content (arts. 15, 22)', () => {
  it('indicators from the random sample, trend per cycle, top nonconformities, referrals with removal proposals', () => {
    const rows: ReportRow[] = [
      row({}),
      row({ outcome: 'not_ratified', nonconformities: ['M02'] }),
      row({ cycle: '2025-11', outcome: 'ratified_with_revision', nonconformities: ['M02', 'F02'] }),
      row({ outcome: null, concludedAt: null }),
      // S9 referred in Q2 and again in Q3 (3 not ratified each time) → removal proposed in Q3
      ...Array.from({ length: 3 }, () =>
        row({ serverId: 'S9', origin: 'extraordinary', cycle: '2025-Q2', outcome: 'not_ratified' }),
      ),
      ...Array.from({ length: 3 }, () =>
        row({ serverId: 'S9', origin: 'error_indication', cycle: '2025-Q3', outcome: 'not_ratified' }),
      ),
    ];
    const r = buildReport(rows, checklistDefault as ChecklistConfig, '2025-12-01');
    expect(r.overall).toMatchObject({ total: 3, full: 1, revision: 1, notRatified: 1, icon: 33.33 });
    expect(r.trend.map((t) => [t.key, t.total])).toEqual([
      ['2025-10', 2],
      ['2025-11', 1],
    ]);
    expect(r.pending).toBe(1);
    expect(r.nonconformities[0]).toMatchObject({ code: 'M02', count: 2 });
    expect(r.referrals.map((x) => [x.cycle, x.serverId, x.proposedRemoval])).toEqual([
      ['2025-Q2', 'S9', false],
      ['2025-Q3', 'S9', true],
    ]);
  });
});
