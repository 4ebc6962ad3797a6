import type { Exchange } from '../../http/exchange.js';
import type { CheckResult, CheckStatus } from '../../runner/types.js';
import { cut, duration, html, join, json, plural, type Html } from './escape.js';
import { jsonHtml, pointersIn, textWithCodePoints } from './body.js';
import { bodyBlock, exchangeBlock, type Marks } from './exchange.js';
import { receivedParts } from '../received.js';
import { vendorPages } from '../spec-links.js';
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
export function command(id: string, text: string): Html {
  return html`<div class="cmd"><code id="${id}">${text}</code><button type="button" class="copy" data-copy="${id}" title="copy the command">copy</button></div>`;
}

/** What the check found, in words: the failure (expected / received), the reason of a skip or error, the warnings. */
function outcome(c: CheckResult): Html {
  const f = c.failure;
  const parts: Html[] = [];
  if (f) {
    parts.push(html`<div class="failure"><p class="msg">${f.message}</p><dl>${f.expected ? html`<dt>expected</dt><dd>${f.expected}</dd>` : ''}${
      f.received ? html`<dt>received</dt><dd class="received">${receivedHtml(f.received, marksOf(c).body)}</dd>` : ''
    }</dl></div>`);
  }
  if (c.reason) parts.push(html`<p class="reason">${c.status === 'skip' ? 'skipped: ' : ''}${c.reason}</p>`);
  if (c.warnings.length > 0) parts.push(html`<ul class="warnings">${c.warnings.map((w) => html`<li>${w}</li>`)}</ul>`);
  if (!f && !c.reason && c.warnings.length === 0 && c.status === 'pass') parts.push(html`<p class="ok">passed: ${plural(c.exchangeCount, 'exchange')} judged, none broke the rule</p>`);
  return html`${parts}`;
}

/**
 * A property failure's smallest failing case as it went on the wire: the request of its last exchange (the one
 * that broke the rule), identity stamped, as the endpoint saw it. What replays it (seed, path, the shrinking
 * and the generator's value) sits in a fold under it.
 */
function counterexample(c: CheckResult): Html | '' {
  const f = c.failure;
  if (!f || f.counterexample === undefined) return '';
  const sent = f.exchanges.at(-1);
  const request = sent
    ? html`<h4>the smallest failing request, as sent <span class="muted">${sent.request.method} ${sent.request.url}</span></h4>${bodyBlock(sent.request.body)}`
    : html`<h4>the smallest failing case</h4><pre class="body json">${cut(json(f.counterexample))}</pre>`;
  const how = [f.seed !== undefined ? html`seed <code>${f.seed}</code>` : '', f.path ? html`path <code>${f.path}</code>` : '', f.shrinks !== undefined ? `shrunk in ${plural(f.shrinks, 'step')}` : ''].filter(
    (part) => part !== '',
  );
  const generated = sent ? html`<p class="muted">the generator's value, before the POS stamped its identity (counter, timestamp, instance):</p><pre class="body json">${cut(json(f.counterexample))}</pre>` : '';
  return html`${request}<details class="replay-fold"><summary>replay: ${how.length > 0 ? join(how, ' · ') : 'how this case is found again'}</summary><p>the same seed and path give this case again: <code>--seed</code> in the replay command below</p>${generated}</details>`;
}

/** The first failure of each other kind of case (another event, another body kind), each shrunk on its own. */
function otherKinds(c: CheckResult): Html | '' {
  const others = c.failure?.counterexamples ?? [];
  if (others.length === 0) return '';
  const one = (o: (typeof others)[number]) =>
    html`<li><p class="msg"><strong>${o.kind}</strong>: ${o.message}</p>${o.received ? html`<div class="received">${receivedHtml(o.received)}</div>` : ''}${
      o.counterexample !== undefined ? html`<pre class="body json">${cut(json(o.counterexample))}</pre>` : ''
    }</li>`;
  return html`<h4>the other kinds that fail <span class="muted">${plural(others.length, 'kind')}, each shrunk on its own</span></h4><ul class="kinds">${others.map(one)}</ul>`;
}

