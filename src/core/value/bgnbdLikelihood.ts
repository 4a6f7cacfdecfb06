import { MAX_LOG_PARAM } from './optimize';
import { digamma, logRising } from './specialFunctions';
import type { PurchaseHistories } from './summary';

/**
 * The BG/NBD log-likelihood (Fader, Hardie & Lee 2005, section 7; lifetimes'
 * `BetaGeoFitter._negative_log_likelihood`), evaluated on the distinct (frequency, recency, T)
 * patterns with their counts, so that a million customers cost what their few hundred thousand
 * distinct histories cost. Per customer with x repeat purchases, last at t_x, observed for T:
 *   log L = log Γ(r + x) - log Γ(r) + r log α + log B(a, b + x) - log B(a, b)
 *         + log( (α + T)^-(r+x) + [x > 0] a / (b + x - 1) (α + t_x)^-(r+x) ).
 */
export interface BgNbdPatterns {
  customers: number;
  /** Customers per pattern. */
  weight: Float64Array;
  /** Per pattern, its frequency (an index into `frequencies`) and times (indices into `times`). */
  frequencyIndex: Int32Array;
  recencyIndex: Int32Array;
  ageIndex: Int32Array;
  frequencies: Float64Array;
  /** Distinct recency and T values, multiplied by `scale`. */
  times: Float64Array;
  /** 1 / the longest T: the fit works in this time unit, as lifetimes does, for conditioning. */
  scale: number;
  /** Customers with at least one repeat purchase. */
  repeatCustomers: number;
  /** Sum of frequency over customers. */
  totalFrequency: number;
}

/** Groups identical histories. The caller has checked the figures (see checkHistories). */
export function compressHistories(histories: PurchaseHistories): BgNbdPatterns {
  const { frequency, recency, T } = histories;
  const n = frequency.length;
  let longest = 0;
  for (let i = 0; i < n; i++) longest = Math.max(longest, T[i]);
  const scale = 1 / longest;
  const frequencyIds = new Map<number, number>();
  const timeIds = new Map<number, number>();
  const patternIds = new Map<number, Map<number, Map<number, number>>>();
  const frequencies: number[] = [];
  const times: number[] = [];
  const weights: number[] = [];
  const frequencyIndex: number[] = [];
  const recencyIndex: number[] = [];
  const ageIndex: number[] = [];
  const idOf = (ids: Map<number, number>, values: number[], value: number): number => {
    let id = ids.get(value);
    if (id === undefined) {
      id = values.length;
      values.push(value);
      ids.set(value, id);
    }
    return id;
  };
  let repeatCustomers = 0;
  let totalFrequency = 0;
  for (let i = 0; i < n; i++) {
    const x = frequency[i];
    if (x > 0) repeatCustomers++;
    totalFrequency += x;
    let byRecency = patternIds.get(x);
    if (byRecency === undefined) patternIds.set(x, (byRecency = new Map()));
    let byAge = byRecency.get(recency[i]);
    if (byAge === undefined) byRecency.set(recency[i], (byAge = new Map()));
    const pattern = byAge.get(T[i]);
    if (pattern !== undefined) {
      weights[pattern]++;
      continue;
    }
    byAge.set(T[i], weights.length);
    weights.push(1);
    frequencyIndex.push(idOf(frequencyIds, frequencies, x));
    recencyIndex.push(idOf(timeIds, times, recency[i]));
    ageIndex.push(idOf(timeIds, times, T[i]));
  }
  return {
    customers: n,
    weight: Float64Array.from(weights),
    frequencyIndex: Int32Array.from(frequencyIndex),
    recencyIndex: Int32Array.from(recencyIndex),
    ageIndex: Int32Array.from(ageIndex),
    frequencies: Float64Array.from(frequencies),
    times: Float64Array.from(times, (t) => t * scale),
    scale,
    repeatCustomers,
    totalFrequency,
  };
}

/** Scratch arrays for one fit, so evaluations allocate nothing. */
export interface LikelihoodScratch {
  logGammaR: Float64Array;
  logBetaRatio: Float64Array;
  logDropout: Float64Array;
  digammaR: Float64Array;
  digammaB: Float64Array;
  digammaAB: Float64Array;
  logTime: Float64Array;
  inverseTime: Float64Array;
}

export function likelihoodScratch(patterns: BgNbdPatterns): LikelihoodScratch {
  const f = patterns.frequencies.length;
  const t = patterns.times.length;
  return {
    logGammaR: new Float64Array(f),
    logBetaRatio: new Float64Array(f),
    logDropout: new Float64Array(f),
    digammaR: new Float64Array(f),
    digammaB: new Float64Array(f),
    digammaAB: new Float64Array(f),
    logTime: new Float64Array(t),
    inverseTime: new Float64Array(t),
  };
}

/**
 * lifetimes' objective: minus the mean log-likelihood per customer in scaled time, at
 * log-parameters (log r, log α·scale, log a, log b), plus penalizer x the sum of squared
 * parameters. Writes the gradient with respect to the log-parameters when one is given.
 */
