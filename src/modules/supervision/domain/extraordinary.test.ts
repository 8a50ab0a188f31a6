import { describe, expect, it } from 'vitest';
import {
  drawExtraordinarySample,
  flagsOf,
  type ProfessionalQuarter,
  productionAboveReference,
  referenceStats,
  stratumSize,
  summariseHistory,
} from './extraordinary';

function prof(
  id: string,
  production: number,
  denied: number,
  granted: number,
  extra: Partial<ProfessionalQuarter> = {},
) {
  return {
    serverId: id,
    production,
    denied,
    granted,
    candidates: Array.from(
      { length: Math.min(production, 30) },
      (_, i) => `${id}-T${String(i).padStart(3, '0')}`,
    ),
    revisionsIdentified: 0,
    neverSupervised: false,
    ...extra,
  } satisfies ProfessionalQuarter;
}

// Art. 11 §3 worked example. Reference = production ≥ 150:
// productions 150, 150, 150, 150, 400 → μ = 200; Σ(x−μ)² = 4·50² + 200² = 50,000; σ² = 10,000; σ = 100;
// μ + 2σ = 400 exactly. Denial rates 0.2, 0.2, 0.2, 0.2, 0.7 → μ = 0.3, σ = 0.2, μ + 2σ = 0.7.
// Grant rates 0.8, 0.8, 0.8, 0.8, 0.3 → μ = 0.7, σ = 0.2, μ + 2σ = 1.1.
const base = [
  prof('A', 150, 30, 120),
  prof('B', 150, 30, 120),
  prof('C', 150, 30, 120),
  prof('D', 150, 30, 120),
  prof('E', 400, 280, 120),
];

describe('extraordinary queues: reference statistics and §3 flags (art. 11)', () => {
  it('population mean and standard deviation over professionals with production ≥ 150', () => {
    const ref = referenceStats([...base, prof('small', 149, 149, 0)]);
    expect(ref.servers).toBe(5);
    expect(ref.productionMean).toBe(200);
    expect(ref.productionSd).toBe(100);
    expect(ref.denialRateMean).toBeCloseTo(0.3, 12);
    expect(ref.denialRateSd).toBeCloseTo(0.2, 12);
    expect(ref.grantRateMean).toBeCloseTo(0.7, 12);
  });
  it('I — production: exactly μ + 2σ is not above; one more is (exact integer test)', () => {
    const ref = referenceStats(base);
    expect(productionAboveReference(400, ref)).toBe(false);
    expect(productionAboveReference(401, ref)).toBe(true);
    expect(flagsOf(prof('E2', 400, 80, 320), ref)).toEqual([]);
    expect(flagsOf(prof('F', 401, 80, 321), ref)).toEqual(['production']);
  });
  it('III — denial rate: exactly μ + 2σ (0.7) is not above; 0.71 is, even for a small producer', () => {
    const ref = referenceStats(base);
    expect(flagsOf(prof('E', 400, 280, 120), ref)).toEqual([]); // 0.7 = limit
    expect(flagsOf(prof('G', 100, 71, 29), ref)).toEqual(['denial_rate']); // production < 150 but tested
  });
  it('IV — grant rate above μ + 2σ; with a σ of 0 any rate above the mean is flagged', () => {
    const flat = [prof('A', 200, 100, 100), prof('B', 200, 100, 100)];
    const ref = referenceStats(flat);
    expect(ref.grantRateSd).toBe(0);
    expect(flagsOf(prof('H', 10, 4, 6), ref)).toEqual(['grant_rate']);
    expect(flagsOf(prof('I', 10, 5, 5), ref)).toEqual([]); // equal to the mean: not above
  });
  it('II — 3 or more revisions identified in earlier supervisions', () => {
    const ref = referenceStats(base);
    expect(flagsOf(prof('J', 10, 2, 8, { revisionsIdentified: 3 }), ref)).toEqual(['revisions']);
    expect(flagsOf(prof('K', 10, 2, 8, { revisionsIdentified: 2 }), ref)).toEqual([]);
  });
  it('no professional reaches 150: only §2 and §3 II apply', () => {
    const ref = referenceStats([prof('A', 10, 10, 0)]);
    expect(ref.servers).toBe(0);
    expect(flagsOf(prof('A', 10, 10, 0), ref)).toEqual([]);
  });
  it('sizes: flagged → 10 or all; never supervised → 1; otherwise 0 (§§2–3)', () => {
    expect(stratumSize(['production'], false, 30)).toBe(10);
    expect(stratumSize(['production'], true, 4)).toBe(4);
    expect(stratumSize([], true, 30)).toBe(1);
    expect(stratumSize([], false, 30)).toBe(0);
  });
  it('draws per professional, reproducibly; a different seed changes the draw', () => {
    const profs = [
      ...base,
      prof('F', 100, 20, 80, { revisionsIdentified: 5 }),
      prof('N', 20, 5, 15, { neverSupervised: true }),
    ];
    const a = drawExtraordinarySample(profs, '2025-Q3', 'seed');
    const b = drawExtraordinarySample([...profs].reverse(), '2025-Q3', 'seed');
    const c = drawExtraordinarySample(profs, '2025-Q3', 'other');
    expect(b).toEqual(a);
    const f = a.servers.find((s) => s.serverId === 'F')!;
    expect(f.size).toBe(10);
    expect(new Set(f.taskIds).size).toBe(10);
    expect(a.servers.find((s) => s.serverId === 'N')!.size).toBe(1);
    expect(a.servers.find((s) => s.serverId === 'A')!.size).toBe(0);
    expect(c.servers.find((s) => s.serverId === 'F')!.taskIds).not.toEqual(f.taskIds);
  });
  it('history: earlier cycles only; revisions = ratified_with_revision or not_ratified', () => {
    const h = summariseHistory(
      [
        {
          supervisionId: '1',
          taskId: 't',
          serverId: 'S',
          sr: '',
          gex: '',
          origin: 'extraordinary',
          cycle: '2025-Q2',
          concludedAt: '2025-06-01',
          outcome: 'not_ratified',
        },
        {
          supervisionId: '2',
          taskId: 't',
          serverId: 'S',
          sr: '',
          gex: '',
          origin: 'random',
          cycle: '2025-05',
          concludedAt: '2025-05-20',
          outcome: 'ratified_with_revision',
        },
        {
          supervisionId: '3',
          taskId: 't',
          serverId: 'S',
          sr: '',
          gex: '',
          origin: 'random',
          cycle: '2025-07',
          concludedAt: '2025-07-20',
          outcome: 'not_ratified',
        },
        {
          supervisionId: '4',
          taskId: 't',
          serverId: 'T',
          sr: '',
          gex: '',
          origin: 'extraordinary',
          cycle: '2025-Q3',
          concludedAt: null,
          outcome: null,
        },
      ],
      '2025-07-01',
    );
    expect(h.get('S')).toEqual({ revisionsIdentified: 2, supervisedInEarlierExtraordinaryCycle: true });
    expect(h.get('T')).toBeUndefined();
  });
});
