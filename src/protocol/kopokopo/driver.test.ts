import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../runner/subscription.js';
import { resolveRun } from '../../config/load.js';
import { kopokopoDriver, kopokopoEvents } from './driver.js';

describe('the kopokopo driver', () => {
  it('gives every topic blocking: false, polling: false (meaningless for Kopo Kopo) and the catalogue budget', () => {
    for (const name of kopokopoEvents.names()) expect(kopokopoEvents.defaults(name)).toEqual({ blocking: false, polling: false, budgetMs: 5000, triggers: [] });
  });

  it('reads budgets from the subscription first, then from the catalogue', () => {
    const sub = { events: [{ name: 'customer_created', blocking: false, polling: false, budgetMs: 1200, triggers: [] }] } as unknown as Subscription;
    expect(kopokopoDriver.budgetOf(sub, 'customer_created')).toBe(1200);
    expect(kopokopoDriver.budgetOf(sub, 'callback_polling')).toBe(5000);
    expect(kopokopoDriver.budgetOf(sub, 'no_such_label')).toBe(0);
  });

  it('resolves a kopokopo run: every topic by default, the API key used as text whatever its form', () => {
    const { sub } = resolveRun(
      { profile: 'kopokopo', url: 'https://merchant.example/k2', secret: 'not base64 at all!' },
      () => kopokopoEvents,
      {},
    );
    expect(sub.events.map((e) => e.name)).toEqual(kopokopoEvents.names());
    expect(sub.secretEncoding).toBe('utf8');
  });
});
