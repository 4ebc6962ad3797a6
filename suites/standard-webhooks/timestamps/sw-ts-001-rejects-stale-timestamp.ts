import { expectRejected } from '../../../src/protocol/standard-webhooks/judge.js';
import { QUOTE, SPEC, swCheck, typesOf } from '../check.js';

/** Timestamps outside any tolerance a receiver could defend, each correctly signed as sent. */
const OUTSIDE: Array<{ what: string; skewSeconds?: number; timestamp?: string }> = [
  { what: 'an hour old', skewSeconds: -3600 },
  { what: 'an hour ahead', skewSeconds: 3600 },
  { what: 'a day old', skewSeconds: -86_400 },
  { what: '0 (1970)', timestamp: '0' },
  { what: 'in milliseconds instead of seconds', timestamp: String(Date.UTC(2026, 0, 1)) },
  { what: 'not a number', timestamp: 'yesterday' },
];

export default swCheck({
  id: 'SW-TS-001',
  title: 'MUST reject (4xx) a correctly signed delivery whose webhook-timestamp is outside the tolerance (an hour or a day off, 1970, milliseconds, not a number)',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.facts, quote: QUOTE.tolerance },
  order: 'early',
  async run(t) {
    for (const type of typesOf(t))
      for (const o of OUTSIDE)
        expectRejected(t, await t.send(type, {}, { skewSeconds: o.skewSeconds, timestamp: o.timestamp }), `${type} with webhook-timestamp ${o.what}`);
  },
});
