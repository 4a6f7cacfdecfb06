import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisOptions } from '../../../src/core/analysis/analysisOptions';
import {
  inlineExecutor,
  runClusterJob,
  type ClusterExecutor,
} from '../../../src/core/cluster/clusterJob';
import type { Stage } from '../../../src/core/common/progress';
import { isUserError } from '../../../src/core/common/userError';
import { textSource } from '../../../src/core/read/byteSource';
import { inferColumns } from '../../../src/core/read/inferColumns';
import { readCsv } from '../../../src/core/read/readCsv';
import type { Table } from '../../../src/core/read/table';
import { kmeansSettingsOf, TableAnalysis } from '../../../src/core/session/tableAnalysis';
import { customersCsv, quickOptions } from '../../support/sessionData';
import { bankChurnCsv, bankChurnersCsv } from '../../support/realShapes';
import { segmentFile } from '../../support/segmentFile';
import { message } from '../../../src/core/common/message';
import { WARD_NOTE } from '../../../src/core/cluster/hierarchy/hierarchySegmentation';
import { HIERARCHY_DEFAULT_ROWS } from '../../../src/core/cluster/hierarchy/hierarchicalClustering';
import { englishText } from '../../../src/i18n/formatMessage';
import { isShared } from '../../../src/core/common/sharedArrays';

let table: Table;
beforeAll(async () => {
  table = await readCsv(textSource(customersCsv));
});

/** An executor that records the ks it is asked for, and can be told to refuse work. */
function recordingExecutor() {
  const asked: number[][] = [];
  let refuse = false;
  const executor: ClusterExecutor = {
    run(data, ks, settings, onOutcome, onProgress, before) {
      if (refuse && ks.length > 0) return Promise.reject(new Error(`asked for k = ${ks}`));
      asked.push([...ks]);
      return inlineExecutor.run(data, ks, settings, onOutcome, onProgress, before);
    },
  };
  return { asked, executor, refuseFromNowOn: () => (refuse = true) };
}

/** Progress events of one call, as [stage, fraction]. */
function progressLog() {
  const events: [Stage, number][] = [];
  return { events, onProgress: (stage: Stage, f: number) => void events.push([stage, f]) };
}

describe('TableAnalysis features', () => {
  it('prepares the features once for every option that leaves them alone', () => {
    const analysis = new TableAnalysis(table, null);
    const base = analysis.features(quickOptions());
    for (const change of [
      { k: 3 },
      { kMax: 8 },
      { nInit: 5 },
      { seed: 9 },
      { algorithm: 'dbscan' },
      { algorithm: 'hierarchical', linkage: 'average' },
      { metric: 'cosine' },
      { eps: 0.5, minPts: 3 },
    ] as Partial<AnalysisOptions>[])
      expect(analysis.features(quickOptions(change))).toBe(base);
    expect(base.data.matrix).toBe(base.prepared.scaled.matrix);
    // Shared memory (node has it): the elbow's helper threads read this one matrix.
    expect(isShared(base.data.matrix)).toBe(true);
    expect(base.projectionDims).toBe(3);
    expect(base.profiledNumeric).toEqual([
      'age',
      'annual_income',
      'annual_spend',
      'visits_per_month',
      'tenure_months',
    ]);
    expect(base.profiledCategorical).toEqual(['region', 'channel']);
  });

  it('prepares them again when the features, cleaning, scaling or wording change', () => {
    const analysis = new TableAnalysis(table, null);
    const base = analysis.features(quickOptions());
    const changes: Partial<AnalysisOptions>[] = [
      { features: ['age', 'annual_income'] },
      { scale: 'minmax' },
      { oneHot: ['region'] },
      { clean: { ...quickOptions().clean, outliers: 'none' } },
      {
        wording: [
          {
            column: 'age',
            wording: {
              high: 'rfmLapsed',
              low: 'rfmRecent',
              slightlyHigh: 'rfmFairlyLapsed',
              slightlyLow: 'rfmFairlyRecent',
            },
          },
        ],
      },
    ];
    for (const change of changes) {
      const other = analysis.features(quickOptions(change));
      expect(other).not.toBe(base);
      // Only one feature stage is kept: going back prepares the first again.
      expect(analysis.features(quickOptions())).not.toBe(other);
    }
  });
});

