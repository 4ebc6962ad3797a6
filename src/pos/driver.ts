import type { EventCatalogue } from '../runner/subscription.js';
import { MplusContext } from './context.js';
import { flowsCoverage } from './coverage.js';
import { explore, type Exploration } from './explore.js';
import type { ProfileDriver } from '../runner/run.js';
import { catalogue } from '../protocol/mplus/catalogue.js';
import { diagnoseMplus } from './diagnose.js';

/** The mplus events for the config loader: names and default settings from the catalogue. */
export const mplusEvents: EventCatalogue = {
  names: () => catalogue().names(),
  defaults(name) {
    const e = catalogue().get(name);
    return {
      blocking: e.blocking !== 'never',
      polling: e.polling === 'always',
      budgetMs: e.budgetMs,
      triggers: [],
    };
  },
};

/** How the runner drives the mplus profile. */
export const mplusDriver: ProfileDriver = {
  name: 'mplus',
  context: (sub, options, seed, deps) => new MplusContext(sub, options, seed, { ...deps, catalogue: catalogue() }),
  async probe(t) {
    const pos = t as MplusContext;
    return (await pos.send(pos.pick('startSession').name)).exchange;
  },
  diagnose: (t, probe) => diagnoseMplus(t as MplusContext, probe),
  explore: (t) => explore(t as MplusContext),
  coverage({ recorder, replayOf, explored }) {
    const x = explored as Exploration | undefined;
    return { flows: flowsCoverage(recorder, replayOf), notes: x ? pollingNotes(x) : [], ...(x ? { exploration: x.summary } : {}) };
  },
  budgetOf: (sub, label) => sub.events.find((e) => e.name === label)?.budgetMs ?? (catalogue().has(label) ? catalogue().get(label).budgetMs : 0),
};

/** What the polling probe found, as INFO: whether polling is certified on an event the subscription left open. */
function pollingNotes(x: Exploration): string[] {
  const p = x.pollingProbe;
  if (!p) return [];
  if (!p.polls) return [`no polling on ${p.event}: it answered eventPolling: true without a polling object; set \`polling: true\` for the event in hookcert.config.json to certify it`];
  return [`${p.event} polls when asked (eventPolling: true): the polling checks certify it there; say \`polling: true\` (or false) for it in hookcert.config.json to decide`];
}
