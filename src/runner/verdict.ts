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
