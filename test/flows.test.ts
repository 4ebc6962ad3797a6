import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http } from '../src/reference/handler.js';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../src/protocol/mplus/catalogue.js';
import { signMplus, verifyMplus } from '../src/protocol/signature.js';
import { changeReplies, mplusReference } from '../src/reference/mplus/mutant.js';
import { mplusHandlers, newReplyState, referenceStages } from '../src/reference/mplus/receiver.js';
import { serveHandlers } from '../src/reference/server.js';
import type { CheckResult } from '../src/runner/types.js';
import { registry } from '../src/schema/registry.js';
import { cli, statuses } from './helpers.js';

// The flow checks (polling, dialog, form, external payment, session, idempotency) over real loopback HTTP:
// what the report shows of a flow, how a failure shows its exchanges, shrinking and replay, no false alarms.
const SEED = '20261121';
const FLOW_AREAS = ['polling', 'dialog', 'form', 'external-payment', 'session', 'idempotency'];
const listed = JSON.parse((await cli(['list', '--json'])).stdout) as Array<{ id: string; area: string }>;
const FLOW_CHECKS = listed.filter((c) => FLOW_AREAS.includes(c.area)).map((c) => c.id);

const check = (results: { checks: CheckResult[] } | undefined, id: string): CheckResult => results!.checks.find((c) => c.id === id)!;

describe('the reference receiver through every flow', () => {
  it('passes every flow check, and the report holds each flow as its exchanges in order with the POS state at each step', async () => {
    expect(FLOW_CHECKS.length).toBeGreaterThanOrEqual(19);
    const out = await cli(['demo', '--seed', SEED, '--runs', '12', '--check', FLOW_CHECKS.join(',')]);
    expect(Object.entries(statuses(out.results)).filter(([, s]) => s !== 'pass'), out.stdout).toEqual([]);
    expect(registry().validate('report/results.schema.json', out.results)).toEqual([]);
    for (const id of ['MP-POL-001', 'MP-DLG-001', 'MP-FRM-001', 'MP-EXT-003', 'MP-SES-001', 'MP-IDM-002']) {
      const flows = check(out.results, id).flows ?? [];
      expect(flows.length, id).toBeGreaterThan(0);
      for (const flow of flows) {
        expect(flow.steps.length, `${id} ${flow.name}`).toBeGreaterThan(0);
        const seqs = flow.steps.map((s) => s.exchange.seq);
        expect(seqs, `${id} ${flow.name}`).toEqual([...seqs].sort((a, b) => a - b));
        for (const step of flow.steps) {
          expect(step.note).toBeTruthy();
          expect(step.state).toHaveProperty('workplace');
        }
      }
    }
    // A ticket's time slot and its add-ons, as the POS lived them.
    const dialog = check(out.results, 'MP-DLG-001').flows!.at(-1)!;
    expect(dialog.steps.map((s) => s.note?.split(':')[0])).toEqual(['event', 'dialog', 'dialog']);
    expect(dialog.steps[1].note).toMatch(/answered \[\d\]/);
    // Polling progress, round by round.
    expect(check(out.results, 'MP-POL-001').flows!.at(-1)!.steps.map((s) => s.note)).toEqual([
      expect.stringMatching(/polling finished=false "Processing… 33%"/),
      expect.stringMatching(/polling finished=false "Processing… 67%"/),
      expect.stringMatching(/polling finished=true/),
    ]);
  });
});

