import { describe, expect, it } from 'vitest';
import type { Exchange } from '../http/exchange.js';
import { OverBudget } from './over-budget.js';

let seq = 0;
const ex = (label: string, totalMs: number, timeout = false): Exchange => ({
  seq: ++seq,
  label,
  request: { method: 'POST', url: `http://127.0.0.1:9/hooks/${label}`, headers: {}, body: '{}' },
  ...(timeout ? { error: { kind: 'timeout' as const, message: 'no reply' } } : { response: { status: 200, headers: {}, body: '', bytes: 0, truncated: false } }),
  timing: { startedAt: '2026-01-01T00:00:00.000Z', totalMs },
});

describe('OverBudget', () => {
  const facts = () => new OverBudget((label) => (label === 'backgroundPoll' ? 10_000 : 3000));

  it('proves a label slow by two late exchanges in a row made with the endpoint to themselves', () => {
    const f = facts();
    f.note(ex('startSession', 3300), true, 'MP-TIM-001');
    expect(f.proofOf('startSession')).toBeUndefined();
    f.note(ex('startSession', 5000, true), true, 'MP-TIM-001');
    expect(f.proofOf('startSession')?.words).toMatch(/^2 requests in a row, with the endpoint to themselves, ended past its 3000 ms budget, the last got no reply within budget \+ grace \(request #\d+\)$/);
    expect(f.proofOf('scanCode')).toBeUndefined();
  });

  it('takes one reply in time as a hiccup breaker, and nothing from checks running side by side', () => {
    const f = facts();
    f.note(ex('startSession', 3300), true, 'MP-TIM-001');
    f.note(ex('startSession', 200), true, 'MP-TIM-001');
    f.note(ex('startSession', 3300), true, 'MP-TIM-001');
    expect(f.proofOf('startSession')).toBeUndefined();
    // Under the load of checks side by side (or of a busy machine) a late reply proves nothing.
    for (let i = 0; i < 5; i++) f.note(ex('backgroundPoll', 14_000), false, 'MP-ROB-001');
    expect(f.proofOf('backgroundPoll')).toBeUndefined();
  });
});
