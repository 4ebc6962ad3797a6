import type { Coverage } from '../../runner/coverage.js';
import type { RunResults } from '../../runner/results.js';
import { explorationLine, objectsText } from '../coverage.js';
import { command } from './check.js';
import { html, join, type Html } from './escape.js';
import { plural } from '../../words.js';

/** The line of the header that says what the verdict does not certify, with links to the checks that were not exercised. */
export function notCertifiedLine(r: RunResults): Html | '' {
  const c = r.coverage;
  if (!c || c.notCertified.length === 0) return '';
  const must = c.unexercised.filter((u) => u.level === 'MUST');
  return html`<p class="not-certified"><b>Not certified for: ${c.notCertified.join(', ')}</b> · ${must.length} MUST ${must.length === 1 ? 'check was' : 'checks were'} not exercised: ${join(
    must.map((u) => html`<a href="#${u.id}">${u.id}</a>`),
    ', ',
  )} (see <a href="#coverage">coverage</a>)</p>`;
}

function flows(c: Coverage): Html | '' {
  // A profile without flows (kopokopo, standard-webhooks: one delivery each) has no flow table.
  if (c.flows.length === 0) return '';
  const rows = c.flows.map((f) => {
    const reached = f.reached
      ? html`<span class="c-pass">✓ reached</span> ${f.count}× on ${join(
          f.events.map((e) => html`<code>${e}</code>`),
          ', ',
        )}`
      : html`<span class="c-skip">– not reached</span> <span class="muted">${f.hint ?? ''}</span>`;
    const by = f.by ? html`${f.by.source}, <code>${f.by.event}</code> #${f.by.seq}${command(`cov-${f.flow}`, f.by.replay)}` : '';
    return html`<tr class="${f.reached ? '' : 'missed'}"><td><b>${f.flow}</b><br><span class="muted">${f.title}</span></td><td>${reached}</td><td>${by}</td><td>${join(
      f.checks.map((id) => html`<a href="#${id}">${id}</a>`),
      ' ',
    )}</td></tr>`;
  });
  return html`<table class="lat cov"><thead><tr><th>flow</th><th>reached</th><th>first request (replay)</th><th>checks</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function events(c: Coverage): Html | '' {
  if (c.events.length === 0) return '';
  const rows = c.events.map(
    (e) =>
      html`<tr><td><code>${e.event}</code></td><td class="num">${e.requests}</td><td class="num">${e.replies}</td><td class="num">${e.nonEmpty}</td><td>${objectsText(e.objects)}</td><td>${e.by ? `${e.by.source} #${e.by.seq}` : ''}</td></tr>`,
  );
  return html`<details class="cov-events"><summary>per event: ${c.events.length} events</summary><table class="lat"><thead><tr><th>event</th><th class="num">requests</th><th class="num">replies</th><th class="num">non-empty</th><th>reply objects</th><th>first request</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}

/** The coverage section: the exploration, the flows reached or not, the events, and what was not exercised. */
export function coverage(r: RunResults): Html | '' {
  const c = r.coverage;
  if (!c) return '';
  const ex = explorationLine(c);
  const unexercised =
    c.unexercised.length > 0
      ? html`<h3>not exercised</h3><ul class="unexercised">${c.unexercised.map((u) => html`<li><a href="#${u.id}">${u.id}</a> <span class="tag">${u.level}</span> ${u.reason}</li>`)}</ul>`
      : '';
  const notes = c.notes.map((n) => html`<p class="note-info">ℹ ${n}</p>`);
  const reached = c.flows.filter((f) => f.reached).length;
  return html`<section class="coverage" id="coverage"><h2>coverage <span class="area-counts">${c.flows.length > 0 ? `${reached} of ${c.flows.length} flows reached` : plural(c.events.length, 'event')}</span></h2>
${ex ? html`<p class="muted">${ex}</p>` : ''}${flows(c)}${events(c)}${unexercised}${notes}</section>`;
}
