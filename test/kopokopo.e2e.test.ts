import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http } from '../src/reference/handler.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kopokopoCatalogue } from '../src/protocol/kopokopo/catalogue.js';
import { verifyKopokopo } from '../src/protocol/signature.js';
import { kopokopoReference } from '../src/reference/kopokopo/mutant.js';
import { loadMutants } from '../src/reference/mutants.js';
import { serveHandlers, type ServedReceiver } from '../src/reference/server.js';
import { registry } from '../src/schema/registry.js';
import { cli, statuses } from './helpers.js';

// The kopokopo matrix over real loopback HTTP: the reference passes every check; every mutant fails the checks
// `list-mutants --profile kopokopo` names for it (test/mutants.test.ts, the kill matrix of both profiles).
const mutants = await loadMutants('kopokopo');
const SEED = '20261121';
const K2 = ['--profile', 'kopokopo'];

describe('kopokopo reference receiver', () => {
  it('passes every check: demo exits 0 and writes a valid results.json', async () => {
    const out = await cli(['demo', ...K2, '--seed', SEED, '--runs', '12']);
    const notPassing = Object.entries(statuses(out.results)).filter(([, s]) => s !== 'pass');
    expect(notPassing, out.stdout).toEqual([]);
    expect(out.code).toBe(0);
    expect(out.results?.verdict).toBe('conformant');
    expect(out.results?.profile).toBe('kopokopo');
    expect(out.results?.checks.length).toBeGreaterThanOrEqual(20);
    expect(out.results?.subscription.events.map((e) => e.name)).toEqual(kopokopoCatalogue().names());
    expect(registry().validate('report/results.schema.json', out.results)).toEqual([]);
  });
});

// Each mutant against the whole suite, and what it fails beyond the checks it lists: test/mutants.test.ts (the kill matrix).

describe('a receiver written the way the official Node and Ruby SDKs verify (JSON.stringify(JSON.parse(body)))', () => {
  it('is caught by the raw-body check KK-RAW-001, with a message that says so, and by no other MUST check', async () => {
    const out = await cli(['demo', ...K2, '--mutant', 'reserializing-verifier', '--seed', SEED, '--runs', '12']);
    const checks = out.results!.checks;
    const mustFailing = checks.filter((c) => c.level === 'MUST' && c.status !== 'pass').map((c) => c.id);
    expect(mustFailing, out.stdout).toEqual(['KK-RAW-001']);
    const raw = checks.find((c) => c.id === 'KK-RAW-001')!;
    expect(raw.failure?.message).toMatch(/re-serialised copy of the parsed body/);
    expect(raw.failure?.message).toMatch(/raw/);
    expect(out.results?.verdict).toBe('not-conformant');
    expect(out.code).toBe(1);
  });
});

it('lists every kopokopo mutant with the checks it must fail, and every MUST/SHOULD check has one', async () => {
  const listed = JSON.parse((await cli(['list-mutants', ...K2, '--json'])).stdout) as Array<{ name: string; profile: string; checks: string[] }>;
  expect(listed.map((m) => m.name)).toEqual(mutants.map((m) => m.name));
  expect(new Set(listed.map((m) => m.profile))).toEqual(new Set(['kopokopo']));
  const checks = JSON.parse((await cli(['list', ...K2, '--json'])).stdout) as Array<{ id: string; level: string; profile: string }>;
  expect(checks.every((c) => /^KK-[A-Z]{3}-0\d\d$/.test(c.id) && c.profile === 'kopokopo')).toBe(true);
  const ids = new Set(checks.map((c) => c.id));
  for (const m of listed) for (const id of m.checks) expect(ids.has(id), `${m.name} names unknown check ${id}`).toBe(true);
  const covered = new Set(listed.flatMap((m) => m.checks));
  expect(checks.filter((c) => c.level !== 'INFO' && !covered.has(c.id)).map((c) => c.id)).toEqual([]);
});

