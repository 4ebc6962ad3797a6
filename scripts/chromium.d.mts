/** Declarations of chromium.mjs, for the browser tests (test/browser.ts). */
import type { Browser } from 'playwright-core';
/** Launches the shipped Chromium (or HOOKCERT_CHROMIUM's); one that cannot start is a one-line error prefixed `who:`. */
export function launchChromium(who?: string): Promise<Browser>;
