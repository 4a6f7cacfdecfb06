/** The command line's lines for its value command(s) (part of `cli`). */
export const cliValue = {
  valueSummary:
    '{path}: {read, number} order lines read, {used, number} used: {customers, number} customers, {repeat, number} with a repeat purchase; one purchase counted per {unit, select, days {day} weeks {week} other {{unit}}}, observed up to {end, date, minute}.',
  valueBgnbd:
    'BG/NBD (purchases and dropout): r = {r}, alpha = {alpha}, a = {a}, b = {b}; log-likelihood {logLikelihood}',
  valueGammaGamma: 'Gamma-Gamma (spend per purchase): p = {p}, q = {q}, v = {v}',
  valueNoGammaGamma: 'Gamma-Gamma (spend per purchase): not fitted.',
  valueCorrelation: 'Correlation of frequency and spend among repeat customers: {value}',
  valuePurchases: 'Expected purchases in the next {days, number} days: {purchases, number, ::.0}',
  valueTotalClv:
    'Customer lifetime value over {months, plural, one {# month} other {# months}}, discounted {discount, number, share} a month: {clv, number, ::.00} in all',
  valueBySegment: 'Value by RFM segment ({scheme}):',
  valueByCluster: 'Value by cluster of a k-means on RFM (k = {k}):',
  valueColumnCluster: 'cluster',
  valueColumnMeanPAlive: 'mean P(alive)',
  valueColumnMeanPurchases: 'mean expected purchases',
  valueColumnMeanClv: 'mean CLV',
  valueColumnShareOfValue: 'share of CLV',
  valueNoHoldout: 'Holdout check: not drawn.',
  valueHoldout:
    'Holdout check: fitted on the orders before {start, date, minute}, the model expected {predicted} repeat purchases from its {customers, number} customers up to {end, date, minute}; they made {actual, number}. Per customer, by repeat purchases before the holdout:',
  valueColumnFrequency: 'repeat purchases before',
  valueColumnActual: 'actual',
  valueColumnPredicted: 'predicted',
  valueAtRisk:
    '{count, plural, =0 {Customers at risk (repeat spend in the top quarter, P(alive) below 0.5): none.} other {Customers at risk (repeat spend in the top quarter, P(alive) below 0.5): {count, number}, most value at risk first:}}',
  valueColumnCustomer: 'customer',
  valueColumnPAlive: 'P(alive)',
  valueColumnRepeatSpend: 'repeat spend',
  valueColumnClv: 'CLV',
  wroteValue: 'Wrote value.csv and at-risk.csv to {out}',
} as const;
