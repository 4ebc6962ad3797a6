import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReceiverSetup, Running } from './start.js';

/**
 * Customer registration behind a custom action button, on node:http. Its form validates with PCRE-style
 * patterns, as a PHP or Java back end writes them: an inline `(?i)` flag for "letters in any case". The spec
 * names no regex dialect. The receiver checks submissions with the same PCRE reading; values that break the
 * form get the form back with a message, a cancelled form a goodbye. Subscribed: startSession, customAction.
 * The signature header is base64-decoded by Buffer (lenient) and the MAC bytes compared.
 */
export const PCRE_EVENTS = ['startSession', 'customAction'];

type Json = Record<string, any>;

const FORM = {
  id: 'customer_registration',
  title: 'Register a customer',
  fields: [
    { id: 'name', type: 'text', required: true, label: 'Name (letters only)', regex: '(?i)^[a-z]+$', minimumLength: 1, maximumLength: 40 },
    { id: 'card', type: 'text', required: false, label: 'Loyalty card', regex: '(?i)^c\\d{8}$' },
    { id: 'family_size', type: 'number', required: true, label: 'Family size', decimals: 0, minimumValue: 1, maximumValue: 9 },
  ],
};

/** A PCRE pattern as a JavaScript RegExp: a leading inline `(?flags)` becomes RegExp flags. */
export function pcre(pattern: string): RegExp {
  const inline = /^\(\?([imsx]+)\)/.exec(pattern);
  return inline ? new RegExp(pattern.slice(inline[0].length), inline[1].replace('x', '')) : new RegExp(pattern);
}

/** What is wrong with the submitted values (empty: nothing). */
function problems(submitted: Array<{ id?: string; value?: unknown }>): string[] {
  const value = (id: string) => submitted.find((f) => f?.id === id)?.value;
  const out: string[] = [];
  for (const field of FORM.fields) {
    const v = value(field.id);
    if (v === undefined || v === '') {
      if (field.required) out.push(`${field.label} is required`);
      continue;
    }
    if (typeof v !== 'string') out.push(`${field.label} is not text`);
    else if (field.type === 'number') {
      const n = Number(v);
      if (!/^-?\d+$/.test(v.trim()) || n < field.minimumValue! || n > field.maximumValue!) out.push(`${field.label} must be a whole number from ${field.minimumValue} to ${field.maximumValue}`);
    } else {
      const length = [...v].length;
      if (field.regex && !pcre(field.regex).test(v)) out.push(`${field.label} is not in the right form`);
      if ((field.minimumLength !== undefined && length < field.minimumLength) || (field.maximumLength !== undefined && length > field.maximumLength)) out.push(`${field.label} is too short or too long`);
    }
  }
  return out;
}

function customAction(request: Json): [number, Json | undefined] {
  if (request.customAction?.onStartup === true) return [200, undefined];
  const form = request.form;
  if (form === undefined || form.id !== FORM.id) return [200, { form: FORM }];
  if (form.cancelled === true) return [200, { message: [{ message: 'Registration cancelled' }] }];
  const wrong = problems(Array.isArray(form.fields) ? form.fields : []);
  if (wrong.length > 0) return [200, { form: FORM, message: [{ message: wrong.join('; ') }] }];
  const name = form.fields.find((f: Json) => f.id === 'name').value as string;
  return [200, { message: [{ message: `Registered ${name}`, customerMessage: `Welcome, ${name}!` }] }];
}

export async function startPcreForms(setup: ReceiverSetup): Promise<Running> {
  const key = Buffer.from(setup.secret, 'base64');
  const mac = (bytes: Buffer) => createHmac('sha256', key).update(bytes).digest();
  const error = (code: string, message: string): [number, Json] => [400, { error: { code, message } }];

  function handle(req: IncomingMessage, body: Buffer): [number, Json | undefined] {
    const event = req.url?.startsWith('/webhooks/') ? req.url.slice('/webhooks/'.length) : '';
    if (!PCRE_EVENTS.includes(event)) return [404, undefined];
    const subscription = req.headers['x-mplus-subscription-id'];
    if (!subscription) return error('NO_SUBSCRIPTION_ID', 'no subscription id');
    if (subscription !== setup.subscriptionId) return error('INVALID_SUBSCRIPTION_ID', 'unknown subscription id');
    const header = req.headers['x-mplus-signature'];
    if (typeof header !== 'string' || header === '') return error('NO_SIGNATURE', 'no signature');
    const given = Buffer.from(header, 'base64');
    const wanted = mac(body);
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted) || !/^[A-Za-z0-9+/]+={0,2}$/.test(header)) return error('INVALID_SIGNATURE', 'wrong signature');
    if (!req.headers['content-type']) return error('NO_CONTENT_TYPE', 'no Content-Type');
    if (req.headers['content-type'].split(';')[0].trim().toLowerCase() !== 'application/json') return error('INVALID_CONTENT_TYPE', 'not JSON');
    let request: Json;
    try {
      request = JSON.parse(body.toString('utf8'));
    } catch {
      return error('INVALID_JSON', 'not JSON');
    }
    if (typeof request !== 'object' || request === null || Array.isArray(request)) return error('INVALID_DATA', 'not an object');
    if ('error' in request && 'original' in request) return [200, undefined];
    if (typeof request.event !== 'object' || request.event === null) return error('NO_EVENT_DETAILS', 'no event');
    if (!Number.isInteger(request.event.eventCounter) || typeof request.sender !== 'object' || request.sender === null) return error('INVALID_DATA', 'bad event or sender');
    if (typeof request.session !== 'object' || request.session === null || (request.session.lines !== undefined && !Array.isArray(request.session.lines))) return error('INVALID_DATA', 'bad session');
    if (request.event.eventPolling === true) return [200, { polling: { finished: true } }];
    return event === 'customAction' ? customAction(request) : [200, undefined];
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const [status, reply] = handle(req, Buffer.concat(chunks));
      const bytes = Buffer.from(reply ? JSON.stringify(reply) : '');
      res.statusCode = status;
      if (reply) {
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('X-Mplus-Signature', mac(bytes).toString('base64'));
      }
      res.setHeader('Content-Length', bytes.length);
      res.end(bytes);
    });
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
