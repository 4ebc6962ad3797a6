import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HookcertError, HookcertErrorCode } from '../errors.js';
import { importDefaults } from '../modules.js';
import type { ProfileName } from '../runner/types.js';
import { suggest } from '../suggest.js';
import type { Mutant } from './mutant.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Every mutant of `profile`, one per file below `src/reference/<profile>/mutants/`, sorted by name. */
export async function loadMutants(profile: ProfileName): Promise<Mutant[]> {
  const found = await importDefaults<Mutant>(join(here, profile, 'mutants'));
  return found.map((f) => f.value).sort((a, b) => a.name.localeCompare(b.name));
}

/** The mutant called `name`; an unknown name is a usage error that lists the near ones. */
export async function findMutant(profile: ProfileName, name: string): Promise<Mutant> {
  const all = await loadMutants(profile);
  const m = all.find((x) => x.name === name);
  if (!m)
    throw new HookcertError(
      HookcertErrorCode.UNKNOWN_MUTANT,
      `no ${profile} mutant "${name}"${suggest(name, all.map((x) => x.name))}; \`hookcert list-mutants --profile ${profile}\` lists them`,
    );
  return m;
}
