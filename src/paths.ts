import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root: the nearest folder above this module that holds `package.json`.
 * Works from the TypeScript sources (tests) and from the compiled `dist/` alike.
 */
export const packageRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'schemas'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('hookcert: cannot find its package root (a folder with package.json and schemas/)');
    dir = up;
  }
})();

/** The folder of the JSON Schemas shipped with the package. */
export const schemasDir = join(packageRoot, 'schemas');

/** The schemas of one profile (`schemas/<profile>/`): what its runs generate from and judge against. */
export const profileSchemasDir = (profile: string): string => join(schemasDir, profile);
