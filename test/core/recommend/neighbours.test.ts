import { describe, expect, it } from 'vitest';
import {
  emptyNeighbours,
  similarityTo,
  storeNeighbours,
} from '../../../src/core/recommend/neighbours';
import { BestK } from '../../../src/core/recommend/topN';

describe('neighbours', () => {
  it('stores each row’s best, most similar first, -1 beyond, and finds a similarity by id', () => {
    const neighbours = emptyNeighbours(2, 3);
    const best = new BestK(3);
    best.offer(4, 0.25, 4);
    best.offer(2, 0.5, 2);
    storeNeighbours(neighbours, 1, best);
    expect(Array.from(neighbours.ids)).toEqual([-1, -1, -1, 2, 4, -1]);
    expect(Array.from(neighbours.counts)).toEqual([0, 2]);
    expect(similarityTo(neighbours, 1, 4)).toBe(0.25);
    expect(similarityTo(neighbours, 1, 3)).toBe(0);
    expect(similarityTo(neighbours, 0, 2)).toBe(0);
  });
});
