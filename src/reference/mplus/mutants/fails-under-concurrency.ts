import { setTimeout as sleep } from 'node:timers/promises';
import { mplusMutant } from '../mutant.js';

/** How long a reply holds one of the branch's connections to the back office. */
const HOLD_MS = 20;
/** The back office takes this many requests of one branch at once; the next one gets a 503. */
const POOL = 4;

export default mplusMutant({
  name: 'fails-under-concurrency',
  description: `serves at most ${POOL} requests of one branch at once (a pool of ${POOL} back-office connections per shop): a 5th workplace sending at the same time gets 503 Service Unavailable`,
  checks: ['MP-TIM-002'],
  break: (ref) => {
    const busy = new Map<unknown, number>();
    return {
      ...ref,
      async reply(event, body, state) {
        const branch = body?.sender?.branchNumber;
        const now = (busy.get(branch) ?? 0) + 1;
        busy.set(branch, now);
        try {
          await sleep(HOLD_MS);
          if (now > POOL) return { status: 503, headers: { 'retry-after': '1' } };
          return await ref.reply(event, body, state);
        } finally {
          busy.set(branch, busy.get(branch)! - 1);
        }
      },
    };
  },
});
