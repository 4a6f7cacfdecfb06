import { describe, expect, it } from 'vitest';
import { stageTimer, TIMED_STAGES } from '../../src/cli/stageTimings';
import type { Stage } from '../../src/core/common/progress';

describe('stageTimer', () => {
  it('forwards every report and gives null for a stage that never reported', () => {
    const forwarded: [Stage, number][] = [];
    const timer = stageTimer((stage, fraction) => forwarded.push([stage, fraction]));
    timer.onProgress('parse', 0.5);
    timer.onProgress('infer', 1);
    timer.onProgress('cluster', 0.2);
    const timings = timer.timings();
    expect(forwarded).toEqual([
      ['parse', 0.5],
      ['infer', 1],
      ['cluster', 0.2],
    ]);
    expect(Object.keys(timings)).toEqual([...TIMED_STAGES]);
    for (const stage of ['read', 'kinds', 'cluster'] as const)
      expect(timings[stage]).toBeGreaterThanOrEqual(0);
    for (const stage of ['clean', 'scale', 'pca', 'silhouette', 'profiles'] as const)
      expect(timings[stage]).toBeNull();
  });
});
