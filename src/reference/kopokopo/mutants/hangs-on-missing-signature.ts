import { setTimeout as sleep } from 'node:timers/promises';
import { SIGNATURE_HEADER } from '../../../protocol/kopokopo/headers.js';
import { kopokopoMutant } from '../mutant.js';

/** Longer than any budget plus grace: to the sender, a hang. */
const HANG_MS = 60_000;

export default kopokopoMutant({
  name: 'hangs-on-missing-signature',
  description: 'never answers a delivery without X-KopoKopo-Signature (a middleware that awaits the header forever): the connection hangs',
  checks: ['KK-SIG-003'],
  break: (ref) => ({
    ...ref,
    async signature(inc) {
      if (inc.headers.get(SIGNATURE_HEADER) === null) await sleep(HANG_MS, undefined, { ref: false });
      return ref.signature(inc);
    },
  }),
});
