import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, rowContent } from './audit';

describe('rowContent', () => {
  // The chain's hashes depend on this text byte for byte: the written-out form must be the
  // canonicalJson of the row's fields, as every seal made so far computed it.
  it('is the canonical JSON of the row fields, for any text, nulls and details', () => {
    const text = fc.string({ unit: 'binary' });
    fc.assert(
      fc.property(
        fc.record({
          seq: fc.nat(),
          at: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
          actor_id: text,
          actor_role: text,
          actor_unit_id: fc.option(text, { nil: null }),
          action: text,
          resource_type: text,
          resource_id: fc.option(text, { nil: null }),
          outcome: text,
          request_id: fc.option(text, { nil: null }),
          details: fc.jsonValue(),
        }),
        (r) => {
          expect(rowContent(r)).toBe(
            canonicalJson([
              r.at.toISOString(),
              r.actor_id,
              r.actor_role,
              r.actor_unit_id,
              r.action,
              r.resource_type,
              r.resource_id,
              r.outcome,
              r.request_id,
              r.details,
            ]),
          );
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
