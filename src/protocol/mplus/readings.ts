/**
 * How the spec was read, once for every check (README, "How the spec was read"). The vendor's documents
 * leave a request's form open in a few places (spec README, "Where the seeds are loose"; the request
 * schemas' `$comment` decisions). For each such place this module lists the forms the documents allow and
 * the one every reading accepts, if there is one:
 *
 * - checks whose subject is not the request's content (signatures, timing, flows, idempotency…) send only
 *   the agreed forms ({@link toAgreed}, the default of the request generator);
 * - MP-ROB-001 sends every form of every place deliberately, once per event, so a refusal of one is found
 *   under every seed; refusing a form the spec leaves open is a warning, refusing all of them a failure;
 * - a 4xx to a request valid under every reading is a failure, with two exceptions decided here
 *   ({@link toleratedRefusal}): the request uses an open form, or it names a reference (an article, a
 *   relation, a line) the integrator may not know and the refusal says so with the vendor's code for it.
 * @module
 */
import type { MplusRequestSessionLine as SessionLine } from '../../generated/mplus/common/line.js';
import type { MplusPOSErrorRequest } from '../../generated/mplus/pos-error-request.js';
import type { IntegratorCatalogue } from '../../runner/catalogue.js';
import type { EventConfig } from '../../runner/subscription.js';
import type { CatalogueEvent } from './catalogue.js';
import type { MplusRequest } from '../../generated/mplus/request.js';

/** One way of writing an open place of a request. */
export interface OpenForm {
  /** Stable id (`selectRelation-null`). */
  id: string;
  /** The form in words, with where the spec shows it: what warnings say. */
  label: string;
  /** The request rewritten into this form (a copy); `undefined` when `request` cannot carry it. */
  apply(request: MplusRequest): MplusRequest | undefined;
  /** Whether `request` is written in this form. */
  uses(request: MplusRequest): boolean;
}

/** A place of a request whose form the spec leaves open. */
export interface OpenPlace {
  id: string;
  /** The place in words: `a deselected relation (selectRelation)`. */
  what: string;
  /** Where the documents disagree, in their words. */
  source: string;
  /** The forms the documents allow (each is valid under one reading at least). */
  forms: OpenForm[];
  /**
   * The form every reading accepts, sent by the checks that do not judge the request's content; `undefined`
   * when no form is (then no refusal of any one form fails, but refusing every form does).
   */
  agreed?: string;
  /** Whether requests of `event` have this place. */
  appliesTo(event: CatalogueEvent, config: Pick<EventConfig, 'triggers'>): boolean;
  /** A request made ready to carry the place, before each form is applied (the session emptied…). */
  prepare?(request: MplusRequest): MplusRequest;
}

const copy = (r: MplusRequest): MplusRequest => structuredClone(r);
/**
 * A copy of `r` with `key` set to `value`. Some open forms are outside the generated type (a `sequenceNumber`
 * as a string, the printer state flat in `sender`): they are set as JSON, and validated where they are used.
 */
const patch = (r: MplusRequest, key: string, value: unknown): MplusRequest => {
  const out = copy(r);
  (out as unknown as Record<string, unknown>)[key] = structuredClone(value);
  return out;
};
const PRINTER_STATE = { overallState: 'Ready', coverState: 'Closed', paperState: 'Present', ageInSeconds: 12 } as const;

