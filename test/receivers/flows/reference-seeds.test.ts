import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers.js';

// Issue 12: against our own reference no MUST check is left unexercised, whatever the seed. The checks run
// are those that can end `not exercised` (a skip in their file, or a flow they must first reach); the others
// judge every request they send. A new skip path in a check file fails the guard below until it is listed.
const REACH_CHECKS = [
  'MP-DLG-001', 'MP-DLG-002', 'MP-DLG-003', 'MP-FRM-001', 'MP-FRM-002', 'MP-FRM-003',
  'MP-POL-001', 'MP-POL-002', 'MP-POL-003', 'MP-POL-004', 'MP-SHP-004', 'MP-SHP-005', 'MP-SHP-006',
  'MP-EXT-002', 'MP-EXT-003', 'MP-EXT-004', 'MP-EXT-005', 'MP-SES-001', 'MP-SIG-010', 'MP-ERR-008', 'MP-FRM-004',
  'MP-SIG-008', 'MP-SIG-009', 'MP-SIG-011',
];
const SEEDS = Array.from({ length: 20 }, (_, i) => 1000 + 37 * i);

describe('the reference under 20 seeds', () => {
  it('lists every mplus check that can end not exercised', () => {
    const dir = new URL('../../../suites/mplus/', import.meta.url).pathname;
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /mp-[a-z]{3}-\d{3}.*\.ts$/.test(f) && !f.includes('.test.'));
    const skipping = files
      .filter((f) => /not exercised|conversationProperty|skipUnlessPolling|notReached/.test(readFileSync(join(dir, f), 'utf8')))
      .map((f) => /(mp-[a-z]{3}-\d{3})/.exec(f)![1].toUpperCase());
    expect(skipping.filter((id) => !REACH_CHECKS.includes(id))).toEqual([]);
  });

  it.each(SEEDS)('seed %i: every MUST check that must reach a flow reaches it', async (seed) => {
    const out = await cli(['demo', '--seed', String(seed), '--quick', '--check', REACH_CHECKS.join(',')]);
    const unexercised = out.results!.coverage!.unexercised.filter((u) => u.level === 'MUST');
    expect(unexercised, out.stdout).toEqual([]);
    expect(out.results!.coverage!.notCertified).toEqual([]);
    expect(out.results!.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id} ${c.status}`), out.stdout).toEqual([]);
  });
});
