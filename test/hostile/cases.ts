import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { TransportErrorKind } from '../../src/http/exchange.js';
import type { CheckStatus, RunVerdict } from '../../src/runner/types.js';
import { registry } from '../../src/schema/registry.js';
import { failureKinds, hookcert, pool, verdictText, type ChildRun } from './child.js';
import { ZOO_SECRET, type Zoo } from './zoo.js';

/** Every case's limits: one event, a 300 ms budget and 200 ms of grace, so a reply is cut off after 500 ms. */
export const BUDGET_MS = 300;
export const GRACE_MS = 200;
export const CUT_OFF_MS = BUDGET_MS + GRACE_MS;
/** Peak memory allowed to the CLI on any case. */
export const MAX_RSS_MIB = 300;

/** One hostile endpoint and the verdict hookcert must reach on it. */
export interface ZooCase {
  /** The case's name. @defaultValue the behaviour */
  name?: string;
  /** The zoo behaviour (its URL path). */
  behaviour: string;
  /** The URL to certify. @defaultValue the behaviour's URL in the zoo */
  url?: (zoo: Zoo) => string;
  /** The checks run (few, so each case takes seconds; `null`: the whole suite). @defaultValue MP-SIG-001,MP-SHP-001 */
  checks?: string | null;
  /** More flags. */
  args?: string[];
  code: 0 | 1 | 3;
  verdict: RunVerdict;
  /** The check whose verdict is asserted (not for incomplete runs cut before any check). */
  check?: { id: string; status: CheckStatus };
  /** What the verdict says: matched against the check's verdict text, or the run's incompleteReason. */
  says: RegExp;
  /** The transport failure the check's failure carries, with its exchange. */
  kind?: TransportErrorKind;
  /**
   * The run's own time budget beyond {@link WORK_MS}: the cut-offs it may sit through (and, for a few cases,
   * heavy reporting). Its wall time must stay under budget + 2 s.
   */
  budgetMs: number;
}

/**
 * What every run needs besides waiting, on this 2-core machine while other test files run: compiling the
 * reply schema, judging, shrinking a failure over real requests, writing four report files.
 */
export const WORK_MS = 2000;

/** How many CLI children a test file runs at once (the machine has 2 cores, and timings are asserted). */
export const CHILDREN = 1;

/** The name of a case. */
export const nameOf = (c: ZooCase) => c.name ?? c.behaviour;

/** Runs every case against its zoo, {@link CHILDREN} at a time; the outcomes by case name. */
export async function runCases(zoo: Zoo | ((c: ZooCase) => Zoo), cases: readonly ZooCase[]): Promise<Map<string, ChildRun>> {
  const outs = await pool(cases, CHILDREN, (c) => runCase(typeof zoo === 'function' ? zoo(c) : zoo, c));
  return new Map(cases.map((c, i) => [nameOf(c), outs[i]]));
}

/** A config file for the zoo: startSession only, small budgets, two generated cases per property. */
export function zooConfig(extra: Record<string, unknown> = {}): string {
  const path = join(mkdtempSync(join(tmpdir(), 'hookcert-zoo-config-')), 'hookcert.config.json');
  writeFileSync(path, JSON.stringify({ events: { startSession: { budgetMs: BUDGET_MS } }, run: { graceMs: GRACE_MS, runs: 2, seed: 11 }, ...extra }));
  return path;
}

/** Runs `hookcert run` against the case's behaviour as a child process. */
export function runCase(zoo: Zoo, c: ZooCase, config = zooConfig()): Promise<ChildRun> {
  return hookcert(['run', '--url', c.url ? c.url(zoo) : zoo.url(c.behaviour), '--config', config, ...(c.checks === null ? [] : ['--check', c.checks ?? 'MP-SIG-001,MP-SHP-001']), ...(c.args ?? [])], {
    env: { HOOKCERT_SECRET: ZOO_SECRET },
  });
}

/** The assertions every case shares: verdict and reason, exit code, wall time, memory, a whole report. */
export function expectCase(c: ZooCase, out: ChildRun): void {
  const context = `${nameOf(c)}\n--- stdout\n${out.stdout}\n--- stderr\n${out.stderr}`;
  expect(out.code, context).toBe(c.code);
  expect(out.results?.verdict, context).toBe(c.verdict);
  if (c.verdict === 'incomplete') expect(out.results?.incompleteReason, context).toMatch(c.says);
  if (c.check) {
    const text = verdictText(out.results, c.check.id);
    expect(text, context).toMatch(new RegExp(`^${c.check.status}(\\n|$)`));
    if (c.verdict !== 'incomplete') expect(text, context).toMatch(c.says);
    if (c.kind) expect(failureKinds(out.results, c.check.id), context).toContain(c.kind);
  }
  // The run's wall time, from its first line to the exit (Node's own start-up, ~1 s, is not the endpoint's doing).
  expect(out.runWallMs, `wall time of ${nameOf(c)}`).toBeLessThan(WORK_MS + c.budgetMs + 2000);
  expect(out.peakRssMiB, `peak memory of ${nameOf(c)}`).toBeDefined();
  expect(out.peakRssMiB!, `peak memory of ${nameOf(c)}`).toBeLessThan(MAX_RSS_MIB);
  expect(Object.keys(out.files).sort(), context).toEqual(['index.html', 'junit.xml', 'results.json', 'summary.md']);
  expect(registry().validate('report/results.schema.json', out.results), context).toEqual([]);
  // Never a crash: no stack trace, no internal error.
  expect(out.stderr, context).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
}
