import { describe, expect, it } from 'vitest';
import { nearestTwoCentres } from '../../../../src/core/cluster/kmeans/nearestCentres';

describe('nearestTwoCentres', () => {
  const centres = Float64Array.from([0, 0, 10, 0, 3, 4]);
  const distances = new Float64Array(2);

  it('gives the nearest centre and the squared distances to it and to the second nearest', () => {
    const matrix = Float64Array.from([99, 99, 9, 0]);
    expect(nearestTwoCentres(matrix, 2, centres, 2, 3, distances)).toBe(1);
    expect(Array.from(distances)).toEqual([1, 52]);
  });

  it('keeps the first of two equally near centres, the other as the second', () => {
    const matrix = Float64Array.from([5, 0]);
    expect(nearestTwoCentres(matrix, 0, centres, 2, 2, distances)).toBe(0);
    expect(Array.from(distances)).toEqual([25, 25]);
  });

  it('has no second nearest with one centre', () => {
    const matrix = Float64Array.from([3, 4]);
    expect(nearestTwoCentres(matrix, 0, centres, 2, 1, distances)).toBe(0);
    expect(Array.from(distances)).toEqual([25, Infinity]);
  });
});