/** The places, in the order the README lists them. */
export const OPEN_PLACES: readonly OpenPlace[] = [
  {
    id: 'deselect-relation',
    what: 'a deselected relation (selectRelation)',
    source: 'seed 002: "When a relation is deselected, the value of relation will be null."; the vendor\'s selectRelation page: "selectRelation": null',
    appliesTo: (e) => e.requestObjects.includes('selectRelation'),
    forms: [
      {
        id: 'relation-null',
        label: '"selectRelation": {"relation": null} (seed 002)',
        apply: (r) => deselect(r, { relation: null }),
        uses: (r) => r.selectRelation?.relation === null,
      },
      {
        id: 'selectRelation-null',
        label: '"selectRelation": null (the vendor\'s selectRelation page)',
        apply: (r) => deselect(r, null),
        uses: (r) => 'selectRelation' in r && r.selectRelation === null,
      },
    ],
  },
  {
    id: 'event-polling',
    what: 'event.eventPolling of an event that is not polling',
    source: 'seed 002 lists event.eventPolling without "(optional)"; its own event example, the polling page (003) and the vendor\'s per-event examples leave it out',
    agreed: 'eventPolling-false',
    appliesTo: (e) => e.polling !== 'always',
    forms: [
      {
        id: 'eventPolling-false',
        label: '"eventPolling": false (the table of seed 002)',
        apply: (r) => (r.event.eventPolling === true ? undefined : patch(r, 'event', { ...r.event, eventPolling: false })),
        uses: (r) => r.event.eventPolling === false,
      },
      {
        id: 'eventPolling-absent',
        label: 'no "eventPolling" (the examples of seeds 002 and 003)',
        apply: (r) => {
          if (r.event.eventPolling === true) return undefined;
          const { eventPolling: _, ...event } = r.event;
          return patch(r, 'event', event);
        },
        uses: (r) => !('eventPolling' in r.event),
      },
    ],
  },
  {
    id: 'session-lines',
    what: 'the lines of an empty session (session.lines)',
    source: 'seed 002 lists session.lines without "(optional)"; its mergeSession, completeSession and customAction examples and the vendor\'s startSession page send a session with only its sessionId',
    agreed: 'lines-empty',
    appliesTo: (e) => e.session === 'required' && e.name !== 'addSessionLine',
    prepare: (r) => (r.session ? patch(r, 'session', { ...r.session, lines: [] }) : r),
    forms: [
      {
        id: 'lines-empty',
        label: '"lines": [] (the table of seed 002)',
        apply: (r) => (r.session ? patch(r, 'session', { ...r.session, lines: r.session.lines ?? [] }) : undefined),
        // Present, empty or not: the agreed form of any session.
        uses: (r) => Array.isArray(r.session?.lines),
      },
      {
        id: 'lines-absent',
        label: 'a session without "lines" (the examples of seed 002)',
        apply: (r) => {
          if (!r.session) return undefined;
          const { lines: _, ...session } = r.session;
          return patch(r, 'session', session);
        },
        uses: (r) => r.session !== undefined && !('lines' in r.session),
      },
    ],
  },
  {
    id: 'code-type',
    what: 'the codeType of a scanned code (scanCode.codeType)',
    source: 'seed 002 types scanCode.codeType "barcode, rfid"; the subscription\'s code triggers and displayBarcode add qrcode',
    agreed: 'codeType-table',
    // With code triggers the codes sent are those the integrator configured, codeType included.
    appliesTo: (e, config) => e.name === 'scanCode' && config.triggers.length === 0,
    forms: [
      { id: 'codeType-table', label: '"codeType": "barcode" or "rfid" (seed 002)', apply: (r) => withCodeType(r, 'barcode'), uses: (r) => r.scanCode?.codeType !== 'qrcode' },
      { id: 'codeType-qrcode', label: '"codeType": "qrcode" (the code triggers)', apply: (r) => withCodeType(r, 'qrcode'), uses: (r) => r.scanCode?.codeType === 'qrcode' },
    ],
  },
  {
    id: 'course-sequence-number',
    what: 'the sequenceNumber of a kitchen course (course.sequenceNumber)',
    source: 'the vendor\'s kitchen pages type course.sequenceNumber as a string; their examples send an integer',
    // Neither form is agreed: the integer of the examples is what the other checks send.
    appliesTo: (e) => e.requestObjects.includes('course'),
    forms: [
      { id: 'sequenceNumber-integer', label: '"sequenceNumber" as an integer (the kitchen examples)', apply: (r) => withSequenceNumber(r, false), uses: (r) => typeof r.course?.sequenceNumber === 'number' },
      { id: 'sequenceNumber-string', label: '"sequenceNumber" as a string (the kitchen pages\' table)', apply: (r) => withSequenceNumber(r, true), uses: (r) => typeof r.course?.sequenceNumber === 'string' },
    ],
  },
  {
    id: 'printer-state',
    what: 'the receipt printer\'s state in sender (overallState, coverState, paperState, ageInSeconds)',
    source: 'seed 002 lists the printer state fields with no object around them, after hasReceiptPrinter; its sender example shows none of them',
    agreed: 'printer-state-absent',
    appliesTo: () => true,
    forms: [
      { id: 'printer-state-absent', label: 'no printer state fields (the sender example of seed 002)', apply: withoutPrinterState, uses: (r) => !Object.keys(PRINTER_STATE).some((k) => k in r.sender) },
      {
        id: 'printer-state-flat',
        label: 'the printer state as fields of sender beside hasReceiptPrinter (the sender table of seed 002)',
        apply: (r) => patch(r, 'sender', { ...r.sender, hasReceiptPrinter: true, ...PRINTER_STATE }),
        uses: (r) => Object.keys(PRINTER_STATE).some((k) => k in r.sender),
      },
    ],
  },
];

