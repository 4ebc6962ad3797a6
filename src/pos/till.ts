import { performance } from 'node:perf_hooks';
import type { MplusReply } from '../generated/mplus/reply.js';
import type { MplusReplyForm } from '../generated/mplus/reply/form.js';
import { REQUEST_SCHEMA, type MplusRequest } from '../protocol/mplus/requests.js';
import { strip } from '../runner/recorder.js';
import type { FlowRecord } from '../runner/types.js';
import { applyReply, replyObjectNames, type Applied, type PosView, type Refusal } from './apply.js';
import type { Delivery, MplusContext } from './context.js';
import { describeDialog, optionIds, type DialogReply } from './dialog.js';
import type { FormAnswer } from './form.js';
import { received, replyObject, replyProblems, toleratedWarning } from './judge.js';
import { PosSession } from './session.js';

/** How the POS user answers dialogs and forms; a method returning `undefined` walks away from it. */
export interface Responder {
  dialog?(dialog: DialogReply, earlierOptionIds: number[]): number[] | undefined;
  form?(form: MplusReplyForm): FormAnswer | undefined;
}

/** How one event is sent. */
export interface SendOptions {
  /** The generated request whose event objects are used (else one is generated). */
  template?: MplusRequest;
  /** The first reply is lost on the way and the POS delivers the same bytes again (same eventCounter and instanceId). */
  redeliver?: boolean;
  /**
   * Bounds of the whole polling process (default: the run's `pollingBounds`); `cancelAfter`: the POS user
   * cancels after that many unfinished rounds. Each round has the event's budget.
   */
  polling?: { maxRounds?: number; maxMs?: number; cancelAfter?: number };
}

/** What one exchange of a conversation was. */
export type StepKind = 'event' | 'lost' | 'redelivery' | 'dialog' | 'form' | 'poll' | 'pos-error' | 'forgery';

/** One exchange of a conversation and what the POS made of it. */
export interface Step {
  kind: StepKind;
  delivery: Delivery;
  /** The reply object (valid against the reply schema once the step is judged, see {@link replyObject}). */
  reply: MplusReply;
  note: string;
  applied?: Applied;
  /** A 4xx the reading of the spec tolerates, as the warning that says why (README, "How the spec was read"). */
  tolerated?: string;
}

/** Why a conversation went wrong. */
export type ProblemKind = 'no-reply' | 'server-error' | 'invalid-reply' | 'pos-refusal' | 'follow-up-bound' | 'no-polling-object' | 'polling-bound';

/** What went wrong, in the words of a failure. */
export interface Problem {
  kind: ProblemKind;
  message: string;
  expected: string;
  step: Step;
  refusal?: Refusal;
}

/** How the rounds of a polling event ended. */
export interface PollingOutcome {
  rounds: number;
  ended: 'finished' | 'cancelled' | 'rounds' | 'time' | 'no-polling-object' | 'stopped';
  /** `polling.message` / `customerMessage` of each round, as the POS showed them. */
  messages: string[];
  /** The rounds answered later than the event's budget (each round is a request of its own), with their time. */
  slowRounds: Array<{ round: number; ms: number }>;
  /** The event's budget each round had. */
  budgetMs: number;
}

/** One event as the POS lived it: the first request, every dialog/form answer and polling round, and the outcome. */
export interface Conversation {
  event: string;
  workplace: number;
  steps: Step[];
  problem?: Problem;
  /** A 4xx reply to a valid request (the POS shows the error; the session goes on). */
  refused?: Step;
  polling?: PollingOutcome;
  /** The delivery whose reply was lost, when the event was re-delivered. */
  lost?: Delivery;
}

/**
 * One simulated POS workplace with its session: builds each request from the state it holds, delivers it,
 * applies the reply as the POS would (sending the POS's error request when it refuses something), answers
 * dialogs and forms through its {@link Responder}, re-sends polling events, and records every exchange with
 * the state it left as a step of the flow.
 */
export class Till {
  readonly view: PosView = { captions: {}, prepaid: {}, requestedActions: [] };
  private sender?: MplusRequest['sender'];
  private readonly known: Set<string>;

  constructor(
    readonly t: MplusContext,
    readonly workplace = 0,
    readonly opts: { flow?: FlowRecord; log?: string[]; responder?: Responder } = {},
  ) {
    this.known = replyObjectNames(t.catalogue.events.values());
  }

  get session(): PosSession | undefined {
    return this.view.session;
  }

  /** Makes `session` the one this workplace works on (a new one, or one resumed from elsewhere). */
  open(session: PosSession | undefined): void {
    this.view.session = session;
  }

