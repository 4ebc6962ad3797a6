import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schemasDir } from '../../paths.js';
import { registry } from '../../schema/registry.js';
import { reserialized } from '../forgery.js';
import { KOPOKOPO_CORPUS } from '../kopokopo/corpus.js';
import { kopokopoCatalogue } from '../kopokopo/catalogue.js';
import { payloadArbitrary } from '../kopokopo/payloads.js';
import { catalogue } from '../mplus/catalogue.js';
import { MPLUS_CORPUS, MPLUS_DECIMAL_KEYS } from '../mplus/corpus.js';
import { REQUEST_SCHEMA, requestArbitrary, withIdentity } from '../mplus/requests.js';
import { controlOf, NON_ASCII_NAME, RESTYLED, variantOf, type CorpusHints, type JsonObject } from './restyled.js';
import { inExponentForm, serialize, withTrailingZero } from './serialize.js';

const URL = 'http://127.0.0.1:9/webhooks';
const EXTRA = /^hookcert_/;
/** A value without the extra fields a variant adds. */
const withoutExtras = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).filter(([k]) => !EXTRA.test(k)));
const identity = { branchNumber: 1, workplaceNumber: 1, instanceId: 'f9fac333-9fa7-45fe-8e9c-2c1e6465942f', eventCounter: 1, eventTimestamp: '2026-01-05T09:00:00.000+01:00' };

interface Sample {
  name: string;
  value: JsonObject;
  /** Schema problems of a value a variant carries (extras of kopokopo left out). */
  problems(v: JsonObject): unknown[];
}

const kopokopo: Sample[] = [...kopokopoCatalogue().topics.values()].map((t) => ({
  name: t.name,
  value: fc.sample(payloadArbitrary(registry(), t, URL, { optionalProbability: 1 }), { seed: 11, numRuns: 1 })[0],
  problems: (v) => registry().validate(t.schema, withoutExtras(v)),
}));
const mplus: Sample[] = catalogue()
  .names()
  .map((e) => ({
    name: e,
    value: withIdentity(
      fc.sample(requestArbitrary(registry(), catalogue().get(e), { blocking: true, polling: false, triggers: [] }, { lines: { min: 1, max: 3 } }), { seed: 11, numRuns: 1 })[0],
      identity,
    ) as unknown as JsonObject,
    problems: (v) => registry().validate(REQUEST_SCHEMA, v),
  }));

describe.each([
  ['kopokopo', kopokopo, KOPOKOPO_CORPUS],
  ['mplus', mplus, MPLUS_CORPUS],
] as Array<[string, Sample[], CorpusHints]>)('the %s raw-body corpus', (profile, samples, hints) => {
  it.each(RESTYLED.map((v) => [v.name, v] as const))('%s parses back to its value, valid under the schema, and so does its control', (_name, v) => {
    for (const s of samples) {
      const raw = variantOf(v, s.value, hints);
      if (!raw) continue;
      expect(JSON.parse(raw.body), `${s.name}`).toEqual(raw.value);
      expect(JSON.parse(controlOf(raw))).toEqual(raw.value);
      expect(s.problems(raw.value), `${s.name}`).toEqual([]);
      if (['non-ascii', 'unicode-escapes'].includes(v.name)) expect(JSON.stringify(raw.value)).toContain(NON_ASCII_NAME);
      else if (v.name !== 'escaped-slashes') expect(withoutExtras(raw.value)).toEqual(s.value);
    }
  });

  it.each(RESTYLED.filter((v) => !v.jsStable).map((v) => [v.name, v] as const))(
    '%s changes bytes under JSON.stringify(JSON.parse(body)) (it catches the Node/Ruby SDK style)',
    (_name, v) => {
      for (const s of samples) {
        const raw = variantOf(v, s.value, hints);
        if (!raw) continue;
        const body = Buffer.from(raw.body, 'utf8');
        expect(reserialized(body)!.equals(body), s.name).toBe(false);
      }
    },
  );

  it('jsStable variants survive a JavaScript round trip unchanged, but their control differs', () => {
    for (const v of RESTYLED.filter((x) => x.jsStable)) {
      const raw = samples.map((s) => variantOf(v, s.value, hints)).find((r) => r !== undefined)!;
      const body = Buffer.from(raw.body, 'utf8');
      expect(reserialized(body)!.equals(body)).toBe(true);
      expect(controlOf(raw)).not.toBe(raw.body);
    }
  });

  it('the whitespace, separator and key-order variants apply to every body', () => {
    for (const v of RESTYLED.filter((x) => ['pretty-printed', 'tabs-and-crlf', 'padded', 'python-separators', 'reordered-keys'].includes(x.name)))
      for (const s of samples) expect(variantOf(v, s.value, hints), `${profile} ${v.name} ${s.name}`).toBeDefined();
  });
});

