import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** sha256 over the files below `dir` (names and contents, in sorted order) whose names pass `keep`. */
export function hashTree(dir: string, keep: (name: string) => boolean = () => true): string {
  const hash = createHash('sha256');
  const walk = (d: string): void => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (keep(e.name)) {
        hash.update(relative(dir, p));
        hash.update('\0');
        hash.update(readFileSync(p));
        hash.update('\0');
      }
    }
  };
  walk(dir);
  return `sha256:${hash.digest('hex')}`;
}
