import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../src/core/common/userError';
import { englishText } from '../../../src/i18n/formatMessage';
import type { Preparation } from '../../../src/core/model/modelFile';
import {
  checkRfmPreparation,
  readClustering,
  readMapping,
  readPreparation,
  readSegments,
} from '../../../src/core/model/parseModelParts';

function refused(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (isUserError(error)) return englishText(error.sentence);
    throw error;
  }
  throw new Error('not refused');
}

const preparation: Preparation = {
  padShortRows: false,
  duplicates: 'keep',
  numeric: [{ column: 'a', fill: 1.5, log1p: true, clip: [0, 2], dropOutside: null }],
  oneHot: [{ column: 'g', categories: ['x', 'y'], fill: null }],
  kept: [0, 2],
  featureNames: ['log1p(a)', 'g=y'],
  scale: { method: 'minmax', center: [0, 0], scale: [2, 1], mean: [1, 0.5], std: [0.5, 0.5] },
  pca: { count: 1, components: [0.6, 0.8], mean: [0, 0] },
};

describe('readPreparation', () => {
  it('reads a preparation back as it was', () => {
    expect(readPreparation(JSON.parse(JSON.stringify(preparation)), 'p')).toEqual(preparation);
  });

  it('checks each part against the others', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tampering writes anything anywhere
    const bad = (change: (p: any) => void) => {
      const copy = JSON.parse(JSON.stringify(preparation));
      change(copy);
      return refused(() => readPreparation(copy, 'preparation'));
    };
    expect(bad((p) => (p.kept = [0, 3]))).toMatch(/kept\[1\] is outside 0 to 2/);
    expect(bad((p) => (p.kept = []))).toMatch(/kept is empty/);
    expect(bad((p) => (p.numeric[0].clip = [3, 2]))).toMatch(/clip is out of order/);
    expect(bad((p) => (p.oneHot[0].fill = 2))).toMatch(/fill is outside -1 to 1/);
    expect(bad((p) => (p.oneHot[0].column = 'a'))).toMatch(/repeats "a"/);
    expect(bad((p) => (p.pca.count = 3))).toMatch(/pca\.count is outside 1 to 2/);
    expect(bad((p) => p.pca.components.pop())).toMatch(/pca\.components has 1 value where 2/);
    expect(bad((p) => (p.scale.method = 'log'))).toMatch(/scale\.method is "log"/);
    expect(bad((p) => (p.scale.std[0] = -1))).toMatch(/std\[0\] is below 0/);
  });
});

describe('readClustering', () => {
  it('reads each algorithm, checked against the dimensions and the segments', () => {
    expect(
      readClustering(
        { algorithm: 'kmeans', metric: 'euclidean', centres: [0, 1, 2, 3] },
        'c',
        2,
        2,
      ),
    ).toEqual({
      algorithm: 'kmeans',
      metric: 'euclidean',
      centres: [0, 1, 2, 3],
    });
    const dbscan = {
      algorithm: 'dbscan',
      metric: 'cosine',
      eps: 0.2,
      minPts: 3,
      noise: 1,
      cores: [0, 1, 2, 3, 4, 5],
      coreSegments: [0, 1, 1],
    };
    expect(readClustering(dbscan, 'c', 2, 2)).toEqual(dbscan);
    expect(
      refused(() => readClustering({ ...dbscan, coreSegments: [0, 0, 0] }, 'c', 2, 2)),
    ).toMatch(/has 1 centre for 2 segments/);
    expect(refused(() => readClustering({ ...dbscan, eps: 0 }, 'c', 2, 2))).toMatch(
      /c\.eps is below/,
    );
    expect(refused(() => readClustering({ ...dbscan, metric: 'hamming' }, 'c', 2, 2))).toMatch(
      /c\.metric is "hamming"/,
    );
    expect(
      refused(() =>
        readClustering({ algorithm: 'kmeans', metric: 'manhattan', centres: [0, 1] }, 'c', 2, 1),
      ),
    ).toMatch(/c\.metric is "manhattan", not one of euclidean/);
    expect(
      refused(() =>
        readClustering(
          { algorithm: 'hierarchical', linkage: 'ward', metric: 'euclidean', centres: [] },
          'c',
          2,
          1,
        ),
      ),
    ).toMatch(/not a whole number of centres/);
  });
});

describe('readSegments and readMapping', () => {
  it('number segments 0.. in order and refuse an empty list', () => {
    const segment = { id: 0, size: 3, share: 0.5, label: { key: 'labelTypical' }, name: null };
    expect(readSegments([segment], 's')).toEqual([segment]);
    expect(refused(() => readSegments([{ ...segment, id: 1 }], 's'))).toMatch(
      /s\[0\]\.id is outside 0 to 0/,
    );
    expect(refused(() => readSegments([], 's'))).toMatch(/s is empty/);
  });

  it('take money as an amount or as quantity and price, and distinct columns', () => {
    const mapping = {
      customer: 'c',
      date: 'd',
      order: null,
      quantity: 'q',
      price: 'p',
      amount: null,
    };
    expect(readMapping(mapping, 'm')).toEqual(mapping);
    expect(refused(() => readMapping({ ...mapping, price: null }, 'm'))).toMatch(
      /amount column or both/,
    );
    expect(refused(() => readMapping({ ...mapping, price: 'q' }, 'm'))).toMatch(/repeats "q"/);
  });
});

describe('checkRfmPreparation', () => {
  it('allows only recency, frequency and monetary', () => {
    expect(() =>
      checkRfmPreparation(
        {
          ...preparation,
          numeric: [{ ...preparation.numeric[0], column: 'monetary' }],
          oneHot: [],
        },
        'p',
      ),
    ).not.toThrow();
    expect(refused(() => checkRfmPreparation(preparation, 'p'))).toMatch(
      /p\.numeric\[0\]\.column is not part of an RFM model/,
    );
  });
});
