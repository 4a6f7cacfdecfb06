import { describe, expect, it } from 'vitest';
import { recommendJson, recommendText } from '../../src/cli/recommendReport';
import { createVoice } from '../../src/cli/voice';
import { message } from '../../src/core/common/message';
import type { RankingMetrics } from '../../src/core/recommend/metrics';
import type { LineReport } from '../../src/core/rfm/orderLines';
import type { NamedSegmentMap } from '../../src/core/rfm/rfmSegments';
import type {
  RecommendEvaluationView,
  RecommendGroupsView,
} from '../../src/core/session/recommendSession';
import { methodName, ndcgVerdict } from '../../src/core/session/recommendVerdict';

const figures = (ndcg: number, customers = 4): RankingMetrics => ({
  customers,
  hitRate: 0.5,
  precision: 0.05,
  recall: 0.25,
  ndcg,
  map: 0.125,
  coverage: 0.75,
});

function view(ndcgs: number[]): RecommendEvaluationView {
  const methods = (['popularity', 'item', 'user'] as const).slice(0, ndcgs.length);
  return {
    options: { itemNeighbours: 20, userNeighbours: 50, similarity: 'cosine', top: 10 },
    split: {
      customers: 9,
      items: 5,
      interactions: 30,
      customersWithTwoOrders: 6,
      customersEvaluated: 4,
      testItems: 7,
      trainingInteractions: 23,
      catalogue: 5,
    },
    splitSentence: message('recommendSplit', {
      twoOrders: 6,
      customers: 9,
      evaluated: 4,
      testItems: 7,
      training: 23,
      catalogue: 5,
    }),
    methods: methods.map((method, m) => ({
      method,
      name: methodName(method),
      metrics: figures(ndcgs[m]),
    })),
    verdict: ndcgVerdict(
      methods,
      ndcgs.map((v) => figures(v)),
      10,
    ),
  };
}

const MAP: NamedSegmentMap = {
  scheme: 'rfm-mean',
  names: ['keen', 'idle'],
  cells: [0, 0, 0, 0, 1, 1, 1, 1],
};
const GROUPS: RecommendGroupsView = {
  kind: 'rfm',
  n: 10,
  methods: ['popularity', 'item', 'user'],
  groups: [
    {
      group: 0,
      name: 'keen',
      customers: 5,
      evaluated: 4,
      metrics: [figures(0.2), figures(0.3), figures(0.1)],
      verdict: ndcgVerdict(
        ['popularity', 'item', 'user'],
        [figures(0.2), figures(0.3), figures(0.1)],
        10,
      ),
    },
    {
      group: 1,
      name: message('rfmHibernating'),
      customers: 4,
      evaluated: 0,
      metrics: [null, null, null],
      verdict: ndcgVerdict(['popularity', 'item', 'user'], [null, null, null], 10),
    },
  ],
};
const REPORT: LineReport = {
  read: 40,
  used: 30,
  dropped: {
    unreadable_row: 0,
    no_customer_id: 10,
    cancellation: 0,
    unreadable_date: 0,
    missing_amount: 0,
    not_positive: 0,
  },
};

describe('recommendJson', () => {
  it('keeps keys in English, texts in the language, and the file only when one was written', () => {
    const english = recommendJson(
      REPORT,
      view([0.2, 0.3, 0.1]),
      GROUPS,
      MAP,
      null,
      createVoice('en'),
    );
    expect(english).not.toHaveProperty('recommendations');
    expect(english.evaluation.methods).toEqual({
      popularity: {
        hitRate: 0.5,
        precision: 0.05,
        recall: 0.25,
        ndcg: 0.2,
        map: 0.125,
        coverage: 0.75,
      },
      item: { hitRate: 0.5, precision: 0.05, recall: 0.25, ndcg: 0.3, map: 0.125, coverage: 0.75 },
      user: { hitRate: 0.5, precision: 0.05, recall: 0.25, ndcg: 0.1, map: 0.125, coverage: 0.75 },
    });
    expect(english.evaluation.bySegment.segments.map((s) => s.name)).toEqual([
      'keen',
      'Hibernating',
    ]);
    expect(english.evaluation.bySegment.segments[1]).toMatchObject({
      evaluated: 0,
      methods: { popularity: null, item: null, user: null },
      winner: null,
      margin: null,
    });
    const chinese = recommendJson(
      REPORT,
      view([0.2, 0.3, 0.1]),
      GROUPS,
      MAP,
      { out: 'dir', method: 'item', best: true, rows: 12 },
      createVoice('zh'),
    );
    expect(chinese.evaluation.bySegment.segments[1].name).toBe('沉睡客户');
    expect(chinese.evaluation.verdict).toMatch(/基于商品的推荐在 NDCG@10 上胜出/);
    expect(chinese.recommendations).toEqual({
      file: 'recommendations.csv',
      method: 'item',
      best: true,
      rows: 12,
    });
    expect(JSON.parse(JSON.stringify(chinese))).toEqual(chinese);
  });
});

describe('recommendText', () => {
  it('the table of every method, the winner per segment, and blanks where nobody was evaluated', () => {
    const text = recommendText(
      'f.csv',
      REPORT,
      view([0.2, 0.3, 0.1]),
      GROUPS,
      MAP,
      null,
      createVoice('en'),
    );
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'f.csv: 40 order lines read, 30 used: 9 customers, 5 products, 30 customer–product pairs',
      'Left out:',
      '         10  no customer id',
    ]);
    expect(text).toContain(
      '  Item-based            4    0.5000        0.0500     0.2500   0.3000  0.1250    0.7500',
    );
    expect(text).toContain(
      'Item-based wins on NDCG@10: 0.300 against 0.200 for best sellers (50.0% higher).',
    );
    expect(lines.find((line) => line.startsWith('  keen'))).toMatch(
      /keen\s+5\s+4\s+0\.2000\s+0\.3000\s+0\.1000\s+Item-based\s+\+0\.1000$/,
    );
    expect(lines.find((line) => line.startsWith('  Hibernating'))).toMatch(
      /Hibernating\s+4\s+0\s+-$/,
    );
    expect(text).not.toContain('Wrote');
    const written = recommendText(
      'f.csv',
      REPORT,
      view([0.2]),
      { ...GROUPS, methods: ['popularity'], groups: [] },
      MAP,
      { out: 'out', method: 'popularity', best: false, rows: 1 },
      createVoice('en'),
    );
    expect(written).toContain(
      'Wrote recommendations.csv to out: 1 row, each customer’s top 10 on the full history (method: Best sellers).',
    );
  });

  it('in Chinese, columns aligned by display width', () => {
    const text = recommendText(
      'f.csv',
      REPORT,
      view([0.2, 0.3, 0.1]),
      GROUPS,
      MAP,
      null,
      createVoice('zh'),
    );
    expect(text).toMatch(
      /方法\s+参与评估\s+命中率\s+精确率@10\s+召回率@10\s+NDCG@10\s+MAP@10\s+覆盖率/,
    );
    expect(text).toContain('沉睡客户');
    expect(text).toContain('R、F、M 与均值比较');
  });
});
