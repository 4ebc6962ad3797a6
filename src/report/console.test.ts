import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckDefinition } from '../runner/check.js';
import type { CheckContext } from '../runner/context.js';
import type { CheckResult } from '../runner/types.js';
import { sampleResults } from '../../test/fixtures/report-results.js';
import { block, fit, skipsLine } from './console-text.js';
import { ConsoleReporter, HEARTBEAT_MS } from './console.js';

const def = (id: string) => ({ id }) as CheckDefinition<CheckContext>;
const result = (id: string, status: CheckResult['status'], extra: Partial<CheckResult> = {}): CheckResult =>
  ({ id, title: `MUST do what ${id} says`, level: 'MUST', area: 'security', profile: 'mplus', spec: { doc: 'd', quote: 'q' }, status, durationMs: 1234, warnings: [], exchanges: [], exchangeCount: 0, replay: `npx hookcert run --seed 1 --check ${id}`, ...extra }) as CheckResult;

function reporter(progress: boolean, columns = 80) {
  let text = '';
  const r = new ConsoleReporter({ write: (t) => void (text += t), progress, color: false, secrets: [], columns });
  return { r, out: () => text, reset: () => void (text = '') };
}

describe('console output in CI (no terminal)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('prints one line per finished check: verdict, id, time; what did not pass as an indented block', () => {
    const { r, out } = reporter(false);
    r.planned([def('MP-SIG-001'), def('MP-SIG-002'), def('MP-DLG-001')]);
    r.checkDone(result('MP-SIG-001', 'pass'));
    r.checkDone(result('MP-DLG-001', 'skip', { reason: 'not exercised: no reply carried a dialog' }));
    r.checkDone(result('MP-SIG-002', 'fail', { failure: { message: 'the flow broke:\nstep 1: startSession → 200\nstep 2: scanCode → 500', exchanges: [] } }));
    const lines = out().trimEnd().split('\n');
    expect(lines[0]).toBe('  ✓ pass  MP-SIG-001   1.2 s');
    expect(lines[1]).toBe('  - skip  MP-DLG-001   1.2 s'); // the reason goes into the grouped line at the end
    expect(lines[2]).toBe('  ✗ fail  MP-SIG-002   1.2 s  MUST do what MP-SIG-002 says');
    expect(lines.slice(3)).toEqual(['      the flow broke:', '      step 1: startSession → 200', '      step 2: scanCode → 500', '      replay: npx hookcert run --seed 1 --check MP-SIG-002']);
    for (const l of lines) expect(l.startsWith('  ')).toBe(true); // a flow's lines never at column 0
  });

  it('prints a heartbeat at least every 10 s while nothing else is printed', () => {
    const { r, out, reset } = reporter(false);
    r.planned([def('MP-ROB-001'), def('MP-SIG-001')]);
    r.checkStarted(def('MP-ROB-001'));
    reset();
    vi.advanceTimersByTime(HEARTBEAT_MS + 10);
    expect(out()).toMatch(/^ {2}… 0\/2 checks · \d+(\.\d)? s · running MP-ROB-001 \(/);
    expect(out()).toContain('running MP-ROB-001 (');
    const beats = () => out().split('\n').filter(Boolean).length;
    vi.advanceTimersByTime(5 * HEARTBEAT_MS);
    expect(beats()).toBeGreaterThanOrEqual(6);
    r.finish({ ...sampleResults(), checks: [] });
    const after = beats();
    vi.advanceTimersByTime(3 * HEARTBEAT_MS);
    expect(beats()).toBe(after); // the heartbeat ends with the run
  });

  it('closes with the skips in one line, what did not pass, and the verdict', () => {
    const { r, out } = reporter(false);
    const results = sampleResults();
    r.planned([]);
    r.finish(results, '/tmp/report');
    const text = out();
    const skipped = results.checks.filter((c) => c.status === 'skip');
    if (skipped.length > 0) expect(text.match(/skipped/g)?.length).toBe(1);
    expect(text).toMatch(/verdict: /);
    expect(text).toContain('report: /tmp/report/index.html');
    expect(text).not.toMatch(/\b1 requests\b|\b1 checks\b/);
  });
});

