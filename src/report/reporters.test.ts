import { describe, expect, it } from 'vitest';
import type { RunResults } from '../runner/results.js';
import { escapeHtml } from './html.js';
import { junitReporter, xml } from './junit.js';
import { markdownReporter } from './markdown.js';

const results: RunResults = {
  tool: { name: 'hookcert', version: '0.0.0' },
  profile: 'mplus',
  target: { url: 'http://127.0.0.1:1/x' },
  subscription: { subscriptionId: 's', secretEncoding: 'base64', events: [] },
  seed: 1,
  runs: 1,
  level: 'must',
  verdict: 'not-conformant',
  gate: { passed: false, level: 'must', reason: '1 MUST failure, no baseline' },
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 1500,
  replay: 'npx hookcert run --url http://127.0.0.1:1/x --seed 1',
  hashes: { schemas: 'sha256:a', checks: 'sha256:b' },
  summary: { total: 2, pass: 1, fail: 1, warn: 0, skip: 0, error: 0 },
  checks: [
    { id: 'MP-SIG-001', title: 'MUST pass', level: 'MUST', area: 'security', profile: 'mplus', spec: { doc: 'd', quote: 'q' }, status: 'pass', durationMs: 3, warnings: [], exchanges: [], exchangeCount: 0, replay: 'r1' },
    {
      id: 'MP-SIG-002', title: 'MUST fail <b>', level: 'MUST', area: 'security', profile: 'mplus', spec: { doc: 'd', quote: 'q' }, status: 'fail', durationMs: 4, warnings: [],
      failure: { message: 'got <script>alert(1)</script> & \u0001 | pipe', expected: 'x', received: 'y', exchanges: [] }, exchanges: [], exchangeCount: 1, replay: 'npx hookcert run --seed 1 --check MP-SIG-002',
    },
  ],
  stats: { requests: 2, replies: 2, transportErrors: {}, latencyMs: {} },
};

describe('junit.xml', () => {
  it('is one testcase per check; a failure carries its message and replay; text is escaped', () => {
    const out = junitReporter.render(results);
    expect(out.match(/<testcase /g)).toHaveLength(2);
    expect(out).toContain('<failure message="got &lt;script&gt;alert(1)&lt;/script&gt; &amp; \uFFFD | pipe" type="MUST">');
    expect(out).toContain('replay: npx hookcert run --seed 1 --check MP-SIG-002');
    expect(out).not.toContain('<script>');
  });
  it('replaces characters XML cannot carry', () => {
    expect(xml('a\u0000b\uFFFEc')).toBe('a\uFFFDb\uFFFDc');
  });
});

describe('summary.md', () => {
  it('leads with the verdict and escapes endpoint text in table cells', () => {
    const out = markdownReporter.render(results);
    expect(out.split('\n')[0]).toBe('## hookcert mplus: ❌ not conformant · gate ❌ failed');
    expect(out).toContain('**Verdict:** not conformant (1 MUST failure) · **gate:** failed (1 MUST failure, no baseline)');
    expect(out).toContain('\\<script\\>');
    expect(out).toContain('\\| pipe');
    expect(out).toContain('npx hookcert run --seed 1 --check MP-SIG-002');
  });
});

it('escapeHtml() escapes everything that could break out of an element or attribute', () => {
  expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
});
