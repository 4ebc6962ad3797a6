/**
 * Body forms: the bytes a request or payload is sent as, when they are not its compact JSON. A check names a
 * form (`{ raw: truncatedJson('half') }`); the simulator stamps the request, renders the form and signs the
 * bytes. Checks never serialise a body themselves.
 *
 * @module
 */

import { ownBytes } from '../../http/own-bytes.js';
import type { BodyForm, CorpusHints } from './types.js';

export type { BodyForm } from './types.js';

/** The compact JSON cut short: to `keep` characters, or to its first half. */
export function truncatedJson(keep: 'half' | number): BodyForm {
  return {
    what: 'truncated JSON',
    render: (_v, compact) => compact.slice(0, keep === 'half' ? Math.ceil(compact.length / 2) : keep),
  };
}

/** The compact JSON with a comma before its last `}` (some parsers, Json.NET among them, accept it). */
export function trailingComma(): BodyForm {
  return { what: 'a trailing comma in the JSON', render: (_v, compact) => compact.replace(/}$/, ',}') };
}

/** The compact JSON inside a JSON array. */
export function jsonArray(): BodyForm {
  return { what: 'a JSON array', render: (_v, compact) => `[${compact}]` };
}

/** A fixed body, whatever the value: XML, form-encoded text, a JSON string, nothing. */
export function literal(what: string, text: string): BodyForm {
  return { what, render: () => text };
}

/** The JSON of `change(value)`: the value made invalid in a way the check states (a field removed, mistyped). */
export function reshaped<T>(what: string, change: (value: T) => unknown): BodyForm {
  return { what, render: (value) => JSON.stringify(change(value as T)) };
}

/**
 * The bytes of one delivery: `raw` itself when it is bytes (a re-delivery), else `value` serialised once as
 * compact JSON and written in the form `raw` says (`hints`: what the profile's schemas allow), else that JSON.
 * `compact`, when given, is that JSON already made (`JSON.stringify(value)`, byte for byte).
 */
export function bodyBytes(value: unknown, raw: BodyForm | Buffer | undefined, hints: CorpusHints, compact: string = JSON.stringify(value)): Buffer {
  if (Buffer.isBuffer(raw)) return raw;
  return ownBytes(raw ? raw.render(value, compact, hints) : compact);
}
