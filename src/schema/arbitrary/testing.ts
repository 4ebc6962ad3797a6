/**
 * Helpers for the tests of this folder (no test-framework imports, so harmless in a build):
 * registries over throw-away schema folders, and "every generated value validates" checks.
 */
import * as fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SCHEMA_BASE, SchemaRegistry } from '../registry.js';

/**
 * A {@link SchemaRegistry} (the project's strict ajv + ajv-formats set-up) over `schemas`, written to a
 * temporary folder. Keys are paths below the schemas folder (`t/a.schema.json`); `$id` is set from the
 * key when missing, and `$schema` to draft 2020-12.
 */
export function registryOf(schemas: Record<string, object>): SchemaRegistry {
  const dir = mkdtempSync(join(tmpdir(), 'hookcert-arb-'));
  for (const [name, schema] of Object.entries(schemas)) {
    const file = join(dir, name);
    mkdirSync(dirname(file), { recursive: true });
    const full = { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: SCHEMA_BASE + name, ...schema };
    writeFileSync(file, JSON.stringify(full));
  }
  try {
    return new SchemaRegistry(dir); // reads every file up front
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Asserts (fast-check) that `numRuns` values of `arb` validate against `id`, printing ajv's errors otherwise. */
export function assertAllValid(registry: SchemaRegistry, id: string, arb: fc.Arbitrary<unknown>, numRuns = 300, seed = 42): void {
  fc.assert(
    fc.property(arb, (value) => {
      const issues = registry.validate(id, value);
      if (issues.length > 0)
        throw new Error(`invalid against ${registry.id(id)}:\n  ${issues.map((i) => `${i.message} [${i.schemaPath}]`).join('\n  ')}\nvalue: ${JSON.stringify(value)}`);
    }),
    { numRuns, seed },
  );
}
