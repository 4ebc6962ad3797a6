import { html, join, type Html } from './escape.js';

/**
 * Bodies as a reader needs them: JSON pretty-printed with the part a failure names marked (ajv's
 * `instancePath`), and every character that does not show — controls, zero-width and direction marks,
 * unpaired surrogates — and every astral character (emoji, rare scripts) shown with its code point.
 */

/** A character that does not show, or shows as something else: C0/C1 controls, DEL, soft hyphen, zero-width and bidi controls, BOM, a lone surrogate. */
const INVISIBLE = /^(?:[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]|[\uD800-\uDFFF])$/;
/** Whether a text holds any character {@link textWithCodePoints} changes (astral ones included: any surrogate). */
const SPECIAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF\uD800-\uDFFF]/;

const cp = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Whether `text` has characters that do not show, or astral ones: then it is shown with their code points. */
export const hasSpecialCharacters = (text: string): boolean => SPECIAL.test(text);

/**
 * Text escaped for HTML with code points shown: an invisible character becomes its code point in a tag
 * (`U+200B`); an astral one (emoji, rare scripts) stays, followed by its code point. Tab and newlines stay.
 */
export function textWithCodePoints(text: string): Html {
  if (!SPECIAL.test(text)) return html`${text}`;
  const out: Array<string | Html> = [];
  for (const ch of text) {
    if (INVISIBLE.test(ch)) out.push(html`<span class="cp" title="a character that does not show">${cp(ch)}</span>`);
    else if (ch.length === 2) out.push(html`${ch}<span class="cp">${cp(ch)}</span>`);
    else out.push(ch);
  }
  return html`${out}`;
}

/** The JSON Pointers (`/dialog/options/0/id`, `''` for the root) a failure message names, ajv style: `<pointer> must …`. */
export function pointersIn(message: string): string[] {
  const found = new Set<string>();
  for (const m of message.matchAll(/(?:^|[\s:;(,])(\(root\)|\/[^\s;,)]*) (?:must|should)\b/g)) found.add(m[1] === '(root)' ? '' : m[1]);
  return [...found];
}

/**
 * `value` as 2-space-indented JSON (as `JSON.stringify(value, null, 2)` writes it) in HTML, with the nodes at
 * `marks` (JSON Pointers) wrapped in `<mark>`; strings show their invisible and astral characters' code points.
 */
export function jsonHtml(value: unknown, marks: ReadonlySet<string> = new Set()): Html {
  const walk = (v: unknown, pointer: string, indent: string): Html => {
    const inner = (): Html => {
      if (v === null || typeof v !== 'object') return scalar(v);
      const next = `${indent}  `;
      if (Array.isArray(v)) {
        if (v.length === 0) return html`[]`;
        return html`[\n${join(v.map((x, i) => html`${next}${walk(x, `${pointer}/${i}`, next)}`), ',\n')}\n${indent}]`;
      }
      const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
      if (entries.length === 0) return html`{}`;
      return html`{\n${join(entries.map(([k, x]) => html`${next}<span class="k">${textWithCodePoints(JSON.stringify(k))}</span>: ${walk(x, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, next)}`), ',\n')}\n${indent}}`;
    };
    const text = inner();
    return marks.has(pointer) ? html`<mark title="${pointer || '(root)'}: what the failure names">${text}</mark>` : text;
  };
  return walk(value, '', '');
}

function scalar(v: unknown): Html {
  if (typeof v === 'string') return html`<span class="s">${textWithCodePoints(JSON.stringify(v))}</span>`;
  if (typeof v === 'number' || typeof v === 'bigint') return html`<span class="n">${v}</span>`;
  if (typeof v === 'boolean' || v === null) return html`<span class="b">${String(v)}</span>`;
  return html`${String(v)}`;
}
