import { describe, expect, it } from 'vitest';
import { isWorkCancelled } from '../../../src/core/classify/cancel';
import { forestPartOf } from '../../../src/core/classify/randomForest';
import { stratifiedSplit } from '../../../src/core/classify/stratifiedSplit';
import { DEFAULT_CLEANING } from '../../../src/core/clean/cleanOptions';
import { textSource } from '../../../src/core/read/byteSource';
import { preparePredictData } from '../../../src/core/session/predictData';
import { trainForest } from '../../../src/core/session/predictForest';
import { predictOptions, type PredictRequest } from '../../../src/core/session/predictRequest';
import { AnalysisSession } from '../../../src/core/session/session';
import { campaignCsv } from '../../support/campaign';

const REQUEST: PredictRequest = {
  target: 'tier',
  features: ['age', 'income', 'visits'],
  cleaning: DEFAULT_CLEANING,
  models: ['forest'],
  testShare: 0.25,
  seed: 3,
  treeDepth: 5,
  trees: 12,
};

async function prepared() {
  const session = await AnalysisSession.open(textSource(campaignCsv(400)), 'c.csv', {});
  const data = preparePredictData(session, REQUEST);
  const settings = predictOptions(REQUEST);
  const classes = data.input.classes.length;
  const split = stratifiedSplit(data.input.target, classes, settings.testShare, settings.seed);
  return { data, settings, split };
}

const noPause = () => Promise.resolve();

describe('trainForest', () => {
  it('grows the same forest here, a few trees at a time, as from parts grown elsewhere', async () => {
    const { data, settings, split } = await prepared();
    const progress: number[] = [];
    const here = await trainForest(
      data,
      split,
      settings,
      (f) => progress.push(f),
      undefined,
      undefined,
      noPause,
    );
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThan(progress[i - 1]);
    const jobs: [number, number][] = [];
    const elsewhere = await trainForest(
      data,
      split,
      settings,
      () => {},
      async (job) => {
        jobs.push([job.from, job.to]);
        // Cut in three, handed back out of order: the forest is the same however it was cut.
        return [
          forestPartOf({ ...job, from: 8 }),
          forestPartOf({ ...job, to: 3 }),
          forestPartOf({ ...job, from: 3, to: 8 }),
        ];
      },
      undefined,
      noPause,
    );
    expect(jobs).toEqual([[0, 12]]);
    expect(here.tree).toBeNull();
    expect(here.result.model).toBe('forest');
    expect(Array.from(elsewhere.result.probabilities)).toEqual(
      Array.from(here.result.probabilities),
    );
    expect(Array.from(elsewhere.result.importances)).toEqual(Array.from(here.result.importances));
    expect(here.result.rocAuc).toBeNull();
  });

  it('stops between a few trees once cancelled', async () => {
    const { data, settings, split } = await prepared();
    let parts = 0;
    const cancelled = trainForest(
      data,
      split,
      settings,
      (f) => {
        if (f > 0.05 && f < 1) parts++;
      },
      undefined,
      () => parts >= 2,
      noPause,
    );
    await expect(cancelled).rejects.toSatisfy(isWorkCancelled);
    expect(parts).toBe(2);
  });
});
