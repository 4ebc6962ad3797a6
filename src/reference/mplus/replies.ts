import { createHash } from 'node:crypto';
import type { MplusRequestSessionLine } from '../../generated/mplus/common/line.js';
import type { MplusRequestRelation } from '../../generated/mplus/common/relation.js';
import type { Body, Outgoing } from './wire.js';
import { registrationAnswer, registrationForm, ticketAnswer, ticketDialog } from './replies-flows.js';
import { externalPaymentReply, type PaymentRecord } from './replies-payment.js';

export { registrationForm } from './replies-flows.js';

/** What the reference receiver remembers between events. */
export interface ReplyState {
  /** Replies already given, by `instanceId/eventCounter/event`: a re-delivered event gets the same reply. */
  seen: Map<string, Outgoing>;
  /** Caption toggles of custom action buttons. */
  toggles: Map<string, boolean>;
  /** Rounds answered so far of each running background polling process, by workplace and event. */
  polls: Map<string, number>;
  /** The external payments (the cash machine), by `externalPaymentId`. */
  payments: Map<string, PaymentRecord>;
}

const SOFTWARE_VERSION = 'hookcert-reference 1.0';
/** A polling process takes this many rounds: progress on the first ones, `finished: true` on the last. */
export const POLLING_ROUNDS = 3;

/**
 * The reply of a correct, realistic integrator to each event of the catalogue: a loyalty voucher or gift on
 * scanCode, a ticket time-slot dialog on addSessionLine, a customer registration form on custom actions, a
 * receipt footer on completeSession, a bill footer on printBill, a cash machine on the external payment events,
 * progress and then `polling.finished` on polling events.
 */
export async function replyFor(event: string, body: Body, state: ReplyState): Promise<Outgoing> {
  const key = `${body.sender?.instanceId}/${body.event?.eventCounter}/${event}`;
  const known = state.seen.get(key);
  if (known) return known;
  const reply = await replyObjects(event, body, state);
  const out: Outgoing = Object.keys(reply).length === 0 ? { status: 200 } : { status: 200, reply };
  remember(state.seen, key, out);
  return out;
}

async function replyObjects(event: string, body: Body, state: ReplyState): Promise<Record<string, unknown>> {
  if (body.event?.eventPolling !== true) return build(event, body, state);
  // A session's event is answered at once (polling finished). backgroundPoll drives a background job that
  // takes a few rounds: "You can also reply with a message to display on the POS screen while your process
  // is still running" (seed 003).
  if (body.session) return { ...(await build(event, body, state)), polling: { finished: true, message: 'Done' } };
  const key = `${body.sender?.instanceId}/${body.sender?.workplaceNumber}/${event}`;
  const round = (state.polls.get(key) ?? 0) + 1;
  if (round < POLLING_ROUNDS) {
    remember(state.polls, key, round);
    const percent = Math.round((100 * round) / POLLING_ROUNDS);
    return { polling: { finished: false, message: `Processing… ${percent}%`, customerMessage: `Progress: ${percent}%` } };
  }
  state.polls.delete(key);
  return { ...(await build(event, body, state)), polling: { finished: true, message: 'Done', customerMessage: 'Thank you!' } };
}

async function build(event: string, body: Body, state: ReplyState): Promise<Record<string, unknown>> {
  const lines: Line[] = Array.isArray(body.session?.lines) ? body.session.lines : [];
  switch (event) {
    case 'startSession':
      return { version: SOFTWARE_VERSION };
    case 'scanCode':
      return scanCode(String(body.scanCode?.scannedCode ?? ''), lines, String(body.session?.sessionId ?? ''));
    case 'addSessionLine':
      return addSessionLine(body);
    case 'removeSessionLine':
      return removeSessionLine(lines, String(body.session?.sessionId ?? ''));
    case 'completeSession':
      return { receiptFooter: footer('Thank you! Your loyalty points:', pointsCode(body)) };
    case 'printBill':
      return { billFooter: footer('Pay online with this code', pointsCode(body)) };
    case 'selectRelation':
      return selectRelation(body.selectRelation?.relation);
    case 'customAction':
      return customAction(body, state);
    case 'startExternalPayment':
    case 'pollExternalPayment':
    case 'requestCancelExternalPayment':
    case 'cancelExternalPayment':
      return externalPaymentReply(event, body, state.payments);
    case 'startPayment':
      if (lines.length === 0) return {};
      // A loyalty member's points are counted from here: no more additions until the payment is cancelled.
      return {
        message: [{ customerMessage: 'Scan your loyalty card now', customerMessageDisplayTime: 10 }],
        ...(body.session?.relation ? { lockSessionForAdditions: true } : {}),
      };
    case 'cancelPayment':
      return { lockSessionForAdditions: false };
    default:
      return {};
  }
}

