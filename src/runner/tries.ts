/**
 * A timing check's tries of one event, judged against its budget with hookcert's own measurement error in mind.
 *
 * A measured reply time is the endpoint's time plus whatever held hookcert's event loop when the reply came: a
 * garbage collection in the first seconds of a run (2 to 7 ms under `--trace-gc`), other work of the run. The
 * benchmark's timing figure (bench/loopback.mjs) caught single replies measured 3.9 ms (50 ms delay) and 8.6 ms
 * (500 ms delay) above the time its receiver held them, so a reply that close to its budget could fail a
 * correct endpoint once in a few runs. A single try over budget by no more than {@link marginMs} is therefore
 * tried again: when the try after it is in time, it is forgiven (and said, as a note); when it is over again,
 * both count. A try over by more, or a reply that never came whole, counts at once.
 *
 * @module
 */

/** A try as the rule reads it: whether its reply came whole, and how long it took. */
export interface TimedTry {
  missing: boolean;
  totalMs: number;
}

/** A delivery of any profile as the rule reads it: whether its reply came whole, and the exchange's time. */
export function timedTry(d: { reply: { missing: boolean }; exchange: { timing: { totalMs: number } } }): TimedTry {
  return { missing: d.reply.missing, totalMs: d.exchange.timing.totalMs };
}

/** How far over its budget a single measured reply may be before it counts without a second try: 10 ms, or 2 % of the budget. */
export function marginMs(budgetMs: number): number {
  return Math.max(10, budgetMs / 50);
}

/** The reply did not come whole within the budget. */
export function overBudget(t: TimedTry, budgetMs: number): boolean {
  return t.missing || t.totalMs > budgetMs;
}

/** Over budget by more than hookcert's own measurement can account for (or no reply at all): it counts at once. */
export function clearlyLate(t: TimedTry, budgetMs: number): boolean {
  return t.missing || t.totalMs > budgetMs + marginMs(budgetMs);
}

/** Whether one more try is owed: the last try is the only one over budget, and within the margin. */
export function owesAnotherTry(tries: readonly TimedTry[], budgetMs: number): boolean {
  const last = tries.at(-1);
  return last !== undefined && overBudget(last, budgetMs) && !clearlyLate(last, budgetMs) && tries.filter((x) => overBudget(x, budgetMs)).length === 1;
}

/** The tries that count over budget, and the one forgiven (alone over, within the margin, a try in time after it). */
export function judgeTries<T>(tries: readonly T[], budgetMs: number, timed: (t: T) => TimedTry): { over: T[]; forgiven?: T } {
  const over = tries.filter((x) => overBudget(timed(x), budgetMs));
  const only = over.length === 1 ? over[0] : undefined;
  if (only !== undefined && !clearlyLate(timed(only), budgetMs) && tries.indexOf(only) < tries.length - 1) return { over: [], forgiven: only };
  return { over };
}

/** The note of a forgiven try ({@link judgeTries}): `startSession: one reply measured 507 ms against its 500 ms budget …`. */
export function forgivenNote<T>(label: string, tries: readonly T[], forgiven: T, budgetMs: number, timed: (t: T) => TimedTry): string {
  const others = tries.filter((x) => x !== forgiven).map((x) => `${Math.round(timed(x).totalMs)} ms`);
  return `${label}: one reply measured ${Math.round(timed(forgiven).totalMs)} ms against its ${budgetMs} ms budget, the others ${others.join(', ')}: within the ${marginMs(budgetMs)} ms hookcert's own pauses can add to one measurement, and not again on the try after it, so not judged late (a reply this close to its budget fails on a slower day)`;
}

/**
 * Of replies sent at once (a load), the one forgiven: the only reply over its budget, by no more than the margin
 * (its own pauses matter more to hookcert's measurement under load, not less). Two or more over count, each.
 */
export function forgivenOfLoad<T>(replies: readonly T[], budgetOf: (r: T) => number, timed: (r: T) => TimedTry): T | undefined {
  const over = replies.filter((r) => overBudget(timed(r), budgetOf(r)));
  return over.length === 1 && !clearlyLate(timed(over[0]), budgetOf(over[0])) ? over[0] : undefined;
}

/** The note of a reply forgiven in a load ({@link forgivenOfLoad}). */
export function forgivenInLoadNote(label: string, forgiven: TimedTry, budgetMs: number, replies: number): string {
  return `${label}: one of ${replies} replies sent at once measured ${Math.round(forgiven.totalMs)} ms against its ${budgetMs} ms budget, every other in time: within the ${marginMs(budgetMs)} ms hookcert's own pauses can add to one measurement, so not judged late (a reply this close to its budget fails on a slower day)`;
}
