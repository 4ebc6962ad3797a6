import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRun } from '../../src/config/load.js';
import { catalogues } from '../../src/profiles.js';
import { HookcertError } from '../../src/errors.js';
import { newReceiverState, referenceStages, swHandlers } from '../../src/reference/standard-webhooks/receiver.js';
import { serveHandlers } from '../../src/reference/server.js';
import { cli } from '../helpers.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ORDER = { type: 'object', required: ['orderId'], properties: { orderId: { type: 'string', pattern: '^ord_[0-9]{6}$' } } };

/** A config file in a fresh folder, with `files` beside it. */
function configWith(config: object, files: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'hookcert-sw-'));
  for (const [path, value] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify(value));
  }
  writeFileSync(join(dir, 'hookcert.config.json'), JSON.stringify({ profile: 'standard-webhooks', endpointUrl: 'http://127.0.0.1:9/hooks', ...config }));
  return join(dir, 'hookcert.config.json');
}

const resolve = (config: string, input: Record<string, string> = {}) => resolveRun({ config, ...input }, catalogues, { HOOKCERT_SECRET: SECRET });

describe('eventTypes: the integrator\'s own event types', () => {
  it('reads a folder of <type>.schema.json files (relative to the config file)', () => {
    const config = configWith({ eventTypes: 'events' }, { 'events/order.shipped.schema.json': ORDER, 'events/order.refunded.schema.json': ORDER });
    const { sub } = resolve(config);
    expect(sub.events.map((e) => e.name)).toEqual(['order.refunded', 'order.shipped']);
    expect(sub.eventTypes?.['order.shipped']).toEqual(ORDER);
    expect(sub.events[0].budgetMs).toBe(5000);
  });

  it('reads inline schemas and schema files, and --events picks among them', () => {
    const config = configWith({ eventTypes: { 'order.shipped': ORDER, 'order.refunded': 'refunded.json' } }, { 'refunded.json': ORDER });
    expect(resolve(config, { events: 'order.refunded' }).sub.events.map((e) => e.name)).toEqual(['order.refunded']);
    expect(() => resolve(config, { events: 'invoice.paid' })).toThrow(/unknown event "invoice.paid"/);
  });

  it('refuses a missing folder, a file that is not a schema, and eventTypes of another profile, in one line', () => {
    expect(() => resolve(configWith({ eventTypes: 'nowhere' }))).toThrow(HookcertError);
    expect(() => resolve(configWith({ eventTypes: { 'a.b': 'x.json' } }, { 'x.json': [1] }))).toThrow(/a JSON Schema is a JSON object/);
    expect(() => resolve(configWith({ eventTypes: { 'not a type': ORDER } }))).toThrow(/not an event type name/);
    expect(() => resolve(configWith({ profile: 'kopokopo', eventTypes: { 'a.b': ORDER } }))).toThrow(/standard-webhooks only/);
  });

  it('defaults to the three default types without eventTypes', () => {
    expect(resolve(configWith({})).sub.events.map((e) => e.name)).toEqual(['invoice.paid', 'user.created', 'subscription.canceled']);
  });
});

describe('the integrator\'s event types in the certificate', () => {
  it('are hashed in results.json (hashes.eventTypes) and handed over in the bundle as schemas/event-types.json, whose sha256 it is', async () => {
    const served = await serveHandlers(swHandlers(referenceStages(SECRET), newReceiverState()));
    try {
      const run = async (schema: object) => {
        const config = configWith({ endpointUrl: served.url, eventTypes: { 'order.shipped': schema } });
        const out = await cli(['run', '--config', config, '--seed', '4', '--runs', '2', '--check', 'SW-SIG-001', '--bundle'], { HOOKCERT_SECRET: SECRET });
        expect(out.results?.verdict, out.stdout + out.stderr).toBe('conformant');
        return out;
      };
      const out = await run(ORDER);
      const dir = mkdtempSync(join(tmpdir(), 'hookcert-sw-bundle-'));
      execFileSync('tar', ['xzf', join(out.reportDir, 'hookcert-bundle.tar.gz'), '-C', dir]);
      const file = readFileSync(join(dir, 'hookcert-bundle', 'schemas', 'event-types.json'));
      expect(JSON.parse(file.toString('utf8'))).toEqual({ 'order.shipped': ORDER });
      expect(out.results!.hashes.eventTypes).toBe(`sha256:${createHash('sha256').update(file).digest('hex')}`);
      // Another schema for the same type is another certificate; the defaults carry no such hash.
      const other = await run({ ...ORDER, required: [] });
      expect(other.results!.hashes.eventTypes).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(other.results!.hashes.eventTypes).not.toBe(out.results!.hashes.eventTypes);
      const defaults = await cli(['run', '--profile', 'standard-webhooks', '--url', served.url, '--seed', '4', '--runs', '2', '--check', 'SW-SIG-001'], { HOOKCERT_SECRET: SECRET });
      expect(defaults.results!.hashes).not.toHaveProperty('eventTypes');
    } finally {
      await served.close();
    }
  });
});

describe('the whsec_ secret', () => {
  it('is refused in one line, exit 2, without being quoted, when it does not decode', async () => {
    const secret = 'whsec_not*base64*at*all';
    const out = await cli(['run', '--profile', 'standard-webhooks', '--url', 'http://127.0.0.1:9/hooks'], { HOOKCERT_SECRET: secret });
    expect(out.code).toBe(2);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).not.toContain('not*base64');
  });

  it('is always read as base64 after whsec_: --secret-encoding utf8 is a usage error', () => {
    expect(() => resolve(configWith({}), { secretEncoding: 'utf8' })).toThrow(/plays no part for standard-webhooks/);
  });
});
