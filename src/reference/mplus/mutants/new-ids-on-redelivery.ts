import type { MplusReply } from '../../../generated/mplus/reply.js';
import { uuidOf } from '../replies.js';
import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'new-ids-on-redelivery',
  description:
    'recognises a re-delivered event and gives the same answer, but stamps every discount it sends with a discountId minted per reply, so a re-delivery carries new ids: its own voucher register counts the voucher twice',
  checks: ['MP-IDM-003'],
  break: (ref) => {
    let minted = 0;
    return {
      ...ref,
      async reply(event, body, state) {
        const out = await ref.reply(event, body, state);
        if (!out.reply) return out;
        // A copy: the reference remembers its replies, and that memory stays as it was.
        const reply: MplusReply = structuredClone(out.reply);
        for (const key of ['lineChanges', 'lineAdditions'] as const)
          for (const item of Array.isArray(reply[key]) ? reply[key] : []) if (item?.externalDiscount?.discountId) item.externalDiscount.discountId = uuidOf(`voucher:${minted++}`);
        return { ...out, reply };
      },
    };
  },
});
