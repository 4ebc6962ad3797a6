import { kopokopoCheck } from '../check.js';
import { expectAcknowledgedOver, topicPayloads } from '../robust.js';

export default kopokopoCheck({
  id: 'KK-ROB-004',
  title: 'MUST acknowledge payloads with unknown extra fields anywhere (forward compatibility) without refusing them, a 5xx or a hang',
  level: 'MUST',
  area: 'robustness',
  // Fields appear between versions: hashed_sender_phone came to incoming payment callbacks after the SDK fixtures.
  spec: {
    doc: 'schemas/kopokopo/callbacks/incoming_payment_success.schema.json ($comment)',
    quote: 'hashed_sender_phone is allowed (seen in recent live payloads) but not required.',
  },
  async run(t) {
    await expectAcknowledgedOver(t, topicPayloads(t, { extraProperties: true }), 'unknown extra fields');
  },
});
