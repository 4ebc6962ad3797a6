import * as fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { SCHEMA_BASE } from '../registry.js';
import { arbitraryFor, compileArbitrary, type SchemaArbitraryOptions } from './index.js';
import { assertAllValid, registryOf } from './testing.js';
import { LocationValidators } from './validators.js';

const RUNS = 300;

/** Registers `schema` as t/<name>.schema.json (plus `others`) and checks RUNS generated values with ajv. */
function generatesValid(schema: object, options: SchemaArbitraryOptions = {}, others: Record<string, object> = {}): unknown[] {
  const name = 't/s.schema.json';
  const reg = registryOf({ [name]: schema, ...others });
  const arb = arbitraryFor(reg, name, options);
  assertAllValid(reg, name, arb, RUNS);
  return fc.sample(arb, { seed: 7, numRuns: 200 });
}

describe('type', () => {
  it.each([
    ['null', (v: unknown) => v === null],
    ['boolean', (v: unknown) => typeof v === 'boolean'],
    ['integer', (v: unknown) => Number.isInteger(v)],
    ['number', (v: unknown) => typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0)],
    ['string', (v: unknown) => typeof v === 'string'],
    ['array', (v: unknown) => Array.isArray(v)],
    ['object', (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v)],
  ] as const)('%s', (type, check) => {
    const values = generatesValid({ type });
    expect(values.every(check)).toBe(true);
  });

  it('a list of types is a union, "null" makes it nullable', () => {
    const values = generatesValid({ type: ['string', 'null', 'integer'] });
    expect(values.some((v) => v === null)).toBe(true);
    expect(values.some((v) => typeof v === 'string')).toBe(true);
    expect(values.some((v) => typeof v === 'number')).toBe(true);
  });

  it('no type: any JSON value, inferred from type-specific keywords when present', () => {
    const anything = generatesValid({ description: 'anything' });
    expect(new Set(anything.map((v) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v))).size).toBeGreaterThan(3);
    // (the project's strict ajv refuses type-specific keywords without a type, so no ajv check here)
    const strings = fc.sample(compileArbitrary({ minLength: 2 }, () => ({})), { seed: 1, numRuns: 100 });
    expect(strings.every((v) => typeof v === 'string' && v.length >= 2)).toBe(true);
    const objects = fc.sample(compileArbitrary({ required: ['a'] }, () => ({})), { seed: 1, numRuns: 100 });
    expect(objects.every((v) => typeof v === 'object' && v !== null && 'a' in v)).toBe(true);
  });
});

describe('objects', () => {
  const schema = {
    type: 'object',
    required: ['id', 'free'],
    properties: { id: { type: 'integer' }, name: { type: 'string' }, nested: { type: 'object', properties: { x: { type: 'boolean' } } } },
    additionalProperties: false,
  };

  it('properties, required, additionalProperties: false', () => {
    expect(() => generatesValid(schema)).toThrow(/required.*"free"/);
    const values = generatesValid({ ...schema, required: ['id'] }) as Record<string, unknown>[];
    expect(values.every((v) => 'id' in v && Object.keys(v).every((k) => k in schema.properties))).toBe(true);
    expect(values.some((v) => 'name' in v)).toBe(true);
    expect(values.some((v) => !('name' in v))).toBe(true);
  });

  it('required keys without a property schema get any value when extras are allowed', () => {
    // (strict ajv refuses required names that are not properties: checked without ajv)
    const values = fc.sample(compileArbitrary({ type: 'object', required: ['free'], additionalProperties: true }, () => ({})), 100);
    expect(values.every((v) => 'free' in (v as object))).toBe(true);
    generatesValid({ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: {} });
  });

  it('a property whose schema is false is never generated', () => {
    const values = generatesValid({ type: 'object', properties: { gone: false, kept: { const: 1 } }, required: ['kept'] });
    expect(values.every((v) => !('gone' in (v as object)))).toBe(true);
  });
});

describe('enum and const', () => {
  it('enum, including structured values, never shared between samples', () => {
    const values = generatesValid({ enum: ['a', 2, null, { k: [1] }] });
    expect(new Set(values.map((v) => JSON.stringify(v))).size).toBe(4);
    const objects = values.filter((v) => typeof v === 'object' && v !== null);
    expect(objects[0]).not.toBe(objects[1]);
  });

  it('const, and enum values that violate sibling keywords are dropped', () => {
    expect(new Set(generatesValid({ const: { a: 1 } }).map((v) => JSON.stringify(v)))).toEqual(new Set(['{"a":1}']));
    expect(new Set(generatesValid({ type: 'string', enum: ['x', 1, 'yy'], maxLength: 1 }))).toEqual(new Set(['x']));
  });
});

