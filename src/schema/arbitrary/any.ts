import * as fc from 'fast-check';
import { plainString } from './string.js';

/** Keys that must never become own properties of generated objects by accident. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A short identifier-like key: `a`, `zq1`, `fooBar9`. */
export function keyArbitrary(): fc.Arbitrary<string> {
  return fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,11}$/).filter((k) => !FORBIDDEN_KEYS.has(k));
}

/** Builds a plain object from entries without ever touching the prototype chain. */
export function toObject(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out;
}

/**
 * Any JSON value, kept small: scalars (finite numbers, no -0), and arrays/objects of up to three
 * entries, at most two levels deep. Used where a schema does not restrict the type.
 */
export function anyJsonArbitrary(unicode: boolean, maxLength: number): fc.Arbitrary<unknown> {
  const scalar = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (v === 0 ? 0 : v)),
    plainString(0, maxLength, unicode),
  );
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { maxDepth: 2, depthSize: 'small' },
      scalar,
      fc.array(tie('value'), { maxLength: 3 }),
      fc.uniqueArray(fc.tuple(keyArbitrary(), tie('value')), { maxLength: 3, selector: (e) => e[0] }).map(toObject),
    ),
  }));
  return value;
}
