import fc from 'fast-check';
import type { EventConfig, Subscription } from '../runner/subscription.js';
import type { LiveExchange } from '../http/exchange.js';
import { type Catalogue } from '../protocol/mplus/catalogue.js';
import { bodyBytes, type BodyForm } from '../protocol/corpus/forms.js';
import { MPLUS_CORPUS } from '../protocol/mplus/corpus.js';
import { ownBytes } from '../http/own-bytes.js';
import { forgedSignature, type Forgery } from '../protocol/forgery.js';
import { eventUrl, mplusScheme, requestHeaders, type Tamper } from '../protocol/mplus/headers.js';
import { judgeReply, type JudgedReply } from '../protocol/mplus/reply.js';
import { identityJson, requestArbitrary, withIdentity, type Identity, type MplusRequest, type RequestShape } from '../protocol/mplus/requests.js';
import { CheckContext } from '../runner/context.js';
import { deliverBytes } from '../runner/deliver.js';
import type { RunOptions } from '../runner/options.js';
import type { RunDeps } from '../runner/run.js';
import type { FlowRecord } from '../runner/types.js';
import { deriveSeed } from '../runner/seed.js';
import { replyFeatures } from './coverage.js';
import type { Exploration } from './exploration.js';
import { uuidFrom, Workplace } from './workplace.js';

/** One request delivered and its reply as the POS read it. */
export interface Delivery {
  event: string;
  /** The request as sent (`undefined` when it went in a raw form or as given bytes). */
  request?: MplusRequest;
  /** The exact bytes sent. */
  body: Buffer;
  exchange: LiveExchange;
  reply: JudgedReply;
}

/** A request and the identity stamped on it at delivery ({@link withIdentity}). */
interface Stamp {
  request: MplusRequest;
  id: Identity;
}

/**
 * The delivery of a stamped request: its `request` is made when first read (then kept), the same object every
 * time, a plain value to JSON.stringify, spreads and structuredClone.
 */
function stampedDelivery(event: string, stamp: Stamp, body: Buffer, exchange: LiveExchange, reply: JudgedReply): Delivery {
  let stamped: MplusRequest | undefined;
  let made = false;
  return {
    event,
    get request(): MplusRequest | undefined {
      if (!made) {
        stamped = withIdentity(stamp.request, stamp.id);
        made = true;
      }
      return stamped;
    },
    set request(value: MplusRequest | undefined) {
      stamped = value;
      made = true;
    },
    body,
    exchange,
    reply,
  };
}

/** How one request goes out: forged, in another form, with other headers, from another workplace. */
export interface DeliverOptions {
  /** The signature header a forger would send instead of the POS's (see {@link Forgery}). */
  forged?: Forgery;
  /**
   * The body in another form than the request's compact JSON: a corpus entry (truncated, XML, restyled…),
   * rendered from the stamped request; or exact bytes (a re-delivery). Signed over those bytes unless `forged`.
   */
  raw?: BodyForm | Buffer;
  /** Headers other than the signature, changed or left out. */
  tamper?: Tamper;
  /** The workplace that sends it. @defaultValue 0 */
  workplace?: number;
  /** Stamp the workplace's identity (counter, timestamp, instance) on the request. @defaultValue true */
  stamp?: boolean;
}

/**
 * Workplaces a case on a lane of its own may use (a session's life on several workplaces, a shop): lane `n`'s
 * are the check's workplaces `8n` to `8n + 7`, so cases in flight at once never share a workplace.
 */
export const WORKPLACES_PER_LANE = 8;

/**
 * Cases in flight at once in the properties whose cases are independent (robustness, every reply, session
 * lives, dialogs and forms): a remote endpoint's round trip, not the POS, sets their pace.
 */
export const CASE_LANES = 4;

/** What the simulator needs from the run: the check's line to the endpoint, the recorder, the schemas, who it is. */
export interface PosDeps extends RunDeps {
  catalogue: Catalogue;
}

/**
 * The check context of the `mplus` profile: the POS simulator. Checks ask it for requests and deliveries;
 * it never lets a check touch sockets, signatures or schemas directly.
 */
