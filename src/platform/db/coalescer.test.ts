import { describe, expect, it } from 'vitest';
import { createCoalescer } from './coalescer';

describe('coalescer', () => {
  it('runs the items submitted in one event-loop turn together and answers each with its own result', async () => {
    const batches: number[][] = [];
    const c = createCoalescer(async (items: readonly number[]) => {
      batches.push([...items]);
      return items.map((n) => n * 10);
    });
    const first = await Promise.all([1, 2, 3].map((n) => c.submit(n)));
    const second = await c.submit(4);
    expect(first).toEqual([10, 20, 30]);
    expect(second).toBe(40);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('never holds an item back: an item submitted while a batch runs goes in the next one', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const batches: string[][] = [];
    const c = createCoalescer(async (items: readonly string[]) => {
      batches.push([...items]);
      if (items.includes('a')) await gate;
      return items.map((s) => s.toUpperCase());
    });
    const a = c.submit('a');
    await new Promise((r) => setImmediate(r));
    const b = await c.submit('b'); // answered while 'a' is still running
    expect(b).toBe('B');
    release();
    expect(await a).toBe('A');
    expect(batches).toEqual([['a'], ['b']]);
  });

  it('with maxInFlight 1, items arriving while a batch runs wait and go together in the next', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const batches: number[][] = [];
    const c = createCoalescer(
      async (items: readonly number[]) => {
        batches.push([...items]);
        if (items.includes(1)) await gate;
        return items.map((n) => -n);
      },
      { maxInFlight: 1 },
    );
    const first = c.submit(1);
    await new Promise((r) => setImmediate(r));
    const later = [2, 3, 4].map((n) => c.submit(n));
    await new Promise((r) => setTimeout(r, 20));
    expect(batches).toEqual([[1]]); // 2, 3 and 4 wait for the statement in flight
    release();
    expect(await first).toBe(-1);
    expect(await Promise.all(later)).toEqual([-2, -3, -4]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('splits at maxBatch', async () => {
    const sizes: number[] = [];
    const c = createCoalescer(
      async (items: readonly number[]) => {
        sizes.push(items.length);
        return items;
      },
      { maxBatch: 4 },
    );
    expect(await Promise.all(Array.from({ length: 10 }, (_, i) => c.submit(i)))).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    expect(sizes).toEqual([4, 4, 2]);
  });

  it('rejects every item of a failed batch, and of a batch answered with the wrong number of results', async () => {
    const failing = createCoalescer(async (): Promise<number[]> => {
      throw new Error('banco fora do ar');
    });
    const r = await Promise.allSettled([failing.submit(1), failing.submit(2)]);
    expect(r.map((x) => x.status)).toEqual(['rejected', 'rejected']);
    const short = createCoalescer(async () => [1]);
    const s = await Promise.allSettled([short.submit(1), short.submit(2)]);
    expect(s.map((x) => x.status)).toEqual(['rejected', 'rejected']);
    expect((s[0] as PromiseRejectedResult).reason.message).toMatch(/1 resultados para 2 itens/);
  });
});
