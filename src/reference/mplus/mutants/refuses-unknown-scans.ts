import { fail } from '../receiver.js';
import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'refuses-unknown-scans',
  description: 'answers a scanned code it does not recognise with 400 UNKNOWN_CODE, an error code of its own, instead of scanCode.recognized: false',
  checks: ['MP-ROB-001'],
  break: (ref) => ({
    ...ref,
    async reply(event, body, state) {
      const out = await ref.reply(event, body, state);
      if (event === 'scanCode' && (out.reply as { scanCode?: { recognized?: boolean } } | undefined)?.scanCode?.recognized === false) return fail('UNKNOWN_CODE', 'code not known here');
      return out;
    },
  }),
});
