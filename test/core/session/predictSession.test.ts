import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isWorkCancelled } from '../../../src/core/classify/cancel';
import * as predictModels from '../../../src/core/classify/predictModels';
import { forestPartOf } from '../../../src/core/classify/randomForest';
import { isUserError } from '../../../src/core/common/userError';
import { textSource } from '../../../src/core/read/byteSource';
import { predictView, trainedModels } from '../../../src/core/session/predictSession';
import { AnalysisSession } from '../../../src/core/session/session';
import { englishText } from '../../../src/i18n/formatMessage';
import { campaignCsv, campaignPredictRequest as request } from '../../support/campaign';

vi.mock('../../../src/core/classify/predictModels', async (importOriginal) => {
  const actual = await importOriginal<typeof predictModels>();
  return { ...actual, trainModel: vi.fn(actual.trainModel) };
});

const CSV = campaignCsv(600);

const open = (csv = CSV) => AnalysisSession.open(textSource(csv), 'campaign.csv', {});

async function userErrorOf(work: () => Promise<unknown>): Promise<{ code: string; key: string }> {
  try {
    await work();
  } catch (error) {
    if (isUserError(error)) return { code: error.code, key: error.sentence.key };
    throw error;
  }
  throw new Error('expected a UserError');
}

beforeEach(() => vi.clearAllMocks());

