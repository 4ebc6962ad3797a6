import fc from 'fast-check';
import { withAmounts } from '../../../src/protocol/kopokopo/payloads.js';
import { kopokopoCheck, SPEC } from '../check.js';
import { expectAcknowledgedOver, topicPayloads } from '../robust.js';

/** Amounts as Kopo Kopo writes them (decimal strings), at and past the limits of common number types. */
const AMOUNTS = [
  '999999999.99', // the largest the schema allows
  '21474836.48', // one cent past a signed 32-bit count of cents
  '100000000.0',
  '42949672.96', // past an unsigned 32-bit count of cents
  '0.01',
  '0.0',
];

export default kopokopoCheck({
  id: 'KK-ROB-003',
  title: 'MUST acknowledge payloads with large and tiny amounts (decimal strings up to 999999999.99) without a 5xx or a hang',
  level: 'MUST',
  area: 'robustness',
  spec: { doc: SPEC.facts, quote: 'amount (string, e.g. "100.0")' },
  async run(t) {
    const arb = fc
      .tuple(topicPayloads(t), fc.constantFrom(...AMOUNTS))
      .map(([{ topic, payload }, amount]) => ({ topic, payload: withAmounts(payload, amount) }));
    await expectAcknowledgedOver(t, arb, 'extreme amounts');
  },
});
