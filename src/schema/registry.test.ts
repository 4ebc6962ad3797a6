import { describe, expect, it } from 'vitest';
import { registry } from './registry.js';

describe('SchemaRegistry', () => {
  it('loads every schema under schemas/ and checks formats', () => {
    const r = registry();
    expect(r.schemas.size).toBeGreaterThan(0);
    const [id] = [...r.schemas.keys()];
    expect(() => r.validator(id)).not.toThrow();
  });
});
