import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';

describe('the browser of the report tests', () => {
  const before = process.env.HOOKCERT_CHROMIUM;
  afterEach(() => {
    if (before === undefined) delete process.env.HOOKCERT_CHROMIUM;
    else process.env.HOOKCERT_CHROMIUM = before;
  });

  it('one that cannot start is one line saying what to do, with no stack trace', async () => {
    process.env.HOOKCERT_CHROMIUM = '/nonexistent/chromium';
    const err = (await launchBrowser().then(
      () => undefined,
      (e: unknown) => e,
    )) as Error;
    expect(err.message).toMatch(/^hookcert browser tests: the browser \/nonexistent\/chromium does not start \(.+\): check HOOKCERT_CHROMIUM$/);
    expect(err.message).not.toContain('\n');
    expect(err.stack).toBe(err.message);
  });

  it('the shipped one starts with nothing installed by hand and renders a page', async () => {
    delete process.env.HOOKCERT_CHROMIUM;
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.setContent('<p id="t">certified ✓</p>');
      expect(await page.locator('#t').textContent()).toBe('certified ✓');
    } finally {
      await browser.close();
    }
  }, 120_000);
});
