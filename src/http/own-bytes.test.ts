import { describe, expect, it } from 'vitest';
import { ownBytes } from './own-bytes.js';

describe('ownBytes', () => {
  it('gives the bytes Buffer.from gives, in an allocation of their own (not a slice of the shared pool)', () => {
    for (const text of ['', '{}', '{"a":"é€😀"}', 'x'.repeat(1500), `{"lone":"\uD800"}`, 'y'.repeat(10_000)]) {
      const bytes = ownBytes(text);
      expect(bytes.equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect(bytes.byteOffset).toBe(0);
      expect(bytes.buffer.byteLength).toBe(bytes.length);
    }
  });
});