describe('arrays', () => {
  it('items, minItems, maxItems', () => {
    const values = generatesValid({ type: 'array', items: { type: 'integer', minimum: 0, maximum: 9 }, minItems: 2, maxItems: 5 }) as unknown[][];
    expect(Math.min(...values.map((v) => v.length))).toBe(2);
    expect(Math.max(...values.map((v) => v.length))).toBe(5);
  });

  it('maxItems defaults to options.maxItems (8), and clamps larger schema bounds', () => {
    const lengths = (generatesValid({ type: 'array', maxItems: 500 }) as unknown[][]).map((v) => v.length);
    expect(Math.max(...lengths)).toBe(8);
    const bigger = (generatesValid({ type: 'array', minItems: 12 }) as unknown[][]).map((v) => v.length);
    expect(bigger.every((n) => n === 12)).toBe(true);
  });

  it('uniqueItems, with objects and with a small domain', () => {
    generatesValid({ type: 'array', uniqueItems: true, items: { type: 'object', properties: { a: { type: 'boolean' } } }, maxItems: 3 });
    const values = generatesValid({ type: 'array', uniqueItems: true, items: { enum: ['a', 'b', 'c'] }, minItems: 3 }) as unknown[][];
    expect(values.every((v) => v.length === 3)).toBe(true);
    expect(() => generatesValid({ type: 'array', uniqueItems: true, items: { type: 'boolean' }, minItems: 3 })).toThrow(/uniqueItems/);
  });

  it('items: false allows only empty arrays', () => {
    expect(generatesValid({ type: 'array', items: false }).every((v) => (v as unknown[]).length === 0)).toBe(true);
  });
});

describe('numbers', () => {
  it('minimum, maximum, exclusiveMinimum, exclusiveMaximum (integer)', () => {
    const values = generatesValid({ type: 'integer', minimum: -3, exclusiveMaximum: 4 }) as number[];
    expect(new Set(values)).toEqual(new Set([-3, -2, -1, 0, 1, 2, 3]));
    generatesValid({ type: 'integer', exclusiveMinimum: 1.5, maximum: 2.5 });
  });

  it('integers beyond 32 bits (epoch milliseconds)', () => {
    const values = generatesValid({ type: 'integer', minimum: 1_600_000_000_000, maximum: 4_102_444_800_000 }) as number[];
    expect(values.every((v) => Number.isSafeInteger(v) && v >= 1_600_000_000_000)).toBe(true);
    generatesValid({ type: 'integer', minimum: 2 ** 40 });
  });

  it('number: finite doubles within bounds, no NaN/-0', () => {
    const values = generatesValid({ type: 'number', exclusiveMinimum: 0, maximum: 1 }) as number[];
    expect(values.every((v) => v > 0 && v <= 1)).toBe(true);
    const free = generatesValid({ type: 'number' }) as number[];
    expect(free.every((v) => Number.isFinite(v) && !Object.is(v, -0))).toBe(true);
    expect(free.some((v) => !Number.isInteger(v))).toBe(true);
  });

  it.each([
    [{ type: 'integer', multipleOf: 5 }],
    [{ type: 'integer', multipleOf: 5, minimum: 3, maximum: 40 }],
    [{ type: 'number', multipleOf: 0.01 }],
    [{ type: 'number', multipleOf: 0.01, minimum: 0, maximum: 10 }],
    [{ type: 'number', multipleOf: 0.1, exclusiveMinimum: 0, exclusiveMaximum: 1 }],
    [{ type: 'number', multipleOf: 0.05, minimum: -2.5, maximum: 2.5 }],
    [{ type: 'number', multipleOf: 0.001, minimum: 100 }],
    [{ type: 'number', multipleOf: 2.5 }],
    [{ type: 'integer', multipleOf: 0.5 }],
    [{ type: 'integer', multipleOf: 0.3, minimum: 0, maximum: 100 }],
  ])('multipleOf %j', (schema) => {
    const values = generatesValid(schema) as number[];
    expect(new Set(values).size).toBeGreaterThan(5);
  });

  it('multipleOf: values are decimal-clean (no float noise)', () => {
    const values = generatesValid({ type: 'number', multipleOf: 0.01, minimum: 0, maximum: 100 }) as number[];
    expect(values.every((v) => String(v).split('.')[1] === undefined || String(v).split('.')[1].length <= 2)).toBe(true);
  });

  it('multipleOf with no value ajv accepts is refused at compile time', () => {
    // 0.07 / 0.01 === 7.000000000000001: ajv rejects the only candidate.
    expect(() => compileArbitrary({ type: 'number', multipleOf: 0.01, minimum: 0.07, maximum: 0.07 }, () => ({}))).toThrow(/multipleOf/);
  });
});