/** How many of its planned cases the check judged. */
function caseCount(c: CheckResult): Html | '' {
  if (!c.cases) return '';
  const all = c.cases.judged >= c.cases.planned;
  return html`<p class="cases${all ? ' muted' : ''}">judged ${c.cases.judged} of ${plural(c.cases.planned, 'planned case')}</p>`;
}

/**
 * The exchanges of a check, each shown once: the flows first (the sequence is the point), then the
 * exchanges of the failing case, then the sample the runner kept of the rest, and how many were left out.
 */
function exchanges(c: CheckResult, anchors: Anchors): Html {
  const shown = new Set<number>();
  const anchorOf = (ex: Exchange): string | undefined => {
    shown.add(ex.seq);
    const id = `ex-${ex.seq}`;
    if (anchors.has(id)) return undefined;
    anchors.add(id);
    return id;
  };
  const block = (ex: Exchange) => exchangeBlock(ex, { anchor: anchorOf(ex) });
  const out: Html[] = [];
  const f = c.failure;
  const flows = (f ? f.flows : c.flows) ?? [];
  if (flows.length > 0) out.push(html`<h4>${f ? 'the flows of the failing case' : 'flows (the last case run)'}</h4>${flows.map((fl) => flowBlock(fl, anchorOf))}`);
  if (f) {
    const rest = f.exchanges.filter((ex) => !shown.has(ex.seq));
    // The last exchange of a failing case is the one that broke the rule: open, so it reads without a click.
    const marks = marksOf(c);
    const opened = (ex: Exchange, i: number) => exchangeBlock(ex, { anchor: anchorOf(ex), open: i === rest.length - 1, marks: i === rest.length - 1 ? marks : undefined });
    if (rest.length > 0) out.push(html`<h4>${flows.length > 0 ? 'other exchanges' : 'exchanges'} of the failing case <span class="muted">${rest.length} of ${f.exchanges.length}</span></h4>${rest.map(opened)}`);
    else if (f.exchanges.length === 0 && flows.length === 0) out.push(html`<p class="muted">the failure cites no exchange</p>`);
  }
  const sample = c.exchanges.filter((ex) => !shown.has(ex.seq));
  if (sample.length > 0) out.push(html`<h4>${f ? 'sampled exchanges of the rest of the check' : 'sampled exchanges'}</h4>${sample.map(block)}`);
  const leftOut = Math.max(0, c.exchangeCount - shown.size);
  if (c.exchangeCount > 0) {
    out.push(
      html`<p class="kept muted">${plural(Math.min(shown.size, c.exchangeCount), 'exchange')} shown of ${c.exchangeCount} made${
        leftOut > 0 ? `: ${leftOut} passing ${leftOut === 1 ? 'exchange was' : 'exchanges were'} left out (the runner keeps every exchange of a failure and the first and last few of the rest)` : ''
      }</p>`,
    );
  }
  return html`${out}`;
}

/** Where the spec line comes from: the vendor's public pages, as links, and the document of the spec it cites. */
function specCite(doc: string): Html {
  const pages = vendorPages(doc).map((p) => html`<a href="${p.url}" rel="noreferrer noopener">${p.title}</a>`);
  return html`${pages.length > 0 ? html`${join(pages, ' · ')} · ` : ''}<span class="muted">${doc}</span>`;
}

const HEADER_NAMES = ['X-Mplus-Signature', 'X-Mplus-Subscription-Id', 'X-KopoKopo-Signature', 'Content-Type', 'Accept', 'Location', 'Content-Length'];

