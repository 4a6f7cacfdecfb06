import { describe, expect, it } from 'vitest';
import { generateCustomersCsv } from '../../../scripts/generators/customers';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../../src/core/analysis/analysisOptions';
import { textSource } from '../../../src/core/read/byteSource';
import { AnalysisSession } from '../../../src/core/session/session';
import { readCsv } from '../../../src/core/read/readCsv';

const csv = generateCustomersCsv({ rows: 1200, seed: 21, duplicates: 0 });

describe('comparing algorithms', () => {
  it('scores the three on the same rows, with their pairwise agreement', async () => {
    const table = await readCsv(textSource(csv));
    const comparison = AnalysisSession.ofTable(table).compare(
      { options: { ...DEFAULT_ANALYSIS_OPTIONS, nInit: 3, linkage: 'average' }, rfm: null },
      4,
    );
    expect(comparison.rows.map((row) => row.algorithm)).toEqual([
      'kmeans',
      'hierarchical',
      'dbscan',
    ]);
    expect(comparison.rows[0].clusters).toBe(4);
    expect(comparison.rows[1].clusters).toBe(4);
    for (const row of comparison.rows) {
      expect(
        row.sizes.reduce((a, b) => a + b, 0) + Math.round(row.noiseShare * comparison.analysedRows),
      ).toBe(comparison.analysedRows);
    }
    expect(comparison.agreement.map((row, i) => row[i])).toEqual([1, 1, 1]);
    expect(comparison.agreement[0][1]).toBe(comparison.agreement[1][0]);
  });
});
