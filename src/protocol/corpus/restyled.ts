/**
 * The raw-body corpus: JSON texts of a request or payload whose bytes are not what a parse + re-serialise
 * (`JSON.stringify(JSON.parse(body))`, or another language's) gives back. Both profiles sign "the raw body
 * bytes" (spec README), so a receiver must verify the bytes as they came; one that hashes a re-serialised copy
 * (the official Node and Ruby Kopo Kopo SDKs do) breaks on exactly these bodies. Each variant has a control: the
 * same value in another form, so a refusal of content is never blamed on bytes.
 *
 * @module
 */
import type { BodyForm, CorpusHints, JsonObject } from './types.js';
export type { CorpusHints, JsonObject } from './types.js';
import { inExponentForm, serialize, withTrailingZero } from './serialize.js';

/** A variant's body: the value it carries (as JavaScript reads it) and the text that carries it. */
export interface RawBody {
  value: JsonObject;
  body: string;
}

/** One way of writing a body. */
export interface RestyledVariant {
  /** Short name, for messages: `pretty-printed`. */
  name: string;
  /** What the body looks like, in words. */
  what: string;
  /**
   * A JavaScript parse + `JSON.stringify` gives these bytes back unchanged: the variant catches receivers that
   * re-serialise otherwise (sorted keys, ASCII-only escaping), not the Node/Ruby SDK style.
   */
  jsStable: boolean;
  /** The variant of `value`, or `undefined` when there is nothing to change in it (no number, no free text). */
  make(value: JsonObject, hints: CorpusHints): RawBody | undefined;
}

/** A person's name with Latin, CJK and astral-plane characters. */
export const NON_ASCII_NAME = 'Wanjikũ Ñandú 李小龍 🙂';
/** A free text with a "/" in it, for bodies that have none. */
const SLASHED_TEXT = 'Tour 1/2 (adult)';

/** `value` with raw JSON `members` written first in its top-level object; `extra` is what they parse to. */
function prepend(value: JsonObject, members: string, extra: JsonObject): RawBody {
  const compact = JSON.stringify(value);
  return { value: { ...extra, ...value }, body: compact === '{}' ? `{${members}}` : `{${members},${compact.slice(1)}` };
}

/** The same value, written another way. */
const restyled = (write: (v: JsonObject) => string) => (v: JsonObject): RawBody => ({ value: v, body: write(v) });

/** Every number under a decimal key written with a trailing zero or in exponent form, in turn. */
function decimalNumbers(value: JsonObject, hints: CorpusHints): RawBody | undefined {
  let turn = 0;
  const body = serialize(value, {
    number: (key, n) => {
      if (key === undefined || !hints.decimalKeys.has(key)) return undefined;
      const spelled = turn++ % 2 === 0 ? withTrailingZero(n) : (inExponentForm(n) ?? withTrailingZero(n));
      return spelled;
    },
  });
  if (body !== JSON.stringify(value)) return { value, body };
  if (!hints.extraMembers) return undefined;
  return prepend(value, '"hookcert_decimal":1.0,"hookcert_cents":1.50,"hookcert_exponent":1e2', { hookcert_decimal: 1, hookcert_cents: 1.5, hookcert_exponent: 100 });
}

/** The variants every raw-body check sends (spec README: "whitespace, key order, `1.0`, escaped unicode"). */
export const RESTYLED: readonly RestyledVariant[] = [
  { name: 'pretty-printed', what: 'pretty-printed with two-space indents', jsStable: false, make: restyled((v) => JSON.stringify(v, null, 2)) },
  {
    name: 'tabs-and-crlf',
    what: 'indented with tabs, CRLF line ends',
    jsStable: false,
    make: restyled((v) => JSON.stringify(v, null, '\t').replace(/\n/g, '\r\n')),
  },
  { name: 'padded', what: 'with whitespace before the JSON and a newline after it', jsStable: false, make: restyled((v) => ` \n${JSON.stringify(v)}\n`) },
  {
    name: 'python-separators',
    what: 'with ", " and ": " separators (Python json.dumps)',
    jsStable: false,
    make: restyled((v) => serialize(v, { itemSep: ', ', keySep: ': ' })),
  },
  { name: 'reordered-keys', what: 'with the keys of every object in reverse order', jsStable: true, make: restyled((v) => serialize(v, { reverseKeys: true })) },
  { name: 'decimal-numbers', what: 'with numbers written 1.0, 1.50 and 1.234e1', jsStable: false, make: decimalNumbers },
  {
    name: 'big-integer',
    what: 'with an extra integer beyond 2^53 (9007199254740993)',
    jsStable: false,
    make: (v, hints) => (hints.extraMembers ? prepend(v, '"hookcert_sequence":9007199254740993', { hookcert_sequence: 9007199254740992 }) : undefined),
  },
  {
    name: 'non-ascii',
    what: `with the text "${NON_ASCII_NAME}" as raw UTF-8`,
    jsStable: true,
    make: (v, hints) => {
      const named = hints.withText(v, NON_ASCII_NAME);
      return named && { value: named, body: JSON.stringify(named) };
    },
  },
  {
    name: 'unicode-escapes',
    what: `with the text "${NON_ASCII_NAME}" written as \\u escapes`,
    jsStable: false,
    make: (v, hints) => {
      const named = hints.withText(v, NON_ASCII_NAME);
      return named && { value: named, body: serialize(named, { asciiOnly: true }) };
    },
  },
  {
    name: 'escaped-slashes',
    what: 'with every "/" written "\\/" (PHP json_encode)',
    jsStable: false,
    make: (v, hints) => {
      const slashed = JSON.stringify(v).includes('/') ? v : hints.withText(v, SLASHED_TEXT);
      return slashed && { value: slashed, body: serialize(slashed, { escapeSlash: true }) };
    },
  },
];

/**
 * The control of a variant: the same value in another form, compact JSON when that differs from the variant's
 * bytes, else (a variant that is compact JSON already: non-ASCII text) compact JSON with `\u` escapes. A receiver
 * that accepts the control but refuses the variant refuses bytes, not content.
 */
export function controlOf(raw: RawBody): string {
  const compact = JSON.stringify(raw.value);
  return compact !== raw.body ? compact : serialize(raw.value, { asciiOnly: true });
}

/** The variant of `value`, when there is something to change and it differs from its control. */
export function variantOf(v: RestyledVariant, value: unknown, hints: CorpusHints): RawBody | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const raw = v.make(value as JsonObject, hints);
  return raw && controlOf(raw) !== raw.body ? raw : undefined;
}

/** The variant as a body form (the simulator renders it from the stamped value, with its profile's hints). */
export function restyledForm(v: RestyledVariant): BodyForm {
  return { what: v.what, render: (value, _compact, hints) => need(v, value, hints).body };
}

/** The variant's control as a body form: the same value in another form. */
export function controlForm(v: RestyledVariant): BodyForm {
  return { what: `${v.what} (control: the same value in another form)`, render: (value, _compact, hints) => controlOf(need(v, value, hints)) };
}

function need(v: RestyledVariant, value: unknown, hints: CorpusHints | undefined): RawBody {
  const raw = hints && variantOf(v, value, hints);
  if (!raw) throw new Error(`hookcert: the ${v.name} variant does not apply to this body (check with variantOf first)`);
  return raw;
}
