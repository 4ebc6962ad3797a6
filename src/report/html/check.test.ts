import { describe, expect, it } from 'vitest';
import { sampleResults } from '../../../test/fixtures/report-results.js';
import { checkBlock } from './check.js';

const [pass, fail, warn, skip, error] = sampleResults().checks;

describe('a check in the checklist', () => {
  it('says how many passing exchanges were left out of the report', () => {
    const out = String(checkBlock(pass, new Set()));
    expect(out.match(/<details class="ex"/g)).toHaveLength(12);
    expect(out).toContain('12 exchanges shown of 600 made: 588 passing exchanges were left out');
    expect(out).toContain('data-failed="0"');
  });

  it('shows a failure whole: message, expected, received, counterexample, replay, the flow, then every other exchange once', () => {
    const out = String(checkBlock(fail, new Set()));
    expect(out).toMatch(/^<details class="check st-fail" id="MP-DLG-001" data-area="dialog" data-level="MUST" data-status="fail" data-failed="1" open>/);
    for (const part of ['<dt>expected</dt><dd>a 2xx or a 4xx, never a 5xx</dd>', 'replay: seed <code>42</code> · path <code>3:1</code> · shrunk in 5 steps', 'the smallest failing request, as sent', 'id="replay-MP-DLG-001">npx hookcert run', 'the flows of the failing case'])
      expect(out).toContain(part);
    // 701 and 702 are in the flow; 703 is the rest of the failing case (opened); 650 is the sample.
    const ids = [...out.matchAll(/<details class="ex" id="(ex-\d+)"( open)?/g)].map((m) => `${m[1]}${m[2] ? ' open' : ''}`);
    expect(ids).toEqual(['ex-701', 'ex-702', 'ex-703 open', 'ex-650']);
    expect(out).toContain('4 exchanges shown of 40 made: 36 passing exchanges were left out');
  });

  it('gives an exchange its anchor only once in the page', () => {
    const anchors = new Set<string>();
    expect(String(checkBlock(fail, anchors))).toContain('id="ex-701"'); // the first block takes the anchor
    expect(String(checkBlock(fail, anchors))).not.toContain('id="ex-701"');
  });

  it('says why a check was skipped or could not be judged, and lists warnings', () => {
    expect(String(checkBlock(skip, new Set()))).toContain('<p class="reason">skipped: no polling event is subscribed</p>');
    expect(String(checkBlock(error, new Set()))).toContain('<p class="reason">hookcert could not judge this check: &lt;script&gt;');
    expect(String(checkBlock(warn, new Set()))).toMatch(/<ul class="warnings"><li>the reply carries &lt;script&gt;/);
  });
});
