import type { HttpClient, SendRequest, Sender } from '../http/client.js';
import type { LiveExchange } from '../http/exchange.js';
import { isSilent, Liveness, type Suspicion } from '../http/liveness.js';
import { NotSent } from './failure.js';
import { OverBudget, provenWords, type LatenessProof } from './over-budget.js';
import type { RunStop } from './stop.js';

/** The label of the repeated first request that tells whether a silent or broken endpoint has stopped. */
export const LIVENESS_LABEL = 'liveness';

/**
 * The run's watch over the endpoint, shared by every check running side by side. It sees each exchange; when
 * the endpoint has gone silent, or breaks every reply, it repeats the run's first request and stops the run
 * when that fails the same way. A check whose last exchanges got nothing back is not judged until the endpoint
 * has been seen answering after them ({@link settled}): a check must not fail for an endpoint that went away,
 * and a run of an endpoint that went away is `incomplete`, not a list of failures.
 */
export class EndpointWatch {
  readonly liveness = new Liveness();
  readonly overBudget: OverBudget;
  /** The run's first request (the probe), repeated to test a suspect endpoint. */
  first?: LiveExchange;
  /** Exchanges finished so far, and the number of the latest one that got an HTTP reply. */
  private finished = 0;
  private lastReply = 0;
  private repeating = false;
  private readonly waiters = new Set<Waiter>();

  constructor(
    private readonly client: HttpClient,
    private readonly stop: RunStop,
    private readonly budgetOf: (label: string) => number,
    private readonly graceMs: number,
  ) {
    this.overBudget = new OverBudget(budgetOf);
    stop.signal.addEventListener('abort', () => this.release(false), { once: true });
  }

  /**
   * A check's line to the endpoint: every request carries `signal`, and what comes back is watched. `alone`:
   * what it sends is the only thing in flight (the probe, exploration, an exclusive check). `lateness`: what
   * the line does with a label proven over its budget ({@link LatenessPolicy}). `priority`: its requests' when
   * they wait for a slot (lower first: src/http/gate.ts).
   */
  line(source: string, signal: AbortSignal, alone = false, lateness: LatenessPolicy = 'leave-out', priority = 0): CheckLine {
    return new CheckLine(this, this.client, source, signal, alone, lateness, priority);
  }

  /** Notes a finished exchange of `line`. */
  note(ex: LiveExchange, line: CheckLine): void {
    this.finished++;
    // Alone: a line of its own (the probe, an exclusive check) with no other line's request in flight, that
    // sends this label one request at a time (its lanes may send other labels beside it). A label the line ever
    // had two requests of on the way (workplaces at once) it proves nothing of for the rest of its life: which
    // of those replies happen to come alone depends on timing.
    this.overBudget.note(ex, line.alone && line.sequentialIn(ex.label) && (this.client.gate?.inFlight ?? 0) === line.inFlight, line.source);
    if (ex.response) {
      this.lastReply = this.finished;
      for (const w of this.waiters) if (w.after < this.lastReply) this.settle(w, true);
    } else if (isSilent(ex)) line.lastSilent = { finished: this.finished, seq: ex.seq };
    const suspicion = this.liveness.note(ex, line.source);
    if (suspicion) void this.repeat(suspicion);
  }

  /**
   * Resolves `true` when `line`'s check may be judged: at once when none of its exchanges went unanswered, or
   * when a reply came after the last one that did; else once the endpoint answers again. When the run stops
   * because the endpoint stopped answering, the check whose request was the first to find it silent is judged
   * on it (that request may be what brought the endpoint down); the others, which only saw it gone, are not
   * (`false`), nor is any check when the run stops for another reason. When nothing else is on the way to
   * prove the endpoint alive, the first request is repeated.
   */
  settled(line: CheckLine): Promise<boolean> {
    if (this.stop.stopped) return Promise.resolve(false);
    const silent = line.lastSilent;
    if (silent === undefined || this.lastReply > silent.finished) return Promise.resolve(true);
    return new Promise((resolve) => {
      this.waiters.add({ after: silent.finished, seq: silent.seq, resolve });
      void this.repeat('silent');
    });
  }

