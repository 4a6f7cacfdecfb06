/** The command line's lines for its recommend command(s) (part of `cli`). */
export const cliRecommend = {
  recommendSummary:
    '{path}: {read, number} order lines read, {used, number} used: {customers, number} customers, {items, number} products, {interactions, number} customer–product pairs',
  recommendSettings:
    'Top {n} per customer; {itemNeighbours, number} neighbours per product (cosine), {userNeighbours, number} per customer ({similarity, select, pearson {Pearson} other {cosine}}).',
  recommendColumnMethod: 'method',
  recommendColumnEvaluated: 'evaluated',
  recommendColumnHitRate: 'hit rate',
  recommendColumnPrecision: 'precision@{n}',
  recommendColumnRecall: 'recall@{n}',
  recommendColumnNdcg: 'NDCG@{n}',
  recommendColumnMap: 'MAP@{n}',
  recommendColumnCoverage: 'coverage',
  recommendColumnWinner: 'winner',
  recommendColumnMargin: 'margin',
  recommendNoWinner: '-',
  recommendBySegment:
    'NDCG@{n} per named segment ({scheme, select, mean {R, F and M against the mean} other {R-by-F grid}}), on the customers of each that are evaluated:',
  recommendWrote:
    'Wrote recommendations.csv to {out}: {rows, plural, one {# row} other {# rows}}, each customer’s top {n} on the full history (method: {method}).',
  recommendWroteBest:
    'Wrote recommendations.csv to {out}: {rows, plural, one {# row} other {# rows}}, each customer’s top {n} on the full history (method: {method}, the best on NDCG@{n}).',
} as const;
