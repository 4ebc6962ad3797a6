import type { MplusPOSErrorRequest } from '../../generated/mplus/pos-error-request.js';
import type { MplusRequest } from '../../generated/mplus/request.js';

/** What the reference receiver reads and answers, apart from its pipeline (receiver.ts) and its replies (replies*.ts). */

/** A request as the receiver sees it. */
export interface Incoming {
  event: string;
  headers: Headers;
  raw: Buffer;
}

/** What the receiver answers: a JSON reply object (or none, for an empty body), a status and headers. */
export interface Outgoing {
  status: number;
  reply?: Record<string, unknown>;
  /** Raw text to send instead of serialising `reply` (mutants that break the wire format). */
  text?: string;
  headers?: Record<string, string>;
}

/**
 * A parsed request body, past the receiver's validation: a request of the POS, or its error request about a reply
 * (`error` + `original`), as their schemas type them.
 */
export type Body = MplusRequest & Partial<MplusPOSErrorRequest>;
