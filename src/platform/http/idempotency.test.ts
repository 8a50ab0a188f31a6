import { describe, expect, it } from 'vitest';
import { requestFingerprint } from './idempotency';

const fp = (params: unknown, query: unknown, body: unknown) => requestFingerprint({ params, query, body });

describe('requestFingerprint', () => {
  it('is the same operation whatever the order of path parameters and query keys', () => {
    expect(fp({ id: 'a', n: '1' }, { category: 'identity', fileName: 'x.pdf' }, { a: 1 })).toBe(
      fp({ n: '1', id: 'a' }, { fileName: 'x.pdf', category: 'identity' }, { a: 1 }),
    );
  });

  it('tells apart another record, another query, another body', () => {
    const base = fp({ id: 'a' }, { category: 'identity' }, { a: 1 });
    expect(fp({ id: 'b' }, { category: 'identity' }, { a: 1 })).not.toBe(base);
    expect(fp({ id: 'a' }, { category: 'medical_report' }, { a: 1 })).not.toBe(base);
    expect(fp({ id: 'a' }, { category: 'identity' }, { a: 2 })).not.toBe(base);
  });

  it('hashes a raw body by its bytes, never confusing it with a JSON body', () => {
    const bytes = Buffer.from('%PDF-1.4 conteúdo');
    expect(fp({}, {}, bytes)).toBe(fp({}, {}, Buffer.from(bytes)));
    expect(fp({}, {}, bytes)).not.toBe(fp({}, {}, Buffer.from('%PDF-1.4 conteúdo!')));
    expect(fp({}, {}, bytes)).not.toBe(fp({}, {}, JSON.parse(JSON.stringify(bytes))));
    expect(fp({}, {}, undefined)).toBe(fp({}, {}, null));
  });
});
