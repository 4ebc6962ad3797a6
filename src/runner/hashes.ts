import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** JSON with every object's keys sorted, so the same schemas give the same bytes however they were written. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  return value;
}

/**
 * The integrator's event types (standard-webhooks `eventTypes`: type → JSON Schema of its `data`) as the one
 * file a bundle holds them in (`schemas/event-types.json`): pretty JSON with sorted keys.
 */
export function eventTypesFile(types: Record<string, unknown>): Buffer {
  return Buffer.from(`${JSON.stringify(canonical(types), null, 2)}\n`, 'utf8');
}

/** sha256 of {@link eventTypesFile}: `results.hashes.eventTypes`, what the run generated its payloads from. */
export function hashEventTypes(types: Record<string, unknown>): string {
  return `sha256:${createHash('sha256').update(eventTypesFile(types)).digest('hex')}`;
}

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
