import type { Exchange, TransportErrorKind } from './exchange.js';

/** Failures where nothing at all came back: not even a status line. */
const SILENT: ReadonlySet<TransportErrorKind> = new Set(['timeout', 'connect-timeout', 'refused', 'reset', 'dns', 'tls', 'protocol']);

/** Silent exchanges in a row before the run asks whether the endpoint stopped. */
export const SILENCE_THRESHOLD = 3;

/**
 * Watches whether the endpoint still answers. An exchange with any HTTP reply (even a 5xx, or a body cut
 * off) proves it is alive; {@link SILENCE_THRESHOLD} exchanges in a row with no reply at all make it a
 * suspect. The run then repeats the first request of the run: when that gets no reply either, the endpoint
 * has stopped (crashed, hung, went away) rather than choked on one hostile input, and the run ends
 * `incomplete` with what it had judged.
 */
export class Liveness {
  /** Exchanges that got an HTTP reply. */
  replies = 0;
  /** Exchanges in a row that got nothing back. */
  silent = 0;
  /** The latest silent exchange. */
  last?: Exchange;

  constructor(readonly threshold = SILENCE_THRESHOLD) {}

  /** Notes one exchange; true when the endpoint has become a suspect. */
  note(ex: Exchange): boolean {
    if (ex.response) {
      this.replies++;
      this.silent = 0;
      return false;
    }
    if (!ex.error || !SILENT.has(ex.error.kind)) return false;
    this.silent++;
    this.last = ex;
    return this.silent >= this.threshold;
  }

  /** Why the run stops, once the repeated first request got no reply either. */
  reason(repeat: Exchange): string {
    const last = this.last ?? repeat;
    const what = `${repeat.error?.kind}: ${repeat.error?.message}`;
    const lastLine = `last request #${last.seq}: POST ${last.request.url}`;
    if (this.replies === 0)
      return `the endpoint answered none of the ${this.silent} requests sent, nor a repeat of the first one (${what}); ${lastLine}`;
    return `the endpoint stopped answering after ${this.replies} replies: the last ${this.silent} requests and a repeat of the first one got no reply (${what}); ${lastLine}`;
  }
}
