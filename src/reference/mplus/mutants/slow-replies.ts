import { setTimeout as sleep } from 'node:timers/promises';
import { catalogue } from '../../../protocol/mplus/catalogue.js';
import { mplusMutant } from '../mutant.js';

/** The event answered late, and how late: 300 ms past its catalogue budget. */
const SLOW_EVENT = 'startSession';

export default mplusMutant({
  name: 'slow-replies',
  description: `answers ${SLOW_EVENT} 300 ms after its budget (a synchronous call to a slow back office); every other event in time`,
  checks: ['MP-TIM-001', 'MP-TIM-002'],
  break: (ref) => ({
    ...ref,
    async reply(event, body, state) {
      if (event === SLOW_EVENT) await sleep(catalogue().get(SLOW_EVENT).budgetMs + 300);
      return ref.reply(event, body, state);
    },
  }),
});
