import * as fc from 'fast-check';
import { UnsupportedSchemaError } from './errors.js';
import { ajvMultipleOf } from './fits.js';
import type { ConstraintNode } from './ir.js';

const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;
/** Default half-width of integer ranges a schema leaves open (the int32 range). */
const DEFAULT_SPAN = INT32_MAX;
/** How far from a drawn multiple to look for one that ajv accepts. */
const SEARCH_RADIUS = 64;
/** How many candidates to scan at compile time for a fallback multiple. */
const SCAN_LIMIT = 200_000;

/** Integers in `[min, max]` (safe integers), shrinking towards 0 or the bound nearest it. */
export function integerBetween(min: number, max: number): fc.Arbitrary<number> {
  if (min >= INT32_MIN && max <= INT32_MAX) return fc.integer({ min, max });
  return fc.bigInt(BigInt(min), BigInt(max)).map(
    (b) => Number(b),
    (v) => {
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new Error('not a safe integer');
      return BigInt(v);
    },
  );
}

interface Bound {
  readonly value: number;
  readonly exclusive: boolean;
}

/** The tighter of `minimum` / `exclusiveMinimum` (and likewise for the upper bound). */
function bounds(node: ConstraintNode): { lower?: Bound; upper?: Bound } {
  let lower: Bound | undefined;
  if (node.minimum !== undefined) lower = { value: node.minimum, exclusive: false };
  if (node.exclusiveMinimum !== undefined && (!lower || node.exclusiveMinimum >= lower.value))
    lower = { value: node.exclusiveMinimum, exclusive: true };
  let upper: Bound | undefined;
  if (node.maximum !== undefined) upper = { value: node.maximum, exclusive: false };
  if (node.exclusiveMaximum !== undefined && (!upper || node.exclusiveMaximum <= upper.value))
    upper = { value: node.exclusiveMaximum, exclusive: true };
  return { lower, upper };
}

function inBounds(v: number, lower?: Bound, upper?: Bound): boolean {
  if (lower && (lower.exclusive ? v <= lower.value : v < lower.value)) return false;
  if (upper && (upper.exclusive ? v >= upper.value : v > upper.value)) return false;
  return true;
}

const clampSafe = (v: number): number => Math.min(Number.MAX_SAFE_INTEGER, Math.max(Number.MIN_SAFE_INTEGER, v));

/** Smallest integer strictly/inclusively above `x`, tolerant to float noise (12.000000000000002 → 12). */
function ceilTol(x: number, exclusive: boolean): number {
  const r = Math.round(x);
  if (Math.abs(x - r) <= 1e-9 * Math.max(1, Math.abs(x))) return exclusive ? r + 1 : r;
  return Math.ceil(x);
}
function floorTol(x: number, exclusive: boolean): number {
  const r = Math.round(x);
  if (Math.abs(x - r) <= 1e-9 * Math.max(1, Math.abs(x))) return exclusive ? r - 1 : r;
  return Math.floor(x);
}

/** An integer range from optional bounds, defaulting open ends to a span of 2^31 around 0 / the bound. */
function integerRange(lower: Bound | undefined, upper: Bound | undefined, scale = 1): [number, number] {
  let lo = lower ? ceilTol(lower.value / scale, lower.exclusive) : undefined;
  let hi = upper ? floorTol(upper.value / scale, upper.exclusive) : undefined;
  const span = Math.max(1, Math.floor(DEFAULT_SPAN / scale));
  if (lo === undefined && hi === undefined) [lo, hi] = [-span - 1, span];
  else if (lo === undefined) lo = Math.min(hi!, 0) - span - 1;
  else if (hi === undefined) hi = Math.max(lo, 0) + span;
  return [clampSafe(lo), clampSafe(hi!)];
}

