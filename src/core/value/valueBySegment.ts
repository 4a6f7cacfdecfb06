import { quantile } from '../common/quantiles';

/** Per customer, what the value models say (arrays over the same customers). */
export interface CustomerScores {
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  clv: Float64Array;
}

export interface GroupValue {
  customers: number;
  /** Means over the group's customers; null for an empty group. */
  meanPAlive: number | null;
  meanExpectedPurchases: number | null;
  meanClv: number | null;
  totalClv: number;
  /** The group's share of the total expected value (CLV) of all grouped customers; 0 if none. */
  shareOfValue: number;
}

/**
 * Value per group (an RFM segment, a cluster): `groupOf[i]` is customer i's group in
 * 0..groupCount-1; customers with another id (such as -1) belong to none and are not counted.
 */
export function valueByGroup(
  groupOf: ArrayLike<number>,
  groupCount: number,
  scores: CustomerScores,
): GroupValue[] {
  const customers = new Float64Array(groupCount);
  const pAlive = new Float64Array(groupCount);
  const purchases = new Float64Array(groupCount);
  const clv = new Float64Array(groupCount);
  for (let i = 0; i < groupOf.length; i++) {
    const group = groupOf[i];
    if (!(group >= 0 && group < groupCount && Number.isInteger(group))) continue;
    customers[group]++;
    pAlive[group] += scores.pAlive[i];
    purchases[group] += scores.expectedPurchases[i];
    clv[group] += scores.clv[i];
  }
  const total = clv.reduce((sum, value) => sum + value, 0);
  return Array.from({ length: groupCount }, (_, g) => {
    const n = customers[g];
    return {
      customers: n,
      meanPAlive: n === 0 ? null : pAlive[g] / n,
      meanExpectedPurchases: n === 0 ? null : purchases[g] / n,
      meanClv: n === 0 ? null : clv[g] / n,
      totalClv: clv[g],
      shareOfValue: total > 0 ? clv[g] / total : 0,
    };
  });
}

export interface AtRiskOptions {
  /** High value: repeat spend so far at or above this quantile of repeat customers' (0.75). */
  valueQuantile: number;
  /** Low P(alive): below this (0.5, more likely gone than not). */
  maxPAlive: number;
}

export const DEFAULT_AT_RISK: AtRiskOptions = { valueQuantile: 0.75, maxPAlive: 0.5 };

export interface AtRisk {
  /** Customers (indices into the histories), the most value at risk first. */
  customers: Int32Array;
  /** Repeat spend so far of each customer listed, and the value it took to be listed. */
  pastValue: Float64Array;
  valueThreshold: number;
  maxPAlive: number;
}

/**
 * "Customers at risk": customers worth keeping who may be leaving. High value is what they
 * spent in their repeat purchases so far (frequency x monetary value), at or above the 75th
 * percentile among customers with a repeat purchase; low P(alive) is below 0.5. Only repeat
 * customers can qualify: BG/NBD gives one-time buyers P(alive) = 1. Ordered by value at risk,
 * past value x (1 - P(alive)), largest first.
 */
export function customersAtRisk(
  histories: { frequency: Float64Array; monetary: Float64Array },
  pAlive: Float64Array,
  options: AtRiskOptions = DEFAULT_AT_RISK,
): AtRisk {
  const { frequency, monetary } = histories;
  const repeatValues = new Float64Array(frequency.length);
  let repeat = 0;
  for (let i = 0; i < frequency.length; i++) {
    if (frequency[i] > 0) repeatValues[repeat++] = frequency[i] * monetary[i];
  }
  if (repeat === 0) {
    return {
      customers: new Int32Array(0),
      pastValue: new Float64Array(0),
      valueThreshold: Infinity,
      maxPAlive: options.maxPAlive,
    };
  }
  const valueThreshold = quantile(repeatValues, options.valueQuantile, repeat);
  const chosen: number[] = [];
  for (let i = 0; i < frequency.length; i++) {
    const past = frequency[i] * monetary[i];
    if (frequency[i] > 0 && past >= valueThreshold && pAlive[i] < options.maxPAlive) chosen.push(i);
  }
  const atRisk = (i: number) => frequency[i] * monetary[i] * (1 - pAlive[i]);
  chosen.sort((a, b) => atRisk(b) - atRisk(a) || a - b);
  return {
    customers: Int32Array.from(chosen),
    pastValue: Float64Array.from(chosen, (i) => frequency[i] * monetary[i]),
    valueThreshold,
    maxPAlive: options.maxPAlive,
  };
}
