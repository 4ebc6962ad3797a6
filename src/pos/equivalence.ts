import type { Delivery } from './context.js';
import { replyObject } from './judge.js';

/**
 * When two replies to the same event are "equivalent" (idempotency: "An increasing counter that helps you
 * check if you already processed an event"): what the POS would do with them must be the same. A difference
 * in what the POS does (lines, discounts, payments, locks, a dialog's options) is `fatal`; a difference only
 * in what it shows (a message's text, a footer) is not. New ids the integrator makes up for a line it adds
 * may differ: only one of the two replies is ever applied.
 */
export interface Difference {
  path: string;
  first: unknown;
  second: unknown;
  fatal: boolean;
}

/** The differences between two replies to the same delivery, by what the POS would do with them. */
export function replyDifferences(a: Delivery, b: Delivery): Difference[] {
  const out: Difference[] = [];
  const statusClass = (d: Delivery) => (d.reply.missing ? 'no reply' : `${Math.floor(d.reply.status! / 100)}xx`);
  if (statusClass(a) !== statusClass(b)) out.push({ path: 'HTTP status', first: a.reply.status ?? 'none', second: b.reply.status ?? 'none', fatal: true });
  const ra = replyObject(a);
  const rb = replyObject(b);
  for (const key of [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort()) {
    if (!(key in ra) || !(key in rb)) {
      out.push({ path: key, first: ra[key], second: rb[key], fatal: key !== 'message' && key !== 'version' });
      continue;
    }
    const [semanticA, restA] = split(key, ra[key]);
    const [semanticB, restB] = split(key, rb[key]);
    if (!same(semanticA, semanticB)) out.push({ path: key, first: semanticA, second: semanticB, fatal: true });
    else if (!same(restA, restB)) out.push({ path: key, first: restA, second: restB, fatal: false });
  }
  return out;
}

/** A JSON value's members, to read a reply object that may break the schema (`undefined` and `null` have none). */
type Members = Record<string, unknown> | undefined;
const members = (value: unknown): Members => (value !== null && value !== undefined ? (value as Record<string, unknown>) : undefined);

/** A reply object as [what the POS acts on, what it only shows]. */
function split(key: string, value: unknown): [unknown, unknown] {
  const v = members(value);
  switch (key) {
    case 'lineAdditions':
      return [Array.isArray(value) ? value.map((l) => withoutIds(l, ['lineId'])) : value, undefined];
    case 'lineChanges':
    case 'lineDeletions':
      return [Array.isArray(value) ? value.map((l) => withoutIds(l, [])) : value, undefined];
    case 'externalPayment':
      return [pick(value, ['externalPaymentId', 'started', 'confirmed', 'cancelled', 'finalAmount']), value];
    case 'dialog':
      return [{ required: v?.required, allowMultipleOptions: v?.allowMultipleOptions, options: ((v?.dialogOptions ?? []) as unknown[]).map((o) => members(o)?.optionId) }, value];
    case 'form':
      return [{ id: v?.id, fields: ((v?.fields ?? []) as unknown[]).map((f) => [members(f)?.id, members(f)?.type]) }, value];
    case 'error':
      return [v?.code, v?.message];
    case 'polling':
      // A re-delivered polling round may report progress made since: what it shows may move on.
      return [undefined, value];
    case 'message':
    case 'receiptFooter':
    case 'billFooter':
    case 'displayBarcode':
    case 'openUrl':
    case 'version':
    case 'externalCardScan':
    case 'requestScanCode':
      return [undefined, value];
    default:
      // customActionChange, scanCode, locks, vatMethodChange, prepayTable (its paymentIds are the POS's
      // guard against registering a payment twice), hideBarcode, requestCustomAction: all acted on.
      return [value, undefined];
  }
}

/** A line object with the ids the integrator makes up removed (its own new line id, its discountId). */
function withoutIds(line: unknown, keys: string[]): unknown {
  if (!line || typeof line !== 'object') return line;
  const copy: Record<string, unknown> = { ...line };
  for (const k of keys) delete copy[k];
  if (copy.externalDiscount && typeof copy.externalDiscount === 'object') {
    const { discountId: _id, ...discount } = copy.externalDiscount as Record<string, unknown>;
    copy.externalDiscount = discount;
  }
  return copy;
}

function pick(value: unknown, keys: string[]): unknown {
  if (!value || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  return Object.fromEntries(keys.filter((k) => v[k] !== undefined).map((k) => [k, v[k]]));
}

/** Deep equality of JSON values. */
export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  return v;
}

/** An id the integrator made up that is not the same in two replies to one delivery. */
export interface NewId {
  /** Where: `lineAdditions[0].lineId`, `lineChanges[1].externalDiscount.discountId`. */
  path: string;
  first: unknown;
  second: unknown;
}

/**
 * The ids the integrator makes up (the lineId of a line it adds, the discountId of a discount it gives) that
 * differ between two replies to the same delivery: the POS applies only the reply it receives, but new ids
 * show the integrator did not recognise the re-delivery, so what it did on its side (a stamp, a reservation)
 * happened twice. Compared item by item, in order.
 */
export function newIds(a: Delivery, b: Delivery): NewId[] {
  const ids = (d: Delivery): Map<string, unknown> => {
    const out = new Map<string, unknown>();
    const r = replyObject(d);
    for (const key of ['lineAdditions', 'lineChanges'] as const) {
      if (!Array.isArray(r[key])) continue;
      (r[key] as unknown[]).forEach((value, i) => {
        const item = members(value);
        if (key === 'lineAdditions' && item?.lineId !== undefined) out.set(`${key}[${i}].lineId`, item.lineId);
        const discountId = members(item?.externalDiscount)?.discountId;
        if (discountId !== undefined) out.set(`${key}[${i}].externalDiscount.discountId`, discountId);
      });
    }
    return out;
  };
  const first = ids(a);
  const second = ids(b);
  return [...first.keys()].filter((path) => second.has(path) && !same(first.get(path), second.get(path))).map((path) => ({ path, first: first.get(path), second: second.get(path) }));
}

/** A difference in a few words: `customActionChange: {"buttonCaption":"Status: ON"} then {"buttonCaption":"Status: OFF"}`. */
export function describeDifference(d: Difference): string {
  const show = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v).slice(0, 160));
  return `${d.path}: ${show(d.first)} the first time, ${show(d.second)} the second`;
}
