import { describe, expect, it } from 'vitest';
import { DEFAULT_CLEANING } from '../../../src/core/clean/cleanOptions';
import { isUserError } from '../../../src/core/common/userError';
import { textSource } from '../../../src/core/read/byteSource';
import {
  defaultPredictFeatures,
  defaultPredictRequest,
  predictOptions,
} from '../../../src/core/session/predictRequest';
import { AnalysisSession } from '../../../src/core/session/session';
import { campaignCsv, campaignPredictRequest as request } from '../../support/campaign';

const open = () => AnalysisSession.open(textSource(campaignCsv(200)), 'campaign.csv', {});

function sentenceOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (isUserError(error) && error.code === 'bad-option') return error.sentence.key;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('defaultPredictRequest', () => {
  it("starts from every numeric column but the target, the three models and the issue's defaults", async () => {
    const session = await open();
    expect(defaultPredictFeatures(session, 'response')).toEqual(['age', 'income', 'visits']);
    // A column named like an outcome (#18) is not a default feature for another target either
    // (it would leak one outcome into the other); the user can still tick it.
    expect(defaultPredictRequest(session, 'age')).toEqual({
      target: 'age',
      features: ['income', 'visits'],
      cleaning: DEFAULT_CLEANING,
      models: ['logistic', 'tree', 'forest'],
      testShare: 0.25,
      seed: 0,
      treeDepth: 5,
      trees: 100,
    });
  });
});

describe('predictOptions', () => {
  it("carries the request's settings over the models' defaults", () => {
    const options = predictOptions(
      request({ models: ['tree'], testShare: 0.3, seed: 7, treeDepth: 2, trees: 9 }),
    );
    expect(options).toMatchObject({ models: ['tree'], testShare: 0.3, seed: 7, treeDepth: 2 });
    expect(options.trees).toBe(9);
    expect(options.C).toBe(1);
  });

  it('names the setting that is wrong, in one sentence', () => {
    const unknownModel = request({ models: ['tree', 'svm' as 'tree'] });
    expect(sentenceOf(() => predictOptions(unknownModel))).toBe('classifyUnknownModel');
    for (const seed of [-1, 1.5, Number.NaN])
      expect(sentenceOf(() => predictOptions(request({ seed })))).toBe('classifySeed');
    for (const testShare of [0, 1, -0.2, Number.NaN])
      expect(sentenceOf(() => predictOptions(request({ testShare })))).toBe('classifyTestShare');
    for (const trees of [0, 2.5, 10_001])
      expect(sentenceOf(() => predictOptions(request({ trees })))).toBe('classifyTrees');
    expect(() => predictOptions(request({ trees: 10_000, testShare: 0.99 }))).not.toThrow();
  });
});
