import type { CheckDefinition } from '../runner/check.js';
import type { CheckContext } from '../runner/context.js';
import type { RunListener } from '../runner/run.js';
import { verdictLine } from '../runner/coverage.js';
import type { RunResults } from '../runner/results.js';
import { coverageLines } from './coverage.js';
import type { CheckResult, CheckStatus } from '../runner/types.js';
import { redact, type Secret } from '../secret.js';

/** Where console output goes and how it looks. */
export interface ConsoleOptions {
  write: (text: string) => void;
  /** A live progress bar (a terminal, not CI). */
  progress: boolean;
  color: boolean;
  secrets: readonly Secret[];
  /** Print every check, not only those that did not pass. */
  verbose?: boolean;
}

const MARK: Record<CheckStatus, string> = { pass: '✓', fail: '✗', warn: '!', skip: '-', error: 'E' };
const COLOR: Record<CheckStatus, number> = { pass: 32, fail: 31, warn: 33, skip: 90, error: 35 };

/** Decides the console style from the environment: `CI=true` or no TTY → plain lines; `NO_COLOR` → no colour. */
export function consoleStyle(env: NodeJS.ProcessEnv, isTTY: boolean): { progress: boolean; color: boolean } {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return { progress: isTTY && !ci, color: isTTY && !ci && (env.NO_COLOR === undefined || env.NO_COLOR === '') };
}

/** How often plain output (CI) says what is still running when nothing else was printed. */
const HEARTBEAT_MS = 15_000;

/**
 * The console reporter: progress while the run goes (on a terminal, a bar with the checks in flight; in CI, a
 * line with them whenever nothing was printed for a while), then the checks that did not pass and the verdict.
 */
export class ConsoleReporter implements RunListener {
  private total = 0;
  private done = 0;
  private readonly inFlight = new Set<string>();
  private heartbeat?: NodeJS.Timeout;
  private readonly started = Date.now();
  private lastOutput = Date.now();

  constructor(private readonly opts: ConsoleOptions) {}

  private out(text: string): void {
    this.lastOutput = Date.now();
    this.opts.write(redact(text, this.opts.secrets));
  }

  private paint(status: CheckStatus, text: string): string {
    return this.opts.color ? `\x1b[${COLOR[status]}m${text}\x1b[0m` : text;
  }

  planned(checks: CheckDefinition<CheckContext>[]): void {
    this.total = checks.length;
    if (!this.opts.progress && !this.heartbeat) {
      this.heartbeat = setInterval(() => {
        if (Date.now() - this.lastOutput >= HEARTBEAT_MS && this.inFlight.size > 0) this.out(`  … ${this.progressLine()}\n`);
      }, HEARTBEAT_MS / 3);
      this.heartbeat.unref();
    }
  }

  checkStarted(def: CheckDefinition<CheckContext>): void {
    this.inFlight.add(def.id);
    if (this.opts.progress) this.bar();
  }

  checkDone(r: CheckResult): void {
    this.done++;
    this.inFlight.delete(r.id);
    if (this.opts.progress) this.out('\r\x1b[2K');
    if (r.status !== 'pass' || this.opts.verbose) this.out(`${this.line(r)}\n`);
    if (this.opts.progress) this.bar();
  }

  /** `31/47 judged · 52 s · in flight: MP-ROB-001, MP-SES-001 (+3)`. */
  private progressLine(): string {
    const ids = [...this.inFlight];
    const shown = ids.slice(0, 4).join(', ') + (ids.length > 4 ? ` (+${ids.length - 4})` : '');
    return `${this.done}/${this.total} judged · ${Math.round((Date.now() - this.started) / 1000)} s${ids.length > 0 ? ` · in flight: ${shown}` : ''}`;
  }

  private bar(): void {
    const width = 24;
    const filled = this.total ? Math.round((this.done / this.total) * width) : 0;
    this.out(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.progressLine()}`);
  }

  private line(r: CheckResult): string {
    const head = `  ${this.paint(r.status, `${MARK[r.status]} ${r.status.padEnd(5)}`)} ${r.id} ${r.title} (${r.durationMs} ms)`;
    const detail: string[] = [];
    if (r.failure) {
      detail.push(r.failure.message);
      if (r.failure.expected) detail.push(`expected: ${r.failure.expected}`);
      if (r.failure.received) detail.push(`received: ${r.failure.received}`);
      for (const o of r.failure.counterexamples ?? []) detail.push(`also fails for ${o.kind}: ${o.message}`);
    }
    if (r.reason) detail.push(r.reason);
    detail.push(...r.warnings);
    if (r.status === 'fail' || r.status === 'error' || r.status === 'warn') detail.push(`replay: ${r.replay}`);
    return [head, ...detail.map((d) => `      ${d}`)].join('\n');
  }

  /** The closing lines: counts, verdict, where the report is. */
  finish(results: RunResults, reportDir?: string): void {
    clearInterval(this.heartbeat);
    if (this.opts.progress) this.out('\r\x1b[2K');
    const s = results.summary;
    const status: CheckStatus = results.verdict === 'conformant' ? 'pass' : results.verdict === 'incomplete' ? 'warn' : 'fail';
    this.out(`\n${s.total} checks: ${s.pass} pass, ${s.fail} fail, ${s.warn} warn, ${s.skip} skip, ${s.error} error · ${results.stats.requests} requests · ${(results.durationMs / 1000).toFixed(1)} s\n`);
    if (results.incompleteReason) this.out(`incomplete: ${results.incompleteReason}\n`);
    if (results.coverage) this.out(`${coverageLines(results.coverage).join('\n')}\n`);
    if (results.baseline) this.out(baselineLines(results.baseline));
    this.out(`verdict: ${this.paint(status, verdictLine(results.verdict, results.coverage))} (seed ${results.seed})\n`);
    if (reportDir) this.out(`report: ${reportDir}/index.html\n`);
  }
}

/** The baseline comparison in words: what is known, what is new, what was fixed (and should leave the baseline). */
export function baselineLines(b: NonNullable<RunResults['baseline']>): string {
  const lines = [`baseline ${b.source}: ${b.known.length} known, ${b.new.length} new, ${b.fixed.length} fixed`];
  if (b.known.length > 0) lines.push(`  known failures (the verdict ignores them): ${b.known.join(', ')}`);
  if (b.new.length > 0) lines.push(`  new failures: ${b.new.join(', ')}`);
  if (b.fixed.length > 0) lines.push(`  fixed (remove them from the baseline): ${b.fixed.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
