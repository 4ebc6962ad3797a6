/** How an exchange ended when no complete reply came back. Each maps to one failure mode of the endpoint. */
export type TransportErrorKind =
  | 'timeout'          // no (complete) reply within the budget
  | 'connect-timeout'  // the TCP/TLS connection was not set up in time
  | 'refused'          // nothing listens there
  | 'dns'              // the host name does not resolve
  | 'reset'            // the connection was closed or reset before the reply was complete
  | 'too-large'        // the reply body passed the size cap
  | 'tls'              // the certificate was refused (self-signed, expired, wrong host) or TLS failed
  | 'protocol'         // the reply was not valid HTTP
  | 'aborted'          // the run was interrupted
  | 'other';

/** One request as it went on the wire. Headers never carry the secret (only the signature made with it). */
export interface RecordedRequest {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  /** The exact body text sent (UTF-8). */
  body: string;
}

/** One reply as it came off the wire. */
export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  /**
   * The body as UTF-8 text (invalid sequences replaced), as far as the record keeps it: whole up to 16 KiB, else
   * its first 2 KiB (a run keeps many records; the reply was judged on all its bytes, up to the size cap).
   */
  body: string;
  /** Bytes received (up to the cap). */
  bytes: number;
  /** True when the body was cut at the size cap. */
  truncated: boolean;
  /** When the record keeps less of the body than was received: how many bytes it keeps. */
  recordedBytes?: number;
}

/**
 * Timings of one exchange, in milliseconds from the moment the request began to be written on a connected
 * socket: how long the endpoint took to answer, without hookcert's own wait for a free socket or a new
 * connection (that wait is `connectMs`). A request that never reached a socket is timed from when it was handed
 * to the socket pool.
 */
export interface ExchangeTiming {
  /** Wall-clock start, ISO 8601. */
  startedAt: string;
  /** From handing the request to the socket pool to writing it: a free socket, a new connection (TCP, TLS). */
  connectMs?: number;
  /** Time to the response headers. */
  headersMs?: number;
  /** Time to the last byte of the body (or to the error). */
  totalMs: number;
}

/** The record of one request/reply pair: what the report shows, what checks judge. */
export interface Exchange {
  /** Order of the exchange within the run. */
  seq: number;
  /** What the exchange was for (the event name, a topic, a flow step). */
  label: string;
  request: RecordedRequest;
  response?: RecordedResponse;
  error?: { kind: TransportErrorKind; message: string };
  timing: ExchangeTiming;
}

/** An exchange plus the raw reply bytes (kept in memory for signature checks, never written). */
export interface LiveExchange extends Exchange {
  rawBody?: Buffer;
}
