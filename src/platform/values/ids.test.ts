import { describe, expect, it } from 'vitest';
import { uuidv7, uuidv7Time } from './ids';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('has the RFC 9562 layout: version 7, variant 10, the millisecond in the first 48 bits', () => {
    const ms = Date.UTC(2026, 11, 3, 12, 34, 56, 789);
    const id = uuidv7(ms);
    expect(id).toMatch(V7);
    expect(uuidv7Time(id)).toBe(ms);
    expect(id.slice(0, 13)).toBe(
      `${ms.toString(16).padStart(12, '0').slice(0, 8)}-${ms.toString(16).padStart(12, '0').slice(8)}`,
    );
    // The edges of the 48-bit range.
    expect(uuidv7Time(uuidv7(0))).toBe(0);
    expect(uuidv7Time(uuidv7(2 ** 48 - 1))).toBe(2 ** 48 - 1);
    expect(uuidv7(2 ** 48 - 1).startsWith('ffffffff-ffff-7')).toBe(true);
  });

  it('sorts by creation time: an id of a later millisecond is greater, as text and as uuid bytes', () => {
    const base = Date.UTC(2026, 0, 1);
    const ids = Array.from({ length: 2_000 }, (_, i) => uuidv7(base + i * 7));
    expect([...ids].sort()).toEqual(ids);
  });

  it('is unique: 20,000 ids of the same millisecond do not repeat, and the random bits vary', () => {
    const ms = Date.now();
    const ids = new Set(Array.from({ length: 20_000 }, () => uuidv7(ms)));
    expect(ids.size).toBe(20_000);
    for (const id of ids) expect(id).toMatch(V7);
  });

  it('rejects an instant outside 48 bits and a string that is not a v7 UUID', () => {
    expect(() => uuidv7(-1)).toThrow(RangeError);
    expect(() => uuidv7(2 ** 48)).toThrow(RangeError);
    expect(() => uuidv7(1.5)).toThrow(RangeError);
    expect(() => uuidv7Time('3f2504e0-4f89-41d3-9a0c-0305e82c3301')).toThrow(/versão 7/);
  });
});
