import { randomFillSync } from 'node:crypto';

/**
 * UUID version 7 (RFC 9562, §5.7): 48 bits of Unix time in milliseconds, the version, then 74
 * random bits. An id made later sorts after one made earlier (to the millisecond; within one
 * millisecond the order is random), so the rows of a high-volume table — requests, tasks, events
 * — enter their B-tree indexes at the right edge, and rows made close in time share index pages.
 * With version 4 every insert, and every index entry a non-HOT update writes, lands on a random
 * page: after each checkpoint that page is written to the WAL whole (docs/performance.md,
 * "pegar próxima").
 *
 * The id reveals when the row was made, to the millisecond: use it for row ids (the time is in
 * the row anyway), never as a secret or for something whose creation time is itself confidential.
 * The same layout is made in SQL by uuid_v7() (platform migration 0003).
 */
export function uuidv7(ms: number = Date.now()): string {
  if (!Number.isSafeInteger(ms) || ms < 0 || ms >= 2 ** 48) {
    throw new RangeError(`uuidv7: instante fora do intervalo de 48 bits: ${ms}`);
  }
  if (offset + 16 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const b = pool.subarray(offset, offset + 16);
  offset += 16;
  b[0] = Math.floor(ms / 2 ** 40) & 0xff;
  b[1] = Math.floor(ms / 2 ** 32) & 0xff;
  b[2] = (ms >>> 24) & 0xff;
  b[3] = (ms >>> 16) & 0xff;
  b[4] = (ms >>> 8) & 0xff;
  b[5] = ms & 0xff;
  b[6] = (b[6]! & 0x0f) | 0x70; // version 7
  b[8] = (b[8]! & 0x3f) | 0x80; // variant 10 (RFC 9562)
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The creation time (Unix milliseconds) written in a version 7 UUID. */
export function uuidv7Time(id: string): number {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-f]{12}7[0-9a-f]{3}[89ab][0-9a-f]{15}$/i.test(hex)) {
    throw new RangeError(`não é um UUID versão 7: ${id}`);
  }
  return Number.parseInt(hex.slice(0, 12), 16);
}

// Random bytes drawn 4 KiB at a time (as crypto.randomUUID() caches its entropy).
const pool = Buffer.alloc(4096);
let offset = pool.length;
