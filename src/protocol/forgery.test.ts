import { timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Subscription } from '../runner/subscription.js';
import { Secret } from '../secret.js';
import { forgedSignature, mac, reserialized, type Forgery } from './forgery.js';
import { kopokopoScheme } from './kopokopo/headers.js';
import { mplusScheme } from './mplus/headers.js';
import { signKopokopo, signMplus } from './signature.js';

// The verified vectors of spec/README.md.
const MPLUS_SECRET = 'eFc5HrxwLbONJ+EYXrbHB+a9HueYIQzotgKRLRVAfx0=';
const K2_API_KEY = '8463vr8472a2372763787b7dec3dbe49879323gg32';
const BODY = Buffer.from('{"event":{"eventCounter":7,"eventBlocking":true},"sender":{"workplaceNumber":1},"amount":"100.0","note":"/é"}', 'utf8');

const sub = (profile: 'mplus' | 'kopokopo', secret: string, secretEncoding: 'base64' | 'utf8' = 'base64'): Subscription => ({
  profile,
  url: 'http://127.0.0.1:9',
  subscriptionId: 'hookcert',
  subscriptionIdKnown: false,
  secret: new Secret(secret),
  secretEncoding,
  events: [],
  topicUrls: {},
});
const mplus = mplusScheme(sub('mplus', MPLUS_SECRET));
const kopokopo = kopokopoScheme(sub('kopokopo', K2_API_KEY));

const same = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);

/** A correct verifier: it accepts the right signature and proves the key, each reading the header its own way. */
type Verifier = (header: string | null, right: Buffer) => boolean;

/** The ways a correct MplusKASSA receiver may read X-Mplus-Signature. */
const MPLUS_VERIFIERS: Record<string, Verifier> = {
  'compares the base64 texts': (h, m) => h !== null && same(Buffer.from(h), Buffer.from(m.toString('base64'))),
  'decodes the header leniently (Buffer.from base64) and compares the MAC bytes': (h, m) => h !== null && same(Buffer.from(h, 'base64'), m),
  'decodes strict base64 and compares the MAC bytes': (h, m) =>
    h !== null && /^[A-Za-z0-9+/]{43}=$/.test(h) && same(Buffer.from(h, 'base64'), m),
  'trims the header and compares the texts': (h, m) => h !== null && h.trim() === m.toString('base64'),
};

/** The ways a correct Kopo Kopo receiver may read X-KopoKopo-Signature. */
const KOPOKOPO_VERIFIERS: Record<string, Verifier> = {
  'compares the lowercase hex texts': (h, m) => h !== null && same(Buffer.from(h), Buffer.from(m.toString('hex'))),
  'compares hex case-insensitively': (h, m) => h !== null && h.toLowerCase() === m.toString('hex'),
  'checks 64 hex digits, decodes and compares the MAC bytes': (h, m) => h !== null && /^[0-9a-fA-F]{64}$/.test(h) && same(Buffer.from(h, 'hex'), m),
  'trims the header and compares the texts': (h, m) => h !== null && h.trim() === m.toString('hex'),
};

/** Forgeries the checks expect refused (MUST): under every correct verifier, none may verify. */
const REFUSED: Array<[string, Forgery]> = [
  ['missing', 'missing'],
  ['empty', 'empty'],
  ['other-body', 'other-body'],
  ['other-key', 'other-key'],
  ['near-key', 'near-key'],
  ['empty-key', 'empty-key'],
  ...[1, 3, 4, 8, 16, 24, 30, 31].map((n): [string, Forgery] => [`truncated to ${n} bytes`, { truncated: n }]),
  ['another key, base64', { encoding: 'base64', key: 'other' }],
  ['another key, sha256= prefix', { encoding: 'sha256=hex', key: 'other' }],
  ['another key, hex', { encoding: 'hex', key: 'other' }],
  ['64 non-hex characters', { header: 'z'.repeat(64) }],
  ['hex with junk mixed in', { header: `${'5e'.repeat(15)}xyz${'a7'.repeat(15)}e` }],
  ['a placeholder', { header: 'SIGNATURE' }],
  ['"forged" in base64', { header: 'Zm9yZ2Vk' }],
];

