import type { Exchange } from '../../http/exchange.js';
import type { FlowRecord } from '../../runner/types.js';
import { cut, html, join, json, plural, type Html } from './escape.js';
import { exchangeBlock } from './exchange.js';

/** How many state changes a step lists before it says "and N more". */
const MAX_CHANGES = 10;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/**
 * What changed in the POS state from one step to the next, as JSON paths: `+ session.lines[2]`,
 * `− lock`, `session.total: 10 → 12`, `session.lines: 2 → 3 items`.
 */
export function stateChanges(before: unknown, after: unknown, path = '', out: string[] = []): string[] {
  if (out.length > MAX_CHANGES) return out;
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length !== after.length) out.push(`${path || '(state)'}: ${before.length} → ${after.length} items`);
    for (let i = 0; i < Math.min(before.length, after.length); i++) stateChanges(before[i], after[i], `${path}[${i}]`, out);
    for (let i = before.length; i < after.length; i++) out.push(`+ ${path}[${i}]`);
    return out;
  }
  if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const p = path ? `${path}.${key}` : key;
      if (!(key in before)) out.push(`+ ${p}`);
      else if (!(key in after)) out.push(`− ${p}`);
      else stateChanges(before[key], after[key], p, out);
    }
    return out;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push(`${path || '(state)'}: ${short(before)} → ${short(after)}`);
  return out;
}

/** The changes line of a step: the first few paths, escaped. */
function changesLine(before: unknown, after: unknown, first: boolean): Html | '' {
  if (after === undefined || first) return '';
  const list = stateChanges(before, after);
  if (list.length === 0) return html`<p class="changes muted">state unchanged</p>`;
  const shown = list.slice(0, MAX_CHANGES);
  const more = list.length > MAX_CHANGES ? html` <span class="muted">and more</span>` : '';
  return html`<p class="changes">changed: ${join(
    shown.map((c) => html`<code>${c}</code>`),
    ' ',
  )}${more}</p>`;
}

/**
 * A flow as the POS lived it: each step in order, its note, its exchange (collapsed, with an anchor so
 * other parts of the check can point at it) and the session state after it, with what changed.
 */
export function flowBlock(flow: FlowRecord, anchorOf: (ex: Exchange) => string | undefined): Html {
  let before: unknown;
  const steps = flow.steps.map((step, i) => {
    const state =
      step.state === undefined
        ? ''
        : html`${changesLine(before, step.state, i === 0)}<details class="state"><summary>POS state after step ${i + 1}</summary><pre class="body json">${cut(json(step.state))}</pre></details>`;
    if (step.state !== undefined) before = step.state;
    return html`<li><div class="step-head"><span class="step-n">${i + 1}</span>${step.note ? html` <span class="note">${step.note}</span>` : ''}</div>${exchangeBlock(step.exchange, { anchor: anchorOf(step.exchange) })}${state}</li>`;
  });
  return html`<div class="flow"><h5>flow <b>${flow.name}</b> <span class="muted">${plural(flow.steps.length, 'step')}</span></h5><ol class="steps">${steps}</ol></div>`;
}
