import type { MplusReply } from '../../../src/generated/mplus/reply.js';
import type { MplusReplyLineAdditions } from '../../../src/generated/mplus/reply/lineAdditions.js';
import type { MplusReplyLineChanges } from '../../../src/generated/mplus/reply/lineChanges.js';
import type { Delivery } from '../../../src/pos/context.js';
import { same } from '../../../src/pos/equivalence.js';
import { exploredRequests } from '../../../src/pos/explored.js';
import { eventsAllowing, notReached } from '../../../src/pos/flows.js';
import { expectNoServerError, received, replyObject } from '../../../src/pos/judge.js';
import type { MplusRequest } from '../../../src/protocol/mplus/requests.js';
import { mplusCheck, SPEC } from '../check.js';

/** Generated requests tried per event to find replies that change or add lines. */
const TRIES = 6;
/** Originals judged at most. */
const WANTED = 4;

/** An item of `lineChanges` or `lineAdditions`, as the reply carries it (a reply may break the schema). */
type Item = Partial<MplusReplyLineAdditions[number] & MplusReplyLineChanges[number]>;

/** The line changes and additions of a refused reply that come back in the reply to the POS's error request. */
function repeated(refused: MplusReply, answer: MplusReply): string[] {
  const out: string[] = [];
  const items = (r: MplusReply, key: 'lineChanges' | 'lineAdditions'): Item[] => (Array.isArray(r[key]) ? r[key] : []);
  const withoutIds = ({ lineId: _, externalDiscount, ...rest }: Item): Record<string, unknown> => ({ ...rest, ...(externalDiscount ? { externalDiscount: { ...externalDiscount, discountId: undefined } } : {}) });
  for (const change of items(answer, 'lineChanges'))
    if (items(refused, 'lineChanges').some((c) => String(c?.lineId).toLowerCase() === String(change?.lineId).toLowerCase())) out.push(`lineChanges for line ${String(change?.lineId)}`);
  for (const addition of items(answer, 'lineAdditions'))
    if (items(refused, 'lineAdditions').some((a) => (a?.lineId !== undefined && a.lineId === addition?.lineId) || same(withoutIds(a ?? {}), withoutIds(addition ?? {}))))
      out.push(`lineAdditions ${JSON.stringify(String(addition?.text ?? addition?.articleNumber ?? addition?.lineId))}`);
  return out;
}

export default mplusCheck({
  id: 'MP-ERR-008',
  title: "MUST NOT answer the POS's error request with the line changes or additions the POS just refused",
  level: 'MUST',
  area: 'errors',
  spec: {
    doc: SPEC.errorCodes,
    quote: 'When the POS finds a problem in a reply, it sends a new request to the same event URL carrying error (code, message) and original (the whole original request).',
  },
  async run(t) {
    // Originals whose replies change or add lines: what a POS can refuse (LINE_ALREADY_HAS_DISCOUNT, INVALID_ARTICLE…).
    const found: Array<{ event: string; original: Delivery }> = [];
    const events = [...new Set([...eventsAllowing(t, 'lineChanges'), ...eventsAllowing(t, 'lineAdditions')])];
    for (const event of events) {
      // What the exploration found opening a flow of this event first (an endpoint that discounts only its own
      // articles changes no generated line), then generated requests.
      const explored = exploredRequests(t, event, WANTED);
      for (let i = 0; i < explored.length + TRIES && found.length < WANTED; i++) {
        const d = await t.deliver(event, explored[i] ?? t.request(event));
        const reply = replyObject(d);
        if (d.reply.status === 200 && (Array.isArray(reply.lineChanges) || Array.isArray(reply.lineAdditions))) found.push({ event, original: d });
      }
    }
    if (found.length === 0) t.skip(notReached(t, 'line-changes', 'no reply changed or added lines', `generated requests of ${events.join(', ') || 'no event'}`));
    for (const { event, original } of found) {
      t.plan();
      const refused = replyObject(original);
      const code = Array.isArray(refused.lineChanges) ? (refused.lineChanges.some((c) => c?.externalDiscount) ? 'LINE_ALREADY_HAS_DISCOUNT' : 'INVALID_LINE_ID') : 'INVALID_ARTICLE';
      // `{error, original}` and nothing else at the top level (schemas/mplus/pos-error-request.schema.json).
      const errorRequest = { error: { code, message: `The POS could not apply the reply to ${event} (${code}).` }, original: original.request };
      const d = await t.deliver(event, errorRequest as unknown as MplusRequest, { stamp: false });
      const what = `the POS's error request (${code}) about the reply to ${event}`;
      expectNoServerError(t, d, what);
      const again = repeated(refused, replyObject(d));
      if (again.length > 0)
        t.fail(`${what} was answered with the ${again.join(', ')} the POS had just refused: the endpoint processed the error request as if it were the original, and the POS and the endpoint go round in a loop`, {
          expected: 'a reply that takes note of the error (an empty body, a message, other changes), never the refused line changes or additions again',
          received: `the refused reply: ${received(original)}\nthe reply to the error request: ${received(d)}`,
          exchanges: [original.exchange, d.exchange],
        });
      t.judged();
    }
  },
});
