import type { Exchange } from './exchange.js';

/** How much of a body `--debug` shows. */
const BODY_PREVIEW = 400;

/**
 * An exchange as `--debug` prints it: the request line and headers (with `X-Mplus-Signature`, which is made
 * with the secret but does not reveal it), the reply's status, headers and timings, and the start of each body.
 * The secret itself is never part of an exchange; the caller still passes every line through `redact()`.
 */
export function debugLines(ex: Exchange, timeoutMs: number): string[] {
  const tag = `hookcert debug #${ex.seq}`;
  const lines = [`${tag} > ${ex.timing.startedAt.slice(11, 23)} POST ${ex.request.url} (${ex.label}, cut off after ${timeoutMs} ms)`];
  for (const [k, v] of Object.entries(ex.request.headers)) lines.push(`${tag} >   ${k}: ${v}`);
  lines.push(`${tag} >   body ${Buffer.byteLength(ex.request.body)} bytes: ${preview(ex.request.body)}`);
  const total = `${Math.round(ex.timing.totalMs)} ms`;
  if (ex.response) {
    const headers = ex.timing.headersMs !== undefined ? `, headers after ${Math.round(ex.timing.headersMs)} ms` : '';
    lines.push(`${tag} < HTTP ${ex.response.status} in ${total}${headers}`);
    for (const [k, v] of Object.entries(ex.response.headers)) lines.push(`${tag} <   ${k}: ${v}`);
    lines.push(`${tag} <   body ${ex.response.bytes} bytes${ex.response.truncated ? ' (cut at the cap)' : ''}: ${preview(ex.response.body)}`);
  }
  if (ex.error) lines.push(`${tag} ! ${ex.error.kind}: ${ex.error.message} (after ${total})`);
  return lines.map((l) => `${l}\n`);
}

function preview(text: string): string {
  const shown = text.length > BODY_PREVIEW ? `${text.slice(0, BODY_PREVIEW)}… (${text.length - BODY_PREVIEW} more characters)` : text;
  return JSON.stringify(shown);
}
