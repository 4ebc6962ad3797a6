import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleResults } from '../../test/fixtures/report-results.js';
import { HookcertErrorCode } from '../errors.js';
import { Secret } from '../secret.js';
import { ensureWritable, renderSafely, writeReports } from './write.js';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'hookcert-write-')), 'report');

describe('writeReports', () => {
  it('writes the four files whole, redacted, with no temporary file left', () => {
    const dir = fresh();
    const results = sampleResults();
    results.target.url = 'http://127.0.0.1:9/hooks?key=s3cr3t-value';
    writeReports(results, dir, [new Secret('s3cr3t-value')]);
    expect(readdirSync(dir).sort()).toEqual(['index.html', 'junit.xml', 'results.json', 'summary.md']);
    for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f), 'utf8')).not.toContain('s3cr3t-value');
    expect(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')).target.url).toBe('http://127.0.0.1:9/hooks?key=[redacted]');
  });

  it('clears what a run killed while writing left behind', () => {
    const dir = fresh();
    ensureWritable(dir);
    writeFileSync(join(dir, '.results.json.tmp-12345'), '{"half":');
    writeReports(sampleResults(), dir, []);
    expect(readdirSync(dir).sort()).toEqual(['index.html', 'junit.xml', 'results.json', 'summary.md']);
  });

  it('says what to do when the folder cannot be written, and leaves nothing', () => {
    const parent = mkdtempSync(join(tmpdir(), 'hookcert-write-'));
    writeFileSync(join(parent, 'file'), 'not a folder');
    expect(() => writeReports(sampleResults(), join(parent, 'file', 'report'), [])).toThrow(
      expect.objectContaining({ code: HookcertErrorCode.REPORT_DIR, message: expect.stringMatching(/cannot write the report into .* \(ENOTDIR\): free some space or choose another folder with --report-dir/) }),
    );
    expect(existsSync(join(parent, 'file', 'report'))).toBe(false);
  });
});

it('turns a reporter that crashes into a file that says so, without costing the others', () => {
  const crashing = { file: 'index.html', render: () => { throw new Error('<b>boom</b>'); } };
  expect(renderSafely(crashing, sampleResults())).toBe('<!doctype html><meta charset="utf-8"><title>hookcert</title><p>hookcert could not render index.html (&lt;b&gt;boom&lt;/b&gt;); results.json holds the results</p>\n');
  expect(renderSafely({ file: 'summary.md', render: () => 'ok' }, sampleResults())).toBe('ok');
});

describe('redaction before rendering', () => {
  it('removes a secret with markup characters that an endpoint echoed, before HTML and XML escaping could hide it', () => {
    const secret = `s3cr<e>t&"quote'd`;
    const results = sampleResults();
    results.checks[0].warnings.push(`the endpoint echoed ${secret}`);
    const dir = mkdtempSync(join(tmpdir(), 'hookcert-redact-'));
    writeReports(results, dir, [new Secret(secret)]);
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text).not.toContain('s3cr&lt;e&gt;t');
      expect(text).not.toContain('s3cr\\u003ce');
      expect(text).not.toContain(secret);
    }
    expect(readFileSync(join(dir, 'results.json'), 'utf8')).toContain('the endpoint echoed [redacted]');
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain('the endpoint echoed [redacted]');
  });
});
