import type { Browser } from 'playwright-core';
import { launchChromium } from '../scripts/chromium.mjs';

/**
 * The browser of the report's browser tests, with nothing to install by hand and nothing downloaded: the
 * Chromium that the dev dependency `@sparticuz/chromium` ships inside its npm package, unpacked once into
 * `node_modules/.cache/` (scripts/chromium.mjs, which bench/report.mjs uses too). `HOOKCERT_CHROMIUM=/usr/bin/chromium`
 * uses another browser instead. A browser that cannot start is one line that says what to do, never a stack trace.
 */
export function launchBrowser(): Promise<Browser> {
  return launchChromium('hookcert browser tests');
}
