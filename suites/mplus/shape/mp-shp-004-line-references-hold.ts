import { notReached } from '../../../src/pos/flows.js';
import { everyReply, received, replyObject } from '../../../src/pos/judge.js';
import { REPLY_SAMPLE } from '../../../src/pos/reply-sample.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-SHP-004',
  title: 'MUST name only lines of the session in lineChanges and lineDeletions',
  level: 'MUST',
  area: 'shape',
  shares: REPLY_SAMPLE,
  spec: { doc: SPEC.reference, quote: 'lineChanges[].lineId | uuid | The UUID of the session line that you want to change.' },
  async run(t) {
    let seen = 0;
    await everyReply(t, (d) => {
      const reply = replyObject(d);
      const known = new Set((d.request?.session?.lines ?? []).map((l) => l.lineId.toLowerCase()));
      const added = new Set((Array.isArray(reply.lineAdditions) ? reply.lineAdditions : []).map((l: { lineId?: string }) => String(l?.lineId ?? '').toLowerCase()));
      for (const key of ['lineChanges', 'lineDeletions'] as const) {
        if (!Array.isArray(reply[key])) continue;
        seen++;
        for (const item of reply[key] as Array<{ lineId?: unknown }>) {
          const id = String(item?.lineId ?? '').toLowerCase();
          if (!known.has(id) && !(key === 'lineChanges' && added.has(id)))
            t.fail(`${key} in the reply to ${d.event} names line ${String(item?.lineId)}, which is not in the session`, {
              expected: `a lineId of session.lines (${[...known].slice(0, 5).join(', ') || 'the session has no lines'})`,
              received: received(d),
            });
        }
      }
    });
    if (seen === 0) t.skip(notReached(t, 'line-changes', 'no reply carried lineChanges or lineDeletions', `generated requests of ${t.events().length} events`));
  },
});
