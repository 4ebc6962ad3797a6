import * as fc from 'fast-check';
import type { BuildContext } from './context.js';
import { UnsupportedSchemaError } from './errors.js';
import { codePointLength } from './fits.js';
import { guardedFilter } from './filter.js';
import { FORMAT_ARBITRARIES } from './format.js';
import type { ConstraintNode } from './ir.js';

/** Longest string bound for which lengths are drawn over the whole range (`size: 'max'`). */
const FULL_RANGE_LENGTH = 256;

const codePoint = (min: number, max: number): fc.Arbitrary<string> =>
  fc.integer({ min, max }).map(
    (c) => String.fromCodePoint(c),
    (s) => {
      if (typeof s !== 'string') throw new Error('not a string');
      const c = s.codePointAt(0);
      if (c === undefined || c < min || c > max || String.fromCodePoint(c) !== s) throw new Error('out of range');
      return c;
    },
  );

/**
 * One unicode code point: printable ASCII first (shrink target), then Latin-1 to the end of the BMP
 * (no surrogates, no C1 controls), combining marks, and astral planes (emoji, CJK extension, …).
 */
export function unicodeCodePoint(): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: codePoint(0x20, 0x7e), weight: 4 },
    { arbitrary: codePoint(0xa0, 0xd7ff), weight: 3 },
    { arbitrary: codePoint(0xe000, 0xfffd), weight: 1 },
    { arbitrary: codePoint(0x300, 0x36f), weight: 2 },
    { arbitrary: codePoint(0x1f300, 0x1faff), weight: 1 },
    { arbitrary: codePoint(0x10000, 0x10fffd), weight: 1 },
  );
}

/** A free-form string whose length (in code points, as ajv counts) lies in `[min, max]`. */
export function plainString(min: number, max: number, unicode: boolean): fc.Arbitrary<string> {
  return fc.string({
    unit: unicode ? unicodeCodePoint() : 'grapheme-ascii',
    minLength: min,
    maxLength: max,
    size: max <= FULL_RANGE_LENGTH ? 'max' : undefined,
  });
}

/** `type: string` with `minLength`, `maxLength`, `pattern` and `format`. */
export function stringArbitrary(node: ConstraintNode, ctx: BuildContext): fc.Arbitrary<string> {
  const at = node.location;
  const min = node.minLength ?? 0;
  const max = node.maxLength;
  if (max !== undefined && min > max) throw new UnsupportedSchemaError(at, 'minLength', `${min} exceeds maxLength ${max}`);
  const patterns = (node.patterns ?? []).map((p) => ({ ...p, regex: new RegExp(p.source, 'u') }));
  const lengthOk = (s: string): boolean => {
    const n = codePointLength(s);
    return n >= min && (max === undefined || n <= max);
  };
  const patternsOk = (s: string): boolean => patterns.every((p) => p.regex.test(s));

  if (node.format !== undefined) {
    const make = FORMAT_ARBITRARIES[node.format];
    if (!make) throw new UnsupportedSchemaError(at, 'format', `value "${node.format}" is not supported`);
    const base = make();
    if (min === 0 && max === undefined && patterns.length === 0) return base;
    return guardedFilter(base, (s) => lengthOk(s) && patternsOk(s), () => `a "${node.format}" string for ${at} within its length/pattern constraints`);
  }

  if (patterns.length > 0) {
    const [first] = patterns;
    let base: fc.Arbitrary<string>;
    try {
      base = fc.stringMatching(first.regex, { maxLength: max, size: min > 8 ? 'medium' : undefined });
    } catch (e) {
      throw new UnsupportedSchemaError(first.location, 'pattern', `/${first.source}/ cannot be generated: ${(e as Error).message}`);
    }
    // The filter also re-checks the generating pattern: fast-check's approximations (\b, classes) never leak out.
    return guardedFilter(base, (s) => lengthOk(s) && patternsOk(s), () => `a string matching /${first.source}/ for ${at} within its length constraints`);
  }

  const upper = max ?? Math.max(min, ctx.options.maxLength);
  return plainString(min, upper, ctx.options.unicode);
}