function deselect(r: MplusRequest, selectRelation: { relation: null } | null): MplusRequest | undefined {
  if (!('selectRelation' in r)) return undefined;
  const out = copy(r);
  out.selectRelation = selectRelation;
  // The POS holds no relation any more.
  if (out.session) delete out.session.relation;
  return out;
}

function withCodeType(r: MplusRequest, codeType: string): MplusRequest | undefined {
  const scan = r.scanCode;
  if (!scan) return undefined;
  const type = codeType === 'barcode' && scan.codeType !== 'qrcode' ? scan.codeType : codeType;
  return patch(r, 'scanCode', { ...scan, codeType: type });
}

function withSequenceNumber(r: MplusRequest, asString: boolean): MplusRequest | undefined {
  const course = r.course;
  if (!course) return undefined;
  const n = Number(course.sequenceNumber);
  return patch(r, 'course', { ...course, sequenceNumber: asString ? String(n) : n });
}

function withoutPrinterState(r: MplusRequest): MplusRequest {
  const out = copy(r);
  const sender = out.sender as unknown as Record<string, unknown>;
  for (const k of Object.keys(PRINTER_STATE)) delete sender[k];
  return out;
}

/**
 * `request` in the forms every reading accepts: each open place in its agreed form. A place without an
 * agreed form keeps its form, except a deselected relation, which becomes a selected one (no deselect is
 * valid under every reading, so these checks select a relation instead).
 */
export function toAgreed(request: MplusRequest, event: CatalogueEvent, config: Pick<EventConfig, 'triggers'>): MplusRequest {
  let out = request;
  for (const place of OPEN_PLACES) {
    if (!place.appliesTo(event, config)) continue;
    const agreed = place.forms.find((f) => f.id === place.agreed);
    if (agreed && !agreed.uses(out)) out = agreed.apply(out) ?? out;
  }
  const select = out.selectRelation;
  if ('selectRelation' in out && (select === null || select?.relation === null)) {
    const selected = copy(out);
    const relation = selected.session?.relation ?? { relationNumber: 1 + (hash(String(selected.session?.sessionId ?? '')) % 99_999) };
    selected.selectRelation = { relation };
    if (selected.session) selected.session.relation = structuredClone(relation);
    out = selected;
  }
  return out;
}

/** The open forms `request` uses that every reading does not accept (none for a request in agreed forms). */
export function openFormsIn(request: MplusRequest, event: CatalogueEvent, config: Pick<EventConfig, 'triggers'>): Array<{ place: OpenPlace; form: OpenForm }> {
  const out: Array<{ place: OpenPlace; form: OpenForm }> = [];
  for (const place of OPEN_PLACES) {
    if (!place.appliesTo(event, config)) continue;
    for (const form of place.forms) if (form.id !== place.agreed && form.uses(request)) out.push({ place, form });
  }
  return out;
}

/**
 * The vendor's error codes for references an integrator may not know (spec README, "Lines and
 * references"), with the reference each is about. Decision: an integrator may refuse a request naming an
 * article, a relation or a line it does not know, with the vendor's code for it ("error: Signify an error in
 * the request that was sent … One of the Error Codes"); hookcert's articles and relations are made up, so
 * such a refusal is tolerated with a warning. Another code, or one of these for a request that names no
 * such reference, is a refusal of a valid request: a failure.
 */
