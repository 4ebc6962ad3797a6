import { randomUUID } from 'node:crypto';
import { changeReplies, mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'discounts-unknown-line',
  description: 'applies voucher discounts to a line id of its own invention instead of a line of the session',
  checks: ['MP-SHP-004'],
  break: (ref) =>
    changeReplies(ref, (_event, reply) => {
      for (const c of reply.lineChanges ?? []) c.lineId = randomUUID();
      return reply;
    }),
});
