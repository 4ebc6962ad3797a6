import { readFileSync } from 'node:fs';
import { HookcertError, HookcertErrorCode } from '../errors.js';
import type { RunResults } from '../runner/results.js';
import type { CheckResult } from '../runner/types.js';
import { baselineComparison, runGate } from '../runner/verdict.js';

/** One known failure: the check id and why it is accepted for now. */
export interface BaselineEntry {
  id: string;
  reason: string;
}

/** The known failures a run is compared with (`--baseline FILE`). */
export interface Baseline {
  /** Where the baseline came from (the file as given). */
  source: string;
  entries: BaselineEntry[];
}

/** A check id as results.json and `hookcert list` spell it. */
const CHECK_ID = /^(MP|KK|SW)-[A-Z]{2,4}-\d{3}$/;

const bad = (source: string, what: string) =>
  new HookcertError(
    HookcertErrorCode.USAGE,
    `--baseline ${source}: ${what}; give a results.json, a JSON list [{ "id": "MP-SIG-002", "reason": "…" }], or a text file with one "MP-SIG-002 reason…" per line`,
  );

/**
 * Reads a baseline from `text`: a results.json (its failing and erroring checks are the known ones), a JSON
 * array of `{ id, reason }` (or of bare ids), or text with one `ID reason…` per line (`#` starts a comment).
 */
export function parseBaseline(text: string, source: string): Baseline {
  const trimmed = text.trim();
  let entries: BaselineEntry[];
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (err) {
      throw bad(source, `not valid JSON (${(err as Error).message.replace(/,? ".*" is not valid JSON$/s, '')})`);
    }
    entries = Array.isArray(json) ? fromList(json, source) : fromResults(json, source);
  } else {
    entries = trimmed
      .split(/\r?\n/)
      .map((line) => line.replace(/#.*$/, '').trim())
      .filter(Boolean)
      .map((line) => {
        const [id, ...rest] = line.split(/\s+/);
        return { id, reason: rest.join(' ') };
      });
  }
  for (const e of entries) if (!CHECK_ID.test(e.id)) throw bad(source, `"${e.id}" is not a check id (such as MP-SIG-002)`);
  return { source, entries };
}

function fromList(list: unknown[], source: string): BaselineEntry[] {
  return list.map((item) => {
    if (typeof item === 'string') return { id: item, reason: '' };
    if (item && typeof item === 'object' && typeof (item as BaselineEntry).id === 'string')
      return { id: (item as BaselineEntry).id, reason: String((item as BaselineEntry).reason ?? '') };
    throw bad(source, `an entry is neither an id nor { "id": …, "reason": … } (${JSON.stringify(item)?.slice(0, 60)})`);
  });
}

function fromResults(json: unknown, source: string): BaselineEntry[] {
  const checks = (json as Partial<RunResults>).checks;
  if (!Array.isArray(checks) || (json as Partial<RunResults>).tool?.name !== 'hookcert') throw bad(source, 'a JSON object that is not a hookcert results.json');
  return checks
    .filter((c) => c.status === 'fail' || c.status === 'error')
    .map((c) => ({ id: c.id, reason: c.failure?.message ?? c.reason ?? c.status }));
}

/** Reads the baseline file at `path`; a problem is a usage error that says what to fix. */
export function readBaseline(path: string): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new HookcertError(HookcertErrorCode.USAGE, `--baseline: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'}): check the path`);
  }
  return parseBaseline(text, path);
}

/**
 * Compares `results` with the baseline. A check that does not pass and is in the baseline is `known` (its
 * status stays; the gate ignores it); one that is not is `new`; a baseline check that now passes (or only
 * warns) is `fixed`. The verdict stays what the run judged (a certifier reads it); the gate passes when every
 * check that breaks the run is known, and an incomplete run's gate fails.
 */
export function applyBaseline(results: RunResults, baseline: Baseline): RunResults {
  const reasons = new Map(baseline.entries.map((e) => [e.id, e.reason]));
  const checks = results.checks.map((c): CheckResult => {
    const known = reasons.has(c.id);
    if (c.status === 'fail' || c.status === 'error') {
      return known ? { ...c, baseline: 'known', baselineReason: reasons.get(c.id) } : { ...c, baseline: 'new' };
    }
    if (known && (c.status === 'pass' || c.status === 'warn')) return { ...c, baseline: 'fixed', baselineReason: reasons.get(c.id) };
    return c;
  });
  const compared = baselineComparison(baseline.source, checks);
  return { ...results, checks, baseline: compared, gate: runGate({ ...results, checks, baseline: compared }) };
}