  /** A new, empty session with an id the POS makes ("a new session is started"). */
  newSession(): PosSession {
    return new PosSession(this.t.freshId('session'));
  }

  /** What this workplace holds, as JSON for the report. */
  snapshot(): Record<string, unknown> {
    const captions = Object.keys(this.view.captions).length > 0 ? { captions: { ...this.view.captions } } : {};
    return { workplace: this.workplace + 1, session: this.session?.snapshot() ?? null, ...captions };
  }

  /**
   * The request for `event` as this workplace sends it now: the event objects of `template` (or of a freshly
   * generated request), the workplace's sender, the session as the POS holds it, and `objects` on top.
   */
  build(event: string, objects: Record<string, unknown> = {}, template?: MplusRequest): MplusRequest {
    const entry = this.t.catalogue.get(event);
    const base = template ?? this.t.request(event);
    this.sender ??= structuredClone(base.sender);
    const req: MplusRequest = { event: { ...base.event }, sender: { ...this.sender, paymentStarted: this.session?.paymentStarted ?? false } };
    if (entry.session === 'required') {
      if (!this.session) throw new Error(`hookcert: the simulator has no session to send ${event} with`);
      req.session = this.session.toRequest();
    }
    const objectsOf = req as unknown as Record<string, unknown>;
    const baseObjects = base as unknown as Record<string, unknown>;
    for (const name of [...entry.requestObjects, ...entry.optionalRequestObjects]) if (baseObjects[name] !== undefined) objectsOf[name] = structuredClone(baseObjects[name]);
    for (const [k, v] of Object.entries(objects)) if (v !== undefined) objectsOf[k] = v;
    // Checked against the schema the type is generated from: what is returned is an MplusRequest.
    const issues = this.t.deps.schemas.validate(REQUEST_SCHEMA, { ...req, event: { ...req.event, eventTimestamp: '2026-01-05T09:00:00.000+01:00' } });
    if (issues.length > 0) throw new Error(`hookcert built an invalid ${event} request (a simulator bug): ${issues.slice(0, 3).map((i) => i.message).join('; ')}`);
    return req;
  }

  /**
   * Sends `event` and follows it to its end: dialog and form answers, polling rounds, the POS's error request.
   * Decision (the seeds are silent): every re-send (a dialog or form answer, a polling round) is a new request
   * with the workplace's next `eventCounter`; only a re-delivery (`redeliver`) repeats one, byte for byte.
   * A receiver that remembers processed counters is then never fooled into replaying an old reply.
   */
  async send(event: string, objects: Record<string, unknown> = {}, opts: SendOptions = {}): Promise<Conversation> {
    const conv: Conversation = { event, workplace: this.workplace, steps: [] };
    const entry = this.t.catalogue.get(event);
    // One generated request serves the whole conversation: re-sends carry the same event objects.
    const template = opts.template ?? this.t.request(event);
    let request = this.build(event, objects, template);
    const polling = request.event.eventPolling === true;
    const maxRounds = opts.polling?.maxRounds ?? this.t.options.pollingBounds.maxRounds;
    const maxMs = opts.polling?.maxMs ?? this.t.options.pollingBounds.maxMs;
    const budgetMs = this.t.event(event)?.budgetMs ?? entry.budgetMs;
    const started = performance.now();
    let kind: StepKind = 'event';
    let followUps = 0;
    const earlier: number[] = [];
    this.opts.log?.push(`w${this.workplace + 1} ${event}`);
    for (let round = 1; ; round++) {
      let d = await this.t.deliver(event, request, { workplace: this.workplace });
      if (kind === 'event' && opts.redeliver && !d.reply.missing) {
        conv.lost = d;
        this.record({ kind: 'lost', delivery: d, reply: replyObject(d), note: 'the reply is lost on the way: the POS delivers the same event again (same eventCounter, same instanceId)' });
        d = await this.t.deliver(event, d.request!, { workplace: this.workplace, stamp: false });
        kind = 'redelivery';
      }
      const step: Step = { kind, delivery: d, reply: replyObject(d), note: '' };
      conv.steps.push(step);
      if (this.judged(conv, step, entry)) return conv;
      await this.applied(conv, step, entry);
      if (conv.problem) return conv;
      const reply = step.reply;
      if (reply.dialog && this.opts.responder?.dialog) {
        if (followUps >= this.t.catalogue.maxFollowUps) return this.bound(conv, step, `the reply to ${event} still asks a dialog after ${this.t.catalogue.maxFollowUps} answers`);
        const selection = this.opts.responder.dialog(reply.dialog, [...earlier]);
        if (selection === undefined) return conv;
        earlier.push(...optionIds(reply.dialog));
        followUps++;
        request = this.build(event, { ...objects, dialog: { selectedDialogOptionIds: selection } }, template);
        kind = 'dialog';
        continue;
      }
      if (reply.form && this.opts.responder?.form) {
        if (followUps >= this.t.catalogue.maxFollowUps) return this.bound(conv, step, `the reply to ${event} still asks a form after ${this.t.catalogue.maxFollowUps} answers`);
        const answer = this.opts.responder.form(reply.form);
        if (answer === undefined) return conv;
        followUps++;
        request = this.build(event, { ...objects, form: answer }, template);
        kind = 'form';
        continue;
      }
      if (!polling) return conv;
      if (this.pollingDone(conv, step, round, { maxRounds, maxMs, budgetMs, cancelAfter: opts.polling?.cancelAfter, elapsed: performance.now() - started })) return conv;
      request = this.build(event, objects, template);
      kind = 'poll';
    }
  }

