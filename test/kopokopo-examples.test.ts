import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { signKopokopo, verifyKopokopo } from '../src/protocol/signature.js';
import { registry } from '../src/schema/registry.js';
import { schemasDir } from '../src/paths.js';

/** A fixture file: the schema (path below `schemas/`), where the example comes from, and the example. */
interface Fixture {
  schema: string;
  source: string;
  value: unknown;
}

/** One entry of `schemas/kopokopo/topics.json`. */
interface CatalogueEntry {
  name: string;
  kind: 'webhook' | 'daraja' | 'callback';
  schema: string;
  eventType: string | null;
  budgetMs: number;
}

const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'kopokopo');
const fixtures: [string, Fixture][] = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(fixturesDir, f), 'utf8')) as Fixture]);
const fixture = (name: string): Fixture => {
  const found = fixtures.find(([n]) => n === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return structuredClone(found[1]);
};
const catalogue = (JSON.parse(readFileSync(join(schemasDir, 'kopokopo', 'topics.json'), 'utf8')) as { topics: CatalogueEntry[] })
  .topics;

/** Fixture values are mutated freely in these tests. */
type Json = Record<string, any>;

describe('Kopo Kopo examples', () => {
  it('has fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
  });

  it.each(fixtures)('%s is valid against its schema', (_name, f) => {
    expect(f.schema).toMatch(/^kopokopo\/.+\.schema\.json$/);
    expect(f.source).toMatch(/spec README/);
    expect(registry().validate(f.schema, f.value)).toEqual([]);
  });

  it.each(fixtures.filter(([, f]) => f.schema.startsWith('kopokopo/webhooks/')))(
    '%s is also a valid generic webhook',
    (_name, f) => {
      expect(registry().validate('kopokopo/webhook.schema.json', f.value)).toEqual([]);
    },
  );

  it('the README vector fixture serialises to the exact 447 signed bytes', () => {
    const body = JSON.stringify(fixture('readme_vector').value);
    expect(Buffer.byteLength(body)).toBe(447);
    expect(signKopokopo(body, '8463vr8472a2372763787b7dec3dbe49879323gg32')).toBe(
      'e519084b3af1086a9d08cfe4665a5f72a3cb67784bb6b3b92435b9b32e7d9e02',
    );
    expect(verifyKopokopo(body, 'e519084b3af1086a9d08cfe4665a5f72a3cb67784bb6b3b92435b9b32e7d9e02', '8463vr8472a2372763787b7dec3dbe49879323gg32')).toBe(true);
  });

  it('incoming_payment accepts exactly one of success and failure', () => {
    for (const name of ['callback_incoming_payment_success', 'callback_incoming_payment_failure']) {
      expect(registry().validate('kopokopo/callbacks/incoming_payment.schema.json', fixture(name).value)).toEqual([]);
    }
    const mixed = fixture('callback_incoming_payment_success').value as Json;
    mixed.data.attributes.status = 'Failed';
    expect(registry().validate('kopokopo/callbacks/incoming_payment.schema.json', mixed)).not.toEqual([]);
  });
});

