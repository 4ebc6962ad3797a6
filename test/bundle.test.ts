import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mplusReference } from '../src/reference/mplus/mutant.js';
import { serveHandlers, type ServedReceiver } from '../src/reference/server.js';
import { hashTree } from '../src/runner/hashes.js';
import { cli } from './helpers.js';

const secret = randomBytes(32).toString('base64');
let receiver: ServedReceiver;
beforeAll(async () => {
  receiver = await serveHandlers(mplusReference({ secret, secretEncoding: 'base64', subscriptionIds: ['acme-42'] }));
});
afterAll(() => receiver.close());

describe('hookcert run --bundle', () => {
  it('writes one .tar.gz that tar reads: report, the exact schemas and checks (hashes match results.json), manifest, SHA256SUMS; never the secret', async () => {
    const out = await cli(['run', '--url', receiver.url, '--subscription-id', 'acme-42', '--seed', '11', '--runs', '3', '--check', 'MP-SIG-001,MP-SIG-002', '--bundle'], { HOOKCERT_SECRET: secret });
    expect(out.code, out.stdout + out.stderr).toBe(0);
    const bundle = join(out.reportDir, 'hookcert-bundle.tar.gz');
    expect(out.stdout).toContain(`bundle: ${bundle}`);
    expect(gunzipSync(readFileSync(bundle)).includes(Buffer.from(secret))).toBe(false);

    const dir = mkdtempSync(join(tmpdir(), 'hookcert-bundle-'));
    execFileSync('tar', ['xzf', bundle, '-C', dir]);
    const root = join(dir, 'hookcert-bundle');
    // What the reviewer does (docs/ci.md): every file against SHA256SUMS, the trees against results.json's hashes.
    expect(execFileSync('sha256sum', ['--check', '--strict', 'SHA256SUMS'], { cwd: root, encoding: 'utf8' })).toMatch(/report\/results\.json: OK/);
    const results = JSON.parse(readFileSync(join(root, 'report', 'results.json'), 'utf8'));
    expect(results).toEqual(out.results);
    expect(hashTree(join(root, 'schemas', 'mplus'))).toBe(results.hashes.schemas);
    expect(readdirSync(join(root, 'schemas'))).toEqual(['mplus']); // only the profile's schemas
    expect(hashTree(join(root, 'checks', 'mplus'))).toBe(results.hashes.checks);
    expect(existsSync(join(root, 'checks', 'mplus', 'security'))).toBe(true);
    for (const f of ['junit.xml', 'summary.md', 'index.html']) expect(existsSync(join(root, 'report', f)), f).toBe(true);

    const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ tool: { name: 'hookcert' }, profile: 'mplus', seed: 11, verdict: 'conformant', gate: { passed: true }, hashes: results.hashes });
    expect(manifest.command).toBe(results.replay);
    expect(manifest.command).toContain('--seed 11');
    expect(manifest.command).not.toContain(secret);
    expect(manifest.files.length).toBeGreaterThan(100);
  });

  it('--bundle FILE writes there; the same run twice gives a bundle of the same layout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookcert-bundle-'));
    const file = join(dir, 'nested', 'cert.tar.gz');
    const out = await cli(['demo', '--seed', '3', '--runs', '2', '--check', 'MP-SIG-002', '--bundle', file]);
    expect(out.code).toBe(0);
    const list = execFileSync('tar', ['tzf', file], { encoding: 'utf8' }).trim().split('\n');
    expect(list.slice(0, 3)).toEqual(['hookcert-bundle/manifest.json', 'hookcert-bundle/SHA256SUMS', 'hookcert-bundle/report/results.json']);
    expect(list.some((p) => p.startsWith('hookcert-bundle/schemas/mplus/'))).toBe(true);
  });
});
