import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { http, type RequestHandler } from '../reference/handler.js';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Subscription } from '../runner/subscription.js';
import type { Body } from '../reference/mplus/receiver.js';
import { HttpClient } from '../http/client.js';
import { catalogue } from '../protocol/mplus/catalogue.js';
import { mplusEvents } from '../pos/driver.js';
import { changeReplies, mplusReference } from '../reference/mplus/mutant.js';
import { mplusHandlers, newReplyState, referenceStages } from '../reference/mplus/receiver.js';
import { serveHandlers, type ServedReceiver } from '../reference/server.js';
import { DEFAULT_RUN_OPTIONS } from '../runner/options.js';
import { Recorder } from '../runner/recorder.js';
import { registry } from '../schema/registry.js';
import { Secret } from '../secret.js';
import { CallbackServer } from './callback-server.js';
import { MplusContext } from './context.js';
import { validSelections } from './dialog.js';
import { runExternalPayment } from './external-payment.js';
import { validFormAnswers } from './form.js';
import { PosSession } from './session.js';
import { Till } from './till.js';

// The simulator against receivers served over real loopback HTTP.
const secret = randomBytes(32).toString('base64');
const setup = { secret, secretEncoding: 'base64' as const, subscriptionIds: ['acme'] };
let served: ServedReceiver | undefined;
let bodies: Array<{ path: string; body: Body }> = [];
const client = new HttpClient();

/** Serves `handlers` behind a recorder of every request body. */
async function serve(handlers: RequestHandler[]): Promise<string> {
  bodies = [];
  const record = http.post('*', async ({ request }) => {
    bodies.push({ path: new URL(request.url).pathname, body: JSON.parse(await request.clone().text()) });
    return undefined;
  });
  served = await serveHandlers([record, ...handlers]);
  return served.url;
}

function context(url: string, polling: string[] = []): MplusContext {
  const sub: Subscription = {
    profile: 'mplus',
    url,
    subscriptionId: 'acme',
    subscriptionIdKnown: true,
    secret: new Secret(secret),
    secretEncoding: 'base64',
    events: catalogue()
      .names()
      .map((name) => ({ name, ...mplusEvents.defaults(name), ...(polling.includes(name) ? { polling: true } : {}) })),
    topicUrls: {},
  };
  return new MplusContext(sub, { ...DEFAULT_RUN_OPTIONS, seed: 1 }, 1, { client, recorder: new Recorder(), schemas: registry(), catalogue: catalogue(), source: 'MP-TST-001' });
}

const pick = (seed: number) => ({
  dialog: (d: Parameters<typeof validSelections>[0]) => fc.sample(validSelections(d), { seed, numRuns: 1 })[0],
  form: (f: Record<string, unknown>) => fc.sample(validFormAnswers(f), { seed, numRuns: 1 })[0],
});

afterEach(async () => {
  await served?.close();
  served = undefined;
});
afterAll(() => client.close());

