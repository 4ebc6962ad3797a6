import { defaultEventTypes } from '../../../protocol/standard-webhooks/catalogue.js';
import { swMutant } from '../mutant.js';

export default swMutant({
  name: '500-on-unknown-type',
  description: 'looks the event type up in a handler table without a default: a type it does not know crashes the handler (500)',
  checks: ['SW-ERR-002'],
  break: (ref) => {
    const known = new Set(defaultEventTypes().map((t) => t.type));
    return { ...ref, process: (body, s) => (known.has(body.type) ? ref.process(body, s) : { status: 500, text: `TypeError: handlers[${JSON.stringify(body.type)}] is not a function` }) };
  },
});
