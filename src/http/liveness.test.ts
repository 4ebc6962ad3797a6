import { describe, expect, it } from 'vitest';
import type { Exchange, TransportErrorKind } from './exchange.js';
import { Liveness } from './liveness.js';

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
    expect([ex(200), ex('timeout'), ex('reset')].map((e) => l.note(e))).toEqual([false, false, false]);
    expect(l.note(ex('refused'))).toBe(true);
    expect(l.reason(ex('refused'))).toMatch(/^the endpoint stopped answering after 1 replies: the last 3 requests and a repeat of the first one got no reply \(refused: refused happened\); last request #\d+: POST http:\/\/127\.0\.0\.1:9\/hooks\/startSession$/);
  });

  it('counts any HTTP reply as alive: a 5xx, or a body cut off, resets the count', () => {
    const l = new Liveness();
    l.note(ex('timeout'));
    l.note(ex('timeout'));
    expect(l.note(ex(503))).toBe(false);
    expect(l.note(ex('timeout'))).toBe(false);
    const cut: Exchange = { ...ex(200), error: { kind: 'too-large', message: 'cut' } };
    expect(l.note(cut)).toBe(false);
    expect(l.silent).toBe(0);
  });

  it('ignores aborted exchanges (the run was stopped) and says when nothing ever came back', () => {
    const l = new Liveness();
    expect(l.note(ex('aborted'))).toBe(false);
    l.note(ex('timeout'));
    l.note(ex('timeout'));
    expect(l.note(ex('timeout'))).toBe(true);
    expect(l.reason(ex('timeout'))).toMatch(/^the endpoint answered none of the 3 requests sent, nor a repeat of the first one \(timeout: timeout happened\)/);
  });
});
