import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Stage } from '../../src/core/common/progress';
import { throttleProgress } from '../../src/worker/throttle';

describe('throttleProgress', () => {
  afterEach(() => vi.useRealTimers());

  it('passes about ten updates a second, every new stage, and the end of each stage', () => {
    vi.useFakeTimers();
    const seen: [Stage, number][] = [];
    const progress = throttleProgress((stage, fraction) => seen.push([stage, fraction]));
    // A hot loop: 1,000 updates over one second of the clock.
    for (let i = 1; i <= 1000; i++) {
      progress('parse', i / 1000);
      vi.advanceTimersByTime(1);
    }
    progress('infer', 0);
    progress('infer', 0.5);
    const parse = seen.filter(([stage]) => stage === 'parse');
    expect(parse.length).toBeGreaterThanOrEqual(10);
    expect(parse.length).toBeLessThanOrEqual(12);
    expect(parse.at(-1)).toEqual(['parse', 1]);
    expect(seen.filter(([stage]) => stage === 'infer')).toEqual([['infer', 0]]);
  });

  it('is a no-op without a listener', () => {
    expect(() => throttleProgress(undefined)('parse', 0.5)).not.toThrow();
  });
});
