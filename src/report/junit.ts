import type { RunResults } from '../runner/results.js';
import type { CheckResult } from '../runner/types.js';
import { causeLine } from '../runner/diagnosis.js';
import { verdictGateText } from '../runner/verdict.js';
import { coverageLines } from './coverage.js';
import { receivedText } from './received.js';
import type { FileReporter } from './reporter.js';

/** Escapes text for XML content and attributes; drops characters XML 1.0 cannot carry. */
export function xml(text: string): string {
  return text
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function testcase(r: CheckResult): string {
  const head = `    <testcase classname="hookcert.${r.profile}.${r.area}" name="${xml(`${r.id} ${r.title}`)}" time="${(r.durationMs / 1000).toFixed(3)}"`;
  const lines = [r.failure?.message, r.failure?.expected && `expected: ${r.failure.expected}`, r.failure?.received && `received: ${receivedText(r.failure.received)}`, ...(r.failure?.counterexamples ?? []).map((o) => `also fails for ${o.kind}: ${o.message}${o.received ? ` (received: ${receivedText(o.received)})` : ''}`), ...r.warnings, `replay: ${r.replay}`]
    .filter(Boolean)
    .join('\n');
  // A failure the baseline knows does not fail the gate: shown as skipped, saying so; a fixed one says to drop it.
  if (r.baseline === 'known')
    return `${head}>\n      <skipped message="${xml(`known failure (baseline): ${r.failure?.message ?? r.reason ?? r.status}`)}"/>\n      <system-out>${xml(`KNOWN (${r.status}, in the baseline${r.baselineReason ? `: ${r.baselineReason}` : ''}): ${lines}`)}</system-out>\n    </testcase>`;
  if (r.baseline === 'fixed') return `${head}>\n      <system-out>${xml(`FIXED: in the baseline${r.baselineReason ? ` (${r.baselineReason})` : ''} but passes now; remove it from the baseline`)}</system-out>\n    </testcase>`;
  switch (r.status) {
    case 'pass':
      return `${head}/>`;
    case 'skip':
      return `${head}>\n      <skipped message="${xml(r.reason ?? '')}"/>\n    </testcase>`;
    case 'error':
      return `${head}>\n      <error message="${xml(r.reason ?? 'error')}">${xml(`${r.reason}\nreplay: ${r.replay}`)}</error>\n    </testcase>`;
    case 'fail':
      return `${head}>\n      <failure message="${xml(r.failure?.message ?? 'failed')}" type="${r.level}">${xml(lines)}</failure>\n    </testcase>`;
    case 'warn':
      return `${head}>\n      <system-out>${xml(`WARN (${r.level}): ${lines}`)}</system-out>\n    </testcase>`;
  }
}

/** `junit.xml`: one testcase per check; failures carry the message and the replay command. */
export const junitReporter: FileReporter = {
  file: 'junit.xml',
  render(results) {
    const known = results.checks.filter((c) => c.baseline === 'known');
    const s = { ...results.summary };
    s.fail -= known.filter((c) => c.status === 'fail').length;
    s.error -= known.filter((c) => c.status === 'error').length;
    s.skip += known.length;
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="hookcert" tests="${s.total}" failures="${s.fail}" errors="${s.error}" skipped="${s.skip}" time="${(results.durationMs / 1000).toFixed(3)}">`,
      `  <testsuite name="hookcert ${results.profile} ${xml(results.target.url)}" tests="${s.total}" failures="${s.fail}" errors="${s.error}" skipped="${s.skip}" timestamp="${results.startedAt}">`,
      `    <properties><property name="seed" value="${results.seed}"/><property name="verdict" value="${results.verdict}"/>${gateProperties(results)}<property name="replay" value="${xml(results.replay)}"/>${results.rootCause ? `<property name="rootCause" value="${xml(causeLine(results.rootCause))}"/>` : ''}${baselineProperties(results)}${coverageProperties(results)}</properties>`,
      ...results.checks.map(testcase),
      `    <system-out>${xml([verdictGateLine(results), ...(results.rootCause ? [`ROOT CAUSE: ${causeLine(results.rootCause)}`] : []), ...(results.coverage ? coverageLines(results.coverage) : [])].join('\n'))}</system-out>`,
      '  </testsuite>',
      '</testsuites>',
      '',
    ].join('\n');
  },
};

/** The gate beside the verdict property: `gate` (passed or failed), `gate.level` and `gate.reason`. */
function gateProperties(results: RunResults): string {
  return `<property name="gate" value="${results.gate.passed ? 'passed' : 'failed'}"/><property name="gate.level" value="${results.gate.level}"/><property name="gate.reason" value="${xml(results.gate.reason)}"/>`;
}

/** `verdict: … · gate: …`, the testsuite's first line of output (CI viewers show it; few show properties). */
function verdictGateLine(results: RunResults): string {
  const said = verdictGateText(results, results.coverage?.notCertified);
  return `verdict: ${said.verdict} · gate: ${said.gate}`;
}

/** The baseline comparison as testsuite properties. */
function baselineProperties(results: RunResults): string {
  const b = results.baseline;
  if (!b) return '';
  return ['source', 'known', 'new', 'fixed']
    .map((k) => `<property name="baseline.${k}" value="${xml(k === 'source' ? b.source : (b[k as 'known'] as string[]).join(','))}"/>`)
    .join('');
}

/** What the run could not certify, and which flows it reached, as testsuite properties. */
function coverageProperties(results: RunResults): string {
  const c = results.coverage;
  if (!c) return '';
  const reached = c.flows.filter((f) => f.reached).map((f) => f.flow);
  const missed = c.flows.filter((f) => !f.reached).map((f) => f.flow);
  return `<property name="coverage.notCertified" value="${xml(c.notCertified.join(','))}"/><property name="coverage.flowsReached" value="${xml(reached.join(','))}"/><property name="coverage.flowsNotReached" value="${xml(missed.join(','))}"/>`;
}
