/**
 * The requests the exploration phase found opening a flow, as the checks use them: taken in turn per flow, or
 * mixed into generated requests, each under a fresh session id.
 */
import fc from 'fast-check';
import type { MplusRequest } from '../protocol/mplus/requests.js';
import type { MplusContext } from './context.js';
import { FLOW_FEATURES } from './coverage.js';

/** Up to `max` of the requests the exploration phase found opening a flow of `event` (one of each flow first), each under a fresh session id. */
export function exploredRequests(t: MplusContext, event: string, max = Infinity): MplusRequest[] {
  const found = t.explored ? roundRobin(FLOW_FEATURES.map((f) => t.explored!.of(f).filter((o) => o.event === event))).slice(0, max) : [];
  return found.map(({ template }) => (template.session ? { ...template, session: { ...template.session, sessionId: t.freshId('session') } } : template));
}

/** The items of `lists` taken in turn (the first of each, then the second of each…), each once. */
function roundRobin<T>(lists: T[][]): T[] {
  const out: T[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length && !out.includes(l[i])) out.push(l[i]);
  return out;
}

/**
 * Generated requests of `event`, with the requests the exploration phase found opening a flow there mixed in
 * (one case in four), each under a fresh session id: the checks that judge every reply judge those replies too.
 */
export function withExplored(t: MplusContext, event: string, generated: fc.Arbitrary<MplusRequest>): fc.Arbitrary<MplusRequest> {
  const found = t.explored?.of(...FLOW_FEATURES).filter((o) => o.event === event) ?? [];
  if (found.length === 0) return generated;
  const explored = fc.tuple(fc.constantFrom(...found.map((o) => o.template)), fc.uuid()).map(([template, sessionId]) =>
    template.session ? { ...template, session: { ...template.session, sessionId } } : template,
  );
  return fc.oneof({ arbitrary: generated, weight: 3 }, { arbitrary: explored, weight: 1 });
}