describe('hookcert run --profile kopokopo against the reference on its own port', () => {
  // The README vector's API key: not base64, so --secret-encoding base64 would refuse it for mplus.
  const apiKey = '8463vr8472a2372763787b7dec3dbe49879323gg32';
  let receiver: ServedReceiver;
  let seen: Array<{ path: string; body: string; signature: string | null }> = [];

  beforeAll(async () => {
    const record = http.post('*', async ({ request }) => {
      seen.push({ path: new URL(request.url).pathname, body: await request.clone().text(), signature: request.headers.get('x-kopokopo-signature') });
      return undefined;
    });
    receiver = await serveHandlers([record, ...kopokopoReference({ secret: apiKey, secretEncoding: 'utf8', subscriptionIds: [] })]);
  });
  afterAll(() => receiver.close());

  it('certifies it: exit 0, every check passes, four report files; --secret-encoding changes nothing', async () => {
    for (const encoding of [[], ['--secret-encoding', 'base64'], ['--secret-encoding', 'utf8']]) {
      const out = await cli(['run', ...K2, '--url', receiver.url, '--secret', apiKey, ...encoding, '--seed', '3', '--runs', '4']);
      expect(out.code, out.stdout + out.stderr).toBe(0);
      expect(out.results?.checks.every((c) => c.status === 'pass')).toBe(true);
      expect(readdirSync(out.reportDir).sort()).toEqual(['index.html', 'junit.xml', 'results.json', 'summary.md']);
      for (const f of readdirSync(out.reportDir)) expect(readFileSync(join(out.reportDir, f), 'utf8')).not.toContain(apiKey);
      expect(out.stdout).not.toContain(apiKey);
    }
  });

  it('sends byte-identical, correctly signed bodies for the same --seed', async () => {
    const args = ['run', ...K2, '--url', receiver.url, '--seed', '77', '--runs', '3', '--check', 'KK-SIG-001,KK-ROB-001,KK-RAW-001'];
    seen = [];
    await cli(args, { HOOKCERT_SECRET: apiKey });
    const first = seen.map((s) => s.body);
    seen = [];
    await cli(args, { HOOKCERT_SECRET: apiKey });
    expect(first.length).toBeGreaterThan(50);
    expect(seen.map((s) => s.body)).toEqual(first);
    // Each signed over its exact bytes: lowercase hex HMAC-SHA256 with the API key as text.
    expect(seen.every((s) => verifyKopokopo(s.body, s.signature ?? undefined, apiKey))).toBe(true);
    seen = [];
    await cli(args.map((a) => (a === '77' ? '78' : a)), { HOOKCERT_SECRET: apiKey });
    expect(seen.map((s) => s.body)).not.toEqual(first);
  });

  it('delivers each topic to its own URL from the config file (topics), the rest to --url', async () => {
    const config = join(mkdtempSync(join(tmpdir(), 'hookcert-kk-')), 'hookcert.config.json');
    const base = receiver.url.replace(/\/webhooks$/, '');
    writeFileSync(
      config,
      JSON.stringify({
        profile: 'kopokopo',
        events: { buygoods_transaction_received: {}, customer_created: {}, callback_incoming_payment: { budgetMs: 3000 } },
        topics: { customer_created: `${base}/k2/customers`, callback_incoming_payment: `${base}/k2/stk-results` },
      }),
    );
    seen = [];
    const out = await cli(['run', '--config', config, '--url', receiver.url, '--seed', '5', '--runs', '2', '--check', 'KK-SIG-001,KK-TIM-001'], {
      HOOKCERT_SECRET: apiKey,
    });
    expect(out.code, out.stdout).toBe(0);
    const byPath = (p: string) => seen.filter((s) => s.path === p).map((s) => JSON.parse(s.body));
    expect(byPath('/k2/customers').every((b) => b.topic === 'customer_created')).toBe(true);
    expect(byPath('/k2/customers').length).toBeGreaterThan(0);
    expect(byPath('/k2/stk-results').every((b) => b.data.type === 'incoming_payment')).toBe(true);
    // The callback names the URL it was delivered to, as Kopo Kopo's callback_url does.
    expect(byPath('/k2/stk-results')[0].data.attributes._links.callback_url).toBe(`${base}/k2/stk-results`);
    expect(byPath('/webhooks').every((b) => b.topic === 'buygoods_transaction_received')).toBe(true);
    expect(out.results?.stats.latencyMs.callback_incoming_payment.budgetMs).toBe(3000);
  });

  it('takes the callback URLs on the command line too (--topic-url, callback_* for all), and its replay keeps them', async () => {
    const base = receiver.url.replace(/\/webhooks$/, '');
    seen = [];
    const args = ['run', ...K2, '--url', receiver.url, '--events', 'customer_created,callback_incoming_payment,callback_send_money', '--seed', '5', '--runs', '2', '--check', 'KK-SIG-001'];
    const out = await cli([...args, '--topic-url', `callback_*=${base}/k2/callbacks`, '--topic-url', `customer_created=${base}/k2/customers`], { HOOKCERT_SECRET: apiKey });
    expect(out.code, out.stdout + out.stderr).toBe(0);
    const paths = new Set(seen.map((s) => s.path));
    expect([...paths].sort()).toEqual(['/k2/callbacks', '/k2/customers']);
    expect(seen.filter((s) => s.path === '/k2/callbacks').every((s) => JSON.parse(s.body).data)).toBe(true);
    expect(out.results!.replay).toContain(`--topic-url 'callback_*=${base}/k2/callbacks' --topic-url customer_created=${base}/k2/customers`);
    const typo = await cli([...args, '--topic-url', `callback_incoming_paymnt=${base}/x`], { HOOKCERT_SECRET: apiKey });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('--topic-url callback_incoming_paymnt: unknown topic "callback_incoming_paymnt" (did you mean "callback_incoming_payment"?)');
    expect((await cli([...args, '--topic-url', 'no-equals'], { HOOKCERT_SECRET: apiKey })).stderr).toContain('--topic-url takes NAME=URL');
    const mplus = await cli(['run', '--url', receiver.url, '--topic-url', `scanCode=${base}/x`], { HOOKCERT_SECRET: 'eFc5HrxwLbONJ+EYXrbHB+a9HueYIQzotgKRLRVAfx0=' });
    expect(mplus.stderr).toContain('add --profile kopokopo');
  });

  it('says which topic is unknown: exit 2 with a suggestion', async () => {
    const out = await cli(['run', ...K2, '--url', receiver.url, '--events', 'buygoods_transaction_recieved'], { HOOKCERT_SECRET: apiKey });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/unknown topic "buygoods_transaction_recieved" \(did you mean "buygoods_transaction_received"\?\)/);
  });
});