describe('Kopo Kopo schemas refuse what the vendor would not send', () => {
  const invalid = (schema: string, value: unknown): boolean => registry().validate(schema, value).length > 0;
  const bg = 'kopokopo/webhooks/buygoods_transaction_received.schema.json';

  it('binds topic and event.type per topic', () => {
    const wrongTopic = fixture('buygoods_transaction_received').value as Json;
    wrongTopic.topic = 'buygoods_transaction_reversed';
    expect(invalid(bg, wrongTopic)).toBe(true);
    const wrongType = fixture('buygoods_transaction_received').value as Json;
    wrongType.event.type = 'Buygoods Transaction Received';
    expect(invalid(bg, wrongType)).toBe(true);
    expect(invalid('kopokopo/webhooks/buygoods_transaction_reversed.schema.json', fixture('buygoods_transaction_received').value)).toBe(true);
  });

  it.each([
    ['a number amount', (v: Json) => (v.event.resource.amount = 100)],
    ['an amount without decimals', (v: Json) => (v.event.resource.amount = '100')],
    ['an upper-case hashed phone', (v: Json) => (v.event.resource.hashed_sender_phone = v.event.resource.hashed_sender_phone.toUpperCase())],
    ['a local phone number', (v: Json) => (v.event.resource.sender_phone_number = '0712345678')],
    ['a till with letters', (v: Json) => (v.event.resource.till_number = 'TILL1')],
    ['a non-uuid id', (v: Json) => (v.id = 'cac95329')],
    ['a time without offset', (v: Json) => (v.created_at = '2024-03-14 10:21:07')],
    ['a missing hashed_sender_phone', (v: Json) => delete v.event.resource.hashed_sender_phone],
    ['a missing sender_middle_name (null is required)', (v: Json) => delete v.event.resource.sender_middle_name],
    ['a missing _links', (v: Json) => delete v._links],
    ['another currency', (v: Json) => (v.event.resource.currency = 'USD')],
  ])('refuses %s', (_name, mutate) => {
    const v = fixture('buygoods_transaction_received').value as Json;
    mutate(v);
    expect(invalid(bg, v)).toBe(true);
  });

  it('tolerates unknown extra fields everywhere', () => {
    const v = fixture('buygoods_transaction_received').value as Json;
    v.extra = 1;
    v.event.extra = 'x';
    v.event.resource.extra = { nested: true };
    v._links.extra = 'https://example.com/';
    expect(registry().validate(bg, v)).toEqual([]);
  });

  it('accepts a Mobile Wallet settlement destination and refuses an unknown one', () => {
    const st = 'kopokopo/webhooks/settlement_transfer_completed.schema.json';
    const wallet = fixture('settlement_transfer_completed').value as Json;
    wallet.event.resource.destination = {
      type: 'Mobile Wallet',
      resource: {
        reference: '8a3755d0-4417-4531-b456-9ae7e7c74c27',
        first_name: 'Jane',
        last_name: 'Doe',
        network: 'M-PESA',
        phone_number: '+254999999999',
      },
    };
    expect(registry().validate(st, wallet)).toEqual([]);
    wallet.event.resource.destination.type = 'Paybill';
    expect(invalid(st, wallet)).toBe(true);
  });

  it('Daraja payload: TransTime is 14 digits and all fields are present', () => {
    const d = 'kopokopo/daraja.schema.json';
    const v = fixture('daraja_buygoods_transaction_received').value as Json;
    expect(invalid(d, { ...v, TransTime: '2024-03-14T10:21:03' })).toBe(true);
    expect(invalid(d, { ...v, TransAmount: '313' })).toBe(false);
    const { ThirdPartyTransID: _omitted, ...missing } = v;
    expect(invalid(d, missing)).toBe(true);
  });
});

describe('schemas/kopokopo/topics.json', () => {
  it('lists every topic of the README once per kind, with a loadable schema', () => {
    const keys = catalogue.map((e) => `${e.kind}:${e.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of catalogue) {
      expect(['webhook', 'daraja', 'callback']).toContain(e.kind);
      expect(e.budgetMs).toBe(5000);
      expect(() => registry().validator(e.schema)).not.toThrow();
    }
    expect(catalogue.filter((e) => e.kind === 'webhook').map((e) => e.name)).toEqual([
      'buygoods_transaction_received',
      'buygoods_transaction_reversed',
      'b2b_transaction_received',
      'b2b_transaction_reversed',
      'm2m_transaction_received',
      'settlement_transfer_completed',
      'customer_created',
      'card_transaction_received',
      'card_transaction_voided',
      'card_transaction_reversed',
    ]);
    expect(catalogue.filter((e) => e.kind === 'daraja').map((e) => e.name)).toEqual([
      'buygoods_transaction_received',
      'b2b_transaction_received',
    ]);
  });

  it.each(catalogue.filter((e) => e.kind === 'webhook'))('$name binds the same topic and eventType as its schema', (e) => {
    const schema = registry().get(e.schema) as Json;
    expect(schema.properties.topic.const).toBe(e.name);
    expect(schema.properties.event.properties.type.const).toBe(e.eventType);
    expect(fixtures.some(([, f]) => f.schema === e.schema)).toBe(true);
  });

  it.each(catalogue.filter((e) => e.kind !== 'webhook'))('$kind $name has at least one fixture', (e) => {
    const names = e.schema.endsWith('incoming_payment.schema.json')
      ? ['kopokopo/callbacks/incoming_payment_success.schema.json', 'kopokopo/callbacks/incoming_payment_failure.schema.json']
      : [e.schema];
    for (const s of names) expect(fixtures.some(([, f]) => f.schema === s)).toBe(true);
  });
});
