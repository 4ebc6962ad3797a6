import { describe, expect, it } from 'vitest';
import type { MplusRequest } from '../../generated/mplus/request.js';
import { identityJson, stampedJson, withIdentity, type Identity } from './requests.js';

const identity = (n: number): Identity => ({ branchNumber: 1, workplaceNumber: 2, instanceId: 'i-1', eventCounter: n, eventTimestamp: `2026-01-05T09:00:0${n}.000+01:00` });

describe('stampedJson', () => {
  it('gives JSON.stringify of the stamped request, byte for byte, delivery after delivery', () => {
    const req = {
      event: { eventBlocking: true, eventPolling: false, eventCounter: 0, eventTimestamp: '' },
      session: { sessionId: 's', lines: [{ lineId: 'a', text: 'é "quoted" \u2028' }] },
      skipped: undefined,
      sender: { paymentStarted: false },
    } as unknown as MplusRequest;
    for (const n of [1, 2, 3]) {
      const stamped = withIdentity(req, identity(n));
      expect(stampedJson(req, stamped)).toBe(JSON.stringify(stamped));
    }
  });

  it('serialises a value the stamped request does not share with its request anew', () => {
    const req = { event: { eventCounter: 0 }, scanCode: { scannedCode: 'x' } } as unknown as MplusRequest;
    stampedJson(req, withIdentity(req, identity(1)));
    const other = { ...withIdentity(req, identity(2)), scanCode: { scannedCode: 'y' } } as unknown as MplusRequest;
    expect(stampedJson(req, other)).toBe(JSON.stringify(other));
  });
});

describe('identityJson', () => {
  it('gives JSON.stringify of the stamped request, byte for byte, delivery after delivery', () => {
    const req = {
      event: { eventBlocking: true, eventPolling: false, eventCounter: 0, eventTimestamp: '' },
      session: { sessionId: 's', lines: [{ lineId: 'a', text: 'é "quoted" \u2028 \u0000' }] },
      skipped: undefined,
      sender: { paymentStarted: false, instanceId: 'x', browser: { deviceType: 'Mobile' } },
    } as unknown as MplusRequest;
    for (const n of [1, 2, 3]) expect(identityJson(req, identity(n))).toBe(JSON.stringify(withIdentity(req, identity(n))));
  });

  it('takes the long way when a generated string holds the text of an identity marker', () => {
    const marker = '\u0000hookcert-identity:eventCounter\u0000';
    const req = { event: { eventCounter: 0 }, session: { sessionId: marker } } as unknown as MplusRequest;
    for (const n of [1, 2]) expect(identityJson(req, identity(n))).toBe(JSON.stringify(withIdentity(req, identity(n))));
  });

  it('writes identity values that need escaping as JSON does', () => {
    const req = { event: {}, sender: {} } as unknown as MplusRequest;
    const odd = { ...identity(1), instanceId: 'a"b\\c\u2028', eventCounter: -0 };
    expect(identityJson(req, odd)).toBe(JSON.stringify(withIdentity(req, odd)));
  });
});
