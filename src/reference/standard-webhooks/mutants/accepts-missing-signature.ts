import { ID_HEADER, TIMESTAMP_HEADER } from '../../../protocol/standard-webhooks/signing.js';
import { swMutant } from '../mutant.js';

export default swMutant({
  name: 'accepts-missing-signature',
  description: 'verifies webhook-signature when there is one, but lets a delivery without it (or without webhook-id or webhook-timestamp) through',
  checks: ['SW-SIG-003'],
  break: (ref) => ({
    ...ref,
    headers: (inc) => ({ id: inc.headers.get(ID_HEADER) ?? '', timestamp: inc.headers.get(TIMESTAMP_HEADER) ?? String(Math.floor(Date.now() / 1000)), signature: inc.headers.get('webhook-signature') ?? '' }),
    signature: (s, inc) => (s.signature === '' || s.id === '' ? undefined : ref.signature(s, inc)),
  }),
});
