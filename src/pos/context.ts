import fc from 'fast-check';
import type { EventConfig, Subscription } from '../config/subscription.js';
import type { HttpClient } from '../http/client.js';
import type { LiveExchange } from '../http/exchange.js';
import { type Catalogue } from '../protocol/mplus/catalogue.js';
import { eventUrl, requestHeaders, type Tamper } from '../protocol/mplus/headers.js';
import { judgeReply, type JudgedReply } from '../protocol/mplus/reply.js';
import { requestArbitrary, withIdentity, type MplusRequest, type RequestShape } from '../protocol/mplus/requests.js';
import { CheckContext } from '../runner/context.js';
import type { RunOptions } from '../runner/options.js';
import type { Recorder } from '../runner/recorder.js';
import type { FlowRecord } from '../runner/types.js';
import { deriveSeed } from '../runner/seed.js';
import type { SchemaRegistry } from '../schema/registry.js';
import { uuidFrom, Workplace } from './workplace.js';

/** One request delivered and its reply as the POS read it. */
export interface Delivery {
  event: string;
  /** The request as sent (`undefined` when raw bytes were sent). */
  request?: MplusRequest;
  exchange: LiveExchange;
  reply: JudgedReply;
}

/** What the simulator needs from the run. */
export interface PosDeps {
  client: HttpClient;
  recorder: Recorder;
  schemas: SchemaRegistry;
  catalogue: Catalogue;
}

/**
 * The check context of the `mplus` profile: the POS simulator. Checks ask it for requests and deliveries;
 * it never lets a check touch sockets, signatures or schemas directly.
 */
export class MplusContext extends CheckContext {
  private readonly workplaces: Workplace[] = [];
  private built = 0;
  private minted = 0;

  constructor(
    sub: Subscription,
    options: RunOptions,
    seed: number,
    readonly deps: PosDeps,
  ) {
    super(sub, options, seed);
  }

  get catalogue(): Catalogue {
    return this.deps.catalogue;
  }

  /** The subscribed events. */
  events(): EventConfig[] {
    return this.sub.events;
  }

  /** The subscribed event `name`, if it is subscribed. */
  event(name: string): EventConfig | undefined {
    return this.sub.events.find((e) => e.name === name);
  }

  /** The first subscribed event of `names`, else the first subscribed event that carries a session. */
  pick(...names: string[]): EventConfig {
    for (const n of names) {
      const e = this.event(n);
      if (e) return e;
    }
    const withSession = this.sub.events.find((e) => this.catalogue.get(e.name).session === 'required');
    return withSession ?? this.sub.events[0];
  }

  /** Simulated workplace `index` (0 is the default one). */
  workplace(index = 0): Workplace {
    while (this.workplaces.length <= index) this.workplaces.push(new Workplace(this.seed, this.workplaces.length));
    return this.workplaces[index];
  }

  /**
   * A fresh UUID of the kind the POS makes itself (session ids, line ids, external payment ids): never the
   * same twice within a check, and the same sequence for the same seed.
   */
  freshId(kind: string): string {
    return uuidFrom(this.seed, `${kind}:${this.minted++}`);
  }

  /** Forgets a flow of the current case that recorded nothing (a generated sequence none of whose steps could run). */
  discardFlow(flow: FlowRecord): void {
    if (flow.steps.length === 0) this.caseFlows = this.caseFlows.filter((f) => f !== flow);
  }

  /** Generated requests for `event`, for property runs (identity is stamped at delivery). */
  requests(event: string, shape: RequestShape = {}): fc.Arbitrary<MplusRequest> {
    const config = this.event(event) ?? { blocking: true, polling: false, triggers: [] };
    return requestArbitrary(this.deps.schemas, this.catalogue.get(event), config, shape);
  }

  /** One generated request for `event`, deterministic from the check's seed and how many were built before. */
  request(event: string, shape: RequestShape = {}): MplusRequest {
    const seed = deriveSeed(this.seed, `request:${this.built++}`);
    return fc.sample(this.requests(event, shape), { seed, numRuns: 1 })[0];
  }

  /**
   * Delivers `request` for `event` as the POS does: stamped with the workplace's identity, serialised once,
   * signed over those bytes, posted to `{url}/{event}`, timed, judged and recorded. `tamper` changes headers;
   * `raw` sends those bytes instead of the serialised request (signed unless tampered).
   */
  async deliver(
    event: string,
    request: MplusRequest | undefined,
    opts: { tamper?: Tamper; raw?: Buffer; workplace?: number; stamp?: boolean } = {},
  ): Promise<Delivery> {
    const stamped = request && opts.stamp !== false ? withIdentity(request, this.workplace(opts.workplace).next()) : request;
    const body = opts.raw ?? Buffer.from(JSON.stringify(stamped), 'utf8');
    const budget = this.event(event)?.budgetMs ?? this.catalogue.get(event).budgetMs;
    const exchange = await this.deps.client.send({
      url: eventUrl(this.sub.url, event),
      headers: requestHeaders(this.sub, body, opts.tamper),
      body,
      label: event,
      timeoutMs: budget + this.options.graceMs,
    });
    this.deps.recorder.add(exchange);
    this.noteExchange(exchange);
    const reply = judgeReply(exchange, this.sub, this.deps.schemas);
    // Leniencies of reading the reply (duplicate keys…) are the check's warnings.
    for (const w of reply.warnings) this.warn(`${event}: ${w}`);
    return { event, request: opts.raw ? undefined : stamped, exchange, reply };
  }

  /** Delivers a freshly generated request for `event`. */
  async send(event: string, shape: RequestShape = {}, opts: { tamper?: Tamper; workplace?: number } = {}): Promise<Delivery> {
    return this.deliver(event, this.request(event, shape), opts);
  }
}
