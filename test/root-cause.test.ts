import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http } from '../src/reference/handler.js';
import { kopokopoReference } from '../src/reference/kopokopo/mutant.js';
import { mplusReference } from '../src/reference/mplus/mutant.js';
import { serveHandlers, type ServedReceiver } from '../src/reference/server.js';
import { registry } from '../src/schema/registry.js';
import { cli } from './helpers.js';

// A wrong secret, a forgotten --subscription-id, a wrong URL: every request is refused alike. The run says so
// first, in one line with what to fix, and stops there unless --keep-going, instead of 240 lines of failures.
const secret = randomBytes(32).toString('base64');
const wrong = randomBytes(32).toString('base64');
let receiver: ServedReceiver;
let missing: ServedReceiver;
let seen = 0;

beforeAll(async () => {
  const count = http.post('*', () => void seen++);
  receiver = await serveHandlers([count, ...mplusReference({ secret, secretEncoding: 'base64', subscriptionIds: ['acme'] })]);
  missing = await serveHandlers([http.post('*', () => new Response('{"error":"not found"}', { status: 404, headers: { 'content-type': 'application/json' } }))]);
});
afterAll(async () => {
  await receiver.close();
  await missing.close();
});

const run = (url: string, key: string, ...argv: string[]) => cli(['run', '--url', url, '--seed', '7', '--runs', '2', ...argv], { HOOKCERT_SECRET: key });

describe('the root cause, said first', () => {
  it('a wrong secret: one line naming INVALID_SIGNATURE and what to check, then the run stops (exit 3) after a few requests', async () => {
    seen = 0;
    const out = await run(receiver.url, wrong, '--subscription-id', 'acme');
    expect(out.code).toBe(3);
    expect(out.stdout.split('\n')[1]).toBe(
      'hookcert: every request was refused with HTTP 400 INVALID_SIGNATURE: check HOOKCERT_SECRET (the subscription\'s secret key) and --secret-encoding (now base64: the key is base64-decoded)',
    );
    expect(seen).toBeLessThanOrEqual(6);
    const r = out.results!;
    expect(r.verdict).toBe('incomplete');
    expect(r.checks).toEqual([]);
    expect(r.rootCause).toMatchObject({ refusal: { status: 400, code: 'INVALID_SIGNATURE' }, stopped: true, fix: expect.stringContaining('HOOKCERT_SECRET') });
    expect(registry().validate('report/results.schema.json', r)).toEqual([]);
    expect(out.stdout).toContain(`0 of ${r.summary.total} checks run: stopped before the checks`);
    expect(out.stdout).not.toContain('coverage:');
    expect(out.stdout.split('\n').length).toBeLessThan(12);
    for (const f of ['summary.md', 'junit.xml', 'index.html']) expect(readFileSync(join(out.reportDir, f), 'utf8'), f).toContain('INVALID_SIGNATURE');
    expect(out.stdout + readFileSync(join(out.reportDir, 'results.json'), 'utf8')).not.toContain(wrong);
  });

  it('a forgotten --subscription-id: says which id was sent, and that it was the default', async () => {
    const out = await run(receiver.url, secret);
    expect(out.code).toBe(3);
    expect(out.stdout).toContain('subscription id hookcert (the default: --subscription-id sets yours)');
    expect(out.stdout.split('\n')[1]).toBe(
      'hookcert: every request was refused with HTTP 400 INVALID_SUBSCRIPTION_ID: hookcert sent X-Mplus-Subscription-Id: hookcert (the default, as no --subscription-id was given): pass --subscription-id with the id of your subscription',
    );
  });

  it('the secret read the other way: names the --secret-encoding that works', async () => {
    const out = await run(receiver.url, secret, '--subscription-id', 'acme', '--secret-encoding', 'utf8');
    expect(out.stdout.split('\n')[1]).toBe('hookcert: every request was refused with HTTP 400 INVALID_SIGNATURE, and one signed with the secret read as base64 was accepted: pass --secret-encoding base64');
  });

  it('404 on every event URL: check --url, the base URL to which the event name is appended', async () => {
    const out = await run(missing.url, secret, '--subscription-id', 'acme');
    expect(out.code).toBe(3);
    expect(out.stdout.split('\n')[1]).toMatch(/^hookcert: every event URL answered HTTP 404 \(http:\/\/127\.0\.0\.1:\d+\/webhooks\/\w+, .+\): check --url: it is your subscription's base Endpoint URL, and hookcert appends each event's name \(POST .+\/webhooks\/startSession\)$/);
  });

  it('--keep-going runs every check anyway, still naming the cause first', async () => {
    const out = await run(receiver.url, wrong, '--subscription-id', 'acme', '--keep-going', '--check', 'MP-SIG-001,MP-SIG-002');
    expect(out.code).toBe(1);
    expect(out.stdout.split('\n').slice(1, 3)).toEqual([expect.stringContaining('INVALID_SIGNATURE'), '  running every check anyway']);
    expect(out.results!.rootCause?.stopped).toBe(false);
    expect(out.results!.checks.map((c) => c.status)).toEqual(['fail', 'pass']);
    expect(out.results!.replay).toContain('--keep-going');
  });

  it('a correct endpoint sends nothing extra and gets no root cause', async () => {
    const out = await run(receiver.url, secret, '--subscription-id', 'acme', '--check', 'MP-SIG-001');
    expect(out.code).toBe(0);
    expect(out.results!.rootCause).toBeUndefined();
    expect(out.results!.coverage?.events.some((e) => e.by?.source === 'diagnosis')).toBe(false);
  });

  it('Kopo Kopo: a wrong API key', async () => {
    const k2 = await serveHandlers(kopokopoReference({ secret: 'the-api-key', secretEncoding: 'utf8', subscriptionIds: [] }));
    try {
      const out = await cli(['run', '--profile', 'kopokopo', '--url', k2.url, '--seed', '7', '--runs', '2'], { HOOKCERT_SECRET: 'another-key' });
      expect(out.code).toBe(3);
      expect(out.stdout.split('\n')[1]).toBe("hookcert: every delivery was refused with HTTP 401: check HOOKCERT_SECRET: it is the application's API key, used as text");
    } finally {
      await k2.close();
    }
  });
});
