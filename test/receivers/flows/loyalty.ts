import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loyalty integrator's receiver on plain node:http (no msw, no framework), written for hookcert's tests of
 * issue 12: it discounts only its own article numbers (`lineChanges` with an externalDiscount on the line
 * just added) and answers everything else with an empty body. Its own way of doing things: the signature
 * compared as bytes with timingSafeEqual, 401 for a bad one, 422 for a body it cannot use, replies signed.
 */
export interface LoyaltyReceiver {
  url: string;
  close(): Promise<void>;
}

export async function startLoyaltyReceiver(opts: { secret: string; articleNumbers: number[] }): Promise<LoyaltyReceiver> {
  const key = Buffer.from(opts.secret, 'base64');
  const sign = (data: Buffer) => createHmac('sha256', key).update(data).digest('base64');
  const send = (res: ServerResponse, status: number, reply?: object) => {
    const data = Buffer.from(reply ? JSON.stringify(reply) : '', 'utf8');
    res.writeHead(status, data.length > 0 ? { 'content-type': 'application/json', 'x-mplus-signature': sign(data), 'content-length': data.length } : { 'content-length': 0 });
    res.end(data);
  };
  const handle = (req: IncomingMessage, res: ServerResponse, raw: Buffer) => {
    const event = (req.url ?? '').split('/').pop() ?? '';
    const given = Buffer.from(String(req.headers['x-mplus-signature'] ?? ''), 'utf8');
    const wanted = Buffer.from(sign(raw), 'utf8');
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return send(res, 401, { error: { code: 'INVALID_SIGNATURE', message: 'signature mismatch' } });
    let body: any;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return send(res, 400, { error: { code: 'INVALID_JSON', message: 'not JSON' } });
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) return send(res, 422, { error: { code: 'INVALID_DATA', message: 'not an object' } });
    if (body.error && body.original) return send(res, 200);
    const reply: Record<string, unknown> = {};
    const line = body.addSessionLine?.line;
    if (event === 'addSessionLine' && line && opts.articleNumbers.includes(line.articleNumber))
      reply.lineChanges = [{ lineId: line.lineId, externalDiscount: { discountId: randomUUID(), discountPercentage: 10, discountDescription: 'Member price' } }];
    const paymentId = body.externalPayment?.externalPaymentId;
    if (event === 'startExternalPayment') reply.externalPayment = { externalPaymentId: paymentId, started: true };
    if (event === 'pollExternalPayment') reply.externalPayment = { externalPaymentId: paymentId, confirmed: true };
    if (event === 'requestCancelExternalPayment') reply.externalPayment = { externalPaymentId: paymentId, cancelled: true };
    if (body.event?.eventPolling === true) reply.polling = { finished: true };
    return Object.keys(reply).length > 0 ? send(res, 200, reply) : send(res, 200);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
