import { describe, expect, it } from 'vitest';
import { sampleResults } from '../../test/fixtures/report-results.js';
import type { RunResults } from '../runner/results.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';

describe('summary.md, sized for a CI job summary', () => {
  it('points at the HTML report, has no level column, and lists the skipped MUST checks', () => {
    const md = markdownReporter.render(sampleResults());
    expect(md).toContain('The full report (every check with its spec line, the exchanges of each failure, the replay commands) is `index.html` beside this file');
    expect(md).toContain('| | check | what happened |');
    expect(md).not.toMatch(/\| MUST \|/);
    expect(md).toContain('**Skipped MUST checks** (1: the run certifies nothing about them):');
    expect(md).toContain('- **MP-POL-001** no polling event is subscribed');
    expect(md).toContain('Replay the first failure:');
  });

  it('ends a cut text with an ellipsis', () => {
    const r = sampleResults();
    const long: RunResults = { ...r, checks: r.checks.map((c) => (c.status === 'fail' ? { ...c, failure: { ...c.failure!, message: 'x'.repeat(500) } } : c)) };
    expect(markdownReporter.render(long)).toContain(`${'x'.repeat(299)}…`);
  });

  it('with a baseline: the reasons of the known failures, and the first *new* failure to replay', () => {
    const r = sampleResults();
    const withBaseline: RunResults = {
      ...r,
      baseline: { source: 'baseline.txt', known: ['MP-DLG-001'], new: ['MP-SIG-007'], fixed: [] },
      checks: r.checks.map((c) => (c.id === 'MP-DLG-001' ? { ...c, baseline: 'known', baselineReason: 'ticket 42: dialogs next sprint' } : c.id === 'MP-SIG-007' ? { ...c, baseline: 'new' } : c)),
    };
    const md = markdownReporter.render(withBaseline);
    expect(md).toContain('known failures (the gate ignores them, the verdict does not): MP-DLG-001 (ticket 42: dialogs next sprint)');
    expect(md).toContain('Replay the first *new* failure:');
    expect(md).toContain(r.checks.find((c) => c.id === 'MP-SIG-007')!.replay);
  });
});

describe('junit.xml', () => {
  it('escapes a quoted body once: XML, never JSON inside XML', () => {
    const r = sampleResults();
    const body = '{"error":{"code":"INVALID_DATA","message":"a <b>"}}';
    const one: RunResults = { ...r, checks: r.checks.map((c) => (c.status === 'fail' ? { ...c, failure: { ...c.failure!, received: `HTTP 400 ${JSON.stringify(body)}` } } : c)) };
    const xml = junitReporter.render(one);
    expect(xml).toContain('received: HTTP 400 {&quot;error&quot;:{&quot;code&quot;:&quot;INVALID_DATA&quot;,&quot;message&quot;:&quot;a &lt;b&gt;&quot;}}');
    expect(xml).not.toContain('\\&quot;');
  });
});
