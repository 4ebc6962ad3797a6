import { describe, expect, it } from 'vitest';
import { toEcmaScript } from './regex-dialect.js';

describe('a form regex in the dialects integrators write', () => {
  it('keeps a JavaScript pattern as it is', () => {
    expect(toEcmaScript('^C\\d{8}$')).toEqual({ source: '^C\\d{8}$', flags: '', rewritten: [] });
  });

  it.each([
    ['(?i)^c\\d{8}$', '^c\\d{8}$', 'i', 'C12345678'],
    ['\\A[[:digit:]]{4}\\z', '^[0-9]{4}$', '', '1234'],
    ['^(?P<year>\\d{4})-(?P=year)$', '^(?<year>\\d{4})-\\k<year>$', '', '2024-2024'],
    ['^(?>ab|a)c$', '^(?:ab|a)c$', '', 'abc'],
    ['^\\d++$', '^\\d+$', '', '42'],
    ['(?is)^a.b$', '^a.b$', 'is', 'A\nB'],
  ])('%s runs as /%s/%s and accepts %j', (pcre, source, flags, sample) => {
    const p = toEcmaScript(pcre)!;
    expect([p.source, p.flags]).toEqual([source, flags]);
    expect(p.rewritten.length).toBeGreaterThan(0);
    expect(new RegExp(p.source, p.flags).test(sample)).toBe(true);
  });

  it('gives up on a pattern no dialect accepts', () => {
    expect(toEcmaScript('^(unclosed')).toBeUndefined();
    expect(toEcmaScript('[z-a]')).toBeUndefined();
  });
});
