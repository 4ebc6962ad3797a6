import { setTimeout as sleep } from 'node:timers/promises';
import { catalogue } from '../../../protocol/mplus/catalogue.js';
import { mplusMutant } from '../mutant.js';

/** How late the slow round comes: past the event's budget, within the grace before hookcert cuts it off. */
const LATE_MS = 400;

export default mplusMutant({
  name: 'slow-polling-round',
  description: `answers the second round of each backgroundPoll process ${LATE_MS} ms after the event's budget (it waits for its back office in that round); the process still finishes`,
  checks: ['MP-POL-002'],
  break: (ref) => {
    const rounds = new Map<string, number>();
    return {
      ...ref,
      async reply(event, body, state) {
        if (event === 'backgroundPoll') {
          const key = String(body.sender?.instanceId);
          const round = (rounds.get(key) ?? 0) + 1;
          const out = await ref.reply(event, body, state);
          const finished = (out.reply as { polling?: { finished?: boolean } } | undefined)?.polling?.finished === true;
          rounds.set(key, finished ? 0 : round);
          if (round === 2) await sleep(catalogue().get(event).budgetMs + LATE_MS);
          return out;
        }
        return ref.reply(event, body, state);
      },
    };
  },
});
