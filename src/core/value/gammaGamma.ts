import type { StageProgress } from '../common/progress';
import { UserError } from '../common/userError';
import { DEFAULT_MINIMIZE, MAX_LOG_PARAM, minimizeFromStarts } from './optimize';
import { digamma, logGamma, logRising } from './specialFunctions';
import { message, type Message } from '../common/message';

/**
 * The Gamma-Gamma model of spend (Fader, Hardie & Lee 2005; Hardie's note 025; lifetimes'
 * `GammaGammaFitter`): a customer's purchases are Gamma(p, ν) in value, ν ~ Gamma(q, v) across
 * customers, so the mean m of x purchases has a closed-form likelihood. Fitted on the customers
 * with a repeat purchase (x > 0), whose m is the mean of their repeat purchases.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  /** Total log-likelihood over the customers fitted. */
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  reason?: Message;
  /** Customers fitted: those with frequency > 0. */
  customers: number;
}

export interface SpendHistories {
  frequency: Float64Array;
  monetary: Float64Array;
}

/** Scaled parameters beyond this factor from 1 mean the likelihood runs to a limit of the model. */
const EDGE = 1e4;

/** Fits p, q, v by maximum likelihood on the customers with frequency > 0. */
export function fitGammaGamma(
  histories: SpendHistories,
  options: { penalizer: number; maxIterations?: number } = { penalizer: 0 },
  onProgress?: StageProgress,
): GammaGammaFit {
  const data = repeatSpend(histories);
  const n = data.monetary.length;
  const { penalizer } = options;
  const objective = (logParams: Float64Array, gradient: Float64Array) =>
    gammaGammaObjective(logParams, data, penalizer, gradient);
  const starts = [
    [0.1, 0.1, 0.1],
    [Math.log(2), Math.log(3), Math.log(1)],
    [Math.log(6), Math.log(4), Math.log(0.5)],
  ];
  const { best } = minimizeFromStarts(
    objective,
    starts,
    { ...DEFAULT_MINIMIZE, maxIterations: options.maxIterations ?? DEFAULT_MINIMIZE.maxIterations },
    onProgress,
  );
  const [p, q, scaledV] = Array.from(best.x, Math.exp);
  const params = { p, q, v: scaledV / data.scale };
  let reason: Message | null = null;
  const edge = [p, q, scaledV].findIndex((value) => !(value > 1 / EDGE && value < EDGE));
  if (n < 2) {
    reason = message('spendFewRepeat', { count: n });
  } else if (edge !== -1) {
    reason = message([p, q, scaledV][edge] < 1 ? 'spendEdgeZero' : 'spendEdgeInfinity', {
      parameter: ['p', 'q', 'v'][edge],
    });
  } else if (best.status !== 'converged') {
    reason =
      best.status === 'max-iterations'
        ? message('spendMaxIterations', { count: best.iterations })
        : message('spendFlat');
  } else if (q <= 1) {
    reason = message('spendQAtMostOne', { q: Number(q.toPrecision(3)) });
  }
  return {
    ...params,
    logLikelihood:
      -gammaGammaObjective(best.x, data, 0, new Float64Array(3)) * n + n * Math.log(data.scale),
    converged: reason === null,
    iterations: best.iterations,
    ...(reason === null ? {} : { reason }),
    customers: n,
  };
}

interface RepeatSpend {
  frequency: Float64Array;
  /** Mean repeat spend, multiplied by `scale`. */
  monetary: Float64Array;
  logMonetary: Float64Array;
  /**
   * 1 / the geometric mean of m, so that v is of order 1 while fitting (the arithmetic mean
   * would let a few huge spenders push v towards the edge).
   */
  scale: number;
  /** Distinct frequencies and each customer's index among them. */
  frequencies: Float64Array;
  frequencyIndex: Int32Array;
  /** Per distinct frequency, scratch for one evaluation. */
  constant: Float64Array;
  slopeP: Float64Array;
  slopeQ: Float64Array;
}

function repeatSpend(histories: SpendHistories): RepeatSpend {
  const { frequency, monetary } = histories;
  const frequencies: number[] = [];
  const ids = new Map<number, number>();
  const index: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i];
    if (!(x > 0)) continue;
    const m = monetary[i];
    if (!(m > 0 && Number.isFinite(m))) {
      throw new Error(`customer ${i} has ${x} repeat purchases but a mean spend of ${m}`);
    }
    let id = ids.get(x);
    if (id === undefined) {
      id = frequencies.length;
      frequencies.push(x);
      ids.set(x, id);
    }
    index.push(id);
    values.push(m);
  }
  if (values.length === 0) {
    throw new UserError('no-repeat-purchases', 'valueNoRepeatSpend');
  }
  const meanLog = values.reduce((sum, m) => sum + Math.log(m), 0) / values.length;
  const scale = Math.exp(-meanLog);
  const scaled = Float64Array.from(values, (m) => m * scale);
  return {
    frequency: Float64Array.from(index, (id) => frequencies[id]),
    monetary: scaled,
    logMonetary: scaled.map(Math.log),
    scale,
    frequencies: Float64Array.from(frequencies),
    frequencyIndex: Int32Array.from(index),
    constant: new Float64Array(frequencies.length),
    slopeP: new Float64Array(frequencies.length),
    slopeQ: new Float64Array(frequencies.length),
  };
}

