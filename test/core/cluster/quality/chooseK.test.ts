import { describe, expect, it } from 'vitest';
import {
  elbowKnee,
  recommendK,
  type ElbowPoint,
} from '../../../../src/core/cluster/quality/chooseK';

const curve = (inertias: number[], silhouettes: (number | null)[]): ElbowPoint[] =>
  inertias.map((inertia, i) => ({
    k: i + 1,
    inertia,
    silhouette: silhouettes[i],
    daviesBouldin: null,
    calinskiHarabasz: null,
  }));

describe('elbowKnee', () => {
  it('finds the bend of a decreasing curve', () => {
    expect(elbowKnee(curve([1000, 600, 250, 200, 170, 150, 135, 125, 118, 112], []))).toBe(3);
  });
  it('has no knee for a straight line or too few points', () => {
    expect(elbowKnee(curve([10, 9, 8, 7], []))).toBeNull();
    expect(elbowKnee(curve([10, 5], []))).toBeNull();
  });
});

describe('recommendK', () => {
  const inertias = [1000, 600, 250, 200, 170, 150, 135, 125, 118, 112];
  it('takes the k where elbow and silhouette agree', () => {
    const r = recommendK(curve(inertias, [null, 0.4, 0.6, 0.5, 0.45, 0.4, 0.38, 0.36, 0.35, 0.34]));
    expect(r).toMatchObject({ k: 3, elbowK: 3, silhouetteK: 3 });
    expect(r.reason).toMatch(/both agree/);
  });
  it('keeps the elbow when its silhouette is nearly the best', () => {
    const r = recommendK(
      curve(inertias, [null, 0.4, 0.58, 0.5, 0.45, 0.6, 0.38, 0.36, 0.35, 0.34]),
    );
    expect(r.k).toBe(3);
    expect(r.reason).toMatch(/nearly as good/);
  });
  it('follows the silhouette when the elbow is clearly worse', () => {
    const r = recommendK(curve(inertias, [null, 0.4, 0.3, 0.5, 0.45, 0.7, 0.38, 0.36, 0.35, 0.34]));
    expect(r).toMatchObject({ k: 6, elbowK: 3, silhouetteK: 6 });
    expect(r.reason).toMatch(/clearly lower/);
  });
  it('copes with a single k', () => {
    expect(recommendK(curve([5], [null])).k).toBe(1);
  });
});
