import { describe, expect, it } from 'vitest';
import type { Delivery } from './context.js';
import { replyDifferences } from './equivalence.js';

/** A delivery whose reply is `json` with `status` (only what the comparison reads). */
function delivery(json: Record<string, unknown> | undefined, status = 200): Delivery {
  return { event: 'scanCode', reply: { missing: false, status, empty: json === undefined, json, signature: 'valid', schemaIssues: [] } } as unknown as Delivery;
}

const fatal = (a: Delivery, b: Delivery) => replyDifferences(a, b).filter((d) => d.fatal).map((d) => d.path);
const cosmetic = (a: Delivery, b: Delivery) => replyDifferences(a, b).filter((d) => !d.fatal).map((d) => d.path);

describe('equivalent replies to a re-delivered event', () => {
  it('the same reply is equivalent', () => {
    const r = { scanCode: { recognized: true }, lineChanges: [{ lineId: 'a', externalDiscount: { discountId: 'd1', discountPercentage: 10 } }] };
    expect(replyDifferences(delivery(r), delivery(structuredClone(r)))).toEqual([]);
  });

  it('new ids the integrator makes up may differ: only one of the replies is ever applied', () => {
    const a = { lineAdditions: [{ lineId: 'x1', text: 'Gift', externalDiscount: { discountId: 'd1', discountAmount: 1 } }] };
    const b = { lineAdditions: [{ lineId: 'x2', text: 'Gift', externalDiscount: { discountId: 'd2', discountAmount: 1 } }] };
    expect(replyDifferences(delivery(a), delivery(b))).toEqual([]);
  });

  it('what the POS acts on must not differ: lines, discounts, buttons, payments, dialogs, status', () => {
    expect(fatal(delivery({ lineAdditions: [{ text: 'Gift' }] }), delivery({ lineAdditions: [{ text: 'Gift' }, { text: 'Gift' }] }))).toEqual(['lineAdditions']);
    expect(fatal(delivery({ customActionChange: { customActionId: 'S', buttonCaption: 'ON' } }), delivery({ customActionChange: { customActionId: 'S', buttonCaption: 'OFF' } }))).toEqual(['customActionChange']);
    expect(fatal(delivery({ externalPayment: { externalPaymentId: 'p' } }), delivery({ externalPayment: { externalPaymentId: 'p', confirmed: true } }))).toEqual(['externalPayment']);
    expect(fatal(delivery({ prepayTable: { payments: [{ paymentId: '1' }] } }), delivery({ prepayTable: { payments: [{ paymentId: '2' }] } }))).toEqual(['prepayTable']);
    expect(fatal(delivery({ dialog: { dialogOptions: [{ optionId: 1 }] } }), delivery({ dialog: { dialogOptions: [{ optionId: 2 }] } }))).toEqual(['dialog']);
    expect(fatal(delivery({}), delivery({ lockSession: true }))).toEqual(['lockSession']);
    expect(fatal(delivery(undefined, 200), delivery({ error: { code: 'INVALID_DATA' } }, 400))).toEqual(['HTTP status', 'error']);
  });

  it('what the POS only shows may differ, and says so', () => {
    expect(cosmetic(delivery({ message: [{ message: 'Scanned at 10:01' }] }), delivery({ message: [{ message: 'Scanned at 10:02' }] }))).toEqual(['message']);
    expect(fatal(delivery({ polling: { finished: false, message: '33%' } }), delivery({ polling: { finished: false, message: '67%' } }))).toEqual([]);
    expect(fatal(delivery({ version: '1' }), delivery({}))).toEqual([]);
  });
});
