import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_BUDGET_MS } from '../../../protocol/standard-webhooks/catalogue.js';
import { swMutant } from '../mutant.js';

/** The type answered late, how often (every Nth delivery of it) and how late: 300 ms past its budget. */
const SLOW_TYPE = 'invoice.paid';
const EVERY = 3;

export default swMutant({
  name: 'slow-replies',
  description: `answers every ${EVERY}rd ${SLOW_TYPE} delivery 300 ms after its budget (it books the invoice before acknowledging); everything else in time`,
  checks: ['SW-TIM-001'],
  break: (ref) => {
    let deliveries = 0;
    return {
      ...ref,
      async process(body, s) {
        if (body.type === SLOW_TYPE && ++deliveries % EVERY === 0) await sleep(DEFAULT_BUDGET_MS + 300);
        return ref.process(body, s);
      },
    };
  },
});
