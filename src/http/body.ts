import { isUtf8 } from 'node:buffer';

/** The deepest nesting read. No reply object of a webhook protocol nests more than a few levels; walking a
 * reply nested 100,000 deep (schema validation, reporting) would overflow the stack. */
export const MAX_JSON_DEPTH = 512;

/** A reply body read as JSON text: the value, or why it is not JSON that a receiver can be held to. */
export interface JsonBody {
  json?: unknown;
  /** Why the body is not (usable) JSON, in words. */
  error?: string;
  /** What is JSON but doubtful (duplicate names). */
  warnings: string[];
}

/**
 * Reads a reply body as JSON the way a strict POS would, and says precisely what is wrong when it cannot:
 * a content coding nobody asked for, bytes that are not UTF-8, a byte order mark (RFC 8259 §8.1: "MUST NOT
 * add"), nesting past {@link MAX_JSON_DEPTH}, `NaN`/`Infinity`, or plain syntax errors. Duplicate names are
 * JSON (RFC 8259 §4: names "SHOULD be unique") and only warned about; the last one wins, as in most readers.
 * Never throws.
 */
export function readJsonBody(raw: Buffer, headers: Record<string, string> = {}): JsonBody {
  const coding = (headers['content-encoding'] ?? '').trim().toLowerCase();
  if (coding && coding !== 'identity')
    return { error: `the body is ${coding}-encoded (Content-Encoding: ${coding}), but the request asked for no content coding: send it uncompressed`, warnings: [] };
  if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf)
    return { error: 'the body starts with a byte order mark (EF BB BF); RFC 8259 §8.1: JSON senders MUST NOT add one: write UTF-8 without a BOM', warnings: [] };
  if (!isUtf8(raw)) {
    const at = firstInvalidUtf8(raw);
    return { error: `the body is not valid UTF-8: byte 0x${raw[at].toString(16).toUpperCase().padStart(2, '0')} at offset ${at} (RFC 8259 §8.1: JSON is UTF-8)`, warnings: [] };
  }
  // Depth first, on the bytes: a reply nested 100,000 deep is refused before it is built in memory, and
  // before its text is (an endpoint answering every request so sent hundreds of such copies a second).
  if (nestsDeeperThan(raw, MAX_JSON_DEPTH)) return { error: `the JSON nests more than ${MAX_JSON_DEPTH} levels deep, which hookcert does not read (a reply object nests a few levels)`, warnings: [] };
  const text = raw.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const message = clip(err instanceof Error ? err.message : String(err));
    const hint = /[:[,]\s*-?(NaN|Infinity)\s*[,}\]]/.test(text) ? ' (NaN and Infinity are not JSON numbers)' : '';
    return { error: `${message}${hint}`, warnings: [] };
  }
  const scan = scanJson(text);
  const warnings = scan.duplicates.length
    ? [`the reply repeats names within one object (${scan.duplicates.slice(0, 3).join(', ')}): RFC 8259 §4 says names SHOULD be unique, and readers differ on which one wins (hookcert read the last)`]
    : [];
  return { json, warnings };
}

/**
 * True when `text` (any text, JSON or not) opens more than `max` objects or arrays at once, outside strings.
 * Given UTF-8 bytes it reads them as they are, with the same answer as on their text: the characters it looks
 * for are ASCII, and no byte of a multi-byte UTF-8 sequence is.
 */
export function nestsDeeperThan(text: string | Uint8Array, max: number): boolean {
  const at: (i: number) => number = typeof text === 'string' ? (i) => text.charCodeAt(i) : (i) => text[i];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = at(i);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
    else if (c === 0x22 /* " */) {
      for (i++; i < text.length && at(i) !== 0x22; i++) if (at(i) === 0x5c /* \ */) i++;
    }
  }
  return false;
}

/** One pass over JSON text already known to be valid: nesting depth and duplicate names (`"id" at /lines/0`). */
export function scanJson(text: string): { tooDeep: boolean; duplicates: string[] } {
  type Frame = { keys?: Set<string>; path: string; index: number; expectKey: boolean; lastKey?: string };
  const stack: Frame[] = [];
  const duplicates: string[] = [];
  const here = (f: Frame | undefined) => (f ? `${f.path}/${f.keys ? (f.lastKey ?? '') : f.index}` : '');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= MAX_JSON_DEPTH) return { tooDeep: true, duplicates };
      const top = stack[stack.length - 1];
      stack.push({ keys: c === 0x7b ? new Set() : undefined, path: here(top), index: 0, expectKey: c === 0x7b });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) stack.pop();
    else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
      else if (top) top.index++;
    } else if (c === 0x22 /* " */) {
      let j = i + 1;
      while (text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c /* \ */ ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key) && duplicates.length < 10) duplicates.push(`"${key}" at ${top.path || '/'}`);
        top.keys.add(key);
        top.lastKey = key;
        top.expectKey = false;
      }
      i = j;
    }
  }
  return { tooDeep: false, duplicates };
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const cont = buf[i + k];
      if (cont === undefined || (cont & 0xc0) !== 0x80) return i;
    }
    // Overlong, surrogate and out-of-range forms.
    const b1 = buf[i + 1];
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f) || (b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return i;
    i += need + 1;
  }
  return -1;
}

function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
