import { createHash } from 'node:crypto';
import type { Body, Outgoing } from './receiver.js';

/** What the reference receiver remembers between events. */
export interface ReplyState {
  /** Replies already given, by `instanceId/eventCounter/event`: a re-delivered event gets the same reply. */
  seen: Map<string, Outgoing>;
  /** Caption toggles of custom action buttons. */
  toggles: Map<string, boolean>;
}

const SOFTWARE_VERSION = 'hookcert-reference 1.0';
const SESSION_ENDS = new Set(['mergeSession', 'cancelSession', 'completeSession', 'creditSession']);

/**
 * The reply of a correct, realistic integrator to each event of the catalogue: a loyalty voucher on scanCode,
 * a ticket time-slot dialog on addSessionLine, a receipt footer on completeSession, a bill footer on printBill,
 * a cash machine on the external payment events, `polling.finished` on polling events.
 */
export async function replyFor(event: string, body: Body, state: ReplyState): Promise<Outgoing> {
  const key = `${body.sender?.instanceId}/${body.event?.eventCounter}/${event}`;
  const known = state.seen.get(key);
  if (known) return known;
  const reply = build(event, body, state);
  if (body.event?.eventPolling === true) reply.polling = { finished: true, message: 'Done' };
  const out: Outgoing = Object.keys(reply).length === 0 ? { status: 200 } : { status: 200, reply };
  state.seen.set(key, out);
  if (state.seen.size > 10_000) state.seen.delete(state.seen.keys().next().value as string);
  return out;
}

function build(event: string, body: Body, state: ReplyState): Record<string, unknown> {
  const lines: Array<{ lineId: string; articleNumber?: number; text?: string }> = Array.isArray(body.session?.lines) ? body.session.lines : [];
  switch (event) {
    case 'startSession':
      return { version: SOFTWARE_VERSION };
    case 'scanCode':
      return scanCode(String(body.scanCode?.scannedCode ?? ''), lines);
    case 'addSessionLine':
      return addSessionLine(body);
    case 'completeSession':
      return { receiptFooter: footer('Thank you! Your loyalty points:', pointsCode(body)) };
    case 'printBill':
      return { billFooter: footer('Pay online with this code', pointsCode(body)) };
    case 'selectRelation':
      return body.selectRelation?.relation
        ? { message: [{ message: `Loyalty member ${Number(body.selectRelation.relation.relationNumber ?? 0)}`, displayTime: 3 }] }
        : {};
    case 'customAction': {
      if (body.customAction?.longClick === true || digest(String(body.customAction?.customActionId))[0] % 2 === 0) return body.form ? formAnswer(body.form) : { form: registrationForm() };
      const id = String(body.customAction?.customActionId ?? 'ACTION');
      const on = !(state.toggles.get(id) ?? false);
      if (body.customAction?.onStartup !== true) state.toggles.set(id, on);
      return { customActionChange: { customActionId: id, buttonCaption: `Status: ${on ? 'ON' : 'OFF'}` } };
    }
    case 'startExternalPayment':
      return {
        externalPayment: { externalPaymentId: body.externalPayment?.externalPaymentId, started: true },
        message: [{ message: 'Cash machine ready', customerMessage: `Please insert EUR ${Number(body.externalPayment?.amount ?? 0).toFixed(2)}` }],
      };
    case 'pollExternalPayment':
      return {
        externalPayment: {
          externalPaymentId: body.externalPayment?.externalPaymentId,
          confirmed: true,
          externalTransactionReference: reference(body),
          receiptTexts: [{ type: 'cardholder', text: 'CASH MACHINE\nPAID' }],
        },
      };
    case 'requestCancelExternalPayment':
      return { externalPayment: { externalPaymentId: body.externalPayment?.externalPaymentId, cancelled: true } };
    case 'backgroundPoll':
      return {};
    case 'startPayment':
      return lines.length > 0 && !SESSION_ENDS.has(event) ? { message: [{ customerMessage: 'Scan your loyalty card now', customerMessageDisplayTime: 10 }] } : {};
    default:
      return {};
  }
}

/** A voucher code (starts with V, or one code in two) gives 10% on the first line. */
function scanCode(code: string, lines: Array<{ lineId: string }>): Record<string, unknown> {
  const isVoucher = /^V/i.test(code) || digest(code)[0] % 2 === 0;
  if (!isVoucher) return { scanCode: { recognized: false } };
  if (lines.length === 0) return { scanCode: { recognized: true }, message: [{ message: 'Voucher noted: add an article to apply it' }] };
  return {
    scanCode: { recognized: true },
    lineChanges: [
      {
        lineId: lines[0].lineId,
        externalDiscount: { discountId: uuidOf(`discount:${code}:${lines[0].lineId}`), discountPercentage: 10, discountDescription: 'Loyalty voucher', discountType: 'voucher' },
      },
    ],
  };
}

