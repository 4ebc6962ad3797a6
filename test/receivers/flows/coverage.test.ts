import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { http } from '../../../src/reference/handler.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mplusReference } from '../../../src/reference/mplus/mutant.js';
import { serveHandlers, type ServedReceiver } from '../../../src/reference/server.js';
import { registry } from '../../../src/schema/registry.js';
import { cli, statuses } from '../../helpers.js';
import { startLoyaltyReceiver, type LoyaltyReceiver } from './loyalty.js';

const secret = randomBytes(32).toString('base64');
const env = { HOOKCERT_SECRET: secret };

describe('the coverage table, in all five outputs, on a run that leaves flows unreached', () => {
  let receiver: LoyaltyReceiver;
  beforeAll(async () => {
    receiver = await startLoyaltyReceiver({ secret, articleNumbers: [1005] });
  });
  afterAll(() => receiver.close());

  it('console, results.json, summary.md, junit.xml and index.html each say what was reached, by which request, and what was not', async () => {
    const out = await cli(['run', '--url', receiver.url, '--events', 'startSession,addSessionLine,customAction', '--seed', '9', '--runs', '3', '--check', 'MP-SHP-004,MP-DLG-001,MP-FRM-001'], env);
    const file = (name: string) => readFileSync(join(out.reportDir, name), 'utf8');
    const c = out.results!.coverage!;
    // results.json, valid against its schema: reached by exploration, with the replay of a flow check; not reached, with what to configure.
    expect(registry().validate('report/results.schema.json', out.results)).toEqual([]);
    const lineChanges = c.flows.find((f) => f.flow === 'line-changes')!;
    expect(lineChanges).toMatchObject({ reached: true, events: ['addSessionLine'], by: { source: 'exploration', event: 'addSessionLine' } });
    expect(lineChanges.by!.replay).toMatch(/--seed 9 --check MP-SHP-004$/);
    expect(c.flows.find((f) => f.flow === 'dialog')).toMatchObject({ reached: false, count: 0, hint: expect.stringMatching(/under `catalogue`/) });
    expect(c.events.find((e) => e.event === 'addSessionLine')).toMatchObject({ objects: { lineChanges: expect.any(Number) } });
    expect(c.unexercised.map((u) => u.id)).toEqual(['MP-DLG-001', 'MP-FRM-001']);
    expect(c.notCertified).toEqual(['dialogs', 'forms']);
    expect(statuses(out.results)['MP-SHP-004']).toBe('pass');
    // The console summary.
    expect(out.stdout).toMatch(/coverage:\n {2}exploration: \d+ requests/);
    expect(out.stdout).toMatch(/✓ line-changes +\d+× on addSessionLine; first: exploration, addSessionLine #\d+/);
    expect(out.stdout).toMatch(/- dialog +not reached: list the articles/);
    expect(out.stdout).toMatch(/verdict: conformant; not certified for: dialogs, forms · gate: passed \(no failures, no baseline\) \(seed 9\)/);
    // summary.md, junit.xml, index.html.
    expect(file('summary.md')).toMatch(/^## hookcert mplus: ✅ conformant; not certified for: dialogs, forms/);
    expect(file('summary.md')).toMatch(/### Coverage[^]*\| ⏭️ \| \*\*dialog\*\*[^]*\| ✅ \| \*\*line-changes\*\*[^]*\| addSessionLine \|/);
    expect(file('junit.xml')).toContain('<property name="coverage.notCertified" value="dialogs,forms"/>');
    expect(file('junit.xml')).toMatch(/<system-out>verdict: conformant; not certified for: dialogs, forms · gate: passed [^\n]*\ncoverage:\n[^<]*- dialog +not reached/);
    expect(file('index.html')).toMatch(/<header[^]*Not certified for: dialogs, forms[^]*<\/header>/);
    expect(file('index.html')).toMatch(/<section class="coverage" id="coverage">[^]*<b>line-changes<\/b>[^]*✓ reached[^]*<b>dialog<\/b>|<b>dialog<\/b>[^]*not reached[^]*<b>line-changes<\/b>/);
  });
});

describe('exploration runs before the checks whatever --check says', () => {
  let receiver: ServedReceiver;
  let bodies: string[] = [];
  beforeAll(async () => {
    const record = http.post('*', async ({ request }) => {
      bodies.push(await request.clone().text());
      return undefined;
    });
    receiver = await serveHandlers([record, ...mplusReference({ secret, secretEncoding: 'base64', subscriptionIds: [] })]);
  });
  afterAll(() => receiver.close());

  it('sends the same bytes, so a replay of one check starts from the same findings as the full run', async () => {
    const sent = async (checks: string) => {
      bodies = [];
      const out = await cli(['run', '--url', receiver.url, '--seed', '31', '--runs', '3', '--check', checks], env);
      return { out, first: bodies.slice(0, 1 + out.results!.coverage!.exploration!.requests) };
    };
    const a = await sent('MP-DLG-001');
    const b = await sent('MP-SHP-004,MP-FRM-002');
    expect(a.out.results!.coverage!.exploration!.requests).toBeGreaterThan(30);
    expect(b.first).toEqual(a.first);
    expect(b.out.results!.coverage!.exploration).toMatchObject({ ...a.out.results!.coverage!.exploration!, durationMs: expect.any(Number) });
  });
});
