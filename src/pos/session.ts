import type { MplusRequestSessionLine } from '../generated/mplus/common/line.js';
import type { MplusRequestRelation } from '../generated/mplus/common/relation.js';
import type { MplusRequestSessionTable } from '../generated/mplus/common/table.js';
import type { MplusRequestSession } from '../generated/mplus/request/session.js';

/**
 * The POS's view of one session (seed 002, "session"): its lines and who added each, the relation, the
 * table, the payments, the locks the integrator set, and where the session is in its life. The simulator
 * builds every request's `session` object from it and applies every reply to it ({@link applyReply}).
 */

/** Who put a line in the session: the POS user (an article rung up) or the integrator (`lineAdditions`). */
export type LineOrigin = 'pos' | 'integrator';

/** A session line as the request carries it (`common/line.schema.json`). */
export type SessionLine = MplusRequestSessionLine;

/** A line of the session and where it came from ("you can only delete lines that you yourself added"). */
export interface PosLine {
  line: SessionLine;
  origin: LineOrigin;
}

/** A payment registered on the session (`common/payment.schema.json`). */
export interface PosPayment {
  amount: number;
  description: string;
  method: string;
  /** `prepayTable.payments[].paymentId`: "the POS will use to make sure this payment is not registered more than once". */
  paymentId?: string;
}

/** How a session ended (the events after which "this session will not be used again"). */
export type SessionEnd = 'merged' | 'cancelled' | 'completed' | 'credited';

/** An external payment the POS is running on this session. */
export interface ExternalPaymentState {
  externalPaymentId: string;
  amount: number;
  method: string;
  status: 'requested' | 'started' | 'cancel-requested' | 'confirmed' | 'cancelled' | 'forced-cancel';
}

/** The POS's state of one session. */
export class PosSession {
  lines: PosLine[] = [];
  relation?: MplusRequestRelation;
  table?: MplusRequestSessionTable;
  payments: PosPayment[] = [];
  /** `lockSession`: the POS user can change nothing. */
  locked = false;
  /** `lockSessionForAdditions`: the POS user can add nothing (deletions and decreases are allowed). */
  lockedForAdditions = false;
  /** In a queue, on a table or another background status (pauseSession … resumeSession). */
  paused = false;
  /** In the payment screen (`sender.paymentStarted`): between startPayment and cancelPayment / completeSession. */
  paymentStarted = false;
  /** `vatMethodChange`: inclusive, exclusive or shifted. */
  vatMethod?: string;
  ended?: SessionEnd;
  externalPayment?: ExternalPaymentState;

  constructor(readonly sessionId: string) {}

  /** The session's lines as the request carries them, in order. */
  requestLines(): SessionLine[] {
    return this.lines.map((l) => structuredClone(l.line));
  }

  /** The line `lineId` (ids compare case-insensitively, as UUIDs do). */
  find(lineId: unknown): PosLine | undefined {
    if (typeof lineId !== 'string') return undefined;
    const id = lineId.toLowerCase();
    return this.lines.find((l) => l.line.lineId.toLowerCase() === id);
  }

  /** The `session` object of a request (seed 002: sessionId, table, relation, lines, payments). */
  toRequest(): MplusRequestSession {
    const out: MplusRequestSession = { sessionId: this.sessionId };
    if (this.table) out.table = structuredClone(this.table);
    if (this.relation) out.relation = structuredClone(this.relation);
    out.lines = this.requestLines();
    if (this.payments.length > 0) out.payments = this.payments.slice(-20).map(({ amount, description, method }) => ({ amount, description, method }));
    return out;
  }

  /** A deep copy (replies are applied to a copy and committed only when the POS accepts all of it). */
  clone(): PosSession {
    const copy = new PosSession(this.sessionId);
    Object.assign(copy, structuredClone({ ...this }));
    return copy;
  }

  /** The state in a few words of JSON, for the report's flow steps. */
  snapshot(): Record<string, unknown> {
    return {
      sessionId: this.sessionId,
      lines: this.lines.map(({ line, origin }) => ({
        lineId: line.lineId,
        text: line.text,
        origin,
        ...(line.quantity !== undefined ? { quantity: line.quantity } : {}),
        ...(line.externalDiscount ? { externalDiscount: line.externalDiscount } : {}),
      })),
      relation: this.relation ? (this.relation.relationNumber ?? null) : null,
      ...(this.table ? { table: this.table } : {}),
      payments: this.payments.length,
      locked: this.locked,
      lockedForAdditions: this.lockedForAdditions,
      paused: this.paused,
      paymentStarted: this.paymentStarted,
      ...(this.vatMethod ? { vatMethod: this.vatMethod } : {}),
      ...(this.externalPayment ? { externalPayment: { ...this.externalPayment } } : {}),
      ...(this.ended ? { ended: this.ended } : {}),
    };
  }
}
