import { kopokopoCheck, SPEC } from '../check.js';
import { expectAcknowledgedOver, topicPayloads } from '../robust.js';

export default kopokopoCheck({
  id: 'KK-ROB-002',
  title: 'MUST acknowledge payloads whose names and texts are unicode (astral planes, combining marks, CJK) without a 5xx or a hang',
  level: 'MUST',
  area: 'robustness',
  spec: { doc: SPEC.facts, quote: 'customer_created | Customer Created | first_name, middle_name, last_name, phone_number' },
  async run(t) {
    // Every optional text present, so that names, notes and references all carry unicode.
    await expectAcknowledgedOver(t, topicPayloads(t, { unicode: true, optionalProbability: 0.9 }), 'unicode text');
  },
});
