import type { RunResults } from '../../runner/results.js';
import type { CheckStatus } from '../../runner/types.js';
import { areasOf, countsText, statusBar, tally } from './checklist.js';
import { command, failed, STATUS } from './check.js';
import { notCertifiedLine } from './coverage.js';
import { duration, html, join, plural, type Html } from './escape.js';

/** The verdict in words and signs. */
export const VERDICT: Record<RunResults['verdict'], { sign: string; word: string }> = {
  conformant: { sign: '✓', word: 'Conformant' },
  'not-conformant': { sign: '✗', word: 'Not conformant' },
  incomplete: { sign: '!', word: 'Incomplete' },
};

/** The line under the verdict: what decided it, with links to the checks that did. */
function because(r: RunResults): Html {
  const broken = r.checks.filter(failed);
  const links = (list: typeof broken) =>
    html`${join(
      list.slice(0, 12).map((c) => html`<a href="#${c.id}">${c.id}</a>`),
      ', ',
    )}${list.length > 12 ? ` and ${list.length - 12} more` : ''}`;
  const gate = r.level === 'should' ? 'MUST and SHOULD checks decide the verdict' : 'MUST checks decide the verdict; SHOULD checks warn';
  if (r.verdict === 'incomplete') {
    const notRun = r.summary.total - r.checks.length;
    return html`${r.incompleteReason ?? 'the run did not finish'}${notRun > 0 ? ` · ${notRun} of ${r.summary.total} checks were not run` : ''}${broken.length > 0 ? html` · failed so far: ${links(broken)}` : ''}`;
  }
  if (broken.length > 0) {
    const errors = broken.filter((c) => c.status === 'error').length;
    const what = errors === 0 ? 'failed' : errors === broken.length ? 'could not be judged' : `failed or could not be judged (${errors} errors)`;
    return html`${broken.length} of ${r.checks.length} checks ${what}: ${links(broken)} · ${gate}`;
  }
  const warned = r.checks.filter((c) => c.status === 'warn');
  return html`every check that decides the verdict passed${warned.length > 0 ? html`, with ${warned.length} ${warned.length === 1 ? 'warning' : 'warnings'}: ${links(warned)}` : ''} · ${gate}`;
}

/**
 * The gate under the verdict: what CI decided, after the baseline. Said on every report, so a reader never
 * takes a gate that passed on known failures for a conformant verdict.
 */
function gateLine(r: RunResults): Html {
  const g = r.gate;
  return html`<p class="gate ${g.passed ? 'passed' : 'failed'}" id="gate">Gate: <b>${g.passed ? 'passed' : 'failed'}</b> (${g.reason}) <span class="muted">· what CI decides, at level ${g.level}${g.baseline ? ', after the baseline' : ''}; the verdict above is the conformance as judged${g.baseline ? ', which a baseline never changes' : ''}</span></p>`;
}

/**
 * The baseline comparison under the gate, in the console's words (src/report/console.ts, baselineLines): how
 * many checks it knows, how many are new, how many it lists that pass now, each id a link to its check.
 */
function baselineLine(r: RunResults): Html | '' {
  const b = r.baseline;
  if (!b) return '';
  const links = (ids: readonly string[]) => join(ids.map((id) => html`<a href="#${id}">${id}</a>`), ', ');
  return html`<p class="baseline">Baseline <code>${b.source}</code>: ${b.known.length} known, ${b.new.length} new, ${b.fixed.length} fixed${
    b.known.length > 0 ? html` · known failures (the gate ignores them, the verdict does not): ${links(b.known)}` : ''
  }${b.new.length > 0 ? html` · new failures: ${links(b.new)}` : ''}${b.fixed.length > 0 ? html` · fixed (remove them from the baseline): ${links(b.fixed)}` : ''}</p>`;
}

/** What made every request fail alike, first: the one line that says what to fix. */
function rootCause(r: RunResults): Html | '' {
  const c = r.rootCause;
  if (!c) return '';
  return html`<p class="root-cause"><b>Root cause:</b> ${c.summary}: <b>${c.fix}</b>${c.stopped ? html` <span class="muted">(the run stopped there; --keep-going runs every check anyway)</span>` : ''}</p>`;
}

