import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { ZOO_SECRET } from './zoo.js';

// Bad input to hookcert itself: one line that says what to fix, exit 2, and nothing written. (A URL without a
// scheme, a non-HTTP scheme, an unknown event, a config typo and a non-base64 secret are in run.e2e.test.ts.)
const env = { HOOKCERT_SECRET: ZOO_SECRET };

/** The folder `cli` made for the report, and what is in it. */
const written = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

describe('bad input: exit 2, one line, nothing written', () => {
  const cases: Array<[string, string[], RegExp]> = [
    // A host name that does not resolve is a wrong URL (a typo, the wrong environment), not an endpoint that is
    // down: it is refused before the run, like any other bad --url.
    ['a host name that does not resolve', ['run', '--url', 'http://no-such-host.invalid/webhooks'], /^hookcert: the host name "no-such-host\.invalid" of --url does not resolve \(no such host\): check the spelling of the URL, or use an IP address\n$/],
    ['a duration that is not one', ['run', '--url', 'http://127.0.0.1:9/x', '--max-run-time', 'soon'], /^hookcert: --max-run-time takes a duration such as 500 \(ms\), 2s, 10m \(got "soon"\)\n$/],
    ['a budget of zero', ['run', '--url', 'http://127.0.0.1:9/x', '--budget', '0'], /^hookcert: --budget must be between 1 ms and 24 h \(got 0 ms\)\n$/],
    ['a grace that is not a number', ['run', '--url', 'http://127.0.0.1:9/x', '--grace', '-5'], /^hookcert: --grace takes a duration/],
    ['a body cap below 1 KiB', ['run', '--url', 'http://127.0.0.1:9/x', '--max-body-bytes', '10'], /^hookcert: --max-body-bytes must be between 1024 and/],
    ['a --ca file that does not exist', ['run', '--url', 'https://127.0.0.1:9/x', '--ca', '/no/such/ca.pem'], /^hookcert: --ca: cannot read the certificate file \/no\/such\/ca\.pem \(ENOENT\): check the path\n$/],
  ];
  it.each(cases)('%s', async (_what, argv, message) => {
    const out = await cli(argv, env);
    expect(out.code, out.stderr).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(written(out.reportDir)).toEqual([]);
  });

  it('a report folder that cannot be written', async () => {
    const file = join((await cli(['list'])).reportDir, 'a-file');
    writeFileSync(file, 'not a folder');
    const out = await cli(['run', '--url', 'http://127.0.0.1:9/x', '--report-dir', join(file, 'report')], env);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^hookcert: cannot write the report folder .*a-file\/report \(ENOTDIR\): choose another with --report-dir\n$/);
  });

  it('a typo in a new config key of run', async () => {
    const dir = (await cli(['list'])).reportDir;
    const path = join(dir, 'hookcert.config.json');
    writeFileSync(path, JSON.stringify({ endpointUrl: 'http://127.0.0.1:9/x', run: { graceMS: 100 } }));
    const out = await cli(['run', '--config', path], env);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/unknown key "graceMS" at \/run \(did you mean "graceMs"\?\)/);
  });
});
