import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HOSTILE, sampleResults } from '../../../test/fixtures/report-results.js';
import { htmlReporter } from '../html.js';
import { contentSecurityPolicy } from './page.js';

const page = htmlReporter.render(sampleResults());
const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The tags the report is built from: anything else in the page would have come from the endpoint. */
const ALLOWED = new Set(
  'html head meta title link style body header section nav main footer div span p a b i h1 h2 h4 h5 dl dt dd ul ol li code pre details summary table thead tbody tr th td blockquote cite time mark button input label select option svg rect line path g text title script'.split(' '),
);

describe('index.html', () => {
  it('names the exact sha256 of its one inline script and its one style in a strict CSP', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)![1];
    expect(csp).toBe(contentSecurityPolicy());
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    expect(csp).toContain(`script-src ${sha(scripts[0])}`);
    expect(csp).toContain(`style-src ${sha(styles[0])}`);
    expect(csp).toMatch(/^default-src 'none';/);
    expect(csp).not.toContain('unsafe');
  });

  it('builds every element from its own tags, with no event handler, style attribute or outside URL but links to the vendor documents', () => {
    const body = page.replace(/<script>[\s\S]*?<\/script>/, '<script></script>').replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
    const tags = [...body.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)];
    expect(tags.length).toBeGreaterThan(100);
    for (const [tag, name, attrs] of tags) {
      expect(ALLOWED.has(name.toLowerCase()), tag).toBe(true);
      expect(attrs, tag).not.toMatch(/\s(on\w+|style|src|srcset|action|formaction)\s*=/i);
      // Links (never loads) to the spec's pages at the vendors, from hookcert's own table (src/report/spec-links.ts).
      for (const href of attrs.matchAll(/href="([^"]*)"/g)) expect(href[1], tag).toMatch(/^(#|data:image\/svg\+xml,|https:\/\/developers\.(mpluskassa\.nl|kopokopo\.com)\/)/);
    }
    // Every "<" that is not one of those tags was escaped: the hostile text shows, never parses.
    expect(body.split('<').length - 1).toBe(tags.length + (body.match(/<!doctype/g)?.length ?? 0));
    expect(page).not.toContain(HOSTILE);
    expect(page).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;');
  });

  it('leads with the verdict and what was tested', () => {
    expect(page).toMatch(/<h1 class="verdict">Not conformant<\/h1>/);
    for (const text of ['http://127.0.0.1:9/webhooks', 'sha256:aaaa', 'sha256:bbbb', 'npx hookcert run --url http://127.0.0.1:9/webhooks --seed 7', '2026-11-21 11:53:27 UTC', 'hookcert 0.1.0'])
      expect(page).toContain(text);
    expect(page).toContain('<a href="#MP-DLG-001">MP-DLG-001</a>');
    expect(page).toMatch(/<span class="tag">polling<\/span>/);
  });

  it('opens failed checks and leaves the others closed, so it reads without JavaScript', () => {
    const open = [...page.matchAll(/<details class="check [^"]*" id="([^"]+)"[^>]*?( open)?>/g)].map((m) => [m[1], Boolean(m[2])]);
    expect(open).toEqual([
      // Failures first, under "What failed"; then the areas, each listing a failed check as a link up.
      ['MP-DLG-001', true],
      ['MP-SIG-007', true],
      ['MP-SIG-001', false],
      ['MP-SHP-007', false],
      ['MP-POL-001', false],
    ]);
  });

  it('says why a run is incomplete, and what a conformant run passed with', () => {
    const incomplete = { ...sampleResults(), verdict: 'incomplete' as const, incompleteReason: 'cannot reach http://127.0.0.1:1/x: connection refused' };
    incomplete.summary = { ...incomplete.summary, total: 9 };
    expect(htmlReporter.render(incomplete)).toMatch(/<h1 class="verdict">Incomplete<\/h1><p class="because">cannot reach http:\/\/127\.0\.0\.1:1\/x: connection refused · 4 of 9 checks were not run/);
    const r = sampleResults();
    const ok = { ...r, verdict: 'conformant' as const, checks: r.checks.filter((c) => c.status === 'pass' || c.status === 'warn') };
    expect(htmlReporter.render(ok)).toContain('<h1 class="verdict">Conformant</h1><p class="because">every check that decides the verdict passed, with 1 warning: <a href="#MP-SHP-007">MP-SHP-007</a>');
  });

  it('says what the baseline knows, as the console does, and tags each check with its place in it', () => {
    const r = sampleResults();
    const state = { 'MP-DLG-001': 'known', 'MP-SIG-007': 'new', 'MP-SIG-001': 'fixed' } as const;
    const withBaseline = {
      ...r,
      baseline: { source: 'b.txt', known: ['MP-DLG-001'], new: ['MP-SIG-007'], fixed: ['MP-SIG-001'] },
      checks: r.checks.map((c) => (c.id in state ? { ...c, baseline: state[c.id as keyof typeof state] } : c)),
    };
    expect(r.checks.filter((c) => c.id in state)).toHaveLength(3);
    const out = htmlReporter.render(withBaseline);
    expect(out).toContain(
      '<p class="baseline">Baseline <code>b.txt</code>: 1 known, 1 new, 1 fixed · known failures (the gate ignores them, the verdict does not): <a href="#MP-DLG-001">MP-DLG-001</a> · new failures: <a href="#MP-SIG-007">MP-SIG-007</a> · fixed (remove them from the baseline): <a href="#MP-SIG-001">MP-SIG-001</a></p>',
    );
    for (const tag of ['known failure (baseline)', 'new (not in the baseline)', 'fixed: remove it from the baseline']) expect(out).toContain(`<span class="tag">${tag}</span>`);
    expect(page).not.toContain('class="baseline"'); // no baseline, no line
  });

  it("shows the hash of the integrator's event types beside the schemas' when the run had them", () => {
    const typed = { ...sampleResults(), hashes: { ...sampleResults().hashes, eventTypes: 'sha256:abc' } };
    expect(htmlReporter.render(typed)).toContain('<dt>event types</dt><dd><code class="hash">sha256:abc</code></dd>');
    expect(page).not.toContain('<dt>event types</dt>');
  });
});