/**
 * Minus the mean log-likelihood in scaled money at (log p, log q, log v·scale), plus the
 * penalizer on the unscaled parameters as lifetimes has it; the gradient is by log-parameter.
 *   log L = log Γ(px + q) - log Γ(px) - log Γ(q) + q log v + (px - 1) log m + px log x
 *         - (px + q) log(x m + v)
 */
function gammaGammaObjective(
  logParams: Float64Array,
  data: RepeatSpend,
  penalizer: number,
  gradient: Float64Array,
): number {
  for (let i = 0; i < 3; i++) if (!(Math.abs(logParams[i]) <= MAX_LOG_PARAM)) return Infinity;
  const p = Math.exp(logParams[0]);
  const q = Math.exp(logParams[1]);
  const v = Math.exp(logParams[2]);
  const { frequencies, frequencyIndex, frequency, monetary, logMonetary } = data;
  const { constant, slopeP, slopeQ } = data;
  const digammaQ = digamma(q);
  for (let k = 0; k < frequencies.length; k++) {
    const x = frequencies[k];
    const px = p * x;
    constant[k] = logRising(px, q) + px * Math.log(x);
    const digammaSum = digamma(px + q);
    slopeP[k] = x * (digammaSum - digamma(px) + Math.log(x));
    slopeQ[k] = digammaSum - digammaQ;
  }
  const logV = Math.log(v);
  let total = 0;
  let gradP = 0;
  let gradQ = 0;
  let gradV = 0;
  const n = monetary.length;
  for (let i = 0; i < n; i++) {
    const k = frequencyIndex[i];
    const x = frequency[i];
    const px = p * x;
    const pooled = x * monetary[i] + v;
    const logPooled = Math.log(pooled);
    total += constant[k] + (px - 1) * logMonetary[i] - (px + q) * logPooled;
    gradP += slopeP[k] + x * (logMonetary[i] - logPooled);
    gradQ += slopeQ[k] - logPooled;
    gradV -= (px + q) / pooled;
  }
  total += n * (q * logV - logGamma(q));
  gradQ += n * logV;
  gradV += (n * q) / v;
  const unscaledV = v / data.scale;
  gradient[0] = (-p * gradP) / n + 2 * penalizer * p * p;
  gradient[1] = (-q * gradQ) / n + 2 * penalizer * q * q;
  gradient[2] = (-v * gradV) / n + 2 * penalizer * unscaledV * unscaledV;
  return -total / n + penalizer * (p * p + q * q + unscaledV * unscaledV);
}

/**
 * Expected average spend per purchase given x purchases of mean m (equation 5 of note 025): a
 * weighted mean of the customer's own m and the population mean p v / (q - 1). Throws a
 * UserError when q <= 1, where the population mean is not finite.
 */
export function expectedAverageSpend(
  params: GammaGammaParams,
  histories: SpendHistories,
): Float64Array {
  const { p, q, v } = params;
  if (!(q > 1)) {
    throw new UserError('no-average-spend', 'valueNoAverageSpend');
  }
  const populationMean = (p * v) / (q - 1);
  const { frequency, monetary } = histories;
  return Float64Array.from(frequency, (x, i) => {
    const own = (p * x) / (p * x + q - 1);
    return (1 - own) * populationMean + own * monetary[i];
  });
}

export interface SpendCorrelation {
  /** Pearson correlation of frequency and monetary value over customers with frequency > 0. */
  correlation: number | null;
  customers: number;
  /** True above 0.3 in size: Gamma-Gamma assumes spend does not depend on frequency. */
  warn: boolean;
}

/** The check lifetimes' docs ask for before trusting Gamma-Gamma. Null when undefined. */
export function frequencyMonetaryCorrelation(histories: SpendHistories): SpendCorrelation {
  const { frequency, monetary } = histories;
  let n = 0;
  let meanX = 0;
  let meanM = 0;
  for (let i = 0; i < frequency.length; i++) {
    if (!(frequency[i] > 0)) continue;
    n++;
    meanX += (frequency[i] - meanX) / n;
    meanM += (monetary[i] - meanM) / n;
  }
  let sxx = 0;
  let smm = 0;
  let sxm = 0;
  for (let i = 0; i < frequency.length; i++) {
    if (!(frequency[i] > 0)) continue;
    const dx = frequency[i] - meanX;
    const dm = monetary[i] - meanM;
    sxx += dx * dx;
    smm += dm * dm;
    sxm += dx * dm;
  }
  const correlation = n < 2 || sxx === 0 || smm === 0 ? null : sxm / Math.sqrt(sxx * smm);
  return { correlation, customers: n, warn: correlation !== null && Math.abs(correlation) > 0.3 };
}