type Line = { lineId: string; text?: string };

/** The gift line this receiver adds to a session (one per session, recognisable by its id). */
export function giftLineId(sessionId: string): string {
  return uuidOf(`gift:${sessionId}`);
}

/**
 * A loyalty scan: a voucher (codes starting with V, or one in two) gives 10% on the first line; a gift code
 * (starting with G, or one in four) adds a free gift line once per session.
 */
function scanCode(code: string, lines: Line[], sessionId: string): Record<string, unknown> {
  const kind = /^V/i.test(code) ? 0 : /^G/i.test(code) ? 1 : [0, 1, 0, 3][digest(code)[0] % 4];
  if (kind === 1) {
    const lineId = giftLineId(sessionId);
    if (lines.some((l) => l.lineId === lineId)) return { scanCode: { recognized: true }, message: [{ message: 'This session already has its gift' }] };
    return { scanCode: { recognized: true }, lineAdditions: [{ lineId, articleNumber: 9001, text: 'Loyalty gift: coffee mug', priceIncl: 0, quantity: 1 }] };
  }
  if (kind !== 0) return { scanCode: { recognized: false } };
  const target = lines[0];
  if (!target) return { scanCode: { recognized: true }, message: [{ message: 'Voucher noted: add an article to apply it' }] };
  return {
    scanCode: { recognized: true },
    lineChanges: [
      {
        lineId: target.lineId,
        externalDiscount: { discountId: uuidOf(`discount:${code}:${target.lineId}`), discountPercentage: 10, discountDescription: 'Loyalty voucher', discountType: 'voucher' },
      },
    ],
  };
}

/**
 * Half the articles are tickets (by line id, standing in for the integrator's ticket list): they ask for a
 * time slot, then add-ons, and the answers reserve them. One article in four gets the coffee promotion.
 */
function addSessionLine(body: Body): Record<string, unknown> {
  const line: Partial<MplusRequestSessionLine> = body.addSessionLine?.line ?? {};
  const selected: unknown = body.dialog?.selectedDialogOptionIds;
  if (Array.isArray(selected)) return ticketAnswer(selected, line);
  const kind = digest(String(line.lineId ?? ''))[0] % 4;
  if (kind === 1 && typeof line.lineId === 'string')
    return {
      lineChanges: [
        { lineId: line.lineId, externalDiscount: { discountId: uuidOf(`promo:${line.lineId}`), discountPercentage: 50, applyToQuantity: 1, discountDescription: 'Second coffee half price' } },
      ],
    };
  if (kind % 2 !== 0) return {};
  return { dialog: ticketDialog(String(line.text ?? 'the ticket')) };
}

/** The gift goes when the last article it came with is removed (deleting a line this receiver added itself). */
function removeSessionLine(lines: Line[], sessionId: string): Record<string, unknown> {
  const gift = giftLineId(sessionId);
  if (lines.length === 1 && lines[0].lineId === gift) return { lineDeletions: [{ lineId: gift }], message: [{ message: 'Gift removed with the last article' }] };
  return {};
}

/** A business customer (with a VAT number) pays with VAT shifted; deselecting goes back to VAT inclusive. */
function selectRelation(relation: MplusRequestRelation | null | undefined): Record<string, unknown> {
  if (!relation) return { vatMethodChange: 'inclusive' };
  const member = { message: [{ message: `Loyalty member ${Number(relation.relationNumber ?? 0)}`, displayTime: 3 }] };
  return typeof relation.vatNumber === 'string' && relation.vatNumber.trim() !== '' ? { ...member, vatMethodChange: 'shifted' } : member;
}

/** REGISTER-like buttons (and a long click) show the customer registration form; the others toggle their caption. */
function customAction(body: Body, state: ReplyState): Record<string, unknown> {
  const id = String(body.customAction?.customActionId ?? 'ACTION');
  if (body.customAction?.longClick === true || digest(id)[0] % 2 === 0) return body.form ? registrationAnswer(body.form) : { form: registrationForm() };
  const on = !(state.toggles.get(id) ?? false);
  if (body.customAction?.onStartup !== true) state.toggles.set(id, on);
  return { customActionChange: { customActionId: id, buttonCaption: `Status: ${on ? 'ON' : 'OFF'}` } };
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

/** Sets `key` in a bounded memory (the oldest entry goes past 10,000). */
export function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.set(key, value);
  if (map.size > 10_000) map.delete(map.keys().next().value as string);
}

export function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

export function uuidOf(text: string): string {
  const h = digest(text).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
