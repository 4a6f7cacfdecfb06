import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { recommendCommand } from '../../src/cli/recommendCommand';
import { createVoice } from '../../src/cli/voice';
import { requireShared, SHARED } from './sharedData';

/**
 * The command line against scripts/reference/recommend_reference.py's figures on the one-day
 * Online Retail file (test/reference/data/recommend/day.json, the fixture recommend.test.ts
 * checks the core against): what `segmentlens recommend FILE --json` prints is what numpy/scipy
 * computed from the definitions, with the mapping the command recognises by itself.
 */
interface Figures {
  customers: number;
  hitRate: number;
  precision: number;
  recall: number;
  ndcg: number;
  map: number;
  coverage: number;
}

interface DayReference {
  n: number;
  item_k: number;
  user_k: number;
  rows_in: number;
  rows_used: number;
  customers: number;
  items: string[];
  split: {
    customersEvaluated: number;
    testItems: number;
    trainingInteractions: number;
    catalogue: number;
  };
  methods: Record<'popularity' | 'item' | 'user_cosine' | 'user_pearson', { metrics: Figures }>;
}

const reference = JSON.parse(
  readFileSync(join(import.meta.dirname, 'data', 'recommend', 'day.json'), 'utf8'),
) as DayReference;
const METRICS = ['hitRate', 'precision', 'recall', 'ndcg', 'map', 'coverage'] as const;

async function recommend(...flags: string[]) {
  let stdout = '';
  const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true } };
  const file = join(SHARED, 'datasets', 'online_retail_2010-12-01.csv');
  const code = await recommendCommand([file, '--json', ...flags], io, createVoice('en'));
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

function expectFigures(ours: Record<string, number>, theirs: Figures) {
  for (const metric of METRICS)
    expect(Math.abs(ours[metric] - theirs[metric]), metric).toBeLessThanOrEqual(1e-12);
}

beforeAll(requireShared);

describe('segmentlens recommend on the one-day file against numpy', () => {
  it('every method with the defaults (cosine between customers): the split and every metric', async () => {
    expect([reference.n, reference.item_k, reference.user_k]).toEqual([10, 20, 50]);
    const result = await recommend();
    expect(result.rows.read).toBe(reference.rows_in);
    expect(result.rows.used).toBe(reference.rows_used);
    expect(result.customers).toBe(reference.customers);
    expect(result.items).toBe(reference.items.length);
    const { split, methods } = result.evaluation;
    expect({
      customersEvaluated: split.customersEvaluated,
      testItems: split.testItems,
      trainingInteractions: split.trainingInteractions,
      catalogue: split.catalogue,
    }).toEqual(reference.split);
    expect(Object.keys(methods)).toEqual(['popularity', 'item', 'user']);
    expectFigures(methods.popularity, reference.methods.popularity.metrics);
    expectFigures(methods.item, reference.methods.item.metrics);
    expectFigures(methods.user, reference.methods.user_cosine.metrics);
  });

  it('user-based with Pearson', async () => {
    const result = await recommend('--method', 'user', '--similarity', 'pearson');
    expect(result.evaluation.split.customersEvaluated).toBe(reference.split.customersEvaluated);
    expectFigures(result.evaluation.methods.user, reference.methods.user_pearson.metrics);
  });
});