describe('TableAnalysis segment', () => {
  it('reuses the features and every k-means run for a change of k', async () => {
    const { asked, executor, refuseFromNowOn } = recordingExecutor();
    const analysis = new TableAnalysis(table, inferColumns(table), () => executor);
    const first = await analysis.segment(quickOptions());
    expect(asked).toEqual([[4, 3, 2, 1]]);
    refuseFromNowOn();
    const second = await analysis.segment(quickOptions({ k: 2 }));
    expect(second).not.toBe(first);
    expect(second.k).toBe(2);
    expect(first.k).toBe(first.recommendation.k);
    // The very same arrays: features, scaled matrix, PCA, rows and every k’s labels.
    expect(second.scaledMatrix).toBe(first.scaledMatrix);
    expect(second.pca).toBe(first.pca);
    expect(second.rows).toBe(first.rows);
    expect(second.scaling.center).toBe(first.scaling.center);
    second.results.forEach((result, i) => expect(result.labels).toBe(first.results[i].labels));
  });

  it('computes only the new ks when the range of k grows', async () => {
    const { asked, executor } = recordingExecutor();
    const analysis = new TableAnalysis(table, null, () => executor);
    await analysis.segment(quickOptions({ kMax: 3 }));
    const wider = await analysis.segment(quickOptions({ kMax: 5 }));
    expect(asked).toEqual([
      [3, 2, 1],
      [5, 4],
    ]);
    expect(wider.elbow.map((p) => p.k)).toEqual([1, 2, 3, 4, 5]);
  });

  it('reuses the features and the silhouette sample for a change of algorithm', async () => {
    const analysis = new TableAnalysis(table, null);
    const first = progressLog();
    const kmeansResult = await analysis.segment(quickOptions(), first);
    expect(first.events.some(([stage]) => stage === 'silhouette')).toBe(true);
    const second = progressLog();
    const tree = await analysis.segment(
      quickOptions({ algorithm: 'hierarchical', linkage: 'average' }),
      second,
    );
    expect(tree.scaledMatrix).toBe(kmeansResult.scaledMatrix);
    expect(tree.pca).toBe(kmeansResult.pca);
    expect(second.events.some(([stage]) => stage === 'silhouette' || stage === 'clean')).toBe(
      false,
    );
    expect(tree.silhouetteSampleSize).toBe(kmeansResult.silhouetteSampleSize);
    // Another distance needs another sample.
    const third = progressLog();
    await analysis.segment(quickOptions({ algorithm: 'dbscan', metric: 'manhattan' }), third);
    expect(third.events.some(([stage]) => stage === 'silhouette')).toBe(true);
    expect(third.events.some(([stage]) => stage === 'clean')).toBe(false);
  });

  it('starts over when the features change', async () => {
    const { asked, executor } = recordingExecutor();
    const analysis = new TableAnalysis(table, null, () => executor);
    await analysis.segment(quickOptions({ kMax: 2 }));
    const fewer = await analysis.segment(
      quickOptions({ kMax: 2, features: ['age', 'annual_spend'] }),
    );
    expect(asked).toEqual([
      [2, 1],
      [2, 1],
    ]);
    expect(fewer.features.map((f) => f.name)).toEqual(['age', 'annual_spend']);
  });

  it('gives back the last segmentation, replaying its elbow points', async () => {
    const analysis = new TableAnalysis(table, null);
    const options = quickOptions({ kMax: 3 });
    expect(analysis.known(options)).toBeUndefined();
    const result = await analysis.segment(options);
    expect(analysis.known({ ...options })).toBe(result);
    const points: number[] = [];
    const again = await analysis.segment(quickOptions({ kMax: 3 }), {
      onElbowPoint: (point) => points.push(point.k),
    });
    expect(again).toBe(result);
    expect(points).toEqual([1, 2, 3]);
  });

  it('assembles the result from every stage, notes in order', async () => {
    const analysis = new TableAnalysis(table, null);
    const result = await analysis.segment(quickOptions({ k: 3 }));
    const stage = analysis.features(quickOptions());
    expect(result.columns).toBe(stage.prepared.columns);
    expect(result.features).toBe(stage.prepared.features);
    expect(result.dropReason.length).toBe(table.rowCount);
    expect(result.cleaning.kept).toBe(result.rows.length);
    expect(result).toMatchObject({
      k: 3,
      algorithm: 'kmeans',
      metric: 'euclidean',
      kRangeNote: null,
      density: null,
      hierarchy: null,
      pointKinds: null,
      silhouetteSampleSize: result.rows.length,
    });
    expect(result.notes).toEqual([
      ...table.notes,
      ...stage.prepared.notes,
      ...result.scaling.warnings,
    ]);
  });

  it('shrinks the range of k to the rows, and refuses more segments than rows', async () => {
    const small = await readCsv(textSource('x,y\n1,2\n3,1\n5,9\n'));
    const analysis = new TableAnalysis(small, null);
    const result = await analysis.segment(quickOptions({ kMax: 6 }));
    expect(result.elbow.map((p) => p.k)).toEqual([1, 2, 3]);
    expect(result.kRangeNote).toEqual(message('kRangeShrank', { rows: 3, kMax: 3 }));
    expect(englishText(result.kRangeNote!)).toBe(
      'Only 3 rows are left to analyse, so k runs from 1 to 3: add rows or ask for fewer segments.',
    );
    expect(result.notes).toContain(result.kRangeNote);
    let error: unknown = null;
    try {
      await analysis.segment(quickOptions({ k: 4 }));
    } catch (caught) {
      error = caught;
    }
    expect(isUserError(error) && error.code).toBe('too-few-rows');
    expect(isUserError(error) && error.sentence).toEqual(
      message('tooFewRowsForK', { rows: 3, k: 4 }),
    );
    expect((error as Error).message).toBe(
      'There are 3 usable rows, fewer than the 4 segments asked for: choose at most 3 segments.',
    );
  });

  it('shows the clusters DBSCAN found, and the tree cut at a height', async () => {
    const analysis = new TableAnalysis(table, null);
    const density = await analysis.segment(quickOptions({ algorithm: 'dbscan', k: 2 }));
    expect(density.k).toBe(density.density!.clusters);
    expect(density.pointKinds).not.toBeNull();
    const tree = await analysis.segment(quickOptions({ algorithm: 'hierarchical' }));
    const height = tree.hierarchy!.cutHeights[2]!;
    const cut = await analysis.segment(
      quickOptions({ algorithm: 'hierarchical', cutHeight: height, k: 2 }),
    );
    expect(cut.k).toBe(3);
  });

  it('builds the tree on at most the rows chosen, and refuses a limit out of range', async () => {
    const analysis = new TableAnalysis(table, null);
    const options = quickOptions({ algorithm: 'hierarchical', kMax: 3 });
    const whole = await analysis.segment(options);
    expect(whole.hierarchy).toMatchObject({ treeRows: whole.rows.length, maxRows: 5000 });
    const sampled = await analysis.segment({ ...options, treeMaxRows: 100 });
    expect(whole.rows.length).toBeGreaterThan(100);
    expect(sampled.hierarchy).toMatchObject({ treeRows: 100, maxRows: 100 });
    expect(sampled.notes).toContainEqual(
      message('hierarchySampled', {
        rows: 100,
        total: whole.rows.length,
        most: 100,
        ceiling: 10_000,
      }),
    );
    for (const treeMaxRows of [99, 10_001, 150.5]) {
      const error = await analysis.segment({ ...options, treeMaxRows }).catch((e: unknown) => e);
      expect(isUserError(error) && error.code).toBe('bad-option');
      expect((error as Error).message).toBe(
        `The rows in the tree must be a whole number from 100 to 10,000, not ${treeMaxRows}.`,
      );
    }
  });

  it('builds the tree again only when it changes: not for the silhouette’s distance under Ward, the seed or a limit the rows are within', async () => {
    const analysis = new TableAnalysis(table, null);
    const options = quickOptions({ algorithm: 'hierarchical', linkage: 'ward', kMax: 3 });
    // The tree reports its progress below 0.8 of the cluster stage, the cuts above.
    const built = async (change: Partial<AnalysisOptions>) => {
      const log = progressLog();
      const result = await analysis.segment({ ...options, ...change }, log);
      return { result, built: log.events.some(([stage, f]) => stage === 'cluster' && f < 0.8) };
    };
    const base = await built({});
    expect(base.built).toBe(true);
    // Within the default limit, so the first tree is on every row.
    expect(base.result.rows.length).toBeLessThan(HIERARCHY_DEFAULT_ROWS);
    for (const change of [
      { metric: 'manhattan' },
      { seed: 7 },
      { treeMaxRows: 10_000 },
    ] as Partial<AnalysisOptions>[]) {
      const again = await built(change);
      expect(again.built, JSON.stringify(change)).toBe(false);
      expect(again.result.hierarchy!.dendrogram).toEqual(base.result.hierarchy!.dendrogram);
    }
    // What the tree reports follows the options asked for, not those it was first built with.
    expect(base.result.notes).not.toContainEqual(WARD_NOTE);
    expect((await built({ metric: 'manhattan' })).result.notes).toContainEqual(WARD_NOTE);
    expect((await built({ treeMaxRows: 10_000 })).result.hierarchy!.maxRows).toBe(10_000);
    // Each of these changes the tree, one after the other from the Ward tree on every row: a
    // sample, another sample's size, another seed's sample, then another linkage and distance.
    for (const change of [
      { treeMaxRows: 100 },
      { treeMaxRows: 200 },
      { treeMaxRows: 200, seed: 7 },
      { linkage: 'average', metric: 'manhattan' },
      { linkage: 'average', metric: 'cosine' },
    ] as Partial<AnalysisOptions>[]) {
      expect((await built(change)).built, JSON.stringify(change)).toBe(true);
    }
  });

  // BUG (see stageKey): options that differ only by a non-finite number share a key, so a cut
  // at height Infinity (one segment) is answered with the cached cut into the recommended k.
  it.fails('does not mistake a cut at height Infinity for no cut', async () => {
    const analysis = new TableAnalysis(table, null);
    const options = quickOptions({ algorithm: 'hierarchical', kMax: 3 });
    await analysis.segment(options);
    const top = await analysis.segment({ ...options, cutHeight: Infinity });
    expect(top.k).toBe(1);
  });
});

