import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registry, SCHEMA_BASE } from '../registry.js';
import { arbitraryFor } from './index.js';
import { assertAllValid, registryOf } from './testing.js';

const article = {
  type: 'object',
  additionalProperties: false,
  required: ['lineId', 'text'],
  properties: {
    lineId: { type: 'string', format: 'uuid' },
    articleNumber: { type: 'integer', minimum: 1, maximum: 9999 },
    text: { type: 'string', maxLength: 40 },
    priceIncl: { type: 'number', minimum: 0, maximum: 100, multipleOf: 0.01 },
    discount: { type: 'object', properties: { percentage: { type: 'number' } } },
  },
  examples: [
    { lineId: 'c686f63d-46a7-498e-b421-c72e5cb7136b', articleNumber: 1, text: 'Coffee', priceIncl: 2.5, discount: { percentage: 10 } },
    { lineId: 'c686f63d-46a7-498e-b421-c72e5cb7136b', articleNumber: 123456, text: 'out of range, left out' },
  ],
};
const reg = registryOf({ 't/line.schema.json': article, 't/text.schema.json': { type: 'string', examples: ['Coffee', 'Tour Ticket (Adult)', 7] } });
const sample = (name: string, options: Parameters<typeof arbitraryFor>[2], numRuns = 200) => fc.sample(arbitraryFor(reg, name, options), { seed: 3, numRuns });

describe('examples', () => {
  it('are ignored by default, and taken every time at probability 1 (a scalar as it is; those that do not fit left out)', () => {
    expect(sample('t/text.schema.json', {}).filter((v) => v === 'Coffee')).toHaveLength(0);
    expect(new Set(sample('t/text.schema.json', { examples: 1 }))).toEqual(new Set(['Coffee', 'Tour Ticket (Adult)']));
  });

  it('are mixed in at about their probability, the same values for the same seed', () => {
    const values = sample('t/text.schema.json', { examples: 0.25 }, 2000);
    const share = values.filter((v) => v === 'Coffee' || v === 'Tour Ticket (Adult)').length / values.length;
    expect(share).toBeGreaterThan(0.18);
    expect(share).toBeLessThan(0.32);
    expect(sample('t/text.schema.json', { examples: 0.25 }, 2000)).toEqual(values);
  });

  it('lay an object example’s scalars over a generated object: ids and nested objects stay generated, every value valid', () => {
    const values = sample('t/line.schema.json', { examples: 1 }) as Array<Record<string, unknown>>;
    for (const v of values) {
      expect(v).toMatchObject({ articleNumber: 1, text: 'Coffee', priceIncl: 2.5 });
      expect(v.discount).not.toEqual({ percentage: 10 });
    }
    expect(new Set(values.map((v) => v.lineId)).size).toBeGreaterThan(150);
    assertAllValid(reg, 't/line.schema.json', arbitraryFor(reg, 't/line.schema.json', { examples: 0.5 }));
  });

  it('take extra examples by schema location, partial ones too (the generated value supplies the rest)', () => {
    const extraExamples = { [`${SCHEMA_BASE}t/line.schema.json`]: [{ articleNumber: 42, text: 'Tour Ticket (Adult)' }] };
    const values = sample('t/line.schema.json', { examples: 1, extraExamples }) as Array<Record<string, unknown>>;
    expect(new Set(values.map((v) => v.articleNumber))).toEqual(new Set([1, 42]));
    assertAllValid(reg, 't/line.schema.json', arbitraryFor(reg, 't/line.schema.json', { examples: 0.5, extraExamples }));
  });

  it('refuses a probability outside [0, 1]', () => {
    expect(() => arbitraryFor(reg, 't/text.schema.json', { examples: 2 })).toThrow(/option examples must be within \[0, 1\]/);
  });
});

describe('the examples of the mplus schemas', () => {
  // Generation mixes them in: each must validate against the schema it is written in.
  const found: Array<[string, unknown]> = [];
  const walk = (node: unknown, at: string) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`));
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k === 'examples' && Array.isArray(v)) v.forEach((e) => found.push([at, e]));
      else if (!['enum', 'const', 'default'].includes(k)) walk(v, `${at}/${k}`);
    }
  };
  for (const [id, schema] of registry().schemas) if (id.includes('/mplus/')) walk(schema, `${id}#`);

  it.each(found.map(([at, e]) => [at, JSON.stringify(e).slice(0, 80), e]))('%s: %s', (at, _shown, example) => {
    const validate = registry().ajv.getSchema(at as string)!;
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
  });

  it('every mplus schema generates valid values with its examples mixed in', () => {
    for (const id of registry().schemas.keys()) if (id.includes('/mplus/')) assertAllValid(registry(), id, arbitraryFor(registry(), id, { examples: 0.5 }), 100);
  });
});
