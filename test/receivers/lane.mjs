// A warm `hookcert` lane for the tests (test/receivers/lanes.ts starts it): a long-lived Node process that runs
// hookcert commands one after another through the CLI's own entry (`main` of dist/src/cli/main.js, the code
// bin.js runs), so the matrix's runs do not each pay Node's start, the module loading, the schema compiling and a
// cold JIT (half of a --runs 3 run's CPU). One command at a time: a run's timing checks see the process as a
// fresh CLI's would. Each job: { id, argv, env, cwd, reportDir, fullResults }; each answer: { id, code, stdout,
// stderr, wallMs, results }, results being the report's results.json without the exchanges (2 MB a run: parsed
// here, not in the test's process, where the receivers written in TypeScript answer); none with fullResults (the
// test reads the whole file).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../dist/src/cli/main.js';

process.on('message', async (job) => {
  const started = Date.now();
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: job.env, isTTY: false, cwd: job.cwd };
  const code = await main([...job.argv, '--report-dir', job.reportDir], io);
  const wallMs = Date.now() - started;
  let results;
  if (job.fullResults) return process.send({ id: job.id, code, stdout, stderr, wallMs });
  try {
    results = JSON.parse(readFileSync(join(job.reportDir, 'results.json'), 'utf8'));
    for (const c of results.checks) {
      c.exchanges = [];
      delete c.flows;
      if (c.failure) c.failure.exchanges = [];
    }
  } catch {
    results = undefined;
  }
  process.send({ id: job.id, code, stdout, stderr, wallMs, results });
});
process.on('disconnect', () => process.exit(0));
