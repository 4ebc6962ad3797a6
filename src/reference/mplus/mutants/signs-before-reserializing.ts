import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'signs-before-reserializing',
  description: 'signs the compact JSON of a reply but sends it pretty-printed, so the signature does not match the bytes',
  checks: ['MP-SIG-010'],
  break: (ref) => ({
    ...ref,
    serialize: (out) => (out.reply ? JSON.stringify(out.reply, null, 2) : ''),
    sign: (text) => (text ? ref.sign(JSON.stringify(JSON.parse(text))) : {}),
  }),
});
