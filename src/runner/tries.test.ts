import { describe, expect, it } from 'vitest';
import { clearlyLate, forgivenInLoadNote, forgivenNote, forgivenOfLoad, judgeTries, marginMs, owesAnotherTry, type TimedTry } from './tries.js';

const at = (...ms: Array<number | 'none'>): TimedTry[] => ms.map((m) => (m === 'none' ? { missing: true, totalMs: 5000 } : { missing: false, totalMs: m }));
const judge = (tries: TimedTry[], budget = 500) => judgeTries(tries, budget, (x) => x);

describe('a timing check\'s tries against a budget', () => {
  it('the margin is 10 ms, or 2 % of a budget over 500 ms', () => {
    expect(marginMs(50)).toBe(10);
    expect(marginMs(500)).toBe(10);
    expect(marginMs(5000)).toBe(100);
  });

  it('every try in time: nothing over, nothing owed', () => {
    const tries = at(490, 500, 499);
    expect(judge(tries)).toEqual({ over: [] });
    expect(owesAnotherTry(tries, 500)).toBe(false);
  });

  it('one try just over the budget, then one in time: forgiven, and said', () => {
    const tries = at(501, 508, 502);
    expect(owesAnotherTry(tries.slice(0, 2), 500)).toBe(false); // 501 and 508: two over, they count
    const alone = at(499, 508, 497);
    expect(owesAnotherTry(alone.slice(0, 2), 500)).toBe(true);
    expect(judge(alone)).toEqual({ over: [], forgiven: alone[1] });
    expect(forgivenNote('startSession', alone, alone[1], 500, (x) => x)).toMatch(/^startSession: one reply measured 508 ms against its 500 ms budget, the others 499 ms, 497 ms: within the 10 ms .* not judged late/);
  });

  it('a try just over as the last one owes another try, and counts until one comes in time', () => {
    const tries = at(490, 495, 505);
    expect(owesAnotherTry(tries, 500)).toBe(true);
    expect(judge(tries)).toEqual({ over: [tries[2]] });
  });

  it('just over twice counts both: repeated lateness is the endpoint, not hookcert', () => {
    const tries = at(505, 490, 506);
    expect(judge(tries).over).toEqual([tries[0], tries[2]]);
    expect(owesAnotherTry(tries, 500)).toBe(false);
  });

  it('over by more than the margin, or no reply, counts at once and owes nothing', () => {
    for (const late of [at(490, 511, 490), at(490, 'none', 490)]) {
      expect(judge(late).over).toEqual([late[1]]);
      expect(clearlyLate(late[1], 500)).toBe(true);
      expect(owesAnotherTry(late.slice(0, 2), 500)).toBe(false);
    }
  });

  it('in a load, only a lone reply just over its budget is forgiven', () => {
    const of = (tries: TimedTry[]) => forgivenOfLoad(tries, () => 500, (x) => x);
    const lone = at(490, 505, 499, 480);
    expect(of(lone)).toBe(lone[1]);
    expect(forgivenInLoadNote('startSession', lone[1], 500, 4)).toMatch(/^startSession: one of 4 replies sent at once measured 505 ms against its 500 ms budget/);
    expect(of(at(490, 505, 503))).toBeUndefined();
    expect(of(at(490, 520, 480))).toBeUndefined();
    expect(of(at(490, 'none', 480))).toBeUndefined();
    expect(of(at(490, 480))).toBeUndefined();
  });
});
