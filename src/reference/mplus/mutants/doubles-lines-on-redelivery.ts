import type { MplusReply } from '../../../generated/mplus/reply.js';
import { catalogue } from '../../../protocol/mplus/catalogue.js';
import { digest, uuidOf } from '../replies.js';
import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'doubles-lines-on-redelivery',
  description:
    'adds a bottle deposit line for each bottle rung up under a new line id per delivery, and keeps re-pricing every deposit line it added: after a re-delivered addSessionLine it re-prices a line the POS never got',
  checks: ['MP-IDM-002'],
  break: (ref) => {
    const deposits = new Map<string, string[]>();
    let minted = 0;
    return {
      ...ref,
      async reply(event, body, state) {
        const sessionId = String(body.session?.sessionId);
        const out = await ref.reply(event, body, state);
        if (out.status !== 200 || !body.session) return out;
        const removed = body.removeSessionLine?.line?.lineId;
        if (removed) deposits.set(sessionId, (deposits.get(sessionId) ?? []).filter((id) => id !== removed));
        const reply: MplusReply = { ...(out.reply ?? {}) };
        const mine = deposits.get(sessionId) ?? [];
        const canChange = catalogue().get(event).replyObjects.includes('lineChanges') && !body.dialog && !body.form;
        if (canChange && mine.length > 0)
          reply.lineChanges = [...(reply.lineChanges ?? []), ...mine.map((lineId) => ({ lineId, externalDiscount: { discountId: uuidOf(`deposit:${lineId}`), discountAmount: 0, discountDescription: 'Deposit' } }))];
        const line = body.addSessionLine?.line;
        if (event === 'addSessionLine' && !body.dialog && typeof line?.lineId === 'string' && digest(line.lineId)[0] % 2 === 1) {
          const lineId = uuidOf(`deposit-line:${sessionId}:${minted++}`);
          deposits.set(sessionId, [...mine, lineId]);
          reply.lineAdditions = [...(reply.lineAdditions ?? []), { lineId, text: 'Bottle deposit', priceIncl: 0.15, quantity: 1 }];
        }
        return Object.keys(reply).length > 0 ? { ...out, reply } : out;
      },
    };
  },
});
