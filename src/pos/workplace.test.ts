import { describe, expect, it } from 'vitest';
import { timestamp, Workplace } from './workplace.js';

/** What `timestamp` gave before it formatted the minute once: the whole ISO text of a Date, per event. */
const viaDate = (utcMs: number) => `${new Date(utcMs + 3_600_000).toISOString().replace('Z', '')}+01:00`;

describe('timestamp', () => {
  it('is the ISO text of a Date, across seconds, minutes, hours, days and years', () => {
    const starts = [Date.UTC(2026, 0, 5, 8, 0, 0), Date.UTC(2026, 11, 31, 22, 58, 59, 999), Date.UTC(1999, 11, 31, 22, 59, 58, 1), 0, -1_337, Date.UTC(10000, 0, 1) - 60_000];
    for (const start of starts) {
      for (let i = 0; i < 500; i++) {
        const t = start + i * 1_337;
        expect(timestamp(t)).toBe(viaDate(t));
      }
    }
    // Out of order (another workplace's clock in between) and single milliseconds.
    for (const t of [5, 59_999, 60_000, 3_599_999, 7, 1_767_600_000_123, 99, 1_767_600_060_010]) expect(timestamp(t)).toBe(viaDate(t));
  });

  it('moves a workplace’s clock 1.337 s an event', () => {
    const w = new Workplace(20261121, 0);
    let last = Date.parse(w.next().eventTimestamp);
    for (let i = 0; i < 200; i++) {
      const now = Date.parse(w.next().eventTimestamp);
      expect(now - last).toBe(1_337);
      last = now;
    }
  });
});
