import { describe, expect, it } from 'vitest';
import { InFlightGate } from './gate.js';

describe('InFlightGate', () => {
  it('lets `width` through, queues the rest first come first served, and hands a freed slot to the next', async () => {
    const gate = new InFlightGate(2);
    const order: number[] = [];
    const holds = await Promise.all([gate.acquire(0), gate.acquire(0)]);
    const later = [3, 4].map((n) => gate.acquire(0).then((release) => (order.push(n), release)));
    expect([gate.inFlight, gate.queued]).toEqual([2, 2]);
    holds[0]();
    holds[0](); // a second release of the same slot changes nothing
    const third = await later[0];
    expect([gate.inFlight, gate.queued, order]).toEqual([2, 1, [3]]);
    holds[1]();
    (await later[1])();
    third();
    expect([gate.inFlight, gate.queued, order]).toEqual([0, 0, [3, 4]]);
  });

  it('gives up waiting when the signal aborts, and the slot is never taken', async () => {
    const gate = new InFlightGate(1);
    const held = await gate.acquire(0);
    const controller = new AbortController();
    const waiting = gate.acquire(0, controller.signal);
    controller.abort('the check ended');
    await expect(waiting).rejects.toBe('the check ended');
    expect(gate.queued).toBe(0);
    held();
    expect(gate.inFlight).toBe(0);
    await expect(gate.acquire(0, controller.signal)).rejects.toBe('the check ended');
  });

  it('serves the waiters of a lower priority first, and first come first served among equals', async () => {
    const gate = new InFlightGate(1);
    const held = await gate.acquire(0);
    const order: string[] = [];
    const waiters = [
      ['late check', 5],
      ['long check', 1],
      ['later late check', 5],
      ['stage', -1],
      ['other long check', 1],
    ].map(([name, priority]) => gate.acquire(priority as number).then((release) => (order.push(name as string), release())));
    held();
    await Promise.all(waiters);
    expect(order).toEqual(['stage', 'long check', 'other long check', 'late check', 'later late check']);
  });
});