/** The chips of the verdict counts. */
function chips(r: RunResults): Html {
  const order: CheckStatus[] = ['pass', 'fail', 'warn', 'skip', 'error'];
  const notRun = r.summary.total - r.checks.length;
  return html`<ul class="chips">${order.map((k) => html`<li class="chip st-${k}${r.summary[k] === 0 ? ' zero' : ''}"><b>${r.summary[k]}</b> ${STATUS[k].word}</li>`)}${
    notRun > 0 ? html`<li class="chip notrun"><b>${notRun}</b> not run</li>` : ''
  }</ul>`;
}

/** The subscription tested: its id, secret encoding and events (blocking, polling, budget). */
function subscription(r: RunResults): Html {
  const events = r.subscription.events.map(
    (e) =>
      html`<li><code>${e.name}</code>${e.blocking ? '' : html` <span class="tag">non-blocking</span>`}${e.polling ? html` <span class="tag">polling</span>` : ''} <span class="muted">${duration(e.budgetMs)}</span></li>`,
  );
  return html`<dt>subscription</dt><dd><code>${r.subscription.subscriptionId}</code> · secret encoding ${r.subscription.secretEncoding} · ${plural(r.subscription.events.length, 'event')}</dd>
<dt>events</dt><dd><ul class="events">${events}</ul></dd>`;
}

/** The areas at a glance, each a link to its section. */
function areaIndex(r: RunResults): Html {
  return html`<nav class="areas" aria-label="areas"><ul>${areasOf(r.checks).map((a) => {
    const t = tally(r.checks.filter((c) => c.area === a));
    return html`<li><a href="#area-${a}"><span class="area-name">${a}</span> ${statusBar(t, 80)}<span class="area-counts">${countsText(t)}</span></a></li>`;
  })}</ul></nav>`;
}

/** The top of the report: the verdict at a glance, then everything a reviewer needs to know what was tested. */
export function header(r: RunResults): Html {
  const v = VERDICT[r.verdict];
  const started = r.startedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC');
  const transport = Object.entries(r.stats.transportErrors ?? {});
  return html`<header class="top v-${r.verdict}">
<div class="brand">hookcert ${r.tool.version} · ${r.profile} certification report</div>
<div class="verdict-box"><div class="verdict-sign" aria-hidden="true">${v.sign}</div><div><h1 class="verdict">${v.word}</h1>${rootCause(r)}<p class="because">${because(r)}</p>${gateLine(r)}${baselineLine(r)}${notCertifiedLine(r)}</div></div>
${chips(r)}
</header>
<details class="meta" id="what-was-tested" aria-label="what was tested"${r.checks.some(failed) || r.rootCause ? '' : ' open'}><summary>What was tested: <code>${r.target.url}</code> · subscription <code>${r.subscription.subscriptionId}</code> · seed <code>${r.seed}</code> · ${r.tool.name} ${r.tool.version}</summary><dl>
<dt>target</dt><dd><code class="url">${r.target.url}</code></dd>
<dt>profile</dt><dd>${r.profile}</dd>
${subscription(r)}
<dt>tool</dt><dd>${r.tool.name} ${r.tool.version}</dd>
<dt>schemas</dt><dd><code class="hash">${r.hashes.schemas}</code></dd>
<dt>checks</dt><dd><code class="hash">${r.hashes.checks}</code></dd>
${r.hashes.eventTypes ? html`<dt>event types</dt><dd><code class="hash">${r.hashes.eventTypes}</code></dd>\n` : ''}<dt>seed</dt><dd><code>${r.seed}</code> · ${r.runs} runs per property · level ${r.level}</dd>
<dt>date</dt><dd><time datetime="${r.startedAt}">${started}</time></dd>
<dt>duration</dt><dd>${duration(r.durationMs)} · ${plural(r.stats.requests, 'request')} · ${plural(r.stats.replies, 'reply', 'replies')}${
    transport.length > 0 ? ` · transport errors: ${transport.map(([k, n]) => `${k} ${n}`).join(', ')}` : ''
  }</dd>
<dt>replay the run</dt><dd>${command('replay-run', r.replay)}</dd>
</dl></details>
${areaIndex(r)}`;
}
