import { setTimeout as sleep } from 'node:timers/promises';
import { kopokopoMutant } from '../mutant.js';

/** How long processing holds the receiver's single resource (a file lock, one database connection). */
const HOLD_MS = 10;

export default kopokopoMutant({
  name: 'fails-under-concurrency',
  description: 'processes one delivery at a time: a delivery that overlaps another gets 503 Service Unavailable',
  checks: ['KK-TIM-002'],
  break: (ref) => {
    let busy = 0;
    return {
      ...ref,
      async process(n, body) {
        busy++;
        try {
          await sleep(HOLD_MS);
          if (busy > 1) return { status: 503, headers: { 'retry-after': '1' } };
          return await ref.process(n, body);
        } finally {
          busy--;
        }
      },
    };
  },
});
