import { describe, expect, it } from 'vitest';
import { whenAnySubscribed, whenSubscribed, type Subscription } from './subscription.js';

const sub = (...names: string[]) => ({ events: names.map((name) => ({ name })) }) as unknown as Subscription;

describe('whenSubscribed / whenAnySubscribed (the appliesTo of checks that need events)', () => {
  it('applies when every named event is subscribed, else says which are missing', () => {
    expect(whenSubscribed('startExternalPayment')(sub('startExternalPayment'))).toBe(true);
    expect(whenSubscribed('backgroundPoll')(sub())).toBe('backgroundPoll is not subscribed');
    expect(whenSubscribed('a', 'b')(sub('a'))).toBe('a and b are not both subscribed');
    expect(whenSubscribed('a', 'b', 'c')(sub('a', 'b'))).toBe('a, b and c are not all subscribed');
    expect(whenSubscribed('a', 'b', 'c')(sub('c', 'b', 'a'))).toBe(true);
  });

  it('applies when any one is subscribed', () => {
    expect(whenAnySubscribed(['a', 'b'], 'none')(sub('b'))).toBe(true);
    expect(whenAnySubscribed(['a', 'b'], 'none')(sub('c'))).toBe('none');
  });
});
