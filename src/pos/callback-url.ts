import { CallbackServer } from './callback-server.js';
import type { MplusContext } from './context.js';

/**
 * Which `externalPayment.callbackUrl` hookcert gives, and where it listens for the call ("If this URL is
 * provided, please call it when you have the final status of the external payment"):
 *
 * - the URL the user gives (`--callback-url`, `callbackUrl` in the config file): a URL of this machine the
 *   endpoint can reach; hookcert listens on its port, plain HTTP (a tunnel in front may add TLS);
 * - else, when the endpoint itself is on loopback, a loopback URL on a port derived from the seed (the same
 *   seed gives the same bytes; a busy port, e.g. another run of the same seed at the same time, falls back to a
 *   free one and says so in a note: a fact of this machine, not of the endpoint, so never a warning);
 * - else none: asking a remote server to call its own loopback would never work and looks like SSRF.
 */

/** Ports derived from a seed fall in [BASE, BASE + SPAN): below the usual ephemeral range. */
const BASE = 10_000;
const SPAN = 20_000;

/** Whether `url`'s host is the loopback interface. */
export function onLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\./.test(host);
  } catch {
    return false;
  }
}

/** The callback server for this check, or why there is none (a `not exercised:` reason). */
export async function callbackServer(t: MplusContext): Promise<CallbackServer | string> {
  const given = t.options.callbackUrl;
  if (given) {
    const url = new URL(given);
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    const host = onLoopback(given) ? '127.0.0.1' : '0.0.0.0';
    try {
      return await CallbackServer.start({ port, host, publicBase: given.replace(/\/+$/, '') });
    } catch (err) {
      return `not exercised: hookcert could not listen on port ${port} for --callback-url ${given} (${(err as NodeJS.ErrnoException).code ?? String(err)}): give a URL whose port is free on this machine`;
    }
  }
  if (!onLoopback(t.sub.url))
    return 'not exercised: the endpoint is not on loopback, so it cannot call a hookcert URL on 127.0.0.1: set --callback-url (or callbackUrl in the config file) to a URL of this machine the endpoint can reach';
  const port = BASE + ((t.seed >>> 0) % SPAN);
  try {
    return await CallbackServer.start({ port });
  } catch (err) {
    const server = await CallbackServer.start();
    t.note(`the callback port derived from the seed (${port}) could not be had (${(err as NodeJS.ErrnoException).code ?? String(err)}; another run of the same seed at the same time?): port ${server.port} was used instead, so the callbackUrl in this run's requests differs from another run of the same seed (--callback-url fixes it)`);
    return server;
  }
}