describe('a failing flow shows the exchanges that went wrong, in order', () => {
  it('a dialog that keeps coming back: every round-trip, up to the bound', async () => {
    const out = await cli(['demo', '--mutant', 'loops-dialog-forever', '--seed', SEED, '--runs', '12', '--check', 'MP-DLG-002']);
    const failure = check(out.results, 'MP-DLG-002').failure!;
    expect(failure.message).toMatch(/still asks a dialog after 5 answers/);
    expect(failure.received!.split('\n')).toHaveLength(6);
    expect(failure.received).toMatch(/^1\. addSessionLine → HTTP 200 .*\n2\. addSessionLine answered with selectedDialogOptionIds \[\d\] → HTTP 200/);
    expect(failure.flows!.at(-1)!.steps.map((s) => s.exchange.label)).toEqual(Array(6).fill('addSessionLine'));
    expect(out.code).toBe(1);
  });

  it('a polling process that never finishes is cut at the bound, and the message says which bound', async () => {
    const out = await cli(['demo', '--mutant', 'never-finishes-polling', '--seed', SEED, '--runs', '12', '--check', 'MP-POL-002', '--max-polling-rounds', '20']);
    const failure = check(out.results, 'MP-POL-002').failure!;
    expect(failure.message).toMatch(/did not finish within 20 rounds/);
    expect(failure.expected).toMatch(/--max-polling-rounds, --max-polling-time/);
    expect(failure.exchanges).toHaveLength(20);
  });

  it("a reply the POS refuses: the POS's error request goes to the endpoint and the failure names the events that led there", async () => {
    const out = await cli(['demo', '--mutant', 'deletes-pos-line', '--seed', SEED, '--runs', '12', '--check', 'MP-SES-001']);
    const failure = check(out.results, 'MP-SES-001').failure!;
    expect(failure.message).toMatch(/LINE_DELETION_NOT_ALLOWED.*the events that led there: w1 startSession → .*w1 startPayment$/);
    const steps = failure.flows!.at(-1)!.steps;
    expect(steps.at(-1)!.note).toMatch(/^pos-error: the POS refused the reply \(LINE_DELETION_NOT_ALLOWED\) and sent its error request/);
    expect(JSON.parse(steps.at(-1)!.exchange.request.body)).toMatchObject({ error: { code: 'LINE_DELETION_NOT_ALLOWED' }, original: { session: {} } });
    expect(steps.at(-2)!.state).toMatchObject({ session: { paymentStarted: true } });
  });
});

describe('a session failure found by the model shrinks to the few events that cause it, and replays from its seed', () => {
  const args = ['demo', '--mutant', 'stale-line-after-removal', '--seed', SEED, '--runs', '12', '--check', 'MP-SES-001'];

  it('shrinks to: a line rung up, removed, then any event (the session start comes with the first line)', async () => {
    const first = await cli(args);
    const failure = check(first.results, 'MP-SES-001').failure!;
    const steps = failure.counterexample as string[];
    expect(steps.length).toBeLessThanOrEqual(4);
    expect(steps.slice(0, 2)).toEqual(['w1 addSessionLine', 'w1 removeSessionLine']);
    expect(failure.message).toMatch(/INVALID_LINE_ID/);
    expect(failure.seed).toBeTypeOf('number');
    expect(failure.path).toMatch(/^\d+(:\d+)*$/);
    // The recorded flow of the shrunk case is exactly those events, then the POS's error request.
    // (Dialog and form answers are steps of the event they answer.)
    const labels = failure.flows!.at(-1)!.steps.filter((s) => !/^(dialog|form):/.test(s.note ?? '')).map((s) => s.exchange.label);
    expect(labels.slice(0, 3)).toEqual(['startSession', 'addSessionLine', 'removeSessionLine']);
    expect(labels.length).toBeLessThanOrEqual(6);

    // The same seed finds the same counterexample, through the same path; so does the replay line it prints.
    const again = await cli(args);
    const second = check(again.results, 'MP-SES-001').failure!;
    expect(second.counterexample).toEqual(failure.counterexample);
    expect(second.path).toBe(failure.path);
    expect(second.flows!.at(-1)!.steps.map((s) => s.exchange.request.body)).toEqual(failure.flows!.at(-1)!.steps.map((s) => s.exchange.request.body));
    const replay = check(first.results, 'MP-SES-001').replay.split(' ').slice(2);
    expect(replay).toEqual(expect.arrayContaining(['--seed', SEED, '--check', 'MP-SES-001']));
    const replayed = await cli(replay);
    expect(check(replayed.results, 'MP-SES-001').failure!.counterexample).toEqual(failure.counterexample);
  });
});

