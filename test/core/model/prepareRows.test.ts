import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../src/core/common/userError';
import type { Preparation } from '../../../src/core/model/modelFile';
import {
  APPLY_MALFORMED,
  APPLY_MISSING,
  APPLY_NEGATIVE,
  APPLY_OUTLIER,
  prepareRows,
  requireModelColumns,
} from '../../../src/core/model/prepareRows';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';

async function table(text: string) {
  return readCsv(textSource(text));
}

const PREPARATION: Preparation = {
  padShortRows: false,
  duplicates: 'drop',
  numeric: [
    { column: 'a', fill: 2, log1p: false, clip: [0, 10], dropOutside: null },
    { column: 'b', fill: null, log1p: true, clip: null, dropOutside: [0, Math.log1p(100)] },
  ],
  oneHot: [{ column: 'g', categories: ['x', 'y'], fill: 0 }],
  kept: [0, 1, 2, 3],
  featureNames: ['a', 'log1p(b)', 'g=x', 'g=y'],
  scale: { method: 'zscore', center: [1, 0, 0.5, 0.5], scale: [2, 1, 0.5, 0.5], mean: [], std: [] },
  pca: null,
};

describe('prepareRows', () => {
  it('fills, clips, takes log1p, encodes and scales each row as saved', async () => {
    const t = await table(['a,b,g', '20,0,x', ',3,y', '-4,1,', '3,7,w'].join('\n'));
    const { matrix, rows, dims, reason, featureMeans, unseen } = prepareRows(t, PREPARATION, 's');
    expect(Array.from(reason)).toEqual([0, 0, 0, 0]);
    expect(Array.from(rows)).toEqual([0, 1, 2, 3]);
    expect(dims).toBe(4);
    const l = Math.log1p;
    // a: 20 clipped to 10; missing filled with 2; -4 clipped to 0. g: missing takes x; w none.
    expect(Array.from(matrix)).toEqual([
      (10 - 1) / 2,
      l(0),
      1,
      -1,
      (2 - 1) / 2,
      l(3),
      -1,
      1,
      (0 - 1) / 2,
      l(1),
      1,
      -1,
      (3 - 1) / 2,
      l(7),
      -1,
      -1,
    ]);
    expect(featureMeans[0]).toBe((10 + 2 + 0 + 3) / 4);
    expect(featureMeans[2]).toBe(0.5);
    expect(unseen).toEqual([{ column: 'g', count: 1, values: ['w'] }]);
  });

  it('sets rows aside: unreadable, missing under "drop", negative under log1p, beyond the limits', async () => {
    const t = await table(
      ['a,b,g', '1,,x', '1,-1,x', '1,1000,x', '1,2,x,extra', '1,2,x'].join('\n'),
    );
    const { reason, rows } = prepareRows(t, PREPARATION, 's');
    expect(Array.from(reason)).toEqual([
      APPLY_MISSING,
      APPLY_NEGATIVE,
      APPLY_OUTLIER,
      APPLY_MALFORMED,
      0,
    ]);
    expect(Array.from(rows)).toEqual([4]);
  });

  it('projects onto the saved principal components', async () => {
    const t = await table(['a,b,g', '3,0,x'].join('\n'));
    const pca = { count: 1, components: [1, 0, 0, 1], mean: [0.5, 0, 0, 0] };
    const { matrix, dims } = prepareRows(t, { ...PREPARATION, pca }, 's');
    expect(dims).toBe(1);
    // Scaled row: (1, 0, 1, -1); minus the mean (0.5, 0, 0, 0); dot (1, 0, 0, 1).
    expect(Array.from(matrix)).toEqual([0.5 - 1]);
  });

  it('refuses a numeric column that holds no numbers in the new file', async () => {
    const t = await table(['a,b,g', 'p,1,x', 'q,2,y'].join('\n'));
    try {
      prepareRows(t, PREPARATION, 'saved.csv');
      expect.unreachable();
    } catch (error) {
      expect(isUserError(error) && error.sentence.key).toBe('modelNoNumbers');
    }
  });

  it('names every missing column at once, in the order the model reads them', async () => {
    const t = await table('b,other\n1,2');
    try {
      requireModelColumns(t, ['a', 'b', 'g'], 'saved.csv');
      expect.unreachable();
    } catch (error) {
      expect(isUserError(error) && error.sentence.params).toMatchObject({
        columns: '"a", "g"',
        count: 2,
        file: 'saved.csv',
      });
    }
  });
});
