import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tarGz } from './tar.js';

describe('tarGz', () => {
  it('writes an archive tar extracts: long paths (ustar prefix), empty files, unicode names, sizes not a multiple of 512', async () => {
    const long = `${'deep/'.repeat(25)}file-with-a-long-name.json`;
    const entries = [
      { path: 'a.txt', data: Buffer.from('hello\n') },
      { path: long, data: Buffer.alloc(1300, 'x') },
      { path: 'empty', data: Buffer.alloc(0) },
      { path: 'naïve/é.md', data: Buffer.from('ü') },
    ];
    const dir = mkdtempSync(join(tmpdir(), 'hookcert-tar-'));
    const file = join(dir, 'x.tar.gz');
    writeFileSync(file, await tarGz(entries, 1_700_000_000));
    execFileSync('tar', ['xzf', file, '-C', dir]);
    for (const e of entries) expect(readFileSync(join(dir, e.path)).equals(e.data), e.path).toBe(true);
    expect(execFileSync('tar', ['tvzf', file], { encoding: 'utf8' })).toContain('2023-11-14');
  });

  it('gives the same bytes for the same entries', async () => {
    const entries = [{ path: 'a', data: Buffer.from('1') }, { path: `${'d/'.repeat(60)}b`, data: Buffer.alloc(700, 'y') }];
    expect((await tarGz(entries, 5)).equals(await tarGz(entries, 5))).toBe(true);
  });

  it('keeps a path no ustar header can hold (a pax header): tar extracts it under its full name', async () => {
    const path = 'x'.repeat(120);
    const dir = mkdtempSync(join(tmpdir(), 'hookcert-tar-'));
    const file = join(dir, 'x.tar.gz');
    writeFileSync(file, await tarGz([{ path, data: Buffer.from('z') }], 0));
    execFileSync('tar', ['xzf', file, '-C', dir]);
    expect(readFileSync(join(dir, path), 'utf8')).toBe('z');
  });
});

