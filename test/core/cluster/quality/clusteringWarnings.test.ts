import { describe, expect, it } from 'vitest';
import { message } from '../../../../src/core/common/message';
import { recommendK, type ElbowPoint } from '../../../../src/core/cluster/quality/chooseK';
import {
  DBSCAN_MANY_SEGMENTS,
  densityWarnings,
  elbowWarnings,
  WEAK_SILHOUETTE,
} from '../../../../src/core/cluster/quality/clusteringWarnings';
import { englishText } from '../../../../src/i18n/formatMessage';

const point = (k: number, inertia: number, silhouette: number | null): ElbowPoint => ({
  k,
  inertia,
  silhouette,
  daviesBouldin: null,
  calinskiHarabasz: null,
});

/** An elbow whose silhouette keeps rising, so the recommendation is the largest k. */
const rising = [1, 2, 3, 4, 5, 6].map((k) => point(k, 100 / k, k === 1 ? null : 0.3 + k * 0.05));
const weak = [1, 2, 3, 4].map((k) => point(k, 100 - k * 20, k === 1 ? null : 0.1 + k * 0.02));

describe('elbowWarnings', () => {
  it('says when the recommended k is the top of the range searched', () => {
    const recommendation = recommendK(rising);
    expect(recommendation.k).toBe(6);
    const warnings = elbowWarnings(rising, recommendation, 6, false);
    expect(warnings).toEqual([message('warnKAtTopOfRange', { k: 6 })]);
    expect(englishText(warnings[0])).toMatch(/largest one searched.*Try a larger range/);
  });

  it('says nothing about the range when too few rows cut it short', () => {
    expect(elbowWarnings(rising, recommendK(rising), 6, true)).toEqual([]);
  });

  it('says when every silhouette is weak', () => {
    const warnings = elbowWarnings(weak, { ...recommendK(weak), k: 2 }, 4, false);
    expect(warnings).toEqual([message('warnWeakStructure', { best: '0.18', weak: 0.25 })]);
    expect(englishText(warnings[0])).toContain('below 0.25 at every number of segments');
  });

  it('says nothing when the structure is clear and the k inside the range', () => {
    const clear = [1, 2, 3, 4, 5].map((k) => point(k, k === 1 ? 100 : 10, k === 2 ? 0.7 : 0.4));
    expect(elbowWarnings(clear, recommendK(clear), 5, false)).toEqual([]);
    // A silhouette exactly at the limit is not weak.
    const limit = [point(1, 10, null), point(2, 5, WEAK_SILHOUETTE), point(3, 4, 0.1)];
    expect(elbowWarnings(limit, { ...recommendK(limit), k: 2 }, 3, false)).toEqual([]);
  });
});

describe('densityWarnings', () => {
  const fine = {
    eps: 0.5,
    suggested: true,
    minPts: 5,
    clusters: 4,
    noise: 30,
    rows: 1000,
    silhouette: 0.4,
  };

  it('says nothing of a good result', () => {
    expect(densityWarnings(fine)).toEqual([]);
  });

  it('says when the suggested eps gives too many segments that overlap (#18.10)', () => {
    const poor = { ...fine, clusters: 56, silhouette: -0.53 };
    const warnings = densityWarnings(poor);
    expect(warnings.map((w) => w.key)).toEqual(['warnDbscanManySegments', 'warnDbscanOverlap']);
    expect(englishText(warnings[0])).toBe(
      `The suggested eps, 0.5, is poor here: it gives 56 segments, more than ${DBSCAN_MANY_SEGMENTS} anyone can act on. Try a larger eps or more minimum points.`,
    );
    expect(englishText(warnings[1])).toContain('silhouette -0.53');
  });

  it('says when most rows are noise, and speaks of the eps typed when it was typed', () => {
    const warnings = densityWarnings({ ...fine, suggested: false, noise: 700 });
    expect(warnings.map((w) => w.key)).toEqual(['warnDbscanMostlyNoise']);
    expect(englishText(warnings[0])).toBe(
      'At eps 0.5, 70% of the rows are noise. Try a larger eps or fewer minimum points (now 5).',
    );
  });
});
