import { describe, expect, it } from 'vitest';
import type { Candidate } from './explore-candidates.js';
import { BATCH, nextBatch } from './explore.js';

/** Candidates of these events in this order, in batches. */
function batchesOf(events: string[], room = Infinity): string[][] {
  const queue = events.map((e): Candidate => ({ event: e, template: {} as Candidate['template'], via: 'generated' }));
  const source = { next: () => queue.shift() };
  const out: string[][] = [];
  for (let b = nextBatch(source, room); b.length > 0; b = nextBatch(source, room)) out.push(b.map((c) => c.event));
  return out;
}

describe('exploration batches', () => {
  it('sends the candidates sixteen at a time, in their order', () => {
    expect(BATCH).toBe(16);
    expect(batchesOf(['a', 'b', 'a', 'c', ...Array<string>(17).fill('d')])).toEqual([['a', 'b', 'a', 'c', ...Array<string>(12).fill('d')], Array<string>(5).fill('d')]);
  });

  it('never puts more in a batch than the requests left', () => {
    expect(batchesOf(['a', 'a', 'a', 'a', 'a'], 2)).toEqual([['a', 'a'], ['a', 'a'], ['a']]);
  });
});