  /** Repeats the run's first request; stops the run when it fails the way `suspicion` says. */
  private async repeat(suspicion: Suspicion): Promise<void> {
    if (this.repeating || this.stop.stopped || !this.first) return;
    this.repeating = true;
    try {
      const { url, headers, body } = this.first.request;
      const repeat = await this.client.send({
        url,
        headers,
        body: Buffer.from(body, 'utf8'),
        label: LIVENESS_LABEL,
        timeoutMs: this.budgetOf(this.first.label) + this.graceMs,
      });
      this.finished++;
      if (this.liveness.confirms(suspicion, repeat)) {
        const finder = [...this.waiters].sort((a, b) => a.seq - b.seq)[0];
        if (finder) this.settle(finder, true);
        this.stop.stop(this.liveness.reason(repeat, suspicion));
      } else if (repeat.response) {
        // Alive: what went unanswered was the inputs, not the endpoint.
        this.liveness.clear();
        this.lastReply = this.finished;
        for (const w of this.waiters) this.settle(w, true);
      }
    } finally {
      this.repeating = false;
    }
    // Checks that ended on silence after the repeat was sent wait for a repeat of their own.
    if (!this.stop.stopped && [...this.waiters].length > 0) void this.repeat('silent');
  }

  private settle(w: Waiter, alive: boolean): void {
    this.waiters.delete(w);
    w.resolve(alive);
  }

  private release(alive: boolean): void {
    for (const w of [...this.waiters]) this.settle(w, alive);
  }
}

/** A check held until the endpoint is seen answering after its exchange `seq` (finished `after`-th). */
interface Waiter {
  after: number;
  seq: number;
  resolve: (judged: boolean) => void;
}

/**
 * What a line does with a request to a label proven over its budget. `send`: sends it and waits it out (the
 * checks whose subject is that lateness, the probe, the diagnosis). `leave-out`: does not send it (throws
 * {@link NotSent}, `over-budget`) when the label was proven before the line was made: a check running side by side
 * sees the same proofs whatever ran beside it (proofs are only made between shared stages).
 */
export type LatenessPolicy = 'send' | 'leave-out';

/**
 * One check's line to the endpoint ({@link Sender}): the check's signal on every request (nothing is sent once
 * the check has ended), the run's watch on every exchange, and no wait on a label proven over its budget
 * ({@link LatenessPolicy}): the timing checks judge that lateness, the other checks leave the label out.
 */
export class CheckLine implements Sender {
  /** This line's latest exchange that got nothing back: its place among finished exchanges, and its `seq`. */
  lastSilent?: { finished: number; seq: number };
  /** Requests of this line on the way now, in all and per label. */
  inFlight = 0;
  private readonly inFlightOf = new Map<string, number>();
  /** The labels this line ever had two requests of on the way at once. */
  private readonly overlapped = new Set<string>();
  /** The proof of a label this line does not send to (`leave-out`: proven before the line was made), else `undefined`. */
  readonly leavesOut: (label: string) => LatenessProof | undefined;

  constructor(
    private readonly watch: EndpointWatch,
    private readonly client: HttpClient,
    /** Who sends: a check id, `probe`, `exploration`. */
    readonly source: string,
    readonly signal: AbortSignal,
    /** Nothing else is in flight while this line sends (see {@link OverBudget}). */
    readonly alone: boolean,
    readonly lateness: LatenessPolicy = 'leave-out',
    /** Its requests' priority when they wait for a slot (lower first). */
    readonly priority = 0,
  ) {
    const before = watch.overBudget.snapshot();
    this.leavesOut = lateness === 'send' ? () => undefined : (label) => before.get(label);
  }

  async send(req: SendRequest): Promise<LiveExchange> {
    if (this.signal.aborted) throw ended(this.signal);
    const proof = this.leavesOut(req.label);
    if (proof) throw new NotSent(`${provenWords(proof)} (${proof.words}); not sent, the timing checks judge it`, 'over-budget', proof);
    const label = req.label;
    const sameLabel = (this.inFlightOf.get(label) ?? 0) + 1;
    if (sameLabel > 1) this.overlapped.add(label);
    this.inFlightOf.set(label, sameLabel);
    this.inFlight++;
    let ex: LiveExchange;
    try {
      ex = await this.client.send({ ...req, signal: this.signal, priority: this.priority });
    } finally {
      this.inFlight--;
      this.inFlightOf.set(label, this.inFlightOf.get(label)! - 1);
    }
    if (ex.error?.kind === 'aborted' && this.signal.aborted) throw ended(this.signal);
    this.watch.note(ex, this);
    return ex;
  }

  /** Whether the line has only ever had one request of `label` on the way at a time. */
  sequentialIn(label: string): boolean {
    return !this.overlapped.has(label);
  }
}

function ended(signal: AbortSignal): NotSent {
  return new NotSent(`not sent: the check had ended (${typeof signal.reason === 'string' ? signal.reason : 'stopped'})`, 'ended');
}
