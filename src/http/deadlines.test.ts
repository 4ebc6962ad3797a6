import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Deadlines, type Timed } from './deadlines.js';

const timed = (expired: string[], name: string): Timed & { name: string } => ({ name, deadline: 0, expire: () => expired.push(name) });

describe('Deadlines', () => {
  beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => void vi.useRealTimers());

  it('expires each item once its budget passed, oldest first, and not those removed', () => {
    const expired: string[] = [];
    const d = new Deadlines();
    const a = timed(expired, 'a');
    const b = timed(expired, 'b');
    const c = timed(expired, 'c');
    d.add(a, 100);
    vi.advanceTimersByTime(10);
    d.add(b, 100);
    d.add(c, 50);
    d.remove(b);
    vi.advanceTimersByTime(49);
    expect(expired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(expired).toEqual(['c']);
    vi.advanceTimersByTime(40);
    expect(expired).toEqual(['c', 'a']);
    vi.advanceTimersByTime(1000);
    expect(expired).toEqual(['c', 'a']);
    expect([...d.items()]).toEqual([]);
  });

  it('expires the next item of a budget when the oldest finished first (one timer, re-armed)', () => {
    const expired: string[] = [];
    const d = new Deadlines();
    const a = timed(expired, 'a');
    const b = timed(expired, 'b');
    d.add(a, 100);
    vi.advanceTimersByTime(30);
    d.add(b, 100);
    d.remove(a);
    vi.advanceTimersByTime(99);
    expect(expired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(expired).toEqual(['b']);
  });

  it('keeps no timer referenced once nothing waits (the process may exit)', () => {
    const d = new Deadlines();
    const a = timed([], 'a');
    d.add(a, 5000);
    d.remove(a);
    const again = timed([], 'again');
    d.add(again, 5000);
    expect([...d.items()]).toEqual([again]);
    d.remove(again);
    expect([...d.items()]).toEqual([]);
  });
});
