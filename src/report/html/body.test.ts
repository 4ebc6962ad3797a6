import { describe, expect, it } from 'vitest';
import { receivedParts, receivedText } from '../received.js';
import { vendorPages } from '../spec-links.js';
import { jsonHtml, pointersIn, textWithCodePoints } from './body.js';
import { bodyBlock, headersTable } from './exchange.js';

describe('bodies as a reader needs them', () => {
  it('shows invisible characters by their code point, astral ones with it, and escapes the rest', () => {
    expect(String(textWithCodePoints('plain <b>'))).toBe('plain &lt;b&gt;');
    expect(String(textWithCodePoints('a\u200Bb'))).toBe('a<span class="cp" title="a character that does not show">U+200B</span>b');
    expect(String(textWithCodePoints('x😀'))).toBe('x😀<span class="cp">U+1F600</span>');
    expect(String(textWithCodePoints('\uD800'))).toContain('U+D800'); // a lone surrogate
    expect(String(textWithCodePoints('tab\there\nnew'))).toBe('tab\there\nnew');
  });

  it("finds ajv's instancePaths in a failure message", () => {
    expect(pointersIn('the reply does not match the reply schema: /dialog/dialogOptions/0/optionId must be integer; (root) must have required property x')).toEqual(['/dialog/dialogOptions/0/optionId', '']);
    expect(pointersIn('no schema words here')).toEqual([]);
  });

  it('pretty-prints JSON as JSON.stringify does, marking the named node', () => {
    const value = { dialog: { dialogOptions: [{ optionId: 'one', text: 'a😀' }] }, n: 1, ok: true, none: null };
    const out = String(jsonHtml(value, new Set(['/dialog/dialogOptions/0/optionId'])));
    const text = out.replace(/<span class="cp">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, '').replace(/&quot;/g, '"');
    expect(text).toBe(JSON.stringify(value, null, 2));
    expect(out).toMatch(/<mark title="\/dialog\/dialogOptions\/0\/optionId: what the failure names"><span class="s">&quot;one&quot;<\/span><\/mark>/);
    expect(out).toContain('U+1F600');
  });

  it('a body with nothing special stays plain text for the page script to colour; one with marks or code points is rendered here', () => {
    expect(String(bodyBlock('{"a":1}'))).toBe('<pre class="body json">{\n  &quot;a&quot;: 1\n}</pre>');
    expect(String(bodyBlock('{"a":"\u200B"}'))).toContain('data-hl="1"');
    expect(String(bodyBlock('{"a":12345678901234567890}', '', new Set(['/a'])))).not.toContain('<mark'); // digits JSON.parse would lose: as it came
    expect(String(headersTable({ 'X-Mplus-Signature': 'abc', Date: 'now' }, new Set(['x-mplus-signature'])))).toContain('<tr class="marked"><th>X-Mplus-Signature</th><td><mark');
    expect(String(headersTable({ Date: 'now' }))).toContain('href="#about-volatile"');
  });
});

describe('received texts and spec links', () => {
  it('takes the bodies a received text quotes out of their JSON string literal, unescaped once', () => {
    const received = 'HTTP 400 "{\\"error\\":{\\"code\\":\\"INVALID_SIGNATURE\\"}}"';
    expect(receivedParts(received)).toEqual([{ text: 'HTTP 400 ' }, { body: '{"error":{"code":"INVALID_SIGNATURE"}}' }]);
    expect(receivedText(received)).toBe('HTTP 400 {"error":{"code":"INVALID_SIGNATURE"}}');
    expect(receivedText('HTTP 500 "<html>oops</html>"')).toBe('HTTP 500 <html>oops</html>'); // whatever follows the status is the body
    expect(receivedText('the dialog "ok" was refused')).toBe('the dialog "ok" was refused'); // a quoted word elsewhere is not
  });

  it("links a check's spec reference to the vendor's public page", () => {
    expect(vendorPages('spec/seeds/002 (JSON reference)')).toEqual([{ title: 'MplusKASSA: JSON definitions', url: 'https://developers.mpluskassa.nl/webhooks/json-definitions' }]);
    expect(vendorPages('spec/README.md#signature-verified-test-vector').map((p) => p.url)).toEqual(['https://developers.mpluskassa.nl/webhooks/technical-details']);
    expect(vendorPages('spec/seeds/001 (Cash Machine Payment); seed 002 (externalPayment)').length).toBe(2);
    expect(vendorPages('spec/README.md#kopo-kopo-facts-beyond-the-seed')[0].url).toBe('https://developers.kopokopo.com/guides/webhooks');
  });
});
