import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { HookcertError, HookcertErrorCode } from '../errors.js';
import type { RunResults } from '../runner/results.js';
import { redact, type Secret } from '../secret.js';
import { html, htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import type { FileReporter } from './reporter.js';

/** The file reporters, by file name. */
export const FILE_REPORTERS: readonly FileReporter[] = [jsonReporter, junitReporter, markdownReporter, htmlReporter];

/** The name of a report file being written. */
const TEMP = /^\..+\.tmp-\d+$/;

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
 * Writes every report file into `dir`. Each file is rendered and written whole to a temporary name in turn,
 * and only once all are written are they renamed into place: a reader never sees half a file, and a failure
 * leaves the previous report as it was. One rendered file is held at a time (a report of a run against huge
 * replies renders to tens of MB; holding all four at once raised the run's peak memory). Every byte passes
 * through the secret redactor first. A reporter that crashes does not cost the others: its file says what went
 * wrong and where the results are.
 */
export function writeReports(results: RunResults, dir: string, secrets: readonly Secret[]): string[] {
  // Redact the results' own strings first (an endpoint may echo a secret, and escaping for HTML or XML
  // would hide it from a later pass), then every rendered file once more as the last line of defence.
  const clean = redactResults(results, secrets);
  const paths = FILE_REPORTERS.map((r) => join(dir, r.file));
  const temps: string[] = [];
  try {
    mkdirSync(dir, { recursive: true });
    // Left by a run that was killed while writing (a second Ctrl-C): never a report file, always hidden.
    for (const f of readdirSync(dir)) if (TEMP.test(f)) rmSync(join(dir, f), { force: true });
    for (const [i, reporter] of FILE_REPORTERS.entries()) {
      const text = redact(renderSafely(reporter, clean), secrets);
      const tmp = join(dir, `.${basename(paths[i])}.tmp-${process.pid}`);
      temps.push(tmp);
      writeFileSync(tmp, text);
    }
    paths.forEach((path, i) => renameSync(temps[i], path));
  } catch (err) {
    for (const tmp of temps) rmSync(tmp, { force: true });
    throw new HookcertError(HookcertErrorCode.REPORT_DIR, `cannot write the report into ${dir} (${(err as NodeJS.ErrnoException).code ?? 'error'}): free some space or choose another folder with --report-dir`);
  }
  return paths;
}

/** A reporter's file, or, when the reporter crashes, a file that says so and where the results are. */
export function renderSafely(reporter: FileReporter, results: RunResults): string {
  try {
    return reporter.render(results);
  } catch (err) {
    const why = `hookcert could not render ${reporter.file} (${err instanceof Error ? err.message : String(err)}); results.json holds the results`;
    return reporter.file.endsWith('.html') ? String(html`<!doctype html><meta charset="utf-8"><title>hookcert</title><p>${why}</p>\n`) : `${why}\n`;
  }
}

/** A deep copy of `results` with every secret removed from every string in it. */
export function redactResults(results: RunResults, secrets: readonly Secret[]): RunResults {
  if (secrets.every((s) => s.reveal().length < 4)) return results;
  return JSON.parse(JSON.stringify(results), (_key, value: unknown) => (typeof value === 'string' ? redact(value, secrets) : value)) as RunResults;
}
