import { AsyncLocalStorage } from 'node:async_hooks';
import fc from 'fast-check';
import type { Subscription } from './subscription.js';
import type { Exchange, LiveExchange } from '../http/exchange.js';
import { CheckFailure, CheckSkipped, NotSent } from './failure.js';
import { provenWords, type LatenessProof } from './over-budget.js';
import type { RunOptions } from './options.js';
import { ExchangeSample, FLOWS_PER_CASE, KEPT_PER_CASE, strip } from './recorder.js';
import type { CaseCount, FailureDetail, FlowRecord, KindFailure } from './types.js';

/** The most failing kinds a check reports beside its first failure (each costs a shrink). */
export const MAX_COUNTEREXAMPLES = 8;

/** Options of one property run. */
export interface PropertyOptions<T = unknown> {
  /** How many generated cases. @defaultValue the run's `--runs` */
  runs?: number;
  /** The seed of this property. @defaultValue the check's seed */
  seed?: number;
  /** Cases run first (fast-check's `examples`; they count in `runs`): e.g. the requests exploration found. */
  examples?: readonly T[];
  /**
   * Cases run at once, each on a lane of its own ({@link CheckContext.lane}): for properties whose cases are
   * independent (each case's requests depend only on its value and its own replies) in a context that gives
   * every lane its own workplaces and ids. Case `k` runs on lane `1 + k % lanes`, the cases of a lane one
   * after the other, so the same seed sends the same bytes however the replies interleave. Every case runs
   * (a failure does not stop the others: what is sent never depends on timing); the failing case of the lowest
   * index is then shrunk on lane 0, one case at a time. @defaultValue 1 (one case at a time, on lane 0)
   */
  lanes?: number;
}

/**
 * What belongs to the case running now: its lane, its latest exchanges and flows, whether it went unjudged,
 * whether it runs inside a property, and the cases it planned and judged (a part of the check's).
 */
interface CaseScope {
  readonly owner: CheckContext;
  readonly lane: number;
  exchanges: Exchange[];
  flows: FlowRecord[];
  unjudged: boolean;
  inProperty: boolean;
  readonly counts: CaseCount;
  /** What a case on a lane warned and noted: taken into the check's in the cases' order once all have run. */
  readonly said?: { warnings: string[]; notes: string[] };
}

/** One case of a property run once for several checks ({@link CheckContext.runShared}): its value and what it gave. */
export interface SharedCase<T, R> {
  value: T;
  /** What running the case gave (a delivery), unless it could not be sent. */
  outcome?: R;
  /** Why the case was not sent: its label proven over its budget, or the run stopping. */
  notSent?: NotSent;
}

/** The cases of a property run once, and the options they were generated with (a check replays a case with them). */
export interface SharedProperty<T, R> {
  readonly opts: PropertyOptions<T>;
  readonly cases: ReadonlyArray<SharedCase<T, R>>;
}

/** A failed case of a property: its index in fast-check's order, its value and what it threw. */
interface FailedCase<T> {
  index: number;
  value: T;
  err: unknown;
}

/** The values fast-check runs with `params`, in its order (examples first), without running anything. */
function valuesOf<T>(arb: fc.Arbitrary<T>, params: fc.Parameters<[T]>): T[] {
  const values: T[] = [];
  fc.check(
    fc.property(arb, (value) => {
      values.push(value);
    }),
    params,
  );
  return values;
}

/** A fresh scope on `lane`. */
function laneScope(owner: CheckContext, lane: number, inProperty: boolean): CaseScope {
  return { owner, lane, exchanges: [], flows: [], unjudged: false, inProperty, counts: { judged: 0, planned: 0 }, said: { warnings: [], notes: [] } };
}

/** How one kind of `perKind` ended. */
interface KindOutcome {
  passed: boolean;
  failure?: CheckFailure;
  crashed?: true;
  crash?: unknown;
}

/** What one property run is doing: shrinking replays cases, which count nothing. */
interface PropertyRun {
  shrinking: boolean;
}

