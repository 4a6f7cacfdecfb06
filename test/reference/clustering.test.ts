import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/core/analysis/analysisOptions';
import { bytesSource } from '../../src/core/read/byteSource';
import { cleanRows } from '../../src/core/clean/cleanRows';
import { DEFAULT_CLEANING } from '../../src/core/clean/cleanOptions';
import {
  adjustedRandIndex,
  calinskiHarabasz,
  daviesBouldin,
} from '../../src/core/cluster/quality/clusterMetrics';
import { readCsv } from '../../src/core/read/readCsv';
import { segmentFile } from '../support/segmentFile';
import { scaleFeatures } from '../../src/core/features/scale';
import { SilhouetteSample } from '../../src/core/cluster/quality/silhouette';
import { cellText } from '../../src/core/read/table';
import { readReference, readShared, requireShared } from './sharedData';

interface ClusteringReference {
  dataset: string;
  features: string[];
  n: number;
  mean: number[];
  std_ddof0: number[];
  pca_explained_variance_ratio: number[];
  kmeans: Record<
    string,
    {
      inertia: number;
      silhouette?: number;
      davies_bouldin?: number;
      calinski_harabasz?: number;
      labels?: number[];
    }
  >;
}

/**
 * What scikit-learn computes on the shared datasets (rows with a missing feature dropped,
 * duplicates kept, no outlier treatment), against what SegmentLens computes through the same
 * pipeline the page and the command line use.
 */
const CASES = ['mall_customers', 'iris', 'penguins_dropna', 'marketing_campaign', 'wholesale'];
const cleaning = {
  ...DEFAULT_CLEANING,
  duplicates: 'keep' as const,
  missing: 'drop' as const,
  outliers: 'none' as const,
};

beforeAll(requireShared);

describe.each(CASES)('%s against scikit-learn', (name) => {
  let reference: ClusteringReference;
  let bytes: Uint8Array;
  beforeAll(async () => {
    reference = await readReference<ClusteringReference>(`${name}.json`);
    bytes = await readShared('datasets', reference.dataset);
  });

  it('means and population standard deviations to relative 1e-9, PCA ratios to 1e-6, inertia within 0.5% for k = 1..10', async () => {
    const { analysis } = await segmentFile(bytesSource(bytes), {
      analysis: {
        ...DEFAULT_ANALYSIS_OPTIONS,
        features: reference.features,
        clean: cleaning,
        nInit: 10,
        kMax: 10,
      },
    });
    expect(analysis.cleaning.kept).toBe(reference.n);
    expect(analysis.features.map((f) => f.name)).toEqual(reference.features);
    reference.mean.forEach((mean, j) =>
      expect(Math.abs(analysis.scaling.mean[j] - mean) / Math.abs(mean)).toBeLessThanOrEqual(1e-9),
    );
    reference.std_ddof0.forEach((std, j) =>
      expect(Math.abs(analysis.scaling.std[j] - std) / std).toBeLessThanOrEqual(1e-9),
    );
    reference.pca_explained_variance_ratio.forEach((ratio, c) =>
      expect(Math.abs(analysis.pca.explainedVarianceRatio[c] - ratio)).toBeLessThanOrEqual(1e-6),
    );
    for (let k = 1; k <= 10; k++) {
      const ours = analysis.elbow[k - 1].inertia;
      const theirs = reference.kmeans[String(k)].inertia;
      expect(ours / theirs, `k = ${k}: ${ours} vs ${theirs}`).toBeLessThanOrEqual(1.005);
    }
  });

  it("silhouette, Davies-Bouldin and Calinski-Harabasz on scikit-learn's own labels to 1e-6", async () => {
    const table = await readCsv(bytesSource(bytes));
    const cleaned = cleanRows(table, { ...cleaning, features: reference.features, oneHot: [] });
    const n = cleaned.rows.length;
    const d = reference.features.length;
    const scaled = scaleFeatures(cleaned.matrix, n, d, reference.features, 'zscore');
    const sample = new SilhouetteSample(scaled.matrix, n, d, n);
    for (let k = 2; k <= 10; k++) {
      const expected = reference.kmeans[String(k)];
      const labels = Int32Array.from(expected.labels as number[]);
      expect(
        Math.abs(sample.score(labels, k) - (expected.silhouette as number)),
        `silhouette k = ${k}`,
      ).toBeLessThanOrEqual(1e-6);
      expect(
        Math.abs(daviesBouldin(scaled.matrix, n, d, labels) - (expected.davies_bouldin as number)),
        `DB k = ${k}`,
      ).toBeLessThanOrEqual(1e-6);
      expect(
        Math.abs(
          calinskiHarabasz(scaled.matrix, n, d, labels) - (expected.calinski_harabasz as number),
        ),
        `CH k = ${k}`,
      ).toBeLessThanOrEqual(1e-6);
    }
  });
});

describe('iris', () => {
  it('recovers the species at k = 3 (adjusted Rand index >= 0.6)', async () => {
    const reference = await readReference<ClusteringReference>('iris.json');
    const bytes = await readShared('datasets', 'iris.csv');
    const { table, analysis } = await segmentFile(bytesSource(bytes), {
      analysis: {
        ...DEFAULT_ANALYSIS_OPTIONS,
        features: reference.features,
        clean: cleaning,
        k: 3,
        kMax: 3,
      },
    });
    const species = table.columns.find((c) => c.name === 'species')!;
    const truth = Array.from(analysis.rows, (row) => cellText(species, row));
    expect(adjustedRandIndex(truth, analysis.results[2].labels)).toBeGreaterThanOrEqual(0.6);
  });
});
