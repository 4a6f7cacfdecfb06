import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cutTree, mergeTree, type Linkage } from '../../src/core/cluster/hierarchy/agglomerative';
import { bytesSource } from '../../src/core/read/byteSource';
import { cleanRows } from '../../src/core/clean/cleanRows';
import { DEFAULT_CLEANING } from '../../src/core/clean/cleanOptions';
import { dbscan, NOISE } from '../../src/core/cluster/density/dbscan';
import type { DistanceMetric } from '../../src/core/cluster/distance';
import { NeighbourSearch } from '../../src/core/cluster/density/neighbours';
import { readCsv } from '../../src/core/read/readCsv';
import { scaleFeatures } from '../../src/core/features/scale';
import { silhouetteScore } from '../../src/core/cluster/quality/silhouette';
import { readShared, requireShared } from './sharedData';

/**
 * DBSCAN and agglomerative clustering against scikit-learn 1.2 on the shared datasets. The
 * expected labels are in test/reference/data/clustering/, written by scripts/reference/sklearn_clustering.py
 * (run it again where scikit-learn is installed to regenerate them).
 */
interface AlgorithmReference {
  dataset: string;
  features: string[];
  n: number;
  dbscan: {
    metric: DistanceMetric;
    eps: number;
    min_samples: number;
    labels: number[];
    labels_default_algorithm: number[];
    core: number[];
  }[];
  agglomerative: {
    linkage: Linkage;
    metric: DistanceMetric;
    k: number;
    labels: number[];
    silhouette?: number;
  }[];
}

const DATA = join(import.meta.dirname, 'data', 'clustering');
const FILES = readdirSync(DATA).filter((name) => name.endsWith('.json'));

/**
 * The mapping between two labelings, if one is a renaming of the other (noise stays noise in
 * both); null when they are not the same partition.
 */
function renaming(ours: ArrayLike<number>, theirs: ArrayLike<number>): Map<number, number> | null {
  if (ours.length !== theirs.length) return null;
  const forward = new Map<number, number>();
  const backward = new Map<number, number>();
  for (let i = 0; i < ours.length; i++) {
    const a = ours[i];
    const b = theirs[i];
    if ((a === NOISE) !== (b === NOISE)) return null;
    if (forward.has(a) ? forward.get(a) !== b : backward.has(b)) return null;
    forward.set(a, b);
    backward.set(b, a);
  }
  return forward;
}

async function scaledMatrix(reference: AlgorithmReference) {
  const table = await readCsv(bytesSource(await readShared('datasets', reference.dataset)));
  const cleaned = cleanRows(table, {
    ...DEFAULT_CLEANING,
    duplicates: 'keep',
    missing: 'drop',
    outliers: 'none',
    features: reference.features,
    oneHot: [],
  });
  const n = cleaned.rows.length;
  const d = reference.features.length;
  return { matrix: scaleFeatures(cleaned.matrix, n, d, reference.features, 'zscore').matrix, n, d };
}

beforeAll(requireShared);

describe.each(FILES)('%s against scikit-learn', (file) => {
  const reference = JSON.parse(readFileSync(join(DATA, file), 'utf8')) as AlgorithmReference;
  let data: Awaited<ReturnType<typeof scaledMatrix>>;
  beforeAll(async () => {
    data = await scaledMatrix(reference);
  });

  it('reads the same rows', () => {
    expect(data.n).toBe(reference.n);
  });

  it.each(
    reference.dbscan.map((c) => [`${c.metric} eps ${c.eps} minPts ${c.min_samples}`, c] as const),
  )(
    'DBSCAN %s: the same clusters, core rows and noise as algorithm="brute"; border rows by the visit-order rule',
    (_, c) => {
      const ours = dbscan(data.matrix, data.n, data.d, {
        eps: c.eps,
        minPts: c.min_samples,
        metric: c.metric,
      });
      // Neighbours visited in ascending row order, as brute force lists them: identical.
      expect(renaming(ours.labels, c.labels)).not.toBeNull();
      expect(Array.from(ours.core.keys()).filter((i) => ours.core[i] === 1)).toEqual(c.core);

      // scikit-learn's default (tree) search visits neighbours in another order. Core rows and
      // noise must still agree exactly; a border row may join any cluster one of its core
      // neighbours is in, in either implementation.
      const search = new NeighbourSearch(data.matrix, data.n, data.d, c.metric);
      const coreMapping = new Map<number, number>();
      for (const i of c.core) {
        const theirs = c.labels_default_algorithm[i];
        if (coreMapping.has(ours.labels[i])) expect(coreMapping.get(ours.labels[i])).toBe(theirs);
        coreMapping.set(ours.labels[i], theirs);
      }
      for (let i = 0; i < data.n; i++) {
        expect(ours.labels[i] === NOISE).toBe(c.labels_default_algorithm[i] === NOISE);
        if (ours.core[i] === 1 || ours.labels[i] === NOISE) continue;
        const allowed = new Set<number>();
        search.ofRow(i, c.eps, (row) => {
          if (ours.core[row] === 1) allowed.add(ours.labels[row]);
        });
        expect(allowed.has(ours.labels[i])).toBe(true);
        expect([...allowed].map((label) => coreMapping.get(label))).toContain(
          c.labels_default_algorithm[i],
        );
      }
    },
  );

  it.each(reference.agglomerative.map((c) => [`${c.linkage} ${c.metric} k=${c.k}`, c] as const))(
    'agglomerative %s: the same partition, and the same silhouette under that metric',
    (_, c) => {
      const tree = mergeTree(data.matrix, data.n, data.d, c.linkage, c.metric);
      const labels = cutTree(tree, { k: c.k });
      expect(renaming(labels, c.labels)).not.toBeNull();
      if (c.silhouette !== undefined) {
        const k = Math.max(...labels) + 1;
        expect(silhouetteScore(data.matrix, data.n, data.d, labels, k, c.metric)).toBeCloseTo(
          c.silhouette,
          9,
        );
      }
    },
  );
});
