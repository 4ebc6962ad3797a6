import { changeReplies, mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'receipt-footer-everywhere',
  description: 'adds a receiptFooter to the reply of every event, not only completeSession',
  checks: ['MP-SHP-002'],
  break: (ref) => changeReplies(ref, (_event, reply) => ({ ...reply, receiptFooter: { textBefore: 'Thanks!' } })),
});
