/**
 * A form field's `regex` in ECMAScript terms. The spec names no regex dialect ("form.fields[].regex | string
 * (optional) | A regex pattern to validate the input."), and integrators write PCRE, Java or .NET patterns as
 * often as JavaScript ones. The common constructs JavaScript lacks are rewritten to what they mean, so
 * hookcert can draw values that the integrator's own validator accepts: leading inline flags (`(?i)`, `(?s)`,
 * `(?m)`), `\A` and `\z` / `\Z` anchors, `(?P<name>…)` and `(?P=name)`, atomic groups `(?>…)`, possessive
 * quantifiers (`a++`), and POSIX classes (`[[:digit:]]`).
 * @module
 */

/** A pattern as JavaScript can run it: its source, flags, and the dialect constructs that were rewritten. */
export interface EcmaPattern {
  source: string;
  flags: string;
  /** What was rewritten (empty for a pattern that was JavaScript already). */
  rewritten: string[];
}

const POSIX: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\r\\n\\f\\v',
  xdigit: '0-9A-Fa-f',
  punct: '!-\\/:-@\\[-`{-~',
  word: '\\w',
  blank: ' \\t',
};

/** `pattern` rewritten to ECMAScript, or `undefined` when neither it nor its rewrite compiles. */
export function toEcmaScript(pattern: string): EcmaPattern | undefined {
  const rewritten: string[] = [];
  let source = pattern;
  let flags = '';
  const rule = (what: string, re: RegExp, to: string | ((...m: string[]) => string)) => {
    const next = source.replace(re, to as never);
    if (next !== source) rewritten.push(what);
    source = next;
  };
  const inline = /^\(\?([imsx]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    flags = [...new Set(inline[1].replace('x', ''))].join('');
    rewritten.push(`inline flags (?${inline[1]})`);
    if (inline[1].includes('x')) rule('extended mode', /\s+|#.*$/gm, '');
  }
  rule('\\A', /\\A/g, '^');
  rule('\\z / \\Z', /\\[zZ]/g, '$');
  rule('(?P<name>…)', /\(\?P</g, '(?<');
  rule('(?P=name)', /\(\?P=(\w+)\)/g, '\\k<$1>');
  rule('atomic groups (?>…)', /\(\?>/g, '(?:');
  rule('possessive quantifiers', /(?<!\\)([*+?}])\+/g, '$1');
  rule('POSIX classes', /\[:(\^?)(\w+):\]/g, (_m, neg: string, name: string) => (POSIX[name] && !neg ? POSIX[name] : `[:${neg}${name}:]`));
  try {
    new RegExp(source, flags);
    return { source, flags, rewritten };
  } catch {
    return undefined;
  }
}
