import type { MplusReply } from '../generated/mplus/reply.js';
import type { FlowCoverage, ReachedBy, ReplayOf } from '../runner/coverage.js';
import type { LabelReach, Recorder } from '../runner/recorder.js';

/**
 * The flows of MplusKASSA a run should reach (seed 002, "Response objects"; seed 003, polling), how a reply
 * shows it reached one, which checks judge it, and what to configure when it was not reached.
 */

/** One flow of the coverage table. */
export interface FlowDefinition {
  flow: string;
  title: string;
  /** The reply features (see {@link replyFeatures}) any of which shows the flow was reached. */
  features: string[];
  checks: string[];
  /** What to configure when no reply reached it. */
  hint: string;
}

/** What to configure when the endpoint answered only for data hookcert did not send: its own catalogue. */
export const CATALOGUE_HINT =
  'list the articles, codes, relations, custom actions or payment methods your endpoint reacts to under `catalogue` in hookcert.config.json';

/** The flows, in checklist order. */
export const FLOWS: readonly FlowDefinition[] = [
  {
    flow: 'polling',
    title: 'a polling process ran several rounds (polling.finished: false)',
    features: ['polling.unfinished'],
    checks: ['MP-POL-001', 'MP-POL-002', 'MP-POL-003', 'MP-POL-004'],
    hint: 'subscribe a polling event (`polling: true` for the event in hookcert.config.json, or backgroundPoll) whose process takes more than one round',
  },
  { flow: 'dialog', title: 'a reply carried a dialog', features: ['dialog'], checks: ['MP-DLG-001', 'MP-DLG-002', 'MP-DLG-003', 'MP-SHP-005', 'MP-SHP-006'], hint: CATALOGUE_HINT },
  { flow: 'form', title: 'a reply carried a form', features: ['form'], checks: ['MP-FRM-001', 'MP-FRM-002', 'MP-FRM-003', 'MP-SHP-005', 'MP-SHP-006'], hint: CATALOGUE_HINT },
  { flow: 'line-changes', title: 'a reply changed or deleted lines (lineChanges, lineDeletions)', features: ['lineChanges', 'lineDeletions'], checks: ['MP-SHP-004'], hint: CATALOGUE_HINT },
  { flow: 'line-additions', title: 'a reply added lines (lineAdditions)', features: ['lineAdditions'], checks: ['MP-SES-001'], hint: CATALOGUE_HINT },
  {
    flow: 'external-payment',
    title: 'an external payment was started (externalPayment in a reply)',
    features: ['externalPayment'],
    checks: ['MP-EXT-001', 'MP-EXT-002', 'MP-EXT-003', 'MP-EXT-004', 'MP-EXT-005'],
    hint: 'subscribe startExternalPayment and pollExternalPayment, and give the payment method that triggers your integration under `catalogue.paymentMethods`',
  },
  { flow: 'external-payment-messages', title: 'an external payment showed messages (externalPayment.messages)', features: ['externalPayment.messages'], checks: ['MP-EXT-002'], hint: 'none needed: messages are the integrator\'s choice' },
  { flow: 'request-scan-code', title: 'a reply asked for a scan (requestScanCode)', features: ['requestScanCode'], checks: ['MP-SHP-001'], hint: CATALOGUE_HINT },
  { flow: 'open-url', title: 'a reply opened a URL (openUrl)', features: ['openUrl'], checks: ['MP-SHP-001'], hint: CATALOGUE_HINT },
  { flow: 'scan-recognized', title: 'a scanned code was recognised (scanCode.recognized: true)', features: ['scanCode.recognized'], checks: ['MP-SHP-002'], hint: 'give the codes your endpoint recognises under `catalogue.codes` (or the scanCode code triggers)' },
];

/** The reply features that mark a flow: what the exploration phase looks for. */
export const FLOW_FEATURES: readonly string[] = [...new Set(FLOWS.flatMap((f) => f.features))];

/**
 * What a reply carried, as coverage features: its reply objects by name, and `polling.unfinished`,
 * `externalPayment.messages`, `scanCode.recognized` for the flows those mark.
 */
export function replyFeatures(reply: unknown): string[] {
  if (!reply || typeof reply !== 'object' || Array.isArray(reply)) return [];
  const r = reply as MplusReply;
  const out = Object.keys(r);
  if (r.polling && typeof r.polling === 'object' && r.polling.finished === false) out.push('polling.unfinished');
  if (r.externalPayment && Array.isArray(r.externalPayment.messages) && r.externalPayment.messages.length > 0) out.push('externalPayment.messages');
  if (r.scanCode && typeof r.scanCode === 'object' && r.scanCode.recognized === true) out.push('scanCode.recognized');
  return out;
}

/** The coverage of each flow over the run, from what the recorder saw. */
export function flowsCoverage(recorder: Recorder, replayOf: ReplayOf, hints: Partial<Record<string, string>> = {}): FlowCoverage[] {
  return FLOWS.map((def) => {
    let count = 0;
    const events: string[] = [];
    let first: (ReachedBy & { at: number }) | undefined;
    for (const [event, reach] of [...recorder.reach.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const hits = def.features.map((f) => reach.objects.get(f)).filter((h): h is NonNullable<ReturnType<LabelReach['objects']['get']>> => h !== undefined);
      if (hits.length === 0) continue;
      events.push(event);
      for (const h of hits) {
        count += h.count;
        if (!first || h.first.seq < first.at) first = { source: h.first.source, event, seq: h.first.seq, at: h.first.seq, replay: replayOf(h.first.source === 'exploration' ? def.checks[0] : h.first.source) };
      }
    }
    const reached = events.length > 0;
    const by = first ? { source: first.source, event: first.event, seq: first.seq, replay: first.replay } : undefined;
    return { flow: def.flow, title: def.title, reached, count, events, ...(by ? { by } : {}), checks: def.checks, ...(reached ? {} : { hint: hints[def.flow] ?? def.hint }) };
  });
}
