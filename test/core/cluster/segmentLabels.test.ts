import { describe, expect, it } from 'vitest';
import { segmentLabelsFor } from '../../../src/core/cluster/segmentLabels';

describe('segmentLabelsFor', () => {
  it('picks the narrowest signed type that holds segments 0..k-1 and noise', () => {
    expect(segmentLabelsFor(4, 1)).toBeInstanceOf(Int8Array);
    expect(segmentLabelsFor(4, 127)).toBeInstanceOf(Int8Array);
    expect(segmentLabelsFor(4, 128)).toBeInstanceOf(Int16Array);
    expect(segmentLabelsFor(4, 32767)).toBeInstanceOf(Int16Array);
    expect(segmentLabelsFor(4, 32768)).toBeInstanceOf(Int32Array);
  });

  it('holds the largest segment and -1 in each type', () => {
    for (const k of [127, 32767, 40000]) {
      const labels = segmentLabelsFor(2, k);
      labels[0] = k - 1;
      labels[1] = -1;
      expect(Array.from(labels)).toEqual([k - 1, -1]);
    }
  });
});
