import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HookcertError, HookcertErrorCode } from '../errors.js';
import type { RunResults } from '../runner/results.js';
import { redact, type Secret } from '../secret.js';
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import type { FileReporter } from './reporter.js';

/** The file reporters, by file name. */
export const FILE_REPORTERS: readonly FileReporter[] = [jsonReporter, junitReporter, markdownReporter, htmlReporter];

/** Fails early, before a run, when the report folder cannot be written. */
export function ensureWritable(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    const probe = join(dir, `.hookcert-write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (err) {
    throw new HookcertError(HookcertErrorCode.REPORT_DIR, `cannot write the report folder ${dir} (${(err as NodeJS.ErrnoException).code ?? 'error'}): choose another with --report-dir`);
  }
}

/**
 * Writes every report file into `dir`. Each file is written whole to a temporary name and renamed, so a
 * reader never sees half a file; every byte passes through the secret redactor first.
 */
export function writeReports(results: RunResults, dir: string, secrets: readonly Secret[]): string[] {
  mkdirSync(dir, { recursive: true });
  return FILE_REPORTERS.map((r) => {
    const path = join(dir, r.file);
    const tmp = `${path}.tmp-${process.pid}`;
    writeFileSync(tmp, redact(r.render(results), secrets));
    renameSync(tmp, path);
    return path;
  });
}
