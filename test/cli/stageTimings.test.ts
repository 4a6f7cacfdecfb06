import { describe, expect, it } from 'vitest';
import { RFM_TIMED_STAGES, stageTimer, TIMED_STAGES } from '../../src/cli/stageTimings';
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

  it("times RFM's own stage for rfm --json, in the order the stages run", () => {
    const timer = stageTimer(() => {}, RFM_TIMED_STAGES);
    timer.onProgress('parse', 1);
    timer.onProgress('rfm', 0.5);
    timer.onProgress('cluster', 1);
    const timings = timer.timings();
    expect(Object.keys(timings)).toEqual([...RFM_TIMED_STAGES]);
    expect(Object.keys(timings).indexOf('rfm')).toBe(2);
    for (const stage of ['read', 'rfm', 'cluster'] as const)
      expect(timings[stage]).toBeGreaterThanOrEqual(0);
    for (const stage of ['kinds', 'clean', 'scale', 'silhouette', 'profiles'] as const)
      expect(timings[stage]).toBeNull();
    // analyze's timings have no RFM stage.
    expect(Object.keys(stageTimer(() => {}).timings())).not.toContain('rfm');
  });
});
