import fc from 'fast-check';
import { CASE_LANES, type MplusContext } from '../context.js';
import { ACTIONS, openingCommands, sessionCommands, type SessionCommand } from './commands.js';
import { PosWorld } from './world.js';
import { whenAnySubscribed } from '../../runner/subscription.js';

/** How a model-based run is shaped. */
export interface SessionModelOptions {
  /** Workplaces working at once (sessions move between them through pause and resume). @defaultValue 1 */
  workplaces?: number;
  /** Probability that an event is re-delivered after its reply was lost (idempotency). @defaultValue 0 */
  redelivery?: number;
  /** Steps per generated sequence at most. @defaultValue {@link MAX_SESSION_STEPS} */
  maxCommands?: number;
  /** Sequences generated. @defaultValue twice `--runs`, at least 8 */
  runs?: number;
  /** How often each action comes up, by name (`add`, `pause`…), over the defaults of {@link ACTIONS}. */
  weights?: Partial<Record<string, number>>;
  /**
   * Actions by name run first in every case, on workplace 0 (those the POS allows then; see
   * {@link openingCommands}): what the check must see under every seed. @defaultValue none
   */
  opening?: readonly string[];
}

/**
 * An opening that removes a line and then sends events whose replies may carry lineChanges: a receiver that
 * keeps naming a removed line (it ignored removeSessionLine) is seen under every seed.
 */
export const LINE_REMOVED_OPENING = ['add', 'add', 'remove', 'add', 'scan'] as const;

/** The events of a session's life the model sends. */
export const SESSION_EVENTS: readonly string[] = [...new Set(Object.values(ACTIONS).map((a) => a.event))];

/** The longest sequence of events a model-based check generates. */
export const MAX_SESSION_STEPS = 16;

/**
 * Model-based testing of whole sessions (`fc.commands` + `fc.asyncModelRun`): random, plausible sequences of
 * the POS user's actions across a session's life, on one or several workplaces at once; every reply is
 * judged against the session the POS held when it sent the event. A failing sequence shrinks to the fewest
 * steps that still fail, and the same seed finds the same one. Returns how many events were sent.
 */
export async function runSessionModel(t: MplusContext, opts: SessionModelOptions = {}): Promise<number> {
  const workplaces = Math.max(1, opts.workplaces ?? 1);
  const redelivery = opts.redelivery ?? 0;
  const again = redelivery > 0 ? fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x < redelivery) : fc.constant(false);
  const commands = fc.commands([sessionCommands(t, workplaces, again, opts.weights)], { maxCommands: opts.maxCommands ?? MAX_SESSION_STEPS, size: 'max' });
  const opening = openingCommands(t, opts.opening ?? []);
  let sent = 0;
  await t.property(
    fc.tuple(opening, commands),
    async (pair) => {
      const [first, cmds] = pair;
      // The counterexample the report shows: the steps that ran (the opening's, then the generated ones), in words.
      const opened: SessionCommand[] = [];
      const iterable = cmds as unknown as { commands?: Array<{ cmd: SessionCommand; hasRan: boolean }> };
      (pair as unknown as { toJSON: () => unknown }).toJSON = () => [...opened, ...(iterable.commands ?? []).filter((c) => c.hasRan).map((c) => c.cmd)].map(String);
      const world = new PosWorld(t, workplaces, t.flow(workplaces > 1 ? `session life on ${workplaces} workplaces` : 'session life'));
      try {
        for (const cmd of first)
          if (cmd.check(world)) {
            opened.push(cmd);
            await cmd.run(world);
          }
        await fc.asyncModelRun(() => ({ model: world, real: t }), cmds);
      } finally {
        t.discardFlow(world.flow);
      }
      sent += world.log.filter((l) => !l.startsWith(' ')).length;
    },
    { runs: opts.runs ?? Math.max(8, 2 * t.options.runs), lanes: CASE_LANES },
  );
  return sent;
}

/** The `appliesTo` of the checks that run the session model: some event of a session's life is subscribed. */
export const sessionSubscribed = whenAnySubscribed(SESSION_EVENTS, 'no event of a session’s life is subscribed');
