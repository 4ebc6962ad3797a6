import { kopokopoCheck, SPEC } from '../check.js';
import { expectAcknowledgedOver, topicPayloads } from '../robust.js';

export default kopokopoCheck({
  id: 'KK-ROB-001',
  title: 'MUST acknowledge generated payloads of every topic (optional fields present or absent, nullable fields null) without a 5xx or a hang',
  level: 'MUST',
  area: 'robustness',
  spec: { doc: SPEC.facts, quote: 'sender_middle_name (may be null) … transaction_reference (may be null)' },
  async run(t) {
    await expectAcknowledgedOver(t, topicPayloads(t), 'a generated payload');
  },
});
