import type { Recorder } from './recorder.js';
import type { CheckResult } from './types.js';

/**
 * What a run exercised (DESIGN.md, "Coverage"): per flow and per event, reached or not, by which request
 * (replayable), how many times, how many replies were non-empty; the MUST checks that were not exercised, and
 * in a few words what the run cannot certify because of them. A skip is never a pass: this is where it shows.
 */
export interface Coverage {
  /** The exploration phase, when the profile has one (mplus). */
  exploration?: ExplorationSummary;
  /** Per flow of the protocol (dialog, form, polling, line changes, external payment…), in checklist order. */
  flows: FlowCoverage[];
  /** Per event (mplus) or topic (kopokopo) that was sent, in name order. */
  events: EventCoverage[];
  /** The checks that ran but could not reach what they judge (`skip` with `not exercised: …`). */
  unexercised: Array<{ id: string; level: CheckResult['level']; area: string; reason: string }>;
  /** What the verdict does not certify because a MUST check was not exercised, in words ("dialogs", "forms"). */
  notCertified: string[];
  /** Observations about reach that are neither a pass nor a failure (INFO), e.g. an event that does not poll. */
  notes: string[];
}

/** The first request that reached something, and how to send it again. */
export interface ReachedBy {
  /** `exploration`, or the id of the check that sent it. */
  source: string;
  event: string;
  /** The exchange's `seq` in the run. */
  seq: number;
  /** The command line that sends the same bytes again. */
  replay: string;
}

/** One flow of the protocol and whether the run reached it. */
export interface FlowCoverage {
  /** A stable name: `dialog`, `form`, `polling`, `line-changes`, `external-payment`… */
  flow: string;
  /** What reaching it means, in words ("a reply carried a dialog"). */
  title: string;
  reached: boolean;
  /** Replies that carried it, over the whole run. */
  count: number;
  /** The events whose replies carried it. */
  events: string[];
  by?: ReachedBy;
  /** The checks that judge this flow. */
  checks: string[];
  /** Not reached: what to configure to reach it. */
  hint?: string;
}

/** One event (or topic) and what came back to it over the run. */
export interface EventCoverage {
  event: string;
  requests: number;
  /** Requests that got an HTTP reply. */
  replies: number;
  /** Replies with a body. */
  nonEmpty: number;
  /** How many replies carried each reply object (mplus), by name. */
  objects: Record<string, number>;
  by?: ReachedBy;
}

/** What the exploration phase did, within its bounds. */
export interface ExplorationSummary {
  requests: number;
  durationMs: number;
  /** Its bounds: at most this many requests and this long. */
  limits: { requests: number; ms: number };
  /**
   * Why it ended: everything it looks for was found (or nothing new came for a while), a bound, requests in a
   * row without a complete reply (the endpoint is left to the checks), the run stopping, or a crash (`error`).
   */
  ended: 'complete' | 'requests' | 'time' | 'unanswered' | 'stopped' | 'error';
  error?: string;
  /** What it drew on: catalogue entries and vocabulary values tried, and generated requests. */
  tried: { catalogue: number; vocabulary: number; generated: number; steered: number };
}

/** How the runner turns a source (a check id, `exploration`) into a replay command. */
export type ReplayOf = (source: string) => string;

/** Skip reasons that say a flow was not reached (the shared contract: `not exercised: …`). */
export const NOT_EXERCISED = 'not exercised:';

/** What a MUST check left unexercised stops the run from certifying, by check id prefix, else by area. */
const CERTIFIES: Array<[RegExp, string[]]> = [
  [/^MP-DLG-/, ['dialogs']],
  [/^MP-FRM-/, ['forms']],
  [/^MP-POL-/, ['polling']],
  [/^MP-EXT-/, ['external payments']],
  [/^MP-SHP-004$/, ['line changes']],
  [/^MP-SIG-010$/, ['reply signatures']],
  // Both words, not "dialogs and forms": the list would otherwise say dialogs twice ("dialogs, …, dialogs and forms").
  [/^MP-SHP-00[56]$/, ['dialogs', 'forms']],
  [/^MP-SES-/, ['sessions']],
  [/^MP-IDM-/, ['redeliveries']],
];

/** The words for what `check` certifies (`["dialogs"]`; the shape checks of dialogs and forms, both). */
export function certifies(check: Pick<CheckResult, 'id' | 'area'>): string[] {
  return CERTIFIES.find(([re]) => re.test(check.id))?.[1] ?? [check.area];
}

/** The checks not exercised, and what the verdict cannot certify because of the MUST ones among them. */
export function unexercisedOf(checks: readonly CheckResult[]): Pick<Coverage, 'unexercised' | 'notCertified'> {
  const unexercised = checks
    .filter((c) => c.status === 'skip' && (c.reason ?? '').startsWith(NOT_EXERCISED))
    .map((c) => ({ id: c.id, level: c.level, area: c.area, reason: c.reason! }));
  const notCertified = [...new Set(unexercised.filter((c) => c.level === 'MUST').flatMap(certifies))];
  return { unexercised, notCertified };
}

/** The per-event table from the run's recorder. */
export function eventsOf(recorder: Recorder, replayOf: ReplayOf): EventCoverage[] {
  return [...recorder.reach.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([event, r]) => ({
      event,
      requests: r.requests,
      replies: r.replies,
      nonEmpty: r.nonEmpty,
      objects: Object.fromEntries([...r.objects.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, v.count])),
      ...(r.first ? { by: { ...r.first, event, replay: replayOf(r.first.source) } } : {}),
    }));
}

/**
 * The coverage of a run from its shards' (`hookcert merge`): flows reached by any shard, counts and events
 * summed, the first request of the first shard that reached each; the unexercised checks recomputed from the
 * merged checks. Every shard explores the same way, so its exploration is told once (the first shard's).
 */
export function mergeCoverage(parts: ReadonlyArray<Coverage | undefined>, checks: readonly CheckResult[]): Coverage | undefined {
  const given = parts.filter((c): c is Coverage => c !== undefined);
  if (given.length === 0) return undefined;
  const flows = new Map<string, FlowCoverage>();
  for (const c of given)
    for (const f of c.flows) {
      const known = flows.get(f.flow);
      if (!known) flows.set(f.flow, structuredClone(f));
      else {
        known.count += f.count;
        known.events = [...new Set([...known.events, ...f.events])].sort();
        if (!known.reached && f.reached) Object.assign(known, { reached: true, by: f.by, hint: undefined });
      }
    }
  const events = new Map<string, EventCoverage>();
  for (const c of given)
    for (const e of c.events) {
      const known = events.get(e.event);
      if (!known) events.set(e.event, structuredClone(e));
      else {
        known.requests += e.requests;
        known.replies += e.replies;
        known.nonEmpty += e.nonEmpty;
        for (const [k, n] of Object.entries(e.objects)) known.objects[k] = (known.objects[k] ?? 0) + n;
      }
    }
  return {
    ...(given[0].exploration ? { exploration: given[0].exploration } : {}),
    flows: [...flows.values()].map((f) => JSON.parse(JSON.stringify(f)) as FlowCoverage),
    events: [...events.values()].sort((a, b) => a.event.localeCompare(b.event)),
    ...unexercisedOf(checks),
    notes: [...new Set(given.flatMap((c) => c.notes))],
  };
}