/**
 * Half the articles are tickets (by line id, standing in for the integrator's ticket list): they ask for a
 * time slot, and the answer reserves it. One article in four gets the coffee promotion, a discount on the line.
 */
function addSessionLine(body: Body): Record<string, unknown> {
  const line = body.addSessionLine?.line ?? {};
  const selected: unknown = body.dialog?.selectedDialogOptionIds;
  if (Array.isArray(selected)) {
    return selected.length > 0 ? { message: [{ message: `Time slot ${selected.join(', ')} reserved` }] } : {};
  }
  const kind = digest(String(line.lineId ?? ''))[0] % 4;
  if (kind === 1 && typeof line.lineId === 'string')
    return {
      lineChanges: [
        { lineId: line.lineId, externalDiscount: { discountId: uuidOf(`promo:${line.lineId}`), discountPercentage: 50, applyToQuantity: 1, discountDescription: 'Second coffee half price' } },
      ],
    };
  if (kind % 2 !== 0) return {};
  return {
    dialog: {
      required: true,
      requireConfirmation: true,
      allowMultipleOptions: false,
      dialogTitle: `Select a time slot for ${String(line.text ?? 'the ticket').slice(0, 40)}`,
      columns: 2,
      dialogOptions: [
        { optionId: 1, optionName: '10:00-11:00 (12 seats left)', optionColor: '#00aa00' },
        { optionId: 2, optionName: '11:00-12:00 (3 seats left)', optionColor: '#ffaa00' },
        { optionId: 3, optionName: '12:00-13:00 (sold out)', optionColor: '#aa0000' },
      ],
    },
  };
}

/** The customer registration form (seed 002, "form"), shown by the REGISTER custom actions (and on a long click). */
export function registrationForm(): Record<string, unknown> {
  return {
    id: 'customer_registration',
    title: 'Register New Customer',
    enableReset: true,
    fields: [
      { id: 'name', type: 'text', required: true, label: 'Your name', minimumLength: 1, maximumLength: 200 },
      { type: 'label', value: 'Loyalty programme', separator: 'below' },
      { id: 'email', type: 'email', label: 'E-mail' },
      { id: 'card_number', type: 'text', label: 'Card number', regex: '^C\\d{8}$' },
      { id: 'family_size', type: 'number', label: 'Family size', decimals: 0, minimumValue: 1, maximumValue: 9 },
      {
        id: 'allergies',
        type: 'select',
        multiple: true,
        columns: 3,
        label: 'Allergies',
        options: [
          { id: 'peanut', label: 'Peanuts', color: 'brown' },
          { id: 'gluten', label: 'Gluten', color: '#00ff00', selected: true },
        ],
      },
      { id: 'start_of_contract', type: 'date', label: 'Start' },
      { id: 'preferred_delivery_time', type: 'time', label: 'Delivery time' },
      { id: 'accept_terms', type: 'checkbox', label: 'I accept the Terms and Conditions' },
    ],
  };
}

/** The reply to a submitted (or cancelled) registration form. */
function formAnswer(form: { cancelled?: boolean; fields?: Array<{ id?: string; value?: string }> }): Record<string, unknown> {
  if (form.cancelled === true) return { message: [{ message: 'Registration cancelled' }] };
  const name = form.fields?.find((f) => f.id === 'name')?.value ?? 'customer';
  return { message: [{ message: `Welcome, ${String(name).slice(0, 60)}` }] };
}

function footer(text: string, code: string): Record<string, unknown> {
  return {
    textBefore: text,
    textBeforeOptions: { align: 'center', bold: true },
    barcode: { codeType: 'qrcode', code },
    textAfter: 'See you soon',
  };
}

function pointsCode(body: Body): string {
  return `LOYALTY-${digest(String(body.session?.sessionId ?? 'none')).toString('hex').slice(0, 12).toUpperCase()}`;
}

function reference(body: Body): string {
  return `CM-${digest(String(body.externalPayment?.externalPaymentId ?? '')).toString('hex').slice(0, 16)}`;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function uuidOf(text: string): string {
  const h = digest(text).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
