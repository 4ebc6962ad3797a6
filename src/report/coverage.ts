import type { Coverage, FlowCoverage } from '../runner/coverage.js';

/**
 * The coverage table in plain text, for the console and junit.xml: the exploration in one line, a row per
 * flow (reached or not, by which request, how often; what to configure when not), a row per event, and the
 * checks that were not exercised. The same data as results.json's `coverage`.
 */

/** The exploration phase in one line. */
export function explorationLine(c: Coverage): string | undefined {
  const e = c.exploration;
  if (!e) return undefined;
  const ended = { complete: 'complete', requests: 'stopped at its request bound', time: 'stopped at its time bound', unanswered: 'stopped: requests in a row got no complete reply', stopped: 'cut off: the run stopped', error: `crashed: ${e.error ?? ''}` }[e.ended];
  return `exploration: ${e.requests} requests in ${(e.durationMs / 1000).toFixed(1)} s (bounds ${e.limits.requests} requests, ${(e.limits.ms / 1000).toFixed(0)} s; ${ended}) · tried ${e.tried.catalogue} catalogue, ${e.tried.vocabulary} vocabulary, ${e.tried.generated} generated, ${e.tried.steered} steered`;
}

/** How a flow was reached, in words: `12× on addSessionLine, scanCode; first: exploration, addSessionLine #231`. */
export function reachedText(f: FlowCoverage): string {
  if (!f.reached) return `not reached: ${f.hint ?? ''}`;
  return `${f.count}× on ${f.events.join(', ')}${f.by ? `; first: ${f.by.source}, ${f.by.event} #${f.by.seq}` : ''}`;
}

/** The reply objects of an event in words: `dialog 3, lineChanges 1`. */
export function objectsText(objects: Record<string, number>): string {
  return Object.entries(objects)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

/** What {@link coverageLines} leaves out: the console says the skips in one line of its own. */
export interface CoverageLineOptions {
  /** A line per check not exercised. @defaultValue true */
  unexercised?: boolean;
  /** The requests and replies per event. @defaultValue true */
  events?: boolean;
}

/** The whole table as lines of text; none when there is nothing to put under its heading. */
export function coverageLines(c: Coverage, opts: CoverageLineOptions = {}): string[] {
  const lines = ['coverage:'];
  const ex = explorationLine(c);
  if (ex) lines.push(`  ${ex}`);
  const width = Math.max(4, ...c.flows.map((f) => f.flow.length));
  for (const f of c.flows) lines.push(`  ${f.reached ? '✓' : '-'} ${f.flow.padEnd(width)}  ${reachedText(f)}`);
  if (opts.events !== false && c.events.length > 0) lines.push('  events (requests sent / replies with a body):', ...wrap(c.events.map((e) => `${e.event} ${e.requests}/${e.nonEmpty}`), '    ', 110));
  if (opts.unexercised !== false) for (const u of c.unexercised) lines.push(`  not exercised: ${u.id} (${u.level}): ${u.reason.replace(/^not exercised:\s*/, '')}`);
  for (const n of c.notes) lines.push(`  note: ${n}`);
  // Nothing under the heading (a profile without flows, its events not asked for): no heading either.
  return lines.length > 1 ? lines : [];
}

/** `words` joined with ` · `, in lines of at most `width` characters, each starting with `indent`. */
function wrap(words: readonly string[], indent: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && indent.length + line.length + 3 + w.length > width) {
      out.push(indent + line);
      line = '';
    }
    line = line ? `${line} · ${w}` : w;
  }
  if (line) out.push(indent + line);
  return out;
}
