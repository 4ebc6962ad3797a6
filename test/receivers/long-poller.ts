import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReceiverSetup, Running } from './start.js';

/**
 * Long pollers, on node:http: a warehouse that checks stock for every added line (addSessionLine subscribed as
 * polling), a loyalty lookup at startPayment (polling too) and a background poll of a web shop's orders. Each
 * process takes several rounds, keyed by what it is about (the line, the session, the workplace). The web shop
 * pages through its orders in 10 rounds and holds each after the first 400 ms (a long-poll: it waits for new
 * orders meanwhile), so one process takes 3.6 s in all: longer than the 3 s budget the integrator set for
 * backgroundPoll (long-poller.config.json), while each round is answered in well under a sixth of it (a
 * round's 2.6 s of slack keeps the verdict on a loaded machine: 250 ms rounds against a 1 s budget came back
 * in 1.1 s with the load average at 30 on two cores).
 * The signature is compared as a hex digest of the decoded header, the replies are signed as base64.
 */
export const POLLER_EVENTS = ['startSession', 'addSessionLine', 'startPayment', 'backgroundPoll'];

type Json = Record<string, any>;

/** Rounds of each process, and how long each round after the first holds. */
const PROCESSES: Record<string, { rounds: number; holdMs: number; message: (round: number, of: number) => string }> = {
  addSessionLine: { rounds: 3, holdMs: 0, message: (r, n) => `Checking stock… ${Math.round((100 * r) / n)}%` },
  startPayment: { rounds: 3, holdMs: 0, message: (r) => `Looking up loyalty points (step ${r})` },
  backgroundPoll: { rounds: 10, holdMs: 400, message: (r) => `Fetching web orders (page ${r})` },
};

/** What a polling process is about: the same request re-sent carries the same key. */
function processKey(event: string, request: Json): string {
  const s = request.sender ?? {};
  if (event === 'backgroundPoll') return `bg:${s.instanceId}:${s.branchNumber}:${s.workplaceNumber}`;
  if (event === 'addSessionLine') return `line:${request.session?.sessionId}:${request.addSessionLine?.line?.lineId}`;
  return `${event}:${request.session?.sessionId}`;
}

export async function startLongPoller(setup: ReceiverSetup): Promise<Running> {
  const key = Buffer.from(setup.secret, 'base64');
  const hmac = (bytes: Buffer) => createHmac('sha256', key).update(bytes);
  const rounds = new Map<string, number>();
  // instanceId/workplace/eventCounter → the reply already given: a re-delivery gets it again and moves no process
  const answered = new Map<string, [number, string]>();

  function refuse(code: string, message: string): [number, Json] {
    return [400, { error: { code, message } }];
  }

  async function handle(req: IncomingMessage, body: Buffer): Promise<[number, Json | undefined]> {
    const event = (req.url ?? '').split('/').pop() ?? '';
    if (!POLLER_EVENTS.includes(event) || !req.url?.startsWith('/webhooks/')) return [404, undefined];
    if (req.headers['x-mplus-subscription-id'] === undefined) return refuse('NO_SUBSCRIPTION_ID', 'missing subscription id');
    if (req.headers['x-mplus-subscription-id'] !== setup.subscriptionId) return refuse('INVALID_SUBSCRIPTION_ID', 'wrong subscription id');
    const header = req.headers['x-mplus-signature'];
    if (!header) return refuse('NO_SIGNATURE', 'missing signature');
    if (String(header) !== Buffer.from(String(header), 'base64').toString('base64') || Buffer.from(String(header), 'base64').toString('hex') !== hmac(body).digest('hex'))
      return refuse('INVALID_SIGNATURE', 'wrong signature');
    const type = String(req.headers['content-type'] ?? '');
    if (!type) return refuse('NO_CONTENT_TYPE', 'missing Content-Type');
    if (!type.toLowerCase().startsWith('application/json')) return refuse('INVALID_CONTENT_TYPE', 'Content-Type is not JSON');
    let request: Json;
    try {
      request = JSON.parse(body.toString());
    } catch {
      return refuse('INVALID_JSON', 'body is not JSON');
    }
    if (!request || typeof request !== 'object' || Array.isArray(request)) return refuse('INVALID_DATA', 'body is not an object');
    if (request.error && request.original) return [200, undefined];
    if (!request.event || typeof request.event !== 'object') return refuse('NO_EVENT_DETAILS', 'no event');
    if (!Number.isInteger(request.event.eventCounter) || !request.sender || typeof request.sender !== 'object') return refuse('INVALID_DATA', 'bad event or sender');
    const needsSession = event !== 'backgroundPoll';
    if (needsSession && (!request.session || typeof request.session !== 'object' || (request.session.lines !== undefined && !Array.isArray(request.session.lines))))
      return refuse('INVALID_DATA', 'bad session');
    if (request.event.eventPolling !== true) return [200, undefined];
    const process = PROCESSES[event] ?? { rounds: 1, holdMs: 0, message: () => 'Done' };
    const id = processKey(event, request);
    const round = (rounds.get(id) ?? 0) + 1;
    const finished = round >= process.rounds;
    if (finished) rounds.delete(id);
    else rounds.set(id, round);
    if (round > 1 && process.holdMs > 0) await new Promise((resolve) => setTimeout(resolve, process.holdMs));
    return [200, { polling: { finished, message: finished ? 'Done' : process.message(round, process.rounds) } }];
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const identity = redelivery(body);
      const known = identity ? answered.get(identity) : undefined;
      const [status, text]: [number, string] = known ?? (await handle(req, body).then(([s, reply]): [number, string] => [s, reply ? JSON.stringify(reply) : '']));
      if (identity && status === 200 && !known) answered.set(identity, [status, text]);
      const bytes = Buffer.from(text);
      res.writeHead(status, bytes.length > 0 ? { 'Content-Type': 'application/json', 'X-Mplus-Signature': hmac(bytes).digest('base64'), 'Content-Length': bytes.length } : { 'Content-Length': 0 });
      res.end(bytes);
    });

    /** The identity of a correctly signed event, to recognise a re-delivery. */
    function redelivery(body: Buffer): string | undefined {
      if (req.headers['x-mplus-signature'] !== hmac(body).digest('base64') || req.headers['x-mplus-subscription-id'] !== setup.subscriptionId) return undefined;
      try {
        const r = JSON.parse(body.toString());
        return r?.event?.eventCounter === undefined ? undefined : `${r.sender?.instanceId}:${r.sender?.branchNumber}:${r.sender?.workplaceNumber}:${r.event.eventCounter}`;
      } catch {
        return undefined;
      }
    }
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
