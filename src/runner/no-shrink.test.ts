import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { noShrink } from './no-shrink.js';

const ARB = fc.array(fc.record({ text: fc.string(), n: fc.integer() }), { maxLength: 20 });

describe('noShrink without shrink contexts', () => {
  it('gives the values of fc.noShrink for the same seed, alone and inside a tuple', () => {
    for (const seed of [1, 2, 20261121]) {
      expect(fc.sample(noShrink(ARB), { seed, numRuns: 30 })).toEqual(fc.sample(fc.noShrink(ARB), { seed, numRuns: 30 }));
      const pair = (a: fc.Arbitrary<unknown>) => fc.tuple(fc.nat(9), a, fc.boolean());
      expect(fc.sample(pair(noShrink(ARB)), { seed, numRuns: 30 })).toEqual(fc.sample(pair(fc.noShrink(ARB)), { seed, numRuns: 30 }));
    }
  });

  it('keeps no context and shrinks to nothing', () => {
    const made: Array<fc.Value<unknown>> = [];
    const arb: fc.Arbitrary<unknown> = noShrink(ARB);
    // Records the Values noShrink makes (a sample only shows their values).
    class Spy extends fc.Arbitrary<unknown> {
      generate(mrng: fc.Random, bias: number | undefined): fc.Value<unknown> {
        const v = arb.generate(mrng, bias);
        made.push(v);
        return v;
      }
      canShrinkWithoutContext(value: unknown): value is unknown {
        return arb.canShrinkWithoutContext(value);
      }
      shrink(): fc.Stream<fc.Value<unknown>> {
        return fc.Stream.nil();
      }
    }
    fc.sample(new Spy(), { seed: 3, numRuns: 5 });
    expect(made).toHaveLength(5);
    for (const v of made) {
      expect(v.context).toBeUndefined();
      expect([...arb.shrink(v.value, v.context)]).toEqual([]);
    }
  });

  it('shrinks a tuple it is part of as fc.noShrink does: only the other members', () => {
    const counterexample = (a: fc.Arbitrary<unknown>) => fc.check(fc.property(fc.tuple(fc.nat(1000), a), ([n]) => n < 10), { seed: 5 }).counterexample;
    expect(counterexample(noShrink(ARB))).toEqual(counterexample(fc.noShrink(ARB)));
  });
});