describe('TableAnalysis compare', () => {
  it('reuses the segmentation’s k-means, tree and DBSCAN', async () => {
    const analysis = new TableAnalysis(table, null);
    const options = quickOptions({ linkage: 'average' });
    const kmeansResult = await analysis.segment(options);
    await analysis.segment({ ...options, algorithm: 'hierarchical' });
    await analysis.segment({ ...options, algorithm: 'dbscan' });
    const log = progressLog();
    const comparison = analysis.compare(options, 3, log.onProgress);
    // k-means would report in [0, 0.3), the tree in [0.3, 0.6), DBSCAN in [0.6, 0.9).
    expect(log.events.filter(([stage]) => stage === 'cluster')).toEqual([]);
    expect(comparison.rows[0].sizes).toEqual(Array.from(kmeansResult.results[2].sizes));
    expect(log.events.at(-1)).toEqual(['profile', 1]);
  });

  it('runs what is missing, and the segmentation then reuses the k-means it ran', async () => {
    const { asked, executor } = recordingExecutor();
    const analysis = new TableAnalysis(table, null, () => executor);
    const options = quickOptions({ linkage: 'average' });
    const log = progressLog();
    const comparison = analysis.compare(options, 3, log.onProgress);
    const cluster = log.events.filter(([stage]) => stage === 'cluster').map(([, f]) => f);
    expect(cluster.some((f) => f < 0.3)).toBe(true);
    expect(cluster.some((f) => f >= 0.3 && f < 0.6)).toBe(true);
    expect(cluster.some((f) => f >= 0.6 && f <= 0.9)).toBe(true);
    const result = await analysis.segment(options);
    expect(asked).toEqual([[4, 2, 1]]);
    const stage = analysis.features(options);
    const direct = runClusterJob(stage.data, 3, kmeansSettingsOf(options));
    expect(Array.from(result.results[2].labels)).toEqual(Array.from(direct.labels));
    expect(comparison.rows[0].sizes).toEqual(Array.from(direct.sizes));
  });

  it('describes the settings each algorithm ran with', () => {
    const analysis = new TableAnalysis(table, null);
    const comparison = analysis.compare(quickOptions({ metric: 'cosine', eps: null }), 3);
    const [kmeansRow, treeRow, dbscanRow] = comparison.rows;
    expect(kmeansRow.settings).toEqual(message('compareKmeans', { k: 3, nInit: 2 }));
    expect(treeRow.settings).toEqual(
      message('compareHierarchyWard', {
        linkage: 'ward',
        metric: message('metricEuclidean'),
        k: 3,
      }),
    );
    expect(dbscanRow.settings).toMatchObject({
      key: 'compareDbscanSuggested',
      params: { minPts: 5, metric: message('metricCosine') },
    });
    expect(englishText(kmeansRow.settings)).toBe('k = 3, best of 2');
    expect(englishText(treeRow.settings)).toBe(
      'Ward linkage, Euclidean (Ward is Euclidean only), k = 3',
    );
    expect(englishText(dbscanRow.settings)).toMatch(
      /^eps [\d.]+ \(suggested\), 5 minimum points, cosine$/,
    );
    expect(comparison.metric).toBe('cosine');
    const chosen = analysis.compare(quickOptions({ linkage: 'single', eps: 0.7, minPts: 4 }), 2);
    expect(englishText(chosen.rows[1].settings)).toBe('single linkage, Euclidean, k = 2');
    expect(chosen.rows[2].settings).toEqual(
      message('compareDbscan', { eps: 0.7, minPts: 4, metric: message('metricEuclidean') }),
    );
    expect(englishText(chosen.rows[2].settings)).toBe('eps 0.7, 4 minimum points, Euclidean');
  });

  it('clamps k to the rows there are', async () => {
    const small = await readCsv(textSource('x,y\n1,2\n3,1\n5,9\n8,8\n'));
    const comparison = new TableAnalysis(small, null).compare(quickOptions({ minPts: 2 }), 9);
    expect(comparison.rows[0].clusters).toBe(4);
    expect(comparison.rows[0].settings).toEqual(message('compareKmeans', { k: 4, nInit: 2 }));
  });
});

