import type { Exchange, LiveExchange } from '../http/exchange.js';
import { LatencyRecord } from './latency.js';

/** How many exchanges of a passing check are kept for the report. */
export const KEPT_PER_CHECK = 12;
/** How many of the latest exchanges of a case a failure shows when it names none itself. */
export const KEPT_PER_CASE = 32;
/**
 * How many of the latest flows of a case are kept: a failure shows its case's (the failing one is the latest),
 * a passing check its last two. A check that runs its flows one after another in one case (a payment, a
 * session, again and again) would otherwise keep every step of every one of them for the run's length.
 */
export const FLOWS_PER_CASE = 8;

/**
 * The run's memory of what went over the wire, in memory that does not grow with the run: every exchange's
 * latency in a histogram per label (for the timing figures), counts, and what the coverage table needs. The
 * exchanges themselves are kept by the checks, a bounded sample each (and those a failure cites).
 */
export class Recorder {
  /** Latencies of exchanges that got a reply, per label (event or topic). */
  readonly latencies = new Map<string, LatencyRecord>();
  /** Exchanges that ended without a reply, per transport error kind. */
  readonly transportErrors = new Map<string, number>();
  requests = 0;
  /** Exchanges that got any HTTP reply. */
  replies = 0;
  /** Per label: what was sent and what came back, for the coverage table (`src/runner/coverage.ts`). */
  readonly reach = new Map<string, LabelReach>();
  /**
   * Every `error.code` the endpoint answered with, anywhere in the run: how often, and where first (for the
   * run-wide MP-ERR-005). At most {@link MAX_ERROR_CODES} distinct codes are kept (a hostile endpoint may invent one per reply).
   */
  readonly errorCodes = new Map<string, ErrorCodeSeen>();

  /** Records one exchange in the run's figures; `source` is who sent it (a check id, `exploration`). */
  add(ex: LiveExchange, source = 'run'): void {
    this.requests++;
    const reach = this.reachOf(ex.label);
    reach.requests++;
    reach.first ??= { source, seq: ex.seq };
    if (ex.response) {
      reach.replies++;
      if (ex.response.bytes > 0) reach.nonEmpty++;
    }
    if (ex.response && !ex.error) {
      this.replies++;
      let record = this.latencies.get(ex.label);
      if (!record) this.latencies.set(ex.label, (record = new LatencyRecord()));
      record.add(ex.timing.totalMs);
    } else if (ex.error) {
      this.transportErrors.set(ex.error.kind, (this.transportErrors.get(ex.error.kind) ?? 0) + 1);
    }
  }

  /** Notes the reply objects (and derived features, e.g. `polling.unfinished`) a reply to `label` carried. */
  noteObjects(label: string, objects: readonly string[], source: string, seq: number): void {
    const reach = this.reachOf(label);
    for (const name of objects) {
      const known = reach.objects.get(name);
      if (known) known.count++;
      else reach.objects.set(name, { count: 1, first: { source, seq } });
    }
  }

  /** Notes an `error.code` in a reply to `label`; `source` is who sent the request (a check id, `exploration`). */
  noteErrorCode(code: string, label: string, source: string, ex: LiveExchange): void {
    const seen = this.errorCodes.get(code);
    if (seen) seen.count++;
    else if (this.errorCodes.size < MAX_ERROR_CODES) this.errorCodes.set(code, { count: 1, label, source, exchange: strip(ex) });
  }

  private reachOf(label: string): LabelReach {
    let reach = this.reach.get(label);
    if (!reach) this.reach.set(label, (reach = { requests: 0, replies: 0, nonEmpty: 0, objects: new Map() }));
    return reach;
  }
}

/** How many distinct error codes the recorder keeps. */
export const MAX_ERROR_CODES = 64;

/** One error code seen in the run: how often, and the first reply that carried it. */
export interface ErrorCodeSeen {
  count: number;
  /** The event (or topic) of the first reply with it. */
  label: string;
  /** Who sent that request: a check id, `exploration`, `run`. */
  source: string;
  exchange: Exchange;
}

/** What one label (event or topic) got over the run. */
export interface LabelReach {
  requests: number;
  /** Requests that got an HTTP reply. */
  replies: number;
  /** Replies with a body. */
  nonEmpty: number;
  /** Reply objects seen, each with how often and the first exchange that carried it. */
  objects: Map<string, { count: number; first: { source: string; seq: number } }>;
  /** The first request sent to the label. */
  first?: { source: string; seq: number };
}

/** A bounded sample of one check's exchanges: the first few and the latest, in order. */
export class ExchangeSample {
  private readonly head: Exchange[] = [];
  private readonly tail: Exchange[] = [];
  count = 0;

  constructor(private readonly limit = KEPT_PER_CHECK) {}

  add(ex: LiveExchange): void {
    this.count++;
    const record = strip(ex);
    const half = Math.ceil(this.limit / 2);
    if (this.head.length < half) this.head.push(record);
    else {
      this.tail.push(record);
      if (this.tail.length > this.limit - half) this.tail.shift();
    }
  }

  list(): Exchange[] {
    return [...this.head, ...this.tail];
  }
}

/** The exchange without its in-memory raw bytes (the exchange itself when it holds none: records are never changed). */
export function strip(ex: LiveExchange | Exchange): Exchange {
  if ((ex as LiveExchange).rawBody === undefined) return ex;
  const { rawBody: _raw, ...rest } = ex as LiveExchange;
  return rest;
}
