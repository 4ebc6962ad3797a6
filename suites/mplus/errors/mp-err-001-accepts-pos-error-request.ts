import { CASE_LANES } from '../../../src/pos/context.js';
import { expectAccepted } from '../../../src/pos/judge.js';
import type { MplusRequest } from '../../../src/protocol/mplus/requests.js';
import { mplusCheck, SPEC } from '../check.js';

/** Codes the POS reports about a reply it could not apply (the vendor's list, "Lines and references", …). */
const POS_CODES = ['LINE_ALREADY_HAS_DISCOUNT', 'INVALID_LINE_ID', 'LINE_ID_ALREADY_EXISTS', 'INVALID_DISCOUNT_PERCENTAGE', 'INVALID_RECEIPT_FOOTER_CODE', 'LINE_CHANGE_NOT_ALLOWED'];

export default mplusCheck({
  id: 'MP-ERR-001',
  title: "MUST accept the POS's error request (error + original) for every subscribed event",
  level: 'MUST',
  area: 'errors',
  spec: {
    doc: SPEC.reference,
    quote: 'There is also always the possibility that your reply triggers an error, this will cause the following request to be sent to you: error',
  },
  async run(t) {
    const events = t.events().map((e) => e.name);
    // Events side by side, each on a lane of its own; each failing event shows its own failure.
    await t.perKind(
      events,
      (event) => event,
      async (event) => {
        // The original is delivered first, as in life: the POS reads the reply, finds a problem, and reports it.
        const original = (await t.send(event)).request!;
        const code = POS_CODES[events.indexOf(event) % POS_CODES.length];
        // `{error, original}` and nothing else at the top level (schemas/mplus/pos-error-request.schema.json): no event, no sender.
        const errorRequest = { error: { code, message: `The POS could not apply the reply to ${event} (${code}).` }, original };
        const d = await t.deliver(event, errorRequest as unknown as MplusRequest, { stamp: false });
        expectAccepted(t, d, `the POS's error request (${code}) about a ${event} reply`);
      },
      { lanes: CASE_LANES },
    );
  },
});
