import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Event, MplusEventCatalogue } from '../../generated/mplus/events.js';
import { schemasDir } from '../../paths.js';

/**
 * One event of the catalogue `schemas/mplus/events.json` (the generated `Event` of `mplus/events.schema.json`)
 * with its name: the only place per-event knowledge lives.
 */
export type CatalogueEvent = Event & { name: string };

/** The MplusKASSA event catalogue. */
export class Catalogue {
  readonly events: ReadonlyMap<string, CatalogueEvent>;
  /** {@link MplusEventCatalogue.maxFollowUps}: dialog or form answers to one event before the conversation is a loop. */
  readonly maxFollowUps: number;

  constructor(raw: MplusEventCatalogue) {
    this.events = new Map(Object.entries(raw.events).map(([name, e]) => [name, { ...e, name }]));
    this.maxFollowUps = raw.maxFollowUps;
  }

  /** Every event name, in catalogue order. */
  names(): string[] {
    return [...this.events.keys()];
  }

  /** The entry of `name`; throws for an unknown event. */
  get(name: string): CatalogueEvent {
    const e = this.events.get(name);
    if (!e) throw new Error(`hookcert: ${name} is not an MplusKASSA event (see schemas/mplus/events.json)`);
    return e;
  }

  has(name: string): boolean {
    return this.events.has(name);
  }

  /** Reply objects that exist in some event but not in `name`. */
  forbiddenReplyObjects(name: string): string[] {
    const allowed = new Set(this.get(name).replyObjects);
    const all = new Set([...this.events.values()].flatMap((e) => e.replyObjects));
    return [...all].filter((o) => !allowed.has(o)).sort();
  }
}

let shared: Catalogue | undefined;
/** The catalogue shipped in `schemas/mplus/events.json`. */
export function catalogue(): Catalogue {
  shared ??= new Catalogue(JSON.parse(readFileSync(join(schemasDir, 'mplus', 'events.json'), 'utf8')) as MplusEventCatalogue);
  return shared;
}
