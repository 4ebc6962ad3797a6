import { describe, expect, it } from 'vitest';
import type { Exchange, TransportErrorKind } from './exchange.js';
import { BROKEN_THRESHOLD, Liveness, NEVER_WHOLE_THRESHOLD } from './liveness.js';

let seq = 0;
const ex = (outcome: number | TransportErrorKind): Exchange => ({
  seq: ++seq,
  label: 'startSession',
  request: { method: 'POST', url: 'http://127.0.0.1:9/hooks/startSession', headers: {}, body: '{}' },
  ...(typeof outcome === 'number'
    ? { response: { status: outcome, headers: {}, body: '', bytes: 0, truncated: false } }
    : { error: { kind: outcome, message: `${outcome} happened` } }),
  timing: { startedAt: '2026-01-01T00:00:00.000Z', totalMs: 1 },
});

describe('Liveness', () => {
  it('suspects an endpoint after three exchanges in a row with no reply at all', () => {
    const l = new Liveness();
    expect([ex(200), ex('timeout'), ex('reset')].map((e) => l.note(e))).toEqual([undefined, undefined, undefined]);
    expect(l.note(ex('refused'))).toBe('silent');
    expect(l.reason(ex('refused'))).toMatch(/^the endpoint stopped answering after 1 replies: the last 3 requests and a repeat of the first one got no reply \(refused: refused happened\); last request #\d+: POST http:\/\/127\.0\.0\.1:9\/hooks\/startSession$/);
  });

  it('counts any HTTP reply as alive: a 5xx, or a body cut off, resets the count', () => {
    const l = new Liveness();
    l.note(ex('timeout'));
    l.note(ex('timeout'));
    expect(l.note(ex(503))).toBeUndefined();
    expect(l.note(ex('timeout'))).toBeUndefined();
    const cut: Exchange = { ...ex(200), error: { kind: 'too-large', message: 'cut' } };
    expect(l.note(cut)).toBeUndefined();
    expect(l.silent).toBe(0);
  });

  it('ignores aborted exchanges (the run was stopped) and says when nothing ever came back', () => {
    const l = new Liveness();
    expect(l.note(ex('aborted'))).toBeUndefined();
    l.note(ex('timeout'));
    l.note(ex('timeout'));
    expect(l.note(ex('timeout'))).toBe('silent');
    expect(l.reason(ex('timeout'))).toMatch(/^the endpoint answered none of the 3 requests sent, nor a repeat of the first one \(timeout: timeout happened\)/);
  });

  it('suspects an endpoint whose replies all come back broken, across several checks, not one check alone', () => {
    const cut = (): Exchange => ({ ...ex(200), error: { kind: 'timeout', message: 'no complete reply within 5000 ms' } });
    const one = new Liveness();
    one.note(ex(200), 'probe');
    for (let i = 0; i < 3 * BROKEN_THRESHOLD; i++) expect(one.note(cut(), 'MP-ERR-002')).toBeUndefined();
    const l = new Liveness();
    l.note(ex(200), 'probe');
    const seen = Array.from({ length: BROKEN_THRESHOLD }, (_, i) => l.note(cut(), `check-${i % 3}`));
    expect(seen.slice(0, -1).every((s) => s === undefined)).toBe(true);
    expect(seen.at(-1)).toBe('broken');
    expect(l.confirms('broken', cut())).toBe(true);
    expect(l.confirms('broken', ex(200))).toBe(false);
    expect(l.reason(cut(), 'broken')).toMatch(/^the endpoint broke every reply: the last 12 requests \(from 3 checks\) and a repeat of the first one got HTTP 200, then no complete reply \(timeout: no complete reply within 5000 ms\)/);
    // One complete reply in between proves the endpoint can answer.
    l.note(ex(200), 'check-0');
    expect(l.broken).toBe(0);
  });

  it('suspects sooner an endpoint that has never given one complete reply, whichever checks asked', () => {
    const cut = (): Exchange => ({ ...ex(200), error: { kind: 'reset', message: 'the connection was reset' } });
    const l = new Liveness();
    const seen = Array.from({ length: NEVER_WHOLE_THRESHOLD }, () => l.note(cut(), 'MP-TIM-001'));
    expect(seen).toEqual([...Array(NEVER_WHOLE_THRESHOLD - 1).fill(undefined), 'broken']);
    expect(l.reason(cut(), 'broken')).toMatch(/^the endpoint broke every reply: no reply of the run came whole: the last 6 requests and a repeat/);
  });
});
