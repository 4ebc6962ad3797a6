import type { Exchange } from '../../http/exchange.js';
import type { CheckResult, CheckStatus } from '../../runner/types.js';
import { cut, duration, html, json, plural } from './escape.js';
import { exchangeBlock } from './exchange.js';
import { flowBlock } from './flow.js';

/** The words and signs of each verdict. */
export const STATUS: Record<CheckStatus, { sign: string; word: string }> = {
  pass: { sign: '✓', word: 'pass' },
  fail: { sign: '✗', word: 'fail' },
  warn: { sign: '!', word: 'warn' },
  skip: { sign: '–', word: 'skip' },
  error: { sign: '⚠', word: 'error' },
};

/** Ids already given to elements of the page (an exchange is anchored once, where it first shows). */
export type Anchors = Set<string>;

/** A copyable command: the text in a `<code>` with a copy button (shown when the page's script runs). */
export function command(id: string, text: string): string {
  return `<div class="cmd"><code id="${html(id)}">${html(text)}</code><button type="button" class="copy" data-copy="${html(id)}" title="copy the command">copy</button></div>`;
}

/** What the check found, in words: the failure (expected / received), the reason of a skip or error, the warnings. */
function outcome(c: CheckResult): string {
  const f = c.failure;
  const parts: string[] = [];
  if (f) {
    parts.push(`<div class="failure"><p class="msg">${html(f.message)}</p><dl>${f.expected ? `<dt>expected</dt><dd>${html(f.expected)}</dd>` : ''}${
      f.received ? `<dt>received</dt><dd class="received">${html(f.received)}</dd>` : ''
    }</dl></div>`);
  }
  if (c.reason) parts.push(`<p class="reason">${c.status === 'skip' ? 'skipped: ' : ''}${html(c.reason)}</p>`);
  if (c.warnings.length > 0) parts.push(`<ul class="warnings">${c.warnings.map((w) => `<li>${html(w)}</li>`).join('')}</ul>`);
  if (!f && !c.reason && c.warnings.length === 0 && c.status === 'pass') parts.push(`<p class="ok">passed: ${plural(c.exchangeCount, 'exchange')} judged, none broke the rule</p>`);
  return parts.join('');
}

/** The shrunk counterexample of a property failure, with what replays it. */
function counterexample(c: CheckResult): string {
  const f = c.failure;
  if (!f || f.counterexample === undefined) return '';
  const how = [f.seed !== undefined ? `seed ${html(f.seed)}` : '', f.path ? `path <code>${html(f.path)}</code>` : '', f.shrinks !== undefined ? plural(f.shrinks, 'shrink') : '']
    .filter(Boolean)
    .join(' · ');
  return `<h4>shrunk counterexample <span class="muted">${how}</span></h4><pre class="body json">${html(cut(json(f.counterexample)))}</pre>`;
}

/** The first failure of each other kind of case (another event, another body kind), each shrunk on its own. */
function otherKinds(c: CheckResult): string {
  const others = c.failure?.counterexamples ?? [];
  if (others.length === 0) return '';
  const one = (o: (typeof others)[number]) =>
    `<li><p class="msg"><strong>${html(o.kind)}</strong>: ${html(o.message)}</p>${o.received ? `<p class="received">${html(cut(o.received))}</p>` : ''}${
      o.counterexample !== undefined ? `<pre class="body json">${html(cut(json(o.counterexample)))}</pre>` : ''
    }</li>`;
  return `<h4>the other kinds that fail <span class="muted">${plural(others.length, 'kind')}, each shrunk on its own</span></h4><ul class="kinds">${others.map(one).join('')}</ul>`;
}

/** How many of its planned cases the check judged. */
function caseCount(c: CheckResult): string {
  if (!c.cases) return '';
  const all = c.cases.judged >= c.cases.planned;
  return `<p class="cases${all ? ' muted' : ''}">judged ${c.cases.judged} of ${plural(c.cases.planned, 'planned case')}</p>`;
}

/**
 * The exchanges of a check, each shown once: the flows first (the sequence is the point), then the
 * exchanges of the failing case, then the sample the runner kept of the rest, and how many were left out.
 */
