import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventCatalogue } from '../../runner/subscription.js';
import type { Subscription } from '../../runner/subscription.js';
import { schemasDir } from '../../paths.js';

/** One event type a Standard Webhooks sender delivers: its `type` and the JSON Schema of its `data`. */
export interface SwEventType {
  /** The `type` of the payload (`invoice.paid`), the name in `--events`, labels and reports. */
  type: string;
  /** The schema of `data`: the `$id` below `schemas/` of a default type, or the integrator's schema object. */
  schema: string | Record<string, unknown>;
  /** Default reply budget (ms): the suite's own, the standard's facts publish none. */
  budgetMs: number;
}

/** The suite's reply budget for an event type the defaults do not list (an integrator's own). */
export const DEFAULT_BUDGET_MS = 5000;

let defaults: SwEventType[] | undefined;
/** The default event types of `schemas/standard-webhooks/event-types.json` (used when the config names none). */
export function defaultEventTypes(): SwEventType[] {
  defaults ??= (JSON.parse(readFileSync(join(schemasDir, 'standard-webhooks', 'event-types.json'), 'utf8')) as { types: SwEventType[] }).types;
  return defaults;
}

/** The event types of a run: the integrator's (`eventTypes` in the config file), else the defaults. */
export function eventTypesOf(sub: Subscription): SwEventType[] {
  if (sub.eventTypes) return Object.entries(sub.eventTypes).map(([type, schema]) => ({ type, schema: schema as Record<string, unknown>, budgetMs: DEFAULT_BUDGET_MS }));
  return defaultEventTypes();
}

/**
 * The default event types for the config loader. `blocking`, `polling` and triggers mean nothing here (a
 * delivery is answered, never polled): always off. An integrator's own types get {@link DEFAULT_BUDGET_MS}.
 */
export const standardWebhooksEvents: EventCatalogue = {
  names: () => defaultEventTypes().map((e) => e.type),
  defaults: (name) => ({
    blocking: false,
    polling: false,
    budgetMs: defaultEventTypes().find((e) => e.type === name)?.budgetMs ?? DEFAULT_BUDGET_MS,
    triggers: [],
  }),
};
