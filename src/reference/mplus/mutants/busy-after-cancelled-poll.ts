import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'busy-after-cancelled-poll',
  description: 'holds a workplace busy while one of its polling processes is unfinished: after its user cancels a poll, every other event of that workplace gets 503',
  checks: ['MP-POL-003'],
  break: (ref) => {
    const running = new Map<string, string>();
    return {
      ...ref,
      async reply(event, body, state) {
        const workplace = String(body.sender?.instanceId);
        if (body.event?.eventPolling !== true && running.has(workplace))
          return { status: 503, reply: { error: { code: 'INVALID_DATA', message: `workplace busy: ${running.get(workplace)} is still running` } } };
        const out = await ref.reply(event, body, state);
        if (body.event?.eventPolling === true) {
          if ((out.reply?.polling as { finished?: boolean } | undefined)?.finished === false) running.set(workplace, event);
          else running.delete(workplace);
        }
        return out;
      },
    };
  },
});
