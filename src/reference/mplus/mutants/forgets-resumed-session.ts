import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'forgets-resumed-session',
  description:
    'keeps one current session per workplace, set at startSession only: a session resumed on another workplace (or after the workplace started another) is "not found" there (500)',
  checks: ['MP-SES-002'],
  break: (ref) => {
    const current = new Map<string, string>();
    return {
      ...ref,
      async reply(event, body, state) {
        const workplace = String(body.sender?.instanceId);
        const sessionId = body.session?.sessionId;
        if (event === 'startSession') current.set(workplace, String(sessionId));
        else if (typeof sessionId === 'string' && current.has(workplace) && current.get(workplace) !== sessionId)
          return { status: 500, text: `Error: session ${sessionId} not found for this workplace`, headers: { 'content-type': 'text/plain' } };
        return ref.reply(event, body, state);
      },
    };
  },
});
