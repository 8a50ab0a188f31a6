import fc from 'fast-check';
import { isResponseSerializationError, serializerCompiler as upstream } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { directional, serializerCompiler } from './serializer';

const compile = (schema: unknown, c: (route: never) => unknown = serializerCompiler) =>
  c({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never) as (d: unknown) => string;

const Staff = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  unitId: z.string().nullable(),
  note: z.string().optional(),
  active: z.boolean(),
});

describe('response serializer', () => {
  it('sends only the declared fields, as the encoding serializer does', () => {
    const ours = compile(Staff);
    const theirs = compile(Staff, upstream);
    fc.assert(
      fc.property(
        fc.record({
          id: fc.string(),
          name: fc.string(),
          roles: fc.array(fc.string()),
          unitId: fc.option(fc.string(), { nil: null }),
          note: fc.option(fc.string(), { nil: undefined }),
          active: fc.boolean(),
          cpf: fc.string(),
        }),
        (row) => {
          const out = ours(row);
          expect(out).toBe(theirs(row));
          expect(JSON.parse(out)).not.toHaveProperty('cpf');
        },
      ),
    );
  });

  it('refuses a value outside the contract (a 500, nothing sent)', () => {
    const ours = compile(Staff);
    let err: unknown;
    try {
      ours({ id: 'a', name: 'b', roles: 'analyst', unitId: null, active: true });
    } catch (e) {
      err = e;
    }
    expect(isResponseSerializationError(err)).toBe(true);
  });

  it('tells directional schemas apart, however deep', () => {
    const when = z.codec(z.iso.datetime(), z.date(), {
      decode: (s) => new Date(s),
      encode: (d) => d.toISOString(),
    });
    expect(directional(Staff)).toBe(false);
    expect(directional(z.object({ at: when }))).toBe(true);
    expect(directional(z.object({ items: z.array(z.object({ n: z.number().default(0) })) }))).toBe(true);
    expect(directional(z.union([z.string(), z.object({ s: z.string().transform((v) => v.length) })]))).toBe(
      true,
    );
    expect(directional(z.object({ c: z.string().catch('x').optional() }))).toBe(true);
    const Tree: z.ZodType<{ name: string; children: unknown[] }> = z.lazy(() =>
      z.object({ name: z.string(), children: z.array(Tree) }),
    );
    expect(directional(Tree)).toBe(false);
  });

  it('encodes a codec the way the route declares it', () => {
    const Event = z.object({
      at: z.codec(z.iso.datetime(), z.date(), {
        decode: (s) => new Date(s),
        encode: (d) => d.toISOString(),
      }),
    });
    const at = new Date('2026-12-03T12:00:00.000Z');
    expect(compile(Event)({ at })).toBe('{"at":"2026-12-03T12:00:00.000Z"}');
  });
});
