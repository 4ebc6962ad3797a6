import type { Coverage } from '../runner/coverage.js';
import type { CheckResult } from '../runner/types.js';
import { explorationLine, objectsText, reachedText } from './coverage.js';
import type { FileReporter } from './reporter.js';
import { plural } from '../words.js';
import { causeLine } from '../runner/diagnosis.js';
import { verdictGateText } from '../runner/verdict.js';

const ICON: Record<CheckResult['status'], string> = { pass: '✅', fail: '❌', warn: '⚠️', skip: '⏭️', error: '💥' };
const VERDICT: Record<string, string> = { conformant: '✅ conformant', 'not-conformant': '❌ not conformant', incomplete: '⚠️ incomplete' };

/** How much of one text a table cell shows; the report has it whole. */
const CELL_MAX = 300;

/** Text from the endpoint, made safe for a Markdown table cell; cut with an ellipsis when long. */
function cell(text: string): string {
  const flat = [...text.replace(/\s+/g, ' ')];
  const shown = flat.length > CELL_MAX ? `${flat.slice(0, CELL_MAX - 1).join('')}…` : flat.join('');
  return shown.replace(/[\\`*_{}[\]<>|#]/g, (c) => `\\${c}`);
}

/** Text of ours (with codes and URLs in it) for Markdown prose: markup characters escaped, words left whole. */
function prose(text: string): string {
  return text.replace(/[\\`*<>|[\]]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

/** `summary.md`: the verdict, the counts and the checks that did not pass; fits a CI job summary. */
export const markdownReporter: FileReporter = {
  file: 'summary.md',
  render(results) {
    const s = results.summary;
    const said = verdictGateText(results, results.coverage?.notCertified);
    const out = [
      `## hookcert ${results.profile}: ${VERDICT[results.verdict]}${results.coverage?.notCertified.length ? `; not certified for: ${results.coverage.notCertified.join(', ')}` : ''} · gate ${results.gate.passed ? '✅ passed' : '❌ failed'}`,
      '',
      // The verdict is what a certifier reads; the gate what CI decided, after the baseline: a baseline changes only the gate.
      `**Verdict:** ${prose(said.verdict)} · **gate:** ${prose(said.gate)}`,
      '',
      `Target \`${results.target.url.replace(/`/g, '')}\` · seed \`${results.seed}\` · ${plural(s.total, 'check')}: ${s.pass} pass, ${s.fail} fail, ${s.warn} warn, ${s.skip} skip, ${s.error} error · ${plural(results.stats.requests, 'request')} in ${(results.durationMs / 1000).toFixed(1)} s`,
    ];
    if (results.rootCause) out.push('', `> **Root cause:** ${prose(causeLine(results.rootCause))}${results.rootCause.stopped ? ' (the run stopped there; `--keep-going` runs every check anyway)' : ''}`);
    else if (results.incompleteReason) out.push('', `**Incomplete:** ${cell(results.incompleteReason)}`);
    out.push('', 'The full report (every check with its spec line, the exchanges of each failure, the replay commands) is `index.html` beside this file: in CI, the report folder uploaded as the job\'s artifact.');
    if (results.baseline) {
      const b = results.baseline;
      const reasons = (ids: string[]) => ids.map((id) => {
        const reason = results.checks.find((c) => c.id === id)?.baselineReason;
        return reason ? `${id} (${cell(reason)})` : id;
      }).join(', ');
      out.push('', `**Baseline** \`${b.source.replace(/`/g, '')}\`: ${b.known.length} known, ${b.new.length} new, ${b.fixed.length} fixed`);
      if (b.new.length > 0) out.push('', `- 🆕 new failures: ${b.new.join(', ')}`);
      if (b.fixed.length > 0) out.push('', `- 🎉 fixed, remove from the baseline: ${reasons(b.fixed)}`);
      if (b.known.length > 0) out.push('', `- known failures (the gate ignores them, the verdict does not): ${reasons(b.known)}`);
    }
    const notable = results.checks.filter((c) => c.status === 'fail' || c.status === 'error' || c.status === 'warn');
    if (notable.length > 0) {
      // The title starts with its level (MUST, SHOULD): no column repeats it.
      out.push('', '| | check | what happened |', '|---|---|---|');
      for (const c of notable) out.push(`| ${ICON[c.status]} | **${c.id}** ${cell(c.title)}${c.baseline === 'known' ? ' _(known, baseline)_' : c.baseline === 'new' ? ' _(new)_' : ''} | ${cell(c.failure?.message ?? c.reason ?? c.warnings.join('; '))} |`);
      // With a baseline, the one to look at is the first failure it does not know.
      const first = results.baseline ? notable.find((c) => c.baseline === 'new') : notable.find((c) => c.status === 'fail');
      if (first) out.push('', results.baseline ? 'Replay the first *new* failure:' : 'Replay the first failure:', '', '```sh', first.replay, '```');
    }
    const skippedMust = results.checks.filter((c) => c.status === 'skip' && c.level === 'MUST');
    if (skippedMust.length > 0) {
      out.push('', `**Skipped MUST checks** (${skippedMust.length}: the run certifies nothing about them):`, '');
      for (const c of skippedMust) out.push(`- **${c.id}** ${cell(c.reason ?? 'skipped')}`);
    }
    if (results.coverage && !results.rootCause?.stopped) out.push(...coverageSection(results.coverage));
    out.push('', `Replay the run: \`${results.replay}\``, '');
    return out.join('\n');
  },
};

/** The coverage table: flows, events, and the checks not exercised. */
function coverageSection(c: Coverage): string[] {
  const out = ['', '### Coverage'];
  const ex = explorationLine(c);
  if (ex) out.push('', cell(ex));
  if (c.flows.length > 0) out.push('', '| | flow | reached | checks |', '|---|---|---|---|');
  for (const f of c.flows) out.push(`| ${f.reached ? '✅' : '⏭️'} | **${f.flow}** ${cell(f.title)} | ${cell(reachedText(f))}${f.by ? ` · replay: \`${f.by.replay.replace(/`/g, '')}\`` : ''} | ${f.checks.join(', ')} |`);
  if (c.events.length > 0) {
    out.push('', '<details><summary>per event</summary>', '', '| event | requests | replies | non-empty | reply objects | first request |', '|---|---|---|---|---|---|');
    for (const e of c.events) out.push(`| ${cell(e.event)} | ${e.requests} | ${e.replies} | ${e.nonEmpty} | ${cell(objectsText(e.objects))} | ${e.by ? `${cell(e.by.source)} #${e.by.seq}` : ''} |`);
    out.push('', '</details>');
  }
  if (c.unexercised.length > 0) {
    out.push('', 'Not exercised:', '');
    for (const u of c.unexercised) out.push(`- **${u.id}** (${u.level}): ${cell(u.reason)}`);
  }
  for (const n of c.notes) out.push('', `ℹ️ ${cell(n)}`);
  return out;
}
