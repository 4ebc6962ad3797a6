import { describe, expect, it } from 'vitest';
import { HOSTILE, sampleResults } from '../../test/fixtures/report-results.js';
import type { Coverage } from '../runner/coverage.js';
import type { RunResults } from '../runner/results.js';
import { ConsoleReporter } from './console.js';
import { htmlReporter } from './html.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';

const coverage: Coverage = {
  exploration: { requests: 84, durationMs: 640, limits: { requests: 240, ms: 30_000 }, ended: 'complete', tried: { catalogue: 3, vocabulary: 20, generated: 40, steered: 21 } },
  flows: [
    { flow: 'dialog', title: 'a reply carried a dialog', reached: true, count: 12, events: ['addSessionLine'], by: { source: 'exploration', event: 'addSessionLine', seq: 31, replay: 'npx hookcert run --seed 7 --check MP-DLG-001' }, checks: ['MP-DLG-001'] },
    { flow: 'form', title: 'a reply carried a form', reached: false, count: 0, events: [], checks: ['MP-FRM-001'], hint: `list what opens your forms under \`catalogue\` ${HOSTILE}` },
  ],
  events: [{ event: 'addSessionLine', requests: 40, replies: 40, nonEmpty: 12, objects: { dialog: 12 }, by: { source: 'exploration', event: 'addSessionLine', seq: 3, replay: 'r' } }],
  unexercised: [{ id: 'MP-FRM-001', level: 'MUST', area: 'form', reason: 'not exercised: no reply carried a form' }],
  notCertified: ['forms'],
  notes: ['no polling on addSessionLine; set `polling: true` for the event to certify it'],
};
const results = (): RunResults => ({ ...sampleResults(), verdict: 'conformant', gate: { passed: true, level: 'must', reason: 'no failures, no baseline' }, coverage });

describe('the coverage table, in every output', () => {
  it('console: the flows, the events, what was not exercised, and the verdict line says what is not certified', () => {
    let text = '';
    new ConsoleReporter({ write: (t) => void (text += t), progress: false, color: false, secrets: [] }).finish(results());
    expect(text).toMatch(/exploration: 84 requests in 0\.6 s/);
    expect(text).toMatch(/✓ dialog +12× on addSessionLine; first: exploration, addSessionLine #31/);
    expect(text).toMatch(/- form +not reached: list what opens your forms/);
    expect(text).toMatch(/note: no polling on addSessionLine/);
    expect(text).toMatch(/verdict: conformant; not certified for: forms · gate: passed \(no failures, no baseline\) \(seed 7\)/);
    // The per-event figures and a line per check not exercised only with --verbose: the skips have one line of their own.
    expect(text).not.toMatch(/addSessionLine 40\/12|not exercised: MP-FRM-001/);
    let verbose = '';
    new ConsoleReporter({ write: (t) => void (verbose += t), progress: false, color: false, secrets: [], verbose: true }).finish(results());
    expect(verbose).toMatch(/addSessionLine 40\/12/);
  });

  it('summary.md: the heading, a flow table with replay commands, per event, not exercised', () => {
    const md = markdownReporter.render(results());
    expect(md).toMatch(/^## hookcert mplus: ✅ conformant; not certified for: forms/);
    expect(md).toMatch(/\| ✅ \| \*\*dialog\*\* .*replay: `npx hookcert run --seed 7 --check MP-DLG-001`/);
    expect(md).toMatch(/\| ⏭️ \| \*\*form\*\*/);
    expect(md).toMatch(/\| addSessionLine \| 40 \| 40 \| 12 \| dialog 12 \|/);
    expect(md).toMatch(/- \*\*MP-FRM-001\*\* \(MUST\): not exercised/);
    expect(md).not.toContain('<script>');
  });

  it('junit.xml: properties a CI can read, and the table as the suite output', () => {
    const xml = junitReporter.render(results());
    expect(xml).toContain('<property name="coverage.notCertified" value="forms"/>');
    expect(xml).toContain('<property name="coverage.flowsNotReached" value="form"/>');
    expect(xml).toMatch(/<system-out>verdict: conformant; not certified for: forms · gate: passed \(no failures, no baseline\)\ncoverage:\n.*✓ dialog/s);
    expect(xml).not.toContain('<script>');
  });

  it('index.html: the header says what is not certified; a coverage section with every flow and event', () => {
    const page = htmlReporter.render(results());
    expect(page).toMatch(/<header[^]*Not certified for: forms[^]*<\/header>/);
    expect(page).toMatch(/<section class="coverage" id="coverage">[^]*<b>dialog<\/b>[^]*✓ reached[^]*<b>form<\/b>[^]*not reached/);
    expect(page).toMatch(/<code>addSessionLine<\/code><\/td><td class="num">40<\/td>/);
    expect(page).not.toContain(HOSTILE);
  });

  it('a profile without flows (one delivery per event) gets its events, never an empty flow table or heading', () => {
    const { exploration: _none, ...rest } = coverage;
    const flat: RunResults = { ...results(), coverage: { ...rest, flows: [], unexercised: [], notCertified: [], notes: [] } };
    let text = '';
    new ConsoleReporter({ write: (t) => void (text += t), progress: false, color: false, secrets: [] }).finish(flat);
    expect(text).not.toMatch(/coverage:/); // the events are shown only with --verbose: nothing would be under it
    const md = markdownReporter.render(flat);
    expect(md).not.toContain('| | flow |');
    expect(md).toMatch(/### Coverage[^]*\| addSessionLine \| 40 \| 40 \| 12 \|/);
    const page = htmlReporter.render(flat);
    expect(page).not.toContain('<th>flow</th>');
    expect(page).toMatch(/<h2>coverage <span class="area-counts">1 event<\/span><\/h2>[^]*<code>addSessionLine<\/code><\/td><td class="num">40<\/td>/);
    expect(junitReporter.render(flat)).toMatch(/<system-out>verdict: [^\n]* · gate: [^\n]*\ncoverage:\n {2}events \(requests sent \/ replies with a body\):\n {4}addSessionLine 40\/12/);
  });

  it('results from before coverage existed still render', () => {
    const old = sampleResults();
    expect(markdownReporter.render(old)).not.toMatch(/Coverage/);
    expect(htmlReporter.render(old)).not.toMatch(/id="coverage"/);
  });
});
