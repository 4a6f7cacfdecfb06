import { afterEach, describe, expect, it, vi } from 'vitest';
import { pacer } from '../../../src/core/session/pacer';

afterEach(() => vi.useRealTimers());

describe('pacer', () => {
  it('gives the thread back at most every 50 ms', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout'] });
    const pause = pacer();
    let done = false;
    // Within 50 ms of the last pause: no timer, it resolves at once.
    await pause().then(() => (done = true));
    expect(done).toBe(true);
    vi.advanceTimersByTime(60);
    done = false;
    const waiting = pause().then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    await vi.runAllTimersAsync();
    await waiting;
    expect(done).toBe(true);
  });
});
