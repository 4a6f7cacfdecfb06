import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../src/core/common/userError';
import {
  DEFAULT_RECOMMEND_OPTIONS,
  RECOMMEND_METHODS,
  recommendMethods,
  recommendOptions,
} from '../../../src/core/recommend/recommendOptions';
import type { UserSimilarity } from '../../../src/core/recommend/similarity';

describe('recommendOptions', () => {
  it('fills in the defaults: K = 20 per item, 50 per customer, cosine, top 10', () => {
    expect(recommendOptions()).toEqual(DEFAULT_RECOMMEND_OPTIONS);
    expect(DEFAULT_RECOMMEND_OPTIONS).toEqual({
      itemNeighbours: 20,
      userNeighbours: 50,
      similarity: 'cosine',
      top: 10,
    });
    expect(recommendOptions({ top: 5, similarity: 'pearson' })).toMatchObject({
      top: 5,
      similarity: 'pearson',
      itemNeighbours: 20,
    });
  });

  it.each([
    { top: 0 },
    { top: 2.5 },
    { itemNeighbours: -1 },
    { userNeighbours: NaN },
    { userNeighbours: 1e6 },
    { similarity: 'jaccard' as UserSimilarity },
  ])('refuses %o with a sentence the user can act on', (bad) => {
    try {
      recommendOptions(bad);
      expect.unreachable();
    } catch (error) {
      expect(isUserError(error) && error.code).toBe('bad-option');
      expect((error as Error).message).toMatch(/^[A-Z].*\.$/);
    }
  });
});

describe('recommendMethods', () => {
  it('reads one method or all of them, and refuses anything else', () => {
    expect(recommendMethods('all')).toEqual(RECOMMEND_METHODS);
    expect(recommendMethods('user')).toEqual(['user']);
    expect(() => recommendMethods('svd')).toThrow(/popularity, item, user or all/);
  });
});
