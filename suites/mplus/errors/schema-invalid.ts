import { reshaped, type BodyForm } from '../../../src/protocol/corpus/forms.js';
import type { MplusRequest } from '../../../src/protocol/mplus/requests.js';
import type { Delivery, MplusContext } from '../../../src/pos/context.js';
import { judgeSharedDeliveries } from '../../../src/pos/stage.js';

type Body = MplusRequest;

/** Correctly signed JSON that breaks the request schema (MP-ERR-004, MP-ERR-007); `applies` when the request has what is broken. */
export const SCHEMA_INVALID: ReadonlyArray<{ applies?: (r: Body) => boolean; form: BodyForm }> = [
  { form: reshaped<Body>('no event object', ({ event: _, ...rest }) => rest) },
  { form: reshaped<Body>('event.eventCounter as a string', (r) => ({ ...r, event: { ...r.event, eventCounter: String(r.event.eventCounter) } })) },
  { form: reshaped<Body>('sender as null', (r) => ({ ...r, sender: null })) },
  { applies: (r) => r.session !== undefined, form: reshaped<Body>('session as a string', (r) => ({ ...r, session: r.session!.sessionId })) },
  { applies: (r) => r.session !== undefined, form: reshaped<Body>('session.lines as an object', (r) => ({ ...r, session: { ...r.session, lines: {} } })) },
  { applies: (r) => r.scanCode !== undefined, form: reshaped<Body>('scanCode without scannedCode', (r) => ({ ...r, scanCode: { codeType: r.scanCode!.codeType } })) },
  { form: reshaped<Body>('a JSON array for a body', (r) => [r]) },
];

/** The vendor's codes for them (spec README, "Error codes": "INVALID_DATA … Event content: NO_EVENT_DETAILS, NO_SCANNED_CODE"). */
export const SCHEMA_INVALID_CODES = ['INVALID_DATA', 'NO_EVENT_DETAILS', 'NO_SCANNED_CODE'] as const;

/** The name of the run's stage that delivers the schema-invalid bodies. */
export const SCHEMA_INVALID_STAGE = 'schema-invalid bodies';

/**
 * Delivers each schema-invalid body to every subscribed event, once per run for every check that judges them
 * (a stage: events side by side, each on a lane of its own), and lets `judge` read each reply (it fails
 * through `t.fail`); each failing event shows its own failure.
 */
export async function eachSchemaInvalid(t: MplusContext, judge: (d: Delivery, event: string, form: BodyForm) => void): Promise<void> {
  const send = async (s: MplusContext, event: string) => {
    const out: Array<{ d: Delivery; what: BodyForm }> = [];
    for (const v of SCHEMA_INVALID) {
      const request = s.request(event);
      if (v.applies && !v.applies(request)) continue;
      out.push({ d: await s.deliver(event, request, { raw: v.form }), what: v.form });
    }
    return out;
  };
  await judgeSharedDeliveries(t, SCHEMA_INVALID_STAGE, send, judge);
}
