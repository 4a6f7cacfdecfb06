import { describe, expect, it } from 'vitest';
import { recommendChoiceFrom, RECOMMEND_FLAGS } from '../../src/cli/recommendFlags';
import { MAPPING_FLAGS } from '../../src/cli/mappingFlags';
import { isUserError } from '../../src/core/common/userError';

const refusal = (values: Parameters<typeof recommendChoiceFrom>[0]) => {
  try {
    recommendChoiceFrom(values);
  } catch (error) {
    return isUserError(error) ? error.message : `not a user error: ${String(error)}`;
  }
  return null;
};

describe('recommendChoiceFrom', () => {
  it('without flags: every method, the defaults, the R-by-F grid', () => {
    expect(recommendChoiceFrom({})).toEqual({
      methods: ['popularity', 'item', 'user'],
      options: { itemNeighbours: 20, userNeighbours: 50, similarity: 'cosine', top: 10 },
      scheme: 'rf-grid',
    });
  });

  it('reads each flag; --neighbours sets both counts, the others one each', () => {
    expect(
      recommendChoiceFrom({
        method: 'user',
        neighbours: '30',
        similarity: 'pearson',
        top: '3',
        'segment-map': 'rfm-mean',
      }),
    ).toEqual({
      methods: ['user'],
      options: { itemNeighbours: 30, userNeighbours: 30, similarity: 'pearson', top: 3 },
      scheme: 'rfm-mean',
    });
    expect(recommendChoiceFrom({ 'item-neighbours': '5' }).options).toMatchObject({
      itemNeighbours: 5,
      userNeighbours: 50,
    });
    expect(recommendChoiceFrom({ 'user-neighbours': '1000' }).options).toMatchObject({
      itemNeighbours: 20,
      userNeighbours: 1000,
    });
    expect(recommendChoiceFrom({ method: 'all' }).methods).toEqual(['popularity', 'item', 'user']);
  });

  it('refuses what is not a choice, as user errors naming the flag', () => {
    expect(refusal({ method: 'svd' })).toMatch(/popularity, item, user or all/);
    expect(refusal({ neighbours: '0' })).toMatch(/--neighbours .* 1 to 1000/);
    expect(refusal({ neighbours: '2.5' })).toMatch(/--neighbours/);
    expect(refusal({ 'item-neighbours': '1001' })).toMatch(/--item-neighbours/);
    expect(refusal({ top: 'ten' })).toMatch(/--top/);
    expect(refusal({ similarity: 'Cosine' })).toMatch(
      /--similarity must be one of cosine, pearson/,
    );
    expect(refusal({ 'segment-map': 'grid' })).toMatch(/--segment-map/);
    expect(refusal({ neighbours: '4', 'user-neighbours': '4' })).toMatch(/--neighbours sets both/);
  });

  it('takes the mapping flags of every order-lines command, --item and --description among them', () => {
    for (const flag of Object.keys(MAPPING_FLAGS)) expect(RECOMMEND_FLAGS).toHaveProperty(flag);
    expect(RECOMMEND_FLAGS).toHaveProperty('item');
    expect(RECOMMEND_FLAGS).toHaveProperty('description');
  });
});
