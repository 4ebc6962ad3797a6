import type { CheckResult, CheckStatus } from '../runner/types.js';
import { plural } from '../words.js';

/** Text helpers of the console reporter: durations, widths, indented blocks, the grouped skips. */

/** `0.4 s`, `12 s`, `2 min 5 s`. */
export function seconds(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return s < 100 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** `text` cut to `width` characters (code points), with `…` where it was cut. */
export function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(1, width - 1)).join('')}…`;
}

/**
 * `text` as an indented block: every line of it (a flow failure's transcript has many) starts with `indent`,
 * and with a width, long lines wrap at spaces under the same indent. Nothing ever lands at column 0.
 */
export function block(text: string, indent: string, width?: number): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!width || indent.length + line.length <= width) {
      out.push(indent + line);
      continue;
    }
    let rest = line;
    const room = Math.max(20, width - indent.length);
    while (rest.length > room) {
      const cut = rest.lastIndexOf(' ', room);
      const at = cut > room / 2 ? cut : room;
      out.push(indent + rest.slice(0, at));
      rest = rest.slice(at).replace(/^ /, '');
    }
    out.push(indent + rest);
  }
  return out;
}

/** What a check that did not pass says, line by line: the failure, expected / received, other kinds, reason, warnings. */
export function detailLines(r: CheckResult): string[] {
  const out: string[] = [];
  if (r.failure) {
    out.push(r.failure.message);
    if (r.failure.expected) out.push(`expected: ${r.failure.expected}`);
    if (r.failure.received) out.push(`received: ${r.failure.received}`);
    for (const o of r.failure.counterexamples ?? []) out.push(`also fails for ${o.kind}: ${o.message}`);
  }
  if (r.reason && r.status !== 'skip') out.push(r.reason);
  out.push(...r.warnings);
  if (r.status === 'fail' || r.status === 'error' || r.status === 'warn') out.push(`replay: ${r.replay}`);
  return out;
}

/** The skipped checks in one line: `5 skipped: MP-DLG-001, MP-DLG-002, …; why is in the report`. */
export function skipsLine(checks: readonly CheckResult[], reportHint: string): string | undefined {
  const skipped = checks.filter((c) => c.status === 'skip');
  if (skipped.length === 0) return undefined;
  const ids = skipped.map((c) => c.id);
  const shown = ids.length > 12 ? `${ids.slice(0, 12).join(', ')} and ${ids.length - 12} more` : ids.join(', ');
  const notExercised = skipped.filter((c) => c.reason?.startsWith('not exercised:')).length;
  const why = notExercised === skipped.length ? 'not exercised' : notExercised > 0 ? `${notExercised} not exercised` : undefined;
  return `${plural(skipped.length, 'check')} skipped${why ? ` (${why})` : ''}: ${shown}; ${reportHint}`;
}

/** The counts in words, only those that happened: `3 fail, 1 warn`. */
export function countsText(t: Partial<Record<CheckStatus, number>>, order: CheckStatus[] = ['fail', 'error', 'warn']): string {
  return order.filter((k) => (t[k] ?? 0) > 0).map((k) => `${t[k]} ${k}`).join(', ');
}