describe('predictView', () => {
  it('trains three models on a 0/1 target and reports them as the page shows them', async () => {
    const session = await open();
    const view = await predictView(session, request());
    expect(view.classes).toEqual(['0', '1']);
    expect(view.positive).toEqual({ index: 1, value: '1' });
    expect(view.models.map((m) => m.model)).toEqual(['logistic', 'tree', 'forest']);
    expect(view.models.map((m) => englishText(m.label))).toEqual([
      'Logistic regression',
      'Decision tree',
      'Random forest',
    ]);
    for (const model of view.models) {
      expect(model.accuracy).toBeGreaterThan(0.7);
      expect(model.rocAuc).toBeGreaterThan(0.7);
      expect(model.report.total).toBe(view.split.test);
      expect(model.precision).toBe(model.report.precision[1]);
      expect(model.roc!.thresholds.length).toBeLessThanOrEqual(500);
      expect(model.thresholds!.positives + model.thresholds!.negatives).toBe(view.split.test);
      expect(model.importances.reduce((sum, f) => sum + f.importance, 0)).toBeCloseTo(1, 12);
      const shares = model.importances.map((f) => f.importance);
      expect(shares).toEqual([...shares].sort((a, b) => b - a));
      expect(model.trainingMs).toBeGreaterThanOrEqual(0);
    }
    // One-hot features are named by their category.
    const names = view.features.map((f) =>
      typeof f.name === 'string' ? f.name : englishText(f.name),
    );
    expect(names.slice(0, 3)).toEqual(['age', 'income', 'visits']);
    expect([...names.slice(3)].sort()).toEqual([
      'region is East',
      'region is North',
      'region is South',
    ]);
    expect(structuredClone(view)).toEqual(view);
  });

  it('accounts for every row: used, without a target, and set aside by cleaning', async () => {
    const session = await open();
    const view = await predictView(session, request());
    const { rows } = view;
    expect(rows.read).toBe(601);
    // Row 11 misses its income (dropped), the last row repeats the one before it.
    expect(rows.leftOut).toEqual({ malformed: 0, duplicate: 1, missing: 1, outlier: 0 });
    const blanks = Array.from({ length: 600 }, (_, i) => i).filter((i) => i % 37 === 5).length;
    expect(rows.unlabelled).toBe(blanks);
    expect(rows.used + rows.unlabelled + 2).toBe(rows.read);
    expect(rows.train + rows.test).toBe(rows.used);
    expect(view.notes.map(englishText)).toContain(
      `${blanks} rows have no value of "response": the models were not trained or tested on them, but predict them too.`,
    );
  });

  it('says when the models had very few rows to train on, and not otherwise', async () => {
    const session = await open();
    const few = (notes: readonly Parameters<typeof englishText>[0][]) =>
      notes.filter((note) => note.key === 'classifyFewTrainingRows');
    expect(few((await predictView(session, request())).notes)).toEqual([]);
    const view = await predictView(session, request({ testShare: 0.99, models: ['tree'] }));
    expect(view.rows.train).toBeLessThan(20);
    expect(few(view.notes).map(englishText)).toEqual([
      `Only ${view.rows.train} rows were left to train on, with ${view.rows.test} rows kept for testing: the models learn little from so few, so their figures are rough. Keep less for testing (0.25 is usual), or use more rows.`,
    ]);
  });

  it('predicts a yes/no target, "Yes" being the positive class whatever its case', async () => {
    const session = await open();
    const view = await predictView(session, request({ target: 'answer', models: ['logistic'] }));
    // "Yes" sorts before "no" (code units), yet it is the positive class.
    expect(view.classes).toEqual(['Yes', 'no']);
    expect(view.positive).toEqual({ index: 0, value: 'Yes' });
    // Its precision, recall and ROC are the positive class's: "Yes".
    const [model] = view.models;
    expect(model.precision).toBe(model.report.precision[0]);
    expect(model.recall).toBe(model.report.recall[0]);
    expect(model.thresholds!.positives).toBe(model.report.support[0]);
    expect(model.rocAuc).toBeGreaterThan(0.8);
  });

  it('predicts a text target of three classes, with macro averages and no ROC', async () => {
    const session = await open();
    const view = await predictView(
      session,
      request({ target: 'tier', models: ['logistic', 'tree'] }),
    );
    expect(view.classes).toEqual(['bronze', 'gold', 'silver']);
    expect(view.positive).toBeNull();
    for (const model of view.models) {
      expect(model.rocAuc).toBeNull();
      expect(model.roc).toBeNull();
      expect(model.precision).toBe(model.report.macro.precision);
      expect(model.confusion).toHaveLength(9);
    }
    expect(view.rows.unlabelled).toBe(0);
  });

  it('computes the same request once, and retrains only the model whose setting changed', async () => {
    const session = await open();
    const first = await predictView(session, request());
    expect(await predictView(session, request())).toBe(first);
    expect(predictModels.trainModel).toHaveBeenCalledTimes(2);
    const steps: string[] = [];
    const deeper = await predictView(session, request({ treeDepth: 3 }), (step, f) => {
      if (f > 0 && f < 1) steps.push(step);
    });
    expect(predictModels.trainModel).toHaveBeenCalledTimes(3);
    expect(vi.mocked(predictModels.trainModel).mock.calls[2][0]).toBe('tree');
    // Only the tree worked: the others were kept.
    expect(new Set(steps)).toEqual(new Set(['tree']));
    expect(deeper.models[0]).toEqual({ ...first.models[0], trainingMs: 0 });
    expect(deeper.models[2]).toEqual({ ...first.models[2], trainingMs: 0 });
    // Fewer trees: the forest again, nothing else.
    steps.length = 0;
    await predictView(session, request({ treeDepth: 3, trees: 10 }), (step, f) => {
      if (f > 0 && f < 1) steps.push(step);
    });
    expect(new Set(steps)).toEqual(new Set(['forest']));
    expect(predictModels.trainModel).toHaveBeenCalledTimes(3);
  });

  it('grows the same forest when its two halves grow elsewhere (as on two threads)', async () => {
    const here = await predictView(await open(), request({ models: ['forest'] }));
    const jobs: [number, number][] = [];
    const halves = await predictView(await open(), request({ models: ['forest'] }), undefined, {
      forest: async (job, onProgress) => {
        const middle = Math.ceil(job.to / 2);
        const parts = await Promise.all([
          Promise.resolve().then(() => forestPartOf({ ...job, to: middle })),
          Promise.resolve().then(() => forestPartOf({ ...job, from: middle })),
        ]);
        jobs.push([0, middle], [middle, job.to]);
        onProgress(1);
        return parts;
      },
    });
    expect(jobs).toEqual([
      [0, 10],
      [10, 20],
    ]);
    expect({ ...halves.models[0], trainingMs: 0 }).toEqual({ ...here.models[0], trainingMs: 0 });
    const a = await trainedModels(await open(), request({ models: ['forest'] }));
    const session = await open();
    await predictView(session, request({ models: ['forest'] }), undefined, {
      forest: async (job) => [forestPartOf({ ...job, from: 7 }), forestPartOf({ ...job, to: 7 })],
    });
    const b = await trainedModels(session, request({ models: ['forest'] }));
    expect(Array.from(b.models[0].model.result.probabilities)).toEqual(
      Array.from(a.models[0].model.result.probabilities),
    );
  });

  it('stops between models and between trees when cancelled, and works again afterwards', async () => {
    const session = await open();
    const done: string[] = [];
    const cancelAfterLogistic = predictView(
      session,
      request(),
      (step, f) => {
        if (f === 1) done.push(step);
      },
      { isCancelled: () => done.includes('logistic') },
    );
    await expect(cancelAfterLogistic).rejects.toSatisfy(isWorkCancelled);
    expect(done).toEqual(['prepare', 'logistic']);
    let forestSteps = 0;
    const inTheForest = predictView(
      session,
      request({ models: ['forest'], trees: 50 }),
      (step, f) => {
        if (step === 'forest' && f > 0.05 && f < 1) forestSteps++;
      },
      { isCancelled: () => forestSteps >= 3 },
    );
    await expect(inTheForest).rejects.toSatisfy(isWorkCancelled);
    expect(forestSteps).toBe(3);
    // Nothing half-done was kept: the same request now runs to the end.
    const view = await predictView(session, request());
    expect(view.models).toHaveLength(3);
  });

  it('refuses one class, a class of one row, the target among the features, an unknown column', async () => {
    const session = await open();
    expect(await userErrorOf(() => predictView(session, request({ target: 'country' })))).toEqual({
      code: 'single-class',
      key: 'classifySingleClass',
    });
    const rare = CSV.replace(/,bronze,NL\n/, ',platinum,NL\n');
    expect(
      await userErrorOf(async () => predictView(await open(rare), request({ target: 'tier' }))),
    ).toEqual({
      code: 'rare-class',
      key: 'classifyRareClass',
    });
    expect(
      await userErrorOf(() => predictView(session, request({ features: ['age', 'response'] }))),
    ).toEqual({ code: 'bad-option', key: 'classifyTargetIsFeature' });
    expect(await userErrorOf(() => predictView(session, request({ target: 'Response' })))).toEqual({
      code: 'bad-option',
      key: 'noColumn',
    });
    expect(
      await userErrorOf(() => predictView(session, request({ features: ['age', 'spend'] }))),
    ).toEqual({
      code: 'bad-option',
      key: 'noColumn',
    });
    expect(
      await userErrorOf(() =>
        predictView(session, request({ target: 'income', features: ['age', 'visits'] })),
      ),
    ).toEqual({
      code: 'bad-option',
      key: 'classifyTooManyClasses',
    });
    expect(
      await userErrorOf(() => predictView(session, request({ features: ['age', 'id'] }))),
    ).toEqual({
      code: 'bad-option',
      key: 'classifyFeatureKind',
    });
    expect(await userErrorOf(() => predictView(session, request({ features: [] })))).toEqual({
      code: 'no-features',
      key: 'classifyNoFeatures',
    });
    expect(await userErrorOf(() => predictView(session, request({ models: [] })))).toEqual({
      code: 'bad-option',
      key: 'classifyNoModel',
    });
    for (const bad of [{ testShare: 1 }, { seed: -1 }, { trees: 0 }, { treeDepth: 0 }])
      expect((await userErrorOf(() => predictView(session, request(bad)))).code).toBe('bad-option');
  });
});
