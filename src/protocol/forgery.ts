/**
 * Forgery: the signature headers an attacker (or a sender that got it wrong) would send, declared by a check
 * and computed here. Checks never sign, never read the secret and never serialise: they say `forged: 'other-key'`
 * and the simulator makes the header. Every forgery below that a check expects to be refused is invalid under
 * every way a correct verifier may read the header (compare the texts, decode and compare the MAC bytes,
 * compare hex case-insensitively): `forgery.test.ts` holds each one against each such verifier.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { hmacSha256 } from './hmac.js';

/** How a MAC is written in a signature header. */
export type MacEncoding = 'base64' | 'unpadded-base64' | 'base64url' | 'hex' | 'uppercase-hex' | 'sha256=hex';

/**
 * A signature header as a check declares it.
 *
 * - `missing`: no signature header; `empty`: the header with no value.
 * - `other-body`: a genuine signature (right key, right encoding) of another body: this body altered in
 *   transit (an amount raised, a counter changed).
 * - `other-key`: the HMAC of this body under another application's key; `near-key`: under the right key with
 *   its last byte changed; `empty-key`: under an empty key.
 * - `other-encoding`: the right HMAC written in the profile's other encoding (mplus: hex; kopokopo: base64).
 * - `secret-read-otherwise`: the right body, keyed with the secret read the other way (mplus: its UTF-8 text
 *   instead of its base64 decoding, or the reverse): a diagnosis, not an attack.
 * - `reserialized`: the right key over `JSON.stringify(JSON.parse(body))` instead of the body: what a receiver
 *   that re-serialises before verifying expects (a diagnosis).
 * - `{ truncated: n }`: the right MAC cut to its first `n` bytes (1–31), written as the profile writes it.
 *   The MAC bytes change with every cut, so a verifier that decodes the header is not fooled by a cut that
 *   only drops base64 padding; `n` a multiple of 3 gives a base64 text that is an exact prefix of the right one.
 * - `{ encoding, key? }`: the MAC written in `encoding`; `key: 'other'` makes it under another key (a forger's
 *   guess in a plausible format), else it is the right MAC re-encoded.
 * - `{ appended }`: the right signature with `appended` after it (lenient decoders stop at the first bad digit).
 * - `{ header }`: this header value, which proves no key (a placeholder, junk).
 */
export type Forgery =
  | 'missing'
  | 'empty'
  | 'other-body'
  | 'other-key'
  | 'near-key'
  | 'empty-key'
  | 'other-encoding'
  | 'secret-read-otherwise'
  | 'reserialized'
  | { truncated: number }
  | { encoding: MacEncoding; key?: 'right' | 'other' }
  | { appended: string }
  | { header: string };

/** What a profile signs with and how it writes it: everything forgery needs, the secret included. */
export interface SignatureScheme {
  /** The HMAC-SHA256 key bytes of the subscription. */
  key: Buffer;
  /** How the sender writes the MAC. */
  encoding: MacEncoding;
  /** What `other-encoding` writes instead. */
  otherEncoding: MacEncoding;
  /** Another application's key, derived from `seed` (the same seed, the same key). */
  otherKey(seed: number): Buffer;
  /** The key when the secret is read the other way (mplus), if the profile has another reading. */
  keyReadOtherwise?(): Buffer | undefined;
  /** Another body: `body` as an attacker would alter it in transit. */
  otherBody(body: Buffer): Buffer;
}

/** Bytes of an HMAC-SHA256. */
const MAC_BYTES = 32;

/** HMAC-SHA256 of `body` under `key`. */
export function mac(key: Buffer, body: Buffer): Buffer {
  return hmacSha256(key, body);
}

/** `mac` written in `encoding`. */
export function writeMac(bytes: Buffer, encoding: MacEncoding): string {
  switch (encoding) {
    case 'base64':
      return bytes.toString('base64');
    case 'unpadded-base64':
      return bytes.toString('base64').replace(/=+$/, '');
    case 'base64url':
      return bytes.toString('base64url');
    case 'hex':
      return bytes.toString('hex');
    case 'uppercase-hex':
      return bytes.toString('hex').toUpperCase();
    case 'sha256=hex':
      return `sha256=${bytes.toString('hex')}`;
  }
}

