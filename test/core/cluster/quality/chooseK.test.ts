import { describe, expect, it } from 'vitest';
import {
  elbowKnee,
  recommendK,
  type ElbowPoint,
} from '../../../../src/core/cluster/quality/chooseK';
import { message } from '../../../../src/core/common/message';
import { englishText } from '../../../../src/i18n/formatMessage';

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
    expect(r.reason).toEqual(message('reasonAgree', { elbowK: 3, best: '0.60' }));
    expect(englishText(r.reason)).toMatch(/both agree/);
  });
  it('keeps the elbow when its silhouette is nearly the best', () => {
    const r = recommendK(
      curve(inertias, [null, 0.4, 0.58, 0.5, 0.45, 0.6, 0.38, 0.36, 0.35, 0.34]),
    );
    expect(r.k).toBe(3);
    expect(r.reason).toEqual(
      message('reasonElbowGoodEnough', {
        elbowK: 3,
        silhouetteK: 6,
        best: '0.60',
        atElbow: '0.58',
      }),
    );
    expect(englishText(r.reason)).toMatch(/nearly as good/);
  });
  it('follows the silhouette when the elbow is clearly worse', () => {
    const r = recommendK(curve(inertias, [null, 0.4, 0.3, 0.5, 0.45, 0.7, 0.38, 0.36, 0.35, 0.34]));
    expect(r).toMatchObject({ k: 6, elbowK: 3, silhouetteK: 6 });
    expect(r.reason).toEqual(
      message('reasonSilhouetteWins', { elbowK: 3, silhouetteK: 6, best: '0.70', atElbow: '0.30' }),
    );
    expect(englishText(r.reason)).toBe(
      'The elbow curve bends at k = 3, but the silhouette there (0.30) is clearly lower than at k = 6 (0.70), so k = 6 is recommended.',
    );
  });
  it('copes with a single k', () => {
    const single = recommendK(curve([5], [null]));
    expect(single.k).toBe(1);
    expect(single.reason).toEqual(message('reasonTooFewRows'));
  });
  it('says the silhouette alone when the curve has no bend, and the bend alone without silhouettes', () => {
    const straight = recommendK(curve([10, 9, 8, 7], [null, 0.3, 0.5, 0.4]));
    expect(straight).toMatchObject({ k: 3, elbowK: null, silhouetteK: 3 });
    expect(straight.reason).toEqual(message('reasonNoBend', { silhouetteK: 3, best: '0.50' }));
    const bent = recommendK(
      curve(
        inertias,
        inertias.map(() => null),
      ),
    );
    expect(bent).toMatchObject({ k: 3, elbowK: 3, silhouetteK: null });
    expect(englishText(bent.reason)).toBe('The elbow curve bends at k = 3.');
  });
});
