import type { RunResults } from '../../runner/results.js';
import type { CheckStatus } from '../../runner/types.js';
import { areasOf, countsText, statusBar, tally } from './checklist.js';
import { command, failed, STATUS } from './check.js';
import { notCertifiedLine } from './coverage.js';
import { duration, html, plural } from './escape.js';

/** The verdict in words and signs. */
export const VERDICT: Record<RunResults['verdict'], { sign: string; word: string }> = {
  conformant: { sign: '✓', word: 'Conformant' },
  'not-conformant': { sign: '✗', word: 'Not conformant' },
  incomplete: { sign: '!', word: 'Incomplete' },
};

/** The line under the verdict: what decided it, with links to the checks that did. */
function because(r: RunResults): string {
  const broken = r.checks.filter(failed);
  const links = (list: typeof broken) =>
    list
      .slice(0, 12)
      .map((c) => `<a href="#${html(c.id)}">${html(c.id)}</a>`)
      .join(', ') + (list.length > 12 ? ` and ${list.length - 12} more` : '');
  const gate = r.level === 'should' ? 'MUST and SHOULD checks gate the verdict' : 'MUST checks gate the verdict; SHOULD checks warn';
  if (r.verdict === 'incomplete') {
    const notRun = r.summary.total - r.checks.length;
    return `${html(r.incompleteReason ?? 'the run did not finish')}${notRun > 0 ? ` · ${notRun} of ${r.summary.total} checks were not run` : ''}${broken.length > 0 ? ` · failed so far: ${links(broken)}` : ''}`;
  }
  if (broken.length > 0) {
    const errors = broken.filter((c) => c.status === 'error').length;
    const what = errors === 0 ? 'failed' : errors === broken.length ? 'could not be judged' : `failed or could not be judged (${errors} errors)`;
    return `${broken.length} of ${r.checks.length} checks ${what}: ${links(broken)} · ${gate}`;
  }
  const warned = r.checks.filter((c) => c.status === 'warn');
  return `every check that gates the verdict passed${warned.length > 0 ? `, with ${warned.length} ${warned.length === 1 ? 'warning' : 'warnings'}: ${links(warned)}` : ''} · ${gate}`;
}

/**
 * The gate under the verdict: what CI decided, after the baseline. Said on every report, so a reader never
 * takes a gate that passed on known failures for a conformant verdict.
 */
function gateLine(r: RunResults): string {
  const g = r.gate;
  return `<p class="gate ${g.passed ? 'passed' : 'failed'}" id="gate">Gate: <b>${g.passed ? 'passed' : 'failed'}</b> (${html(g.reason)}) <span class="muted">· what CI decides, at level ${html(g.level)}${g.baseline ? ', after the baseline' : ''}; the verdict above is the conformance as judged${g.baseline ? ', which a baseline never changes' : ''}</span></p>`;
}

/** What made every request fail alike, first: the one line that says what to fix. */
function rootCause(r: RunResults): string {
  const c = r.rootCause;
  if (!c) return '';
  return `<p class="root-cause"><b>Root cause:</b> ${html(c.summary)}: <b>${html(c.fix)}</b>${c.stopped ? ' <span class="muted">(the run stopped there; --keep-going runs every check anyway)</span>' : ''}</p>`;
}

/** The chips of the verdict counts. */
function chips(r: RunResults): string {
  const order: CheckStatus[] = ['pass', 'fail', 'warn', 'skip', 'error'];
  const notRun = r.summary.total - r.checks.length;
  return `<ul class="chips">${order.map((k) => `<li class="chip st-${k}${r.summary[k] === 0 ? ' zero' : ''}"><b>${r.summary[k]}</b> ${STATUS[k].word}</li>`).join('')}${
    notRun > 0 ? `<li class="chip notrun"><b>${notRun}</b> not run</li>` : ''
  }</ul>`;
}

/** The subscription tested: its id, secret encoding and events (blocking, polling, budget). */
function subscription(r: RunResults): string {
  const events = r.subscription.events
    .map(
      (e) =>
        `<li><code>${html(e.name)}</code>${e.blocking ? '' : ' <span class="tag">non-blocking</span>'}${e.polling ? ' <span class="tag">polling</span>' : ''} <span class="muted">${duration(e.budgetMs)}</span></li>`,
    )
    .join('');
  return `<dt>subscription</dt><dd><code>${html(r.subscription.subscriptionId)}</code> · secret encoding ${html(r.subscription.secretEncoding)} · ${plural(r.subscription.events.length, 'event')}</dd>
<dt>events</dt><dd><ul class="events">${events}</ul></dd>`;
}

/** The areas at a glance, each a link to its section. */
function areaIndex(r: RunResults): string {
  return `<nav class="areas" aria-label="areas"><ul>${areasOf(r.checks)
    .map((a) => {
      const t = tally(r.checks.filter((c) => c.area === a));
      return `<li><a href="#area-${html(a)}"><span class="area-name">${html(a)}</span> ${statusBar(t, 80)}<span class="area-counts">${countsText(t)}</span></a></li>`;
    })
    .join('')}</ul></nav>`;
}

/** The top of the report: the verdict at a glance, then everything a reviewer needs to know what was tested. */
export function header(r: RunResults): string {
  const v = VERDICT[r.verdict];
  const started = r.startedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC');
  const transport = Object.entries(r.stats.transportErrors ?? {});
  return `<header class="top v-${html(r.verdict)}">
<div class="brand">hookcert ${html(r.tool.version)} · ${html(r.profile)} certification report</div>
<div class="verdict-box"><div class="verdict-sign" aria-hidden="true">${v.sign}</div><div><h1 class="verdict">${v.word}</h1>${rootCause(r)}<p class="because">${because(r)}</p>${gateLine(r)}${notCertifiedLine(r)}</div></div>
${chips(r)}
</header>
<details class="meta" id="what-was-tested" aria-label="what was tested"${r.checks.some(failed) || r.rootCause ? '' : ' open'}><summary>What was tested: <code>${html(r.target.url)}</code> · subscription <code>${html(r.subscription.subscriptionId)}</code> · seed <code>${html(r.seed)}</code> · ${html(r.tool.name)} ${html(r.tool.version)}</summary><dl>
<dt>target</dt><dd><code class="url">${html(r.target.url)}</code></dd>
<dt>profile</dt><dd>${html(r.profile)}</dd>
${subscription(r)}
<dt>tool</dt><dd>${html(r.tool.name)} ${html(r.tool.version)}</dd>
<dt>schemas</dt><dd><code class="hash">${html(r.hashes.schemas)}</code></dd>
<dt>checks</dt><dd><code class="hash">${html(r.hashes.checks)}</code></dd>
<dt>seed</dt><dd><code>${html(r.seed)}</code> · ${html(r.runs)} runs per property · level ${html(r.level)}</dd>
<dt>date</dt><dd><time datetime="${html(r.startedAt)}">${html(started)}</time></dd>
<dt>duration</dt><dd>${duration(r.durationMs)} · ${plural(r.stats.requests, 'request')} · ${plural(r.stats.replies, 'reply', 'replies')}${
    transport.length > 0 ? ` · transport errors: ${transport.map(([k, n]) => `${html(k)} ${n}`).join(', ')}` : ''
  }</dd>
<dt>replay the run</dt><dd>${command('replay-run', r.replay)}</dd>
</dl></details>
${areaIndex(r)}`;
}
