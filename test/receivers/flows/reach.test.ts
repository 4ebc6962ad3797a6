import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/runner/results.js';
import type { CheckResult } from '../../../src/runner/types.js';
import { registry } from '../../../src/schema/registry.js';
import { cli, statuses } from '../../helpers.js';
import { startLoyaltyReceiver } from './loyalty.js';
import { startPython } from './python.js';

// Issue 12, done when: correct receivers in other styles (Python's standard library, plain node:http) that
// open their flows only for their own data are reached, by the integrator's catalogue or by the spec's own
// vocabulary, and the polling probe certifies polling nobody configured; every output carries the coverage.
const secret = randomBytes(32).toString('base64');
const env = { HOOKCERT_SECRET: secret };
const DIALOG_CHECKS = ['MP-DLG-001', 'MP-DLG-002', 'MP-DLG-003'];
const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closers) await close();
});

const check = (r: RunResults | undefined, id: string): CheckResult => r!.checks.find((c) => c.id === id)!;
const flow = (r: RunResults | undefined, name: string) => r!.coverage!.flows.find((f) => f.flow === name)!;

function config(content: object): string {
  const path = join(mkdtempSync(join(tmpdir(), 'hookcert-reach-')), 'hookcert.config.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
}

/** The catalogue of the README's ticketing example. */
function readmeCatalogue(): Record<string, unknown> {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const block = [...readme.matchAll(/```json\n([^`]*?"catalogue"[^`]*?)```/g)][0][1];
  return JSON.parse(block) as Record<string, unknown>;
}

async function python(args: string[]) {
  const r = await startPython('ticketing.py', ['--secret', secret, ...args]);
  closers.push(r.close);
  return r;
}

describe('a dialog that opens only for the integrator’s own ticket article (Python, standard library)', () => {
  it('is reached through the README’s catalogue: MP-DLG-001..003 run and pass; without it they are not exercised and the verdict says so', async () => {
    const receiver = await python(['--ticket-article', '4711']);
    const { catalogue } = readmeCatalogue();
    expect(registry().validate('report/config.schema.json', readmeCatalogue())).toEqual([]);
    const events = { startSession: {}, addSessionLine: { polling: false }, completeSession: {} };
    const withCatalogue = await cli(['run', '--config', config({ endpointUrl: receiver.url, events, catalogue }), '--seed', '12', '--runs', '6', '--check', DIALOG_CHECKS.join(',')], env);
    expect(DIALOG_CHECKS.map((id) => statuses(withCatalogue.results)[id]), withCatalogue.stdout).toEqual(['pass', 'pass', 'pass']);
    for (const id of DIALOG_CHECKS) expect(check(withCatalogue.results, id).flows?.length ?? 0, id).toBeGreaterThan(0);
    expect(flow(withCatalogue.results, 'dialog')).toMatchObject({ reached: true, events: ['addSessionLine'], by: { source: 'exploration', event: 'addSessionLine' } });
    expect(withCatalogue.results!.coverage!.exploration!.tried.catalogue).toBeGreaterThan(0);
    expect(withCatalogue.results!.coverage!.notCertified).toEqual([]);
    expect(withCatalogue.code).toBe(0);

    const without = await cli(['run', '--config', config({ endpointUrl: receiver.url, events }), '--seed', '12', '--runs', '6', '--check', DIALOG_CHECKS.join(',')], env);
    expect(statuses(without.results)['MP-DLG-001']).toBe('skip');
    expect(check(without.results, 'MP-DLG-001').reason).toMatch(/^not exercised: no reply carried a dialog \(exploration sent \d+ requests .*\); list the articles.* under `catalogue`/);
    expect(without.results!.coverage!.notCertified).toEqual(['dialogs']);
    expect(without.stdout).toMatch(/verdict: conformant; not certified for: dialogs/);
  });

  it('is reached with no config at all when it opens for the seed’s own ticket text, "Tour Ticket (Adult)"', async () => {
    const receiver = await python(['--ticket-text', 'Tour Ticket (Adult)']);
    const out = await cli(['run', '--url', receiver.url, '--events', 'startSession,addSessionLine,completeSession', '--seed', '3', '--runs', '6', '--check', DIALOG_CHECKS.join(',')], env);
    expect(DIALOG_CHECKS.map((id) => statuses(out.results)[id]), out.stdout).toEqual(['pass', 'pass', 'pass']);
    const opener = flow(out.results, 'dialog').by!;
    expect(opener.source).toBe('exploration');
    expect(out.results!.coverage!.exploration!.tried.vocabulary).toBeGreaterThan(0);
  });
});

describe('a loyalty system that discounts only its own article numbers (plain node:http)', () => {
  it('has MP-SHP-004 run for an article number the seeds show (1005, Chocolate Milk) with no config', async () => {
    const receiver = await startLoyaltyReceiver({ secret, articleNumbers: [1005] });
    closers.push(receiver.close);
    const out = await cli(['run', '--url', receiver.url, '--events', 'startSession,addSessionLine,scanCode', '--seed', '5', '--runs', '4', '--check', 'MP-SHP-004'], env);
    expect(statuses(out.results)['MP-SHP-004'], out.stdout).toBe('pass');
    expect(flow(out.results, 'line-changes')).toMatchObject({ reached: true, events: ['addSessionLine'] });
  });

  it('has MP-SHP-004 run for an article number only the config’s catalogue gives, and not exercised without it', async () => {
    const receiver = await startLoyaltyReceiver({ secret, articleNumbers: [8123] });
    closers.push(receiver.close);
    const events = { startSession: {}, addSessionLine: {}, scanCode: {} };
    const catalogue = { articles: [{ articleNumber: 8123, text: 'Member coffee beans', priceIncl: 9.95 }] };
    const given = await cli(['run', '--config', config({ endpointUrl: receiver.url, events, catalogue }), '--seed', '5', '--runs', '4', '--check', 'MP-SHP-004'], env);
    expect(statuses(given.results)['MP-SHP-004'], given.stdout).toBe('pass');
    const without = await cli(['run', '--config', config({ endpointUrl: receiver.url, events }), '--seed', '5', '--runs', '4', '--check', 'MP-SHP-004'], env);
    expect(check(without.results, 'MP-SHP-004').reason).toMatch(/^not exercised: no reply carried lineChanges or lineDeletions/);
  });
});

describe('the checks that judge replies start from what the exploration found', () => {
  it('MP-SIG-010 judges the signed replies of an endpoint that answers only its own article, MP-ERR-008 refuses its discount; without them each is not exercised and says what to configure', async () => {
    const receiver = await startLoyaltyReceiver({ secret, articleNumbers: [1005] });
    closers.push(receiver.close);
    const checks = ['--check', 'MP-SIG-010,MP-ERR-008'];
    const out = await cli(['run', '--url', receiver.url, '--events', 'startSession,addSessionLine', '--seed', '5', '--runs', '4', ...checks], env);
    expect(statuses(out.results), out.stdout).toEqual({ 'MP-SIG-010': 'pass', 'MP-ERR-008': 'pass' });
    // An article number that neither the spec's vocabulary nor a catalogue gives: no reply has a body.
    const blind = await startLoyaltyReceiver({ secret, articleNumbers: [8123] });
    closers.push(blind.close);
    const none = await cli(['run', '--url', blind.url, '--events', 'startSession,addSessionLine', '--seed', '5', '--runs', '4', ...checks], env);
    expect(check(none.results, 'MP-SIG-010').reason).toMatch(/^not exercised: no subscribed event got a non-empty reply, so there was no reply signature to check \(exploration sent \d+ requests .*\); list the articles.* under `catalogue`/);
    expect(check(none.results, 'MP-ERR-008').reason).toMatch(/^not exercised: no reply changed or added lines \(exploration sent .*\); list the articles.* under `catalogue`/);
    expect(none.results!.coverage!.notCertified).toEqual(['errors', 'reply signatures']);
    expect(none.stdout).toMatch(/verdict: conformant; not certified for: errors, reply signatures/);
  });
});

describe('polling where the subscription does not say', () => {
  it('a receiver that polls when asked has MP-POL-001..003 run on addSessionLine with no config, and the coverage says why', async () => {
    const receiver = await python(['--polls']);
    const out = await cli(['run', '--url', receiver.url, '--events', 'startSession,addSessionLine,scanCode', '--seed', '8', '--runs', '4', '--check', 'MP-POL-001,MP-POL-002,MP-POL-003'], env);
    expect(statuses(out.results), out.stdout).toEqual({ 'MP-POL-001': 'pass', 'MP-POL-002': 'pass', 'MP-POL-003': 'pass' });
    const cancelled = check(out.results, 'MP-POL-003').flows!.find((f) => f.name === 'polling addSessionLine')!;
    expect(JSON.parse(cancelled.steps[0].exchange.request.body).event.eventPolling).toBe(true);
    expect(out.results!.coverage!.notes).toEqual([expect.stringMatching(/^addSessionLine polls when asked \(eventPolling: true\)/)]);
  });

  it('a receiver that does not poll: INFO in the coverage, the polling checks not exercised, never a failure', async () => {
    const receiver = await python([]);
    const out = await cli(['run', '--url', receiver.url, '--events', 'startSession,addSessionLine,scanCode', '--seed', '8', '--runs', '4', '--check', 'MP-POL-001,MP-POL-002,MP-POL-003'], env);
    expect(statuses(out.results)).toEqual({ 'MP-POL-001': 'skip', 'MP-POL-002': 'skip', 'MP-POL-003': 'skip' });
    expect(check(out.results, 'MP-POL-001').reason).toMatch(/^not exercised: no subscribed event polls, and addSessionLine answered eventPolling: true without a polling object; set `polling: true`/);
    expect(out.results!.coverage!.notes).toEqual(['no polling on addSessionLine: it answered eventPolling: true without a polling object; set `polling: true` for the event in hookcert.config.json to certify it']);
    expect(out.code).toBe(0);
  });
});