export class MplusContext extends CheckContext {
  /** Per lane ({@link CheckContext.lane}): its workplaces, and how many requests and ids it has made. */
  private readonly lanes = new Map<number, { workplaces: Workplace[]; built: number; minted: number }>();

  constructor(
    sub: Subscription,
    options: RunOptions,
    seed: number,
    readonly deps: PosDeps,
  ) {
    super(sub, options, seed, deps.signal);
  }

  /** What the exploration phase found, when it ran (the flow checks start from it). */
  get explored(): Exploration | undefined {
    return this.deps.explored as Exploration | undefined;
  }

  get catalogue(): Catalogue {
    return this.deps.catalogue;
  }

  /** The subscribed events, less those this check leaves out (proven over their budget: {@link sendable}). */
  events(): EventConfig[] {
    return this.sendable(this.sub.events, (e) => e.name);
  }

  /** The subscribed event `name`, if it is subscribed. */
  event(name: string): EventConfig | undefined {
    return this.sub.events.find((e) => e.name === name);
  }

  /**
   * The first subscribed event of `names`, else the first subscribed event that carries a session; an event
   * this check leaves out (proven over its budget) only when no other would do.
   */
  pick(...names: string[]): EventConfig {
    const events = this.events();
    const all = events.length > 0 ? events : this.sub.events;
    for (const n of names) {
      const e = all.find((x) => x.name === n);
      if (e) return e;
    }
    const withSession = all.find((e) => this.catalogue.get(e.name).session === 'required');
    return withSession ?? all[0];
  }

  /**
   * What the lane sending now owns. Lane 0 (a check's own code, and cases run one at a time) keeps the
   * check's seed; every other lane (cases of a property run on lanes) has workplaces, requests and ids of its
   * own, so what it sends does not depend on what the other lanes sent before.
   */
  private get own(): { workplaces: Workplace[]; built: number; minted: number } {
    const lane = this.lane;
    let state = this.lanes.get(lane);
    if (!state) this.lanes.set(lane, (state = { workplaces: [], built: 0, minted: 0 }));
    return state;
  }

  /** The seed of the lane sending now: the check's on lane 0. */
  private get laneSeed(): number {
    return this.lane === 0 ? this.seed : deriveSeed(this.seed, `lane:${this.lane}`);
  }

  /**
   * Simulated workplace `index` (0 is the default one) of the lane sending now: on lane `n`, the workplaces
   * after the first {@link WORKPLACES_PER_LANE} × `n` of the check's shop, with instance ids of their own.
   */
  workplace(index = 0): Workplace {
    const { workplaces } = this.own;
    const offset = this.lane * WORKPLACES_PER_LANE;
    while (workplaces.length <= index) workplaces.push(new Workplace(this.laneSeed, offset + workplaces.length, this.deps.source));
    return workplaces[index];
  }

  /**
   * A fresh UUID of the kind the POS makes itself (session ids, line ids, external payment ids): never the
   * same twice within a check, and the same sequence for the same seed.
   */
  freshId(kind: string): string {
    return uuidFrom(this.laneSeed, `${kind}:${this.own.minted++}`);
  }

  /**
   * The run's stage `name` (see {@link RunDeps.stage}): made once by `make`, on a context of its own, for every
   * check that asks (`judges` of them are planned). Outside a run, made by `make` on this context, for it alone.
   */
  stage<T>(name: string, make: (s: MplusContext, judges: number) => T): T {
    const { stage } = this.deps;
    if (stage) return stage(name, (s, judges) => make(s as MplusContext, judges));
    this.ownStages ??= new Map();
    if (!this.ownStages.has(name)) this.ownStages.set(name, make(this, 1));
    return this.ownStages.get(name) as T;
  }

  private ownStages?: Map<string, unknown>;

  /** Forgets a flow of the current case that recorded nothing (a generated sequence none of whose steps could run). */
  discardFlow(flow: FlowRecord): void {
    if (flow.steps.length === 0) this.caseFlows = this.caseFlows.filter((f) => f !== flow);
  }

  /** Generated requests for `event`, for property runs (identity is stamped at delivery). */
  requests(event: string, shape: RequestShape = {}): fc.Arbitrary<MplusRequest> {
    const config = this.event(event) ?? { blocking: true, polling: false, triggers: [] };
    return requestArbitrary(this.deps.schemas, this.catalogue.get(event), config, shape, this.sub.catalogue);
  }

