import type { IntegratorCatalogue } from '../runner/catalogue.js';
import type { Subscription } from '../runner/subscription.js';
import type { MplusRequestSessionLine } from '../generated/mplus/common/line.js';
import type { MplusRequestPayment } from '../generated/mplus/common/payment.js';
import type { MplusRequestRelation } from '../generated/mplus/common/relation.js';
import type { MplusRequestScanCode } from '../generated/mplus/request/scanCode.js';
import { REQUEST_SCHEMA, type MplusRequest } from '../protocol/mplus/requests.js';
import { catalogueValues, forwarded, VOCABULARY_SCHEMAS, type CatalogueValues } from '../protocol/mplus/vocabulary.js';
import type { SchemaRegistry } from '../schema/registry.js';

/**
 * Pins: one entry of the integrator's catalogue or of the spec's vocabulary (an article, a code, a relation, a
 * custom action, a payment method) put into a generated request where the POS would carry it, the request kept
 * consistent (the added line is in the session, the selected relation is the session's). Exploration tries
 * every pin where it belongs, then where it opened a flow elsewhere.
 */

/** What a pin holds. */
export type PinKind = 'article' | 'code' | 'relation' | 'customAction' | 'payment';

/** One entry to put into requests. */
export interface Pin {
  kind: PinKind;
  /** The scalar values it puts in (ids excluded: the request keeps its own). */
  values: Record<string, unknown>;
  from: 'catalogue' | 'vocabulary';
  /** In a few words, for the coverage and the findings: `article "Coffee" (1)`. */
  label: string;
}

/** The events where each kind of pin belongs first (where the POS carries it as the event's own object). */
export const HOME_EVENTS: Record<PinKind, readonly string[]> = {
  article: ['addSessionLine', 'removeSessionLine'],
  code: ['scanCode'],
  relation: ['selectRelation'],
  customAction: ['customAction'],
  payment: ['startExternalPayment', 'completeSession'],
};

const SCHEMA_OF: Record<PinKind, keyof CatalogueValues> = { article: 'line', code: 'scanCode', relation: 'relation', customAction: 'customAction', payment: 'payment' };

const scalars = (o: Record<string, unknown>, drop: readonly string[] = []) =>
  Object.fromEntries(Object.entries(o).filter(([k, v]) => !drop.includes(k) && v !== null && typeof v !== 'object'));

function labelOf(kind: PinKind, v: Record<string, unknown>): string {
  switch (kind) {
    case 'article':
      return `article ${JSON.stringify(v.text)}${v.articleNumber !== undefined ? ` (${String(v.articleNumber)})` : ''}`;
    case 'code':
      return `${String(v.codeType)} ${JSON.stringify(v.scannedCode)}`;
    case 'relation':
      return `relation ${String(v.relationNumber)}`;
    case 'customAction':
      return `custom action ${JSON.stringify(v.customActionId)}`;
    case 'payment':
      return `payment method ${String(v.method)}`;
  }
}

/** Every pin: the catalogue's entries first, then the spec's vocabulary (the schemas' examples), each once. */
export function pinsOf(sub: Subscription, schemas: SchemaRegistry): Pin[] {
  const triggers = sub.events.find((e) => e.name === 'scanCode')?.triggers ?? [];
  const out: Pin[] = [];
  const seen = new Set<string>();
  const add = (kind: PinKind, values: Record<string, unknown>, from: Pin['from']) => {
    const v = scalars(values, ['lineId', 'instanceId']);
    if (kind === 'code' && !forwarded(triggers, { code: String(v.scannedCode), codeType: v.codeType as 'barcode' })) return;
    const key = `${kind}:${JSON.stringify(v)}`;
    if (Object.keys(v).length === 0 || seen.has(key)) return;
    seen.add(key);
    out.push({ kind, values: v, from, label: labelOf(kind, v) });
  };
  const catalogue: IntegratorCatalogue | undefined = sub.catalogue;
  if (catalogue) {
    const values = catalogueValues(catalogue);
    for (const kind of Object.keys(SCHEMA_OF) as PinKind[]) for (const v of values[SCHEMA_OF[kind]]) add(kind, v, 'catalogue');
  }
  for (const kind of Object.keys(SCHEMA_OF) as PinKind[]) {
    const examples = (schemas.get(VOCABULARY_SCHEMAS[SCHEMA_OF[kind]]) as { examples?: Array<Record<string, unknown>> }).examples ?? [];
    for (const e of examples) add(kind, e, 'vocabulary');
  }
  return out;
}

/**
 * `request` (generated for `event`) with `pin` put where the POS carries it; `undefined` when the event has no
 * place for it or the result would not be a valid request. `lineId` makes the id of a line the pin adds.
 */
export function place(request: MplusRequest, event: string, pin: Pin, lineId: () => string, schemas: SchemaRegistry): MplusRequest | undefined {
  const req = structuredClone(request);
  const session = req.session;
  const { values } = pin;
  // The pin's values come from the same schemas as the objects they go into; the result is validated below.
  switch (pin.kind) {
    case 'article': {
      const own = event === 'addSessionLine' || event === 'removeSessionLine' ? req[event]?.line : undefined;
      if (own) {
        Object.assign(own, values);
        const inSession = session?.lines?.find((l) => l.lineId === own.lineId);
        if (inSession) Object.assign(inSession, values);
      } else if (session) {
        session.lines = [...(session.lines ?? []), { lineId: lineId(), ...values } as MplusRequestSessionLine];
      } else return undefined;
      break;
    }
    case 'code':
      if (event !== 'scanCode') return undefined;
      req.scanCode = { ...values } as unknown as MplusRequestScanCode;
      break;
    case 'relation': {
      if (!session) return undefined;
      const relation = { ...session.relation, ...values } as MplusRequestRelation;
      if (event === 'selectRelation') req.selectRelation = { relation };
      session.relation = relation;
      break;
    }
    case 'customAction':
      if (event !== 'customAction' || !req.customAction) return undefined;
      Object.assign(req.customAction, values);
      break;
    case 'payment':
      if (event === 'startExternalPayment' && req.externalPayment) req.externalPayment.method = values.method as string;
      else if (event === 'completeSession' && req.completeSession) {
        const [first, ...rest] = req.completeSession.payments ?? [];
        const fallback: Partial<MplusRequestPayment> = { amount: 1 };
        req.completeSession.payments = [{ ...fallback, ...first, ...values } as MplusRequestPayment, ...rest];
      } else return undefined;
      break;
  }
  const stamped = { ...req, event: { ...req.event, eventTimestamp: '2026-01-05T09:00:00.000+01:00' } };
  return schemas.validate(REQUEST_SCHEMA, stamped).length === 0 ? req : undefined;
}

/**
 * `request` with every line under a fresh id, consistently (the added or removed line keeps matching its
 * session line). Line ids are the POS's: each line it rings up gets a new one; fast-check draws uuids from few
 * values, and a receiver that decides anything by the line id would see the same few lines again and again.
 */
export function withFreshLineIds(request: MplusRequest, lineId: () => string): MplusRequest {
  const req = structuredClone(request);
  const renamed = new Map<string, string>();
  const rename = (line: { lineId?: unknown } | undefined) => {
    if (!line || typeof line.lineId !== 'string') return;
    const id = renamed.get(line.lineId) ?? lineId();
    renamed.set(line.lineId, id);
    line.lineId = id;
  };
  for (const line of req.session?.lines ?? []) rename(line);
  rename(req.addSessionLine?.line);
  rename(req.removeSessionLine?.line);
  return req;
}
