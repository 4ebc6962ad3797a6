import { setTimeout as sleep } from 'node:timers/promises';
import { kopokopoCatalogue } from '../../../protocol/kopokopo/catalogue.js';
import { kopokopoMutant } from '../mutant.js';

/** The topic answered late, how often (every Nth delivery of it) and how late: 300 ms past its catalogue budget. */
const SLOW_TOPIC = 'buygoods_transaction_received';
const EVERY = 3;

export default kopokopoMutant({
  name: 'slow-replies',
  description: `answers every ${EVERY}rd ${SLOW_TOPIC} webhook 300 ms after its budget (it waits for a ledger lock before acknowledging); everything else in time`,
  checks: ['KK-TIM-001'],
  break: (ref) => {
    let deliveries = 0;
    return {
      ...ref,
      async process(n, body) {
        if (n.kind === 'webhook' && n.topic === SLOW_TOPIC && ++deliveries % EVERY === 0) await sleep(kopokopoCatalogue().get(SLOW_TOPIC).budgetMs + 300);
        return ref.process(n, body);
      },
    };
  },
});
