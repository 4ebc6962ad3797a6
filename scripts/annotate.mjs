#!/usr/bin/env node
// Turns a hookcert results.json into GitHub Actions annotations (workflow commands), one per check that did
// not pass:   node scripts/annotate.mjs reports/latest/results.json
//   ::error title=MP-SIG-002::…      a failure or error that gates the run (new, when a baseline is used)
//   ::warning title=MP-SHP-003::…    a SHOULD/INFO finding, or a failure the baseline knows
//   ::notice title=MP-SIG-001::…     a baseline entry that passes now (remove it from the baseline)
// Always exits 0: the gate is hookcert's own exit code.
import { readFileSync } from 'node:fs';

/** Escapes a workflow command's message (and, with `property`, a property value) as GitHub documents it. */
const escape = (text, property = false) => {
  let out = String(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  if (property) out = out.replace(/:/g, '%3A').replace(/,/g, '%2C');
  return out;
};

const file = process.argv[2] ?? 'reports/latest/results.json';
let results;
try {
  results = JSON.parse(readFileSync(file, 'utf8'));
} catch (err) {
  console.log(`::warning title=hookcert::${escape(`no results to annotate at ${file} (${err.code ?? err.message})`)}`);
  process.exit(0);
}
for (const c of results.checks ?? []) {
  const title = escape(c.id, true);
  const what = c.failure?.message ?? c.reason ?? (c.warnings ?? []).join('; ');
  const detail = [what, c.failure?.expected && `expected: ${c.failure.expected}`, c.failure?.received && `received: ${c.failure.received}`, `replay: ${c.replay}`]
    .filter(Boolean)
    .join('\n');
  if (c.baseline === 'fixed') console.log(`::notice title=${title}::${escape(`${c.title}: fixed, passes now; remove it from the baseline`)}`);
  else if (c.baseline === 'known') console.log(`::warning title=${title} (known)::${escape(`known failure (baseline): ${c.title}\n${detail}`)}`);
  else if (c.status === 'fail' || (c.status === 'error' && c.level === 'MUST')) console.log(`::error title=${title}::${escape(`${c.level}: ${c.title}\n${detail}`)}`);
  else if (c.status === 'warn' || c.status === 'error') console.log(`::warning title=${title}::${escape(`${c.title}\n${detail}`)}`);
}
if (results.verdict === 'incomplete') console.log(`::error title=hookcert incomplete::${escape(results.incompleteReason ?? 'the run did not complete')}`);
// The verdict (conformance, what a certifier reads) and the gate (what CI decided, after the baseline) apart:
// with a baseline the job can pass on a run that is not conformant, and the annotations say so.
if (results.gate)
  console.log(`::notice title=hookcert verdict and gate::${escape(`verdict: ${String(results.verdict).replace('-', ' ')} · gate: ${results.gate.passed ? 'passed' : 'failed'} (${results.gate.reason})`)}`);
