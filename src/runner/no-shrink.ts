/**
 * `fc.noShrink` that lets go of what the values were generated from. fast-check's keeps each value's shrink
 * context although it never shrinks: for a request that is one small object per character of every string
 * (a session of 400 lines: 95,000 objects, 7 MB, for as long as its case or its command sequence lives).
 */
import fc from 'fast-check';

/**
 * `arb` without shrinking and without its values' shrink contexts: the same values from the same random
 * stream as `fc.noShrink(arb)` (generation is `arb`'s own), and, as it, nothing to shrink to.
 */
export function noShrink<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return new Unshrinkable(arb);
}

class Unshrinkable<T> extends fc.Arbitrary<T> {
  constructor(private readonly arb: fc.Arbitrary<T>) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    const v = this.arb.generate(mrng, biasFactor);
    // A value fast-check clones on each read keeps its Value (which clones it): only plain values are unwrapped.
    return v.hasToBeCloned ? v : new fc.Value(v.value_, undefined);
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.arb.canShrinkWithoutContext(value);
  }

  shrink(): fc.Stream<fc.Value<T>> {
    return fc.Stream.nil();
  }
}
