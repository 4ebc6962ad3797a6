import type { CheckDefinition } from '../runner/check.js';
import type { CheckContext } from '../runner/context.js';
import { verdictGateText } from '../runner/verdict.js';
import { causeLine, type RootCause } from '../runner/diagnosis.js';
import type { RunResults } from '../runner/results.js';
import type { RunListener } from '../runner/run.js';
import type { CheckResult, CheckStatus } from '../runner/types.js';
import { redact, type Secret } from '../secret.js';
import { block, countsText, detailLines, fit, seconds, skipsLine } from './console-text.js';
import { coverageLines } from './coverage.js';
import { plural } from '../words.js';

/** Where console output goes and how it looks. */
export interface ConsoleOptions {
  write: (text: string) => void;
  /** A live progress bar (a terminal, not CI). */
  progress: boolean;
  color: boolean;
  secrets: readonly Secret[];
  /** Print every check, not only those that did not pass (on a terminal; plain output prints a line for each). */
  verbose?: boolean;
  /** The terminal's width: the bar and the check lines fit it. @defaultValue 100 */
  columns?: number;
}

const MARK: Record<CheckStatus, string> = { pass: '✓', fail: '✗', warn: '!', skip: '-', error: 'E' };
const COLOR: Record<CheckStatus, number> = { pass: 32, fail: 31, warn: 33, skip: 90, error: 35 };

/** Decides the console style from the environment: `CI=true` or no TTY → plain lines; `NO_COLOR` → no colour. */
export function consoleStyle(env: NodeJS.ProcessEnv, isTTY: boolean): { progress: boolean; color: boolean } {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return { progress: isTTY && !ci, color: isTTY && !ci && (env.NO_COLOR === undefined || env.NO_COLOR === '') };
}

/** The longest plain output (CI) stays silent: CI systems kill jobs that print nothing for a while. */
export const HEARTBEAT_MS = 10_000;
/** How often the terminal's bar is redrawn, so its clock moves. */
const TICK_MS = 1_000;

/**
 * The console reporter. In CI (or without a terminal) one line per finished check — verdict, id, time, and
 * for one that did not pass its title and an indented block of what it found — and a heartbeat line whenever
 * nothing was printed for {@link HEARTBEAT_MS}. On a terminal, a bar that fits the width with the elapsed time,
 * an estimate, the running fail/warn counts and the checks in flight, and above it the checks that did not pass.
 * At the end: the counts, the skips in one line, the coverage, the verdict and where the report is.
 */
export class ConsoleReporter implements RunListener {
  private total = 0;
  private done = 0;
  private readonly counts: Record<CheckStatus, number> = { pass: 0, fail: 0, warn: 0, skip: 0, error: 0 };
  private readonly inFlight = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private readonly started = Date.now();
  private lastOutput = Date.now();
  private barShown = false;

  constructor(private readonly opts: ConsoleOptions) {}

  private get width(): number {
    return Math.max(40, this.opts.columns ?? 100);
  }

  private out(text: string): void {
    this.lastOutput = Date.now();
    this.opts.write(redact(text, this.opts.secrets));
  }

  private paint(status: CheckStatus, text: string): string {
    return this.opts.color ? `\x1b[${COLOR[status]}m${text}\x1b[0m` : text;
  }

  /** Prints lines above the bar (the bar is cleared, then drawn again). */
  private say(lines: string[]): void {
    if (this.barShown) this.out('\r\x1b[2K');
    this.out(`${lines.join('\n')}\n`);
    if (this.opts.progress) this.bar();
  }

  planned(checks: CheckDefinition<CheckContext>[]): void {
    this.total = checks.length;
    if (this.timer) return;
    this.timer = this.opts.progress
      ? setInterval(() => this.bar(), TICK_MS)
      : setInterval(() => {
          if (Date.now() - this.lastOutput >= HEARTBEAT_MS - TICK_MS) this.out(`  … ${this.progressLine()}\n`);
        }, TICK_MS);
    this.timer.unref();
  }

  /** A cause found before the checks, said first (the run stops there unless it was asked to go on). */
  rootCause(cause: RootCause): void {
    this.say([`hookcert: ${causeLine(cause)}`, `  ${cause.stopped === false ? 'running every check anyway' : 'stopping here: every check would fail the same way (--keep-going runs them anyway)'}`]);
  }

  checkStarted(def: CheckDefinition<CheckContext>): void {
    this.inFlight.set(def.id, Date.now());
    if (this.opts.progress) this.bar();
  }

  checkDone(r: CheckResult): void {
    this.done++;
    this.counts[r.status]++;
    this.inFlight.delete(r.id);
    const notable = r.status === 'fail' || r.status === 'error' || r.status === 'warn';
    if (this.opts.progress && !notable && !this.opts.verbose) return this.bar();
    this.say(this.lines(r, notable));
  }

  /** `✗ fail  MP-SIG-002  0.3 s  MUST reject …`, and for one that did not pass, its findings indented below. */
  private lines(r: CheckResult, notable: boolean): string[] {
    const mark = `${MARK[r.status]} ${r.status.padEnd(5)}`;
    const plain = `  ${mark} ${r.id.padEnd(10)} ${seconds(r.durationMs).padStart(7)}${notable ? `  ${r.title}` : ''}`;
    const width = this.opts.progress ? this.width : undefined;
    const head = (width ? fit(plain, width) : plain).replace(mark, this.paint(r.status, mark));
    return notable ? [head, ...detailLines(r).flatMap((d) => block(d, '      ', width))] : [head];
  }

