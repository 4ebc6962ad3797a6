import type { MplusReplyExternalDiscount } from '../generated/mplus/common/externalDiscountChange.js';
import type { MplusRequestLineExternalDiscount } from '../generated/mplus/common/externalDiscount.js';
import type { MplusReply } from '../generated/mplus/reply.js';
import type { MplusReplyExternalPayment } from '../generated/mplus/reply/externalPayment.js';
import type { MplusReplyLineAdditions } from '../generated/mplus/reply/lineAdditions.js';
import type { MplusReplyLineChanges } from '../generated/mplus/reply/lineChanges.js';
import type { MplusReplyLineDeletions } from '../generated/mplus/reply/lineDeletions.js';
import type { MplusReplyPrepayTable } from '../generated/mplus/reply/prepayTable.js';
import type { CatalogueEvent } from '../protocol/mplus/catalogue.js';
import { PosSession, type PosPayment, type SessionLine } from './session.js';

/**
 * Applying a reply as the POS does (seed 002, "Response objects"), and refusing what the POS refuses: "When
 * the POS finds a problem in a reply, it sends a new request to the same event URL carrying `error` (code,
 * message) and `original`" (spec README, "Error codes"). A reply is applied whole or not at all.
 */

/** What the POS refuses in a reply, in the vendor's error codes. */
export interface Refusal {
  code: string;
  message: string;
}

/** What a reply can change beyond the session: the workplace's buttons and the tables it prepaid. */
export interface PosView {
  session?: PosSession;
  /** `customActionChange`: the caption of each custom action button, by `customActionId`. */
  captions: Record<string, string>;
  /** `prepayTable` payments registered on tables other than the current session, by paymentId. */
  prepaid: Record<string, { sessionId: string; amount: number }>;
  /** `requestCustomAction`s the integrator asked for. */
  requestedActions: string[];
}

/** The outcome of applying one reply. */
export interface Applied {
  refusal?: Refusal;
  /** What changed, in words (for the report's flow steps). */
  notes: string[];
}

/** Reply objects that change the session's lines, with the code the POS gives when the event does not allow them. */
const NOT_ALLOWED: Record<string, string> = {
  lineAdditions: 'LINE_ADDITION_NOT_ALLOWED',
  lineChanges: 'LINE_CHANGE_NOT_ALLOWED',
  lineDeletions: 'LINE_DELETION_NOT_ALLOWED',
};

/** Every reply object some event allows (anything else is an unknown property, judged by the shape checks). */
export function replyObjectNames(events: Iterable<CatalogueEvent>): Set<string> {
  return new Set([...events].flatMap((e) => e.replyObjects));
}

/** One item of `lineAdditions`. */
export type LineAddition = MplusReplyLineAdditions[number];

/**
 * Applies `reply` (a reply object valid against the reply schema) to `view` for `event`. `known` are the reply
 * objects of the whole catalogue; `freshId` makes the line ids the POS generates "if you omit this". On a
 * refusal nothing changes. What it reads it still tests (a reply is the endpoint's, and a test may hand it anything).
 */
export function applyReply(view: PosView, event: CatalogueEvent, reply: MplusReply, known: Set<string>, freshId: () => string): Applied {
  const notes: string[] = [];
  const allowed = new Set<string>(event.replyObjects);
  for (const key of Object.keys(reply)) {
    if (!known.has(key) || allowed.has(key)) continue;
    return { notes, refusal: { code: NOT_ALLOWED[key] ?? 'INVALID_DATA', message: `${key} is not allowed in the reply to ${event.name}.` } };
  }
  const session = view.session?.clone();
  if (session) {
    const refusal =
      addLines(session, reply.lineAdditions, freshId, notes) ??
      changeLines(session, reply.lineChanges, notes) ??
      deleteLines(session, reply.lineDeletions, notes) ??
      externalPayment(session, reply.externalPayment, notes);
    if (refusal) return { notes: [], refusal };
    if (typeof reply.lockSession === 'boolean' && reply.lockSession !== session.locked) {
      session.locked = reply.lockSession;
      notes.push(reply.lockSession ? 'session locked' : 'session unlocked');
    }
    if (typeof reply.lockSessionForAdditions === 'boolean' && reply.lockSessionForAdditions !== session.lockedForAdditions) {
      session.lockedForAdditions = reply.lockSessionForAdditions;
      notes.push(reply.lockSessionForAdditions ? 'session locked for additions' : 'session unlocked for additions');
    }
    if (typeof reply.vatMethodChange === 'string') {
      session.vatMethod = reply.vatMethodChange;
      notes.push(`VAT method ${reply.vatMethodChange}`);
    }
  }
  prepay(view, session, reply.prepayTable, notes);
  if (reply.customActionChange && typeof reply.customActionChange.customActionId === 'string') {
    view.captions[reply.customActionChange.customActionId] = String(reply.customActionChange.buttonCaption ?? '');
    notes.push(`button ${reply.customActionChange.customActionId} now reads ${JSON.stringify(String(reply.customActionChange.buttonCaption ?? ''))}`);
  }
  if (reply.requestCustomAction && typeof reply.requestCustomAction.customActionId === 'string') view.requestedActions.push(reply.requestCustomAction.customActionId);
  if (session) view.session = session;
  return { notes };
}

