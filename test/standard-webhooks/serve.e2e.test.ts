import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const BIN = fileURLToPath(new URL('../../bin/hookcert.js', import.meta.url));

// `hookcert serve --profile standard-webhooks`: the reference alone, with a generated whsec_ secret, and a
// `run` command that certifies it as pasted (issue 15: the profile is usable like the other two).
describe('hookcert serve --profile standard-webhooks', () => {
  it('serves the reference with a whsec_ secret, prints a run command that certifies it, and stops on SIGTERM', { timeout: 120_000 }, async () => {
    const { HOOKCERT_SECRET: _mine, ...env } = process.env; // a generated secret, printed once
    const server = spawn(process.execPath, [BIN, 'serve', '--profile', 'standard-webhooks'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        server.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('press Ctrl-C to stop')) resolve();
        });
        server.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
      });
      expect(out).toMatch(/^reference receiver \(standard-webhooks\) listening at http:\/\/127\.0\.0\.1:\d+\/webhooks\n/);
      expect(out).toMatch(/generated signing secret \(whsec_ \+ base64\): whsec_[A-Za-z0-9+/]+=*\n/);
      const pasted = /HOOKCERT_SECRET=(\S+) npx hookcert run --url (\S+) --profile standard-webhooks\n/.exec(out);
      expect(pasted, out).not.toBeNull();
      const run = await cli(['run', '--url', pasted![2], '--profile', 'standard-webhooks', '--seed', '15', '--runs', '3'], { HOOKCERT_SECRET: pasted![1] });
      expect(run.results?.verdict, run.stdout).toBe('conformant');
      expect(run.code).toBe(0);
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(out).toMatch(/stopped \(SIGTERM\)\n$/);
  });

  it('refuses a secret that does not decode, in one line that never quotes it', async () => {
    const bad = await cli(['serve', '--profile', 'standard-webhooks'], { HOOKCERT_SECRET: 'whsec_not*base64' });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).not.toContain('not*base64');
  });
});
