import { describe, expect, it } from 'vitest';
import { infiniteSampleSize, inverseNormal, statisticalSampleSize, zForConfidence } from './sample-size';

describe('statistical sample size (art. 7)', () => {
  it('n0 = z²p(1−p)/e² = 1.96²·0.25/0.0025 = 384.16', () => {
    expect(infiniteSampleSize({ confidence: 0.95, margin: 0.05, expected: 0.5 })).toBeCloseTo(384.16, 10);
  });
  it('finite population correction: worked examples', () => {
    // N = 1000: 384.16 / (1 + 383.16/1000) = 384.16 / 1.38316 = 277.73… → 278
    expect(statisticalSampleSize(1000)).toBe(278);
    // N = 100: 384.16 / 4.8316 = 79.51… → 80
    expect(statisticalSampleSize(100)).toBe(80);
    // N = 50: 384.16 / 8.6632 = 44.34… → 45
    expect(statisticalSampleSize(50)).toBe(45);
    // N = 1: the whole population
    expect(statisticalSampleSize(1)).toBe(1);
    expect(statisticalSampleSize(0)).toBe(0);
    // N = 1,000,000: 384.16 / 1.00038316 = 384.01… → 385
    expect(statisticalSampleSize(1_000_000)).toBe(385);
  });
  it('p = 0.1, e = 0.03, 95%: n0 = 3.8416·0.09/0.0009 = 384.16; N = 500 → 384.16/1.76633 = 217.49… → 218', () => {
    expect(statisticalSampleSize(500, { confidence: 0.95, margin: 0.03, expected: 0.1 })).toBe(218);
  });
  it('z from the confidence: 0.95 → 1.96 (table), others by the inverse normal', () => {
    expect(zForConfidence(0.95)).toBe(1.96);
    expect(zForConfidence(0.99)).toBeCloseTo(2.5758293035489, 9);
    expect(zForConfidence(0.9)).toBeCloseTo(1.6448536269514722, 9);
    expect(inverseNormal(0.5)).toBeCloseTo(0, 12);
    expect(inverseNormal(0.001)).toBeCloseTo(-3.090232306167813, 9);
    expect(inverseNormal(0.975)).toBeCloseTo(1.959963984540054, 9);
  });
  it('99% confidence, 5% margin: n0 = 2.5758²·0.25/0.0025 = 663.49 → N = 10,000: 622.2… → 623', () => {
    expect(statisticalSampleSize(10_000, { confidence: 0.99, margin: 0.05, expected: 0.5 })).toBe(623);
  });
});
