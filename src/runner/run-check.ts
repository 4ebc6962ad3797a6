import { performance } from 'node:perf_hooks';
import type { CheckDefinition } from './check.js';
import { CheckContext } from './context.js';
import { NOT_EXERCISED } from './coverage.js';
import { CheckFailure, CheckSkipped, NotSent } from './failure.js';
import type { CheckIdentity, CheckResult, CheckStatus, Level } from './types.js';

/**
 * Maps a broken rule to a status: MUST fails; SHOULD warns unless the run is strict; INFO is information,
 * never a warning (the spec only asks: "If this URL is provided, please call it"): it passes, with what was
 * observed as its reason and its detail.
 */
export function statusForFailure(level: Level, strictness: 'must' | 'should'): CheckStatus {
  if (level === 'MUST') return 'fail';
  if (level === 'SHOULD') return strictness === 'should' ? 'fail' : 'warn';
  return 'pass';
}

/**
 * A check that ended without breaking its rule but judged fewer cases than it planned: a MUST check cannot
 * say the rule holds (`error`, with why); a SHOULD or INFO check says so in a warning.
 */
function partly(level: Level, t: CheckContext): [CheckStatus, string | undefined] | undefined {
  const cases = t.cases;
  const leftOut = cases?.notExercised ?? 0;
  if (!cases || cases.judged + leftOut >= cases.planned) return undefined;
  const why = t.unjudgedReasons.join('; ') || 'no reason was given';
  const words = `hookcert judged ${cases.judged} of the ${cases.planned - leftOut} cases it planned${leftOut > 0 ? ` (and left ${leftOut} out)` : ''}: ${why}`;
  if (level === 'MUST') return ['error', `${words}. It cannot say the rule holds.`];
  t.warn(words);
  return ['warn', undefined];
}

/**
 * What a check that left labels out says (they are proven over their budget; the timing checks judge them):
 * `not exercised: startSession proven over its budget by MP-TIM-001 (3 of 8 cases left out)`.
 */
function leftOutWords(t: CheckContext): string | undefined {
  const labels = t.notExercised;
  if (!labels) return undefined;
  const c = t.cases;
  return `${NOT_EXERCISED} ${labels}${c?.notExercised ? ` (${c.notExercised} of ${c.planned} cases left out)` : ''}`;
}

/** What names a check in its result: id, title, level, area, profile, spec line and replay command. */
export function checkIdentity(def: CheckDefinition<CheckContext>, replay: string): CheckIdentity & { replay: string } {
  const { id, title, level, area, profile, spec } = def;
  return { id, title, level, area, profile, spec, replay };
}

/**
 * Runs one check against its context and turns what happened into a verdict. A crash inside a check is
 * that check's `error`, never the run's end; a check that outlives its time limit is an `error` too, and
 * `end` is called so that nothing more of it is sent.
 */
export async function runCheck<C extends CheckContext>(def: CheckDefinition<C>, t: C, replay: string, end: (reason: string) => void = () => undefined): Promise<CheckResult> {
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
          timer = setTimeout(() => {
            const why = `the check did not finish within ${t.options.checkTimeoutMs} ms`;
            end(why);
            reject(new Error(why));
          }, t.options.checkTimeoutMs);
        }),
      ]);
      if (t.warnings.length > 0) status = 'warn';
      const partial = partly(def.level, t);
      if (partial) [status, reason] = partial;
      // Labels proven over budget left out: the check says so; with nothing else judged it is a skip, never a pass.
      const leftOut = leftOutWords(t);
      if (leftOut && status === 'pass' && !t.judgedAny) status = 'skip';
      if (leftOut) reason = reason ? `${reason}; ${leftOut}` : leftOut;
    } catch (err) {
      if (err instanceof CheckSkipped) {
        status = 'skip';
        reason = err.message;
      } else if (err instanceof NotSent && err.why === 'over-budget') {
        // Met outside a case: the check cannot go on without that label, so it is not exercised (what it judged
        // before is not enough to pass it).
        t.leaveOut(err, false);
        t.leaveOpen(err);
        status = 'skip';
        reason = leftOutWords(t);
      } else if (err instanceof CheckFailure) {
        status = statusForFailure(def.level, t.options.level);
        failure = CheckContext.detailOf(err);
        if (def.level === 'INFO') reason = `information (not a requirement): ${err.message}`;
        const leftOut = leftOutWords(t);
        if (leftOut) reason = reason ? `${reason}; ${leftOut}` : leftOut;
      } else {
        status = 'error';
        reason = `hookcert could not judge this check: ${err instanceof Error ? err.message : String(err)}`;
      }
    } finally {
      clearTimeout(timer);
    }
  }
  // Notes say how the check ran (never about the endpoint): beside the reason, the status untouched.
  if (t.notes.length > 0) reason = [reason, ...t.notes.map((n) => `note: ${n}`)].filter(Boolean).join('; ');
  return {
    ...base,
    status,
    durationMs: Math.round(performance.now() - started),
    ...(reason !== undefined ? { reason } : {}),
    ...(failure ? { failure } : {}),
    warnings: t.warnings,
    ...(t.cases ? { cases: t.cases } : {}),
    exchanges: t.sample.list(),
    exchangeCount: t.sample.count,
    ...(t.passingFlows.length > 0 && !failure ? { flows: t.passingFlows.slice(-2) } : {}),
  };
}