/**
 * What a failure names in its last exchange: the JSON Pointers of the reply body its message quotes (ajv's
 * `instancePath`: `/dialog/options/0/id must be string`) and the headers its check's title or message names, on
 * the reply's side when the words around say so (`sign every non-empty reply with X-Mplus-Signature`), else on
 * the request's (`reject a request whose X-Mplus-Signature does not match`).
 */
export function marksOf(c: CheckResult): Marks {
  const f = c.failure;
  if (!f) return {};
  // The title names the header a check is about (`reject a request whose X-Mplus-Signature …`).
  const text = `${c.title}\n${f.message}\n${f.received ?? ''}`;
  const body = new Set(pointersIn(text));
  const requestHeaders = new Set<string>();
  const replyHeaders = new Set<string>();
  for (const name of HEADER_NAMES) {
    const at = text.search(new RegExp(`\\b${name}\\b`, 'i'));
    if (at < 0) continue;
    const around = text.slice(Math.max(0, at - 40), at + name.length + 40).toLowerCase();
    (/repl(y|ies)|response|answer/.test(around) ? replyHeaders : requestHeaders).add(name.toLowerCase());
  }
  return { body, requestHeaders, replyHeaders };
}

/** A check's `received` text, the bodies it quotes shown as bodies (pretty JSON, marked), not as escaped strings. */
function receivedHtml(received: string, marks: ReadonlySet<string> = new Set()): Html {
  return html`${receivedParts(received).map((p) => {
    if ('text' in p) return textWithCodePoints(p.text);
    try {
      return html`<pre class="body json" data-hl="1">${jsonHtml(JSON.parse(p.body), marks)}</pre>`;
    } catch {
      return html`<pre class="body" data-hl="1">${textWithCodePoints(cut(p.body))}</pre>`;
    }
  })}`;
}

/** Whether a check is among the "failed" ones of the filter: it failed, or the harness could not judge it. */
export const failed = (c: CheckResult): boolean => c.status === 'fail' || c.status === 'error';

/** A check's place in the baseline, as summary.md and junit.xml tag it. */
const BASELINE_TAG: Record<NonNullable<CheckResult['baseline']>, string> = { known: 'known failure (baseline)', new: 'new (not in the baseline)', fixed: 'fixed: remove it from the baseline' };

/**
 * One check of the checklist as a `<details>` (open when it failed): its id, level, verdict and title in
 * the summary; the spec line it enforces, what it found, the counterexample, the replay command, the flows
 * and the exchanges inside.
 */
export function checkBlock(c: CheckResult, anchors: Anchors): Html {
  anchors.add(c.id);
  const st = STATUS[c.status] ?? { sign: '?', word: c.status };
  const count = c.exchangeCount > 0 ? `${plural(c.exchangeCount, 'exchange')} · ` : '';
  const summary = html`<summary><span class="badge st-${c.status}"><span aria-hidden="true">${st.sign}</span> ${st.word}</span> <code class="id">${c.id}</code> <span class="lvl lvl-${c.level}">${
    c.level
  }</span> <span class="title">${c.title}</span>${c.baseline ? html` <span class="tag">${BASELINE_TAG[c.baseline]}</span>` : ''} <span class="cmeta">${count}${duration(c.durationMs)}</span> <a class="perma" href="#${c.id}" title="link to ${c.id}">#</a></summary>`;
  const body = [
    html`<blockquote class="rule"><p>${c.spec.quote}</p><cite>${specCite(c.spec.doc)}</cite></blockquote>`,
    outcome(c),
    caseCount(c),
    counterexample(c),
    otherKinds(c),
    html`<h4>replay this check</h4>${command(`replay-${c.id}`, c.replay)}`,
    exchanges(c, anchors),
  ];
  const open = failed(c) ? ' open' : '';
  return html`<details class="check st-${c.status}" id="${c.id}" data-area="${c.area}" data-level="${c.level}" data-status="${c.status}" data-failed="${failed(c) ? 1 : 0}"${open}>${summary}<div class="check-body">${body}</div></details>`;
}
