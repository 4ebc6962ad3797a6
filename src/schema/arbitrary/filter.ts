import type * as fc from 'fast-check';

/**
 * `arb.filter(predicate)` for small values, with a safety net: after `limit` consecutive rejections
 * it throws (naming what it was generating) instead of looping forever.
 */
export function guardedFilter<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => boolean, what: () => string, limit = 10_000): fc.Arbitrary<T> {
  let misses = 0;
  return arb.filter((value) => {
    if (predicate(value)) {
      misses = 0;
      return true;
    }
    if (++misses >= limit) {
      misses = 0;
      throw new Error(`hookcert: gave up generating ${what()} after ${limit} consecutive rejected candidates`);
    }
    return false;
  });
}
