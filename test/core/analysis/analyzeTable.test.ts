import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../../src/core/analysis/analysisOptions';
import { analyzeTable } from '../../../src/core/analysis/analyzeTable';
import { inlineExecutor, type ClusterExecutor } from '../../../src/core/cluster/clusterJob';
import type { Stage } from '../../../src/core/common/progress';
import { textSource } from '../../../src/core/read/byteSource';
import { inferColumns } from '../../../src/core/read/inferColumns';
import { readCsv } from '../../../src/core/read/readCsv';
import type { Table } from '../../../src/core/read/table';
import { TableAnalysis } from '../../../src/core/session/tableAnalysis';
import { customersCsv, quickOptions } from '../../support/sessionData';

// The end-to-end tests of a file's segmentation live with the session that runs them
// (test/core/session/session.test.ts); these test analyzeTable itself.

let table: Table;
beforeAll(async () => {
  table = await readCsv(textSource(customersCsv));
});

describe('analyzeTable', () => {
  it('is one run of the session’s stages: the same result as a fresh TableAnalysis', async () => {
    const options = quickOptions({ kMax: 3 });
    const result = await analyzeTable(table, options);
    const direct = await new TableAnalysis(table, null).segment(options);
    expect(result.elbow).toEqual(direct.elbow);
    expect(result.k).toBe(direct.k);
    result.results.forEach((r, i) =>
      expect(Array.from(r.labels)).toEqual(Array.from(direct.results[i].labels)),
    );
  });

  it('infers the column kinds, unless they are given', async () => {
    const stagesOf = async (columns?: ReturnType<typeof inferColumns>) => {
      const stages = new Set<Stage>();
      await analyzeTable(table, quickOptions({ kMax: 2 }), (stage) => stages.add(stage), {
        columns,
      });
      return stages;
    };
    expect((await stagesOf()).has('infer')).toBe(true);
    const given = await stagesOf(inferColumns(table));
    expect(given.has('infer')).toBe(false);
    expect([...given]).toEqual(
      expect.arrayContaining(['clean', 'scale', 'pca', 'cluster', 'profile']),
    );
  });

  it('runs k-means on the executor given, and reports each elbow point', async () => {
    const asked: number[][] = [];
    const executor: ClusterExecutor = {
      run(data, ks, settings, onOutcome, onProgress, before) {
        asked.push([...ks]);
        return inlineExecutor.run(data, ks, settings, onOutcome, onProgress, before);
      },
    };
    const points: number[] = [];
    const result = await analyzeTable(table, quickOptions({ kMax: 3 }), undefined, {
      executor,
      onElbowPoint: (point) => points.push(point.k),
    });
    expect(asked).toEqual([[3, 2, 1]]);
    expect(points.sort()).toEqual([1, 2, 3]);
    expect(result.elbow.map((p) => p.k)).toEqual([1, 2, 3]);
  });

  // This checks analysisOptions.ts, whose own test file belongs to the analysis folder.
  it('uses the same defaults the issue names', () => {
    expect(DEFAULT_ANALYSIS_OPTIONS).toMatchObject({
      kMax: 10,
      nInit: 10,
      seed: 0,
      scale: 'zscore',
      silhouetteSample: 5000,
    });
  });
});
