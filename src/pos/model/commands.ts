import fc from 'fast-check';
import type { MplusRequest } from '../../protocol/mplus/requests.js';
import type { MplusContext } from '../context.js';
import { sampledResponder } from '../conversations.js';
import { withExplored } from '../explored.js';
import { noShrink } from '../../runner/no-shrink.js';
import type { PosSession, SessionLine } from '../session.js';
import type { Till } from '../till.js';
import type { PosWorld } from './world.js';

/**
 * The POS user's actions through a session's life, as fast-check commands: each says when the POS allows it
 * (`can`), what it changes before the event goes out (`before`: the line rung up, the relation chosen…), and
 * what it changes after (`after`: the session ends, is paused…). The replies are applied by the {@link Till}.
 */
interface Action {
  event: string;
  /** How often it comes up in generated sequences, relative to the others. */
  weight: number;
  /** The action can be the first of a new session: on a workplace without one, the POS starts one first. */
  opens?: boolean;
  can(world: PosWorld, till: Till, cmd: SessionCommand): boolean;
  before?(world: PosWorld, till: Till, cmd: SessionCommand): Record<string, unknown>;
  after?(world: PosWorld, till: Till, cmd: SessionCommand): void;
}

const live = (till: Till): PosSession | undefined => (till.session && !till.session.ended ? till.session : undefined);
const idle = (till: Till) => live(till) && !live(till)!.paymentStarted;
const end = (how: PosSession['ended']) => (_world: PosWorld, till: Till) => {
  till.session!.ended = how;
  till.open(undefined);
};