describe('console output on a terminal', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a bar that fits the width, with elapsed time, an estimate and the running fail/warn counts', () => {
    const { r, out, reset } = reporter(true, 80);
    r.planned([def('A'), def('B'), def('C'), def('D')]);
    r.checkStarted(def('A'));
    r.checkDone(result('A', 'fail', { failure: { message: 'x'.repeat(200), exchanges: [] } }));
    r.checkStarted(def('B'));
    vi.advanceTimersByTime(4000);
    r.checkDone(result('B', 'warn', { warnings: ['lenient'] }));
    reset();
    vi.advanceTimersByTime(1000);
    const bar = out().split('\r\x1b[2K').at(-1)!;
    expect(bar).toMatch(/^\[#+\.+\] 2\/4 checks · 1 fail, 1 warn · \d\.\d s · about \d\.\d s left/);
    expect([...bar].length).toBeLessThanOrEqual(79);
    const narrow = reporter(true, 40);
    narrow.r.planned([def('A'), def('B')]);
    narrow.r.checkDone(result('A', 'fail', { failure: { message: 'x', exchanges: [] } }));
    const cut = narrow.out().split('\r\x1b[2K').at(-1)!;
    expect([...cut].length).toBeLessThanOrEqual(39);
    expect(cut).toContain('1 fail');
  });

  it('the closing lines (coverage rows, notes, the verdict) fit the width too, wrapped under a deeper indent', () => {
    const { r, out } = reporter(true, 60);
    r.planned([]);
    const flows = [{ flow: 'dialog', title: 't', reached: false, count: 0, events: [], checks: ['MP-DLG-001'], hint: `list the articles ${'and more words '.repeat(8)}under \`catalogue\`` }];
    r.finish({ ...sampleResults(), coverage: { flows, events: [], unexercised: [], notCertified: [], notes: [`addSessionLine polls when asked ${'x '.repeat(40)}`] } }, `/tmp/${'long-folder-name/'.repeat(4)}report`);
    const lines = out().replace(/\r\x1b\[2K/g, '').trimEnd().split('\n');
    const report = lines.pop()!;
    expect(report).toBe(`report: /tmp/${'long-folder-name/'.repeat(4)}report/index.html`); // whole, so it can be opened
    for (const l of lines) expect([...l].length, l).toBeLessThanOrEqual(60);
    const row = lines.findIndex((l) => l.startsWith('  - dialog'));
    expect(lines[row + 1]).toMatch(/^ {6}\S/); // the rest of the row, 4 deeper than the row
  });

  it('lines of checks that did not pass fit the width; long findings wrap under their indent', () => {
    const { r, out } = reporter(true, 60);
    r.planned([def('A')]);
    r.checkDone(result('A', 'fail', { title: `MUST ${'do a long thing '.repeat(8)}`, failure: { message: 'word '.repeat(40), exchanges: [] } }));
    const lines = out()
      .split(/\r\x1b\[2K|\n/)
      .filter((l) => l && !l.startsWith('['));
    for (const l of lines) expect([...l].length, l).toBeLessThanOrEqual(60);
    expect(lines[0].endsWith('…')).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith('      '))).toBe(true);
  });
});

describe('console text', () => {
  it('fits, wraps and groups', () => {
    expect(fit('abcdef', 4)).toBe('abc…');
    expect(fit('ab😀', 3)).toBe('ab😀');
    expect(block('one\ntwo', '  ')).toEqual(['  one', '  two']);
    expect(block('aaaa bbbb cccc dddd eeee ffff gggg', '  ', 24)).toEqual(['  aaaa bbbb cccc dddd', '  eeee ffff gggg']);
    const skips = [result('MP-DLG-001', 'skip', { reason: 'not exercised: x' }), result('MP-FRM-001', 'skip', { reason: 'not exercised: y' })];
    expect(skipsLine(skips, 'why is in the report')).toBe('2 checks skipped (not exercised): MP-DLG-001, MP-FRM-001; why is in the report');
    expect(skipsLine([result('A', 'pass')], 'x')).toBeUndefined();
  });
});
