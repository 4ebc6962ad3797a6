import type { Exchange } from '../http/exchange.js';
import type { RunResults } from '../runner/results.js';
import type { CheckResult } from '../runner/types.js';
import type { FileReporter } from './reporter.js';

/** Escapes text for HTML content and quoted attributes. Everything the endpoint controls goes through it. */
export function html(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Pretty-prints a JSON body; other text is shown as it came. */
function pretty(body: string): string {
  if (!body) return '(empty)';
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

const MAX_SHOWN = 20_000;
const cut = (text: string) => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}\n… (${text.length - MAX_SHOWN} more characters)` : text);

function exchange(ex: Exchange): string {
  const reqHeaders = Object.entries(ex.request.headers).map(([k, v]) => `${k}: ${v}`).join('\n');
  const res = ex.response;
  const resHeaders = res ? Object.entries(res.headers).map(([k, v]) => `${k}: ${v}`).join('\n') : '';
  const timing = `${ex.timing.totalMs.toFixed(1)} ms${ex.timing.headersMs !== undefined ? ` (headers ${ex.timing.headersMs.toFixed(1)} ms)` : ''}`;
  return `<div class="ex"><div class="exh">#${ex.seq} POST ${html(ex.request.url)} → ${res ? html(res.status) : 'no reply'}${ex.error ? ` · <b>${html(ex.error.kind)}</b>: ${html(ex.error.message)}` : ''} · ${html(timing)}</div>
<div class="cols"><div><h5>request</h5><pre>${html(reqHeaders)}\n\n${html(cut(pretty(ex.request.body)))}</pre></div>
<div><h5>reply</h5><pre>${res ? `${html(resHeaders)}\n\n${html(cut(pretty(res.body)))}${res.truncated ? '\n(cut at the size cap)' : ''}` : '(none)'}</pre></div></div></div>`;
}

function checkItem(c: CheckResult): string {
  const f = c.failure;
  const body = [
    `<p class="spec">${html(c.spec.doc)}: “${html(c.spec.quote)}”</p>`,
    f ? `<p class="msg">${html(f.message)}</p>${f.expected ? `<p><b>expected</b> ${html(f.expected)}</p>` : ''}${f.received ? `<p><b>received</b> ${html(f.received)}</p>` : ''}` : '',
    c.reason ? `<p class="msg">${html(c.reason)}</p>` : '',
    ...c.warnings.map((w) => `<p class="warn">⚠ ${html(w)}</p>`),
    f?.counterexample !== undefined ? `<h4>shrunk counterexample (seed ${html(f.seed)}, path ${html(f.path)}, ${html(f.shrinks)} shrinks)</h4><pre>${html(cut(JSON.stringify(f.counterexample, null, 2) ?? 'undefined'))}</pre>` : '',
    `<h4>replay</h4><pre class="replay">${html(c.replay)}</pre>`,
    f && f.exchanges.length > 0 ? `<h4>exchanges of the failure</h4>${f.exchanges.map(exchange).join('')}` : '',
    !f && c.exchanges.length > 0 ? `<h4>exchanges (${c.exchanges.length} of ${c.exchangeCount} shown)</h4>${c.exchanges.map(exchange).join('')}` : '',
  ].join('\n');
  return `<details id="${html(c.id)}" class="check ${c.status}"${c.status === 'fail' || c.status === 'error' ? ' open' : ''}><summary><span class="st">${html(c.status)}</span> <code>${html(c.id)}</code> <span class="lvl">${html(c.level)}</span> ${html(c.title)} <span class="dur">${c.durationMs} ms</span></summary>${body}</details>`;
}

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1rem;color:#1b1b1b}
header{border-bottom:2px solid #ddd;margin-bottom:1rem}.verdict{font-size:1.8rem;font-weight:700}
.conformant{color:#17692f}.not-conformant{color:#b3261e}.incomplete{color:#8a5a00}
table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #eee;text-align:left}
details.check{border:1px solid #ddd;border-radius:4px;margin:.3rem 0;padding:.3rem .6rem}
details.check>summary{cursor:pointer}.st{display:inline-block;min-width:3.5em;font-weight:700;text-transform:uppercase;font-size:.8em}
.pass .st{color:#17692f}.fail .st{color:#b3261e}.warn .st{color:#8a5a00}.skip .st{color:#666}.error .st{color:#6b2fa0}
.lvl{font-size:.75em;border:1px solid #999;border-radius:3px;padding:0 .3em}.dur{color:#888;font-size:.8em;float:right}
pre{background:#f6f6f6;padding:.5rem;overflow:auto;max-height:30rem;white-space:pre-wrap;word-break:break-all}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:.5rem}.exh{font-family:monospace;font-size:.85em;margin-top:.5rem}
.msg{font-weight:600}.warn{color:#8a5a00}.spec{color:#555;font-style:italic}
@media print{details.check{break-inside:avoid}details.check:not(.fail):not(.error)>*:not(summary){display:none}}`;

/** `index.html`: a self-contained checklist (no external requests, strict CSP, readable without JavaScript). */
export const htmlReporter: FileReporter = {
  file: 'index.html',
  render(results: RunResults) {
    const s = results.summary;
    const areas = [...new Set(results.checks.map((c) => c.area))];
    const latency = Object.entries(results.stats.latencyMs)
      .map(([ev, l]) => `<tr><td>${html(ev)}</td><td>${l.count}</td><td>${l.p50}</td><td>${l.p95}</td><td>${l.max}</td><td>${l.budgetMs}</td><td>${l.max <= l.budgetMs ? 'within' : '<b>over</b>'}</td></tr>`)
      .join('');
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>hookcert ${html(results.profile)} · ${html(results.verdict)}</title><style>${CSS}</style></head><body>
<header><div class="verdict ${html(results.verdict)}">${html(results.verdict.replace('-', ' '))}</div>
<p>${html(results.profile)} · <code>${html(results.target.url)}</code> · hookcert ${html(results.tool.version)} · seed ${html(results.seed)} · ${html(results.startedAt)} · ${(results.durationMs / 1000).toFixed(1)} s · ${results.stats.requests} requests</p>
${results.incompleteReason ? `<p class="msg">Incomplete: ${html(results.incompleteReason)}</p>` : ''}
<p>${s.total} checks: ${s.pass} pass, ${s.fail} fail, ${s.warn} warn, ${s.skip} skip, ${s.error} error</p>
<p>Replay the run: <code>${html(results.replay)}</code></p>
<p>Events: ${results.subscription.events.map((e) => `${html(e.name)}${e.blocking ? '' : ' (non-blocking)'}${e.polling ? ' (polling)' : ''}`).join(', ')}</p>
<p class="spec">schemas ${html(results.hashes.schemas)} · checks ${html(results.hashes.checks)}</p></header>
<main>${areas.map((a) => `<section><h2>${html(a)}</h2>${results.checks.filter((c) => c.area === a).map(checkItem).join('\n')}</section>`).join('\n')}
<section><h2>timing</h2><table><tr><th>event</th><th>n</th><th>p50 ms</th><th>p95 ms</th><th>max ms</th><th>budget ms</th><th></th></tr>${latency}</table></section></main>
</body></html>
`;
  },
};
