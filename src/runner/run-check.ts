import { performance } from 'node:perf_hooks';
import type { CheckDefinition } from './check.js';
import { CheckContext } from './context.js';
import { CheckFailure, CheckSkipped } from './failure.js';
import type { CheckResult, CheckStatus, Level } from './types.js';

/** Maps a broken rule to a status: MUST fails; SHOULD warns unless the run is strict; INFO warns. */
export function statusForFailure(level: Level, strictness: 'must' | 'should'): CheckStatus {
  if (level === 'MUST') return 'fail';
  if (level === 'SHOULD' && strictness === 'should') return 'fail';
  return 'warn';
}

/** What names a check in its result: id, title, level, area, profile, spec line and replay command. */
export function checkIdentity(def: CheckDefinition<CheckContext>, replay: string) {
  return { id: def.id, title: def.title, level: def.level, area: def.area, profile: def.profile, spec: def.spec, replay };
}

/**
 * Runs one check against its context and turns what happened into a verdict. A crash inside a check is
 * that check's `error`, never the run's end; a check that outlives its time limit is an `error` too.
 */
export async function runCheck<C extends CheckContext>(def: CheckDefinition<C>, t: C, replay: string): Promise<CheckResult> {
  const started = performance.now();
  const base = checkIdentity(def, replay);
  let status: CheckStatus = 'pass';
  let reason: string | undefined;
  let failure: CheckResult['failure'];
  const applies = def.appliesTo ? def.appliesTo(t.sub) : true;
  if (applies !== true) {
    status = 'skip';
    reason = applies;
  } else {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        def.run(t),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`the check did not finish within ${t.options.checkTimeoutMs} ms`)),
            t.options.checkTimeoutMs,
          );
        }),
      ]);
      if (t.warnings.length > 0) status = 'warn';
    } catch (err) {
      if (err instanceof CheckSkipped) {
        status = 'skip';
        reason = err.message;
      } else if (err instanceof CheckFailure) {
        status = statusForFailure(def.level, t.options.level);
        failure = CheckContext.detailOf(err);
      } else {
        status = 'error';
        reason = `hookcert could not judge this check: ${err instanceof Error ? err.message : String(err)}`;
      }
    } finally {
      clearTimeout(timer);
    }
  }
  return {
    ...base,
    status,
    durationMs: Math.round(performance.now() - started),
    ...(reason !== undefined ? { reason } : {}),
    ...(failure ? { failure } : {}),
    warnings: t.warnings,
    exchanges: t.sample.list(),
    exchangeCount: t.sample.count,
    ...(t.passingFlows.length > 0 && !failure ? { flows: t.passingFlows.slice(-2) } : {}),
  };
}
