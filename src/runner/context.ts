import fc from 'fast-check';
import type { Subscription } from '../config/subscription.js';
import type { LiveExchange } from '../http/exchange.js';
import { CheckFailure, CheckSkipped } from './failure.js';
import type { RunOptions } from './options.js';
import { ExchangeSample, strip } from './recorder.js';
import type { FailureDetail, FlowRecord } from './types.js';

/** Options of one property run. */
export interface PropertyOptions {
  /** How many generated cases. @defaultValue the run's `--runs` */
  runs?: number;
}

/** A failure found by a property run, shrunk, with what replays it. */
export class PropertyFailure extends CheckFailure {
  constructor(
    inner: CheckFailure,
    readonly property: { counterexample: unknown; seed: number; path: string; shrinks: number },
  ) {
    super(inner.message, inner.detail);
  }
}

/**
 * What every check gets, whatever the profile: the subscription, the run options, its own seed, and the
 * verbs to judge (`fail`, `warn`, `skip`, `property`). Profiles extend it with their simulator.
 */
export class CheckContext {
  readonly warnings: string[] = [];
  readonly sample = new ExchangeSample();
  /** The exchanges of the case running now (a property case, or the whole check). */
  protected caseExchanges: LiveExchange[] = [];
  /** The flows of the case running now. */
  protected caseFlows: FlowRecord[] = [];
  /** The flows of the last case that passed (kept for the report). */
  lastFlows: FlowRecord[] = [];

  /** The flows to show for a passing check: those of the last passing property case, else of the check itself. */
  get passingFlows(): FlowRecord[] {
    return this.lastFlows.length > 0 ? this.lastFlows : this.caseFlows;
  }

  constructor(
    readonly sub: Subscription,
    readonly options: RunOptions,
    /** This check's seed, derived from the run's seed and the check id. */
    readonly seed: number,
  ) {}

  /** Records an exchange made for this check (the simulator calls it). */
  noteExchange(ex: LiveExchange): void {
    this.sample.add(ex);
    this.caseExchanges.push(ex);
  }

  /**
   * Starts recording a multi-step flow of the current case; the simulator adds a step per exchange with the
   * state it held after it. A failure carries the flows of its case.
   */
  flow(name: string): FlowRecord {
    const record: FlowRecord = { name, steps: [] };
    this.caseFlows.push(record);
    return record;
  }

  /** The endpoint broke the rule: says what was expected and what came back, with the exchanges that show it. */
  fail(message: string, detail: { expected?: string; received?: string; exchanges?: LiveExchange[] } = {}): never {
    throw new CheckFailure(message, {
      ...detail,
      exchanges: (detail.exchanges ?? this.caseExchanges).map(strip),
      ...(this.caseFlows.length > 0 ? { flows: this.caseFlows } : {}),
    });
  }

  /** Notes a lenient acceptance or a SHOULD-level observation; the check's verdict becomes `warn`. */
  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  /** The check does not apply to what is being tested. */
  skip(reason: string): never {
    throw new CheckSkipped(reason);
  }

  /**
   * Runs `predicate` over generated values with fast-check: seeded from the check's seed, shrunk on failure.
   * The predicate judges with `t.fail`; the failure reported is the shrunk one, with seed and path.
   */
  async property<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, opts: PropertyOptions = {}): Promise<void> {
    const details = await fc.check(
      fc.asyncProperty(arb, async (value) => {
        this.caseExchanges = [];
        this.caseFlows = [];
        await predicate(value);
        if (this.caseFlows.length > 0) this.lastFlows = this.caseFlows;
      }),
      { seed: this.seed, numRuns: opts.runs ?? this.options.runs, endOnFailure: false, markInterruptAsFailure: false },
    );
    if (!details.failed) return;
    const err = details.errorInstance;
    if (err instanceof CheckFailure) {
      throw new PropertyFailure(err, {
        counterexample: details.counterexample?.[0],
        seed: details.seed,
        path: details.counterexamplePath ?? '',
        shrinks: details.numShrinks,
      });
    }
    throw err;
  }

  /** The failure detail of a thrown failure, for the results. */
  static detailOf(err: CheckFailure): FailureDetail {
    const base: FailureDetail = {
      message: err.message,
      expected: err.detail.expected,
      received: err.detail.received,
      exchanges: err.detail.exchanges ?? [],
      ...(err.detail.flows ? { flows: err.detail.flows } : {}),
    };
    if (err instanceof PropertyFailure) {
      base.counterexample = err.property.counterexample;
      base.seed = err.property.seed;
      base.path = err.property.path;
      base.shrinks = err.property.shrinks;
    }
    return base;
  }
}
