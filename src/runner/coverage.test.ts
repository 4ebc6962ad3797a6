import { describe, expect, it } from 'vitest';
import { unexercisedOf } from './coverage.js';
import type { CheckResult } from './types.js';

const skipped = (id: string, area: string, level: CheckResult['level'] = 'MUST'): CheckResult =>
  ({ id, area, level, title: id, profile: 'mplus', spec: [], status: 'skip', reason: 'not exercised: no reply carried one', durationMs: 0, warnings: [], exchanges: [], exchangeCount: 0, replay: '' }) as unknown as CheckResult;

describe('what a run does not certify', () => {
  it('names each thing once: the shape checks of dialogs and forms add no "dialogs and forms" beside "dialogs"', () => {
    const { notCertified, unexercised } = unexercisedOf([skipped('MP-DLG-001', 'dialog'), skipped('MP-SHP-005', 'shape'), skipped('MP-POL-003', 'polling'), skipped('MP-SHP-006', 'shape')]);
    expect(notCertified).toEqual(['dialogs', 'forms', 'polling']);
    expect(unexercised.map((u) => u.id)).toEqual(['MP-DLG-001', 'MP-SHP-005', 'MP-POL-003', 'MP-SHP-006']);
  });

  it('counts only MUST checks, and falls back to the area', () => {
    expect(unexercisedOf([skipped('MP-FRM-004', 'form', 'SHOULD'), skipped('MP-ERR-008', 'errors')]).notCertified).toEqual(['errors']);
  });
});
