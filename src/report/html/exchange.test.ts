import { describe, expect, it } from 'vitest';
import { exchange, HOSTILE } from '../../../test/fixtures/report-results.js';
import { exchangeBlock, exchangeLine, headersTable } from './exchange.js';

describe('exchanges in the report', () => {
  it('marks volatile headers (dates, ids, signatures) without hiding them', () => {
    const out = String(headersTable({ date: 'Sat, 21 Nov 2026', 'x-mplus-signature': 'c2ln', 'content-type': 'application/json' }));
    expect(out).toContain('<th>date</th><td>Sat, 21 Nov 2026 <a class="tag volatile" href="#about-volatile"');
    expect(out).toContain('<th>x-mplus-signature</th><td>c2ln <a class="tag volatile" href="#about-volatile"');
    expect(out).toContain('<th>content-type</th><td>application/json</td>');
  });

  it('never writes the value of a credential header', () => {
    const out = String(headersTable({ 'Set-Cookie': 'session=abc123', authorization: 'Bearer tok-123' }));
    expect(out).not.toMatch(/abc123|tok-123/);
    expect(out.match(/\[redacted: credential\]/g)).toHaveLength(2);
  });

  it('escapes header names and values, bodies and the URL', () => {
    const ex = exchange(3, { body: JSON.stringify({ message: [{ message: HOSTILE }] }), headers: { 'x-debug-note': HOSTILE } });
    const out = String(exchangeBlock(ex, { anchor: 'ex-3' }));
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(out).toContain('id="ex-3"');
  });

  it('pretty-prints JSON bodies for reading and says when a reply was cut at the size cap', () => {
    const ex = exchange(4, { body: '{"version":"1.0"}' });
    ex.response!.truncated = true;
    const out = String(exchangeBlock(ex));
    expect(out).toContain('<pre class="body json">{\n  &quot;version&quot;: &quot;1.0&quot;\n}</pre>');
    expect(out).toContain('the body was cut at the size cap');
  });

  it('says how much of a body too long to keep whole the record left out, and says nothing of a body kept whole', () => {
    const ex = exchange(5, { body: '['.repeat(2048) });
    ex.response!.bytes = 200_012;
    ex.response!.recordedBytes = 2048;
    expect(String(exchangeBlock(ex))).toContain('… 198.0 kB more, not kept: the record keeps the first 2.0 kB of a body this long (the reply was judged on all its bytes)');
    expect(String(exchangeBlock(exchange(6, { body: '{"version":"1.0"}' })))).not.toContain('not kept');
  });

  it('sums an exchange up in one line: seq, event, status, time, size', () => {
    expect(String(exchangeLine(exchange(12, { status: 500, body: 'oops', totalMs: 40 })))).toBe(
      '<span class="seq">#12</span> <span class="label">startSession</span> → <span class="http s5xx">500 Internal Server Error</span> <span class="muted">· 40 ms · 4 B</span>',
    );
    const lost = { ...exchange(13), response: undefined, error: { kind: 'timeout' as const, message: 'no reply within 3000 ms' } };
    expect(String(exchangeLine(lost))).toContain('<span class="http none">no reply</span> <span class="xerr">timeout</span>');
    expect(String(exchangeBlock(lost))).toContain('<b>timeout</b>: no reply within 3000 ms');
  });
});
