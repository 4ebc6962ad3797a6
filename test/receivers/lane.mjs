// A warm `hookcert` lane for the tests (test/receivers/lanes.ts starts it): a long-lived Node process that runs
// hookcert commands one after another through the CLI's own entry (`main` of dist/src/cli/main.js, the code
// bin.js runs), so the matrix's runs do not each pay Node's start, the module loading, the schema compiling and a
// cold JIT (half of a --runs 3 run's CPU). One command at a time: a run's timing checks see the process as a
// fresh CLI's would. Each job: { id, argv, env, cwd }; each answer: { id, code, stdout, stderr, wallMs }.
import { main } from '../../dist/src/cli/main.js';

process.on('message', async (job) => {
  const started = Date.now();
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: job.env, isTTY: false, cwd: job.cwd };
  const code = await main(job.argv, io);
  process.send({ id: job.id, code, stdout, stderr, wallMs: Date.now() - started });
});
process.on('disconnect', () => process.exit(0));
