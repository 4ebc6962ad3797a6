import type { MplusRequest } from '../protocol/mplus/requests.js';
import type { MplusContext } from './context.js';
import { HOME_EVENTS, pinsOf, place, withFreshLineIds, type Pin } from './explore-pins.js';
import { FLOW_FEATURES as TARGETS } from './coverage.js';
import type { Exploration, OpenerVia } from './exploration.js';

/** One request exploration sends, and where it came from. */
export interface Candidate {
  event: string;
  template: MplusRequest;
  via: OpenerVia;
  pin?: Pin;
  /** The polling probe (`eventPolling: true` on an event whose polling the subscription leaves open). */
  probe?: boolean;
}

/** Events exploration leaves to the flows that reach them (a running external payment). */
const FOLLOW_UPS = new Set(['pollExternalPayment', 'requestCancelExternalPayment', 'cancelExternalPayment']);

/** The event the polling probe uses first: seed 003's example. */
const PROBE_FIRST = 'addSessionLine';

/** The order of phase B's strategies, over and over: more of what worked and of the events that answer count double. */
const CYCLE = ['more', 'energy', 'more', 'energy', 'cross', 'blind'] as const;

/**
 * The candidates of one exploration, in order. Phase A tries everything once: the polling probe, each
 * catalogue entry where the POS carries it, a generated request of every event, each vocabulary value where
 * it belongs. Phase B steers by what the replies carried: the same entry (or event) again on fresh requests
 * while a flow it opened still wants openers, the entry moved into other events' sessions, more requests of
 * the events that answered with something, and the other events in turn.
 */
export class Candidates {
  private readonly phaseA: Array<() => Candidate | undefined> = [];
  private readonly events: string[];
  private readonly sessionEvents: string[];
  private readonly successes: Array<{ c: Candidate; features: string[] }> = [];
  private readonly crossed = new Set<string>();
  /** What each event's replies carried: reply objects (and flow features) by name. */
  private readonly carried = new Map<string, Set<string>>();
  /** Stride scheduling of the energy strategy: each event's pass, moved on by 1 / its energy when picked. */
  private readonly pass = new Map<string, number>();
  private step = 0;
  private blind = 0;
  private more = 0;

  constructor(
    private readonly t: MplusContext,
    private readonly x: Exploration,
  ) {
    this.events = t.events().map((e) => e.name).filter((n) => !FOLLOW_UPS.has(n));
    this.sessionEvents = this.events.filter((n) => t.catalogue.get(n).session === 'required');
    const probe = this.probeEvent();
    if (probe) this.phaseA.push(() => ({ event: probe, template: this.request(probe, { polling: true }), via: 'generated', probe: true }));
    const pins = pinsOf(t.sub, t.deps.schemas);
    const home = (pin: Pin) => HOME_EVENTS[pin.kind].filter((e) => this.events.includes(e));
    for (const pin of pins.filter((p) => p.from === 'catalogue')) for (const e of home(pin)) this.phaseA.push(() => this.pinned(e, pin, pin.from));
    for (const e of this.events) this.phaseA.push(() => ({ event: e, template: this.request(e), via: 'generated' }));
    for (const pin of pins.filter((p) => p.from === 'vocabulary')) for (const e of home(pin)) this.phaseA.push(() => this.pinned(e, pin, pin.from));
  }

  /** A generated request of `event`, its lines under fresh ids. */
  private request(event: string, shape: Parameters<MplusContext['request']>[1] = {}): MplusRequest {
    return withFreshLineIds(this.t.request(event, shape), () => this.t.freshId('line'));
  }

  /** All of phase A was sent. */
  get phaseAOver(): boolean {
    return this.phaseA.length === 0;
  }

  /** The next request to send; `undefined` when there is nothing left to try. */
  next(): Candidate | undefined {
    while (this.phaseA.length > 0) {
      const c = this.phaseA.shift()!();
      if (c) return c;
    }
    for (let tries = 0; tries < CYCLE.length; tries++) {
      const c = this.strategy(CYCLE[this.step++ % CYCLE.length]);
      if (c) return c;
    }
    return undefined;
  }

  /** What a candidate's reply carried that exploration still wanted. */
  feedback(c: Candidate, found: string[], carried: readonly string[]): void {
    const seen = this.carried.get(c.event) ?? new Set<string>();
    for (const f of carried) seen.add(f);
    this.carried.set(c.event, seen);
    if (found.length > 0) this.successes.push({ c, features: found });
  }

  /**
   * How much an event deserves more requests: the more its replies carried (an integrator that answers an event
   * with objects reacts to it; one that opened a flow there may open others), the more it gets.
   */
  private energyOf(event: string): number {
    const seen = [...(this.carried.get(event) ?? [])];
    return seen.length === 0 ? 0 : 1 + seen.length + 3 * seen.filter((f) => TARGETS.includes(f)).length;
  }

  /** The event of the polling probe: the first with optional polling that the config leaves open, addSessionLine first. */
  private probeEvent(): string | undefined {
    const open = this.t
      .events()
      .filter((e) => !e.pollingConfigured && !e.polling && this.t.catalogue.get(e.name).polling === 'optional' && this.t.catalogue.get(e.name).class === 'interactive')
      .map((e) => e.name);
    return open.includes(PROBE_FIRST) ? PROBE_FIRST : open[0];
  }

  private pinned(event: string, pin: Pin, via: Candidate['via']): Candidate | undefined {
    const template = place(this.request(event), event, pin, () => this.t.freshId('line'), this.t.deps.schemas);
    return template ? { event, template, via, pin } : undefined;
  }

  private strategy(name: (typeof CYCLE)[number]): Candidate | undefined {
    switch (name) {
      case 'more': {
        // The same entry (or event) on a fresh request, while a flow it opened wants more openers.
        const wanted = this.successes.filter((s) => s.features.some((f) => this.x.wants(f)));
        if (wanted.length === 0) return undefined;
        const { c } = wanted[this.more++ % wanted.length];
        return c.pin ? this.pinned(c.event, c.pin, 'steered') : { event: c.event, template: this.request(c.event), via: 'steered' };
      }
      case 'cross': {
        // An entry that opened a flow, in the session of another event (an article in the session a voucher is scanned into).
        for (const { c } of this.successes) {
          if (!c.pin || (c.pin.kind !== 'article' && c.pin.kind !== 'relation')) continue;
          for (const e of this.sessionEvents) {
            const key = `${c.pin.label}→${e}`;
            if (e === c.event || this.crossed.has(key)) continue;
            this.crossed.add(key);
            const cand = this.pinned(e, c.pin, 'steered');
            if (cand) return cand;
          }
        }
        return undefined;
      }
      case 'energy': {
        // Stride scheduling: the event with the lowest pass goes next; its pass moves on by 1 / its energy.
        let best: string | undefined;
        for (const e of this.events) {
          if (this.energyOf(e) === 0) continue;
          if (best === undefined || (this.pass.get(e) ?? 0) < (this.pass.get(best) ?? 0)) best = e;
        }
        if (best === undefined) return undefined;
        this.pass.set(best, (this.pass.get(best) ?? 0) + 1 / this.energyOf(best));
        return { event: best, template: this.request(best), via: 'generated' };
      }
      case 'blind': {
        if (this.events.length === 0) return undefined;
        const e = this.events[this.blind++ % this.events.length];
        return { event: e, template: this.request(e), via: 'generated' };
      }
    }
  }
}