function addLines(session: PosSession, additions: MplusReplyLineAdditions | undefined, freshId: () => string, notes: string[]): Refusal | undefined {
  if (!Array.isArray(additions)) return undefined;
  for (const add of additions) {
    const lineId = typeof add?.lineId === 'string' ? add.lineId : freshId();
    if (session.find(lineId)) return { code: 'LINE_ID_ALREADY_EXISTS', message: `Line ID ${lineId} already exists in session ${session.sessionId}.` };
    const refs = ['articleNumber', 'barcode', 'pluNumber', 'supplierArticleNumber', 'extArticleId', 'text'];
    if (!refs.some((k) => add?.[k] !== undefined)) return { code: 'INVALID_ARTICLE', message: `The line addition ${lineId} names no article and no text.` };
    session.lines.push({ line: sessionLine(add, lineId), origin: 'integrator' });
    notes.push(`added line ${lineId} (${JSON.stringify(sessionLine(add, lineId).text)})`);
  }
  return undefined;
}

function changeLines(session: PosSession, changes: MplusReplyLineChanges | undefined, notes: string[]): Refusal | undefined {
  if (!Array.isArray(changes)) return undefined;
  for (const change of changes) {
    const target = session.find(change?.lineId);
    if (!target) return { code: 'INVALID_LINE_ID', message: `Line ID ${String(change?.lineId)} is not a line of session ${session.sessionId}.` };
    if (!change.externalDiscount) continue;
    // Seed 002: "you would normally not be able to have a line with a discount from MplusKASSA and an external
    // discount. It can only be one or the other." Loose: the POS keeps the external one (LINE_ALREADY_HAS_DISCOUNT
    // is not sent, as the seeds do not say when it is).
    const replaced = positive(target.line.discountPercentage) || positive(target.line.discountAmount);
    delete target.line.discountPercentage;
    delete target.line.discountAmount;
    target.line.externalDiscount = lineDiscount(change.externalDiscount);
    if (replaced) notes.push(`the external discount replaces the POS discount of line ${target.line.lineId}`);
    notes.push(`external discount ${describeDiscount(change.externalDiscount)} on line ${target.line.lineId}`);
  }
  return undefined;
}

function deleteLines(session: PosSession, deletions: MplusReplyLineDeletions | undefined, notes: string[]): Refusal | undefined {
  if (!Array.isArray(deletions)) return undefined;
  for (const deletion of deletions) {
    const target = session.find(deletion?.lineId);
    if (!target) return { code: 'INVALID_LINE_ID', message: `Line ID ${String(deletion?.lineId)} is not a line of session ${session.sessionId}.` };
    // Seed 002: "you can only delete lines that you yourself added. You will receive an error message if this is the case."
    if (target.origin === 'pos')
      return { code: 'LINE_DELETION_NOT_ALLOWED', message: `Line ID ${target.line.lineId} was added by the POS user; only lines the integrator added can be deleted.` };
    session.lines = session.lines.filter((l) => l !== target);
    notes.push(`deleted line ${target.line.lineId}`);
  }
  return undefined;
}

/** "The external payment ID as received from the POS in the first place. So the POS can verify you are talking about the same payment." */
function externalPayment(session: PosSession, reply: MplusReplyExternalPayment | undefined, notes: string[]): Refusal | undefined {
  const running = session.externalPayment;
  if (!reply || !running) return undefined;
  if (String(reply.externalPaymentId).toLowerCase() !== running.externalPaymentId.toLowerCase())
    return { code: 'INVALID_DATA', message: `externalPaymentId ${String(reply.externalPaymentId)} is not the running external payment ${running.externalPaymentId}.` };
  if (running.status === 'confirmed' || running.status === 'cancelled' || running.status === 'forced-cancel') return undefined;
  if (reply.confirmed === true) {
    running.status = 'confirmed';
    const amount = typeof reply.finalAmount === 'number' ? reply.finalAmount : running.amount;
    session.payments.push({ amount: round(amount, 2, 100_000), description: 'External payment', method: running.method });
    notes.push(`external payment ${running.externalPaymentId} confirmed (${amount})`);
  } else if (reply.cancelled === true) {
    running.status = 'cancelled';
    notes.push(`external payment ${running.externalPaymentId} cancelled`);
  } else if (reply.started === true && running.status === 'requested') {
    running.status = 'started';
    notes.push(`external payment ${running.externalPaymentId} started`);
  }
  return undefined;
}

