/**
 * Regular expressions in the dialects a receiver may write them in. The spec says only "A regex pattern to
 * validate the input" (seed 002, form.fields[].regex) and names no dialect, so a pattern valid in PCRE, Python,
 * Java or .NET but not in ECMAScript (inline flags `(?i)`, possessive quantifiers, atomic groups, `\A`/`\Z`,
 * `(?P<name>…)`, POSIX classes) is a dialect question, not a broken form. This module tells the dialects apart and
 * translates such patterns to ECMAScript, so that hookcert can still fill the field in.
 *
 * @module
 */

/** A construct of another dialect found in a pattern. */
export interface ForeignConstruct {
  /** In words: `the inline flag group (?i)`. */
  what: string;
  /** The dialects that accept it. */
  dialects: string;
}

/** How a pattern reads. */
export type PatternReading =
  /** Valid ECMAScript: `regex` is it. */
  | { kind: 'ecmascript'; regex: RegExp; loose: RegExp }
  /**
   * Not ECMAScript, but valid in other dialects. `regex` is an ECMAScript translation whose matches all match the
   * pattern (to generate values from); `loose` one that matches at least what the pattern matches (to find values
   * that break it). They are the same when the translation is exact.
   */
  | { kind: 'other-dialect'; regex: RegExp; loose: RegExp; constructs: ForeignConstruct[] }
  /** No dialect hookcert knows accepts it. */
  | { kind: 'invalid'; why: string };

const ALL = 'PCRE, Python, Java and .NET';
const POSIX: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: '\\s',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
};

/**
 * Reads `pattern` in the dialect it is written in. Constructs of other dialects are looked for first: some of them
 * compile in ECMAScript too but mean something else there (`\A` is a literal `A`, `[[:alpha:]]` a set of
 * characters, `\p{L}` without the u flag the text `p{L}`).
 */
export function readPattern(pattern: string): PatternReading {
  const t = translate(pattern);
  if (t.ok && t.constructs.length > 0) {
    const unicode = t.unicode || !tryRegExp(t.narrow, '') ? 'u' : '';
    // The narrow reading carries no flag: case-sensitive, `.` without newlines, ^ $ at the ends, all of which only
    // narrow what it matches (and fast-check generates from regexes without flags).
    const regex = tryRegExp(t.narrow, unicode) ?? tryRegExp(t.narrow, '');
    const loose = tryRegExp(t.wide, t.wideFlags + unicode) ?? tryRegExp(t.wide, t.wideFlags);
    if (regex && loose) return { kind: 'other-dialect', regex, loose, constructs: t.constructs };
    return { kind: 'invalid', why: invalidWhy(pattern) };
  }
  if (!t.ok) return { kind: 'invalid', why: t.why };
  const plain = tryRegExp(pattern, '');
  if (plain) return { kind: 'ecmascript', regex: plain, loose: plain };
  return { kind: 'invalid', why: invalidWhy(pattern) };
}

function tryRegExp(source: string, flags: string): RegExp | undefined {
  try {
    return new RegExp(source, flags);
  } catch {
    return undefined;
  }
}

function invalidWhy(pattern: string): string {
  try {
    new RegExp(pattern);
    return 'it does not compile';
  } catch (err) {
    return (err instanceof Error ? err.message : String(err)).replace(/^Invalid regular expression: /, '');
  }
}

type Translation =
  | { ok: true; narrow: string; wide: string; flags: string; wideFlags: string; unicode: boolean; constructs: ForeignConstruct[] }
  | { ok: false; why: string };

/**
 * Translates the constructs of other dialects to ECMAScript, one token at a time (escapes and character classes
 * are copied whole, so a `(` inside `[…]` is not a group). `narrow` drops what it cannot express exactly in a way
 * that only narrows the matches (a scoped `(?i:…)` becomes case-sensitive); `wide` widens instead (the flag for the
 * whole pattern; possessive and atomic become greedy, which is wide too).
 */