describe.each([
  ['mplus', mplus, MPLUS_VERIFIERS],
  ['kopokopo', kopokopo, KOPOKOPO_VERIFIERS],
] as const)('%s forgeries', (_profile, scheme, verifiers) => {
  const right = mac(scheme.key, BODY);

  it.each(Object.keys(verifiers))('the right signature verifies with a receiver that %s', (name) => {
    expect(verifiers[name](forgedSignature(scheme, BODY, undefined, 1), right)).toBe(true);
  });

  it.each(REFUSED)('%s verifies under no way of reading the header', (_name, forgery) => {
    const header = forgedSignature(scheme, BODY, forgery, 1);
    for (const [how, verify] of Object.entries(verifiers)) expect(verify(header, right), how).toBe(false);
  });

  it('every truncation is an exact prefix of the right text when its length is a multiple of 3 bytes (prefix comparisons accept it)', () => {
    const full = forgedSignature(scheme, BODY, undefined, 1)!;
    for (const n of [3, 24, 30]) expect(full.startsWith(forgedSignature(scheme, BODY, { truncated: n }, 1)!)).toBe(true);
  });

  it('the keys a forger holds are deterministic for a seed, and differ between seeds', () => {
    expect(forgedSignature(scheme, BODY, 'other-key', 5)).toBe(forgedSignature(scheme, BODY, 'other-key', 5));
    expect(forgedSignature(scheme, BODY, 'other-key', 5)).not.toBe(forgedSignature(scheme, BODY, 'other-key', 6));
  });

  it('refuses a truncation outside 1..31 bytes (a bug in a check, not a verdict)', () => {
    for (const n of [0, 32, 2.5]) expect(() => forgedSignature(scheme, BODY, { truncated: n }, 1)).toThrow(/truncated/);
  });

  it('other-body signs other bytes; reserialized signs JSON.stringify(JSON.parse(body))', () => {
    expect(forgedSignature(scheme, BODY, 'other-body', 1)).not.toBe(forgedSignature(scheme, BODY, undefined, 1));
    expect(forgedSignature(scheme, BODY, 'reserialized', 1)).toBe(forgedSignature(scheme, reserialized(BODY)!, undefined, 1));
    // A body that is not a JSON object still gets the signature of other bytes.
    const xml = Buffer.from('<xml/>');
    expect(forgedSignature(scheme, xml, 'other-body', 1)).not.toBe(forgedSignature(scheme, xml, undefined, 1));
  });
});

describe('the profiles sign as the spec says', () => {
  it('mplus: base64 HMAC keyed with the decoded secret; other-encoding is hex; the other secret reading is the text key', () => {
    expect(forgedSignature(mplus, Buffer.from('test'), undefined, 1)).toBe('EBFFIb5qPH/teEFmjtwcIj6h80cl+X1DUy62D46tnu8=');
    expect(forgedSignature(mplus, BODY, undefined, 1)).toBe(signMplus(BODY, MPLUS_SECRET));
    expect(forgedSignature(mplus, BODY, 'other-encoding', 1)).toBe(Buffer.from(signMplus(BODY, MPLUS_SECRET), 'base64').toString('hex'));
    expect(forgedSignature(mplus, Buffer.from('test'), 'secret-read-otherwise', 1)).toBe('pKDrmsKUDJ7QeDwyOMtUcEi9aBl+BTnzxYIHSqjbfk4=');
  });

  it('mplus: a text secret that is not base64 has no other reading', () => {
    const text = mplusScheme(sub('mplus', 'not base64!', 'utf8'));
    expect(() => forgedSignature(text, BODY, 'secret-read-otherwise', 1)).toThrow(/one way/);
  });

  it('mplus: other-body is the same request with another eventCounter', () => {
    const other = mplus.otherBody(BODY);
    expect(JSON.parse(other.toString()).event.eventCounter).toBe(8);
  });

  it('kopokopo: lowercase hex HMAC keyed with the API key as text; other-body raises the amounts', () => {
    expect(forgedSignature(kopokopo, BODY, undefined, 1)).toBe(signKopokopo(BODY, K2_API_KEY));
    expect(JSON.parse(kopokopo.otherBody(BODY).toString()).amount).toBe('999999.0');
  });

  it('the old MP-SIG-004 cut (43 base64 characters) keeps all 32 MAC bytes: why truncation works on bytes', () => {
    const full = signMplus(BODY, MPLUS_SECRET);
    expect(Buffer.from(full.slice(0, 43), 'base64').equals(Buffer.from(full, 'base64'))).toBe(true);
  });

  it('a lenient hex decoder accepts the right signature with junk after it (what the appended forgery probes)', () => {
    const header = forgedSignature(kopokopo, BODY, { appended: 'zz' }, 1)!;
    expect(Buffer.from(header, 'hex').equals(mac(kopokopo.key, BODY))).toBe(true);
    for (const verify of Object.values(KOPOKOPO_VERIFIERS)) expect(verify(header, mac(kopokopo.key, BODY))).toBe(false);
  });
});
