import { describe, expect, it } from 'vitest';
import { bytes, cut, duration, escapeHtml, html, join, pretty, raw } from './escape.js';

describe('escapeHtml()', () => {
  it('escapes everything that could open a tag or leave a quoted attribute', () => {
    expect(escapeHtml(`</pre><img src=x onerror="a('b')">&`)).toBe('&lt;/pre&gt;&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
  });
  it('shows control characters as their control pictures, keeps tabs and newlines', () => {
    expect(escapeHtml('a\u0000b\u001bc\u007f\td\ne')).toBe('a\u2400b\u241bc\u2421\td\ne');
  });
});

describe('html`…`', () => {
  const hostile = `</pre><img src=x onerror="a('b')">&`;
  it('escapes every interpolated text and number, in content and in quoted attributes', () => {
    expect(String(html`<p title="${hostile}">${hostile} ${12}</p>`)).toBe(`<p title="${escapeHtml(hostile)}">${escapeHtml(hostile)} 12</p>`);
    expect(String(html`${'a\u0000b'}`)).toBe('a\u2400b');
  });
  it('takes html`…` and raw() as markup, and a list item by item (each escaped unless markup), nothing between', () => {
    const inner = html`<b>${hostile}</b>`;
    expect(String(html`<div>${inner}${raw('<i>ok</i>')}</div>`)).toBe(`<div><b>${escapeHtml(hostile)}</b><i>ok</i></div>`);
    expect(String(html`<ul>${['<x>', html`<li>${'<y>'}</li>`, [1, raw('<br>')]]}</ul>`)).toBe('<ul>&lt;x&gt;<li>&lt;y&gt;</li>1<br></ul>');
    expect(String(join([html`<a>1</a>`, '<2>'], ', '))).toBe('<a>1</a>, &lt;2&gt;');
  });
  it('never takes anything else for markup: an object that merely looks like one is text, escaped', () => {
    const forged = { markup: '<script>x</script>', toString: () => '<script>x</script>' };
    // @ts-expect-error: only html`…` and raw() make markup, the types say so too
    expect(String(html`${forged}`)).toBe('&lt;script&gt;x&lt;/script&gt;');
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