/** 32 key bytes derived from `seed` and `purpose`: deterministic, and never the subscription's key. */
export function derivedKey(seed: number, purpose: string): Buffer {
  return createHash('sha256').update(`hookcert:${purpose}:${seed}`).digest();
}

/**
 * The signature header for `body` under `forgery` (`undefined`: the right one), or `null` for no header.
 * `seed` makes the keys a forger holds deterministic.
 *
 * @throws Error for a forgery that cannot be made (a truncation outside 1–31 bytes, no other secret reading):
 *   a bug in the check, never a verdict.
 */
export function forgedSignature(scheme: SignatureScheme, body: Buffer, forgery: Forgery | undefined, seed: number): string | null {
  const right = () => mac(scheme.key, body);
  if (forgery === undefined) return writeMac(right(), scheme.encoding);
  if (typeof forgery === 'object') {
    if ('header' in forgery) return forgery.header;
    if ('appended' in forgery) return writeMac(right(), scheme.encoding) + forgery.appended;
    if ('truncated' in forgery) {
      const n = forgery.truncated;
      if (!Number.isInteger(n) || n < 1 || n >= MAC_BYTES) throw new Error(`hookcert: a MAC can be truncated to 1–${MAC_BYTES - 1} bytes, not ${n}`);
      return writeMac(right().subarray(0, n), scheme.encoding);
    }
    const key = forgery.key === 'other' ? scheme.otherKey(seed) : scheme.key;
    return writeMac(mac(key, body), forgery.encoding);
  }
  switch (forgery) {
    case 'missing':
      return null;
    case 'empty':
      return '';
    case 'other-body':
      return writeMac(mac(scheme.key, scheme.otherBody(body)), scheme.encoding);
    case 'other-key':
      return writeMac(mac(scheme.otherKey(seed), body), scheme.encoding);
    case 'near-key':
      return writeMac(mac(nearKey(scheme.key), body), scheme.encoding);
    case 'empty-key':
      return writeMac(mac(Buffer.alloc(0), body), scheme.encoding);
    case 'other-encoding':
      return writeMac(right(), scheme.otherEncoding);
    case 'secret-read-otherwise': {
      const other = scheme.keyReadOtherwise?.();
      if (!other) throw new Error('hookcert: this profile reads its secret one way only');
      return writeMac(mac(other, body), scheme.encoding);
    }
    case 'reserialized':
      return writeMac(mac(scheme.key, reserialized(body) ?? body), scheme.encoding);
  }
}

/** The key with its last byte changed (an API key mistyped by one character stays printable ASCII). */
function nearKey(key: Buffer): Buffer {
  const out = Buffer.from(key);
  if (out.length === 0) return Buffer.from('x');
  out[out.length - 1] ^= 0x01;
  return out;
}

/**
 * What a re-serialising receiver hashes: `JSON.stringify(JSON.parse(body))` (the Node and Ruby SDK style);
 * `undefined` when the body is not JSON.
 */
export function reserialized(body: Buffer): Buffer | undefined {
  try {
    return Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8'))), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Another body made from `body`: the JSON object `alter` returns (re-serialised compactly), or, for a body
 * that is not a JSON object, the body with a byte added. Either way the bytes differ.
 */
export function alteredBody(body: Buffer, alter: (value: Record<string, unknown>) => Record<string, unknown>): Buffer {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    value = undefined;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const altered = Buffer.from(JSON.stringify(alter(value as Record<string, unknown>)), 'utf8');
    if (!altered.equals(body) && !altered.equals(reserialized(body) ?? Buffer.alloc(0))) return altered;
    return Buffer.from(JSON.stringify({ ...(value as object), hookcert_tampered: true }), 'utf8');
  }
  return Buffer.concat([body, Buffer.from('x')]);
}
