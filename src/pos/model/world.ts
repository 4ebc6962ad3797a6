import type { FlowRecord } from '../../runner/types.js';
import type { MplusContext } from '../context.js';
import type { PosSession } from '../session.js';
import { answerOf, Till, type Conversation } from '../till.js';
import { received } from '../judge.js';

/**
 * The model of model-based session testing: the POS as a few workplaces (each a {@link Till} holding its
 * session) and the sessions waiting in a queue or on a table, which any workplace can resume. Every command
 * of a sequence changes it the way the POS user's action does, and every reply is judged against it.
 */
export class PosWorld {
  readonly tills: Till[];
  /** Sessions paused (pauseSession: "moved to a queue, table or other kind of background status"). */
  readonly paused: PosSession[] = [];
  /** The workplace each paused session was paused on. */
  readonly pausedAt = new Map<PosSession, number>();
  /** The events sent so far, in order, in words: what a failure shows as the sequence that led to it. */
  readonly log: string[] = [];

  constructor(
    readonly t: MplusContext,
    workplaces: number,
    readonly flow: FlowRecord,
  ) {
    this.tills = Array.from({ length: workplaces }, (_, w) => new Till(t, w, { flow, log: this.log }));
  }

  /** Sessions open anywhere (on a workplace or paused) other than `but`. */
  otherSessions(but: PosSession): PosSession[] {
    return [...this.tills.map((x) => x.session), ...this.paused].filter((s): s is PosSession => s !== undefined && s !== but && !s.ended);
  }

  /**
   * Judges one conversation of the sequence: a reply the POS cannot use (no reply, a 5xx, an invalid reply, a
   * refusal by the POS, a dialog that never ends) fails with the whole sequence, and so does a 4xx to a valid
   * event, unless the reading of the spec tolerates it (README, "How the spec was read"): then it warns.
   */
  judge(conv: Conversation): void {
    if (conv.problem) {
      const p = conv.problem;
      const events = this.log.filter((l) => !l.startsWith(' '));
      this.t.fail(`${p.message}; the events that led there: ${events.join(' → ')}`, {
        expected: p.expected,
        received: `the events, in order:\n${this.log.join('\n')}`,
      });
    }
    const refused = conv.refused;
    if (!refused) return;
    if (refused.tolerated) return this.t.warn(refused.tolerated);
    const events = this.log.filter((l) => !l.startsWith(' '));
    this.t.fail(`${conv.event}${answerOf(refused)} was refused in the middle of a session (${received(refused.delivery)}); the events that led there: ${events.join(' → ')}`, {
      expected: 'HTTP 200: a valid event of the session the POS holds ("The integrator answers 200 on success")',
      received: `the events, in order:\n${this.log.join('\n')}`,
    });
  }
}
