import { verifySignatureHeader } from '../../../protocol/standard-webhooks/verify.js';
import { swMutant } from '../mutant.js';

export default swMutant({
  name: 'reserializing-verifier',
  description: 'verifies the signature over JSON.stringify(JSON.parse(body)) instead of the raw bytes (a framework parsed the body first)',
  checks: ['SW-RAW-001'],
  break: (ref, secret) => ({
    ...ref,
    signature(s, inc) {
      let body: Buffer;
      try {
        body = Buffer.from(JSON.stringify(JSON.parse(inc.raw.toString('utf8'))), 'utf8');
      } catch {
        body = inc.raw;
      }
      return verifySignatureHeader({ id: s.id, timestamp: s.timestamp, body }, s.signature, secret) ? undefined : { status: 401, json: { error: 'bad signature' } };
    },
  }),
});
