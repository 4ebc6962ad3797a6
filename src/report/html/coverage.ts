import type { Coverage } from '../../runner/coverage.js';
import type { RunResults } from '../../runner/results.js';
import { explorationLine, objectsText } from '../coverage.js';
import { command } from './check.js';
import { html } from './escape.js';
import { plural } from '../words.js';

/** The line of the header that says what the verdict does not certify, with links to the checks that were not exercised. */
export function notCertifiedLine(r: RunResults): string {
  const c = r.coverage;
  if (!c || c.notCertified.length === 0) return '';
  const must = c.unexercised.filter((u) => u.level === 'MUST');
  return `<p class="not-certified"><b>Not certified for: ${html(c.notCertified.join(', '))}</b> · ${must.length} MUST ${must.length === 1 ? 'check was' : 'checks were'} not exercised: ${must
    .map((u) => `<a href="#${html(u.id)}">${html(u.id)}</a>`)
    .join(', ')} (see <a href="#coverage">coverage</a>)</p>`;
}

function flows(c: Coverage): string {
  // A profile without flows (kopokopo, standard-webhooks: one delivery each) has no flow table.
  if (c.flows.length === 0) return '';
  const rows = c.flows.map((f) => {
    const reached = f.reached
      ? `<span class="c-pass">✓ reached</span> ${f.count}× on ${f.events.map((e) => `<code>${html(e)}</code>`).join(', ')}`
      : `<span class="c-skip">– not reached</span> <span class="muted">${html(f.hint ?? '')}</span>`;
    const by = f.by ? `${html(f.by.source)}, <code>${html(f.by.event)}</code> #${f.by.seq}${command(`cov-${f.flow}`, f.by.replay)}` : '';
    return `<tr class="${f.reached ? '' : 'missed'}"><td><b>${html(f.flow)}</b><br><span class="muted">${html(f.title)}</span></td><td>${reached}</td><td>${by}</td><td>${f.checks.map((id) => `<a href="#${html(id)}">${html(id)}</a>`).join(' ')}</td></tr>`;
  });
  return `<table class="lat cov"><thead><tr><th>flow</th><th>reached</th><th>first request (replay)</th><th>checks</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function events(c: Coverage): string {
  if (c.events.length === 0) return '';
  const rows = c.events.map(
    (e) =>
      `<tr><td><code>${html(e.event)}</code></td><td class="num">${e.requests}</td><td class="num">${e.replies}</td><td class="num">${e.nonEmpty}</td><td>${html(objectsText(e.objects))}</td><td>${e.by ? `${html(e.by.source)} #${e.by.seq}` : ''}</td></tr>`,
  );
  return `<details class="cov-events"><summary>per event: ${c.events.length} events</summary><table class="lat"><thead><tr><th>event</th><th class="num">requests</th><th class="num">replies</th><th class="num">non-empty</th><th>reply objects</th><th>first request</th></tr></thead><tbody>${rows.join(
    '',
  )}</tbody></table></details>`;
}

/** The coverage section: the exploration, the flows reached or not, the events, and what was not exercised. */
export function coverage(r: RunResults): string {
  const c = r.coverage;
  if (!c) return '';
  const ex = explorationLine(c);
  const unexercised =
    c.unexercised.length > 0
      ? `<h3>not exercised</h3><ul class="unexercised">${c.unexercised.map((u) => `<li><a href="#${html(u.id)}">${html(u.id)}</a> <span class="tag">${html(u.level)}</span> ${html(u.reason)}</li>`).join('')}</ul>`
      : '';
  const notes = c.notes.map((n) => `<p class="note-info">ℹ ${html(n)}</p>`).join('');
  const reached = c.flows.filter((f) => f.reached).length;
  return `<section class="coverage" id="coverage"><h2>coverage <span class="area-counts">${c.flows.length > 0 ? `${reached} of ${c.flows.length} flows reached` : plural(c.events.length, 'event')}</span></h2>
${ex ? `<p class="muted">${html(ex)}</p>` : ''}${flows(c)}${events(c)}${unexercised}${notes}</section>`;
}
