import type { RunResults } from '../runner/results.js';
import { renderPage } from './html/page.js';
import type { FileReporter } from './reporter.js';

export { escapeHtml, html, raw, type Html, type HtmlValue } from './html/escape.js';

/**
 * `index.html`: the certification document. One self-contained page (inline CSS, JS and SVG under a strict
 * Content-Security-Policy, no request leaves it), readable without JavaScript and enhanced with it. The
 * modules of `html/` each render one part: the header (verdict, what was tested), the checklist (checks,
 * failures, flows, exchanges), the timing figures, the style and the script.
 */
export const htmlReporter: FileReporter = {
  file: 'index.html',
  render(results: RunResults): string {
    return renderPage(results);
  },
};
