import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mplusEvents } from '../pos/driver.js';
import { parseEndpointUrl, resolveRun } from './load.js';
import { duration, valueOf } from './values.js';
import { suggest } from '../suggest.js';

/** A duration flag's value as the CLI and resolveRun read it (the rule of src/config/values.ts). */
const durationMs = (flag: string, text: string | undefined) => valueOf(duration(flag), text);
const catalogues = () => mplusEvents;
const SECRET = 'eFc5HrxwLbONJ+EYXrbHB+a9HueYIQzotgKRLRVAfx0=';

describe('resolveRun', () => {
  it('takes the secret from HOOKCERT_SECRET and defaults everything else', () => {
    const r = resolveRun({ url: 'https://example.com/hooks', config: undefined }, catalogues, { HOOKCERT_SECRET: SECRET });
    expect(r.sub.secret.reveal()).toBe(SECRET);
    expect(r.sub.secretEncoding).toBe('base64');
    expect(r.sub.events.map((e) => e.name)).toEqual(mplusEvents.names());
    expect(r.sub.subscriptionIdKnown).toBe(false);
    expect(r.options.runs).toBe(25);
  });

  it('lets flags win over the config file, and the file over defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookcert-config-'));
    const path = join(dir, 'hookcert.config.json');
    writeFileSync(path, JSON.stringify({ endpointUrl: 'https://file.example/h', subscriptionId: 'from-file', events: { scanCode: { budgetMs: 900, triggers: [{ codeType: 'qrcode', pattern: '^V\\d+$' }] } }, run: { runs: 7, seed: 5 } }));
    const r = resolveRun({ config: path, runs: '9' }, catalogues, { HOOKCERT_SECRET: SECRET });
    expect(r.sub.url).toBe('https://file.example/h');
    expect(r.sub.subscriptionId).toBe('from-file');
    expect(r.sub.subscriptionIdKnown).toBe(true);
    expect(r.sub.events).toEqual([{ name: 'scanCode', blocking: true, polling: false, budgetMs: 900, triggers: [{ codeType: 'qrcode', pattern: '^V\\d+$' }], pollingConfigured: false }]);
    expect(r.options.runs).toBe(9);
    expect(r.options.seed).toBe(5);
  });

  it('bounds polling processes and external payments as a whole, from flags, the file, or the defaults; takes the callback URL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookcert-config-'));
    const path = join(dir, 'hookcert.config.json');
    writeFileSync(path, JSON.stringify({ endpointUrl: 'https://file.example/h', callbackUrl: 'https://pos.example/cb', run: { polling: { maxRounds: 7 }, externalPayment: { maxMs: 120000 } } }));
    const r = resolveRun({ config: path, maxPollingTime: '90s', maxPaymentPolls: '12' }, catalogues, { HOOKCERT_SECRET: SECRET });
    expect(r.options.pollingBounds).toEqual({ maxRounds: 7, maxMs: 90_000 });
    expect(r.options.paymentBounds).toEqual({ maxRounds: 12, maxMs: 120_000 });
    expect(r.options.callbackUrl).toBe('https://pos.example/cb');
    const d = resolveRun({ url: 'https://example.com/h' }, catalogues, { HOOKCERT_SECRET: SECRET });
    expect(d.options.pollingBounds).toEqual({ maxRounds: 60, maxMs: 300_000 });
    expect(d.options.callbackUrl).toBeUndefined();
    expect(() => resolveRun({ url: 'https://example.com/h', callbackUrl: 'pos.example/cb' }, catalogues, { HOOKCERT_SECRET: SECRET })).toThrow(/--callback-url must be a full http/);
  });

  it('asks for a secret when there is none', () => {
    expect(() => resolveRun({ url: 'https://example.com/h' }, catalogues, {})).toThrow(/no secret: set HOOKCERT_SECRET/);
  });
});