  /** `31/47 checks · 1 fail, 2 warn · 1 min 2 s · about 40 s left · running MP-ROB-001 (40 s), MP-SES-001 +3`. */
  private progressLine(): string {
    const elapsed = Date.now() - this.started;
    const parts = [`${this.done}/${plural(this.total, 'check')}`];
    // The counts first: on a narrow terminal they are what is left when the line is cut.
    const counts = countsText(this.counts);
    if (counts) parts.push(counts);
    parts.push(seconds(elapsed));
    if (this.done >= 2 && this.done < this.total) parts.push(`about ${seconds((elapsed / this.done) * (this.total - this.done))} left`);
    const running = [...this.inFlight.entries()].sort((a, b) => a[1] - b[1]);
    if (running.length > 0) {
      const [first, since] = running[0];
      parts.push(`running ${first} (${seconds(Date.now() - since)})${running.length > 1 ? ` +${running.length - 1}` : ''}`);
    }
    return parts.join(' · ');
  }

  private bar(): void {
    if (!this.opts.progress) return;
    const size = Math.min(24, Math.max(8, Math.floor(this.width / 6)));
    const filled = this.total ? Math.round((this.done / this.total) * size) : 0;
    this.barShown = true;
    this.opts.write(`\r\x1b[2K${fit(`[${'#'.repeat(filled)}${'.'.repeat(size - filled)}] ${this.progressLine()}`, this.width - 1)}`);
  }

  /** The closing lines: counts, the skips in one line, what failed, coverage, verdict, where the report is. */
  finish(results: RunResults, reportDir?: string): void {
    clearInterval(this.timer);
    if (this.barShown) this.out('\r\x1b[2K');
    this.barShown = false;
    const s = results.summary;
    const status: CheckStatus = results.verdict === 'conformant' ? 'pass' : results.verdict === 'incomplete' ? 'warn' : 'fail';
    const lines = [''];
    const cause = results.rootCause;
    if (cause) lines.push(`root cause: ${causeLine(cause)}`);
    if (cause?.stopped) {
      // Nothing was judged: the cause is the whole story (the coverage would only say that nothing was reached).
      lines.push(`0 of ${plural(s.total, 'check')} run: stopped before the checks after ${plural(results.stats.requests, 'request')} (--keep-going runs them anyway)`);
    } else {
      lines.push(`${plural(s.total, 'check')}: ${s.pass} pass, ${s.fail} fail, ${s.warn} warn, ${s.skip} skip, ${s.error} error · ${plural(results.stats.requests, 'request')} · ${seconds(results.durationMs)}`);
      const skips = skipsLine(results.checks, reportDir ? 'why is in the report' : 'why is in results.json');
      if (skips) lines.push(skips);
      const broken = results.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => c.id);
      if (broken.length > 0) lines.push(`did not pass: ${broken.join(', ')}`);
      if (results.incompleteReason) lines.push(`incomplete: ${results.incompleteReason}`);
      if (results.coverage) lines.push(...coverageLines(results.coverage, { unexercised: false, events: this.opts.verbose === true }));
    }
    if (results.baseline) lines.push(...baselineLines(results.baseline).trimEnd().split('\n'));
    // The verdict (what a certifier reads) and the gate (what CI decides, after the baseline), side by side.
    const said = verdictGateText(results, results.coverage?.notCertified);
    lines.push(`verdict: ${this.paint(status, said.verdict)} · gate: ${this.paint(results.gate.passed ? 'pass' : 'fail', said.gate)} (seed ${results.seed})`);
    // On a terminal the closing lines fit its width too (the coverage rows run to 180 characters); the report's
    // path stays whole, so a terminal can still open it.
    const shown = this.opts.progress ? lines.flatMap((l) => wrapped(l, this.width)) : lines;
    if (reportDir) shown.push(`report: ${reportDir}/index.html`);
    this.out(`${shown.join('\n')}\n`);
  }
}

/** `line` in lines of at most `width` characters, wrapped at spaces; what follows the first line goes 4 deeper. */
function wrapped(line: string, width: number): string[] {
  if ([...line].length <= width) return [line];
  const indent = /^ */.exec(line)![0];
  const [first, ...rest] = block(line.slice(indent.length), indent, width);
  if (rest.length === 0) return [first];
  return [first, ...block(rest.map((l) => l.slice(indent.length)).join(' '), `${indent}    `, width)];
}

/** The baseline comparison in words: what is known, what is new, what was fixed (and should leave the baseline). */
export function baselineLines(b: NonNullable<RunResults['baseline']>): string {
  const lines = [`baseline ${b.source}: ${b.known.length} known, ${b.new.length} new, ${b.fixed.length} fixed`];
  if (b.known.length > 0) lines.push(`  known failures (the gate ignores them, the verdict does not): ${b.known.join(', ')}`);
  if (b.new.length > 0) lines.push(`  new failures: ${b.new.join(', ')}`);
  if (b.fixed.length > 0) lines.push(`  fixed (remove them from the baseline): ${b.fixed.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
