import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReceiverSetup, Running } from './start.js';

/**
 * Ticketing with time slots (seed 001), on node:http: an added line gets a dialog of today's time slots, the
 * answer reserves one, and completeSession prints the tickets' QR code in the receipt footer. It answers only
 * the events it subscribed to and 404 for every other one, so it is certified with `--events`.
 * The signature is compared as base64 text, in constant time once the lengths agree.
 */
export const TICKETING_EVENTS = ['startSession', 'addSessionLine', 'completeSession'];

const SLOTS = ['10:00-11:00', '11:00-12:00', '13:00-14:00', '14:00-15:00'];

type Json = Record<string, any>;

/** A reply: status and JSON object (undefined: an empty body). */
type Reply = [number, Json | undefined];

const refuse = (code: string, message: string): Reply => [400, { error: { code, message } }];

export async function startTicketing(setup: ReceiverSetup, subscribed = TICKETING_EVENTS): Promise<Running> {
  const key = Buffer.from(setup.secret, 'base64');
  const sign = (bytes: Buffer) => createHmac('sha256', key).update(bytes).digest('base64');
  // sessionId → the reserved slot of each ticket line
  const reservations = new Map<string, Map<string, string>>();

  function verify(req: IncomingMessage, body: Buffer): Reply | undefined {
    const subscription = req.headers['x-mplus-subscription-id'];
    if (subscription === undefined) return refuse('NO_SUBSCRIPTION_ID', 'X-Mplus-Subscription-Id is missing');
    if (subscription !== setup.subscriptionId) return refuse('INVALID_SUBSCRIPTION_ID', 'this subscription is not ours');
    const given = Buffer.from(String(req.headers['x-mplus-signature'] ?? ''));
    if (given.length === 0) return refuse('NO_SIGNATURE', 'X-Mplus-Signature is missing');
    const wanted = Buffer.from(sign(body));
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return refuse('INVALID_SIGNATURE', 'the signature does not match');
    const type = req.headers['content-type'];
    if (!type) return refuse('NO_CONTENT_TYPE', 'Content-Type is missing');
    if (!/^application\/json\s*(;|$)/i.test(type)) return refuse('INVALID_CONTENT_TYPE', 'send application/json');
    return undefined;
  }

  function addSessionLine(request: Json): Reply {
    const line = request.addSessionLine?.line;
    if (typeof line?.lineId !== 'string') return refuse('INVALID_DATA', 'addSessionLine.line.lineId is missing');
    const picked = request.dialog?.selectedDialogOptionIds;
    if (picked === undefined)
      return [200, { dialog: { required: true, allowMultipleOptions: false, dialogTitle: `Time slot for ${String(line.text ?? 'the ticket').slice(0, 40)}`, dialogOptions: SLOTS.map((slot, i) => ({ optionId: i + 1, optionName: slot })) } }];
    if (!Array.isArray(picked) || picked.some((id) => !Number.isInteger(id) || id < 1 || id > SLOTS.length)) return refuse('INVALID_DATA', 'no such time slot');
    if (picked.length === 0) return [200, { message: [{ message: 'No time slot chosen: the ticket is not reserved' }] }];
    const slot = SLOTS[picked[0] - 1];
    const session = String(request.session.sessionId);
    if (!reservations.has(session)) reservations.set(session, new Map());
    reservations.get(session)!.set(line.lineId, slot);
    return [200, { message: [{ message: `Reserved ${slot}`, customerMessage: `Your tour starts at ${slot.slice(0, 5)}` }] }];
  }

  function completeSession(request: Json): Reply {
    const session = String(request.session.sessionId);
    const booked = reservations.get(session);
    if (!booked || booked.size === 0) return [200, undefined];
    reservations.delete(session);
    return [200, { receiptFooter: { textBefore: `Your ${booked.size} ticket(s): ${[...booked.values()].join(', ')}`, barcode: { codeType: 'qrcode', code: `TICKETS-${session}` } } }];
  }

  function answer(event: string, request: Json): Reply {
    if (request.error && request.original) return [200, undefined];
    if (typeof request.event !== 'object' || request.event === null) return refuse('NO_EVENT_DETAILS', 'no event object');
    if (!Number.isInteger(request.event.eventCounter) || typeof request.sender !== 'object' || request.sender === null) return refuse('INVALID_DATA', 'event or sender is malformed');
    if (typeof request.session !== 'object' || request.session === null || (request.session.lines !== undefined && !Array.isArray(request.session.lines)))
      return refuse('INVALID_DATA', 'session is malformed');
    if (request.event.eventPolling === true) return [200, { polling: { finished: true } }];
    if (event === 'addSessionLine') return addSessionLine(request);
    if (event === 'completeSession') return completeSession(request);
    return [200, undefined];
  }

  function handle(req: IncomingMessage, body: Buffer): Reply {
    const event = /^\/webhooks\/([A-Za-z]+)$/.exec(req.url ?? '')?.[1];
    if (req.method !== 'POST' || !event || !subscribed.includes(event)) return [404, undefined];
    const refused = verify(req, body);
    if (refused) return refused;
    let request: unknown;
    try {
      request = JSON.parse(body.toString('utf8'));
    } catch {
      return refuse('INVALID_JSON', 'the body is not JSON');
    }
    if (typeof request !== 'object' || request === null || Array.isArray(request)) return refuse('INVALID_DATA', 'the body is not a JSON object');
    return answer(event, request as Json);
  }

  function send(res: ServerResponse, [status, reply]: Reply): void {
    const bytes = Buffer.from(reply === undefined ? '' : JSON.stringify(reply));
    const headers: Record<string, string | number> = { 'Content-Length': bytes.length };
    if (bytes.length > 0) Object.assign(headers, { 'Content-Type': 'application/json', 'X-Mplus-Signature': sign(bytes) });
    res.writeHead(status, headers).end(bytes);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => send(res, handle(req, Buffer.concat(chunks))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