function prepay(view: PosView, session: PosSession | undefined, prepayTable: MplusReplyPrepayTable | undefined, notes: string[]): void {
  if (!prepayTable || !Array.isArray(prepayTable.payments)) return;
  for (const p of prepayTable.payments) {
    const paymentId = String(p?.paymentId ?? '');
    const amount = round(Number(p?.amount ?? 0), 2, 100_000);
    if (session && String(prepayTable.sessionId).toLowerCase() === session.sessionId.toLowerCase()) {
      if (session.payments.some((x) => x.paymentId === paymentId)) continue;
      const method = typeof p.method === 'string' && /^[A-Z][A-Z0-9_]{0,39}$/.test(p.method) ? p.method : 'WEBHOOK';
      const payment: PosPayment = { amount, description: 'Prepayment', method, paymentId };
      session.payments.push(payment);
    } else {
      if (view.prepaid[paymentId]) continue;
      view.prepaid[paymentId] = { sessionId: String(prepayTable.sessionId), amount };
    }
    notes.push(`prepayment ${paymentId} of ${amount} on table ${String(prepayTable.table?.number)}`);
  }
}

/** A `lineAdditions` item as the POS holds it: defaults filled in, values brought within what a session line carries. */
export function sessionLine(add: LineAddition, lineId: string): SessionLine {
  const line: SessionLine = { lineId, text: typeof add.text === 'string' ? add.text.slice(0, 200) : defaultText(add) };
  const articleNumber = add.articleNumber;
  if (typeof articleNumber === 'number' && Number.isInteger(articleNumber) && articleNumber >= 1 && articleNumber <= 9_999_999_999) line.articleNumber = articleNumber;
  if (typeof add.priceIncl === 'number') line.priceIncl = round(add.priceIncl, 2, 10_000);
  line.quantity = typeof add.quantity === 'number' ? round(add.quantity, 3, 1000) : 1;
  if (typeof add.barcode === 'string' && /^[0-9A-Za-z]{1,40}$/.test(add.barcode)) line.barcode = add.barcode;
  for (const [key, max] of [['pluNumber', 20], ['supplierArticleNumber', 50], ['extArticleId', 100]] as const) {
    const value = add[key];
    if (typeof value === 'string' && value.length <= max) line[key] = value;
  }
  if (add.externalDiscount) line.externalDiscount = lineDiscount(add.externalDiscount);
  return line;
}

function defaultText(add: LineAddition): string {
  const ref = add.articleNumber ?? add.barcode ?? add.pluNumber ?? add.supplierArticleNumber ?? add.extArticleId;
  return ref === undefined ? 'Webhook line' : `Article ${String(ref).slice(0, 100)}`;
}

/** An `externalDiscount` as a session line carries it (`common/externalDiscount.schema.json`). */
function lineDiscount(d: MplusReplyExternalDiscount): MplusRequestLineExternalDiscount {
  const out: MplusRequestLineExternalDiscount = { discountId: String(d.discountId) };
  if (typeof d.discountDescription === 'string') out.discountDescription = d.discountDescription.slice(0, 200);
  if (typeof d.discountPercentage === 'number') out.discountPercentage = round(d.discountPercentage, 2, 100, 0);
  if (typeof d.discountAmount === 'number') out.discountAmount = round(d.discountAmount, 2, 10_000, 0);
  return out;
}

function describeDiscount(d: MplusReplyExternalDiscount): string {
  const parts = [typeof d.discountPercentage === 'number' ? `${d.discountPercentage}%` : '', typeof d.discountAmount === 'number' ? `-${d.discountAmount}` : ''];
  return parts.filter(Boolean).join(' ') || String(d.discountId);
}

function positive(v: unknown): boolean {
  return typeof v === 'number' && v > 0;
}

/** `value` rounded to `decimals` and clamped to [min, max] (the POS stores amounts in cents, quantities in thousandths). */
function round(value: number, decimals: number, max: number, min = -max): number {
  if (!Number.isFinite(value)) return 0;
  const f = 10 ** decimals;
  return Math.min(max, Math.max(min, Math.round(value * f) / f));
}
