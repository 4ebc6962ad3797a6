import type { Exchange, TransportErrorKind } from './exchange.js';

/** Failures where nothing at all came back: not even a status line. */
const SILENT: ReadonlySet<TransportErrorKind> = new Set(['timeout', 'connect-timeout', 'refused', 'reset', 'dns', 'tls', 'protocol']);

/** True when nothing at all came back: not even a status line (a hang, a refusal, a reset before the headers). */
export function isSilent(ex: Exchange): boolean {
  return !ex.response && ex.error !== undefined && SILENT.has(ex.error.kind);
}

/** Silent exchanges in a row before the run asks whether the endpoint stopped. */
export const SILENCE_THRESHOLD = 3;

/**
 * Broken exchanges in a row (no complete reply: a body that never comes, trickles, is cut by a reset or is too
 * large), from at least {@link BROKEN_SOURCES} checks, before the run asks whether the endpoint breaks every
 * reply. One check's hostile inputs may break a reply each time; several checks' ordinary requests may not.
 */
export const BROKEN_THRESHOLD = 12;
/** The checks (or other senders) a run of broken exchanges must span. */
export const BROKEN_SOURCES = 3;
/**
 * Broken exchanges in a row, from any checks, that make the endpoint a suspect while it has not yet given one
 * complete reply in the run (the probe included): it has proven nothing but that it breaks replies.
 */
export const NEVER_WHOLE_THRESHOLD = 6;

/** Why the endpoint is a suspect: it says nothing (`silent`), or every reply comes back broken (`broken`). */
export type Suspicion = 'silent' | 'broken';

/**
 * Watches whether the endpoint still answers, and whether it answers anything whole. An exchange with any HTTP
 * reply (even a 5xx, or a body cut off) proves it is alive; {@link SILENCE_THRESHOLD} exchanges in a row with
 * no reply at all make it a `silent` suspect. A complete reply proves it can answer; {@link BROKEN_THRESHOLD}
 * exchanges in a row from several checks that got no complete reply make it a `broken` suspect (and
 * {@link NEVER_WHOLE_THRESHOLD} from any checks, while no reply of the run has come whole). The run then
 * repeats the first request of the run: when that fails too, the endpoint has stopped (crashed, hung, went
 * away) or breaks every reply, rather than choked on one hostile input, and the run ends `incomplete` with what
 * it had judged.
 */
export class Liveness {
  /** Exchanges that got an HTTP reply. */
  replies = 0;
  /** Exchanges in a row that got nothing back. */
  silent = 0;
  /** Exchanges in a row that got no complete reply (silent ones included). */
  broken = 0;
  /** Exchanges that got a complete reply. */
  whole = 0;
  /** The latest silent exchange. */
  last?: Exchange;
  /** The latest broken exchange. */
  lastBroken?: Exchange;
  private readonly sources = new Set<string>();

  constructor(
    readonly threshold = SILENCE_THRESHOLD,
    readonly brokenThreshold = BROKEN_THRESHOLD,
  ) {}

  /** Notes one exchange sent by `source` (a check id); says when the endpoint has become a suspect. */
  note(ex: Exchange, source = ''): Suspicion | undefined {
    if (ex.error?.kind === 'aborted') return undefined;
    if (ex.response) {
      this.replies++;
      this.silent = 0;
    }
    if (!ex.error) {
      this.whole++;
      this.broken = 0;
      this.sources.clear();
      return undefined;
    }
    this.broken++;
    this.sources.add(source);
    this.lastBroken = ex;
    if (isSilent(ex)) {
      this.silent++;
      this.last = ex;
      if (this.silent >= this.threshold) return 'silent';
    }
    if (this.whole === 0 && this.broken >= NEVER_WHOLE_THRESHOLD) return 'broken';
    if (this.broken >= this.brokenThreshold && this.sources.size >= BROKEN_SOURCES) return 'broken';
    return undefined;
  }

  /** True when the repeat of the first request confirms `suspicion` (it failed the same way). */
  confirms(suspicion: Suspicion, repeat: Exchange): boolean {
    if (repeat.error?.kind === 'aborted') return false;
    return suspicion === 'silent' ? isSilent(repeat) : repeat.error !== undefined;
  }

  /** Forgets the suspicion: the repeat got an answer. */
  clear(): void {
    this.silent = 0;
    this.broken = 0;
    this.sources.clear();
  }

  /** Why the run stops, once the repeated first request failed too. */
  reason(repeat: Exchange, suspicion: Suspicion = 'silent'): string {
    const what = `${repeat.error?.kind}: ${repeat.error?.message}`;
    if (suspicion === 'broken') {
      const last = this.lastBroken ?? repeat;
      const how = last.response ? `HTTP ${last.response.status}, then no complete reply` : 'no reply';
      const from = this.sources.size > 1 ? ` (from ${this.sources.size} checks)` : '';
      const never = this.whole === 0 ? 'no reply of the run came whole: ' : '';
      return `the endpoint broke every reply: ${never}the last ${this.broken} requests${from} and a repeat of the first one got ${how} (${what}); last request #${last.seq}: POST ${last.request.url}`;
    }
    const last = this.last ?? repeat;
    const lastLine = `last request #${last.seq}: POST ${last.request.url}`;
    if (this.replies === 0)
      return `the endpoint answered none of the ${this.silent} requests sent, nor a repeat of the first one (${what}); ${lastLine}`;
    return `the endpoint stopped answering after ${this.replies} replies: the last ${this.silent} requests and a repeat of the first one got no reply (${what}); ${lastLine}`;
  }
}