/** The actions, by name. */
export const ACTIONS: Record<string, Action> = {
  start: {
    event: 'startSession',
    weight: 1,
    can: (_w, till) => !till.session,
    before(_w, till, cmd) {
      const session = till.newSession();
      const table = cmd.template.session?.table;
      if (table && cmd.pick % 3 === 0) session.table = structuredClone(table) as PosSession['table'];
      till.open(session);
      return {};
    },
  },
  scan: { opens: true, event: 'scanCode', weight: 6, can: (_w, till) => !!live(till), before: (_w, _t, cmd) => ({ scanCode: cmd.template.scanCode }) },
  add: {
    opens: true,
    event: 'addSessionLine',
    weight: 8,
    can: (_w, till) => !!idle(till) && !till.session!.locked && !till.session!.lockedForAdditions,
    before(_w, till, cmd) {
      const line = { ...(cmd.template.addSessionLine as { line: SessionLine }).line, lineId: till.t.freshId('line') };
      till.session!.lines.push({ line, origin: 'pos' });
      return { addSessionLine: { line: structuredClone(line) } };
    },
  },
  remove: {
    event: 'removeSessionLine',
    weight: 4,
    can: (_w, till) => !!idle(till) && !till.session!.locked && till.session!.lines.length > 0,
    before(_w, till, cmd) {
      const lines = till.session!.lines;
      const [removed] = lines.splice(cmd.pick % lines.length, 1);
      return { removeSessionLine: { line: structuredClone(removed.line) } };
    },
  },
  pause: {
    event: 'pauseSession',
    weight: 2,
    can: (_w, till) => !!idle(till),
    after(world, till) {
      till.session!.paused = true;
      world.paused.push(till.session!);
      world.pausedAt.set(till.session!, till.workplace);
      till.open(undefined);
    },
  },
  resume: {
    event: 'resumeSession',
    weight: 3,
    // A workplace busy with a session parks it first (pauseSession), as a waiter switching tables does.
    can: (world, till) => world.paused.length > 0 && (!till.session || (!!idle(till) && !!till.t.event('pauseSession'))),
    before(world, till, cmd) {
      // Another workplace's session first: sessions moving between workplaces is what the POS is built for.
      const choices = world.paused.filter((s) => s !== cmd.parked);
      const elsewhere = choices.filter((s) => world.pausedAt.get(s) !== till.workplace);
      const from = elsewhere.length > 0 ? elsewhere : choices.length > 0 ? choices : world.paused;
      const session = from[cmd.pick % from.length];
      world.paused.splice(world.paused.indexOf(session), 1);
      session.paused = false;
      till.open(session);
      return {};
    },
  },
  select: {
    opens: true,
    event: 'selectRelation',
    weight: 2,
    can: (_w, till) => !!live(till) && !till.session!.locked,
    before(_w, till, cmd) {
      const given = cmd.template.selectRelation?.relation;
      const relation = given ?? { relationNumber: 1 + (cmd.pick % 99_999) };
      till.session!.relation = structuredClone(relation);
      return { selectRelation: { relation } };
    },
  },
  // No deselect: the spec gives two forms of it and no reading accepts both (readings.ts, "deselect-relation"),
  // and a session's life is not about the request's form. MP-ROB-001 sends both.
  action: { opens: true, event: 'customAction', weight: 2, can: (_w, till) => !!live(till), before: (_w, _t, cmd) => ({ customAction: cmd.template.customAction }) },
  bill: { event: 'printBill', weight: 2, can: (_w, till) => !!live(till) && till.session!.lines.length > 0, before: (_w, _t, cmd) => ({ printBill: cmd.template.printBill }) },
  pay: {
    event: 'startPayment',
    weight: 3,
    can: (_w, till) => !!idle(till) && till.session!.lines.length > 0,
    before(_w, till) {
      till.session!.paymentStarted = true;
      return {};
    },
  },
  unpay: {
    event: 'cancelPayment',
    weight: 1,
    can: (_w, till) => !!live(till) && till.session!.paymentStarted,
    before(_w, till) {
      till.session!.paymentStarted = false;
      return {};
    },
  },
  complete: {
    event: 'completeSession',
    weight: 3,
    // Not yet in the payment screen: the POS user goes there first (startPayment), then pays.
    can: (_w, till) => !!live(till) && (till.session!.paymentStarted || (till.session!.lines.length > 0 && !!till.t.event('startPayment'))),
    before(_w, till, cmd) {
      const completeSession = cmd.template.completeSession as { payments: PosSession['payments'] };
      till.session!.payments = [...till.session!.payments, ...structuredClone(completeSession.payments)].slice(-20);
      return { completeSession };
    },
    after: end('completed'),
  },
  cancel: { event: 'cancelSession', weight: 1, can: (_w, till) => !!idle(till), after: end('cancelled') },
  merge: {
    event: 'mergeSession',
    weight: 1,
    can: (_w, till) => !!idle(till),
    before(world, till, cmd) {
      // Merged into another open session when there is one (its lines move there), else into one of another POS.
      const others = world.otherSessions(till.session!);
      const into = others.length > 0 ? others[cmd.pick % others.length] : undefined;
      cmd.into = into;
      return { mergeSession: { mergeWithSessionId: into?.sessionId ?? till.t.freshId('session') } };
    },
    after(world, till, cmd) {
      cmd.into?.lines.push(...till.session!.lines.map((l) => ({ ...l, line: structuredClone(l.line) })));
      end('merged')(world, till);
    },
  },
  credit: { event: 'creditSession', weight: 1, can: (_w, till) => !!idle(till), after: end('credited') },
};

/** One step of a generated session life: an action on a workplace, with the generated content it uses. */
export class SessionCommand implements fc.AsyncCommand<PosWorld, MplusContext, boolean> {
  /** The session a merge went into (set when it runs). */
  into?: PosSession;
  /** The session parked to resume another (set when it runs). */
  parked?: PosSession;

  constructor(
    readonly action: string,
    /** The workplace, from 0. */
    readonly w: number,
    /** A generated request of the action's event: its event objects (the code scanned, the line added…). */
    readonly template: MplusRequest,
    /** Picks a line, a paused session, the answers to dialogs and forms. */
    readonly pick: number,
    /** The first reply is lost and the POS delivers the event again. */
    readonly redeliver: boolean,
  ) {}

  check(world: Readonly<PosWorld>): boolean {
    const till = world.tills[this.w];
    if (till === undefined) return false;
    const action = ACTIONS[this.action];
    if (!till.session && action.opens) return true;
    return action.can(world as PosWorld, till, this);
  }

