import { describe, expect, it } from 'vitest';
import type { Candidate } from './explore-candidates.js';
import { BATCH, Batches } from './explore.js';

/** Candidates of these events in this order (`probe:` marks the polling probe). */
function batchesOf(events: string[], room = Infinity): string[][] {
  const queue = events.map((e): Candidate => ({ event: e.replace('probe:', ''), template: {} as Candidate['template'], via: 'generated', ...(e.startsWith('probe:') ? { probe: true } : {}) }));
  const batches = new Batches({ next: () => queue.shift() });
  const out: string[][] = [];
  for (let b = batches.next(room); b.length > 0; b = batches.next(room)) out.push(b.map((c) => (c.probe ? `probe:${c.event}` : c.event)));
  return out;
}

describe('exploration batches', () => {
  it('sends the probe and the first request of each event alone, the others eight at a time, in the candidates order', () => {
    expect(BATCH).toBe(8);
    expect(batchesOf(['probe:a', 'a', 'b', 'a', 'b', 'c', ...Array<string>(9).fill('a')])).toEqual([['probe:a'], ['a'], ['b'], ['a', 'b'], ['c'], Array<string>(8).fill('a'), ['a']]);
  });

  it('never puts more in a batch than the requests left', () => {
    expect(batchesOf(['a', 'a', 'a', 'a', 'a'], 2)).toEqual([['a'], ['a', 'a'], ['a', 'a']]);
  });
});
