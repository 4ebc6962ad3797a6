/**
 * Text helpers of the HTML report. The page is written with the {@link html} tagged template, which escapes
 * every interpolated value unless it is markup made by `html` itself or wrapped by an explicit {@link raw}:
 * everything the endpoint controls (bodies, header names and values, error messages, dialog titles) is text,
 * so it reaches the page escaped; nothing it controls ever becomes an attribute other than a quoted, escaped
 * value, a URL, a style or a script.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML content and quoted attributes. C0 control characters (but tab and newlines) become
 * their visible control pictures (U+2400…), so a NUL or an escape sequence in a reply shows instead of vanishing.
 */
export function escapeHtml(text: string | number | bigint): string {
  return String(text)
    .replace(/[&<>"']/g, (c) => ENTITIES[c])
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, (c) => String.fromCharCode(c === '\u007F' ? 0x2421 : 0x2400 + c.charCodeAt(0)));
}

/**
 * Markup the page takes as is: made only by {@link html} (its values escaped) and {@link raw}. `String(h)` is
 * the markup. The class is not exported, so nothing else can mint one.
 */
class Html {
  /** A private field: the type is nominal, so no look-alike object passes for markup either. */
  readonly #markup: string;
  constructor(markup: string) {
    this.#markup = markup;
  }
  toString(): string {
    return this.#markup;
  }
}
export type { Html };

/** What {@link html} interpolates: markup as is; text and numbers escaped; a list, each item so, nothing between. */
export type HtmlValue = Html | string | number | bigint | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.toString();
  if (Array.isArray(value)) {
    let out = '';
    for (const v of value as readonly HtmlValue[]) out += render(v);
    return out;
  }
  return escapeHtml(value as string | number | bigint);
}

/**
 * The tagged template of the report: `html\`<p>${text}</p>\`` escapes `text` (see {@link escapeHtml}); a value
 * that is itself `html\`…\`` or {@link raw} goes in as markup; a list goes in item by item.
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/**
 * `markup` taken as is, unescaped: only for the page's own text (the inline style and script, whose CSP
 * hashes are over their exact bytes, the policy itself, the favicon URL), never for anything of a run.
 */
export function raw(markup: string): Html {
  return new Html(markup);
}

/** The items of `parts` with `separator` (text or markup) between them. */
export function join(parts: readonly HtmlValue[], separator: HtmlValue): Html {
  const sep = render(separator);
  return new Html(parts.map(render).join(sep));
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

export { plural } from '../../words.js';
