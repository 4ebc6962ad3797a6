import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemasDir } from '../../paths.js';

/** One event of the catalogue `schemas/mplus/events.json`: the only place per-event knowledge lives. */
export interface CatalogueEvent {
  name: string;
  description: string;
  source: string;
  /** Whether the request carries a `session` object (`absent` for backgroundPoll). */
  session: 'required' | 'absent';
  /** The session is over after this event (merge, cancel, complete, credit). */
  sessionEnds: boolean;
  /** Event-specific request objects the event always carries. */
  requestObjects: string[];
  /** Request objects it may carry. */
  optionalRequestObjects: string[];
  /** Reply objects the POS accepts for this event. */
  replyObjects: string[];
  blocking: 'optional' | 'always' | 'never';
  polling: 'optional' | 'always' | 'never';
  /** Default reply budget (ms). */
  budgetMs: number;
  class: 'interactive' | 'long-poll' | 'background' | 'courtesy' | 'notification';
}

/** The MplusKASSA event catalogue. */
export class Catalogue {
  readonly events: ReadonlyMap<string, CatalogueEvent>;

  constructor(raw: { events: Record<string, Omit<CatalogueEvent, 'name'>> }) {
    this.events = new Map(Object.entries(raw.events).map(([name, e]) => [name, { ...e, name }]));
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
  shared ??= new Catalogue(JSON.parse(readFileSync(join(schemasDir, 'mplus', 'events.json'), 'utf8')));
  return shared;
}
