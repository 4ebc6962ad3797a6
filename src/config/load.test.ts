import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mplusEvents } from '../protocol/mplus/driver.js';
import { parseEndpointUrl, resolveRun, suggest } from './load.js';

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
    expect(r.sub.events).toEqual([{ name: 'scanCode', blocking: true, polling: false, budgetMs: 900, triggers: [{ codeType: 'qrcode', pattern: '^V\\d+$' }] }]);
    expect(r.options.runs).toBe(9);
    expect(r.options.seed).toBe(5);
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
