import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../src/schema/registry.js';
import { zooConfig } from './hostile/cases.js';
import { ensureBuilt, hookcert, type ChildRun } from './hostile/child.js';
import { BEHAVIOURS, startZoo, ZOO_SECRET, type Zoo } from './hostile/zoo.js';

// Real signals to a real `hookcert run` child: the report is written with what was judged so far, marked
// incomplete, and the process exits 3 within 2 s; a second signal exits at once.
let zoo: Zoo;
beforeAll(async () => {
  ensureBuilt();
  zoo = await startZoo(BEHAVIOURS);
}, 180_000);
afterAll(() => zoo.close());

/**
 * A long run (the whole suite against a zoo endpoint), sent `signal` once its first verdict is in; with
 * `again`, the same signal a second time as soon as the CLI says it is stopping.
 */
function interrupted(signal: NodeJS.Signals, behaviour: string, again = false): Promise<ChildRun & { signalledAt: number }> {
  let signalledAt = 0;
  let sent = false;
  let resent = false;
  return hookcert(['run', '--url', zoo.url(behaviour), '--config', zooConfig(), '--verbose'], {
    env: { HOOKCERT_SECRET: ZOO_SECRET },
    // Every check prints a line when it is judged (--verbose): signal once the first one is in.
    onStdout: (text, child, since) => {
      if (sent || !/^\s+\S+ (pass|fail|warn|skip|error)\s+MP-/m.test(text)) return;
      sent = true;
      signalledAt = since;
      child.kill(signal);
    },
    onStderr: (text, child) => {
      if (!again || resent || !/stopping, writing what was judged so far/.test(text)) return;
      resent = true;
      child.kill(signal);
    },
    killAfterMs: 60_000,
  }).then((out) => ({ ...out, signalledAt }));
}

/** Report files as a reader sees them (not the hidden names files are written under). */
const visible = (files: Record<string, string>) => Object.keys(files).filter((f) => !f.startsWith('.')).sort();

describe.each(['SIGINT', 'SIGTERM'] as const)('%s during a run', (signal) => {
  it('writes every report file with what was judged, marked incomplete, and exits 3 within 2 s', async () => {
    // An endpoint that takes 150 ms a reply: there is always a request in flight when the signal comes.
    const out = await interrupted(signal, 'slow');
    const context = `${out.stdout}\n${out.stderr}`;
    expect(out.signalledAt, context).toBeGreaterThan(0);
    expect(out.code, context).toBe(3);
    expect(out.wallMs - out.signalledAt, 'from the signal to the exit').toBeLessThan(2000);
    expect(out.stderr).toContain(`hookcert: ${signal}: stopping, writing what was judged so far`);
    expect(Object.keys(out.files).sort()).toEqual(['index.html', 'junit.xml', 'results.json', 'summary.md']);
    expect(out.signal).toBeNull();
    const results = out.results!;
    expect(results.verdict).toBe('incomplete');
    expect(results.incompleteReason).toBe('the run was interrupted');
    expect(results.checks.length, context).toBeGreaterThanOrEqual(1);
    expect(results.checks.length).toBeLessThan(results.summary.total);
    expect(registry().validate('report/results.schema.json', results)).toEqual([]);
    // Every check judged before the signal is in every report, and nothing half-written is left over.
    for (const c of results.checks) {
      expect(out.files['junit.xml']).toContain(c.id);
      expect(out.files['index.html']).toContain(c.id);
    }
    expect(out.files['summary.md']).toMatch(/incomplete/i);
    expect(out.stdout).toMatch(/verdict: incomplete/);
  });
});

it('a second SIGINT exits at once, even while the report is being written, and leaves no half-written report file', async () => {
  // 900 KB replies make a big report: the second signal lands while it is being written.
  const out = await interrupted('SIGINT', 'big-ok', true);
  const context = `${out.stdout}\n${out.stderr}`;
  expect(out.signalledAt, context).toBeGreaterThan(0);
  expect(out.signal, context).toBe('SIGINT');
  expect(out.code).toBeNull();
  expect(out.wallMs - out.signalledAt, context).toBeLessThan(1000);
  // Report files are renamed into place whole, all at once: none of them, or whole ones.
  const files = visible(out.files);
  expect([[], ['index.html', 'junit.xml', 'results.json', 'summary.md']]).toContainEqual(files);
  if (files.length > 0) expect(JSON.parse(out.files['results.json']).verdict).toBe('incomplete');
});
