import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryFor, compileArbitrary } from './index.js';
import { normaliseSizePath } from './options.js';
import { assertAllValid, registryOf } from './testing.js';

const ID = 't/o.schema.json';
const reg = registryOf({
  [ID]: {
    type: 'object',
    additionalProperties: false,
    required: ['id'],
    properties: {
      id: { type: 'integer' },
      note: { type: 'string' },
      flag: { type: 'boolean' },
      session: {
        type: 'object',
        additionalProperties: false,
        properties: {
          lines: { type: 'array', maxItems: 500, items: { type: 'object', properties: { words: { type: 'array', items: { type: 'string' } } } } },
        },
        required: ['lines'],
      },
    },
  },
});
type O = { id: number; note?: string; flag?: boolean; session?: { lines: { words?: string[] }[] } };
const sample = (options: Parameters<typeof arbitraryFor>[2], numRuns = 200): O[] =>
  fc.sample(arbitraryFor(reg, ID, options), { seed: 5, numRuns }) as O[];

describe('options', () => {
  it('optionalProbability 0: only required properties', () => {
    expect(sample({ optionalProbability: 0 }).every((v) => Object.keys(v).join() === 'id')).toBe(true);
    assertAllValid(reg, ID, arbitraryFor(reg, ID, { optionalProbability: 0 }));
  });

  it('optionalProbability 1: every optional property, at every level', () => {
    const values = sample({ optionalProbability: 1 });
    expect(values.every((v) => Object.keys(v).join() === 'id,note,flag,session')).toBe(true);
    expect(values.every((v) => v.session!.lines.every((l) => Array.isArray(l.words)))).toBe(true);
  });

  it('optionalProbability 0.5 (default): about half', () => {
    const values = sample({}, 1000);
    const present = values.filter((v) => 'note' in v).length;
    expect(present).toBeGreaterThan(400);
    expect(present).toBeLessThan(600);
  });

  it('sizes override: exactly 0 items, exactly 300 items, [] for items', () => {
    const none = sample({ optionalProbability: 1, sizes: { '/session/lines': { maxItems: 0 } } });
    expect(none.every((v) => v.session!.lines.length === 0)).toBe(true);
    const many = arbitraryFor(reg, ID, { optionalProbability: 1, sizes: { '/session/lines': { minItems: 300, maxItems: 300 }, '/session/lines/[]/words': { maxItems: 1 } } });
    const values = fc.sample(many, { seed: 1, numRuns: 20 }) as O[];
    expect(values.every((v) => v.session!.lines.length === 300)).toBe(true);
    expect(values.every((v) => v.session!.lines.every((l) => l.words!.length <= 1))).toBe(true);
    assertAllValid(reg, ID, many, 20);
  });

  it('sizes override beats the maxItems clamp and draws over the whole range', () => {
    const lengths = sample({ optionalProbability: 1, sizes: { 'session/lines': { minItems: 0, maxItems: 400 } } }).map((v) => v.session!.lines.length);
    expect(Math.max(...lengths)).toBeGreaterThan(200);
    expect(Math.min(...lengths)).toBeLessThan(50);
  });

  it('sizes: unknown paths and overrides outside the schema bounds are errors', () => {
    expect(() => arbitraryFor(reg, ID, { sizes: { '/session/lnes': { maxItems: 3 } } })).toThrow(RangeError);
    expect(() => arbitraryFor(reg, ID, { sizes: { '/session/lines': { maxItems: 501 } } })).toThrow(/outside/);
    expect(() => arbitraryFor(reg, ID, { sizes: { '/session/lines': { minItems: 3, maxItems: 2 } } })).toThrow(RangeError);
    expect(normaliseSizePath('a/lines[]/words')).toBe('/a/lines/[]/words');
    expect(normaliseSizePath('/')).toBe('');
  });

  it('maxItems and maxLength caps', () => {
    const values = sample({ optionalProbability: 1, maxItems: 2, maxLength: 3 });
    expect(values.every((v) => v.session!.lines.length <= 2 && v.note!.length <= 3)).toBe(true);
    expect(values.some((v) => v.session!.lines.length === 2 && v.note!.length === 3)).toBe(true);
  });

  it('unicode produces non-ASCII (astral, combining marks) and still validates', () => {
    const strings = fc.sample(compileArbitrary({ type: 'string' }, () => ({}), { unicode: true }), { seed: 1, numRuns: 300 }) as string[];
    const all = strings.join('');
    expect(/[^\x00-\x7f]/.test(all)).toBe(true);
    expect(/[\u{10000}-\u{10ffff}]/u.test(all)).toBe(true);
    expect(/[\u0300-\u036f]/.test(all)).toBe(true);
    const ascii = fc.sample(compileArbitrary({ type: 'string' }, () => ({})), { seed: 1, numRuns: 300 }) as string[];
    expect(/^[\x20-\x7e]*$/.test(ascii.join(''))).toBe(true);
    assertAllValid(reg, ID, arbitraryFor(reg, ID, { unicode: true }));
  });

  it('extraProperties adds unknown keys (deliberately past additionalProperties: false)', () => {
    const values = sample({ extraProperties: true, optionalProbability: 1 });
    const known = new Set(['id', 'note', 'flag', 'session']);
    expect(values.every((v) => Object.keys(v).some((k) => !known.has(k)))).toBe(true);
    expect(values.every((v) => Object.keys(v.session!).length > 1)).toBe(true);
    expect(values.every((v) => reg.validate(ID, v).length > 0)).toBe(true);
    expect(sample({}).every((v) => reg.validate(ID, v).length === 0)).toBe(true);
  });

  it('invalid options are RangeErrors', () => {
    expect(() => arbitraryFor(reg, ID, { optionalProbability: 1.5 })).toThrow(RangeError);
    expect(() => arbitraryFor(reg, ID, { maxItems: -1 })).toThrow(RangeError);
  });
});
