import { actsOnForged } from '../forged-effect.js';
import { mplusMutant } from '../mutant.js';
import type { Body } from '../wire.js';

/** The code a scanCode request scans, in its session. */
const scanOf = (event: string, body: Body) => (event === 'scanCode' && typeof body?.scanCode?.scannedCode === 'string' ? `${body.session?.sessionId}/${body.scanCode.scannedCode}` : undefined);

export default mplusMutant({
  name: 'redeems-forged-scan',
  description:
    'redeems a scanned voucher in its session before it checks the signature: after a forged scan, the genuine scan of the same code in that session is refused as already used',
  checks: ['MP-SIG-011'],
  break: (ref) => actsOnForged(ref, scanOf, 'this code was already used in this session'),
});
