import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../../src/core/analysis/analysisOptions';
import { textSource } from '../../../src/core/read/byteSource';
import { adjustedRandIndex } from '../../../src/core/cluster/quality/clusterMetrics';
import { segmentFile } from '../../support/segmentFile';
import { generateCustomersCsv, PERSONAS } from '../../../scripts/generators/customers';

const csv = generateCustomersCsv({ rows: 1500, seed: 4, duplicates: 5 });

describe('runPipeline', () => {
  it('takes a customer file to segments, accounting for every row', async () => {
    const stages = new Set<string>();
    const { analysis } = await segmentFile(textSource(csv), { analysis: { nInit: 3 } }, (stage) =>
      stages.add(stage),
    );
    expect([...stages]).toEqual(
      expect.arrayContaining([
        'parse',
        'infer',
        'clean',
        'scale',
        'pca',
        'cluster',
        'silhouette',
        'profile',
      ]),
    );
    const kinds = Object.fromEntries(analysis.columns.map((c) => [c.name, c.kind]));
    expect(kinds).toEqual({
      customer_id: 'identifier',
      age: 'numeric',
      annual_income: 'numeric',
      annual_spend: 'numeric',
      visits_per_month: 'numeric',
      tenure_months: 'numeric',
      region: 'categorical',
      channel: 'categorical',
    });
    const { read, kept, dropped } = analysis.cleaning;
    expect(read).toBe(1505);
    expect(dropped.duplicate).toBe(5);
    expect(dropped.missing).toBeGreaterThan(0);
    expect(kept + dropped.malformed + dropped.duplicate + dropped.missing + dropped.outlier).toBe(
      read,
    );
    expect(analysis.elbow.map((p) => p.k)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(analysis.elbow[0].silhouette).toBeNull();
    expect(
      analysis.elbow.slice(1).every((p) => p.silhouette !== null && p.daviesBouldin !== null),
    ).toBe(true);
    for (let i = 1; i < 10; i++)
      expect(analysis.elbow[i].inertia).toBeLessThanOrEqual(analysis.elbow[i - 1].inertia);
    expect(analysis.silhouetteSampleSize).toBe(kept);
    expect(analysis.results).toHaveLength(10);
    const chosen = analysis.results[analysis.k - 1];
    expect(chosen.labels.length).toBe(kept);
    expect(chosen.profiles.segments.map((s) => s.size)).toEqual(Array.from(chosen.sizes));
    // Segments are numbered by size.
    expect([...chosen.sizes]).toEqual([...chosen.sizes].sort((a, b) => b - a));
    expect(analysis.projection.length).toBe(kept * 3);
  });

  it('finds the five personas the generator drew the customers from', async () => {
    const big = generateCustomersCsv({ rows: 3000, seed: 9, missingShare: 0, outlierShare: 0 });
    const { table, analysis } = await segmentFile(textSource(big), {
      analysis: {
        k: 5,
        nInit: 4,
        features: ['age', 'annual_income', 'annual_spend', 'visits_per_month'],
      },
    });
    expect(analysis.k).toBe(5);
    // Personas are not in the file; recover them from the spend ranges they were drawn with.
    const spend = table.columns.find((c) => c.name === 'annual_spend')!.numbers;
    const truth = Array.from(analysis.rows, (row) => {
      const value = spend[row];
      return PERSONAS.map((p) => Math.abs(value - p.spend[0]) / p.spend[1]).reduce(
        (best, z, i, all) => (z < all[best] ? i : best),
        0,
      );
    });
    expect(adjustedRandIndex(truth, analysis.results[4].labels)).toBeGreaterThan(0.6);
  });

  it('shrinks the range of k to the rows there are, with a note', async () => {
    const { analysis } = await segmentFile(textSource('x,y\n1,2\n3,1\n5,9\n'), {
      analysis: { kMax: 10 },
    });
    expect(analysis.elbow.map((p) => p.k)).toEqual([1, 2, 3]);
    expect(analysis.notes.join(' ')).toMatch(
      /Only 3 rows are left to analyse, so k runs from 1 to 3/,
    );
  });

  it('says plainly that one row cannot be segmented', async () => {
    await expect(segmentFile(textSource('x,y\n1,2\n'))).rejects.toMatchObject({
      code: 'too-few-rows',
      message: expect.stringMatching(/only one row of data/),
    });
  });

  it('works on two rows', async () => {
    const { analysis } = await segmentFile(textSource('x,y\n1,2\n3,5\n'));
    expect(analysis.elbow.map((p) => p.k)).toEqual([1, 2]);
    expect(analysis.results[1].profiles.segments.map((s) => s.size)).toEqual([1, 1]);
  });

  it('refuses files with nothing to cluster and too many segments, with sentences that say what to do', async () => {
    await expect(segmentFile(textSource('name,city\nAnn,Paris\nBob,Rome\n'))).rejects.toThrow(
      /no numeric column to cluster on/,
    );
    await expect(segmentFile(textSource('x\n1\n2\n'), { analysis: { k: 5 } })).rejects.toThrow(
      /fewer than the 5 segments asked for/,
    );
    await expect(
      segmentFile(textSource('x,c\n1,1\n2,1\n'), { analysis: { features: ['c'] } }),
    ).rejects.toThrow(/same value on every row/);
    // Every "use as feature" box unticked on the page.
    await expect(
      segmentFile(textSource('x,y\n1,2\n2,5\n3,1\n'), { analysis: { features: [] } }),
    ).rejects.toThrow(
      'No feature is chosen: tick "use as feature" for at least one numeric column.',
    );
  });

  it('excludes a constant column from the default features with a note', async () => {
    const { analysis } = await segmentFile(textSource('x,c,y\n1,5,2\n2,5,1\n3,5,7\n'));
    expect(analysis.features.map((f) => f.name)).toEqual(['x', 'y']);
    expect(analysis.notes.join(' ')).toMatch(/c: Every row has the same value/);
  });

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