function exchanges(c: CheckResult, anchors: Anchors): string {
  const shown = new Set<number>();
  const anchorOf = (ex: Exchange): string | undefined => {
    shown.add(ex.seq);
    const id = `ex-${ex.seq}`;
    if (anchors.has(id)) return undefined;
    anchors.add(id);
    return id;
  };
  const block = (ex: Exchange) => exchangeBlock(ex, { anchor: anchorOf(ex) });
  const out: string[] = [];
  const f = c.failure;
  const flows = (f ? f.flows : c.flows) ?? [];
  if (flows.length > 0) out.push(`<h4>${f ? 'the flows of the failing case' : 'flows (the last case run)'}</h4>${flows.map((fl) => flowBlock(fl, anchorOf)).join('')}`);
  if (f) {
    const rest = f.exchanges.filter((ex) => !shown.has(ex.seq));
    // The last exchange of a failing case is the one that broke the rule: open, so it reads without a click.
    const opened = (ex: Exchange, i: number) => exchangeBlock(ex, { anchor: anchorOf(ex), open: i === rest.length - 1 });
    if (rest.length > 0) out.push(`<h4>${flows.length > 0 ? 'other exchanges' : 'exchanges'} of the failing case <span class="muted">${rest.length} of ${f.exchanges.length}</span></h4>${rest.map(opened).join('')}`);
    else if (f.exchanges.length === 0 && flows.length === 0) out.push('<p class="muted">the failure cites no exchange</p>');
  }
  const sample = c.exchanges.filter((ex) => !shown.has(ex.seq));
  if (sample.length > 0) out.push(`<h4>${f ? 'sampled exchanges of the rest of the check' : 'sampled exchanges'}</h4>${sample.map(block).join('')}`);
  const leftOut = Math.max(0, c.exchangeCount - shown.size);
  if (c.exchangeCount > 0) {
    out.push(
      `<p class="kept muted">${plural(Math.min(shown.size, c.exchangeCount), 'exchange')} shown of ${c.exchangeCount} made${
        leftOut > 0 ? `: ${leftOut} passing ${leftOut === 1 ? 'exchange was' : 'exchanges were'} left out (the runner keeps every exchange of a failure and the first and last few of the rest)` : ''
      }</p>`,
    );
  }
  return out.join('');
}

/** Whether a check is among the "failed" ones of the filter: it failed, or the harness could not judge it. */
export const failed = (c: CheckResult): boolean => c.status === 'fail' || c.status === 'error';

/**
 * One check of the checklist as a `<details>` (open when it failed): its id, level, verdict and title in
 * the summary; the spec line it enforces, what it found, the counterexample, the replay command, the flows
 * and the exchanges inside.
 */
export function checkBlock(c: CheckResult, anchors: Anchors): string {
  anchors.add(c.id);
  const st = STATUS[c.status] ?? { sign: '?', word: c.status };
  const count = c.exchangeCount > 0 ? `${plural(c.exchangeCount, 'exchange')} · ` : '';
  const summary = `<summary><span class="badge st-${html(c.status)}"><span aria-hidden="true">${st.sign}</span> ${st.word}</span> <code class="id">${html(c.id)}</code> <span class="lvl lvl-${html(c.level)}">${html(
    c.level,
  )}</span> <span class="title">${html(c.title)}</span> <span class="cmeta">${count}${duration(c.durationMs)}</span> <a class="perma" href="#${html(c.id)}" title="link to ${html(c.id)}">#</a></summary>`;
  const body = [
    `<blockquote class="rule"><p>${html(c.spec.quote)}</p><cite>${html(c.spec.doc)}</cite></blockquote>`,
    outcome(c),
    caseCount(c),
    counterexample(c),
    otherKinds(c),
    `<h4>replay this check</h4>${command(`replay-${c.id}`, c.replay)}`,
    exchanges(c, anchors),
  ].join('');
  const open = failed(c) ? ' open' : '';
  return `<details class="check st-${html(c.status)}" id="${html(c.id)}" data-area="${html(c.area)}" data-level="${html(c.level)}" data-status="${html(c.status)}" data-failed="${failed(c) ? 1 : 0}"${open}>${summary}<div class="check-body">${body}</div></details>`;
}
