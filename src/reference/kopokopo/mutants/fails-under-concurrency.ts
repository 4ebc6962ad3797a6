import { setTimeout as sleep } from 'node:timers/promises';
import { kopokopoMutant } from '../mutant.js';

/** How long booking a payment holds the till's ledger row. */
const HOLD_MS = 20;
/** Payments of one till booked at once; the next one gets a 503. */
const POOL = 4;

export default kopokopoMutant({
  name: 'fails-under-concurrency',
  description: `books at most ${POOL} payments of one till at once (a ledger lock per till): a 5th delivery for the same till at the same time gets 503 Service Unavailable`,
  checks: ['KK-TIM-002'],
  break: (ref) => {
    const busy = new Map<string, number>();
    return {
      ...ref,
      async process(n, body) {
        const b = body as { event?: { resource?: { till_number?: unknown } }; BusinessShortCode?: unknown } | undefined;
        const till = b?.event?.resource?.till_number ?? b?.BusinessShortCode;
        if (typeof till !== 'string') return ref.process(n, body);
        const now = (busy.get(till) ?? 0) + 1;
        busy.set(till, now);
        try {
          await sleep(HOLD_MS);
          if (now > POOL) return { status: 503, headers: { 'retry-after': '1' } };
          return await ref.process(n, body);
        } finally {
          busy.set(till, busy.get(till)! - 1);
        }
      },
    };
  },
});