  /** Sends the POS's error request about `step`'s reply: `error` + `original`, to the same event URL. */
  async reportRefusal(event: string, step: Step, refusal: Refusal): Promise<Delivery> {
    const errorRequest = { error: { code: refusal.code, message: refusal.message.slice(0, 1000) }, original: step.delivery.request };
    const d = await this.t.deliver(event, errorRequest as unknown as MplusRequest, { stamp: false, workplace: this.workplace });
    this.record({ kind: 'pos-error', delivery: d, reply: replyObject(d), note: `the POS refused the reply (${refusal.code}) and sent its error request; the endpoint answered ${received(d)}` });
    return d;
  }

  /**
   * A forger's copy of the request for `event` this workplace would send now (`objects` on top of `template`),
   * signed with another key: recorded as a step of the flow, never applied (the POS did not send it).
   */
  async forge(event: string, objects: Record<string, unknown>, template: MplusRequest): Promise<Delivery> {
    const d = await this.t.deliver(event, this.build(event, objects, template), { workplace: this.workplace, forged: 'other-key' });
    this.record({ kind: 'forgery', delivery: d, reply: replyObject(d), note: `a forger's ${event}${answerOf({ kind: 'forgery', delivery: d })}, signed with another key; the endpoint answered ${received(d)}` });
    return d;
  }

  /** Records a step of the flow with the state the POS holds now. */
  record(step: Step): void {
    this.opts.flow?.steps.push({ exchange: strip(step.delivery.exchange), state: this.snapshot(), note: `${step.kind}: ${step.note}` });
  }

  /** Transport, status and shape of a reply; true when the conversation ends here. */
  private judged(conv: Conversation, step: Step, entry: { name: string }): boolean {
    const d = step.delivery;
    const fail = (kind: ProblemKind, message: string, expected: string) => {
      step.note = message;
      this.record(step);
      conv.problem = { kind, message, expected, step };
      this.opts.log?.push(`  ✗ ${message}`);
      return true;
    };
    const what = `${entry.name}${answerOf(step)}`;
    if (d.reply.missing) return fail('no-reply', `no complete reply to ${what}: ${received(d)}`, 'an HTTP reply within the budget');
    if (d.reply.status! >= 500) return fail('server-error', `${what} got a server error: ${received(d)}`, 'a 2xx or a 4xx, never a 5xx');
    if (d.reply.status! < 200 || d.reply.status! > 299) {
      step.note = `refused: ${received(d)}`;
      step.tolerated = toleratedWarning(this.t, d);
      this.record(step);
      conv.refused = step;
      return true;
    }
    const invalid = replyProblems(d);
    if (invalid) return fail('invalid-reply', `the reply to ${what} is not a valid MplusKASSA reply: ${invalid}`, 'an empty body, or a JSON object valid against the reply schema');
    return false;
  }

  /** Applies the reply; a refusal is reported to the endpoint with the POS's error request. */
  private async applied(conv: Conversation, step: Step, entry: Parameters<typeof applyReply>[1]): Promise<void> {
    step.applied = applyReply(this.view, entry, step.reply, this.known, () => this.t.freshId('line'));
    const refusal = step.applied.refusal;
    if (!refusal) {
      step.note = describeReply(step);
      this.record(step);
      return;
    }
    step.note = `the POS cannot apply the reply: ${refusal.code}: ${refusal.message}`;
    this.record(step);
    await this.reportRefusal(entry.name, step, refusal);
    conv.problem = { kind: 'pos-refusal', message: `the POS refused the reply to ${entry.name}${answerOf(step)}: ${refusal.code}: ${refusal.message}`, expected: 'a reply the POS can apply to the session it sent', step, refusal };
    this.opts.log?.push(`  ✗ POS refused the reply: ${refusal.code}`);
  }