/** Digits after the decimal point in the shortest representation of `x` (0.01 → 2, 2.5e-7 → 8). */
export function decimalsOf(x: number): number {
  const s = String(x);
  const e = s.indexOf('e-');
  if (e !== -1) {
    const mantissa = s.slice(0, e);
    const dot = mantissa.indexOf('.');
    return Number(s.slice(e + 2)) + (dot === -1 ? 0 : mantissa.length - dot - 1);
  }
  const dot = s.indexOf('.');
  return dot === -1 ? 0 : s.length - dot - 1;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Multiples of `node.multipleOf`: an integer count `k` drawn in range, turned into `k × multipleOf`
 * rounded to the decimals of `multipleOf` (no float noise), then moved to the nearest count whose value
 * ajv accepts (ajv requires `value / multipleOf` to be exactly an integer, which e.g. 0.07 / 0.01 is not).
 * No filtering: shrinking goes through the count, towards 0 or the nearest bound.
 */
function multipleArbitrary(node: ConstraintNode, integerOnly: boolean, lower?: Bound, upper?: Bound): fc.Arbitrary<number> {
  const m = node.multipleOf!;
  const decimals = decimalsOf(m);
  let step = m;
  if (integerOnly && !Number.isInteger(m)) {
    // smallest multiple of m that is an integer: m × 10^d / gcd(m × 10^d, 10^d)
    const scale = 10 ** Math.min(decimals, 15);
    const units = Math.round(m * scale);
    step = Number(((m * scale) / gcd(units, scale)).toFixed(0)) || m;
  }
  const valueOf = (k: number): number => {
    const raw = k * step;
    const v = Number.isInteger(step) ? raw : Number(raw.toFixed(Math.min(decimals, 100)));
    return v === 0 ? 0 : v;
  };
  const valid = (v: number): boolean =>
    Number.isFinite(v) && inBounds(v, lower, upper) && ajvMultipleOf(v, m) && (!integerOnly || Number.isSafeInteger(v));
  const [kLo, kHi] = integerRange(lower, upper, step);
  const at = node.location;
  if (kLo > kHi) throw new UnsupportedSchemaError(at, 'multipleOf', `no multiple of ${m} lies within the bounds`);

  // Compile-time fallback: the valid count nearest to 0 (or to the range).
  const start = Math.min(kHi, Math.max(kLo, 0));
  let fallback: number | undefined;
  for (let i = 0; i < SCAN_LIMIT && fallback === undefined; i++) {
    if (start + i <= kHi && valid(valueOf(start + i))) fallback = start + i;
    else if (start - i >= kLo && valid(valueOf(start - i))) fallback = start - i;
    else if (start + i > kHi && start - i < kLo) break;
  }
  if (fallback === undefined)
    throw new UnsupportedSchemaError(at, 'multipleOf', `no value within the bounds is a multiple of ${m} that ajv accepts`);
  const fallbackValue = valueOf(fallback);

  return integerBetween(kLo, kHi).map((k) => {
    for (let i = 0; i <= SEARCH_RADIUS; i++) {
      if (k - i >= kLo) {
        const v = valueOf(k - i);
        if (valid(v)) return v;
      }
      if (i > 0 && k + i <= kHi) {
        const v = valueOf(k + i);
        if (valid(v)) return v;
      }
    }
    return fallbackValue;
  });
}

/** `type: integer` (`integerOnly`) or `type: number` under the node's bounds and `multipleOf`. */
export function numberArbitrary(node: ConstraintNode, integerOnly: boolean): fc.Arbitrary<number> {
  const { lower, upper } = bounds(node);
  const at = node.location;
  if (lower && upper && (lower.value > upper.value || (lower.value === upper.value && (lower.exclusive || upper.exclusive))))
    throw new UnsupportedSchemaError(at, lower.exclusive ? 'exclusiveMinimum' : 'minimum', `no number lies within the bounds`);
  if (node.multipleOf !== undefined) return multipleArbitrary(node, integerOnly, lower, upper);
  if (integerOnly) {
    const [lo, hi] = integerRange(lower, upper);
    if (lo > hi) throw new UnsupportedSchemaError(at, lower?.exclusive ? 'exclusiveMinimum' : 'minimum', 'no integer lies within the bounds');
    return integerBetween(lo, hi);
  }
  return fc
    .double({
      noNaN: true,
      noDefaultInfinity: true,
      min: lower ? lower.value : undefined,
      minExcluded: lower?.exclusive,
      max: upper ? upper.value : undefined,
      maxExcluded: upper?.exclusive,
    })
    .map((v) => (v === 0 ? 0 : v)); // no -0
}
