import { describe, expect, it } from 'vitest';
import {
  encodeClasses,
  MODEL_KINDS,
  MODEL_LABELS,
  positiveClass,
  predictModels,
  type PredictInput,
} from '../../../src/core/classify/predictModels';
import { PART_NONE, PART_TEST } from '../../../src/core/classify/stratifiedSplit';
import { createRandom } from '../../../src/core/common/random';
import { isUserError } from '../../../src/core/common/userError';
import { WorkCancelled } from '../../../src/core/classify/cancel';
import { englishText, renderMessage } from '../../../src/i18n/formatMessage';

/** Customers who respond more with higher spend and recent visits; `classes` levels of it. */
function customers(n: number, levels: number, seed = 1): PredictInput {
  const random = createRandom(seed);
  const d = 4;
  const matrix = new Float64Array(n * d);
  const target = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const spend = random.next() * 1000;
    const recency = random.int(100);
    const visits = random.int(12);
    matrix.set([spend, recency, visits, random.next()], i * d);
    const score = spend / 1000 - recency / 100 + visits / 24 + random.next() * 0.8;
    target[i] = Math.max(0, Math.min(levels - 1, Math.floor(((score + 1) / 2.8) * levels)));
  }
  const classes = Array.from({ length: levels }, (_, c) => String(c));
  return { matrix, n, d, target, classes };
}

function expectUserError(run: () => unknown, code: string, message?: RegExp) {
  try {
    run();
    expect.unreachable();
  } catch (error) {
    expect(isUserError(error)).toBe(true);
    expect((error as { code: string }).code).toBe(code);
    if (message) expect((error as Error).message).toMatch(message);
  }
}

