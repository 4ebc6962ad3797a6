import type { TransportErrorKind } from './exchange.js';

/** What to do about a refused certificate, by OpenSSL / Node error code. */
const TLS_ADVICE: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: "the endpoint's certificate is self-signed: pass --ca <that certificate, PEM> to trust it, or --insecure while developing",
  SELF_SIGNED_CERT_IN_CHAIN: "the endpoint's certificate chain ends in a self-signed CA: pass --ca <the CA certificate, PEM>, or --insecure while developing",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the endpoint's certificate is signed by a CA hookcert does not know: pass --ca <the CA certificate, PEM>, or --insecure while developing",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the endpoint's certificate is signed by a CA hookcert does not know: pass --ca <the CA certificate, PEM>, or --insecure while developing",
  UNABLE_TO_GET_ISSUER_CERT: "the endpoint sends an incomplete certificate chain: serve the intermediate certificates too, or pass --ca",
  CERT_HAS_EXPIRED: "the endpoint's certificate has expired: renew it (--insecure skips the check while developing)",
  CERT_NOT_YET_VALID: "the endpoint's certificate is not valid yet (check the clocks): --insecure skips the check while developing",
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate is not made out to this host name: use a URL with a host name the certificate names, or --insecure while developing',
  CERT_REVOKED: "the endpoint's certificate is revoked",
};

/** Signs that the other side of an https:// URL does not speak TLS at all. */
const NOT_TLS = /wrong version number|packet length too long|http request|unknown protocol|record layer failure/i;

/** Maps an undici / Node socket error to the failure mode hookcert reports, with what to do about it. */
export function classifyTransportError(err: unknown): { kind: TransportErrorKind; message: string } {
  const e = err as { code?: string; name?: string; message?: string; cause?: unknown };
  const cause = e?.cause as { code?: string; message?: string } | undefined;
  const code = e?.code ?? cause?.code ?? '';
  const message = String(e?.message ?? err);
  if (e?.name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT')
    return { kind: 'timeout', message: 'no complete reply within the budget' };
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return { kind: 'connect-timeout', message: 'the connection was not established in time (--connect-timeout)' };
  if (code === 'ECONNREFUSED') return { kind: 'refused', message: 'connection refused: nothing is listening at that address' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'dns', message: 'the host name does not resolve' };
  if (code === 'HOOKCERT_TOO_LARGE') return { kind: 'too-large', message };
  if (code === 'UND_ERR_HEADERS_OVERFLOW') return { kind: 'too-large', message: 'the reply headers are larger than the 16 KiB hookcert reads' };
  if (code in TLS_ADVICE) return { kind: 'tls', message: `TLS: ${TLS_ADVICE[code]} (${code})` };
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || NOT_TLS.test(message))
    return { kind: 'tls', message: `TLS: the server at that address does not speak TLS: is the URL http:// rather than https://? (${code || message})` };
  if (/certificate|SSL|TLS/i.test(message) || code === 'EPROTO') return { kind: 'tls', message: `TLS: ${message}` };
  if (e?.name === 'HTTPParserError' || code.startsWith('HPE_') || code === 'UND_ERR_INFO')
    return { kind: 'protocol', message: `not a valid HTTP reply (${message})` };
  if (code === 'UND_ERR_SOCKET' && message === 'bad response')
    // undici refuses interim 100 replies outright (RFC 9110 §15.2 lets a server send them unasked): this is a
    // limit of hookcert's client, and the run says so instead of judging the endpoint on it.
    return {
      kind: 'protocol',
      message: 'an interim "100 Continue" reply that was not asked for (hookcert sends no Expect: 100-continue, and its HTTP client cannot read one), or bytes that belong to no reply: reply with the final status at once',
    };
  if (code === 'UND_ERR_SOCKET' && message === 'bad upgrade') return { kind: 'protocol', message: 'a protocol upgrade that was not asked for' };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' || code === 'UND_ERR_CLOSED' || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH')
    return { kind: 'reset', message: `the connection was ${code === 'ECONNRESET' ? 'reset' : 'closed'} before the reply was complete` };
  if (e?.name === 'AbortError' || code === 'UND_ERR_ABORTED') return { kind: 'aborted', message: 'the request was aborted' };
  return { kind: 'other', message: code ? `${code}: ${message}` : message };
}
