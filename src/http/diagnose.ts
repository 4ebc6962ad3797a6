import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { connect } from 'node:tls';
import { HookcertError, HookcertErrorCode } from '../errors.js';

/** How long a host name lookup may take before the URL is called unresolvable. */
const LOOKUP_MS = 5000;

/**
 * Refuses a URL whose host name does not resolve. This is bad input to hookcert (exit 2), not an endpoint
 * that cannot be reached (exit 3): a name that does not resolve is a typo or a wrong environment, and no
 * report of such a run would mean anything. It is checked before the run, so nothing is written.
 */
export async function assertResolvable(url: string, flag = '--url'): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) return;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      lookup(host),
      new Promise((_, reject) => (timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'ETIMEOUT' })), LOOKUP_MS))),
    ]);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    const why =
      code === 'ENOTFOUND'
        ? 'does not resolve (no such host)'
        : code === 'EAI_AGAIN' || code === 'ETIMEOUT'
          ? `could not be looked up (${code}: the name server did not answer)`
          : `could not be looked up (${code})`;
    throw new HookcertError(HookcertErrorCode.USAGE, `the host name "${host}" of ${flag} ${why}: check the spelling of the URL, or use an IP address`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * True when something at `host:port` completes a TLS handshake: the diagnosis for an http:// URL whose
 * endpoint only speaks https (the reply to plain HTTP is then a reset or TLS bytes, not HTTP).
 */
export function speaksTls(url: string, timeoutMs = 1000): Promise<boolean> {
  const u = new URL(url);
  const port = Number(u.port || 80);
  return new Promise((resolve) => {
    const socket = connect({ host: u.hostname.replace(/^\[|\]$/g, ''), port, rejectUnauthorized: false, servername: isIP(u.hostname) ? undefined : u.hostname });
    const done = (yes: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(yes);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('secureConnect', () => done(true));
    socket.once('error', () => done(false));
  });
}
