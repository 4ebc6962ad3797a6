import type { Delivery, MplusContext } from '../../../src/pos/context.js';
import { judgeSharedDeliveries } from '../../../src/pos/stage.js';

/** The Content-Type headers MP-ERR-003 and MP-ERR-006 send with a correctly signed JSON body (`null`: none at all). */
export const WRONG_CONTENT_TYPES: ReadonlyArray<{ contentType: string | null; fault: string }> = [
  { contentType: null, fault: 'no Content-Type' },
  { contentType: 'text/plain', fault: 'Content-Type: text/plain' },
  { contentType: 'application/x-www-form-urlencoded', fault: 'Content-Type: application/x-www-form-urlencoded' },
];

/** The vendor's codes for them (spec README, "Error codes": "Headers and body: … NO_CONTENT_TYPE, INVALID_CONTENT_TYPE"). */
export const CONTENT_TYPE_CODES = ['NO_CONTENT_TYPE', 'INVALID_CONTENT_TYPE'] as const;

/** The name of the run's stage that delivers them. */
export const WRONG_CONTENT_TYPE_STAGE = 'wrong content types';

/**
 * Delivers a correctly signed, valid request with each wrong Content-Type to every subscribed event, once per
 * run for every check that judges them (MP-ERR-003, MP-ERR-006), and lets `judge` read each reply; each failing
 * event shows its own failure.
 */
export async function eachWrongContentType(t: MplusContext, judge: (d: Delivery, event: string, wrong: (typeof WRONG_CONTENT_TYPES)[number]) => void): Promise<void> {
  const send = async (s: MplusContext, event: string) => {
    const out: Array<{ d: Delivery; what: (typeof WRONG_CONTENT_TYPES)[number] }> = [];
    for (const wrong of WRONG_CONTENT_TYPES) out.push({ d: await s.deliver(event, s.request(event), { tamper: { contentType: wrong.contentType } }), what: wrong });
    return out;
  };
  await judgeSharedDeliveries(t, WRONG_CONTENT_TYPE_STAGE, send, judge);
}