/** The case scope of the code running now (a case of a property run on lanes), per async call chain. */
const currentCase = new AsyncLocalStorage<CaseScope>();

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
  /** What the check says beside its verdict, changing nothing of it ({@link note}). */
  readonly notes: string[] = [];
  readonly sample = new ExchangeSample();
  private readonly counts: CaseCount = { judged: 0, planned: 0 };
  /** The scope of the check itself (lane 0): cases of a property run one at a time share it. */
  private readonly rootCase: CaseScope = { owner: this, lane: 0, exchanges: [], flows: [], unjudged: false, inProperty: false, counts: this.counts };
  /** The case running now: one of a property run on lanes (per async call chain), else the check's own. */
  private get scope(): CaseScope {
    const s = currentCase.getStore();
    return s?.owner === this ? s : this.rootCase;
  }
  /**
   * The lane the code running now sends on: 0 outside a property run on lanes, else its case's (see
   * {@link PropertyOptions.lanes}). A profile gives each lane its own workplaces and ids.
   */
  get lane(): number {
    return this.scope.lane;
  }
  /**
   * Runs `work` on lane `lane` (1 or more), as a case of a property on lanes runs: what it sends comes from that
   * lane's workplaces and ids, whatever runs beside it. The caller decides what runs at once; the bytes of a
   * lane depend only on what that lane ran before.
   */
  onLane<R>(lane: number, work: () => Promise<R>): Promise<R> {
    // What it warns or notes goes straight to the check: the caller orders what runs at once.
    return currentCase.run({ ...laneScope(this, lane, false), said: undefined }, work);
  }

  /** Whether the code running now may put work on lanes: the check's own code, outside any property or lane. */
  private get onRoot(): boolean {
    return this.scope === this.rootCase && !this.rootCase.inProperty;
  }
  /**
   * The latest exchanges of the case running now (a property case, or the whole check), as records (without
   * their raw reply bytes): what a failure shows when it names no exchanges of its own.
   */
  protected get caseExchanges(): Exchange[] {
    return this.scope.exchanges;
  }
  protected set caseExchanges(list: Exchange[]) {
    this.scope.exchanges = list;
  }
  /** The flows of the case running now. */
  protected get caseFlows(): FlowRecord[] {
    return this.scope.flows;
  }
  protected set caseFlows(list: FlowRecord[]) {
    this.scope.flows = list;
  }
  /** The flows of the last case that passed (kept for the report). */
  lastFlows: FlowRecord[] = [];
  private readonly unjudgedWhy: string[] = [];
  /** The labels proven over budget that this check left out, with the cases (or kinds) that met each. */
  private readonly leftOutLabels = new Map<string, { proof: LatenessProof; cases: number }>();
  private kindsJudged = 0;

  /** True while a property runs its cases (a case that cannot be sent is then left unjudged, see {@link NotSent}). */
  get inCase(): boolean {
    return this.scope.inProperty;
  }

  /** Adds `n` to a count of the case running now, and so to the check's. */
  private count(what: keyof CaseCount, n = 1): void {
    const scope = this.scope;
    scope.counts[what] = (scope.counts[what] ?? 0) + n;
    if (scope.counts !== this.counts) this.counts[what] = (this.counts[what] ?? 0) + n;
  }

  /** The flows to show for a passing check: those of the last passing property case, else of the check itself. */
  get passingFlows(): FlowRecord[] {
    return this.lastFlows.length > 0 ? this.lastFlows : this.caseFlows;
  }

  constructor(
    readonly sub: Subscription,
    readonly options: RunOptions,
    /** This check's seed, derived from the run's seed and the check id. */
    readonly seed: number,
    /** Aborted when the check times out or the run stops: nothing more of the check is sent after that. */
    readonly signal: AbortSignal = new AbortController().signal,
  ) {}

  /**
   * How `label` was proven over its budget so far in the run, or `undefined` (the runner sets it): a check whose
   * subject is that lateness fails on the proving exchange even when its own replies came in time.
   */
  provenLate: (label: string) => LatenessProof | undefined = () => undefined;

  /**
   * The proof of a label this check does not send to (proven over its budget before the check began), else
   * `undefined` (the runner sets it; always `undefined` for the checks that judge lateness).
   */
  leavesOut: (label: string) => LatenessProof | undefined = () => undefined;

  /**
   * `items` (events, topics, types) less those whose label the check leaves out, each noted as left out: a
   * check that goes over the subscribed events skips the slow one and judges the others.
   */
  sendable<T>(items: readonly T[], label: (item: T) => string): T[] {
    return items.filter((item) => {
      const proof = this.leavesOut(label(item));
      if (proof) this.leaveOut(proof, false);
      return !proof;
    });
  }

  /** Records an exchange made for this check (the simulator calls it). */
  noteExchange(ex: LiveExchange): void {
    this.sample.add(ex);
    this.caseExchanges.push(strip(ex));
    if (this.caseExchanges.length > KEPT_PER_CASE) this.caseExchanges.shift();
  }

  /**
   * Starts recording a multi-step flow of the current case; the simulator adds a step per exchange with the
   * state it held after it. A failure carries the flows of its case.
   */
  flow(name: string): FlowRecord {
    const record: FlowRecord = { name, steps: [] };
    this.keepFlow(record);
    return record;
  }

  /** Keeps `flow` among the current case's, the latest {@link FLOWS_PER_CASE} of them. */
  protected keepFlow(flow: FlowRecord): void {
    this.caseFlows.push(flow);
    if (this.caseFlows.length > FLOWS_PER_CASE) this.caseFlows.shift();
  }

  /** The check plans `n` more cases (a property plans its runs itself). */
  plan(n = 1): void {
    this.count('planned', n);
  }

  /** `n` planned cases were judged (the cases of a property count themselves). */
  judged(n = 1): void {
    this.count('judged', n);
  }

  /**
   * The case running now could not be judged, and why (no time left, its flow not reached): it does not
   * count as judged, and a MUST check that judged fewer cases than it planned ends `error`.
   */
  unjudged(reason: string): void {
    this.scope.unjudged = true;
    if (!this.unjudgedWhy.includes(reason)) this.unjudgedWhy.push(reason);
  }

  /**
   * What the check met of a label proven over its budget (a {@link NotSent} `over-budget`): the case (or the kind
   * of {@link perKind}) is left out, neither judged nor unjudged; `planned`: it was one of the planned cases.
   * The timing checks judge that lateness; the check says which labels it left out ({@link notExercised}).
   */
  leaveOut(err: NotSent | LatenessProof, planned: boolean): void {
    const proof = err instanceof NotSent ? err.proof : err;
    if (!proof) return;
    const entry = this.leftOutLabels.get(proof.label) ?? { proof, cases: 0 };
    this.leftOutLabels.set(proof.label, entry);
    if (!planned) return;
    entry.cases++;
    this.count('notExercised');
  }

  /**
   * The cases planned since `before` that were neither judged nor left out: the open ones, which the label of
   * `err` cut short, are left out too (a kind of {@link perKind}, or the check itself, stopped there).
   */
  leaveOpen(err: NotSent, before: CaseCount = { judged: 0, planned: 0 }): void {
    const c = this.scope.counts;
    const open = c.planned - before.planned - (c.judged - before.judged) - ((c.notExercised ?? 0) - (before.notExercised ?? 0));
    for (let i = 0; i < open; i++) this.leaveOut(err, true);
  }

  /**
   * The labels the check left out, in words (`startSession proven over its budget by MP-TIM-001`), sorted;
   * `undefined` when it left none out.
   */
  get notExercised(): string | undefined {
    if (this.leftOutLabels.size === 0) return undefined;
    return [...this.leftOutLabels.values()].map((e) => provenWords(e.proof)).sort().join('; ');
  }

  /**
   * Whether the check judged anything beside what it left out: a judged case; in a check that plans no cases,
   * a judged kind of {@link perKind} or an exchange.
   */
  get judgedAny(): boolean {
    return this.counts.planned > 0 ? this.counts.judged > 0 : this.kindsJudged > 0 || this.sample.count > 0;
  }

  /** How many of its planned cases the check judged; `undefined` when it planned none. */
  get cases(): CaseCount | undefined {
    return this.counts.planned > 0 ? { ...this.counts } : undefined;
  }

  /** Why cases were not judged, each reason once. */
  get unjudgedReasons(): readonly string[] {
    return this.unjudgedWhy;
  }

  /** The endpoint broke the rule: says what was expected and what came back, with the exchanges that show it. */
  fail(message: string, detail: { expected?: string; received?: string; exchanges?: LiveExchange[] } = {}): never {
    // A planned case that fails was judged (a property counts its own cases).
    const scope = this.scope;
    if (!scope.inProperty && scope.counts.judged < scope.counts.planned) this.count('judged');
    throw new CheckFailure(message, {
      ...detail,
      exchanges: (detail.exchanges ?? this.caseExchanges).map(strip),
      ...(this.caseFlows.length > 0 ? { flows: this.caseFlows } : {}),
    });
  }

  /** Notes a lenient acceptance or a SHOULD-level observation; the check's verdict becomes `warn`. */
  warn(message: string): void {
    const list = this.scope.said?.warnings ?? this.warnings;
    if (!list.includes(message)) list.push(message);
  }

  /**
   * A fact about how the check ran that is not about the endpoint (a busy local port, a fallback it took): said
   * in the check's `reason`, never a warning, never changing its status.
   */
  note(message: string): void {
    const list = this.scope.said?.notes ?? this.notes;
    if (!list.includes(message)) list.push(message);
  }

  /** Takes what the scopes of cases (or kinds) on lanes said into the code running now, in their order. */
  private tell(scopes: ReadonlyArray<CaseScope | undefined>): void {
    for (const scope of scopes) {
      for (const w of scope?.said?.warnings ?? []) this.warn(w);
      for (const n of scope?.said?.notes ?? []) this.note(n);
    }
  }

  /** The check does not apply to what is being tested. */
  skip(reason: string): never {
    throw new CheckSkipped(reason);
  }

  /**
   * Runs `predicate` over generated values with fast-check: seeded from the check's seed, shrunk on failure.
   * The predicate judges with `t.fail`; the failure reported is the shrunk one, with seed and path. With
   * `lanes` (independent cases) several cases are in flight at once ({@link PropertyOptions.lanes}).
   */
  async property<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, opts: PropertyOptions<T> = {}): Promise<void> {
    const params = this.paramsOf(opts);
    this.plan(params.numRuns);
    // Only from the check's own code: a property inside a case of another, or inside a kind on a lane
    // ({@link perKind}), runs its cases one at a time, on that lane.
    const lanes = this.onRoot ? Math.max(1, Math.min(opts.lanes ?? 1, params.numRuns)) : 1;
    const run: PropertyRun = { shrinking: false };
    const details = await this.inProperty(() =>
      lanes > 1
        ? this.onLanes(arb, predicate, params, lanes, run)
        : fc.check(
            fc.asyncProperty(arb, (value) => this.runCase(predicate, value, run, true)),
            params,
          ),
    );
    this.verdictOf(details);
  }

  /**
   * Runs the cases of a property once, for every check that judges them ({@link judgeShared}): the values
   * fast-check runs with `opts`, in its order, one after the other on the lane running now, each through
   * `run`. A case that could not be sent ({@link NotSent}: its label proven over budget, the run stopping)
   * keeps why; what is sent never depends on what the cases gave.
   */
  async runShared<T, R>(arb: fc.Arbitrary<T>, run: (value: T) => Promise<R>, opts: PropertyOptions<T>): Promise<SharedProperty<T, R>> {
    const cases: Array<SharedCase<T, R>> = [];
    for (const value of valuesOf(arb, this.paramsOf(opts))) {
      if (this.signal.aborted) cases.push({ value, notSent: new NotSent('not sent: the run had stopped', 'ended') });
      else {
        try {
          cases.push({ value, outcome: await run(value) });
        } catch (err) {
          if (!(err instanceof NotSent)) throw err;
          cases.push({ value, notSent: err });
        }
      }
    }
    return { opts, cases };
  }

  /**
   * Judges a property whose cases ran once for several checks ({@link runShared}): `judge` reads each case's
   * outcome, in the cases' order, as this check's own cases (counted, left out or unjudged alike); then the
   * failing case of the lowest index is replayed by this check with its own requests (`replay`, the same value)
   * and shrunk by fast-check, as {@link property} on lanes does. A failure the replay does not reproduce is
   * reported as first found, unshrunk.
   */
  async judgeShared<T, R>(arb: fc.Arbitrary<T>, shared: SharedProperty<T, R>, judge: (outcome: R) => void | Promise<void>, replay: (value: T) => Promise<void>): Promise<void> {
    const params = this.paramsOf(shared.opts);
    this.plan(shared.cases.length);
    const run: PropertyRun = { shrinking: false };
    const details = await this.inProperty(async () => {
      let first: FailedCase<T> | undefined;
      for (const [k, c] of shared.cases.entries()) {
        const read = async () => {
          if (c.notSent) throw c.notSent;
          await judge(c.outcome as R);
        };
        await this.runCase(read, c.value, run, false).catch((err: unknown) => void (first ??= { index: k, value: c.value, err }));
      }
      return this.shrinkFirst(arb, replay, params, first, run);
    });
    this.verdictOf(details);
  }

  /** fast-check's parameters of a property run with `opts`. */
  private paramsOf<T>(opts: PropertyOptions<T>): fc.Parameters<[T]> & { seed: number; numRuns: number } {
    return {
      seed: opts.seed ?? this.seed,
      numRuns: opts.runs ?? this.options.runs,
      endOnFailure: false,
      markInterruptAsFailure: false,
      ...(opts.examples && opts.examples.length > 0 ? { examples: opts.examples.map((v) => [v] as [T]) } : {}),
    };
  }

  /** Runs `work` as a property's cases (see {@link inCase}), then puts the scope back as it was. */
  private async inProperty<R>(work: () => Promise<R>): Promise<R> {
    const scope = this.scope;
    const was = scope.inProperty;
    scope.inProperty = true;
    try {
      return await work();
    } finally {
      scope.inProperty = was;
    }
  }

  /** Throws what a property run found: its shrunk failure with what replays it, or what crashed; nothing when it passed. */
  private verdictOf<T>(details: fc.RunDetails<[T]>): void {
    if (this.signal.aborted) throw new NotSent('not sent: the check had ended', 'ended');
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

  /**
   * One case of a property: judged on its own (one that could not, `unjudged`, is not counted; shrinking, which
   * replays cases, counts nothing). Throws what fast-check must see as the case failing.
   */
  private async runCase<T>(predicate: (value: T) => Promise<void>, value: T, run: PropertyRun, inOrder: boolean): Promise<void> {
    // The check has ended: the remaining cases (and any shrinking) end at once, without a request and without
    // being judged. Not `fc.pre`: a skipped case makes fast-check generate another, up to 100 per run, and
    // that generation never waits on I/O, so a property of many runs spun for minutes with the event loop
    // starved (no timer, no signal handler ran: --max-run-time and SIGTERM had no effect).
    if (this.signal.aborted) return;
    const scope = this.scope;
    scope.exchanges = [];
    scope.flows = [];
    scope.unjudged = false;
    try {
      await predicate(value);
    } catch (err) {
      // Not sent: its label is proven over budget (the case is left out), or the check ended (the case is
      // not judged). Never a failure.
      if (err instanceof NotSent) {
        if (err.why === 'over-budget') {
          if (!run.shrinking) this.leaveOut(err, true);
        } else this.unjudged(err.message);
        return;
      }
      if (!run.shrinking) this.judged();
      // Cases run in fast-check's order: what follows a failure is its shrinking.
      if (inOrder) run.shrinking = true;
      throw err;
    }
    if (!run.shrinking && !scope.unjudged) this.judged();
    // The flows a passing check shows are its last passing case's (on lanes: of the highest index, see onLanes).
    if (inOrder && scope === this.rootCase && scope.flows.length > 0) this.lastFlows = scope.flows;
  }

  /**
   * The cases of a property on `lanes` lanes: the values fast-check runs, in its order, each generated as its
   * lane comes free (case `k` on lane `1 + k % lanes`, after that lane's case before), every case run; then the
   * failing case of the lowest index is replayed and shrunk by fast-check on lane 0 (`path`). A failure the replay does not reproduce (the endpoint
   * answered it differently the second time) is reported as first found, unshrunk.
   *
   * Only that failing case is kept (its value and what it threw), not every one: a generated value holds
   * fast-check's shrink tree (up to 1.6 MB for a session life), and against an endpoint that fails every case
   * all the failures of the properties in flight were held until their ends (the bench's deep-nesting endpoint
   * peaked at 309 MB RSS).
   */
  private async onLanes<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, params: fc.Parameters<[T]>, lanes: number, run: PropertyRun): Promise<fc.RunDetails<[T]>> {
    /** The failed case of the lowest index so far (only it is replayed: the others' values are let go). */
    let firstFailure: FailedCase<T> | undefined;
    let lastFlows: { index: number; flows: FlowRecord[] } | undefined;
    // What the cases said, taken in the cases' order as soon as every case before has ended.
    const ended = new Map<number, CaseScope>();
    let told = 0;
    const tellInOrder = () => {
      for (let scope = ended.get(told); scope; scope = ended.get(told)) {
        this.tell([scope]);
        ended.delete(told++);
      }
    };
    // Cases are generated one at a time, in fast-check's order, as a lane comes free: case k waits for the
    // case before it on its lane, never for the other lanes', and nothing is generated far ahead of sending.
    const busy: Array<Promise<void>> = Array.from({ length: lanes }, () => Promise.resolve());
    let next = 0;
    await fc.check(
      fc.asyncProperty(arb, async (value) => {
        const k = next++;
        const slot = k % lanes;
        await busy[slot];
        if (this.signal.aborted) return;
        busy[slot] = (async () => {
          const scope = laneScope(this, slot + 1, true);
          const failed = await currentCase.run(scope, () => this.runCase(predicate, value, run, false)).then(
            () => false,
            (err: unknown) => {
              if (!firstFailure || k < firstFailure.index) firstFailure = { index: k, value, err };
              return true;
            },
          );
          if (!failed && scope.flows.length > 0 && (lastFlows?.index ?? -1) < k) lastFlows = { index: k, flows: scope.flows };
          ended.set(k, scope);
          tellInOrder();
        })();
      }),
      params,
    );
    await Promise.all(busy);
    tellInOrder();
    if (lastFlows) this.lastFlows = lastFlows.flows;
    return this.shrinkFirst(arb, predicate, params, firstFailure, run);
  }

  /**
   * The failed case of the lowest index (`found`), replayed through `predicate` and shrunk by fast-check on the
   * lane running now; reported as first found, unshrunk, when the replay does not fail again (the endpoint
   * answered it differently the second time). Passed when nothing failed.
   */
  private async shrinkFirst<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, params: fc.Parameters<[T]>, found: FailedCase<T> | undefined, run: PropertyRun): Promise<fc.RunDetails<[T]>> {
    const seed = params.seed!;
    if (!found || this.signal.aborted) return { failed: false, seed } as fc.RunDetails<[T]>;
    run.shrinking = true;
    const shrunk = await fc.check(
      fc.asyncProperty(arb, (value) => this.runCase(predicate, value, run, false)),
      { ...params, path: String(found.index) },
    );
    if (shrunk.failed) return shrunk;
    return { failed: true, seed, counterexample: [found.value], counterexamplePath: String(found.index), numShrinks: 0, errorInstance: found.err } as fc.RunDetails<[T]>;
  }

  /**
   * Runs `each` for every kind of case (an event, a body kind): a failure of one kind does not stop the
   * others, so the integrator sees the whole problem in one run. The first failure is thrown with the first
   * failure of each other kind (each shrunk on its own, at most {@link MAX_COUNTEREXAMPLES}) beside it. A kind
   * that meets a label proven over its budget is left out ({@link leaveOut}) and the others go on.
   *
   * With `lanes` (kinds independent of each other, in a context that gives every lane its own workplaces and
   * ids) kind `i` runs on lane `1 + i % lanes`, the kinds of a lane one after the other, their properties one
   * case at a time on that lane; every kind runs, and what they found is taken in the kinds' order.
   */
  async perKind<K>(kinds: readonly K[], name: (kind: K) => string, each: (kind: K) => Promise<void>, opts: { lanes?: number } = {}): Promise<void> {
    const lanes = this.onRoot ? Math.max(1, Math.min(opts.lanes ?? 1, kinds.length)) : 1;
    const outcomes: Array<KindOutcome | undefined> = [];
    if (lanes === 1) {
      let failed = 0;
      for (const [i, kind] of kinds.entries()) {
        if (failed > MAX_COUNTEREXAMPLES) break;
        const outcome = await this.oneKind(kind, each);
        outcomes[i] = outcome;
        if (outcome.crashed) break;
        if (outcome.failure) failed++;
      }
    } else {
      const { results, scopes } = await this.spread(kinds, lanes, (kind) => this.oneKind(kind, each));
      outcomes.push(...results);
      const shown = scopes.findLastIndex((scope, i) => scope !== undefined && scope.flows.length > 0 && results[i]?.passed);
      if (shown >= 0) this.lastFlows = scopes[shown].flows;
    }
    const failures: Array<{ kind: string; err: CheckFailure }> = [];
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome?.crashed) throw outcome.crash;
      if (outcome?.failure && failures.length <= MAX_COUNTEREXAMPLES) failures.push({ kind: name(kinds[i]), err: outcome.failure });
    }
    if (failures.length === 0) return;
    const [first, ...others] = failures;
    for (const o of others) {
      const { counterexamples: _, ...detail } = CheckContext.detailOf(o.err);
      first.err.others.push({ kind: o.kind, ...detail });
    }
    throw first.err;
  }

  /**
   * Runs `work` for each of `items` side by side, for items independent of each other in a context that gives
   * every lane its own workplaces and ids: item `i` on lane `1 + i % lanes`, the items of a lane one after the
   * other, so the same seed sends the same bytes however the replies interleave. Every item runs; the results
   * come in the items' order (the first item that threw, in that order, throws once all have ended), and what
   * they warned or noted is taken in that order too. Inside a property or a lane, one item at a time.
   */
  async eachOnLanes<T, R>(items: readonly T[], lanes: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
    if (!this.onRoot || lanes <= 1) {
      const out: R[] = [];
      for (const [i, item] of items.entries()) out.push(await work(item, i));
      return out;
    }
    const thrown: Array<{ err: unknown } | undefined> = [];
    const { results } = await this.spread(items, lanes, (item, i) =>
      work(item, i).catch((err: unknown) => {
        thrown[i] = { err };
        return undefined as R;
      }),
    );
    const first = thrown.find((x) => x !== undefined);
    if (first) throw first.err;
    return results;
  }

  /** Runs `work` over `items` on lanes (see {@link eachOnLanes}); `work` must not throw. */
  private async spread<T, R>(items: readonly T[], lanes: number, work: (item: T, index: number) => Promise<R>): Promise<{ results: R[]; scopes: CaseScope[] }> {
    const results: R[] = [];
    const scopes: CaseScope[] = [];
    const width = Math.max(1, Math.min(lanes, items.length));
    const lane = async (n: number) => {
      for (let i = n - 1; i < items.length && !this.signal.aborted; i += width) {
        const scope = laneScope(this, n, false);
        scopes[i] = scope;
        results[i] = await currentCase.run(scope, () => work(items[i], i));
      }
    };
    await Promise.all(Array.from({ length: width }, (_, i) => lane(i + 1)));
    this.tell(scopes);
    return { results, scopes };
  }

  /** One kind of {@link perKind}: passed, failed, left out (a label proven over its budget), or crashed. */
  private async oneKind<K>(kind: K, each: (kind: K) => Promise<void>): Promise<KindOutcome> {
    const before = { ...this.scope.counts };
    try {
      await each(kind);
      this.kindsJudged++;
      return { passed: true };
    } catch (err) {
      if (err instanceof NotSent && err.why === 'over-budget') {
        this.leaveOut(err, false);
        this.leaveOpen(err, before);
        return { passed: false };
      }
      if (!(err instanceof CheckFailure)) return { passed: false, crashed: true, crash: err };
      this.kindsJudged++;
      return { passed: false, failure: err };
    }
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
    if (err.others.length > 0) base.counterexamples = err.others.map((o): KindFailure => ({ ...o }));
    return base;
  }
}
