import { describe, expect, it } from 'vitest';
import { FailureThrottle } from '../../src/auth/failure-throttle.js';

const T0 = Date.parse('2024-03-06T03:00:00.000Z');

describe('failed-authentication throttle', () => {
  it('throttles the 11th failure in a minute, with the seconds until the oldest leaves', () => {
    const throttle = new FailureThrottle();
    for (let i = 0; i < 10; i++) {
      expect(throttle.fail('10.0.0.1', T0 + i * 1000)).toEqual({ throttled: false });
    }
    // The first failure (T0) leaves the window at T0 + 60 s; the 11th comes at T0 + 20 s.
    expect(throttle.fail('10.0.0.1', T0 + 20_000)).toEqual({ throttled: true, retryAfterSec: 40 });
    // Another address is counted apart.
    expect(throttle.fail('10.0.0.2', T0 + 20_000)).toEqual({ throttled: false });
  });

  it('keeps a client that goes on failing throttled, and lets it go a minute after it stops', () => {
    const throttle = new FailureThrottle();
    for (let i = 0; i < 10; i++) throttle.fail('a', T0);
    // One failure every 5 s is 12 a minute: never under the limit again while it goes on.
    for (let s = 5; s <= 120; s += 5) {
      expect(throttle.fail('a', T0 + s * 1000).throttled).toBe(true);
    }
    expect(throttle.fail('a', T0 + 181_000)).toEqual({ throttled: false });
  });

  it('slides: failures spread wider than a minute are never throttled', () => {
    const throttle = new FailureThrottle();
    for (let i = 0; i < 100; i++) {
      expect(throttle.fail('a', T0 + i * 7000).throttled).toBe(false);
    }
  });

  it('remembers a bounded number of addresses, forgetting the stalest first', () => {
    const throttle = new FailureThrottle({ maxClients: 3 });
    for (let i = 0; i < 10; i++) throttle.fail('old', T0);
    for (const client of ['b', 'c', 'd']) throttle.fail(client, T0 + 1000);
    expect(throttle.size).toBe(3);
    // 'old' was forgotten, so its next failure starts a fresh count.
    expect(throttle.fail('old', T0 + 2000)).toEqual({ throttled: false });
    expect(throttle.size).toBe(3);
  });
});
