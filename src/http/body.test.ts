import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, MAX_JSON_DEPTH, nestsDeeperThan, readJsonBody, scanJson } from './body.js';

const read = (text: string | Buffer, headers: Record<string, string> = {}) => readJsonBody(Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), headers);

describe('readJsonBody', () => {
  it('reads JSON, with no warnings for a plain reply', () => {
    expect(read('{"message":[{"message":"café ☕"}]}')).toEqual({ json: { message: [{ message: 'café ☕' }] }, warnings: [] });
  });

  it('refuses bytes that are not UTF-8, and says where', () => {
    const body = Buffer.concat([Buffer.from('{"a":"caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    expect(read(body).error).toBe('the body is not valid UTF-8: byte 0xC3 at offset 9 (RFC 8259 §8.1: JSON is UTF-8)');
  });

  it('refuses a byte order mark, citing the RFC', () => {
    expect(read(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d])).error).toMatch(/byte order mark \(EF BB BF\); RFC 8259 §8\.1: JSON senders MUST NOT add one/);
  });

  it('refuses a content coding nobody asked for, without inflating it', () => {
    const bomb = gzipSync(Buffer.alloc(10_000_000, 0x20));
    expect(read(bomb, { 'content-encoding': 'gzip' }).error).toMatch(/^the body is gzip-encoded \(Content-Encoding: gzip\)/);
    expect(read('{}', { 'content-encoding': 'identity' }).json).toEqual({});
  });

  it(`refuses JSON nested deeper than ${MAX_JSON_DEPTH} levels (100,000 deep is read without overflowing)`, () => {
    const deep = `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(read(deep).error).toMatch(/nests more than 512 levels deep/);
    const ok = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(read(ok).error).toBeUndefined();
  });

  it('says that NaN and Infinity are not JSON numbers', () => {
    expect(read('{"a":NaN}').error).toMatch(/^Unexpected token 'N'.*\(NaN and Infinity are not JSON numbers\)$/);
    expect(read('{"a":-Infinity}').error).toMatch(/\(NaN and Infinity are not JSON numbers\)$/);
    expect(read('{"a":"NaN"').error).not.toMatch(/NaN and Infinity/);
  });

  it('keeps syntax errors short, even for a 10 MB body', () => {
    const huge = `{"a":"${'x'.repeat(10_000_000)}"`;
    expect(read(huge).error!.length).toBeLessThan(210);
  });

  it('reads duplicate names (the last wins) and warns with where they are', () => {
    const r = read('{"message":[{"message":"a","message":"b"}],"x":1,"x":2}');
    expect(r.json).toEqual({ message: [{ message: 'b' }], x: 2 });
    expect(r.warnings).toEqual([
      'the reply repeats names within one object ("message" at /message/0, "x" at /): RFC 8259 §4 says names SHOULD be unique, and readers differ on which one wins (hookcert read the last)',
    ]);
  });
});

describe('nestsDeeperThan', () => {
  it('counts nesting outside strings, on any text, valid JSON or not', () => {
    expect(nestsDeeperThan('[[1]]', 2)).toBe(false);
    expect(nestsDeeperThan('[[[1]]]', 2)).toBe(true);
    expect(nestsDeeperThan('["[[[[", "\\"]', 1)).toBe(false);
    expect(nestsDeeperThan('{"a": "unterminated [[[[', 1)).toBe(false);
    expect(nestsDeeperThan('['.repeat(100_000), MAX_JSON_DEPTH)).toBe(true);
  });

  it('gives the same answer on the UTF-8 bytes as on their text, multi-byte characters included', () => {
    const texts = ['[[1]]', '[[[1]]]', '["[[[[", "\\"]', '{"a": "unterminated [[[[', '[{"café ☕ 𝄞":"[[[["}]', '[["é"],[["☕"]]]', '"\\\"[[["'];
    for (const text of texts) for (const max of [1, 2, 3]) expect(nestsDeeperThan(Buffer.from(text, 'utf8'), max), `${text} past ${max}`).toBe(nestsDeeperThan(text, max));
    expect(nestsDeeperThan(Buffer.from(`{"message":${'['.repeat(100_000)}${']'.repeat(100_000)}}`), MAX_JSON_DEPTH)).toBe(true);
  });
});

describe('scanJson', () => {
  it('is not fooled by brackets, quotes and escapes inside strings', () => {
    expect(scanJson('{"a":"[{\\"a\\":1}]","b":{"a":1,"b":"\\\\"},"a2":["a","a"]}')).toEqual({ tooDeep: false, duplicates: [] });
    expect(scanJson('{"\\u0061":1,"a":2}').duplicates).toEqual(['"a" at /']);
  });
});

describe('firstInvalidUtf8', () => {
  it('finds stray, truncated, overlong and surrogate sequences', () => {
    expect(firstInvalidUtf8(Buffer.from('héllo ☕ 𝄞'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x98]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0xe0, 0x80, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
  });
});
