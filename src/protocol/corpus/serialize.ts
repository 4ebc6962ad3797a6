/**
 * A JSON writer with the styles other languages' serialisers use (separators, key order, escaping, number
 * spellings), for bodies whose bytes differ from `JSON.stringify` while their value is the same.
 *
 * @module
 */

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
  /**
   * Writes the number `n` found under `key` (`undefined` in arrays); `undefined` keeps `JSON.stringify`'s
   * spelling. The text must denote the same number.
   */
  number?: (key: string | undefined, n: number) => string | undefined;
}

/** Serialises JSON in a given style; the text parses back to the same value. */
export function serialize(value: unknown, style: JsonStyle = {}): string {
  const itemSep = style.itemSep ?? ',';
  const keySep = style.keySep ?? ':';
  const str = (s: string): string => {
    let out = JSON.stringify(s);
    if (style.escapeSlash) out = out.replace(/\//g, '\\/');
    if (style.asciiOnly) out = out.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return out;
  };
  const write = (v: unknown, key: string | undefined): string => {
    if (typeof v === 'number' && style.number) return style.number(key, v) ?? JSON.stringify(v);
    if (v === null || typeof v !== 'object') return typeof v === 'string' ? str(v) : JSON.stringify(v);
    if (Array.isArray(v)) return `[${v.map((x) => write(x, undefined)).join(itemSep)}]`;
    const keys = Object.keys(v);
    if (style.reverseKeys) keys.reverse();
    return `{${keys.map((k) => `${str(k)}${keySep}${write((v as Record<string, unknown>)[k], k)}`).join(itemSep)}}`;
  };
  return write(value, undefined);
}

/** `n` with a trailing zero (`2` → `2.0`, `1.5` → `1.50`); `undefined` for a number already in exponent form. */
export function withTrailingZero(n: number): string | undefined {
  const s = JSON.stringify(n);
  if (/e/i.test(s)) return undefined;
  return s.includes('.') ? `${s}0` : `${s}.0`;
}

/**
 * `n` in exponent form with one digit before the point (`12.34` → `1.234e1`, `5` → `5.0e0`): the same decimal
 * value, so the same number; `undefined` for |n| < 1 or a number already in exponent form.
 */
export function inExponentForm(n: number): string | undefined {
  const s = JSON.stringify(n);
  if (/e/i.test(s) || Math.abs(n) < 1) return undefined;
  const sign = s.startsWith('-') ? '-' : '';
  const [int, frac = ''] = s.replace('-', '').split('.');
  const rest = int.slice(1) + frac;
  return `${sign}${int[0]}.${rest || '0'}e${int.length - 1}`;
}