describe('what applies where', () => {
  const applies = (samples: Sample[], hints: CorpusHints, name: string) =>
    samples.filter((s) => variantOf(RESTYLED.find((v) => v.name === name)!, s.value, hints)).map((s) => s.name);

  it('kopokopo: every variant applies to every topic (numbers and the big integer as extra fields, "/" added where a body has none)', () => {
    for (const v of RESTYLED) expect(applies(kopokopo, KOPOKOPO_CORPUS, v.name), v.name).toEqual(kopokopo.map((s) => s.name));
  });

  it('mplus: no extra members (no big integer); decimals only under number-typed keys; texts where a request has one', () => {
    expect(applies(mplus, MPLUS_CORPUS, 'big-integer')).toEqual([]);
    const decimals = applies(mplus, MPLUS_CORPUS, 'decimal-numbers');
    expect(decimals).toContain('addSessionLine');
    for (const s of mplus.filter((x) => decimals.includes(x.name))) {
      const raw = variantOf(RESTYLED.find((v) => v.name === 'decimal-numbers')!, s.value, MPLUS_CORPUS)!;
      // eventCounter, branchNumber and other integers keep their integer spelling.
      expect(raw.body).toContain(`"eventCounter":${identity.eventCounter},`);
    }
    expect(applies(mplus, MPLUS_CORPUS, 'non-ascii')).toContain('addSessionLine'); // the added line's text
    // A body with a free text, or a "/" already, gets its slashes escaped.
    expect(applies(mplus, MPLUS_CORPUS, 'escaped-slashes')).toEqual(expect.arrayContaining(applies(mplus, MPLUS_CORPUS, 'non-ascii')));
  });

  it('mplus: an added line gets the text in both places it appears, so the request stays consistent', () => {
    const add = mplus.find((s) => s.name === 'addSessionLine')!;
    const raw = variantOf(RESTYLED.find((v) => v.name === 'non-ascii')!, add.value, MPLUS_CORPUS)!;
    const line = (raw.value.addSessionLine as { line: { lineId: string; text: string } }).line;
    const inSession = (raw.value.session as { lines: Array<{ lineId: string; text: string }> }).lines.find((l) => l.lineId === line.lineId)!;
    expect(inSession.text).toBe(line.text);
  });
});

it('MPLUS_DECIMAL_KEYS are exactly the properties the mplus request schemas type number (and never otherwise)', () => {
  const typed = new Map<string, Set<string>>();
  const walk = (s: unknown): void => {
    if (Array.isArray(s)) return s.forEach(walk);
    if (!s || typeof s !== 'object') return;
    const props = (s as { properties?: Record<string, { type?: unknown }> }).properties;
    for (const [k, p] of Object.entries(props ?? {})) {
      const t = typeof p.type === 'string' ? p.type : (p.type ?? 'ref');
      if (!typed.has(k)) typed.set(k, new Set());
      typed.get(k)!.add(String(t));
    }
    Object.values(s).forEach(walk);
  };
  for (const dir of ['request', 'common'])
    for (const f of readdirSync(join(schemasDir, 'mplus', dir))) walk(JSON.parse(readFileSync(join(schemasDir, 'mplus', dir, f), 'utf8')));
  const numberOnly = [...typed].filter(([, t]) => t.size === 1 && t.has('number')).map(([k]) => k).sort();
  expect([...MPLUS_DECIMAL_KEYS].sort()).toEqual(numberOnly);
});

it('serialize writes the styles it is asked for', () => {
  const value = { a: '/é🙂', b: [1, { c: null }], n: 2 };
  expect(serialize(value)).toBe(JSON.stringify(value));
  expect(serialize(value, { itemSep: ', ', keySep: ': ' })).toBe('{"a": "/é🙂", "b": [1, {"c": null}], "n": 2}');
  expect(serialize(value, { reverseKeys: true })).toBe('{"n":2,"b":[1,{"c":null}],"a":"/é🙂"}');
  expect(serialize(value, { asciiOnly: true, escapeSlash: true })).toBe('{"a":"\\/\\u00e9\\ud83d\\ude42","b":[1,{"c":null}],"n":2}');
  expect(JSON.parse(serialize(value, { asciiOnly: true, escapeSlash: true }))).toEqual(value);
  expect(serialize(value, { number: (k, n) => (k === 'n' ? withTrailingZero(n) : undefined) })).toBe('{"a":"/é🙂","b":[1,{"c":null}],"n":2.0}');
});

it('number spellings denote the same number', () => {
  for (const n of [0, 2, -5, 1.5, 12.34, -999.99, 1000, 0.25, 1e21]) {
    for (const spelled of [withTrailingZero(n), inExponentForm(n)]) if (spelled !== undefined) expect(Number(spelled), spelled).toBe(n);
  }
  expect(withTrailingZero(2)).toBe('2.0');
  expect(withTrailingZero(1.5)).toBe('1.50');
  expect(inExponentForm(12.34)).toBe('1.234e1');
  expect(inExponentForm(5)).toBe('5.0e0');
  expect(inExponentForm(0.5)).toBeUndefined();
});

it('reserialized is undefined for a body that is not JSON', () => {
  expect(reserialized(Buffer.from('{"a":'))).toBeUndefined();
  expect(reserialized(Buffer.from(' {"a": 1.0} '))!.toString()).toBe('{"a":1}');
});