describe('parseEndpointUrl', () => {
  it('accepts http and https URLs and refuses the rest with what to fix', () => {
    expect(parseEndpointUrl('http://127.0.0.1:8080/webhooks')).toBe('http://127.0.0.1:8080/webhooks');
    expect(() => parseEndpointUrl('localhost:8080/webhooks')).toThrow(/--url must/);
    expect(() => parseEndpointUrl('ws://example.com')).toThrow(/http:\/\/ or https:\/\//);
    expect(() => parseEndpointUrl('https://user:pw@example.com')).toThrow(/must not carry credentials/);
  });
});

it('suggests the nearest known word', () => {
  expect(suggest('scancode', ['scanCode', 'startSession'])).toBe(' (did you mean "scanCode"?)');
  expect(suggest('zzzzzz', ['scanCode'])).toBe('');
});

describe('limits', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hookcert-limits-'));
  const file = (content: unknown) => {
    const path = join(dir, `c${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  it('reads durations as ms, s, m or h, and refuses the rest', () => {
    expect([durationMs('--x', '500'), durationMs('--x', '500ms'), durationMs('--x', '2s'), durationMs('--x', '1.5s'), durationMs('--x', '10m'), durationMs('--x', '1h')]).toEqual([
      500, 500, 2000, 1500, 600_000, 3_600_000,
    ]);
    expect(durationMs('--x', undefined)).toBeUndefined();
    expect(() => durationMs('--max-run-time', 'soon')).toThrow(/--max-run-time takes a duration such as 500 \(ms\), 2s, 10m \(got "soon"\)/);
    expect(() => durationMs('--budget', '0')).toThrow(/--budget must be between 1 ms and 24 h/);
  });

  it('takes budgets from --budget, else the event in the file, else run.budgetMs, else the catalogue', () => {
    const path = file({ endpointUrl: 'http://127.0.0.1:9/h', events: { scanCode: { budgetMs: 900 }, startSession: {} }, run: { budgetMs: 700, graceMs: 50, maxRunMs: 60_000, connectTimeoutMs: 300, maxBodyBytes: 4096 } });
    const fromFile = resolveRun({ config: path }, catalogues, { HOOKCERT_SECRET: SECRET });
    expect(fromFile.sub.events.map((e) => [e.name, e.budgetMs])).toEqual([
      ['scanCode', 900],
      ['startSession', 700],
    ]);
    expect(fromFile.options).toMatchObject({ graceMs: 50, maxRunMs: 60_000, connectTimeoutMs: 300, maxBodyBytes: 4096 });
    const fromFlags = resolveRun({ config: path, budget: '2s', grace: '0', maxRunTime: '90s', connectTimeout: '1s', debug: true }, catalogues, { HOOKCERT_SECRET: SECRET });
    expect(fromFlags.sub.events.map((e) => e.budgetMs)).toEqual([2000, 2000]);
    expect(fromFlags.options).toMatchObject({ graceMs: 0, maxRunMs: 90_000, connectTimeoutMs: 1000 });
    expect(fromFlags.debug).toBe(true);
    const defaults = resolveRun({ url: 'http://127.0.0.1:9/h', events: 'startSession' }, catalogues, { HOOKCERT_SECRET: SECRET });
    expect(defaults.sub.events[0].budgetMs).toBe(mplusEvents.defaults('startSession').budgetMs);
    expect(defaults.options.maxRunMs).toBe(30 * 60_000);
  });

  it('keeps the secret of the config file out of its error messages', () => {
    const path = file({ secret: SECRET, endpointUrl: 'http://127.0.0.1:9/h', events: { [SECRET]: {} } });
    expect(() => resolveRun({ config: path }, catalogues, {})).toThrow(/^unknown event "\[redacted\]"/);
    const broken = file(`{"secret": "${SECRET}" "endpointUrl": 1}`);
    let message = '';
    try {
      resolveRun({ config: broken }, catalogues, {});
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/is not valid JSON \(.* at line 1, column \d+\): fix the syntax$/);
    expect(message).not.toContain(SECRET);
  });

  it('refuses a --ca file that holds no PEM certificate', () => {
    const path = file('not a certificate');
    expect(() => resolveRun({ url: 'https://127.0.0.1:9/h', ca: path }, catalogues, { HOOKCERT_SECRET: SECRET })).toThrow(/holds no PEM certificate/);
  });
});

describe('the integrator\'s catalogue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hookcert-catalogue-'));
  const file = (content: unknown) => {
    const path = join(dir, `c${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(path, JSON.stringify(content));
    return path;
  };
  const resolve = (catalogue: unknown, extra: Record<string, unknown> = {}) =>
    resolveRun({ config: file({ endpointUrl: 'http://127.0.0.1:9/h', catalogue, ...extra }) }, catalogues, { HOOKCERT_SECRET: SECRET });

  it('is read with every list present, and says which events left polling to the endpoint', () => {
    const r = resolve({ articles: [{ articleNumber: 4711, text: 'Tour Ticket (Adult)', priceIncl: 12.5, barcode: '8710000000017' }], customActions: [{ id: 'REGISTER', caption: 'Register' }] }, { events: { addSessionLine: {}, scanCode: { polling: false } } });
    expect(r.sub.catalogue).toEqual({
      articles: [{ articleNumber: 4711, text: 'Tour Ticket (Adult)', priceIncl: 12.5, barcode: '8710000000017' }],
      codes: [],
      relations: [],
      customActions: [{ id: 'REGISTER', caption: 'Register' }],
      paymentMethods: [],
    });
    expect(r.sub.events.map((e) => [e.name, e.pollingConfigured])).toEqual([
      ['addSessionLine', false],
      ['scanCode', true],
    ]);
  });

  it.each([
    ['an article without text', { articles: [{ articleNumber: 1 }] }, /\/catalogue\/articles\/0 must have required property 'text'/],
    ['a barcode the POS cannot hold', { articles: [{ text: 'x', barcode: '87 12' }] }, /\/catalogue\/articles\/0\/barcode must match pattern/],
    ['a price that is not money', { articles: [{ text: 'x', priceIncl: 1.234 }] }, /\/catalogue\/articles\/0\/priceIncl must be multiple of 0\.01/],
    ['a code of an unknown type', { codes: [{ code: 'V1', codeType: 'nfc' }] }, /\/catalogue\/codes\/0\/codeType must be equal to one of the allowed values/],
    ['a misspelt key', { articles: [{ text: 'x', articleNumbr: 2 }] }, /unknown key "articleNumbr" at \/catalogue\/articles\/0 \(did you mean "articleNumber"\?\)/],
    ['a payment method in lower case', { paymentMethods: [{ method: 'cash' }] }, /\/catalogue\/paymentMethods\/0\/method must match pattern/],
  ])('refuses %s in one line that says where', (_what, catalogue, message) => {
    let err: unknown;
    try {
      resolve(catalogue);
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message.split('\n')).toHaveLength(1);
    expect(err).toMatchObject({ code: 'HOOKCERT_ERR_CONFIG' });
  });

  it('belongs to the mplus profile only', () => {
    expect(() => resolve({ articles: [{ text: 'x' }] }, { profile: 'kopokopo' })).toThrow(/applies to the mplus profile only/);
  });
});
