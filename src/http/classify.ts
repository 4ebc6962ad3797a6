import type { TransportErrorKind } from './exchange.js';

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

/** Maps an undici / Node socket error to the failure mode hookcert reports. */
export function classifyTransportError(err: unknown): { kind: TransportErrorKind; message: string } {
  const e = err as { code?: string; name?: string; message?: string; cause?: unknown };
  const code = e?.code ?? (e?.cause as { code?: string } | undefined)?.code ?? '';
  const message = String(e?.message ?? err);
  if (e?.name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT')
    return { kind: 'timeout', message: 'no complete reply within the budget' };
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return { kind: 'connect-timeout', message: 'the connection was not established in time' };
  if (code === 'ECONNREFUSED') return { kind: 'refused', message: 'connection refused: nothing is listening at that address' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'dns', message: 'the host name does not resolve' };
  if (code === 'HOOKCERT_TOO_LARGE') return { kind: 'too-large', message };
  if (TLS_CODES.has(code) || /certificate|SSL|TLS/i.test(message)) return { kind: 'tls', message: `TLS: ${message}` };
  if (code.startsWith('HPE_') || code === 'UND_ERR_INFO') return { kind: 'protocol', message: `not a valid HTTP reply: ${message}` };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' || code === 'UND_ERR_CLOSED')
    return { kind: 'reset', message: 'the connection was closed before the reply was complete' };
  if (e?.name === 'AbortError' || code === 'UND_ERR_ABORTED') return { kind: 'aborted', message: 'the request was aborted' };
  return { kind: 'other', message: code ? `${code}: ${message}` : message };
}
