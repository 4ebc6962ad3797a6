import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../paths.js';

const run = promisify(execFile);

describe('src/generated', () => {
  it('matches what `npm run gen` makes from schemas/ (run it and commit when this fails)', async () => {
    const script = join(packageRoot, 'scripts', 'gen-types.mjs');
    const result = await run(process.execPath, [script, '--check'], { cwd: packageRoot }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (err: { code?: number; stdout?: string; stderr?: string }) => ({
        code: err.code ?? 1,
        stdout: err.stdout ?? '',
        stderr: err.stderr ?? '',
      }),
    );
    expect(result.stderr, 'gen-types --check reported drift').toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/up to date/);
  });
});
