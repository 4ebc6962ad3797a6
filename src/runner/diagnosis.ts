import type { Exchange } from '../http/exchange.js';

/** How an endpoint refused a request that every reading of the spec accepts: its status, and its error code when the body names one. */
export interface Refusal {
  status: number;
  /** `error.code` (or `code`, or a string `error`) of a JSON body. */
  code?: string;
  /** A redirect's `Location`. */
  location?: string;
}

/**
 * What made (nearly) every request fail the same way, found before the checks run: said first, in one line
 * with what to fix, and the run stops there unless `--keep-going` (results.json `rootCause`).
 */
export interface RootCause {
  /** What the endpoint did, e.g. `every request was refused with HTTP 400 INVALID_SIGNATURE`. */
  summary: string;
  /** What to do, e.g. `check HOOKCERT_SECRET and --secret-encoding`. */
  fix: string;
  refusal: Refusal;
  /** How many valid, correctly signed requests were sent to find it, and the URLs they went to. */
  requests: number;
  urls: string[];
  /** Whether the run stopped because of it (false with `--keep-going`, and in `hookcert demo`). */
  stopped?: boolean;
}

/** The cause in one line: `every request was refused with HTTP 400 INVALID_SIGNATURE: check HOOKCERT_SECRET …`. */
export const causeLine = (c: Pick<RootCause, 'summary' | 'fix'>): string => `${c.summary}: ${c.fix}`;

/** How `ex` refused a request, or `undefined` when it was accepted (2xx) or got no reply at all. */
export function refusalOf(ex: Exchange): Refusal | undefined {
  const res = ex.response;
  if (!res || (res.status >= 200 && res.status <= 299)) return undefined;
  const code = errorCode(res.body);
  const location = Object.entries(res.headers).find(([k]) => k.toLowerCase() === 'location')?.[1];
  return { status: res.status, ...(code ? { code } : {}), ...(res.status >= 300 && res.status <= 399 && location ? { location } : {}) };
}

/** The error code a JSON body names (`{"error":{"code":…}}`, `{"code":…}`, `{"error":"…"}`), kept short and printable. */
function errorCode(body: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const o = json as Record<string, unknown>;
  const err = o.error;
  const found = typeof err === 'object' && err !== null ? (err as Record<string, unknown>).code : typeof err === 'string' ? err : o.code;
  return typeof found === 'string' && /^[\w.-]{1,64}$/.test(found) ? found : undefined;
}

/** The refusal every exchange shares (same status and code), or `undefined` when one was accepted or they differ. */
export function sharedRefusal(exchanges: readonly Exchange[]): Refusal | undefined {
  const all = exchanges.map(refusalOf);
  const first = all[0];
  if (!first || all.some((r) => !r || r.status !== first.status || r.code !== first.code)) return undefined;
  return first;
}

/** `HTTP 400 INVALID_SIGNATURE`, `HTTP 404`. */
export const refusalText = (r: Refusal): string => `HTTP ${r.status}${r.code ? ` ${r.code}` : ''}`;

/**
 * The causes every profile shares, from the refusal alone: redirects, missing URLs, a method refused, the
 * content type refused, a crash before anything is read. `undefined` for refusals only the profile can read.
 */
export function commonCause(r: Refusal, urls: readonly string[]): Pick<RootCause, 'summary' | 'fix'> | undefined {
  const some = urls.slice(0, 2).join(', ') + (urls.length > 2 ? ', …' : '');
  if (r.status >= 300 && r.status <= 399)
    return {
      summary: `every request was redirected (HTTP ${r.status}${r.location ? ` to ${r.location}` : ''})`,
      fix: 'give the final URL as --url: a redirect is a reply, and neither hookcert nor the sender follows one',
    };
  if (r.status === 404 || r.status === 410) return { summary: `every URL answered HTTP ${r.status} (${some})`, fix: 'check --url' };
  if (r.status === 405) return { summary: `every request was answered HTTP 405 Method Not Allowed (${some})`, fix: 'the endpoint must take POST at these URLs' };
  if (r.status === 415) return { summary: 'every request was refused with HTTP 415 Unsupported Media Type', fix: 'the endpoint must take Content-Type: application/json, which is what is sent' };
  if (r.status >= 500) return { summary: `every request was answered ${refusalText(r)}`, fix: "the endpoint fails before it judges any request: its logs say why" };
  return undefined;
}