describe('strings', () => {
  it('minLength, maxLength count code points, as ajv does', () => {
    const values = generatesValid({ type: 'string', minLength: 3, maxLength: 4 }, { unicode: true }) as string[];
    expect(values.every((v) => [...v].length >= 3 && [...v].length <= 4)).toBe(true);
    expect(values.some((v) => v.length > [...v].length)).toBe(true); // astral characters present
  });

  it('maxLength defaults to options.maxLength (24)', () => {
    const values = generatesValid({ type: 'string' }) as string[];
    expect(Math.max(...values.map((v) => v.length))).toBe(24);
  });

  it.each([
    ['^[A-Z]{3}$', {}],
    ['^\\d{4}-\\d{2}$', {}],
    ['^[a-z0-9._-]+$', { minLength: 3, maxLength: 12 }],
    ['^(EUR|USD|KES)$', {}],
    ['[0-9]', { maxLength: 5 }],
    ['^\\+?254\\d{9}$', {}],
    ['^\\p{Lu}\\w*$', { maxLength: 6 }],
  ])('pattern %s %j', (pattern, lengths) => {
    const values = generatesValid({ type: 'string', pattern, ...lengths }) as string[];
    expect(new Set(values).size).toBeGreaterThan(2);
  });

  it.each(['uuid', 'date-time', 'date', 'time', 'email', 'uri'])('format %s', (format) => {
    const values = generatesValid({ type: 'string', format }) as string[];
    expect(new Set(values).size).toBeGreaterThan(100);
  });

  it('date-time has offsets and milliseconds', () => {
    const values = fc.sample(compileArbitrary({ type: 'string', format: 'date-time' }, () => ({})), { seed: 1, numRuns: 300 }) as string[];
    expect(values.some((v) => /[+-]\d\d:\d\d$/.test(v))).toBe(true);
    expect(values.some((v) => /Z$/.test(v))).toBe(true);
    expect(values.some((v) => /\.\d{3}/.test(v))).toBe(true);
  });

  it('format with length bounds', () => {
    generatesValid({ type: 'string', format: 'email', maxLength: 30 });
    generatesValid({ type: 'string', format: 'uri', maxLength: 40, minLength: 20 });
  });
});

describe('$ref and $defs', () => {
  const line = { type: 'object', required: ['id'], properties: { id: { $ref: '#/$defs/id' } }, $defs: { id: { type: 'string', format: 'uuid' } } };

  it('relative cross-file refs, JSON-pointer fragments, and escaped tokens', () => {
    generatesValid(
      {
        type: 'object',
        required: ['lines', 'first', 'odd'],
        properties: {
          lines: { type: 'array', items: { $ref: '../common/line.schema.json' } },
          first: { $ref: '../common/line.schema.json#/properties/id' },
          odd: { $ref: '#/$defs/a~1b' },
        },
        $defs: { 'a/b': { const: 'slash' } },
      },
      {},
      { 'common/line.schema.json': line },
    );
  });

  it('$ref with sibling keywords is their conjunction', () => {
    const values = generatesValid({
      $ref: '#/$defs/base',
      type: 'object',
      required: ['b'],
      properties: { a: { type: 'string', maxLength: 2 }, b: { type: 'integer', minimum: 0 } },
      $defs: { base: { type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'integer' } } } },
    }) as Record<string, unknown>[];
    expect(values.every((v) => typeof v.a === 'string' && v.a.length <= 2 && Number.isInteger(v.b) && (v.b as number) >= 0)).toBe(true);
  });

  it('recursive schemas terminate and shrink', () => {
    const tree = {
      $ref: '#/$defs/node',
      $defs: {
        node: {
          type: 'object',
          required: ['name', 'children'],
          properties: { name: { type: 'string', maxLength: 3 }, children: { type: 'array', items: { $ref: '#/$defs/node' } } },
        },
      },
    };
    const values = generatesValid(tree);
    const depth = (n: { children: unknown[] }): number => 1 + Math.max(0, ...n.children.map((c) => depth(c as never)));
    expect(values.some((v) => depth(v as never) >= 3)).toBe(true);
    const arb = compileArbitrary(tree, () => ({}));
    const run = fc.check(fc.property(arb, (v) => depth(v as never) < 3), { seed: 3 });
    expect(run.failed).toBe(true);
    expect(depth(run.counterexample![0] as never)).toBe(3);
  });

  it('a ref to an unknown document is reported with its location', () => {
    const reg = registryOf({ 't/r.schema.json': { type: 'object', properties: { x: { $ref: 'nope.schema.json' } } } });
    expect(() => arbitraryFor(reg, 't/r.schema.json')).toThrow(`${SCHEMA_BASE}t/r.schema.json#/properties/x`);
  });
});

