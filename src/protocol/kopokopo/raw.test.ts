import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registry } from '../../schema/registry.js';
import { kopokopoCatalogue } from './catalogue.js';
import { payloadArbitrary } from './payloads.js';
import { controlOf, NON_ASCII_NAME, RAW_VARIANTS, reserialized, serialize } from './raw.js';

const URL = 'http://127.0.0.1:9/webhooks';
const EXTRA = /^hookcert_/;
/** A value without the extra fields a variant adds. */
const withoutExtras = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).filter(([k]) => !EXTRA.test(k)));

describe('raw-body variants', () => {
  const samples = [...kopokopoCatalogue().topics.values()].map((t) => ({
    topic: t,
    payload: fc.sample(payloadArbitrary(registry(), t, URL, { optionalProbability: 1 }), { seed: 11, numRuns: 1 })[0],
  }));

  it.each(RAW_VARIANTS.map((v) => [v.name, v] as const))('%s parses back to its value, a valid payload of the same topic', (_name, v) => {
    for (const { topic, payload } of samples) {
      const raw = v.make(payload);
      expect(JSON.parse(raw.body)).toEqual(raw.value);
      expect(JSON.parse(controlOf(raw))).toEqual(raw.value);
      expect(registry().validate(topic.schema, withoutExtras(raw.value))).toEqual([]);
      if (v.name === 'non-ascii' || v.name === 'unicode-escapes') expect(JSON.stringify(raw.value)).toContain(NON_ASCII_NAME);
      else expect(withoutExtras(raw.value)).toEqual(payload);
    }
  });

  it.each(RAW_VARIANTS.filter((v) => !v.jsStable).map((v) => [v.name, v] as const))(
    '%s changes bytes under JSON.stringify(JSON.parse(body)) (it catches the Node/Ruby SDK style)',
    (_name, v) => {
      for (const { payload } of samples) {
        const raw = v.make(payload);
        if (controlOf(raw) === raw.body) continue; // escaped-slashes on a body without "/"
        const body = Buffer.from(raw.body, 'utf8');
        expect(reserialized(body)!.equals(body)).toBe(false);
      }
    },
  );

  it('jsStable variants survive a JavaScript round trip unchanged, but their control differs', () => {
    for (const v of RAW_VARIANTS.filter((x) => x.jsStable)) {
      const raw = v.make(samples[0].payload);
      const body = Buffer.from(raw.body, 'utf8');
      expect(reserialized(body)!.equals(body)).toBe(true);
      expect(controlOf(raw)).not.toBe(raw.body);
    }
  });

  it('every variant differs from its control for every topic (escaped-slashes: for every body with a "/", so every webhook and callback)', () => {
    for (const v of RAW_VARIANTS)
      for (const { topic, payload } of samples) {
        const raw = v.make(payload);
        const compact = JSON.stringify(payload);
        expect(controlOf(raw) !== raw.body, `${v.name} ${topic.name}`).toBe(v.name !== 'escaped-slashes' || compact.includes('/'));
        if (topic.kind !== 'daraja') expect(compact).toContain('/'); // _links
      }
  });

  it('serialize writes the styles it is asked for', () => {
    const value = { a: '/é🙂', b: [1, { c: null }] };
    expect(serialize(value)).toBe(JSON.stringify(value));
    expect(serialize(value, { itemSep: ', ', keySep: ': ' })).toBe('{"a": "/é🙂", "b": [1, {"c": null}]}');
    expect(serialize(value, { reverseKeys: true })).toBe('{"b":[1,{"c":null}],"a":"/é🙂"}');
    expect(serialize(value, { asciiOnly: true, escapeSlash: true })).toBe('{"a":"\\/\\u00e9\\ud83d\\ude42","b":[1,{"c":null}]}');
    expect(JSON.parse(serialize(value, { asciiOnly: true, escapeSlash: true }))).toEqual(value);
  });

  it('reserialized is undefined for a body that is not JSON', () => {
    expect(reserialized(Buffer.from('{"a":'))).toBeUndefined();
    expect(reserialized(Buffer.from(' {"a": 1.0} '))!.toString()).toBe('{"a":1}');
  });
});
