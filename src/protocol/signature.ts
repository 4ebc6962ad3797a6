/**
 * Webhook signatures of the two profiles, on node:crypto alone.
 *
 * - MplusKASSA: `X-Mplus-Signature = base64( HMAC-SHA256( key = base64decode(secretKey), message = raw body bytes ) )`
 *   (spec/README.md, "Signature (verified test vector)"). Whether the key is base64-decoded comes from an
 *   integrator's code, not from a vendor page, so the key encoding is a choice: `base64` (default) or `utf8`.
 * - Kopo Kopo: `X-KopoKopo-Signature` = lowercase hex `HMAC-SHA256(key = the API key as text, message = the body bytes)`
 *   (spec/README.md, "Kopo Kopo: facts beyond the seed").
 *
 * Signatures are always computed over the exact bytes that go on (or came off) the wire: pass the raw body,
 * never a re-serialised copy of a parsed object.
 *
 * @module
 */
import { timingSafeEqual } from 'node:crypto';
import { HookcertError, HookcertErrorCode } from '../errors.js';
import { hmacSha256 } from './hmac.js';

/** A body as sent or received: raw bytes, or a string taken as its UTF-8 bytes. */
export type SignedBody = Uint8Array | string;

/**
 * How an MplusKASSA secret key is turned into HMAC key bytes.
 * - `base64` (default): the secret is base64 text; the key is the decoded bytes.
 * - `utf8`: the key is the secret's UTF-8 bytes, as typed.
 */
export type SecretEncoding = 'base64' | 'utf8';

/** Standard base64 (RFC 4648 §4) with mandatory `=` padding; whitespace is removed before the test. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const WHITESPACE = /\s+/g;

const ENCODING_HINT =
  'Base64 uses only A-Z, a-z, 0-9, "+" and "/", padded with "=" to a length that is a multiple of 4 ' +
  '(base64url, with "-" and "_", is not accepted: convert it to standard base64). ' +
  'If the MplusKASSA secret key is meant to be used as plain text, pass --secret-encoding utf8.';

/**
 * The HMAC key bytes of a secret.
 *
 * With `base64` the text must be strict standard base64 after removing whitespace: only `A–Z a–z 0–9 + /`,
 * `=` padding at the end only, length a multiple of 4. base64url and unpadded base64 are refused rather
 * than guessed at, because a silently different key makes every signature fail with no clue why.
 *
 * @throws {@link HookcertError} `HOOKCERT_ERR_SECRET_ENCODING` when `base64` is asked and the text is not
 *   base64; `HOOKCERT_ERR_SECRET_EMPTY` when the secret is empty. Messages never contain the secret.
 */
export function decodeSecret(secret: string, encoding: SecretEncoding = 'base64'): Buffer {
  if (encoding === 'utf8') {
    if (secret.length === 0) throw emptySecret();
    return Buffer.from(secret, 'utf8');
  }
  const text = secret.replace(WHITESPACE, '');
  if (text.length === 0) throw emptySecret();
  if (!BASE64.test(text)) {
    throw new HookcertError(
      HookcertErrorCode.SECRET_ENCODING,
      `hookcert: the secret is not valid base64 (--secret-encoding base64, the default): ${base64Problem(text)}. ${ENCODING_HINT}`,
    );
  }
  return Buffer.from(text, 'base64');
}

/** Says what is wrong with a non-base64 text without quoting any of it. */
function base64Problem(text: string): string {
  if (/[-_]/.test(text) && /^[A-Za-z0-9\-_]*=*$/.test(text)) return 'it looks like base64url ("-" or "_")';
  const bad = text.search(/[^A-Za-z0-9+/=]/);
  if (bad >= 0) return `character ${bad + 1} (not counting whitespace) is outside the base64 alphabet`;
  const firstPad = text.indexOf('=');
  if (firstPad >= 0 && /[^=]/.test(text.slice(firstPad))) return '"=" padding appears before the end';
  if (firstPad >= 0 && text.length - firstPad > 2) return 'it ends with more than two "=" padding characters';
  if (text.length % 4 !== 0) return 'its length is not a multiple of 4 (is "=" padding missing?)';
  return 'it is not well-formed base64';
}

function emptySecret(): HookcertError {
  return new HookcertError(
    HookcertErrorCode.SECRET_EMPTY,
    'hookcert: the secret is empty. Pass the subscription\'s secret key with --secret or the HOOKCERT_SECRET environment variable.',
  );
}

/** Compares two ASCII signature texts in constant time; a different length is `false`, never a throw. */
function sameText(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The `X-Mplus-Signature` of `body`: base64 of HMAC-SHA256 over the raw body bytes, keyed by the decoded
 * secret (see {@link decodeSecret}).
 *
 * @example signMplus('test', 'eFc5HrxwLbONJ+EYXrbHB+a9HueYIQzotgKRLRVAfx0=') === 'EBFFIb5qPH/teEFmjtwcIj6h80cl+X1DUy62D46tnu8='
 * @throws {@link HookcertError} when the secret does not decode (see {@link decodeSecret}).
 */
export function signMplus(body: SignedBody, secret: string, encoding: SecretEncoding = 'base64'): string {
  return hmacSha256(keyOf(secret, encoding), body).toString('base64');
}

/** The last key decoded: a run signs and verifies thousands of bodies with one secret. */
let lastKey: { secret: string; encoding: SecretEncoding; key: Buffer } | undefined;

/** {@link decodeSecret}, decoded once for a run's secret. */
function keyOf(secret: string, encoding: SecretEncoding): Buffer {
  if (lastKey?.secret !== secret || lastKey.encoding !== encoding) lastKey = { secret, encoding, key: decodeSecret(secret, encoding) };
  return lastKey.key;
}

/**
 * Whether `signature` is the exact `X-Mplus-Signature` of `body` (constant-time comparison of the base64
 * texts). A missing, empty, truncated or differently encoded signature (base64url, unpadded, hex) is `false`.
 *
 * @throws {@link HookcertError} when the secret itself does not decode: that is a configuration error, not a
 *   verdict about the signature.
 */
export function verifyMplus(
  body: SignedBody,
  signature: string | undefined,
  secret: string,
  encoding: SecretEncoding = 'base64',
): boolean {
  const expected = signMplus(body, secret, encoding);
  if (signature === undefined || signature.length === 0) return false;
  return sameText(signature, expected);
}

/**
 * The `X-KopoKopo-Signature` of `body`: lowercase hex of HMAC-SHA256 over the body bytes, keyed by the API
 * key's text (its UTF-8 bytes, not decoded).
 */
export function signKopokopo(body: SignedBody, apiKey: string): string {
  return hmacSha256(Buffer.from(apiKey, 'utf8'), body).toString('hex');
}

/**
 * Whether `signature` is the exact `X-KopoKopo-Signature` of `body`, compared in constant time.
 *
 * Only lowercase hex verifies: Kopo Kopo sends lowercase, so an uppercase (or mixed-case) signature is not
 * what the vendor would send and is refused here. A receiver that accepts it is lenient, not wrong; a check
 * that wants to report that leniency should do so as INFO/SHOULD, not by loosening this function.
 */
export function verifyKopokopo(body: SignedBody, signature: string | undefined, apiKey: string): boolean {
  if (signature === undefined || signature.length === 0) return false;
  return sameText(signature, signKopokopo(body, apiKey));
}
