import { sign } from '../../../protocol/standard-webhooks/verify.js';
import { swMutant } from '../mutant.js';

export default swMutant({
  name: 'ignores-version-tag',
  description: 'compares the text after the comma of every entry whatever its version tag (v2, v1a) and takes an untagged MAC too',
  checks: ['SW-SIG-007'],
  break: (ref, secret) => ({
    ...ref,
    signature(s, inc) {
      const mac = sign({ id: s.id, timestamp: s.timestamp, body: inc.raw }, secret).slice(3);
      const ok = s.signature.split(' ').some((e) => e.slice(e.indexOf(',') + 1) === mac);
      return ok ? undefined : { status: 401, json: { error: 'bad signature' } };
    },
  }),
});