function translate(src: string): Translation {
  const constructs: ForeignConstruct[] = [];
  const note = (what: string, dialects: string) => {
    if (!constructs.some((c) => c.what === what)) constructs.push({ what, dialects });
  };
  let flags = '';
  let wideFlags = '';
  let extended = false;
  let unicode = false;
  let out = '';
  let wideOut = '';
  const emit = (narrow: string, wide = narrow) => {
    out += narrow;
    wideOut += wide;
  };
  let i = 0;
  // Leading inline flags, (?i) (?ims) (?x): exact, as ECMAScript flags.
  const lead = /^\(\?([imsx]+)\)/.exec(src);
  if (lead) {
    for (const f of lead[1]) if (f === 'x') extended = true;
    flags = [...new Set(lead[1].replace('x', ''))].join('');
    wideFlags = flags;
    note(`the inline flag group (?${lead[1]})`, ALL);
    i = lead[0].length;
  }
  let afterAtom = false; // the last token can take a quantifier (so a following `+` after one is possessive)
  while (i < src.length) {
    const c = src[i];
    if (extended && /\s/.test(c)) {
      i++;
      continue;
    }
    if (extended && c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\\') {
      const n = src[i + 1];
      if (n === undefined) return { ok: false, why: 'it ends with a lone backslash' };
      // Without the m flag, ^ and $ are the start and the end of the input (and generators know them).
      const multiline = flags.includes('m');
      if (n === 'A') (emit('^', multiline ? '(?<![\\s\\S])' : '^'), note('\\A (start of input)', ALL));
      else if (n === 'Z') (emit('$', multiline ? '(?![\\s\\S])' : '$'), note('\\Z (end of input)', ALL));
      else if (n === 'z') (emit('$', multiline ? '(?![\\s\\S])' : '$'), note('\\z (end of input)', 'PCRE, Java and .NET'));
      else if (n === 'h') (emit('[\\t \\u00a0]'), note('\\h (horizontal whitespace)', 'PCRE and Java'));
      else if ((n === 'p' || n === 'P') && src[i + 2] === '{') {
        const end = src.indexOf('}', i);
        if (end < 0) return { ok: false, why: 'a \\p{…} class is not closed' };
        emit(src.slice(i, end + 1));
        note('\\p{…} Unicode classes (ECMAScript reads them only with its u flag)', 'PCRE, Java and .NET');
        unicode = true;
        i = end + 1;
        afterAtom = true;
        continue;
      }
      else if (n === 'Q') {
        const end = src.indexOf('\\E', i + 2);
        const text = src.slice(i + 2, end < 0 ? src.length : end);
        emit(text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'));
        note('\\Q…\\E (quoted text)', 'PCRE and Java');
        i = end < 0 ? src.length : end + 2;
        afterAtom = true;
        continue;
      } else emit(`\\${n}`);
      i += 2;
      afterAtom = !'AZzbB'.includes(n);
      continue;
    }
    if (c === '[') {
      const cls = charClass(src, i, note);
      if (!cls) return { ok: false, why: 'a character class is not closed' };
      emit(cls.text);
      i = cls.end;
      afterAtom = true;
      continue;
    }
    if (c === '(' && src[i + 1] === '?') {
      const rest = src.slice(i + 2);
      let m: RegExpExecArray | null;
      if (rest.startsWith('#')) {
        const end = src.indexOf(')', i);
        if (end < 0) return { ok: false, why: 'a (?#…) comment is not closed' };
        note('(?#…) comments', 'PCRE, Python and .NET');
        i = end + 1;
        continue;
      }
      if ((m = /^P<([A-Za-z_]\w*)>/.exec(rest))) {
        emit(`(?<${m[1]}>`);
        note('(?P<name>…) named groups', 'Python and PCRE');
        i += 2 + m[0].length;
        afterAtom = false;
        continue;
      }
      if ((m = /^P=([A-Za-z_]\w*)\)/.exec(rest))) {
        emit(`\\k<${m[1]}>`);
        note('(?P=name) back-references', 'Python and PCRE');
        i += 2 + m[0].length;
        afterAtom = true;
        continue;
      }
      if (rest.startsWith('>')) {
        emit('(?:');
        note('(?>…) atomic groups', 'PCRE, Java, .NET and Python 3.11+');
        i += 3;
        afterAtom = false;
        continue;
      }
      if ((m = /^([imsx]*)(?:-([imsx]*))?([:)])/.exec(rest)) && (m[1] || m[2])) {
        // A scoped flag group (?i:…) or a flag switch mid-pattern (?i): narrow drops it, wide sets it for all.
        const on = m[1].replace('x', '');
        for (const f of on) if (!wideFlags.includes(f)) wideFlags += f;
        note(`inline flags (?${m[1]}${m[2] !== undefined ? `-${m[2]}` : ''}${m[3] === ':' ? ':…' : ''}) inside the pattern`, ALL);
        if (m[3] === ':') emit('(?:');
        i += 2 + m[0].length;
        afterAtom = false;
        continue;
      }
    }
    if (c === '{') {
      const q = /^\{\d+(,\d*)?\}/.exec(src.slice(i));
      if (q && afterAtom) {
        emit(q[0]);
        i += q[0].length;
        i = possessive(src, i, note);
        afterAtom = false;
        continue;
      }
    }
    if ((c === '*' || c === '+' || c === '?') && afterAtom) {
      emit(c);
      i = possessive(src, i + 1, note);
      afterAtom = false;
      continue;
    }
    emit(c);
    afterAtom = c !== '(' && c !== '|' && c !== '^' && c !== '$';
    i++;
  }
  return { ok: true, narrow: out, wide: wideOut, flags, wideFlags, unicode, constructs };
}

/** Skips the `+` of a possessive quantifier at `i` (ECMAScript has none: the greedy one matches at least as much). */
function possessive(src: string, i: number, note: (what: string, dialects: string) => void): number {
  if (src[i] !== '+') return i;
  note('possessive quantifiers (*+, ++, ?+)', 'PCRE, Java and Python 3.11+');
  return i + 1;
}

/** The character class opening at `start`, with POSIX classes `[:alpha:]` written out; `undefined` if it is not closed. */
function charClass(src: string, start: number, note: (what: string, dialects: string) => void): { text: string; end: number } | undefined {
  let i = start + 1;
  let text = '[';
  if (src[i] === '^') (text += '^'), i++;
  if (src[i] === ']') (text += '\\]'), i++;
  while (i < src.length && src[i] !== ']') {
    const posix = /^\[:(\^?)([a-z]+):\]/.exec(src.slice(i));
    if (posix && POSIX[posix[2]] && !posix[1]) {
      text += POSIX[posix[2]];
      note(`POSIX classes ([:${posix[2]}:])`, 'PCRE and POSIX');
      i += posix[0].length;
      continue;
    }
    if (src[i] === '\\') {
      text += src.slice(i, i + 2);
      i += 2;
      continue;
    }
    // A "[" inside a class is a literal in ECMAScript.
    text += src[i] === '[' ? '\\[' : src[i];
    i++;
  }
  if (i >= src.length) return undefined;
  return { text: `${text}]`, end: i + 1 };
}
