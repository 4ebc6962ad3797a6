import { describe, expect, it } from 'vitest';
import { schedule, stages, type Schedulable } from './schedule.js';

type Item = Schedulable & { id: string };
const item = (id: string, extra: Schedulable = {}): Item => ({ id, ...extra });

describe('stages', () => {
  it('runs exclusive checks alone and first in their phase, early before the others, late after all', () => {
    const plan = [item('A'), item('T1', { exclusive: true, order: 'early' }), item('L', { order: 'late' }), item('S', { order: 'early' }), item('B'), item('T2', { exclusive: true, order: 'early' })];
    const got = stages(plan).map((s) => ({ alone: s.alone, ids: s.items.map((x) => x.item.id) }));
    expect(got).toEqual([
      { alone: true, ids: ['T1'] },
      { alone: true, ids: ['T2'] },
      { alone: false, ids: ['S', 'A', 'B'] },
      { alone: false, ids: ['L'] },
    ]);
    // Each entry keeps its index in the plan, where its result goes.
    expect(stages(plan)[2].items.map((x) => x.index)).toEqual([3, 0, 4]);
  });
});

describe('stages', () => {
  it('runs the `first` checks before every other, each alone, even when not marked exclusive', () => {
    const plan = [item('A'), item('T1', { exclusive: true, order: 'early' }), item('F', { order: 'first' }), item('G', { exclusive: true, order: 'first' })];
    expect(stages(plan).map((s) => ({ alone: s.alone, ids: s.items.map((x) => x.item.id) }))).toEqual([
      { alone: true, ids: ['F'] },
      { alone: true, ids: ['G'] },
      { alone: true, ids: ['T1'] },
      { alone: false, ids: ['A'] },
    ]);
  });
});

describe('stages', () => {
  it('starts the long checks of a phase first, then the others in plan order', () => {
    const plan = [item('A'), item('R', { long: true }), item('S', { order: 'early' }), item('B'), item('Q', { long: true, order: 'early' }), item('L', { long: true, order: 'late' }), item('M', { order: 'late' })];
    expect(stages(plan).map((s) => s.items.map((x) => x.item.id))).toEqual([['Q', 'S', 'R', 'A', 'B'], ['L', 'M']]);
  });
});

describe('schedule', () => {
  it('keeps at most `width` checks in flight, an exclusive one with nothing beside it, late ones after every other', async () => {
    const plan = [item('A'), item('B'), item('C'), item('X', { exclusive: true }), item('D'), item('L', { order: 'late' })];
    let inFlight = 0;
    let most = 0;
    const log: string[] = [];
    await schedule(plan, 2, async (x) => {
      inFlight++;
      most = Math.max(most, inFlight);
      log.push(`start ${x.id} with ${inFlight}`);
      await new Promise((r) => setTimeout(r, x.id === 'A' ? 20 : 5));
      log.push(`end ${x.id}`);
      inFlight--;
    }, () => false);
    expect(most).toBe(2);
    expect(log[0]).toBe('start X with 1');
    expect(log[1]).toBe('end X');
    expect(log.indexOf('start L with 1')).toBeGreaterThan(Math.max(...['A', 'B', 'C', 'D'].map((id) => log.indexOf(`end ${id}`))));
  });

  it('with a width of 1 runs one check at a time in stage order; starts nothing once stopped', async () => {
    const seen: string[] = [];
    let stopped = false;
    await schedule([item('A'), item('B'), item('C')], 1, async (x) => {
      seen.push(x.id);
      if (x.id === 'B') stopped = true;
    }, () => stopped);
    expect(seen).toEqual(['A', 'B']);
  });
});
