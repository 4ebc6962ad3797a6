/** What exploration found (issue 12), handed to every check as `t.explored`; the phase itself is explore.ts. */
import type { MplusRequest } from '../protocol/mplus/requests.js';
import type { ExplorationSummary } from '../runner/coverage.js';
import { FLOW_FEATURES } from './coverage.js';

/** How exploration came to a request: a catalogue or vocabulary entry, a generated request, or steering towards what opened a flow before. */
export type OpenerVia = 'catalogue' | 'vocabulary' | 'generated' | 'steered';

/** The reply features exploration looks for: those that mark a flow of the coverage table. */
export const TARGETS = FLOW_FEATURES;

/** Requests of each feature exploration wants before it stops looking for more. */
export const WANTED = 3;
/** Openers kept per feature. */
const KEPT = 8;

/** The bounds of one exploration. */
export interface ExploreLimits {
  requests: number;
  ms: number;
}

/** A request whose reply opened a flow. */
export interface Opener {
  event: string;
  /** The generated request (no identity: a check stamps its own workplace's). */
  template: MplusRequest;
  via: OpenerVia;
  /** The catalogue or vocabulary entry it carried, in words. */
  pin?: string;
}

/** The polling probe: one event sent with `eventPolling: true` where the subscription did not say. */
export interface PollingProbe {
  event: string;
  /** The first reply carried a polling object. */
  polls: boolean;
  template: MplusRequest;
}

/** What exploration found, handed to every check (`t.explored`). */
export class Exploration {
  readonly openers = new Map<string, Opener[]>();
  pollingProbe?: PollingProbe;
  /** Events it sent requests to. */
  readonly events = new Set<string>();
  summary: ExplorationSummary;

  constructor(limits: ExploreLimits) {
    this.summary = { requests: 0, durationMs: 0, limits, ended: 'complete', tried: { catalogue: 0, vocabulary: 0, generated: 0, steered: 0 } };
  }

  /** Requests whose reply carried any of `features`, in the order found (interactive events first among equals). */
  of(...features: string[]): Opener[] {
    const seen = new Set<Opener>();
    return features.flatMap((f) => this.openers.get(f) ?? []).filter((o) => !seen.has(o) && seen.add(o));
  }

  /** Records what a reply carried; true when it is something exploration still wanted. */
  note(features: readonly string[], opener: Opener): boolean {
    let wanted = false;
    for (const f of features) {
      if (!TARGETS.includes(f)) continue;
      const list = this.openers.get(f) ?? [];
      const newEvent = !list.some((o) => o.event === opener.event);
      if (list.length < WANTED || newEvent) wanted = true;
      if (list.length < KEPT) this.openers.set(f, [...list, opener]);
    }
    return wanted;
  }

  /** Whether `feature` still wants openers. */
  wants(feature: string): boolean {
    return (this.openers.get(feature)?.length ?? 0) < WANTED;
  }

  /** Every target has its wanted openers. */
  done(): boolean {
    return TARGETS.every((f) => (this.openers.get(f)?.length ?? 0) >= WANTED);
  }

  /** The events exploration sent to, in words, for the skips of the flow checks. */
  tried(): string {
    const s = this.summary;
    return `exploration sent ${s.requests} requests to ${this.events.size} events (${s.tried.catalogue} with catalogue entries, ${s.tried.vocabulary} with the spec's example values, ${s.tried.generated} generated, ${s.tried.steered} steered)`;
  }
}

