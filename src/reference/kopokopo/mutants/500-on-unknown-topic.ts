import { kopokopoMutant } from '../mutant.js';

export default kopokopoMutant({
  name: '500-on-unknown-topic',
  description: 'dispatches on the topic with a switch whose default throws: a webhook or callback of a new topic is answered 500',
  checks: ['KK-ERR-004'],
  break: (ref) => ({
    ...ref,
    process(n, body) {
      if (!n.known) return { status: 500, text: `Error: no handler for topic ${n.topic}`, headers: { 'content-type': 'text/plain' } };
      return ref.process(n, body);
    },
  }),
});
