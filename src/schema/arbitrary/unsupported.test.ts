import { describe, expect, it } from 'vitest';
import { SCHEMA_BASE } from '../registry.js';
import { arbitraryFor, compileArbitrary, UnsupportedSchemaError } from './index.js';
import { registryOf } from './testing.js';

const DIALOG = `${SCHEMA_BASE}mplus/reply/dialog.schema.json`;

/** A dialog schema with `bad` as the items schema of dialogOptions. */
function dialogWith(bad: object): object {
  return {
    type: 'object',
    properties: { dialogOptions: { type: 'array', items: bad }, title: { type: 'string' } },
  };
}

function compileError(schema: object): UnsupportedSchemaError {
  try {
    compileArbitrary({ $id: DIALOG, ...schema }, () => {
      throw new Error('no other documents');
    });
  } catch (e) {
    expect(e).toBeInstanceOf(UnsupportedSchemaError);
    return e as UnsupportedSchemaError;
  }
  throw new Error('compiled without error');
}

describe('UnsupportedSchemaError', () => {
  it.each([
    ['allOf', { allOf: [{ type: 'string' }] }],
    ['not', { not: { type: 'string' } }],
    ['if', { if: { type: 'string' }, then: { minLength: 1 } }],
    ['then', { then: { minLength: 1 } }],
    ['else', { else: { minLength: 1 } }],
    ['patternProperties', { type: 'object', patternProperties: { '^x': { type: 'string' } } }],
    ['dependentRequired', { type: 'object', dependentRequired: { a: ['b'] } }],
    ['dependentSchemas', { type: 'object', dependentSchemas: { a: { required: ['b'] } } }],
    ['unevaluatedProperties', { type: 'object', unevaluatedProperties: false }],
    ['unevaluatedItems', { type: 'array', unevaluatedItems: false }],
    ['contains', { type: 'array', contains: { const: 1 } }],
    ['minContains', { type: 'array', minContains: 1 }],
    ['prefixItems', { type: 'array', prefixItems: [{ type: 'string' }] }],
    ['propertyNames', { type: 'object', propertyNames: { maxLength: 3 } }],
    ['minProperties', { type: 'object', minProperties: 1 }],
    ['maxProperties', { type: 'object', maxProperties: 1 }],
    ['$anchor', { $anchor: 'x' }],
    ['$dynamicRef', { $dynamicRef: '#x' }],
    ['contentEncoding', { type: 'string', contentEncoding: 'base64' }],
    ['nullable', { type: 'string', nullable: true }],
    ['additionalProperties', { type: 'object', additionalProperties: { type: 'string' } }],
    ['format', { type: 'string', format: 'ipv4' }],
    ['items', { type: 'array', items: [{ type: 'string' }] }],
  ])('%s names the keyword and the schema path', (keyword, bad) => {
    const error = compileError(dialogWith(bad));
    expect(error.keyword).toBe(keyword);
    expect(error.schemaPath).toBe(`${DIALOG}#/properties/dialogOptions/items`);
    expect(error.message).toContain(`${DIALOG}#/properties/dialogOptions/items`);
    expect(error.message).toContain(keyword);
  });

  it('is raised at compile time, also deep inside referenced documents', () => {
    const reg = registryOf({
      'mplus/reply/dialog.schema.json': { type: 'object', properties: { line: { $ref: '../common/line.schema.json' } } },
      'mplus/common/line.schema.json': { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' }, contains: { const: 'x' } } } },
    });
    expect(() => arbitraryFor(reg, 'mplus/reply/dialog.schema.json')).toThrow(
      expect.objectContaining({ keyword: 'contains', schemaPath: `${SCHEMA_BASE}mplus/common/line.schema.json#/properties/tags` }),
    );
  });

  it('unsatisfiable constraints are refused at compile time', () => {
    expect(compileError({ type: 'string', minLength: 5, maxLength: 2 }).keyword).toBe('minLength');
    expect(compileError({ type: 'integer', minimum: 3, maximum: 2 }).keyword).toBe('minimum');
    expect(compileError({ type: 'string', pattern: '^a\\bb$' }).keyword).toBe('pattern');
    expect(compileError({ oneOf: [false, false] }).keyword).toBe('oneOf');
    expect(compileError({ $ref: '#/$defs/missing' }).keyword).toBe('$ref');
    expect(compileError({ $ref: '#anchor' }).keyword).toBe('$ref');
  });

  it('annotations are accepted and ignored', () => {
    expect(() =>
      compileArbitrary(
        {
          $schema: 'https://json-schema.org/draft/2020-12/schema',
          $id: DIALOG,
          $comment: 'c',
          title: 't',
          description: 'd',
          examples: [1],
          default: 1,
          deprecated: false,
          readOnly: true,
          writeOnly: false,
          type: 'integer',
        },
        () => ({}),
      ),
    ).not.toThrow();
  });
});
