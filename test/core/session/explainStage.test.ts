import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../src/core/common/userError';
import { textSource } from '../../../src/core/read/byteSource';
import { cellText } from '../../../src/core/read/table';
import { explainStageKey, prepareExplainStage } from '../../../src/core/session/explainStage';
import { AnalysisSession } from '../../../src/core/session/session';
import {
  customersCsv,
  quickOptions,
  explainRowsRequest as request,
} from '../../support/sessionData';

const open = () => AnalysisSession.open(textSource(customersCsv), 'customers.csv', {});

describe('prepareExplainStage', () => {
  it("holds the segmentation's rows at k in the user's units and in the clustering's", async () => {
    const session = await open();
    const stage = await prepareExplainStage(session, request());
    const analysis = await session.segmentation(request().segmentation);
    const { input } = stage;
    expect(stage.key).toBe(explainStageKey(request()));
    expect(stage.result.k).toBe(3);
    expect(input.segments).toBe(stage.result.labels);
    expect(input.segmentCount).toBe(3);
    expect(input.n).toBe(analysis.rows.length);
    expect(stage.noise).toBe(0);
    const columns = input.features.map((f) => f.column);
    expect(columns).toEqual(analysis.features.map((f) => f.name));
    // Each row's features are its record's cells, and the clustering's rows are them scaled.
    const { table } = session;
    const names = table.columns.map((c) => c.name);
    for (const i of [0, 7, input.n - 1]) {
      const record = analysis.rows[i];
      for (let j = 0; j < input.d; j++) {
        const cell = cellText(table.columns[names.indexOf(columns[j])], record);
        expect(input.matrix[i * input.d + j]).toBe(Number(cell));
        expect(stage.scaled[i * input.d + j]).toBeCloseTo(
          (Number(cell) - stage.center[j]) / stage.scale[j],
          10,
        );
      }
    }
  });

  it("counts DBSCAN's noise, and is keyed by the segmentation and k only", async () => {
    const session = await open();
    const segmentation = {
      options: quickOptions({ algorithm: 'dbscan', eps: 0.9, minPts: 8 }),
      rfm: null,
    };
    const analysis = await session.segmentation(segmentation);
    const k = analysis.results[0].k;
    const stage = await prepareExplainStage(session, request({ segmentation, k }));
    const noise = Array.from(stage.result.labels).filter((label) => label < 0).length;
    expect(noise).toBeGreaterThan(0);
    expect(stage.noise).toBe(noise);
    expect(explainStageKey(request({ segmentation, k, depth: 5, method: 'imm' }))).toBe(stage.key);
    expect(explainStageKey(request({ k: 4 }))).not.toBe(explainStageKey(request()));
  });

  it('refuses a k the segmentation did not make, naming those it did', async () => {
    const session = await open();
    try {
      await prepareExplainStage(session, request({ k: 7 }));
      expect.unreachable();
    } catch (error) {
      if (!isUserError(error)) throw error;
      expect(error.sentence.key).toBe('explainNoK');
      expect(error.sentence.params).toMatchObject({ k: 7 });
    }
  });
});
