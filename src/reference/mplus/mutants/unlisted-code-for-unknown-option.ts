import { fail } from '../receiver.js';
import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'unlisted-code-for-unknown-option',
  description:
    "refuses a dialog answer with an option it did not offer with 400 PROCESSING_FAILED, a code of its own that is not in the vendor's list (seen only in the dialog flow, so only a run-wide MP-ERR-005 catches it)",
  checks: ['MP-ERR-005'],
  alongside: ['MP-DLG-003'],
  break: (ref) => ({
    ...ref,
    async reply(event, body, state) {
      const out = await ref.reply(event, body, state);
      const said = JSON.stringify(out.reply?.message ?? '');
      return said.includes('That option is not available') ? fail('PROCESSING_FAILED', 'the selected option could not be processed') : out;
    },
  }),
});
