import { describe, expect, it } from 'vitest';
import type { SendRequest, Sender } from '../http/client.js';
import type { LiveExchange } from '../http/exchange.js';
import { catalogue } from '../protocol/mplus/catalogue.js';
import { DEFAULT_RUN_OPTIONS } from '../runner/options.js';
import { Recorder } from '../runner/recorder.js';
import type { Subscription } from '../runner/subscription.js';
import { registry } from '../schema/registry.js';
import { Secret } from '../secret.js';
import { MplusContext } from './context.js';
import { mplusEvents } from './driver.js';

/** A line to an endpoint that answers every request 200 with an empty body, and keeps what it was sent. */
function line(sent: SendRequest[]): Sender {
  return {
    send: async (req) => {
      sent.push(req);
      const ex: LiveExchange = { seq: sent.length, label: req.label, request: { method: 'POST', url: req.url, headers: req.headers, body: req.body.toString() }, timing: { startedAt: '', totalMs: 1 } };
      ex.response = { status: 200, headers: {}, body: '', bytes: 0, truncated: false };
      ex.rawBody = Buffer.alloc(0);
      return ex;
    },
  };
}

function context(sent: SendRequest[]): MplusContext {
  const sub: Subscription = {
    profile: 'mplus',
    url: 'http://127.0.0.1:1/hooks',
    subscriptionId: 'acme',
    subscriptionIdKnown: true,
    secret: new Secret('eFc5HrxwLbONJ+EYXrbHB+a9HueYIQzotgKRLRVAfx0='),
    secretEncoding: 'base64',
    events: catalogue().names().map((name) => ({ name, ...mplusEvents.defaults(name) })),
    topicUrls: {},
  };
  return new MplusContext(sub, { ...DEFAULT_RUN_OPTIONS, seed: 1 }, 1, { client: line(sent), recorder: new Recorder(), schemas: registry(), catalogue: catalogue(), source: 'MP-TST-001' });
}

describe('MplusContext.deliver', () => {
  it("gives the stamped request as sent, the same object at every read, and a plain value to copies (it is made when first read)", async () => {
    const sent: SendRequest[] = [];
    const t = context(sent);
    const d = await t.deliver('startSession', t.request('startSession'));
    expect(JSON.parse(sent[0].body.toString('utf8'))).toEqual(d.request);
    expect(JSON.stringify(d.request)).toBe(sent[0].body.toString('utf8'));
    expect(d.request).toBe(d.request);
    expect(d.request?.event.eventCounter).toBe(1);
    expect(structuredClone(d).request).toEqual(d.request);
    expect({ ...d }.request).toBe(d.request);
    const again = await t.redeliver(d);
    expect(again.request).toBe(d.request);
    expect(sent[1].body.equals(sent[0].body)).toBe(true);
  });
});
