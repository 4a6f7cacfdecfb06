import { describe, expect, it } from 'vitest';
import { message } from '../../../src/core/common/message';
import {
  clusteringDims,
  inputFeatureCount,
  modelText,
  segmentText,
  type Preparation,
} from '../../../src/core/model/modelFile';

const preparation: Preparation = {
  padShortRows: false,
  duplicates: 'drop',
  numeric: [
    { column: 'a', fill: null, log1p: false, clip: null, dropOutside: null },
    { column: 'b', fill: 0, log1p: true, clip: [0, 1], dropOutside: null },
  ],
  oneHot: [{ column: 'c', categories: ['x', 'y', 'z'], fill: 0 }],
  kept: [0, 2, 3, 4],
  featureNames: ['a', 'c=x', 'c=y', 'c=z'],
  scale: {
    method: 'zscore',
    center: [0, 0, 0, 0],
    scale: [1, 1, 1, 1],
    mean: [0, 0, 0, 0],
    std: [1, 1, 1, 1],
  },
  pca: null,
};

describe('model file helpers', () => {
  it('count the inputs before scaling and the coordinates the clustering uses', () => {
    expect(inputFeatureCount(preparation)).toBe(5);
    expect(clusteringDims(preparation)).toBe(4);
    expect(
      clusteringDims({
        ...preparation,
        pca: { count: 2, components: new Array(8).fill(0), mean: [0, 0, 0, 0] },
      }),
    ).toBe(2);
  });

  it('read a segment by the name the user gave, else by its label', () => {
    const render = (m: { key: string }) => `<${m.key}>`;
    const segment = { id: 0, size: 1, share: 1, label: message('labelTypical'), name: null };
    expect(segmentText(segment, render)).toBe('<labelTypical>');
    expect(segmentText({ ...segment, name: 'VIP' }, render)).toBe('VIP');
  });

  it('write compact JSON with a final line break', () => {
    expect(modelText({ a: [1, 2] } as never)).toBe('{"a":[1,2]}\n');
  });
});
