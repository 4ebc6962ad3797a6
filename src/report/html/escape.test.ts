import { describe, expect, it } from 'vitest';
import { bytes, cut, duration, html, pretty } from './escape.js';

describe('html()', () => {
  it('escapes everything that could open a tag or leave a quoted attribute', () => {
    expect(html(`</pre><img src=x onerror="a('b')">&`)).toBe('&lt;/pre&gt;&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
  });
  it('shows control characters as their control pictures, keeps tabs and newlines', () => {
    expect(html('a\u0000b\u001bc\u007f\td\ne')).toBe('a\u2400b\u241bc\u2421\td\ne');
  });
});

describe('text helpers', () => {
  it('pretty-prints JSON bodies and leaves other text alone', () => {
    expect(pretty('{"a":[1]}')).toEqual({ text: '{\n  "a": [\n    1\n  ]\n}', json: true });
    expect(pretty('<html>')).toEqual({ text: '<html>', json: false });
    expect(pretty('')).toEqual({ text: '', json: false });
  });
  it('cuts long text and says how much was left out', () => {
    expect(cut('abcdef', 4)).toBe('abcd\n… 2 more characters (the whole text is in results.json)');
    expect(cut('abc', 4)).toBe('abc');
  });
  it('writes durations and sizes for people', () => {
    expect([0.44, 12.4, 3200, 60_000, 125_000].map(duration)).toEqual(['0.4 ms', '12 ms', '3.2 s', '60 s', '2 min 5 s']);
    expect([512, 3400, 1_200_000].map(bytes)).toEqual(['512 B', '3.4 kB', '1.2 MB']);
  });
});