describe('predictModels', () => {
  const input = customers(1200, 2);
  const result = predictModels(input, { trees: 20 });

  it('trains the three models on one stratified split and reports the test figures', () => {
    expect(result.models.map((m) => m.model)).toEqual(MODEL_KINDS);
    expect(result.positive).toBe(1);
    expect(result.split.test.length).toBeGreaterThan(280);
    expect(result.split.test.length).toBeLessThan(320);
    for (const model of result.models) {
      const { report, confusion } = model;
      expect(report.total).toBe(result.split.test.length);
      expect(Array.from(confusion).reduce((a, b) => a + b, 0)).toBe(result.split.test.length);
      expect(model.accuracy).toBe(report.accuracy);
      expect(model.precision).toBe(report.precision[1]);
      expect(model.recall).toBe(report.recall[1]);
      expect(model.f1).toBe(report.f1[1]);
      expect(model.accuracy).toBeGreaterThan(0.7);
      expect(model.rocAuc).toBeGreaterThan(0.75);
      expect(model.rocAuc).toBeLessThanOrEqual(1);
      expect(model.roc!.truePositiveRate.at(-1)).toBe(1);
      expect(model.importances.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      // The noise feature matters least to every model.
      expect(model.importances[3]).toBe(Math.min(...model.importances));
    }
  });

  it("gives every row a prediction and the positive class's probability", () => {
    for (const model of result.models) {
      expect(model.prediction).toHaveLength(1200);
      for (let i = 0; i < 1200; i++) {
        expect(model.probability[i]).toBe(model.probabilities[i * 2 + 1]);
        expect(model.probability[i]).toBeGreaterThanOrEqual(0);
        expect(model.probability[i]).toBeLessThanOrEqual(1);
      }
    }
    const logistic = result.models[0];
    for (let i = 0; i < 1200; i++)
      expect(logistic.prediction[i]).toBe(logistic.probability[i] > 0.5 ? 1 : 0);
  });

  it('is the same for the same seed', () => {
    const again = predictModels(input, { trees: 20 });
    result.models.forEach((model, m) => {
      expect(Array.from(again.models[m].probability)).toEqual(Array.from(model.probability));
    });
  });

  it('reports macro averages and no ROC for more than two classes, and the predicted class probability', () => {
    const three = predictModels(customers(900, 3), { models: ['tree', 'logistic'] });
    expect(three.positive).toBeNull();
    expect(three.models.map((m) => m.model)).toEqual(['logistic', 'tree']);
    for (const model of three.models) {
      expect(model.precision).toBe(model.report.macro.precision);
      expect(model.rocAuc).toBeNull();
      expect(model.roc).toBeNull();
      expect(model.thresholds).toBeNull();
      for (let i = 0; i < 900; i++)
        expect(model.probability[i]).toBe(model.probabilities[i * 3 + model.prediction[i]]);
    }
    expect(three.logistic!.coefficientRows).toBe(3);
    expect(Math.max(...three.tree!.depth)).toBeLessThanOrEqual(5);
  });

  it('predicts rows whose target is missing without training or testing on them', () => {
    const withGaps = customers(400, 2, 3);
    withGaps.target[5] = -1;
    withGaps.target[17] = -1;
    const gaps = predictModels(withGaps, { models: ['logistic'] });
    expect(gaps.split.part[5]).toBe(PART_NONE);
    expect(gaps.split.train.length + gaps.split.test.length).toBe(398);
    expect([0, 1]).toContain(gaps.models[0].prediction[17]);
  });

  it('reports progress per model, ending each at 1', () => {
    const seen = new Map<string, number[]>();
    predictModels(customers(300, 2), { trees: 5 }, (model, fraction) => {
      seen.set(model, [...(seen.get(model) ?? []), fraction]);
    });
    expect([...seen.keys()]).toEqual(MODEL_KINDS);
    for (const fractions of seen.values()) {
      expect(fractions.at(-1)).toBe(1);
      expect(fractions.length).toBeLessThanOrEqual(40);
      for (let i = 1; i < fractions.length; i++)
        expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
    }
  });

  it('refuses a target of one class, a class of one row, no feature, and bad settings', () => {
    const base = customers(50, 2);
    expectUserError(
      () => predictModels({ ...base, target: new Int32Array(50) }),
      'single-class',
      /one value \("0"\)/,
    );
    const rare = base.target.slice();
    rare.fill(0);
    rare[3] = 1;
    expectUserError(
      () => predictModels({ ...base, target: rare }),
      'rare-class',
      /"1" occurs on 1 row/,
    );
    expectUserError(
      () => predictModels({ ...base, d: 0, matrix: new Float64Array(0) }),
      'no-features',
    );
    expectUserError(() => predictModels(base, { treeDepth: 0 }), 'bad-option', /tree depth/);
    expectUserError(() => predictModels(base, { models: [] }), 'bad-option');
    expectUserError(() => predictModels(base, { testShare: 1 }), 'bad-option');
    expectUserError(() => predictModels(base, { trees: 0 }), 'bad-option');
  });

  it('keeps the test rows of each class in proportion', () => {
    const test = Array.from(result.split.part).filter((p) => p === PART_TEST).length;
    const positives = input.target.reduce((a, b) => a + b, 0);
    const testPositives = Array.from(result.split.test).filter((i) => input.target[i] === 1).length;
    expect(testPositives).toBe(Math.round(positives * 0.25));
    expect(test).toBe(result.split.test.length);
  });
});

describe('encodeClasses', () => {
  it('orders numbers numerically, one class per number, and marks blanks missing', () => {
    const { codes, classes } = encodeClasses(['10', '2', '', '1.0', '1', ' 2 ']);
    expect(classes).toEqual(['1.0', '2', '10']);
    expect(Array.from(codes)).toEqual([2, 1, -1, 0, 0, 1]);
  });

  it('orders texts as numpy does, so that "Yes" is the positive class of No/Yes', () => {
    const { codes, classes } = encodeClasses(['Yes', 'No', 'No', 'yes']);
    expect(classes).toEqual(['No', 'Yes', 'yes']);
    expect(Array.from(codes)).toEqual([1, 0, 0, 2]);
    expect(encodeClasses(['no', 'yes']).classes[1]).toBe('yes');
  });
});

describe('cancelling predictModels', () => {
  it('stops between models and between trees, and runs to the end when never cancelled', () => {
    const input = customers(400, 2, 4);
    const seen: string[] = [];
    let cancelAfter = 'logistic';
    const run = () =>
      predictModels(
        input,
        { trees: 10 },
        (model, f) => {
          if (f === 1) seen.push(model);
        },
        () => seen.includes(cancelAfter),
      );
    expect(run).toThrow(WorkCancelled);
    expect(seen).toEqual(['logistic']);
    seen.length = 0;
    cancelAfter = 'never';
    expect(run().models).toHaveLength(3);
    // Within the forest: cancelled after its third tree.
    let trees = 0;
    expect(() =>
      predictModels(
        input,
        { models: ['forest'], trees: 10 },
        (_, f) => {
          if (f > 0.05 && f < 1) trees++;
        },
        () => trees >= 3,
      ),
    ).toThrow(WorkCancelled);
    expect(trees).toBe(3);
  });
});

describe('positiveClass', () => {
  it('is the larger of two numbers, the one that says yes, or else the second', () => {
    expect(positiveClass(['0', '1'])).toBe(1);
    expect(positiveClass(['1', '2'])).toBe(1);
    expect(positiveClass(['No', 'Yes'])).toBe(1);
    expect(positiveClass(['Yes', 'no'])).toBe(0);
    expect(positiveClass(['TRUE', 'false'])).toBe(0);
    expect(positiveClass(['N', 'Y'])).toBe(1);
    expect(positiveClass(['active', 'churned'])).toBe(1);
    expect(positiveClass(['yes', 'y'])).toBe(1);
    expect(positiveClass(['a', 'b', 'c'])).toBeNull();
    expect(positiveClass(['a'])).toBeNull();
  });
});

describe('MODEL_LABELS', () => {
  it('names the models as messages, in English and Chinese', () => {
    expect(MODEL_KINDS.map((kind) => englishText(MODEL_LABELS[kind]))).toEqual([
      'Logistic regression',
      'Decision tree',
      'Random forest',
    ]);
    expect(MODEL_KINDS.map((kind) => renderMessage('zh', MODEL_LABELS[kind]))).toEqual([
      '逻辑回归',
      '决策树',
      '随机森林',
    ]);
  });
});
