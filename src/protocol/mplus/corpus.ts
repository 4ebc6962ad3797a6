import type { CorpusHints, JsonObject } from '../corpus/types.js';

/**
 * The properties the mplus request schemas type `number` (money, quantities, percentages, the numpad value):
 * the only places the raw-body corpus writes `1.0` or `1.234e1`, so that a receiver in a typed language is never
 * sent a decimal where the schema says `integer`. `corpus.test.ts` keeps this list equal to the schemas.
 */
export const MPLUS_DECIMAL_KEYS: ReadonlySet<string> = new Set([
  'amount',
  'applyToQuantity',
  'discountAmount',
  'discountPercentage',
  'numpadValue',
  'priceIncl',
  'quantity',
]);

/** Free texts of mplus requests, in the order they are chosen: a line's text, a payment's description, a button caption. */
const TEXT_KEYS = ['text', 'description', 'buttonCaption', 'discountDescription', 'tableName', 'name'];

/**
 * `value` with its first free text set to `text`. A session line appears twice in some requests (the added line is
 * also in `session.lines`): every copy of that line gets the text, so the request stays consistent.
 */
function withText(value: JsonObject, text: string): JsonObject | undefined {
  const out = structuredClone(value);
  for (const key of TEXT_KEYS) {
    const found = find(out, (o) => typeof o[key] === 'string');
    if (!found) continue;
    const lineId = found.lineId;
    if (typeof lineId === 'string') visit(out, (o) => (o.lineId === lineId && typeof o[key] === 'string' ? void (o[key] = text) : undefined));
    else found[key] = text;
    return out;
  }
  return undefined;
}

function find(v: unknown, test: (o: JsonObject) => boolean): JsonObject | undefined {
  let hit: JsonObject | undefined;
  visit(v, (o) => {
    if (!hit && test(o)) hit = o;
  });
  return hit;
}

function visit(v: unknown, fn: (o: JsonObject) => void): void {
  if (Array.isArray(v)) v.forEach((x) => visit(x, fn));
  else if (v && typeof v === 'object') {
    fn(v as JsonObject);
    for (const x of Object.values(v)) visit(x, fn);
  }
}

/** What the raw-body corpus may do with an mplus request: decimals where the schema says number, texts where it is free, no extra members. */
export const MPLUS_CORPUS: CorpusHints = { decimalKeys: MPLUS_DECIMAL_KEYS, withText, extraMembers: false };
