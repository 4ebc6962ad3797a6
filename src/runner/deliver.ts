import type { LiveExchange } from '../http/exchange.js';
import type { CheckContext } from './context.js';
import type { RunDeps } from './run.js';

/** One delivery as a profile's simulator prepared it: where it goes, its headers and exact bytes, its label and budget. */
export interface Outgoing {
  url: string;
  /** Every header, the signature (or a forger's) included. */
  headers: Record<string, string>;
  /** The exact bytes sent (what the signature covers). */
  body: Buffer;
  /** The event or topic, for latencies, budgets and the report. */
  label: string;
  /** The reply budget (ms); the exchange is cut off `graceMs` past it. */
  budgetMs: number;
}

/**
 * The delivery core every profile shares: posts `out` through the check's line to the endpoint (deadline: its
 * budget plus the run's grace), lets the profile judge the reply while its raw bytes are still there (`judge`),
 * drops those bytes (the record keeps the start of the body as text), and records the exchange run-wide (the
 * Recorder) and on the check. What the profile notes beyond that (reply objects, error codes) it adds after.
 */
export async function deliverBytes<J>(
  t: CheckContext,
  deps: Pick<RunDeps, 'client' | 'recorder' | 'source'>,
  out: Outgoing,
  judge: (exchange: LiveExchange) => J,
): Promise<{ exchange: LiveExchange; judged: J }> {
  const exchange = await deps.client.send({ url: out.url, headers: out.headers, body: out.body, label: out.label, timeoutMs: out.budgetMs + t.options.graceMs });
  const judged = judge(exchange);
  exchange.rawBody = undefined;
  deps.recorder.add(exchange, deps.source);
  t.noteExchange(exchange);
  return { exchange, judged };
}
