import type { EventCatalogue } from '../../config/load.js';
import { MplusContext } from '../../pos/context.js';
import { flowsCoverage } from '../../pos/coverage.js';
import type { ProfileDriver } from '../../runner/run.js';
import { catalogue } from './catalogue.js';

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
  coverage: ({ recorder, replayOf }) => ({ flows: flowsCoverage(recorder, replayOf), notes: [] }),
  budgetOf: (sub, label) => sub.events.find((e) => e.name === label)?.budgetMs ?? (catalogue().has(label) ? catalogue().get(label).budgetMs : 0),
};
