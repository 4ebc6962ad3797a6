import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { http } from '../src/reference/handler.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mplusReference } from '../src/reference/mplus/mutant.js';
import { findMutant } from '../src/reference/mutants.js';
import { serveHandlers, type ServedReceiver } from '../src/reference/server.js';
import { cli } from './helpers.js';

const secret = randomBytes(32).toString('base64');
const setup = { secret, secretEncoding: 'base64' as const, subscriptionIds: ['acme-42'] };
let receiver: ServedReceiver;
let bodies: string[] = [];

beforeAll(async () => {
  // The reference receiver on its own port, recording every request body it is sent.
  const record = http.post('*', async ({ request }) => {
    bodies.push(await request.clone().text());
    return undefined;
  });
  receiver = await serveHandlers([record, ...mplusReference(setup)]);
});
afterAll(() => receiver.close());

describe('hookcert run --url', () => {
  it('certifies a receiver on another port: exit 0, every check passes, four report files', async () => {
    const out = await cli(['run', '--url', receiver.url, '--subscription-id', 'acme-42', '--seed', '7', '--runs', '6'], { HOOKCERT_SECRET: secret });
    expect(out.code, out.stdout + out.stderr).toBe(0);
    expect(out.results?.verdict).toBe('conformant');
    expect(out.results?.checks.every((c) => c.status === 'pass')).toBe(true);
    expect(readdirSync(out.reportDir).sort()).toEqual(['index.html', 'junit.xml', 'results.json', 'summary.md']);
  });

  it('sends byte-identical request bodies for the same --seed', async () => {
    const args = ['run', '--url', receiver.url, '--subscription-id', 'acme-42', '--seed', '424242', '--runs', '4', '--check', 'MP-SIG-001,MP-SHP-001,MP-SIG-004'];
    bodies = [];
    await cli(args, { HOOKCERT_SECRET: secret });
    const first = bodies;
    bodies = [];
    await cli(args, { HOOKCERT_SECRET: secret });
    expect(first.length).toBeGreaterThan(20);
    expect(bodies).toEqual(first);
    bodies = [];
    await cli(args.map((a) => (a === '424242' ? '424243' : a)), { HOOKCERT_SECRET: secret });
    expect(bodies).not.toEqual(first);
  });

  it('says clearly that an unreachable URL cannot be reached: exit 3, incomplete, reports written', async () => {
    const out = await cli(['run', '--url', 'http://127.0.0.1:1/webhooks', '--seed', '1'], { HOOKCERT_SECRET: secret });
    expect(out.code).toBe(3);
    expect(out.results?.verdict).toBe('incomplete');
    expect(out.stdout).toMatch(/cannot reach http:\/\/127\.0\.0\.1:1\/webhooks\/\w+: connection refused/);
  });
});

describe('bad input: one line that says what to fix, exit 2', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['a URL without a scheme', ['run', '--url', 'example.com/webhooks'], /--url must be a full http:\/\/ or https:\/\/ URL .*add the scheme/],
    ['a non-HTTP scheme', ['run', '--url', 'ftp://example.com/x'], /--url must use http:\/\/ or https:\/\//],
    ['an unknown event', ['run', '--url', 'http://127.0.0.1:9/x', '--events', 'scancode'], /unknown event "scancode" \(did you mean "scanCode"\?\)/],
    ['a bad number', ['run', '--url', 'http://127.0.0.1:9/x', '--runs', 'many'], /--runs takes a whole number/],
    ['a bad level', ['run', '--url', 'http://127.0.0.1:9/x', '--level', 'shuold'], /--level must be one of must, should .*did you mean "should"/],
    ['an unknown flag', ['run', '--urll', 'http://127.0.0.1:9/x'], /unknown option '--urll'/],
    ['an unknown mutant', ['demo', '--mutant', 'no-signature-chek'], /no mplus mutant "no-signature-chek" \(did you mean "no-signature-check"\?\)/],
  ];
  it.each(cases)('%s', async (_what, argv, message) => {
    const out = await cli(argv, { HOOKCERT_SECRET: secret });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a secret that is not base64 when base64 is asked, without printing it', async () => {
    const bad = 'not base64 at all!!';
    const out = await cli(['run', '--url', 'http://127.0.0.1:9/x', '--secret', bad]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/base64/);
    expect(out.stderr).not.toContain(bad);
  });

  it('a config file with a typo in a key', async () => {
    const dir = (await cli(['list'])).reportDir;
    const path = join(dir, 'hookcert.config.json');
    writeFileSync(path, JSON.stringify({ endpointUrl: 'http://127.0.0.1:9/x', events: { scanCode: { blokking: true } } }));
    const out = await cli(['run', '--config', path], { HOOKCERT_SECRET: secret });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/unknown key "blokking" at \/events\/scanCode \(did you mean "blocking"\?\)/);
  });
});

it('keeps the secret out of every output of a failing run', async () => {
  const mutant = await findMutant('mplus', 'no-signature-check');
  const served = await serveHandlers(mutant.handlers(setup));
  try {
    const out = await cli(['run', '--url', served.url, '--secret', secret, '--subscription-id', 'acme-42', '--seed', '3', '--runs', '4'], { HOOKCERT_SECRET: secret });
    expect(out.code).toBe(1);
    const files = readdirSync(out.reportDir).map((f) => readFileSync(join(out.reportDir, f), 'utf8'));
    for (const text of [out.stdout, out.stderr, ...files]) expect(text).not.toContain(secret);
  } finally {
    await served.close();
  }
});