export const REFERENCE_CODES: Readonly<Record<string, { reference: string; named: (r: MplusRequest, known?: IntegratorCatalogue) => boolean }>> = {
  // An article or a relation of the integrator's own catalogue (the config file) is one it knows: refusing it fails.
  INVALID_ARTICLE: { reference: 'an article', named: (r, known) => lines(r).some((l) => ARTICLE_KEYS.some((k) => l[k] !== undefined) && !knownArticle(l, known)) },
  INVALID_RELATION_NUMBER: {
    reference: 'a relation',
    named: (r, known) => [r.session?.relation, r.selectRelation?.relation].some((rel) => rel && !known?.relations.some((k) => k.relationNumber === rel.relationNumber)),
  },
  INVALID_LINE_ID: { reference: 'a line', named: (r) => lines(r).length > 0 },
  LINE_ALREADY_HAS_DISCOUNT: {
    reference: 'a discounted line',
    named: (r) => lines(r).some((l) => l.externalDiscount !== undefined || Number(l.discountPercentage ?? 0) > 0 || Number(l.discountAmount ?? 0) > 0),
  },
};

const ARTICLE_KEYS = ['articleNumber', 'barcode', 'pluNumber', 'supplierArticleNumber', 'extArticleId'] as const;

function knownArticle(line: SessionLine, known: IntegratorCatalogue | undefined): boolean {
  return Boolean(known?.articles.some((a) => ARTICLE_KEYS.some((k) => a[k] !== undefined && a[k] === line[k])));
}

function lines(r: MplusRequest): SessionLine[] {
  const sessionLines = r.session?.lines;
  const all = [...(Array.isArray(sessionLines) ? sessionLines : []), r.addSessionLine?.line, r.removeSessionLine?.line];
  return all.filter((l): l is SessionLine => l !== null && typeof l === 'object');
}

/** Why a 4xx to a valid request is tolerated: the open forms it uses, or the reference it names. */
export type ToleratedRefusal = { kind: 'open-form'; forms: Array<{ place: OpenPlace; form: OpenForm }> } | { kind: 'reference'; code: string; reference: string };

/**
 * Whether refusing `request` (a valid request; `errorCode` the reply's `error.code`) is tolerated, and why;
 * `undefined` when the refusal is a failure. A POS error request (`error` + `original`) is read through its
 * original.
 */
export function toleratedRefusal(
  request: MplusRequest | undefined,
  errorCode: string | undefined,
  event: CatalogueEvent,
  config: Pick<EventConfig, 'triggers'>,
  known?: IntegratorCatalogue,
): ToleratedRefusal | undefined {
  if (!request) return undefined;
  // A POS error request (`schemas/mplus/pos-error-request.schema.json`) goes through the same deliveries.
  const posError = request as Partial<MplusPOSErrorRequest>;
  const read = (posError.original && posError.error ? posError.original : request) as MplusRequest;
  if (!read.event || !read.sender) return undefined;
  const forms = openFormsIn(read, event, config);
  if (forms.length > 0) return { kind: 'open-form', forms };
  return toleratedReference(read, errorCode, known);
}

/** A refusal with the vendor's code for a reference `request` names (an article, a relation, a line), if it is one. */
export function toleratedReference(request: MplusRequest | undefined, errorCode: string | undefined, known?: IntegratorCatalogue): Extract<ToleratedRefusal, { kind: 'reference' }> | undefined {
  const ref = errorCode ? REFERENCE_CODES[errorCode] : undefined;
  if (!request || !ref || !ref.named(request, known)) return undefined;
  return { kind: 'reference', code: errorCode!, reference: ref.reference };
}

/** A tolerated refusal in the words of a warning: no value of the request in it, so every seed words it alike. */
export function toleratedInWords(event: string, how: string, why: ToleratedRefusal): string {
  if (why.kind === 'reference')
    return `${event}: a request naming ${why.reference} hookcert made up was refused with ${how}; tolerated, as the vendor lists ${why.code} for references the integrator does not know`;
  const forms = why.forms.map((f) => `${f.place.what} written ${f.form.label}`).join(', and ');
  return `${event}: a request with ${forms} was refused with ${how}; tolerated, as the spec leaves this open (README, "How the spec was read")`;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
