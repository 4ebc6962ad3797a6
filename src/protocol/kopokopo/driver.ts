import type { EventCatalogue } from '../../runner/subscription.js';
import { diagnoseKopokopo } from './diagnose.js';
import type { ProfileDriver } from '../../runner/run.js';
import { kopokopoCatalogue } from './catalogue.js';
import { KopokopoContext } from './context.js';

/**
 * The Kopo Kopo topics and callbacks for the config loader: names and defaults from `schemas/kopokopo/topics.json`.
 * `blocking` and `polling` mean nothing for Kopo Kopo (deliveries are asynchronous): always false.
 */
export const kopokopoEvents: EventCatalogue = {
  names: () => kopokopoCatalogue().names(),
  defaults: (name) => ({ blocking: false, polling: false, budgetMs: kopokopoCatalogue().get(name).budgetMs, triggers: [] }),
};

/** How the runner drives the kopokopo profile. */
export const kopokopoDriver: ProfileDriver = {
  name: 'kopokopo',
  context: (sub, options, seed, deps) => new KopokopoContext(sub, options, seed, { ...deps, catalogue: kopokopoCatalogue() }),
  async probe(t) {
    const k2 = t as KopokopoContext;
    return (await k2.send(k2.topics()[0].name)).exchange;
  },
  diagnose: (t, probe) => diagnoseKopokopo(t as KopokopoContext, probe),
  budgetOf: (sub, label) =>
    sub.events.find((e) => e.name === label)?.budgetMs ?? (kopokopoCatalogue().has(label) ? kopokopoCatalogue().get(label).budgetMs : 0),
};
