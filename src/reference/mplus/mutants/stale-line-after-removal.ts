import type { MplusReply } from '../../../generated/mplus/reply.js';
import { catalogue } from '../../../protocol/mplus/catalogue.js';
import { uuidOf } from '../replies.js';
import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'stale-line-after-removal',
  description:
    'remembers the lines of each session from addSessionLine but ignores removeSessionLine; the member discount it re-applies on each later event then names a line the POS user removed',
  checks: ['MP-SES-001'],
  break: (ref) => {
    const remembered = new Map<string, string[]>();
    return {
      ...ref,
      async reply(event, body, state) {
        const out = await ref.reply(event, body, state);
        const sessionId = String(body.session?.sessionId);
        const lineId = body.addSessionLine?.line?.lineId;
        if (event === 'addSessionLine' && !body.dialog && typeof lineId === 'string') remembered.set(sessionId, [...(remembered.get(sessionId) ?? []), lineId]);
        const lines = remembered.get(sessionId) ?? [];
        if (event === 'removeSessionLine' || lines.length === 0 || body.dialog || body.form || !catalogue().get(event).replyObjects.includes('lineChanges')) return out;
        if (out.status !== 200) return out;
        // 5% member discount on every line it knows of, re-applied on each event.
        const changes = lines.map((id) => ({ lineId: id, externalDiscount: { discountId: uuidOf(`member:${id}`), discountPercentage: 5, discountDescription: 'Member discount' } }));
        const reply: MplusReply = { ...(out.reply ?? {}) };
        reply.lineChanges = [...(reply.lineChanges ?? []), ...changes];
        return { ...out, reply };
      },
    };
  },
});
