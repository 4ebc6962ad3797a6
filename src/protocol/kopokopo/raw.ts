import { withName, type KopokopoPayload } from './payloads.js';

/**
 * Raw-body variants: JSON texts of a payload whose bytes are not what `JSON.stringify(JSON.parse(body))`
 * (or another language's parse + serialise) gives back. Kopo Kopo signs "the body bytes" (spec README), so a
 * receiver must verify these bytes as they came; two official SDKs (Node, Ruby) hash a re-serialised copy of
 * the parsed body instead, and break on exactly these bodies.
 */
export interface RawVariant {
  /** Short name, for messages: `pretty-printed`. */
  name: string;
  /** What the body looks like, in words. */
  what: string;
  /**
   * A JavaScript parse + `JSON.stringify` gives these bytes back unchanged: the variant catches receivers that
   * re-serialise otherwise (sorted keys, ASCII-only escaping), not the Node/Ruby SDK style.
   */
  jsStable: boolean;
  /** The variant of `p`: the JSON value it carries (as JavaScript reads it) and the text that carries it. */
  make(p: KopokopoPayload): RawBody;
}

/** A raw-body variant of a payload. */
export interface RawBody {
  /** The value the body carries: what a receiver gets after parsing (extra fields and names included). */
  value: KopokopoPayload;
  /** The JSON text sent. */
  body: string;
}

/** A person's name with Latin, CJK and astral-plane characters. */
export const NON_ASCII_NAME = 'Wanjikũ Ñandú 李小龍 🙂';

/** How {@link serialize} writes JSON. */
export interface JsonStyle {
  /** Between array items and object members. @defaultValue ',' */
  itemSep?: string;
  /** Between a key and its value. @defaultValue ':' */
  keySep?: string;
  /** Object keys in reverse order. @defaultValue false */
  reverseKeys?: boolean;
  /** Every character above U+007E as a `\uXXXX` escape (Python's `ensure_ascii`). @defaultValue false */
  asciiOnly?: boolean;
  /** `/` as `\/` (PHP's `json_encode` default). @defaultValue false */
  escapeSlash?: boolean;
}

/** Serialises JSON in a given style; values parse back to the same JSON. */
export function serialize(value: unknown, style: JsonStyle = {}): string {
  const itemSep = style.itemSep ?? ',';
  const keySep = style.keySep ?? ':';
  const str = (s: string): string => {
    let out = JSON.stringify(s);
    if (style.escapeSlash) out = out.replace(/\//g, '\\/');
    if (style.asciiOnly) out = out.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return out;
  };
  const write = (v: unknown): string => {
    if (v === null || typeof v !== 'object') return typeof v === 'string' ? str(v) : JSON.stringify(v);
    if (Array.isArray(v)) return `[${v.map(write).join(itemSep)}]`;
    const keys = Object.keys(v);
    if (style.reverseKeys) keys.reverse();
    return `{${keys.map((k) => `${str(k)}${keySep}${write((v as Record<string, unknown>)[k])}`).join(itemSep)}}`;
  };
  return write(value);
}

/** `p` with raw JSON `members` written first in its top-level object; `extra` is what they parse to. */
function prepend(p: KopokopoPayload, members: string, extra: KopokopoPayload): RawBody {
  const compact = JSON.stringify(p);
  return { value: { ...extra, ...p }, body: compact === '{}' ? `{${members}}` : `{${members},${compact.slice(1)}` };
}

/** The same value, written another way. */
const restyled = (write: (p: KopokopoPayload) => string) => (p: KopokopoPayload): RawBody => ({ value: p, body: write(p) });

/** The variants every raw-body check sends (spec README: "whitespace, key order, `1.0`, escaped unicode"). */
export const RAW_VARIANTS: readonly RawVariant[] = [
  { name: 'pretty-printed', what: 'pretty-printed with two-space indents', jsStable: false, make: restyled((p) => JSON.stringify(p, null, 2)) },
  {
    name: 'tabs-and-crlf',
    what: 'indented with tabs, CRLF line ends',
    jsStable: false,
    make: restyled((p) => JSON.stringify(p, null, '\t').replace(/\n/g, '\r\n')),
  },
  { name: 'padded', what: 'with whitespace before the JSON and a newline after it', jsStable: false, make: restyled((p) => ` \n${JSON.stringify(p)}\n`) },
  {
    name: 'python-separators',
    what: 'with ", " and ": " separators (Python json.dumps)',
    jsStable: false,
    make: restyled((p) => serialize(p, { itemSep: ', ', keySep: ': ' })),
  },
  { name: 'reordered-keys', what: 'with the keys of every object in reverse order', jsStable: true, make: restyled((p) => serialize(p, { reverseKeys: true })) },
  {
    name: 'decimal-numbers',
    what: 'with extra numbers written 1.0, 1.50 and 1e2',
    jsStable: false,
    make: (p) => prepend(p, '"hookcert_decimal":1.0,"hookcert_cents":1.50,"hookcert_exponent":1e2', { hookcert_decimal: 1, hookcert_cents: 1.5, hookcert_exponent: 100 }),
  },
  {
    name: 'big-integer',
    what: 'with an extra integer beyond 2^53 (9007199254740993)',
    jsStable: false,
    make: (p) => prepend(p, '"hookcert_sequence":9007199254740993', { hookcert_sequence: 9007199254740992 }),
  },
  {
    name: 'non-ascii',
    what: `with the name "${NON_ASCII_NAME}" as raw UTF-8`,
    jsStable: true,
    make: (p) => restyled((x) => JSON.stringify(x))(withName(p, NON_ASCII_NAME)),
  },
  {
    name: 'unicode-escapes',
    what: `with the name "${NON_ASCII_NAME}" written as \\u escapes`,
    jsStable: false,
    make: (p) => restyled((x) => serialize(x, { asciiOnly: true }))(withName(p, NON_ASCII_NAME)),
  },
  { name: 'escaped-slashes', what: 'with every "/" written "\\/" (PHP json_encode)', jsStable: false, make: restyled((p) => serialize(p, { escapeSlash: true })) },
];

/**
 * The control of a variant: the same value in another form, compact JSON when that differs from the variant's
 * bytes, else (a variant that is compact JSON already: non-ASCII text) compact JSON with `\u` escapes. A receiver
 * that acknowledges the control but refuses the variant refuses bytes, not content.
 */
export function controlOf(raw: RawBody): string {
  const compact = JSON.stringify(raw.value);
  return compact !== raw.body ? compact : serialize(raw.value, { asciiOnly: true });
}

/** What a re-serialising receiver hashes (one rule, in the forgery module). */
export { reserialized } from '../forgery.js';
