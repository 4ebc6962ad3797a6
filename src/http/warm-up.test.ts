import { describe, expect, it } from 'vitest';
import { warmUpHttp } from './warm-up.js';

describe('warmUpHttp', () => {
  it('runs its round trips on loopback and leaves nothing open behind it', async () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap' || r === 'TCPSocketWrap').length;
    await warmUpHttp();
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    const after = process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap' || r === 'TCPSocketWrap').length;
    expect(after).toBe(before);
  });
});
