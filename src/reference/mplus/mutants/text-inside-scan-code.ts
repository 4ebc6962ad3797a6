import { changeReplies, mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'text-inside-scan-code',
  description: 'puts the text for the cashier inside the scanCode object (scanCode.message), where the POS drops it, instead of in a message object',
  checks: ['MP-SHP-008'],
  break: (ref) => changeReplies(ref, (event, reply) => (event === 'scanCode' && reply.scanCode ? { ...reply, scanCode: { ...reply.scanCode, message: 'Voucher accepted' } } : reply)),
});
