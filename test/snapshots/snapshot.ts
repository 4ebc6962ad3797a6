import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The frozen snapshots of the suite (kill matrices, check ids): where they live, whether this run writes them,
 * and the command that does (named in every failure message).
 */

export const SNAPSHOT_DIR = dirname(fileURLToPath(import.meta.url));

/** The command that regenerates the snapshots; failure messages name it. */
export const REGENERATE = 'npm run snapshots';

/** True when the run regenerates the snapshots (`npm run snapshots` sets `HOOKCERT_SNAPSHOTS=write`). */
export const WRITING = process.env.HOOKCERT_SNAPSHOTS === 'write';

/** The snapshot file `name` (below test/snapshots/), parsed; `undefined` when it does not exist yet. */
export function readSnapshot<T>(name: string): T | undefined {
  const path = join(SNAPSHOT_DIR, name);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
}

/** Writes the snapshot file `name` with `text` (already formatted, one entry a line for readable diffs). */
export function writeSnapshot(name: string, text: string): void {
  writeFileSync(join(SNAPSHOT_DIR, name), text.endsWith('\n') ? text : `${text}\n`);
}

/** A JSON object with one key per line (each value compact), so a diff shows exactly which entries moved. */
export function linePerKey(header: Record<string, unknown>, key: string, entries: Record<string, unknown>): string {
  const head = Object.entries(header).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const names = Object.keys(entries).sort();
  const body = names.map((n, i) => `    ${JSON.stringify(n)}: ${JSON.stringify(entries[n])}${i < names.length - 1 ? ',' : ''}`);
  return ['{', ...head, `  ${JSON.stringify(key)}: {`, ...body, '  }', '}'].join('\n');
}
