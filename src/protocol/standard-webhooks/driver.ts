import type { ProfileDriver } from '../../runner/run.js';
import { standardWebhooksEvents } from './catalogue.js';
import { SwContext } from './context.js';
import { diagnoseStandardWebhooks } from './diagnose.js';
import { toleranceNote } from './tolerance.js';

export { standardWebhooksEvents };

/** How the runner drives the standard-webhooks profile. */
export const standardWebhooksDriver: ProfileDriver = {
  name: 'standard-webhooks',
  context: (sub, options, seed, deps) => new SwContext(sub, options, seed, deps),
  async probe(t) {
    const sw = t as SwContext;
    return (await sw.send(sw.eventTypes()[0].type)).exchange;
  },
  diagnose: (t, probe) => diagnoseStandardWebhooks(t as SwContext, probe),
  coverage: ({ recorder }) => {
    const note = toleranceNote(recorder);
    return { flows: [], notes: note ? [note] : [] };
  },
  budgetOf: (sub, label) => sub.events.find((e) => e.name === label)?.budgetMs ?? standardWebhooksEvents.defaults(label).budgetMs,
};
