import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, hookcert, type ChildRun } from './hostile/child.js';
import { keepsAlive, reply, startZoo, type Zoo } from './hostile/zoo.js';

// The secret goes into every flag, config field and environment variable that can carry it, and an endpoint
// echoes it back; then it must be in none of the outputs: stdout, stderr, the --debug log, every report file.

/** A base64 secret of letters and digits only, so that it can also stand in paths and ids. */
function plainSecret(): string {
  for (;;) {
    const s = randomBytes(33).toString('base64');
    if (/^[A-Za-z0-9]+$/.test(s)) return s;
  }
}
const SECRET = plainSecret();

let zoo: Zoo;
let dir: string;
beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'hookcert-secret-'));
  zoo = await startZoo({
    // Accepts anything (so signature checks fail), and echoes the secret in a header and in its body.
    echo: keepsAlive((s) =>
      reply(s, 200, { 'content-type': 'application/json', 'x-echo': SECRET }, JSON.stringify({ message: [{ message: `your key is ${SECRET}` }], key: SECRET })),
    ),
  });
}, 180_000);
afterAll(() => zoo.close());

/** Every output of a child run: stdout, stderr (with the --debug log) and every report file. */
const outputs = (out: ChildRun) => ({ stdout: out.stdout, stderr: out.stderr, ...out.files });

function config(fields: Record<string, unknown>): string {
  const path = join(mkdtempSync(join(dir, 'config-')), 'hookcert.config.json');
  writeFileSync(path, typeof fields.raw === 'string' ? fields.raw : JSON.stringify(fields));
  return path;
}

describe('a failing run with the secret everywhere', () => {
  let out: ChildRun;
  beforeAll(async () => {
    const path = config({
      secret: SECRET,
      subscriptionId: SECRET,
      secretEncoding: 'base64',
      events: { scanCode: { budgetMs: 2000, triggers: [{ codeType: 'barcode', pattern: `^${SECRET}$|^\\d+$` }] }, startSession: { budgetMs: 2000 } },
      run: { reportDir: join(dir, SECRET), seed: 5, runs: 2, graceMs: 500 },
    });
    const reportDir = join(dir, `report-${SECRET}`);
    out = await hookcert(
      [
        'run',
        '--url', `${zoo.url('echo')}/${SECRET}`,
        '--secret', SECRET,
        '--subscription-id', SECRET,
        '--secret-encoding', 'base64',
        '--config', path,
        '--report-dir', reportDir,
        '--check', 'MP-SIG-001,MP-SIG-002,MP-SIG-010,MP-SHP-001,MP-SUB-002',
        '--debug',
      ],
      { env: { HOOKCERT_SECRET: SECRET }, reportDir },
    );
  }, 120_000);

  it('fails (exit 1), and says so', () => {
    expect(out.code, out.stdout + out.stderr).toBe(1);
    expect(out.results?.verdict).toBe('not-conformant');
    expect(Object.keys(out.files).sort()).toEqual(['index.html', 'junit.xml', 'results.json', 'summary.md']);
  });

  it('prints the --debug log: headers with the signature, the secret absent', () => {
    expect(out.stderr).toMatch(/hookcert debug #1 > \S+ POST http:\/\/127\.0\.0\.1:\d+\/echo\/\[redacted\]\/\w+/);
    expect(out.stderr).toMatch(/hookcert debug #\d+ >   x-mplus-signature: [A-Za-z0-9+/]{43}=/);
    expect(out.stderr).toMatch(/hookcert debug #\d+ >   x-mplus-subscription-id: \[redacted\]/);
    expect(out.stderr).toMatch(/hookcert debug #\d+ <   x-echo: \[redacted\]/);
  });

  it('keeps the secret out of stdout, stderr, the debug log and every report file', () => {
    for (const [name, text] of Object.entries(outputs(out))) expect(text.includes(SECRET), `the secret is in ${name}`).toBe(false);
    // What the endpoint echoed is still shown, redacted.
    expect(out.files['results.json']).toContain('your key is [redacted]');
  });
});

describe('bad input that quotes the secret: exit 2, one line, the secret redacted, nothing written', () => {
  const notBase64 = `not base64 ${SECRET}!`;
  const cases: Array<[string, () => string[], NodeJS.ProcessEnv, RegExp]> = [
    ['a flag that repeats it', () => ['run', '--url', zoo.url('echo'), '--secret', SECRET, '--seed', SECRET], {}, /--seed takes a whole number \(got "\[redacted\]"\)/],
    ['an event named after it, the secret in the environment', () => ['run', '--url', zoo.url('echo'), '--events', SECRET], { HOOKCERT_SECRET: SECRET }, /unknown event "\[redacted\]"/],
    [
      'a config file with the secret in a broken pattern',
      () => ['run', '--url', zoo.url('echo'), '--config', config({ secret: SECRET, events: { scanCode: { triggers: [{ codeType: 'barcode', pattern: `(${SECRET}` }] } } })],
      {},
      /the code trigger pattern of scanCode is not a valid regular expression: \(\[redacted\]/,
    ],
    ['a config file that is not JSON', () => ['run', '--config', config({ raw: `{"secret": "${SECRET}" "endpointUrl": 1}` })], {}, /is not valid JSON \(.* at line 1, column \d+\): fix the syntax/],
    ['a secret that is not base64', () => ['run', '--url', zoo.url('echo'), '--config', config({ secret: notBase64 })], {}, /base64/],
    [
      'a report folder from the config file that cannot be written, its path holding the secret',
      () => ['run', '--url', zoo.url('echo'), '--config', config({ secret: SECRET, run: { reportDir: join(config({}), SECRET) } })],
      {},
      /cannot write the report folder .*hookcert\.config\.json\/\[redacted\] \(ENOTDIR\)/,
    ],
    ['an unknown event in the config file', () => ['run', '--url', zoo.url('echo'), '--config', config({ secret: SECRET, events: { [SECRET]: {} } })], {}, /unknown event "\[redacted\]"/],
  ];
  it.each(cases)('%s', async (what, argv, env, message) => {
    const reportDir = join(mkdtempSync(join(dir, 'bad-')), 'report');
    // The report folder case names its own, in the config file: no --report-dir flag then.
    const out = await hookcert(argv(), { env, reportDir, addReportDir: !/report folder/.test(what) });
    const stderr = out.stderr.replace(/hookcert: peak RSS.*\n/, '');
    expect(out.code, stderr).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    for (const text of [out.stdout, stderr]) {
      expect(text.includes(SECRET)).toBe(false);
      expect(text.includes(notBase64)).toBe(false);
    }
    expect(out.files).toEqual({});
  });
});
