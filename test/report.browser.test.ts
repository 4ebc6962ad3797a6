import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlReporter } from '../src/report/html.js';
import { INJECTION } from '../src/reference/mplus/mutants/script-injection.js';
import type { RunResults } from '../src/runner/results.js';
import { sampleResults } from './fixtures/report-results.js';
import { launchBrowser } from './browser.js';
import { cli } from './helpers.js';

// The HTML report in a real browser: the Chromium an npm dev dependency ships, driven by playwright-core
// (never a browser download; test/browser.ts).
const SHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'reports', 'screenshots');
const SEED = '20261121';

interface Report {
  url: string;
  results: RunResults;
}

let browser: Browser;
let failing: Report; // the demo against a mutant that takes any signature
let hostile: Report; // the demo against the mutant that puts markup in everything it sends
let conformant: Report; // a few checks against the reference
let flows: Report; // the fixture run: a failing dialog flow with the POS state at each step

async function demo(argv: string[]): Promise<Report> {
  const out = await cli(['demo', '--seed', SEED, '--runs', '3', ...argv]);
  expect(out.results, out.stdout + out.stderr).toBeDefined();
  return { url: pathToFileURL(join(out.reportDir, 'index.html')).href, results: out.results! };
}

beforeAll(async () => {
  browser = await launchBrowser(); // first: a missing browser says so at once
  failing = await demo(['--mutant', 'no-signature-check']);
  hostile = await demo(['--mutant', 'script-injection']);
  conformant = await demo(['--check', 'MP-SIG-001,MP-SIG-002,MP-SHP-001']);
  const dir = mkdtempSync(join(tmpdir(), 'hookcert-report-'));
  writeFileSync(join(dir, 'index.html'), htmlReporter.render(sampleResults()));
  flows = { url: pathToFileURL(join(dir, 'index.html')).href, results: sampleResults() };
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

async function open(report: Report, opts: { hash?: string; js?: boolean; viewport?: { width: number; height: number } } = {}): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ javaScriptEnabled: opts.js ?? true, viewport: opts.viewport ?? { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(report.url + (opts.hash ?? ''));
  return { page, context };
}

/** The ids of the checks a reader can see now. */
const visibleIds = (page: Page) => page.evaluate(`[...document.querySelectorAll('details.check')].filter((e) => e.offsetParent !== null).map((e) => e.id)`) as Promise<string[]>;

const failedIds = (r: RunResults) => r.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => c.id);

describe('the report of a failing run', () => {
  it('shows the verdict at a glance, with what was tested and the command that replays the run', async () => {
    const { page, context } = await open(failing);
    await expect(page.locator('h1.verdict').textContent()).resolves.toBe('Not conformant');
    expect(await page.locator('h1.verdict').isVisible()).toBe(true);
    const because = await page.locator('.because').textContent();
    for (const id of failedIds(failing.results)) expect(because).toContain(id);
    expect(await page.locator('#replay-run').textContent()).toBe(failing.results.replay);
    const meta = await page.locator('details.meta').textContent();
    for (const text of [failing.results.target.url, failing.results.hashes.schemas, failing.results.hashes.checks, String(failing.results.seed), 'hookcert-demo', 'backgroundPoll'])
      expect(meta).toContain(text);
    expect(await page.title()).toMatch(/^Not conformant · hookcert mplus · http:\/\/127\.0\.0\.1:\d+\/webhooks$/);
    await context.close();

    const ok = await open(conformant);
    await expect(ok.page.locator('h1.verdict').textContent()).resolves.toBe('Conformant');
    await ok.context.close();
  });

  it('opens on the failures ("failed only" on), and filters to an area and to a level, and resets', async () => {
    const { page, context } = await open(failing);
    const all = failing.results.checks.map((c) => c.id);
    expect(await page.isChecked('#f-failed')).toBe(true);
    expect((await visibleIds(page)).sort()).toEqual(failedIds(failing.results).sort());
    expect(await page.locator('#f-count').textContent()).toBe(`${failedIds(failing.results).length} of ${all.length} checks shown`);
    await page.uncheck('#f-failed');
    expect(await visibleIds(page)).toEqual(expect.arrayContaining(all));
    // Failures first: the failed checks open the page, in full, before the areas (each lists them as a link).
    const order = (await page.evaluate(`[...document.querySelectorAll('details.check')].map((e) => e.id)`)) as string[];
    expect(order.slice(0, failedIds(failing.results).length).sort()).toEqual(failedIds(failing.results).sort());
    expect(await page.locator('#area-security p.moved a[href="#MP-SIG-002"]').count()).toBe(1);
    await page.selectOption('#f-area', 'shape');
    const shape = failing.results.checks.filter((c) => c.area === 'shape').map((c) => c.id);
    expect((await visibleIds(page)).sort()).toEqual(shape.sort());
    expect(await page.locator('#area-security').isVisible()).toBe(false);
    await page.selectOption('#f-area', '');
    await page.selectOption('#f-level', 'SHOULD');
    const should = failing.results.checks.filter((c) => c.level === 'SHOULD').map((c) => c.id);
    expect(should.length).toBeGreaterThan(0);
    expect((await visibleIds(page)).sort()).toEqual(should.sort());
    await page.click('#f-reset');
    expect((await visibleIds(page)).length).toBe(all.length);
    await context.close();
    const ok = await open(conformant);
    expect(await ok.page.isChecked('#f-failed')).toBe(false); // a passing run shows its whole checklist
    expect(await ok.page.locator('details.meta').getAttribute('open')).not.toBeNull();
    await ok.context.close();
  });

  it('searches by id and by text', async () => {
    const { page, context } = await open(failing);
    await page.fill('#f-search', 'mp-sig-003');
    await expect.poll(() => visibleIds(page)).toEqual(['MP-SIG-003']);
    await page.fill('#f-search', 'truncated');
    await expect.poll(() => visibleIds(page)).toContain('MP-SIG-004');
    const shown = (await page.evaluate(`[...document.querySelectorAll('details.check')].filter((e) => e.offsetParent !== null).map((e) => e.textContent.toLowerCase())`)) as string[];
    for (const text of shown) expect(text).toContain('truncated');
    expect(shown.length).toBeLessThan(failing.results.checks.length);
    await page.press('#f-search', 'Escape');
    await expect.poll(async () => (await visibleIds(page)).length).toBe(failedIds(failing.results).length); // failed only stays on
    await context.close();
  });

  it('expanding a failed check shows its exchange and its replay command, which copies', async () => {
    const { page, context } = await open(failing);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const id = failedIds(failing.results)[0];
    const result = failing.results.checks.find((c) => c.id === id)!;
    await page.click('#f-collapse');
    const check = page.locator(`details.check[id="${id}"]`);
    expect(await check.locator('.failure').isVisible()).toBe(false);
    await check.locator('summary').first().click();
    expect(await check.locator('.failure .msg').textContent()).toBe(result.failure!.message);
    const exchange = check.locator('details.ex[open]'); // the exchange that broke the rule opens with its check
    expect(await exchange.isVisible()).toBe(true);
    const seq = result.failure!.exchanges.at(-1)!.seq;
    expect(await exchange.locator('summary').textContent()).toContain(`#${seq}`);
    expect(await exchange.locator('.req h5').textContent()).toContain(result.failure!.exchanges.at(-1)!.request.url);
    expect(await exchange.locator('.res').isVisible()).toBe(true);
    expect(await exchange.locator('.res .hdrs').textContent()).toContain('content-type');
    const replay = check.locator(`[id="replay-${id}"]`);
    expect(await replay.isVisible()).toBe(true);
    expect(await replay.textContent()).toBe(result.replay);
    await check.locator('button.copy').click();
    await expect.poll(() => check.locator('button.copy').textContent()).toBe('copied');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(result.replay);
    await context.close();
  });

  it('a deep link opens its check and scrolls to it, even a passing one behind a filter', async () => {
    const { page, context } = await open(failing, { hash: '#MP-SHP-004' });
    const check = page.locator('details.check[id="MP-SHP-004"]');
    expect(await check.getAttribute('open')).not.toBeNull();
    const box = (await check.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(900 / 2);
    await page.check('#f-failed');
    expect(await check.isVisible()).toBe(false);
    await page.evaluate(`location.hash = '#MP-SIG-001'`);
    await expect.poll(() => page.locator('details.check[id="MP-SIG-001"]').getAttribute('open')).not.toBeNull();
    expect(await page.isChecked('#f-failed')).toBe(false);
    expect(await page.locator('details.check[id="MP-SIG-001"]').isVisible()).toBe(true);
    await context.close();
  });

  it('reads without JavaScript: the verdict, and every failure open', async () => {
    const { page, context } = await open(failing, { js: false });
    expect(await page.locator('h1.verdict').isVisible()).toBe(true);
    expect(await page.locator('.toolbar').isVisible()).toBe(false);
    for (const id of failedIds(failing.results)) expect(await page.locator(`details.check[id="${id}"] .failure .msg`).isVisible()).toBe(true);
    expect(await page.locator('details.check[id="MP-SIG-001"] .check-body').isVisible()).toBe(false);
    await context.close();
  });

  it('prints as a certificate: no controls, every check listed, failures in full', async () => {
    const { page, context } = await open(failing);
    await page.check('#f-failed');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.toolbar').isVisible()).toBe(false);
    expect(await page.locator('button.copy').first().isVisible()).toBe(false);
    expect((await visibleIds(page)).length).toBe(failing.results.checks.length);
    expect(await page.locator(`details.check[id="${failedIds(failing.results)[0]}"] .failure`).isVisible()).toBe(true);
    mkdirSync(SHOTS, { recursive: true });
    await page.pdf({ path: join(SHOTS, 'failing-demo.pdf'), format: 'A4' });
    expect(statSync(join(SHOTS, 'failing-demo.pdf')).size).toBeGreaterThan(10_000);
    await context.close();
  });

  it('screenshots of a failing and a passing run: the first failure is above the fold, its finding readable', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const fold = { width: 1280, height: 800 };
    const first = await open(failing, { viewport: fold });
    const id = failedIds(failing.results)[0];
    const msg = first.page.locator(`details.check[id="${id}"] .failure .msg`);
    expect(await msg.isVisible()).toBe(true);
    const box = (await msg.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(fold.height);
    expect(await first.page.locator('details.meta').getAttribute('open')).toBeNull(); // the metadata folded
    await first.page.screenshot({ path: join(SHOTS, 'failing-run.png') });
    await first.context.close();
    const passing = await open(conformant, { viewport: fold });
    expect((await passing.page.locator('h1.verdict').boundingBox())!.y).toBeLessThan(fold.height / 2);
    await passing.page.screenshot({ path: join(SHOTS, 'passing-run.png') });
    await passing.context.close();
    for (const f of ['failing-run.png', 'passing-run.png']) expect(statSync(join(SHOTS, f)).size).toBeGreaterThan(20_000);
  });

  it('marks the offending part of the failing exchange: the forged header, the body at the schema path', async () => {
    const { page, context } = await open(failing, { hash: '#MP-SIG-002' });
    const marked = page.locator('details.check[id="MP-SIG-002"] details.ex[open] .req tr.marked th');
    expect((await marked.textContent())?.toLowerCase()).toBe('x-mplus-signature');
    const rule = page.locator('details.check[id="MP-SIG-002"] .rule cite a').first();
    expect(await rule.getAttribute('href')).toMatch(/^https:\/\/developers\.mpluskassa\.nl\/webhooks\//);
    await page.locator('details.check[id="MP-SIG-002"] a.tag.volatile').first().click();
    expect(await page.locator('#about-volatile').isVisible()).toBe(true);
    await context.close();
  });

  it('writes screenshots for review under reports/screenshots/', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const { page, context } = await open(failing, { viewport: { width: 1280, height: 1500 } });
    await page.screenshot({ path: join(SHOTS, 'failing-demo.png') });
    const id = failedIds(failing.results)[0];
    await page.goto(`${failing.url}#${id}`);
    expect(await page.locator(`details.check[id="${id}"] details.ex[open]`).count()).toBe(1); // the exchange that broke the rule, open
    await page.locator(`details.check[id="${id}"]`).screenshot({ path: join(SHOTS, 'failing-demo-check.png') });
    await page.goto(`${failing.url}#latency`);
    await page.locator('#latency').screenshot({ path: join(SHOTS, 'failing-demo-latency.png') });
    for (const f of ['failing-demo.png', 'failing-demo-check.png', 'failing-demo-latency.png']) expect(statSync(join(SHOTS, f)).size).toBeGreaterThan(20_000);
    await context.close();
  });
});

describe('the report of a flow', () => {
  it('shows every step of the flows the suite recorded', async () => {
    const withFlows = failing.results.checks.filter((c) => (c.failure?.flows ?? c.flows ?? []).length > 0);
    expect(withFlows.length).toBeGreaterThan(0);
    const { page, context } = await open(failing);
    for (const c of withFlows) {
      const steps = (c.failure?.flows ?? c.flows ?? []).reduce((n, f) => n + f.steps.length, 0);
      expect(await page.locator(`details.check[id="${c.id}"] .flow ol.steps > li`).count(), c.id).toBe(steps);
    }
    await context.close();
  });

  it('shows the sequence of exchanges with the POS state at each step', async () => {
    const { page, context } = await open(flows, { hash: '#MP-DLG-001' });
    const flow = page.locator('details.check[id="MP-DLG-001"] .flow');
    expect(await flow.locator('ol.steps > li').count()).toBe(2);
    expect(await flow.locator('ol.steps > li').nth(1).locator('.note').textContent()).toBe('answered the dialog with options [1]');
    expect(await flow.locator('ol.steps > li').nth(1).locator('.changes').textContent()).toContain('session.lines: 1 → 2 items');
    await flow.locator('details.state summary').nth(1).click();
    expect(await flow.locator('details.state pre').nth(1).textContent()).toContain('"lineId": "l2"');
    await flow.locator('details.ex summary').first().click();
    expect(await flow.locator('details.ex .hdrs').first().textContent()).toContain('x-mplus-signature');
    await page.screenshot({ path: join(SHOTS, 'flow-fixture.png'), fullPage: false });
    await context.close();
  });
});

describe('the report of a hostile endpoint (mutant script-injection)', () => {
  it('runs no script and sends no request, whatever the replies carried', async () => {
    expect(hostile.results.checks.find((c) => c.id === 'MP-SHP-007')?.status).toBe('fail');
    const context = await browser.newContext();
    const requests: string[] = [];
    const routed: string[] = [];
    const dialogs: string[] = [];
    await context.route('**/*', (route) => {
      routed.push(route.request().url());
      return route.request().url().startsWith('file:') ? route.continue() : route.abort();
    });
    const page = await context.newPage();
    page.on('request', (r) => void requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    // Counted from outside the page (playwright's init script is not subject to the page's CSP).
    await page.addInitScript(`window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`);
    await page.goto(hostile.url);
    // Everything on show: every check, exchange, flow and state opened.
    await page.click('#f-expand');
    await page.evaluate(`document.querySelectorAll('details').forEach((d) => (d.open = true))`);
    await page.waitForTimeout(300);

    // The hostile text is there, as text, in each place the mutant put it.
    const text = (await page.locator('main').textContent())!;
    for (const payload of [INJECTION.script, INJECTION.img, INJECTION.link, INJECTION.pre, INJECTION.url]) expect(text).toContain(payload);
    expect(await page.locator('.hdrs th', { hasText: 'x-debug-note' }).count()).toBeGreaterThan(0);
    expect(await page.locator('details.check[id="MP-SHP-007"] .failure .msg').textContent()).toContain(INJECTION.script);
    expect(text).toContain(`"dialogTitle": "${INJECTION.script.replace(/"/g, '\\"')}`);
    expect(text).toMatch(/"error": \{\s+"code": "INVALID_SIGNATURE",\s+"message": "signature does not match the body <img src=x/);

    // None of it ran, loaded or navigated.
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.evaluate('window.__violations')).toEqual([]);
    expect(requests).toEqual([hostile.url]);
    expect(routed).toEqual([hostile.url]);
    expect(page.url()).toBe(hostile.url);
    expect(await page.evaluate('document.scripts.length')).toBe(1);
    expect(await page.locator('img, iframe, base, link[rel=stylesheet], meta[http-equiv=refresh], [onerror], [onload], a[href^="javascript:"]').count()).toBe(0);
    expect(await page.evaluate(`document.documentElement.classList.contains('js')`)).toBe(true); // the report's own script did run

    mkdirSync(SHOTS, { recursive: true });
    await page.click('#f-collapse');
    await page.goto(`${hostile.url}#MP-SHP-007`);
    await page.screenshot({ path: join(SHOTS, 'script-injection.png') });

    // The counters work: markup forced into the page is blocked by the CSP and seen.
    await page.evaluate(`document.body.insertAdjacentHTML('beforeend', ${JSON.stringify(INJECTION.img)})`);
    await expect.poll(() => page.evaluate('window.__violations.length')).toBeGreaterThan(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    await context.close();
  });
});
