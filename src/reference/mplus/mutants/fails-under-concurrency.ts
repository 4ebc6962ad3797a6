import { setTimeout as sleep } from 'node:timers/promises';
import { mplusMutant } from '../mutant.js';

/** How long a reply holds the receiver's single resource (a file lock, one database connection). */
const HOLD_MS = 5;

export default mplusMutant({
  name: 'fails-under-concurrency',
  description: 'serves one request at a time: a request that overlaps another gets 503 Service Unavailable',
  checks: ['MP-TIM-002'],
  break: (ref) => {
    let busy = 0;
    return {
      ...ref,
      async reply(event, body, state) {
        busy++;
        try {
          await sleep(HOLD_MS);
          if (busy > 1) return { status: 503, headers: { 'retry-after': '1' } };
          return await ref.reply(event, body, state);
        } finally {
          busy--;
        }
      },
    };
  },
});