  private bound(conv: Conversation, step: Step, message: string): Conversation {
    conv.problem = { kind: 'follow-up-bound', message, expected: `the conversation ends within ${this.t.catalogue.maxFollowUps} dialog or form answers`, step };
    return conv;
  }

  /** Whether polling ends after this round (finished, cancelled by the POS user, a bound, or no polling object). */
  private pollingDone(conv: Conversation, step: Step, round: number, b: { maxRounds: number; maxMs: number; budgetMs: number; cancelAfter?: number; elapsed: number }): boolean {
    const p = step.reply.polling;
    const outcome = (conv.polling ??= { rounds: 0, ended: 'stopped', messages: [], slowRounds: [], budgetMs: b.budgetMs });
    outcome.rounds = round;
    const ms = step.delivery.exchange.timing.totalMs;
    if (ms > b.budgetMs) outcome.slowRounds.push({ round, ms: Math.round(ms) });
    if (p && typeof p === 'object') for (const m of [p.message, p.customerMessage]) if (typeof m === 'string') outcome.messages.push(m);
    const end = (ended: PollingOutcome['ended'], problem?: { kind: ProblemKind; message: string; expected: string }) => {
      outcome.ended = ended;
      if (problem) conv.problem = { ...problem, step };
      return true;
    };
    if (!p || typeof p !== 'object')
      return end('no-polling-object', { kind: 'no-polling-object', message: `round ${round} of polling event ${conv.event} got no polling object`, expected: 'a polling object in every reply to a polling event' });
    if (p.finished === true) return end('finished');
    if (b.cancelAfter !== undefined && round >= b.cancelAfter) return end('cancelled');
    const expected = `polling.finished: true within ${b.maxRounds} rounds and ${b.maxMs} ms in all (--max-polling-rounds, --max-polling-time)`;
    if (round >= b.maxRounds) return end('rounds', { kind: 'polling-bound', message: `polling of ${conv.event} did not finish within ${b.maxRounds} rounds`, expected });
    if (b.elapsed > b.maxMs) return end('time', { kind: 'polling-bound', message: `polling of ${conv.event} did not finish within ${b.maxMs} ms, after ${round} rounds`, expected });
    return false;
  }
}

/** What a re-sent request answered, in words: ` answered with selectedDialogOptionIds [2]`; empty for a first request. */
export function answerOf(step: Pick<Step, 'kind' | 'delivery'>): string {
  const request = step.delivery.request;
  if (request?.dialog) return ` answered with selectedDialogOptionIds ${JSON.stringify(request.dialog.selectedDialogOptionIds ?? [])}`;
  if (request?.form?.cancelled === true) return ' with the form cancelled';
  if (request?.form) return ` with the form submitted (${(request.form.fields ?? []).map((f) => `${f.id}=${JSON.stringify(f.value ?? f.selected)}`).join(', ').slice(0, 300)})`;
  if (step.kind === 'poll') return ' (next polling round)';
  if (step.kind === 'redelivery') return ' (re-delivered)';
  return '';
}

/** A reply in the few words of a flow step: its status, its objects, what the POS did with it. */
export function describeReply(step: Step): string {
  const r = step.reply;
  const parts = [`HTTP ${step.delivery.reply.status}`, Object.keys(r).length > 0 ? `{${Object.keys(r).join(', ')}}` : 'empty'];
  if (r.dialog) parts.push(`dialog ${describeDialog(r.dialog)}`);
  if (r.form) parts.push(`form ${JSON.stringify(String(r.form.id ?? ''))}`);
  if (r.polling && typeof r.polling === 'object') parts.push(`polling finished=${String(r.polling.finished)}${typeof r.polling.message === 'string' ? ` ${JSON.stringify(r.polling.message.slice(0, 80))}` : ''}`);
  if (r.externalPayment) {
    const ep = r.externalPayment;
    parts.push(`externalPayment ${String(ep.externalPaymentId)} ${['started', 'confirmed', 'cancelled'].filter((k) => ep[k] === true).join(' ') || 'in progress'}`);
  }
  const request = step.delivery.request;
  if (request?.dialog) parts.unshift(`answered [${(request.dialog.selectedDialogOptionIds ?? []).join(', ')}]`);
  if (request?.form) parts.unshift(request.form.cancelled === true ? 'cancelled the form' : `submitted ${(request.form.fields ?? []).length} form values`);
  return [...parts, ...(step.applied?.notes ?? [])].join('; ');
}
