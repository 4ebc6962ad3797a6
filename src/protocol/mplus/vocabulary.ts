import type { CatalogueCode, IntegratorCatalogue } from '../../runner/catalogue.js';
import type { CodeTrigger } from '../../runner/subscription.js';
import { SCHEMA_BASE } from '../../schema/registry.js';

/**
 * The integrator's catalogue as generation sees it: extra `examples` of the request schemas each entry fills
 * (an article is a session line, a code a scanCode, a relation a relation, a custom action a customAction,
 * a payment method a payment and an external payment's method), mixed in beside the spec's own vocabulary.
 */

/** The request schemas the catalogue fills, by what they hold. */
export const VOCABULARY_SCHEMAS = {
  line: `${SCHEMA_BASE}mplus/common/line.schema.json`,
  scanCode: `${SCHEMA_BASE}mplus/request/scanCode.schema.json`,
  relation: `${SCHEMA_BASE}mplus/common/relation.schema.json`,
  customAction: `${SCHEMA_BASE}mplus/request/customAction.schema.json`,
  payment: `${SCHEMA_BASE}mplus/common/payment.schema.json`,
  externalPayment: `${SCHEMA_BASE}mplus/request/externalPayment.schema.json`,
} as const;

/** What a catalogue entry puts into a request, by the schema it fills. */
export type CatalogueValues = Record<keyof typeof VOCABULARY_SCHEMAS, Array<Record<string, unknown>>>;

/** The codes of the catalogue the POS scans: its codes, and its articles' barcodes. */
export function scannedCodes(c: IntegratorCatalogue): CatalogueCode[] {
  const out = [...c.codes];
  for (const a of c.articles) if (a.barcode && !out.some((x) => x.code === a.barcode)) out.push({ code: a.barcode, codeType: 'barcode' });
  return out;
}

/** Every catalogue entry as the values it puts into a request, per schema. */
export function catalogueValues(c: IntegratorCatalogue): CatalogueValues {
  return {
    line: c.articles.map((a) => ({ ...a })),
    scanCode: scannedCodes(c).map((x) => ({ scannedCode: x.code, codeType: x.codeType })),
    relation: c.relations.map((r) => ({ ...r })),
    customAction: c.customActions.map((a) => ({ customActionId: a.id, buttonCaption: a.caption ?? a.id })),
    payment: c.paymentMethods.map((m) => ({ method: m.method, description: m.description ?? m.method })),
    externalPayment: c.paymentMethods.map((m) => ({ method: m.method })),
  };
}

/** The catalogue as `extraExamples` of the schema compiler (by schema `$id`). */
export function catalogueExamples(c: IntegratorCatalogue | undefined): Record<string, unknown[]> {
  if (!c) return {};
  const values = catalogueValues(c);
  const out: Record<string, unknown[]> = {};
  for (const [key, id] of Object.entries(VOCABULARY_SCHEMAS)) if (values[key as keyof CatalogueValues].length > 0) out[id] = values[key as keyof CatalogueValues];
  return out;
}

/** Whether the POS forwards `code` to the endpoint: every code without triggers, else one a non-reject trigger matches and no reject trigger does. */
export function forwarded(triggers: readonly CodeTrigger[], code: CatalogueCode): boolean {
  if (triggers.length === 0) return true;
  const matches = (t: CodeTrigger) => t.codeType === code.codeType && new RegExp(t.pattern).test(code.code);
  return triggers.some((t) => !t.reject && matches(t)) && !triggers.some((t) => t.reject && matches(t));
}
