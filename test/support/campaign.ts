import { DEFAULT_CLEANING } from '../../src/core/clean/cleanOptions';
import { createRandom } from '../../src/core/common/random';
import type { PredictRequest } from '../../src/core/session/predictRequest';

/**
 * Customers and a campaign: who responded (0/1, some blank), the same as Yes/no, a tier of three
 * classes, a constant and an identifier column; a repeated row and a missing income.
 */
export function campaignCsv(rows: number, seed = 1): string {
  const random = createRandom(seed);
  const lines = ['id,age,income,visits,region,response,answer,tier,country'];
  for (let i = 0; i < rows; i++) {
    const age = 18 + random.int(60);
    const income = 20 + random.int(100);
    const visits = random.int(15);
    const region = ['North', 'South', 'East'][random.int(3)];
    const score = income / 40 + visits / 5 - age / 30 + random.next() * 1.5;
    const response = score > 2.4 ? 1 : 0;
    const tier = score > 3 ? 'gold' : score > 1.8 ? 'silver' : 'bronze';
    const blank = i % 37 === 5;
    lines.push(
      [
        `C${1000 + i}`,
        age,
        i === 11 ? '' : income,
        visits,
        region,
        blank ? '' : response,
        blank ? '' : response ? 'Yes' : 'no',
        tier,
        'NL',
      ].join(','),
    );
  }
  lines.push(lines[lines.length - 1]);
  return lines.join('\n');
}

/** Predicting the campaign's response from four columns with the three models, quickly (20 trees). */
export function campaignPredictRequest(overrides: Partial<PredictRequest> = {}): PredictRequest {
  return {
    target: 'response',
    features: ['age', 'income', 'visits', 'region'],
    cleaning: DEFAULT_CLEANING,
    models: ['logistic', 'tree', 'forest'],
    testShare: 0.25,
    seed: 0,
    treeDepth: 5,
    trees: 20,
    ...overrides,
  };
}
