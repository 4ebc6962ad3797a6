import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signKopokopo } from '../../protocol/signature.js';
import { serveHandlers, type ServedReceiver } from '../server.js';
import { kopokopoReference } from './mutant.js';
import { minorUnits } from './receiver.js';

// spec/README.md, "Kopo Kopo: facts beyond the seed", verified vector.
const API_KEY = '8463vr8472a2372763787b7dec3dbe49879323gg32';
const BODY =
  '{"topic":"customer_created","id":"f720ecf5-ff98-4ca8-a3f2-d70a65c4a02c","created_at":"2020-10-29T08:49:02+03:00","event":{"type":"Customer Created","resource":{"last_name":"Doe","first_name":"Jane","middle_name":"M","phone_number":"+254999999999"}},"_links":{"self":"https://sandbox.kopokopo.com/webhook_events/f720ecf5-ff98-4ca8-a3f2-d70a65c4a02c","resource":"https://sandbox.kopokopo.com/mobile_money_user/8248a689-490e-4196-930a-db5fcbe58f6c"}}';
const SIG = 'e519084b3af1086a9d08cfe4665a5f72a3cb67784bb6b3b92435b9b32e7d9e02';

let receiver: ServedReceiver;
beforeAll(async () => {
  receiver = await serveHandlers(kopokopoReference({ secret: API_KEY, secretEncoding: 'utf8', subscriptionIds: [] }));
});
afterAll(() => receiver.close());

async function post(body: string, headers: Record<string, string>, path = '/webhooks'): Promise<{ status: number; json: unknown }> {
  const res = await request(`${receiver.url.replace(/\/webhooks$/, '')}${path}`, { method: 'POST', body, headers });
  const text = await res.body.text();
  return { status: res.statusCode, json: text ? JSON.parse(text) : undefined };
}
const json = { 'content-type': 'application/json' };

describe('the Kopo Kopo reference receiver over loopback HTTP', () => {
  it('acknowledges the README vector, signed as Kopo Kopo signs it, at any path', async () => {
    expect(signKopokopo(BODY, API_KEY)).toBe(SIG);
    expect(await post(BODY, { ...json, 'x-kopokopo-signature': SIG })).toEqual({ status: 200, json: { status: 'received', amounts: 0 } });
    expect((await post(BODY, { ...json, 'x-kopokopo-signature': SIG }, '/k2/customers')).status).toBe(200);
  });

  it('verifies the raw bytes: the vector pretty-printed verifies with its own signature, not with the compact one', async () => {
    const pretty = JSON.stringify(JSON.parse(BODY), null, 2);
    expect((await post(pretty, { ...json, 'x-kopokopo-signature': signKopokopo(pretty, API_KEY) })).status).toBe(200);
    expect((await post(pretty, { ...json, 'x-kopokopo-signature': SIG })).status).toBe(401);
  });

  it('answers 401 to a missing, empty, uppercase or foreign signature', async () => {
    for (const sig of [undefined, '', SIG.toUpperCase(), signKopokopo(BODY, 'another key')]) {
      const headers: Record<string, string> = { ...json, ...(sig === undefined ? {} : { 'x-kopokopo-signature': sig }) };
      expect((await post(BODY, headers)).status, String(sig)).toBe(401);
    }
  });

  it('refuses a signed body that is not JSON (400) or not declared as JSON (415)', async () => {
    const bad = '{"topic":';
    expect((await post(bad, { ...json, 'x-kopokopo-signature': signKopokopo(bad, API_KEY) })).status).toBe(400);
    expect((await post(BODY, { 'content-type': 'text/plain', 'x-kopokopo-signature': SIG })).status).toBe(415);
  });

  it('acknowledges a re-delivery with the first answer and an unknown topic as ignored', async () => {
    const body = BODY.replace('f720ecf5-ff98-4ca8-a3f2-d70a65c4a02c', '00000000-0000-4000-8000-000000000001');
    const first = await post(body, { ...json, 'x-kopokopo-signature': signKopokopo(body, API_KEY) });
    expect(await post(body, { ...json, 'x-kopokopo-signature': signKopokopo(body, API_KEY) })).toEqual(first);
    const future = BODY.replace('"topic":"customer_created"', '"topic":"future_topic"').replace(/f720ecf5-ff98-4ca8-a3f2-d70a65c4a02c/g, '00000000-0000-4000-8000-000000000002');
    expect(await post(future, { ...json, 'x-kopokopo-signature': signKopokopo(future, API_KEY) })).toEqual({
      status: 200,
      json: { status: 'ignored', topic: 'future_topic' },
    });
  });
});

it('minorUnits keeps amounts exact at any size', () => {
  expect(minorUnits('999999999.99')).toBe(99999999999n);
  expect(minorUnits('100.0')).toBe(10000n);
  expect(minorUnits('0.5')).toBe(50n);
  expect(minorUnits('313')).toBe(31300n);
});
