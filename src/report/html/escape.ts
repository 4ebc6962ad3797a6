/**
 * Text helpers of the HTML report. Everything the endpoint controls (bodies, header names and values, error
 * messages, dialog titles) reaches the page only through {@link html}; nothing it controls ever becomes an
 * attribute other than a quoted, escaped value, a URL, a style or a script.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML content and quoted attributes. C0 control characters (but tab and newlines) become
 * their visible control pictures (U+2400…), so a NUL or an escape sequence in a reply shows instead of vanishing.
 */
export function html(text: unknown): string {
  return String(text)
    .replace(/[&<>"']/g, (c) => ENTITIES[c])
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, (c) => String.fromCharCode(c === '\u007F' ? 0x2421 : 0x2400 + c.charCodeAt(0)));
}

/** How many characters of one body, state or counterexample the page shows; results.json has them whole. */
export const MAX_SHOWN = 16_000;

/** Cuts `text` to `max` characters and says how much was left out. */
export function cut(text: string, max = MAX_SHOWN): string {
  return text.length > max ? `${text.slice(0, max)}\n… ${text.length - max} more characters (the whole text is in results.json)` : text;
}

/** A body pretty-printed when it is JSON (2-space indent), as it came otherwise. */
export function pretty(body: string): { text: string; json: boolean } {
  if (!body) return { text: '', json: false };
  // Large or deeply nested bodies are shown as they came: re-indenting them costs seconds and memory.
  if (body.length > PRETTY_MAX_CHARS || maxDepth(body) > PRETTY_MAX_DEPTH) return { text: body, json: false };
  try {
    return { text: JSON.stringify(JSON.parse(body), null, 2), json: true };
  } catch {
    return { text: body, json: false };
  }
}

const PRETTY_MAX_CHARS = 64 * 1024;
const PRETTY_MAX_DEPTH = 64;

/** The deepest nesting of brackets in `text` (strings not excluded: an upper bound, cheap). */
function maxDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** Any value as indented JSON (`undefined` as the word). */
export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? 'undefined';
}

/** A duration for people: `0.4 ms`, `12 ms`, `3.2 s`, `2 min 5 s`. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 10) return `${(Math.round(ms * 10) / 10).toString()} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 100_000) return `${(Math.round(ms / 100) / 10).toString()} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** A byte count for people: `512 B`, `3.4 kB`, `1.2 MB`. */
export function bytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}

export { plural } from '../words.js';
