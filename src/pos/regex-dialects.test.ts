import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPattern } from './regex-dialects.js';

describe('readPattern', () => {
  it.each(['^[a-z]+$', '^C\\d{8}$', '^(?<code>[A-Z]{2})-\\d+$', '^\\w+@\\w+\\.[a-z]{2,}$'])('%s is ECMAScript', (p) => {
    expect(readPattern(p).kind).toBe('ecmascript');
  });

  // Each pattern of another dialect: what it must match and what it must not, read by the translation.
  it.each([
    ['(?i)^[a-z]+$', ['ABC', 'abc'], ['ab1'], 'inline flag'],
    ['(?i)^c\\d{8}$', ['C12345678', 'c12345678'], ['C1234'], 'inline flag'],
    ['(?im)^x$', ['X', 'x'], ['y'], 'inline flag'],
    ['^\\d++$', ['123'], ['12a'], 'possessive'],
    ['^a{2,3}+b$', ['aab', 'aaab'], ['ab'], 'possessive'],
    ['^(?>ab|a)c$', ['abc'], ['bc'], 'atomic'],
    ['\\A\\d{4}\\Z', ['1234'], ['x1234', '12345'], '\\A'],
    ['\\A\\d{4}\\z', ['1234'], ['1234x'], '\\z'],
    ['^(?P<year>\\d{4})$', ['2024'], ['24'], '(?P<name>'],
    ['^[[:alpha:]]+$', ['abc', 'XYZ'], ['a1', ':'], 'POSIX'],
    ['^[[:digit:][:upper:]]{3}$', ['A1B'], ['a1b'], 'POSIX'],
    ['^\\p{L}+$', ['é', 'abc'], ['1', 'p{L}'], '\\p{'],
    ['(?x) ^ \\d{3}  # area code\n - \\d{4} $', ['123-4567'], ['123 - 4567'], 'inline flag'],
    ['^\\Qa.b\\E$', ['a.b'], ['axb'], '\\Q'],
    ['(?#a comment)^abc$', ['abc'], ['abd'], 'comments'],
    ['^\\h+$', [' \t'], ['\n'], '\\h'],
  ])('%s is another dialect: matches %j, not %j', (pattern, good, bad, construct) => {
    const r = readPattern(pattern);
    if (r.kind !== 'other-dialect') throw new Error(`${pattern}: ${r.kind}`);
    expect(r.constructs.map((c) => c.what).join(' ')).toContain(construct);
    // What the pattern matches, the loose reading matches; what it does not, neither reading matches.
    for (const s of good) expect(r.loose.test(s), s).toBe(true);
    for (const s of bad) expect(r.loose.test(s) || r.regex.test(s), s).toBe(false);
    // The narrow reading (values are generated from it) matches a subset: here, at least one of the good ones.
    expect(good.some((s) => r.regex.test(s))).toBe(true);
    for (const c of r.constructs) expect(c.dialects).toMatch(/PCRE|Python|Java|\.NET/);
  });

  it('a scoped flag group narrows for generating and widens for breaking', () => {
    const r = readPattern('^ab(?i:cd)ef$');
    if (r.kind !== 'other-dialect') throw new Error(r.kind);
    expect(r.regex.test('abcdef')).toBe(true);
    expect(r.regex.test('abCDef')).toBe(false); // not generated: the narrow reading is case-sensitive
    expect(r.loose.test('abCDef')).toBe(true); // not offered as a value that breaks it
  });

  it.each(['^(C\\d{8}$', '[a-', '(?i)(', '*abc', '(?i)[z-a]', '^\\p{L+$', 'a)b'])('%s is invalid in every dialect', (p) => {
    const r = readPattern(p);
    expect(r.kind, p).toBe('invalid');
    if (r.kind === 'invalid') expect(r.why.length).toBeGreaterThan(3);
  });

  it('fast-check generates values from the translations (what the form answerer fills in)', () => {
    for (const p of ['(?i)^[a-z]{3,8}$', '(?i)^c\\d{8}$', '\\A\\d{4}\\Z', '^[[:alpha:]]{2,5}$', '^\\d++$']) {
      const r = readPattern(p);
      if (r.kind === 'invalid') throw new Error(p);
      for (const v of fc.sample(fc.stringMatching(r.regex), { seed: 3, numRuns: 20 })) expect(r.regex.test(v), `${p}: ${JSON.stringify(v)}`).toBe(true);
    }
  });
});
