import type { Exchange } from '../../http/exchange.js';
import { hasSpecialCharacters, jsonHtml, textWithCodePoints } from './body.js';
import { bytes, cut, duration, html, MAX_SHOWN, pretty, type Html } from './escape.js';

/**
 * Headers whose values change from run to run whatever the endpoint does (dates, request ids, traces, and the
 * signatures, made with a fresh demo secret or over a fresh body): marked, so a reviewer comparing two
 * reports knows not to read anything into them, but never hidden.
 */
export const VOLATILE_HEADERS: ReadonlySet<string> = new Set([
  'date', 'expires', 'last-modified', 'age', 'etag', 'server-timing', 'x-runtime', 'x-response-time',
  'x-request-id', 'request-id', 'x-correlation-id', 'x-amzn-requestid', 'x-amzn-trace-id', 'x-trace-id', 'traceparent', 'tracestate',
  'cf-ray', 'x-cloud-trace-context', 'x-mplus-signature', 'x-kopokopo-signature', 'webhook-signature', 'webhook-timestamp', 'keep-alive',
]);

/** Headers that carry credentials: their values are never written, whoever sent them. */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key']);

/** The status texts a reviewer meets most. */
const REASON: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 400: 'Bad Request',
  401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout', 413: 'Content Too Large',
  415: 'Unsupported Media Type', 422: 'Unprocessable Content', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** What a failure names in an exchange: JSON Pointers in the reply body, header names (lower case) of each side. */
export interface Marks {
  body?: ReadonlySet<string>;
  requestHeaders?: ReadonlySet<string>;
  replyHeaders?: ReadonlySet<string>;
}

/** The tag of a volatile header: a link to what the word means (the footer says it), readable without script. */
const VOLATILE_TAG = html` <a class="tag volatile" href="#about-volatile" title="changes from run to run whatever the endpoint does: not part of the verdict">volatile</a>`;

/** One header list as a table: names and values escaped, volatile ones tagged, credentials redacted, named ones marked. */
export function headersTable(headers: Record<string, string>, marked: ReadonlySet<string> = new Set()): Html {
  const rows = Object.entries(headers).map(([name, value]) => {
    const lower = name.toLowerCase();
    const shown = CREDENTIAL_HEADERS.has(lower) ? html`<span class="redacted">[redacted: credential]</span>` : textWithCodePoints(value);
    const tag = VOLATILE_HEADERS.has(lower) ? VOLATILE_TAG : '';
    return marked.has(lower)
      ? html`<tr class="marked"><th>${name}</th><td><mark title="what the failure names">${shown}</mark>${tag}</td></tr>`
      : html`<tr><th>${name}</th><td>${shown}${tag}</td></tr>`;
  });
  return rows.length > 0 ? html`<table class="hdrs">${rows}</table>` : html`<p class="muted">no headers</p>`;
}

/** Integers past 2^53 lose digits through JSON.parse: such a body is shown as it came, never re-written. */
const UNSAFE_NUMBER = /\d{16,}/;

/**
 * A body in a `<pre>`: JSON pretty-printed, cut when long. With parts to mark, or characters that do not show
 * (or astral ones), it is rendered here, marked and with code points (`data-hl`: the page's script leaves it);
 * otherwise as plain text the script colours when it is opened.
 */
export function bodyBlock(body: string, note: Html | '' = '', marks: ReadonlySet<string> = new Set()): Html {
  if (!body) return html`<p class="muted">empty body</p>`;
  const p = pretty(body);
  const special = marks.size > 0 || hasSpecialCharacters(body);
  if (special && p.json && p.text.length <= MAX_SHOWN && !UNSAFE_NUMBER.test(body)) return html`<pre class="body json" data-hl="1">${jsonHtml(JSON.parse(body), marks)}</pre>${note}`;
  if (special) return html`<pre class="body" data-hl="1">${textWithCodePoints(cut(p.text))}</pre>${note}`;
  return html`<pre class="body${p.json ? ' json' : ''}">${cut(p.text)}</pre>${note}`;
}

/** The one-line summary of an exchange: `#12 startSession → 200 OK · 12.4 ms`. */
export function exchangeLine(ex: Exchange): Html {
  const res = ex.response;
  const status = res
    ? html`<span class="http s${Math.floor(res.status / 100)}xx">${res.status}${REASON[res.status] ? ` ${REASON[res.status]}` : ''}</span>`
    : html`<span class="http none">no reply</span>`;
  const error = ex.error ? html` <span class="xerr">${ex.error.kind}</span>` : '';
  const size = res ? ` · ${bytes(res.bytes ?? res.body.length)}` : '';
  return html`<span class="seq">#${ex.seq}</span> <span class="label">${ex.label}</span> → ${status}${error} <span class="muted">· ${duration(ex.timing.totalMs)}${size}</span>`;
}

/** What the record left out of a body too long to keep whole: `… 198.0 kB more, not kept (judged on all its bytes)`. */
function recordCut(res: NonNullable<Exchange['response']>): Html | '' {
  if (res.recordedBytes === undefined || res.recordedBytes >= res.bytes) return '';
  return html`<p class="muted">… ${bytes(res.bytes - res.recordedBytes)} more, not kept: the record keeps the first ${bytes(res.recordedBytes)} of a body this long (the reply was judged on all its bytes)</p>`;
}

/**
 * One exchange, collapsed to its summary line: request (URL, headers, body) beside the reply (status,
 * headers, body), with timings and the transport error, if any. `anchor` gives it an id for links.
 */
export function exchangeBlock(ex: Exchange, opts: { anchor?: string; open?: boolean; marks?: Marks } = {}): Html {
  const res = ex.response;
  const t = ex.timing;
  const m = opts.marks ?? {};
  const timing = `started ${t.startedAt}${t.connectMs !== undefined && t.connectMs >= 1 ? ` · on the wire after ${duration(t.connectMs)} (a socket, a connection)` : ''} · headers after ${t.headersMs !== undefined ? duration(t.headersMs) : '–'} · complete after ${duration(t.totalMs)}`;
  const error = ex.error ? html`<p class="xerr-msg"><b>${ex.error.kind}</b>: ${ex.error.message}</p>` : '';
  const reply = res
    ? html`<h5>reply <span class="http s${Math.floor(res.status / 100)}xx">HTTP ${res.status}</span> <span class="muted">${bytes(res.bytes ?? res.body.length)}</span></h5>${headersTable(res.headers, m.replyHeaders)}${bodyBlock(
        res.body,
        html`${res.truncated ? html`<p class="muted">the body was cut at the size cap</p>` : ''}${recordCut(res)}`,
        m.body,
      )}`
    : html`<h5>reply</h5><p class="muted">none</p>`;
  return html`<details class="ex"${opts.anchor ? html` id="${opts.anchor}"` : ''}${opts.open ? ' open' : ''}><summary>${exchangeLine(ex)}</summary>
<p class="timing muted">${timing}</p>${error}
<div class="cols"><div class="req"><h5>request <code>${ex.request.method} ${ex.request.url}</code></h5>${headersTable(ex.request.headers, m.requestHeaders)}${bodyBlock(ex.request.body)}</div>
<div class="res">${reply}</div></div></details>`;
}
