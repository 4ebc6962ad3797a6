import { describe, expect, it } from 'vitest';
import { sampleResults } from '../../../test/fixtures/report-results.js';
import { flowBlock, stateChanges } from './flow.js';

describe('flows', () => {
  it('names what changed in the POS state between two steps', () => {
    expect(stateChanges({ session: { lines: [{ id: 1 }], total: 10 }, lock: true }, { session: { lines: [{ id: 1 }, { id: 2 }], total: 12 } })).toEqual([
      'session.lines: 1 → 2 items',
      '+ session.lines[1]',
      'session.total: 10 → 12',
      '− lock',
    ]);
    expect(stateChanges({ a: 1 }, { a: 1 })).toEqual([]);
  });

  it('shows each step in order with its note, its exchange and the state after it', () => {
    const flow = sampleResults().checks[1].failure!.flows![0];
    const out = String(flowBlock(flow, (ex) => `ex-${ex.seq}`));
    expect(out.match(/<li>/g)).toHaveLength(2);
    expect(out.indexOf('id="ex-701"')).toBeLessThan(out.indexOf('id="ex-702"'));
    expect(out).toContain('answered the dialog with options [1]');
    expect(out).toContain('POS state after step 2');
    expect(out).toContain('changed: <code>session.lines: 1 → 2 items</code> <code>+ session.lines[1]</code> <code>− dialog</code>');
    expect(out).not.toContain('<script>');
  });
});
