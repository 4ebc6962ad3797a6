import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { redact, Secret } from './secret.js';

describe('Secret', () => {
  const s = new Secret('hunter2-very-secret');
  it('never serialises its value', () => {
    expect(String(s)).toBe('[redacted]');
    expect(`${s}`).toBe('[redacted]');
    expect(JSON.stringify({ s })).toBe('{"s":"[redacted]"}');
    expect(inspect({ s })).not.toContain('hunter2');
  });
  it('reveals its value to signing code only through reveal()', () => {
    expect(s.reveal()).toBe('hunter2-very-secret');
  });
  it('redacts every occurrence from text', () => {
    expect(redact('a hunter2-very-secret b hunter2-very-secret', [s])).toBe('a [redacted] b [redacted]');
  });
});
