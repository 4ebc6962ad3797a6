import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importDefaults } from '../modules.js';
import type { CheckDefinition } from './check.js';
import type { CheckContext } from './context.js';
import type { ProfileName } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The folder of a profile's checks: `suites/<profile>` beside `src/` (or `dist/suites` beside `dist/src`). */
export function suitesDir(profile: ProfileName): string {
  return join(here, '..', '..', 'suites', profile);
}

/** Every check of `profile`, one per file below `suites/<profile>/`, sorted by id. Duplicate ids are refused. */
export async function loadChecks(profile: ProfileName): Promise<CheckDefinition<CheckContext>[]> {
  const seen = new Map<string, string>();
  const checks: CheckDefinition<CheckContext>[] = [];
  for (const { file, value } of await importDefaults<CheckDefinition<CheckContext>>(suitesDir(profile))) {
    if (typeof value.run !== 'function') continue;
    if (seen.has(value.id)) throw new Error(`hookcert: check id ${value.id} is declared twice (${seen.get(value.id)} and ${file})`);
    seen.set(value.id, file);
    checks.push(value);
  }
  return checks.sort((a, b) => a.id.localeCompare(b.id));
}
