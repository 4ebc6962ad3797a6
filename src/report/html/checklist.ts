import type { RunResults } from '../../runner/results.js';
import type { CheckResult, CheckStatus } from '../../runner/types.js';
import { html, join, type Html } from './escape.js';
import { checkBlock, failed, type Anchors } from './check.js';

/** The areas in the order of DESIGN.md's minimum checklist; other areas follow, by name. */
export const AREA_ORDER = ['security', 'shape', 'robustness', 'errors', 'polling', 'dialog', 'form', 'external-payment', 'session', 'timing', 'idempotency'];

const STATUSES: CheckStatus[] = ['fail', 'error', 'warn', 'skip', 'pass'];

/** The areas of the run's checks, in checklist order. */
export function areasOf(checks: readonly CheckResult[]): string[] {
  const present = [...new Set(checks.map((c) => c.area as string))];
  const rank = (a: string) => (AREA_ORDER.includes(a) ? AREA_ORDER.indexOf(a) : AREA_ORDER.length);
  return present.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Counts of each verdict among `checks`. */
export function tally(checks: readonly CheckResult[]): Record<CheckStatus, number> {
  const t: Record<CheckStatus, number> = { pass: 0, fail: 0, warn: 0, skip: 0, error: 0 };
  for (const c of checks) t[c.status]++;
  return t;
}

/** A thin bar of the verdicts of an area (failures first), as inline SVG. */
export function statusBar(t: Record<CheckStatus, number>, width = 120): Html | '' {
  const total = STATUSES.reduce((s, k) => s + t[k], 0);
  if (total === 0) return '';
  let x = 0;
  const rects = STATUSES.filter((k) => t[k] > 0).map((k) => {
    const w = (t[k] / total) * width;
    const r = html`<rect class="bar-${k}" x="${x.toFixed(2)}" y="0" width="${w.toFixed(2)}" height="8"><title>${t[k]} ${k}</title></rect>`;
    x += w;
    return r;
  });
  return html`<svg class="sbar" width="${width}" height="8" viewBox="0 0 ${width} 8" role="img" aria-label="${STATUSES.map((k) => `${t[k]} ${k}`).join(', ')}">${rects}</svg>`;
}

/** The counts of an area in words: `10 checks · 9 pass · 1 fail`. */
export function countsText(t: Record<CheckStatus, number>): Html {
  const total = STATUSES.reduce((s, k) => s + t[k], 0);
  return join([`${total} ${total === 1 ? 'check' : 'checks'}`, ...STATUSES.filter((k) => t[k] > 0).map((k) => html`<span class="c-${k}">${t[k]} ${k}</span>`)], ' · ');
}

/**
 * A failing run opens on its failures: every check that failed or could not be judged, in full, before
 * anything else of the page (empty when none did).
 */
export function failuresSection(results: RunResults, anchors: Anchors): Html | '' {
  const broken = results.checks.filter(failed);
  if (broken.length === 0) return '';
  return html`<section class="area failures" id="failures"><h2><span class="area-name">What failed</span> <span class="area-counts">${broken.length} of ${results.checks.length} ${
    results.checks.length === 1 ? 'check' : 'checks'
  }</span></h2>${join(
    broken.map((c) => checkBlock(c, anchors)),
    '\n',
  )}</section>`;
}

/**
 * The checklist: one section per area, its checks in run order; a check that failed is a line there that links
 * up to it under "What failed" ({@link failuresSection}), so each check is shown in full once, each anchor once.
 */
export function checklist(results: RunResults, anchors: Anchors): Html {
  if (results.checks.length === 0) return html`<p class="muted">No check was run.</p>`;
  return join(
    areasOf(results.checks).map((area) => {
      const checks = results.checks.filter((c) => c.area === area);
      const t = tally(checks);
      return html`<section class="area" id="area-${area}" data-area="${area}"><h2><span class="area-name">${area}</span> <span class="area-counts">${countsText(t)}</span> ${statusBar(t)}</h2>${join(
        checks.map((c) => (failed(c) ? movedLine(c) : checkBlock(c, anchors))),
        '\n',
      )}</section>`;
    }),
    '\n',
  );
}

/** A failed check in its area: one line linking to it under "What failed". */
function movedLine(c: CheckResult): Html {
  return html`<p class="moved st-${c.status}" data-area="${c.area}"><a href="#${c.id}"><span class="badge st-${c.status}">${c.status}</span> <code class="id">${c.id}</code> ${c.title}</a> <span class="muted">(above, under What failed)</span></p>`;
}