describe('kmeansSettingsOf', () => {
  it('takes the k-means settings from the options', () => {
    expect(
      kmeansSettingsOf(quickOptions({ nInit: 7, maxIter: 50, seed: 3, localSearch: false })),
    ).toEqual({
      nInit: 7,
      maxIter: 50,
      seed: 3,
      localSearch: false,
    });
  });
});

describe('default features of a file with identifiers and targets (#18)', () => {
  it('clusters on the measurements only and says why the target and model outputs are left out', async () => {
    const { analysis } = await segmentFile(textSource(bankChurnersCsv(150)), {
      analysis: { kMax: 3, nInit: 2 },
    });
    expect(analysis.features.map((f) => f.name)).toEqual([
      'Customer_Age',
      'Dependent_count',
      'Months_on_book',
      'Total_Relationship_Count',
      'Credit_Limit',
      'Total_Trans_Amt',
      'Total_Trans_Ct',
      'Avg_Utilization_Ratio',
    ]);
    const unused = analysis.notes
      .filter((note) => note.key === 'featureUnusedNote')
      .map((note) => englishText(note));
    expect(unused).toHaveLength(2);
    expect(unused[0]).toMatch(
      /^Naive_Bayes_Classifier_\w+_1: Named like an outcome to predict or a model’s output: not ticked/,
    );
  });

  it('clusters on a target when the user ticks it', async () => {
    const { analysis } = await segmentFile(textSource(bankChurnCsv(120)), {
      analysis: { kMax: 3, nInit: 2, features: ['Age', 'Exited'] },
    });
    expect(analysis.features.map((f) => f.name)).toEqual(['Age', 'Exited']);
  });
});
