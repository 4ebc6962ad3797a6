import type { Gate } from '../generated/report/results.js';
import { plural } from '../words.js';
import type { RunResults } from './results.js';
import type { CheckResult, RunVerdict } from './types.js';

/**
 * The rule of the verdict, in one place (the run, `hookcert merge`, `--baseline`): a check breaks the run when
 * it fails, or when it is a MUST check that could not be judged (`error`). A SHOULD or INFO check that errors,
 * a warning and a skip do not.
 */
export function breaksRun(c: Pick<CheckResult, 'status' | 'level'>): boolean {
  return c.status === 'fail' || (c.status === 'error' && c.level === 'MUST');
}

/**
 * The verdict of a run: `incomplete` when it was cut short (`incomplete`) or judged fewer checks than it
 * planned, else `not-conformant` when a check breaks it ({@link breaksRun}), else `conformant`.
 */
export function runVerdict(checks: ReadonlyArray<Pick<CheckResult, 'status' | 'level'>>, planned: number, incomplete: boolean): RunVerdict {
  if (incomplete || checks.length < planned) return 'incomplete';
  return checks.some(breaksRun) ? 'not-conformant' : 'conformant';
}

/** What a gate is decided from: the verdict as judged, the run's level, its checks and their baseline states. */
export type GateInput = Pick<RunResults, 'verdict' | 'level' | 'checks' | 'baseline' | 'incompleteReason'>;


const ids = (list: ReadonlyArray<Pick<CheckResult, 'id'>>) => list.map((c) => c.id).join(', ');

/**
 * What broke the run, counted by level and kind: `2 MUST failures`, `1 MUST failure, 1 SHOULD failure, 1 MUST
 * error` (a SHOULD failure breaks the run only at `--level should`).
 */
export function breakageText(checks: ReadonlyArray<Pick<CheckResult, 'status' | 'level'>>): string {
  const counts = new Map<string, number>();
  for (const c of checks.filter(breaksRun)) {
    const key = `${c.level} ${c.status === 'fail' ? 'failure' : 'error'}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const order = ['MUST failure', 'SHOULD failure', 'INFO failure', 'MUST error'];
  return [...counts.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([key, n]) => plural(n, key))
    .join(', ');
}

/**
 * A run's comparison with its baseline, read from its checks' baseline states: the ids the baseline knows
 * (`known`), the ones that break or error without being in it (`new`) and the ones it lists that pass now
 * (`fixed`), in check order. `--baseline` and `hookcert merge` both build results.json's `baseline` with it.
 */
export function baselineComparison(source: string, checks: ReadonlyArray<Pick<CheckResult, 'id' | 'baseline'>>): NonNullable<RunResults['baseline']> {
  const ids = (state: NonNullable<CheckResult['baseline']>) => checks.filter((c) => c.baseline === state).map((c) => c.id);
  return { source, known: ids('known'), new: ids('new'), fixed: ids('fixed') };
}

/**
 * The gate of a run: what CI decides, after the baseline (DESIGN.md, "Verdict and gate"). It passes when the
 * run is complete and every check that breaks it ({@link breaksRun}) is one the baseline knows; without a
 * baseline it is the verdict. The verdict itself is never changed by a baseline: a certifier reads the verdict,
 * CI the gate, and the exit code follows the gate.
 */
export function runGate(r: GateInput): Gate {
  const broken = r.checks.filter(breaksRun);
  const unknown = broken.filter((c) => c.baseline !== 'known');
  const b = r.baseline;
  const count = (state: NonNullable<CheckResult['baseline']>) => r.checks.filter((c) => c.baseline === state).length;
  const baseline = b ? { file: b.source, known: count('known'), new: count('new'), fixed: count('fixed') } : undefined;
  const fixed = baseline && baseline.fixed > 0 ? `; ${plural(baseline.fixed, 'check')} in it now pass${baseline.fixed === 1 ? 'es' : ''} (remove ${baseline.fixed === 1 ? 'it' : 'them'}: ${ids(r.checks.filter((c) => c.baseline === 'fixed'))})` : '';
  let passed: boolean;
  let reason: string;
  if (r.verdict === 'incomplete') {
    passed = false;
    reason = `the run is incomplete${r.incompleteReason ? `: ${r.incompleteReason}` : ''}`;
  } else if (unknown.length > 0) {
    passed = false;
    reason = b ? `${plural(unknown.length, 'new failure')} not in baseline ${b.source}: ${ids(unknown)}${broken.length > unknown.length ? `; ${broken.length - unknown.length} known` : ''}` : `${breakageText(unknown)}, no baseline`;
  } else if (broken.length > 0) {
    passed = true;
    reason = `${plural(broken.length, 'known failure')} in baseline ${b!.source}${fixed}`;
  } else {
    passed = true;
    reason = b ? `no failures; baseline ${b.source}${fixed}` : 'no failures, no baseline';
  }
  return { passed, level: r.level, ...(baseline ? { baseline } : {}), reason };
}

/**
 * The verdict and the gate in one line, as every report says them:
 * `not conformant (2 MUST failures) · gate: passed (2 known failures in baseline x.json)`. What the verdict does
 * not certify (`notCertified`) follows the verdict.
 */
export function verdictGateText(r: GateInput & { gate: Gate }, notCertified: readonly string[] = []): { verdict: string; gate: string } {
  const words = r.verdict.replace('-', ' ');
  const why = r.verdict === 'not-conformant' ? ` (${breakageText(r.checks)})` : '';
  const uncertified = notCertified.length > 0 ? `; not certified for: ${notCertified.join(', ')}` : '';
  return { verdict: `${words}${why}${uncertified}`, gate: `${r.gate.passed ? 'passed' : 'failed'} (${r.gate.reason})` };
}