  /** One generated request for `event`, deterministic from the check's seed and how many were built before. */
  request(event: string, shape: RequestShape = {}): MplusRequest {
    const seed = deriveSeed(this.laneSeed, `request:${this.own.built++}`);
    return fc.sample(this.requests(event, shape), { seed, numRuns: 1 })[0];
  }

  /**
   * Delivers `request` for `event` as the POS does: stamped with the workplace's identity, serialised once,
   * signed over those bytes, posted to `{url}/{event}`, timed, judged and recorded. `forged` makes the
   * signature a forger's, `raw` sends the request in another form, `tamper` changes other headers.
   */
  async deliver(event: string, request: MplusRequest | undefined, opts: DeliverOptions = {}): Promise<Delivery> {
    const id = request && opts.stamp !== false ? this.workplace(opts.workplace).next() : undefined;
    if (request && id && !opts.raw) {
      // The compact JSON of the stamped request, from the request's template; the stamped object itself is made
      // when something first reads the delivery's `request` (most checks judge the reply alone).
      const stamp = { request, id };
      return this.post(event, ownBytes(identityJson(request, id)), stamp, opts);
    }
    const stamped = request && id ? withIdentity(request, id) : request;
    // Bytes given are sent as they are; else the request's own objects are serialised once, not per delivery.
    const compact = request && id && !Buffer.isBuffer(opts.raw) ? identityJson(request, id) : undefined;
    return this.post(event, bodyBytes(stamped, opts.raw, MPLUS_CORPUS, compact), opts.raw ? undefined : stamped, opts);
  }

  /** Sends the very bytes of `d` again (the same request, not re-stamped), signed as `opts` says. */
  async redeliver(d: Delivery, opts: Omit<DeliverOptions, 'raw' | 'stamp'> = {}): Promise<Delivery> {
    return this.post(d.event, d.body, d.request, opts);
  }

  private async post(event: string, body: Buffer, request: MplusRequest | Stamp | undefined, opts: DeliverOptions): Promise<Delivery> {
    const budget = this.event(event)?.budgetMs ?? this.catalogue.get(event).budgetMs;
    const signature = forgedSignature(mplusScheme(this.sub), body, opts.forged, this.seed);
    // Judged on its raw bytes, once.
    const { exchange, judged: reply } = await deliverBytes(this, this.deps, { url: eventUrl(this.sub.url, event), headers: requestHeaders(this.sub, signature, opts.tamper), body, label: event, budgetMs: budget }, (ex) =>
      judgeReply(ex, this.sub, this.deps.schemas),
    );
    if (reply.json !== undefined) this.deps.recorder.noteObjects(event, replyFeatures(reply.json), this.deps.source ?? 'run', exchange.seq);
    if (reply.errorCode !== undefined) this.deps.recorder.noteErrorCode(reply.errorCode, event, this.deps.source ?? 'run', exchange);
    const d = request && 'id' in request ? stampedDelivery(event, request, body, exchange, reply) : { event, request, body, exchange, reply };
    this.warnLenient(d);
    return d;
  }

  /**
   * Takes a delivery a run's stage made ({@link stage}) as this check's own: its exchange is the check's (in its
   * report and its failures), and what reading the reply was lenient about is the check's warning.
   */
  adopt(d: Delivery): void {
    this.noteExchange(d.exchange);
    this.warnLenient(d);
  }

  /** Takes a flow a run's stage lived ({@link stage}) as one of the case's own: a failure of the case shows it. */
  adoptFlow(flow: FlowRecord): void {
    this.keepFlow(flow);
  }

  /** Leniencies of reading the reply (duplicate keys…) are the check's warnings. */
  private warnLenient(d: Delivery): void {
    for (const w of d.reply.warnings) this.warn(`${d.event}: ${w}`);
  }

  /** Delivers a freshly generated request for `event`. */
  async send(event: string, shape: RequestShape = {}, opts: Omit<DeliverOptions, 'raw' | 'stamp'> = {}): Promise<Delivery> {
    return this.deliver(event, this.request(event, shape), opts);
  }
}
