import { describe, expect, it } from 'vitest';
import { binaryRowSize, writeBinaryRow } from './copy-binary';

describe('COPY binário de contrib_remunerations', () => {
  it('codifica cada coluna no formato do PostgreSQL (int8, date, int2, int8, text[])', () => {
    const buf = Buffer.alloc(200);
    const link = 2 ** 33 + 5;
    const month = (1994 - 1900) * 12 + 6; // 1994-07
    const end = writeBinaryRow(buf, 0, link, month, 1, 58_286, ['PEXT', 'AEXT-VI']);
    expect(end).toBe(binaryRowSize(['PEXT', 'AEXT-VI']));
    let p = 0;
    const i16 = () => {
      p += 2;
      return buf.readInt16BE(p - 2);
    };
    const i32 = () => {
      p += 4;
      return buf.readInt32BE(p - 4);
    };
    const i64 = () => {
      p += 8;
      return Number(buf.readBigInt64BE(p - 8));
    };
    expect(i16()).toBe(5);
    expect([i32(), i64()]).toEqual([8, link]);
    const days = (Date.UTC(1994, 6, 1) - Date.UTC(2000, 0, 1)) / 86_400_000;
    expect([i32(), i32()]).toEqual([4, days]);
    expect([i32(), i16()]).toEqual([2, 1]);
    expect([i32(), i64()]).toEqual([8, 58_286]);
    expect(i32()).toBe(20 + 4 + 4 + 4 + 7);
    expect([i32(), i32(), i32(), i32(), i32()]).toEqual([1, 0, 25, 2, 1]);
    expect(i32()).toBe(4);
    expect(buf.toString('latin1', p, p + 4)).toBe('PEXT');
  });

  it('sem indicadores grava NULL', () => {
    const buf = Buffer.alloc(64);
    const end = writeBinaryRow(buf, 0, 1, 0, 0, 0, []);
    expect(end).toBe(binaryRowSize([]));
    expect(buf.readInt32BE(end - 4)).toBe(-1);
  });
});
