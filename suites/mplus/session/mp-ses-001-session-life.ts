import { LINE_REMOVED_OPENING, runSessionModel, sessionSubscribed } from '../../../src/pos/model/run.js';
import { mplusCheck } from '../check.js';

export default mplusCheck({
  id: 'MP-SES-001',
  title: "MUST answer every event of a session's life with a reply the POS can apply to that session",
  level: 'MUST',
  area: 'session',
  spec: {
    doc: 'spec/README.md#error-codes-vendor-page-the-list-is-cut-off-at-the-end',
    quote: 'When the POS finds a problem in a reply, it sends a new request to the same event URL carrying error (code, message) and original (the whole original request).',
  },
  appliesTo: sessionSubscribed,
  long: true,
  async run(t) {
    // Random, plausible lives of one workplace's sessions: lines rung up and removed, vouchers scanned,
    // relations, custom actions, bills, payments started and cancelled, and an end (complete, cancel, merge, credit).
    // Each opens with lines rung up, one removed, then more events: a removed line must not come back in a reply.
    await runSessionModel(t, { workplaces: 1, opening: LINE_REMOVED_OPENING });
  },
});
