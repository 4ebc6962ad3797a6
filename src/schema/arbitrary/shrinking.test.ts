import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryFor } from './index.js';
import { registryOf } from './testing.js';

const reg = registryOf({
  't/session.schema.json': {
    type: 'object',
    required: ['id', 'lines'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', format: 'uuid' },
      lines: { type: 'array', items: { $ref: 'line.schema.json' }, maxItems: 500 },
    },
  },
  't/line.schema.json': {
    type: 'object',
    required: ['lineId', 'articleNumber', 'quantity', 'price'],
    additionalProperties: false,
    properties: {
      lineId: { type: 'string', format: 'uuid' },
      articleNumber: { type: 'integer', minimum: 1 },
      text: { type: 'string', maxLength: 40 },
      quantity: { type: 'number', multipleOf: 0.001, exclusiveMinimum: 0, maximum: 1000 },
      price: { type: 'number', multipleOf: 0.01 },
      kind: { enum: ['article', 'discount', 'deposit'] },
      modifiers: { type: 'array', items: { type: 'string', pattern: '^[A-Z]{2}\\d$' } },
    },
  },
});

type Session = { id: string; lines: Record<string, unknown>[] };

describe('shrinking', () => {
  it('a session with too many lines shrinks to exactly 21 minimal lines', () => {
    const arb = arbitraryFor(reg, 't/session.schema.json', { sizes: { '/lines': { minItems: 0, maxItems: 400 } } });
    const property = fc.property(arb, (s) => (s as Session).lines.length <= 20);
    expect(() => fc.assert(property, { seed: 42 })).toThrow(/Counterexample/);
    const run = fc.check(property, { seed: 42 });
    expect(run.failed).toBe(true);
    const [counterexample] = run.counterexample! as [Session];
    expect(counterexample.lines).toHaveLength(21);
    expect(reg.validate('t/session.schema.json', counterexample)).toEqual([]);
    // optional properties are shrunk away, numbers towards 0 / their bound
    expect(counterexample.lines.every((l) => Object.keys(l).join() === 'lineId,articleNumber,quantity,price')).toBe(true);
    expect(counterexample.lines[0]).toMatchObject({ articleNumber: 1, price: 0 });
  });

  it('the failure replays from its seed and path', () => {
    const arb = arbitraryFor(reg, 't/session.schema.json', { sizes: { '/lines': { minItems: 0, maxItems: 400 } } });
    const property = fc.property(arb, (s) => (s as Session).lines.length <= 20);
    const first = fc.check(property, { seed: 7 });
    const replay = fc.check(property, { seed: 7, path: first.counterexamplePath! });
    expect(replay.counterexample).toEqual(first.counterexample);
  });
});
