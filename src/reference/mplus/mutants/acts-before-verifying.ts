import { onForged } from '../forged-effect.js';
import { mplusMutant } from '../mutant.js';
import { newReplyState } from '../receiver.js';

export default mplusMutant({
  name: 'acts-before-verifying',
  description:
    'processes every request (its payments, polling rounds and buttons) before it checks the signature, and only then refuses a bad one: a forger who asks to cancel a running external payment cancels the customer’s payment',
  checks: ['MP-SIG-008'],
  break: (ref) => {
    // The mutant's own memory, shared by the forged requests it acts on and the genuine ones.
    const state = newReplyState();
    return {
      ...ref,
      // The reply is thrown away; what it did to the state stays.
      signature: onForged(ref, (event, body) => {
        if (!ref.validate(event, body)) void ref.reply(event, body, state).catch(() => undefined);
      }),
      reply: (event, body) => ref.reply(event, body, state),
    };
  },
});