export function bgNbdObjective(
  logParams: Float64Array,
  patterns: BgNbdPatterns,
  penalizer: number,
  scratch: LikelihoodScratch,
  gradient?: Float64Array,
): number {
  for (let i = 0; i < 4; i++) if (!(Math.abs(logParams[i]) <= MAX_LOG_PARAM)) return Infinity;
  const r = Math.exp(logParams[0]);
  const alpha = Math.exp(logParams[1]);
  const a = Math.exp(logParams[2]);
  const b = Math.exp(logParams[3]);
  const { frequencies, times } = patterns;
  const { logGammaR, logBetaRatio, logDropout, digammaR, digammaB, digammaAB } = scratch;
  const { logTime, inverseTime } = scratch;
  const withGradient = gradient !== undefined;
  const digammaOfR = withGradient ? digamma(r) : 0;
  const digammaOfB = withGradient ? digamma(b) : 0;
  const digammaOfAB = withGradient ? digamma(a + b) : 0;
  for (let k = 0; k < frequencies.length; k++) {
    const x = frequencies[k];
    if (x === 0) {
      // B(a, b + 0) / B(a, b) = 1 and there is no dropout term.
      logGammaR[k] = 0;
      logBetaRatio[k] = 0;
      logDropout[k] = 0;
    } else {
      logGammaR[k] = logRising(r, x);
      // log B(a, b + x) - log B(a, b).
      logBetaRatio[k] = logRising(b, x) - logRising(a + b, x);
      logDropout[k] = Math.log(a) - Math.log(b + x - 1);
    }
    if (withGradient) {
      digammaR[k] = x === 0 ? 0 : digamma(r + x) - digammaOfR;
      digammaB[k] = x === 0 ? 0 : digamma(b + x) - digammaOfB;
      digammaAB[k] = x === 0 ? 0 : digammaOfAB - digamma(a + b + x);
    }
  }
  for (let k = 0; k < times.length; k++) {
    logTime[k] = Math.log(alpha + times[k]);
    inverseTime[k] = 1 / (alpha + times[k]);
  }
  const logAlpha = Math.log(alpha);
  const { weight, frequencyIndex, recencyIndex, ageIndex } = patterns;
  let total = 0;
  let gradR = 0;
  let gradAlpha = 0;
  let gradA = 0;
  let gradB = 0;
  for (let p = 0; p < weight.length; p++) {
    const f = frequencyIndex[p];
    const x = frequencies[f];
    const age = ageIndex[p];
    const shape = r + x;
    const stillAlive = -shape * logTime[age];
    let mix = stillAlive;
    if (x > 0) {
      const last = recencyIndex[p];
      const droppedOut = logDropout[f] - shape * logTime[last];
      // log(e^A3 + e^A4) = A3 + log(1 + e^(A4 - A3)), from the larger side to avoid overflow;
      // the dropout branch's share drives the gradient.
      const difference = droppedOut - stillAlive;
      const ratio = Math.exp(-Math.abs(difference));
      let dropWeight: number;
      if (difference <= 0) {
        mix = stillAlive + Math.log1p(ratio);
        dropWeight = ratio / (1 + ratio);
      } else {
        mix = droppedOut + Math.log1p(ratio);
        dropWeight = 1 / (1 + ratio);
      }
      if (withGradient) {
        const w = weight[p];
        const aliveWeight = 1 - dropWeight;
        gradR -= w * (aliveWeight * logTime[age] + dropWeight * logTime[last]);
        gradAlpha -= w * shape * (aliveWeight * inverseTime[age] + dropWeight * inverseTime[last]);
        gradA += w * (digammaAB[f] + dropWeight / a);
        gradB += w * (digammaB[f] + digammaAB[f] - dropWeight / (b + x - 1));
        gradR += w * digammaR[f];
      }
    } else if (withGradient) {
      const w = weight[p];
      gradR -= w * logTime[age];
      gradAlpha -= w * shape * inverseTime[age];
    }
    total += weight[p] * (logGammaR[f] + logBetaRatio[f] + mix);
  }
  const customers = patterns.customers;
  total += customers * r * logAlpha;
  const penalty = penalizer * (r * r + alpha * alpha + a * a + b * b);
  if (gradient !== undefined) {
    gradR += customers * logAlpha;
    gradAlpha += (customers * r) / alpha;
    // Chain rule to log-parameters, sign to the negative mean, plus the penalty's 2 θ².
    gradient[0] = (-r * gradR) / customers + 2 * penalizer * r * r;
    gradient[1] = (-alpha * gradAlpha) / customers + 2 * penalizer * alpha * alpha;
    gradient[2] = (-a * gradA) / customers + 2 * penalizer * a * a;
    gradient[3] = (-b * gradB) / customers + 2 * penalizer * b * b;
  }
  return -total / customers + penalty;
}

/** Model parameters in the unit of the histories. */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * The total log-likelihood of the histories at the parameters, in their own time unit (the
 * figure papers quote: -9582.4 for CDNOW in weeks).
 */
export function bgNbdLogLikelihood(params: BgNbdParams, histories: PurchaseHistories): number {
  return patternLogLikelihood(params, compressHistories(histories));
}

/** bgNbdLogLikelihood on histories already grouped. */
export function patternLogLikelihood(params: BgNbdParams, patterns: BgNbdPatterns): number {
  const logParams = Float64Array.of(
    Math.log(params.r),
    Math.log(params.alpha * patterns.scale),
    Math.log(params.a),
    Math.log(params.b),
  );
  const scaledMean = bgNbdObjective(logParams, patterns, 0, likelihoodScratch(patterns));
  // Scaling time by s multiplies each customer's likelihood by s^x: undo it.
  return -scaledMean * patterns.customers + patterns.totalFrequency * Math.log(patterns.scale);
}
