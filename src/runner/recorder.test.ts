import { expect, it } from 'vitest';
import { MAX_ERROR_CODES, Recorder } from './recorder.js';
import type { LiveExchange } from '../http/exchange.js';

it('the recorder keeps every error code of the run with the first reply that carried it, up to a bound', () => {
  const ex = (seq: number) => ({ seq, label: 'scanCode', request: {}, response: { status: 400 } }) as unknown as LiveExchange;
  const r = new Recorder();
  r.noteErrorCode('PROCESSING_FAILED', 'scanCode', 'MP-DLG-003', ex(1));
  r.noteErrorCode('PROCESSING_FAILED', 'addSessionLine', 'MP-SES-001', ex(2));
  expect(r.errorCodes.get('PROCESSING_FAILED')).toMatchObject({ count: 2, label: 'scanCode', source: 'MP-DLG-003' });
  for (let i = 0; i < 2 * MAX_ERROR_CODES; i++) r.noteErrorCode(`CODE_${i}`, 'scanCode', 'x', ex(i));
  expect(r.errorCodes.size).toBe(MAX_ERROR_CODES);
});