describe('oneOf and anyOf', () => {
  it('oneOf with const discriminators', () => {
    const values = generatesValid({
      oneOf: [
        { type: 'object', required: ['kind', 'a'], properties: { kind: { const: 'a' }, a: { type: 'integer' } } },
        { type: 'object', required: ['kind'], properties: { kind: { const: 'b' }, b: { type: 'string' } } },
      ],
    }) as { kind: string }[];
    expect(new Set(values.map((v) => v.kind))).toEqual(new Set(['a', 'b']));
  });

  it('oneOf told apart by a nested discriminator needs no run-time validation', () => {
    const spy = vi.spyOn(LocationValidators.prototype, 'get');
    const branch = (status: string, extra: object) => ({
      type: 'object',
      required: ['data'],
      properties: {
        data: {
          type: 'object',
          required: ['attributes'],
          properties: { attributes: { type: 'object', required: ['status'], properties: { status: { const: status }, ...extra } } },
        },
      },
    });
    try {
      generatesValid({ oneOf: [branch('Success', { amount: { type: 'string' } }), branch('Failed', { errors: { type: 'array' } })] });
      generatesValid({ type: ['string', 'object'], oneOf: [{ type: 'string' }, { type: 'object' }] });
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('oneOf with overlapping branches matches exactly one (validated filter)', () => {
    const values = generatesValid({ oneOf: [{ type: 'integer', multipleOf: 2, maximum: 100 }, { type: 'integer', multipleOf: 3, maximum: 100 }] }) as number[];
    expect(values.every((v) => (v % 2 === 0) !== (v % 3 === 0))).toBe(true);
  });

  it('oneOf with sibling keywords (shared properties, branch-specific required)', () => {
    const values = generatesValid({
      type: 'object',
      properties: { type: { enum: ['card', 'cash', 'voucher'] }, amount: { type: 'integer', minimum: 0 }, card: { type: 'string' } },
      required: ['type', 'amount'],
      additionalProperties: false,
      oneOf: [
        { properties: { type: { const: 'card' }, card: { type: 'string' } }, required: ['card'] },
        { properties: { type: { enum: ['cash', 'voucher'] } } },
      ],
    }) as { type: string; card?: string }[];
    expect(values.filter((v) => v.type === 'card').every((v) => 'card' in v)).toBe(true);
    expect(new Set(values.map((v) => v.type)).size).toBe(3);
  });

  it('anyOf', () => {
    const values = generatesValid({ anyOf: [{ type: 'string', maxLength: 2 }, { type: 'integer', minimum: 10 }, { const: false }] });
    expect(new Set(values.map((v) => typeof v))).toEqual(new Set(['string', 'number', 'boolean']));
  });
});

describe('determinism', () => {
  it('the same seed gives the same values', () => {
    const reg = registryOf({
      't/d.schema.json': {
        type: 'object',
        properties: {
          at: { type: 'string', format: 'date-time' },
          n: { type: 'number', multipleOf: 0.01 },
          tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
          u: { oneOf: [{ type: 'integer', multipleOf: 2 }, { type: 'integer', multipleOf: 3 }] },
        },
      },
    });
    const a = fc.sample(arbitraryFor(reg, 't/d.schema.json', { unicode: true, extraProperties: true }), { seed: 42, numRuns: 50 });
    const b = fc.sample(arbitraryFor(reg, 't/d.schema.json', { unicode: true, extraProperties: true }), { seed: 42, numRuns: 50 });
    expect(a).toEqual(b);
    expect(fc.sample(arbitraryFor(reg, 't/d.schema.json'), { seed: 43, numRuns: 50 })).not.toEqual(a);
  });
});