describe('no false alarms', () => {
  const secret = randomBytes(32).toString('base64');

  it('a minimal receiver in another style (no dialogs, polling finished at once, a payment confirmed at the first poll) fails no flow check', async () => {
    // Stateless: verifies the signature, then answers what each event needs and nothing more.
    const minimal = http.post('*/:event', async ({ request, params }) => {
      const raw = Buffer.from(await request.arrayBuffer());
      if (!verifyMplus(raw, request.headers.get('x-mplus-signature') ?? '', secret, 'base64')) return new Response('{"error":{"code":"INVALID_SIGNATURE","message":"no"}}', { status: 401 });
      const body = JSON.parse(raw.toString('utf8'));
      const id = body.externalPayment?.externalPaymentId;
      const reply: Record<string, unknown> = {};
      if (body.event?.eventPolling) reply.polling = { finished: true };
      if (params.event === 'startExternalPayment') reply.externalPayment = { externalPaymentId: id, started: true };
      if (params.event === 'pollExternalPayment') reply.externalPayment = { externalPaymentId: id, confirmed: true };
      if (params.event === 'requestCancelExternalPayment') reply.externalPayment = { externalPaymentId: id, cancelled: true };
      const text = JSON.stringify(reply);
      return new Response(text, { status: 200, headers: { 'content-type': 'application/json', 'x-mplus-signature': signMplus(text, secret, 'base64') } });
    });
    const served = await serveHandlers([minimal]);
    try {
      const out = await cli(['run', '--url', served.url, '--subscription-id', 'acme', '--seed', '5', '--runs', '8', '--check', FLOW_CHECKS.join(',')], { HOOKCERT_SECRET: secret });
      const got = statuses(out.results);
      expect(Object.entries(got).filter(([, s]) => s === 'fail' || s === 'error'), out.stdout).toEqual([]);
      // What it does not do is not exercised, and says so: no dialogs, no forms, nothing to cancel, no callback.
      expect(got['MP-DLG-001']).toBe('skip');
      expect(got['MP-FRM-001']).toBe('skip');
      expect(got['MP-POL-003']).toBe('skip');
      // The callback it never makes is information (INFO), not a warning.
      expect(got['MP-EXT-005']).toBe('pass');
      expect(got['MP-SES-001']).toBe('pass');
      expect(out.code).toBe(0);
    } finally {
      await served.close();
    }
  });

  it('the reference passes the flow checks when the subscription makes session events polling too', async () => {
    const served = await serveHandlers(mplusReference({ secret, secretEncoding: 'base64', subscriptionIds: ['acme'] }));
    try {
      const config = join(mkdtempSync(join(tmpdir(), 'hookcert-flows-')), 'hookcert.config.json');
      const events = Object.fromEntries(catalogue().names().map((n) => [n, ['addSessionLine', 'scanCode', 'customAction'].includes(n) ? { polling: true } : {}]));
      writeFileSync(config, JSON.stringify({ endpointUrl: served.url, subscriptionId: 'acme', events }));
      const out = await cli(['run', '--config', config, '--seed', '4', '--runs', '6', '--check', FLOW_CHECKS.join(',')], { HOOKCERT_SECRET: secret });
      expect(Object.entries(statuses(out.results)).filter(([, s]) => s !== 'pass'), out.stdout).toEqual([]);
      // The dialog of a polling addSessionLine is answered, and its rounds end with polling.finished.
      const steps = check(out.results, 'MP-DLG-001').flows!.at(-1)!.steps;
      expect(steps.every((s) => JSON.parse(s.exchange.request.body).event.eventPolling === true)).toBe(true);
    } finally {
      await served.close();
    }
  });

  it('a receiver that never calls the callbackUrl gets an INFO note, not a failure', async () => {
    const setup = { secret, secretEncoding: 'base64' as const, subscriptionIds: ['acme'] };
    // The reference, with the callbackUrl hidden from it.
    const stages = referenceStages(setup);
    const deaf = { ...changeReplies(stages, (_e, r) => r), reply: (event: string, body: Parameters<typeof stages.reply>[1], state: Parameters<typeof stages.reply>[2]) => stages.reply(event, stripCallback(body), state) };
    const served = await serveHandlers(mplusHandlers(deaf, newReplyState()));
    try {
      const out = await cli(['run', '--url', served.url, '--subscription-id', 'acme', '--seed', '5', '--runs', '4', '--check', 'MP-EXT-005'], { HOOKCERT_SECRET: secret });
      const result = check(out.results, 'MP-EXT-005');
      // Information, not a warning: the spec only asks ("please call it").
      expect(result.status).toBe('pass');
      expect(result.warnings).toEqual([]);
      expect(result.reason).toMatch(/^information \(not a requirement\): .*its callbackUrl was not called within 1\.5 s/);
      expect(out.code).toBe(0);
    } finally {
      await served.close();
    }
  });
});

function stripCallback<B extends { externalPayment?: { callbackUrl?: string } }>(body: B): B {
  if (!body.externalPayment) return body;
  const { callbackUrl: _hidden, ...externalPayment } = body.externalPayment;
  return { ...body, externalPayment };
}
