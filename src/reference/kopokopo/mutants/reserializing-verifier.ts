import { createHmac } from 'node:crypto';
import { SIGNATURE_HEADER } from '../../../protocol/kopokopo/headers.js';
import { kopokopoMutant } from '../mutant.js';

export default kopokopoMutant({
  name: 'reserializing-verifier',
  description:
    'verifies the HMAC over JSON.stringify(JSON.parse(body)) instead of the raw bytes, as the official Node and Ruby SDKs do: any body whose bytes change under re-serialisation is refused with 401',
  checks: ['KK-RAW-001'],
  break: (ref, apiKey) => ({
    ...ref,
    signature(inc) {
      // The SDK receiver sits behind a JSON body parser: a body that does not parse never reaches it.
      let parsed: unknown;
      try {
        parsed = JSON.parse(inc.raw.toString('utf8'));
      } catch {
        return { status: 400, json: { error: 'the body is not valid JSON' } };
      }
      const hash = createHmac('sha256', apiKey).update(JSON.stringify(parsed)).digest('hex');
      const sig = inc.headers.get(SIGNATURE_HEADER);
      return sig === hash ? undefined : { status: 401, json: { error: 'Unauthorized' } };
    },
  }),
});