describe('the POS simulator', () => {
  it('sends the session it holds, and answers a dialog by sending the same event again with the selection', async () => {
    const t = context(await serve(mplusReference(setup)));
    const flow = t.flow('ticket');
    const till = new Till(t, 0, { flow, responder: pick(3) });
    const session = new PosSession(t.freshId('session'));
    till.open(session);
    // A ticket: the reference asks a time slot for line ids whose digest is even; try lines until one asks.
    let conv;
    for (let i = 0; i < 20 && !conv?.steps.some((s) => s.kind === 'dialog'); i++) {
      const line = { lineId: t.freshId('line'), text: 'Tour Ticket (Adult)', articleNumber: 1, priceIncl: 12.5, quantity: 1 };
      till.session!.lines.push({ line, origin: 'pos' });
      conv = await till.send('addSessionLine', { addSessionLine: { line } });
    }
    const steps = conv!.steps;
    expect(steps.map((s) => s.kind)).toEqual(['event', 'dialog', 'dialog']);
    const answers = bodies.filter((b) => b.body.dialog).map((b) => b.body);
    expect(answers).toHaveLength(2);
    // "On top of this, you also receive all the original data from the event."
    expect(answers[0].addSessionLine).toEqual(steps[0].delivery.request!.addSessionLine);
    expect(answers[0].session!.lines).toHaveLength(till.session!.lines.length);
    expect(answers[0].event.eventCounter).toBeGreaterThan(steps[0].delivery.request!.event.eventCounter);
    expect(steps[2].reply.message![0].message).toMatch(/Ticket reserved/);
    // Every exchange is a flow step with the state the POS held.
    expect(flow.steps.length).toBeGreaterThanOrEqual(3);
    expect(flow.steps.at(-1)!.state).toMatchObject({ workplace: 1, session: { sessionId: session.sessionId } });
  });

  it("sends the POS's error request (error + original) to the same event URL when it refuses a reply", async () => {
    const deleting = changeReplies(referenceStages(setup), (event, reply, body) => (event === 'startPayment' ? { ...reply, lineDeletions: [{ lineId: body.session!.lines![0].lineId }] } : reply));
    const t = context(await serve(mplusHandlers(deleting, newReplyState())));
    const till = new Till(t, 0, { flow: t.flow('refused') });
    const session = new PosSession(t.freshId('session'));
    session.lines.push({ line: { lineId: t.freshId('line'), text: 'Coffee' }, origin: 'pos' });
    session.paymentStarted = true;
    till.open(session);
    const conv = await till.send('startPayment');
    expect(conv.problem).toMatchObject({ kind: 'pos-refusal', refusal: { code: 'LINE_DELETION_NOT_ALLOWED' } });
    const last = bodies.at(-1)!;
    expect(last.path).toBe('/webhooks/startPayment');
    expect(last.body.error!.code).toBe('LINE_DELETION_NOT_ALLOWED');
    expect(last.body.original).toEqual(conv.steps[0].delivery.request);
    expect(registry().validate('mplus/pos-error-request.schema.json', last.body)).toEqual([]);
    expect(till.session!.lines).toHaveLength(1);
  });

  it('re-sends a polling event at once until polling.finished, recording each round’s messages; the POS user can cancel', async () => {
    const t = context(await serve(mplusReference(setup)));
    const till = new Till(t, 0);
    const conv = await till.send('backgroundPoll');
    expect(conv.polling).toMatchObject({ rounds: 3, ended: 'finished' });
    expect(conv.polling!.messages).toContain('Processing… 33%');
    expect(new Set(bodies.map((b) => b.body.event.eventCounter)).size).toBe(3);
    const cancelled = await till.send('backgroundPoll', {}, { polling: { cancelAfter: 1 } });
    expect(cancelled.polling).toMatchObject({ rounds: 1, ended: 'cancelled' });
  });

  it('polls an event of a session when the subscription makes it polling', async () => {
    const t = context(await serve(mplusReference(setup)), ['scanCode']);
    const till = new Till(t, 0);
    till.open(new PosSession(t.freshId('session')));
    const conv = await till.send('scanCode');
    expect(conv.polling).toMatchObject({ rounds: 1, ended: 'finished' });
    expect(bodies[0].body.event.eventPolling).toBe(true);
  });

  it('cuts a polling process that never finishes at the bound on rounds, and says so', async () => {
    const never = changeReplies(referenceStages(setup), (_e, reply) => (reply.polling ? { ...reply, polling: { finished: false } } : reply));
    const t = context(await serve(mplusHandlers(never, newReplyState())));
    const till = new Till(t, 0);
    const conv = await till.send('backgroundPoll', {}, { polling: { maxRounds: 4 } });
    expect(conv.polling).toMatchObject({ rounds: 4, ended: 'rounds' });
    expect(conv.problem?.message).toMatch(/did not finish within 4 rounds/);
    expect(bodies.every((b) => b.body.session === undefined)).toBe(true);
  });

  it('re-delivers the very same bytes when a reply is lost (same eventCounter, same instanceId)', async () => {
    const t = context(await serve(mplusReference(setup)));
    const till = new Till(t, 0);
    till.open(new PosSession(t.freshId('session')));
    const conv = await till.send('startSession', {}, { redeliver: true });
    expect(conv.lost?.exchange.request.body).toBe(conv.steps[0].delivery.exchange.request.body);
    expect(bodies).toHaveLength(2);
  });

  it('runs an external payment to its end and gets the callbackUrl called', async () => {
    const t = context(await serve(mplusReference(setup)));
    const callback = await CallbackServer.start();
    const p = await runExternalPayment(t, { action: 'wait', at: 0, callback });
    const called = await callback.waitFor(p.externalPaymentId, 1500);
    await callback.close();
    expect(p.ended).toBe('confirmed');
    expect(p.polls).toHaveLength(2);
    expect(called).toBe(true);
    expect(bodies.map((b) => b.path)).toEqual(['/webhooks/startExternalPayment', '/webhooks/pollExternalPayment', '/webhooks/pollExternalPayment']);
    expect(new Set(bodies.map((b) => b.body.externalPayment!.externalPaymentId))).toEqual(new Set([p.externalPaymentId]));
    const cancelled = await runExternalPayment(t, { action: 'request-cancel', at: 1 });
    expect(cancelled).toMatchObject({ ended: 'cancelled', actedAfter: 1 });
  });

  it("sends a forger's requestCancelExternalPayment (another key) mid-payment, never applies its reply, and polls on", async () => {
    const t = context(await serve(mplusReference(setup)));
    const p = await runExternalPayment(t, { action: 'forged-request-cancel', at: 1 });
    expect(p).toMatchObject({ ended: 'confirmed', actedAfter: 1 });
    expect(p.forgedCancel?.reply.status).toBe(400);
    expect(p.forgedCancel?.reply.errorCode).toBe('INVALID_SIGNATURE');
    expect(bodies.map((b) => b.path.split('/').pop())).toEqual(['startExternalPayment', 'pollExternalPayment', 'requestCancelExternalPayment', 'pollExternalPayment']);
    // The forger's step is in the flow, beside the POS's own.
    expect(t.passingFlows.flatMap((f) => f.steps.map((s) => (s.note ?? '').split(':')[0]))).toContain('forgery');
  });
});

describe('the callbackUrl server', () => {
  it('listens on 127.0.0.1 and records the calls of each payment', async () => {
    const server = await CallbackServer.start();
    try {
      const url = server.url('7d5b3a3a-9330-11ed-a1eb-0242ac120002');
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hookcert\/callback\//);
      expect(await server.waitFor('7d5b3a3a-9330-11ed-a1eb-0242ac120002', 10)).toBe(false);
      const res = await fetch(url, { method: 'POST', body: '{"status":"confirmed"}' });
      expect(res.status).toBe(200);
      expect(await server.waitFor('7d5b3a3a-9330-11ed-a1eb-0242ac120002', 1000)).toBe(true);
      expect(server.callsFor('7d5b3a3a-9330-11ed-a1eb-0242ac120002')).toEqual([{ method: 'POST', path: '/hookcert/callback/7d5b3a3a-9330-11ed-a1eb-0242ac120002', body: '{"status":"confirmed"}' }]);
    } finally {
      await server.close();
    }
  });
});
