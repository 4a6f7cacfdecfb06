import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RankingMetrics } from '../../../src/core/recommend/metrics';
import {
  RECOMMEND_METHODS,
  type RecommendMethod,
} from '../../../src/core/recommend/recommendOptions';
import { bestMethod, methodName, ndcgVerdict } from '../../../src/core/session/recommendVerdict';
import { renderMessage } from '../../../src/i18n/formatMessage';

const figures = (ndcg: number): RankingMetrics => ({
  customers: 10,
  hitRate: 0,
  precision: 0,
  recall: 0,
  ndcg,
  map: 0,
  coverage: 0,
});
const ALL = RECOMMEND_METHODS;
const english = (verdict: ReturnType<typeof ndcgVerdict>) => renderMessage('en', verdict.sentence);
const chinese = (verdict: ReturnType<typeof ndcgVerdict>) => renderMessage('zh', verdict.sentence);

describe('ndcgVerdict', () => {
  it('names the winner, the runner-up and the margin, in both languages', () => {
    const verdict = ndcgVerdict(ALL, [figures(0.1), figures(0.15), figures(0.12)], 10);
    expect(verdict).toMatchObject({ winner: 'item', runnerUp: 'user' });
    expect(verdict.margin).toBeCloseTo(0.03, 15);
    expect(english(verdict)).toBe(
      'Item-based wins on NDCG@10: 0.150 against 0.120 for user-based (25.0% higher) and 0.100 for best sellers.',
    );
    expect(chinese(verdict)).toBe(
      '基于商品的推荐在 NDCG@10 上胜出：0.150，基于客户的推荐为 0.120（高 25.0%），热门商品为 0.100。',
    );
  });

  it('names best sellers’ figure only when they are neither the winner nor the runner-up', () => {
    const overBaseline = ndcgVerdict(ALL, [figures(0.1), figures(0.3), figures(0.2)], 10);
    expect(english(overBaseline)).toMatch(
      /against 0\.200 for user-based \(50\.0% higher\) and 0\.100 for best sellers\.$/,
    );
    const againstBaseline = ndcgVerdict(ALL, [figures(0.2), figures(0.3), figures(0.1)], 10);
    expect(english(againstBaseline)).toBe(
      'Item-based wins on NDCG@10: 0.300 against 0.200 for best sellers (50.0% higher).',
    );
    const unmeasured = ndcgVerdict(ALL, [null, figures(0.3), figures(0.2)], 10);
    expect(english(unmeasured)).toMatch(/\(50\.0% higher\)\.$/);
    const notAsked = ndcgVerdict(['item', 'user'], [figures(0.3), figures(0.2)], 10);
    expect(english(notAsked)).toMatch(/\(50\.0% higher\)\.$/);
  });

  it('calls equal figures a tie, and nothing a winner when no method hits', () => {
    const tie = ndcgVerdict(ALL, [figures(0.2), figures(0.1), figures(0.2)], 5);
    expect(tie).toMatchObject({ winner: null, runnerUp: 'user', margin: 0 });
    expect(english(tie)).toBe('Best sellers and user-based tie on NDCG@5 at 0.200.');
    const none = ndcgVerdict(ALL, [figures(0), figures(0), figures(0)], 10);
    expect(none).toMatchObject({ winner: null, margin: 0 });
    expect(english(none)).toBe(
      'No method places a held-out product in the top 10 for these customers.',
    );
  });

  it('says when the winner is the only method with a hit (no ratio to a zero)', () => {
    const verdict = ndcgVerdict(ALL, [figures(0.05), figures(0), figures(0)], 10);
    expect(verdict).toMatchObject({ winner: 'popularity', runnerUp: 'item', margin: 0.05 });
    expect(english(verdict)).toBe(
      'Best sellers wins on NDCG@10 with 0.050: no other method places a held-out product in the top 10.',
    );
  });

  it('with one method measured: that method, no runner-up, no margin', () => {
    const verdict = ndcgVerdict(['user'], [figures(0.3)], 10);
    expect(verdict).toMatchObject({ winner: 'user', runnerUp: null, margin: null });
    expect(english(verdict)).toBe('User-based: NDCG@10 0.300 (the only method measured).');
  });

  it('leaves out methods without figures, and says so when no customer is measured', () => {
    const none = ndcgVerdict(ALL, [null, null, null], 10);
    expect(none).toMatchObject({ winner: null, runnerUp: null, margin: null });
    expect(english(none)).toMatch(/No customer here can be measured/);
  });

  it('names each method in both languages', () => {
    expect(ALL.map((m) => renderMessage('en', methodName(m)))).toEqual([
      'Best sellers',
      'Item-based',
      'User-based',
    ]);
    expect(ALL.map((m) => renderMessage('zh', methodName(m)))).toEqual([
      '热门商品',
      '基于商品',
      '基于客户',
    ]);
  });

  it('the winner has the highest NDCG, wins by its margin over every other, and every sentence renders', () => {
    const ndcg = fc.oneof(
      fc.constant(0),
      fc.constant(0.25),
      fc.double({ min: 0, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.option(ndcg, { nil: null }), { minLength: 3, maxLength: 3 }),
        (values) => {
          const methods: RecommendMethod[] = [...ALL];
          const verdict = ndcgVerdict(
            methods,
            values.map((v) => (v === null ? null : figures(v))),
            10,
          );
          const known = values.filter((v): v is number => v !== null);
          expect(english(verdict).length).toBeGreaterThan(0);
          expect(chinese(verdict).length).toBeGreaterThan(0);
          if (verdict.winner === null) {
            const top = known.length === 0 ? 0 : Math.max(...known);
            expect(top === 0 || known.filter((v) => v === top).length > 1).toBe(true);
            return;
          }
          const best = values[methods.indexOf(verdict.winner)]!;
          for (const other of known) expect(best).toBeGreaterThanOrEqual(other);
          if (verdict.margin !== null) {
            expect(verdict.margin).toBeGreaterThan(0);
            expect(verdict.margin).toBe(best - values[methods.indexOf(verdict.runnerUp!)]!);
          }
        },
      ),
    );
  });
});

describe('bestMethod', () => {
  const methods = (ndcgs: number[]) =>
    (['popularity', 'item', 'user'] as const)
      .slice(0, ndcgs.length)
      .map((method, m) => ({ method, metrics: { ndcg: ndcgs[m] } }));

  it('the highest NDCG; the earlier method on a tie, best sellers when nothing hits', () => {
    expect(bestMethod(methods([0.1, 0.3, 0.2]))).toBe('item');
    expect(bestMethod(methods([0.1, 0.3, 0.3]))).toBe('item');
    expect(bestMethod(methods([0.1, 0.2, 0.3]))).toBe('user');
    expect(bestMethod(methods([0, 0, 0]))).toBe('popularity');
    expect(bestMethod(methods([0.4]))).toBe('popularity');
  });
});