  async run(world: PosWorld): Promise<void> {
    const till = world.tills[this.w];
    const action = ACTIONS[this.action];
    till.opts.responder = sampledResponder(this.pick);
    this.parked = undefined;
    if (!till.session && action.opens) {
      // The POS starts a session when its user begins one with this action (rings up an article, scans a code…).
      // (Not subscribed to startSession: the session starts all the same, the endpoint just does not hear of it.)
      till.open(till.newSession());
      if (till.t.event('startSession')) world.judge(await till.send('startSession', {}, { redeliver: this.redeliver }));
    }
    if (this.action === 'complete' && !till.session!.paymentStarted) {
      till.session!.paymentStarted = true;
      world.judge(await till.send('startPayment', {}, { redeliver: this.redeliver }));
    }
    if (this.action === 'resume' && till.session) {
      this.parked = till.session;
      world.judge(await till.send('pauseSession', {}, { redeliver: this.redeliver }));
      ACTIONS.pause.after!(world, till, this);
    }
    const objects = action.before?.(world, till, this) ?? {};
    const conv = await till.send(action.event, objects, { template: this.template, redeliver: this.redeliver });
    world.judge(conv);
    action.after?.(world, till, this);
  }

  toString(): string {
    return `w${this.w + 1} ${ACTIONS[this.action].event}${this.redeliver ? ' (re-delivered)' : ''}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

/**
 * The commands of the subscribed actions for `workplaces` workplaces. Contents do not shrink (a scanned code
 * or a line stays what it was): shrinking removes steps and moves them to the first workplaces.
 */
export function sessionCommands(
  t: MplusContext,
  workplaces: number,
  redeliver: fc.Arbitrary<boolean>,
  weights: Partial<Record<string, number>> = {},
): fc.Arbitrary<SessionCommand> {
  const subscribed = Object.entries(ACTIONS).filter(([name, a]) => t.event(a.event) && (weights[name] ?? a.weight) > 0);
  return fc.oneof(
    ...subscribed.map(([name, a]) => ({
      weight: weights[name] ?? a.weight,
      arbitrary: fc
        .tuple(fc.nat({ max: workplaces - 1 }), noShrink(withExplored(t, a.event, t.requests(a.event))), noShrink(fc.nat()), redeliver)
        .map(([w, template, pick, again]) => new SessionCommand(name, w, template, pick, again)),
    })),
  );
}

/**
 * A fixed opening of named actions on workplace 0, run before the generated steps of every case: a sequence
 * the whole check must see under every seed, whatever the weights draw (e.g. a line removed, then an event
 * whose reply may carry lineChanges). Only the contents are generated; actions not subscribed are left out.
 * Every case starts with the whole opening, and a failing case shrinks it step by step like the generated
 * steps, so a counterexample names only the steps that cause the failure.
 */
export function openingCommands(t: MplusContext, actions: readonly string[]): fc.Arbitrary<SessionCommand[]> {
  const steps = actions.filter((name) => t.event(ACTIONS[name].event));
  return new Opening(
    steps.map((name) =>
      fc.tuple(noShrink(withExplored(t, ACTIONS[name].event, t.requests(ACTIONS[name].event))), noShrink(fc.nat())).map(([template, pick]) => new SessionCommand(name, 0, template, pick, false)),
    ),
  );
}

/** Generates every step of an opening, in order; shrinks by leaving one step out (its contents kept). */
class Opening extends fc.Arbitrary<SessionCommand[]> {
  constructor(private readonly steps: fc.Arbitrary<SessionCommand>[]) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<SessionCommand[]> {
    return Opening.value(this.steps.map((step) => step.generate(mrng, biasFactor)));
  }

  canShrinkWithoutContext(_value: unknown): _value is SessionCommand[] {
    return false;
  }

  shrink(_value: SessionCommand[], context: unknown): fc.Stream<fc.Value<SessionCommand[]>> {
    const values = context as fc.Value<SessionCommand>[];
    return fc.Stream.of(...values.map((_, i) => Opening.value(values.filter((_, j) => j !== i))));
  }

  private static value(values: fc.Value<SessionCommand>[]): fc.Value<SessionCommand[]> {
    return new fc.Value(values.map((v) => v.value), values);
  }
}
