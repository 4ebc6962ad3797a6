import { describe, expect, it } from 'vitest';
import { catalogue } from '../protocol/mplus/catalogue.js';
import { registry } from '../schema/registry.js';
import { applyReply, replyObjectNames, type PosView } from './apply.js';
import { PosSession } from './session.js';

const known = replyObjectNames(catalogue().events.values());
const POS_LINE = 'c686f63d-46a7-498e-b421-c72e5cb7136b';
const OWN_LINE = 'f1b8a9aa-9875-11e7-abc4-cec278b6b50a';

function view(): PosView {
  const session = new PosSession('5eea25d4-4188-43b8-9a66-8086561d590c');
  session.lines.push({ line: { lineId: POS_LINE, articleNumber: 1, priceIncl: 2.5, quantity: 1, text: 'Coffee' }, origin: 'pos' });
  session.lines.push({ line: { lineId: OWN_LINE, text: 'Gift' }, origin: 'integrator' });
  return { session, captions: {}, prepaid: {}, requestedActions: [] };
}

let minted = 0;
const apply = (v: PosView, event: string, reply: Record<string, unknown>) => applyReply(v, catalogue().get(event), reply, known, () => `00000000-0000-4000-8000-${String(++minted).padStart(12, '0')}`);

describe('applying a reply as the POS does', () => {
  it('adds lines, generating the id when the integrator leaves it out, and marks them as the integrator’s', () => {
    const v = view();
    const out = apply(v, 'scanCode', { lineAdditions: [{ articleNumber: 1005, priceIncl: 2.105, quantity: 3 }, { lineId: 'aaaaaaaa-9875-41e7-abc4-cec278b6b50a', text: 'Voucher' }] });
    expect(out.refusal).toBeUndefined();
    expect(v.session!.lines.map((l) => l.origin)).toEqual(['pos', 'integrator', 'integrator', 'integrator']);
    const added = v.session!.lines[2].line;
    expect(added).toMatchObject({ text: 'Article 1005', articleNumber: 1005, priceIncl: 2.11, quantity: 3 });
    expect(added.lineId).toMatch(/^00000000-/);
    // What the POS then sends is a valid session again.
    expect(registry().validate('mplus/request/session.schema.json', v.session!.toRequest())).toEqual([]);
  });

  it('refuses an addition whose lineId already exists (LINE_ID_ALREADY_EXISTS) and one with neither article nor text', () => {
    expect(apply(view(), 'scanCode', { lineAdditions: [{ lineId: POS_LINE, text: 'Again' }] }).refusal?.code).toBe('LINE_ID_ALREADY_EXISTS');
    expect(apply(view(), 'scanCode', { lineAdditions: [{ quantity: 2 }] }).refusal?.code).toBe('INVALID_ARTICLE');
  });

  it('applies an external discount, replacing a POS discount (a line has one or the other)', () => {
    const v = view();
    v.session!.lines[0].line.discountPercentage = 50;
    const out = apply(v, 'scanCode', { lineChanges: [{ lineId: POS_LINE.toUpperCase(), externalDiscount: { discountId: OWN_LINE, discountPercentage: 10, applyToQuantity: 1 } }] });
    expect(out.refusal).toBeUndefined();
    expect(v.session!.lines[0].line).toMatchObject({ externalDiscount: { discountId: OWN_LINE, discountPercentage: 10 } });
    expect(v.session!.lines[0].line.discountPercentage).toBeUndefined();
    expect(out.notes.join(' ')).toMatch(/replaces the POS discount/);
  });

  it('refuses a change or a deletion of a line the session does not have (INVALID_LINE_ID)', () => {
    const unknown = '11111111-2222-4333-8444-555555555555';
    expect(apply(view(), 'scanCode', { lineChanges: [{ lineId: unknown }] }).refusal?.code).toBe('INVALID_LINE_ID');
    expect(apply(view(), 'scanCode', { lineDeletions: [{ lineId: unknown }] }).refusal?.code).toBe('INVALID_LINE_ID');
  });

  it('deletes only lines the integrator added: "you can only delete lines that you yourself added"', () => {
    const v = view();
    expect(apply(v, 'removeSessionLine', { lineDeletions: [{ lineId: POS_LINE }] }).refusal?.code).toBe('LINE_DELETION_NOT_ALLOWED');
    expect(v.session!.lines).toHaveLength(2);
    expect(apply(v, 'removeSessionLine', { lineDeletions: [{ lineId: OWN_LINE }] }).refusal).toBeUndefined();
    expect(v.session!.lines.map((l) => l.line.lineId)).toEqual([POS_LINE]);
  });

  it('refuses line objects in events that do not allow them, with the matching code', () => {
    expect(apply(view(), 'completeSession', { lineChanges: [{ lineId: POS_LINE }] }).refusal?.code).toBe('LINE_CHANGE_NOT_ALLOWED');
    expect(apply(view(), 'cancelSession', { lineAdditions: [{ text: 'x' }] }).refusal?.code).toBe('LINE_ADDITION_NOT_ALLOWED');
    expect(apply(view(), 'mergeSession', { lineDeletions: [{ lineId: OWN_LINE }] }).refusal?.code).toBe('LINE_DELETION_NOT_ALLOWED');
    expect(apply(view(), 'startSession', { receiptFooter: { textBefore: 'x' } }).refusal?.code).toBe('INVALID_DATA');
  });

  it('applies a reply whole or not at all', () => {
    const v = view();
    const before = JSON.stringify(v.session!.snapshot());
    const out = apply(v, 'scanCode', { lineAdditions: [{ text: 'Fine' }], lockSession: true, lineDeletions: [{ lineId: POS_LINE }] });
    expect(out.refusal?.code).toBe('LINE_DELETION_NOT_ALLOWED');
    expect(JSON.stringify(v.session!.snapshot())).toBe(before);
  });

  it('records locks, the VAT method, captions, requested custom actions and prepayments (once per paymentId)', () => {
    const v = view();
    const payment = { paymentId: 'af282ee3-c516-4805-96c1-fd9aed75f330', amount: 14.999, method: 'MY_PAYMENT_METHOD' };
    const reply = {
      lockSession: true,
      lockSessionForAdditions: true,
      vatMethodChange: 'shifted',
      customActionChange: { customActionId: 'STATUS', buttonCaption: 'ON' },
      requestCustomAction: { customActionId: 'PRINT' },
      prepayTable: { table: { number: 20 }, sessionId: v.session!.sessionId, payments: [payment] },
    };
    apply(v, 'customAction', reply);
    apply(v, 'customAction', { prepayTable: reply.prepayTable });
    expect(v.session).toMatchObject({ locked: true, lockedForAdditions: true, vatMethod: 'shifted' });
    expect(v.session!.payments).toEqual([{ amount: 15, description: 'Prepayment', method: 'MY_PAYMENT_METHOD', paymentId: payment.paymentId }]);
    expect(v.captions).toEqual({ STATUS: 'ON' });
    expect(v.requestedActions).toEqual(['PRINT']);
  });

  it('follows the external payment by its id, and refuses a reply about another payment', () => {
    const v = view();
    v.session!.externalPayment = { externalPaymentId: '7d5b3a3a-9330-41ed-a1eb-0242ac120002', amount: 3.14, method: 'K_WEBHOOK', status: 'requested' };
    expect(apply(v, 'startExternalPayment', { externalPayment: { externalPaymentId: '8d5b3a3a-9330-41ed-a1eb-0242ac120002', started: true } }).refusal?.code).toBe('INVALID_DATA');
    apply(v, 'startExternalPayment', { externalPayment: { externalPaymentId: '7D5B3A3A-9330-41ED-A1EB-0242AC120002', started: true } });
    expect(v.session!.externalPayment!.status).toBe('started');
    apply(v, 'pollExternalPayment', { externalPayment: { externalPaymentId: '7d5b3a3a-9330-41ed-a1eb-0242ac120002', confirmed: true, finalAmount: 3 } });
    expect(v.session!.externalPayment!.status).toBe('confirmed');
    expect(v.session!.payments).toEqual([{ amount: 3, description: 'External payment', method: 'K_WEBHOOK' }]);
  });
});

describe('the session as the POS sends it', () => {
  it('is valid against the session schema, and a copy is independent of the original', () => {
    const v = view();
    v.session!.relation = { relationNumber: 54, name: 'John Doe' };
    v.session!.table = { number: 11, subNumber: 4 };
    expect(registry().validate('mplus/request/session.schema.json', v.session!.toRequest())).toEqual([]);
    const copy = v.session!.clone();
    copy.lines[0].line.text = 'Tea';
    copy.locked = true;
    expect(v.session!.lines[0].line.text).toBe('Coffee');
    expect(v.session!.locked).toBe(false);
    expect(copy.sessionId).toBe(v.session!.sessionId);
  });
});
