import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Running from TypeScript sources (tests) or from compiled JavaScript. */
const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

/**
 * The default exports of every module below `dir` (recursively, sorted by path), skipping tests and type
 * declarations: how checks (`suites/`) and mutants (`src/reference/<profile>/mutants/`) are found.
 */
export async function importDefaults<T>(dir: string): Promise<Array<{ file: string; value: T }>> {
  const files = listFiles(dir).filter((f) => f.endsWith(ext) && !f.endsWith(`.test${ext}`) && !f.endsWith('.d.ts'));
  const out: Array<{ file: string; value: T }> = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(file).href)) as { default?: T };
    if (mod.default !== undefined) out.push({ file, value: mod.default });
  }
  return out;
}

function listFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}
