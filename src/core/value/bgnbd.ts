import type { StageProgress } from '../common/progress';
import { UserError } from '../common/userError';
import {
  bgNbdObjective,
  compressHistories,
  likelihoodScratch,
  patternLogLikelihood,
  type BgNbdParams,
} from './bgnbdLikelihood';
import { DEFAULT_MINIMIZE, minimizeFromStarts, type MinimizeResult } from './optimize';
import { aliveExpectedPurchases } from './bgnbdExpectation';
import type { PurchaseHistories, ValueUnit } from './summary';
import { message, type Message } from '../common/message';

export type { BgNbdParams } from './bgnbdLikelihood';
export { aliveExpectedPurchases } from './bgnbdExpectation';

/**
 * BG/NBD (Fader, Hardie & Lee 2005): while alive a customer buys at rate λ ~ Gamma(r, α), and
 * after each purchase drops out with probability p ~ Beta(a, b). Fitted by maximum likelihood
 * as lifetimes' `BetaGeoFitter` (log-parameters, time scaled to the longest history), and
 * scored per customer: P(alive) and expected purchases in the next t periods.
 */
export interface BgNbdFit extends BgNbdParams {
  /** Total log-likelihood of the histories at the estimate, in their time unit. */
  logLikelihood: number;
  converged: boolean;
  /** BFGS iterations of the winning start. */
  iterations: number;
  /** Why the fit did not converge, in one sentence (only when it did not). */
  reason?: Message;
  customers: number;
  repeatCustomers: number;
}

export interface BgNbdOptions {
  /** lifetimes' penalizer_coef: adds penalizer x the sum of squared (scaled) parameters. */
  penalizer: number;
  /** BFGS iterations per start. */
  maxIterations?: number;
  /** The period purchases were counted in, for the advice when nothing can be fitted (days). */
  unit?: ValueUnit;
}

/** Scaled parameters beyond this factor from 1 mean the likelihood runs to a limit of the model. */
const EDGE = 1e4;
/** Fewer repeat customers than this cannot say much about how customers stop buying. */
const FEW_REPEAT_CUSTOMERS = 30;

/**
 * Fits r, α, a, b by maximum likelihood from several starts (lifetimes' own start among them).
 * Throws a UserError when nothing can be fitted (no customer, no repeat purchase); reports
 * `converged: false` with a reason when the estimate is not a proper maximum.
 */
export function fitBgNbd(
  histories: PurchaseHistories,
  options: BgNbdOptions = { penalizer: 0 },
  onProgress?: StageProgress,
): BgNbdFit {
  checkHistories(histories);
  const patterns = compressHistories(histories);
  if (patterns.repeatCustomers === 0) {
    throw new UserError('no-repeat-purchases', 'valueNoRepeat', { unit: options.unit ?? 'days' });
  }
  const scratch = likelihoodScratch(patterns);
  const penalizer = options.penalizer;
  const objective = (logParams: Float64Array, gradient: Float64Array) =>
    bgNbdObjective(logParams, patterns, penalizer, scratch, gradient);
  const starts = [
    [0.1, 0.1, 0.1, 0.1],
    [Math.log(0.25), Math.log(0.1), Math.log(0.8), Math.log(2.5)],
    [0, 0, Math.log(0.1), Math.log(5)],
    [Math.log(2), Math.log(0.05), Math.log(2), Math.log(0.5)],
  ];
  const { best } = minimizeFromStarts(
    objective,
    starts,
    { ...DEFAULT_MINIMIZE, maxIterations: options.maxIterations ?? DEFAULT_MINIMIZE.maxIterations },
    onProgress,
  );
  const [r, scaledAlpha, a, b] = Array.from(best.x, Math.exp);
  const params = { r, alpha: scaledAlpha / patterns.scale, a, b };
  const reason = notConvergedReason(
    best,
    [r, scaledAlpha, a, b],
    patterns.repeatCustomers,
    options.unit ?? 'days',
  );
  return {
    ...params,
    logLikelihood: patternLogLikelihood(params, patterns),
    converged: reason === null,
    iterations: best.iterations,
    ...(reason === null ? {} : { reason }),
    customers: patterns.customers,
    repeatCustomers: patterns.repeatCustomers,
  };
}

function notConvergedReason(
  run: MinimizeResult,
  scaled: number[],
  repeatCustomers: number,
  unit: ValueUnit,
): Message | null {
  const names = ['r', 'alpha', 'a', 'b'];
  const outside = (value: number) => !(value > 1 / EDGE && value < EDGE);
  if (run.status === 'converged' && !scaled.some(outside)) return null;
  if (repeatCustomers < FEW_REPEAT_CUSTOMERS) {
    return message('bgnbdFewRepeat', { count: repeatCustomers });
  }
  // No dropout (a to zero or b to infinity) first: it is the common case and says the most.
  const [, , a, b] = scaled;
  if (a <= 1 / EDGE || b >= EDGE) {
    return message(a <= 1 / EDGE ? 'bgnbdNoDropoutA' : 'bgnbdNoDropoutB', { unit });
  }
  const edge = scaled.findIndex(outside);
  if (edge !== -1) {
    return message(scaled[edge] < 1 ? 'bgnbdEdgeZero' : 'bgnbdEdgeInfinity', {
      parameter: names[edge],
    });
  }
  return run.status === 'max-iterations'
    ? message('bgnbdMaxIterations', { count: run.iterations })
    : message('bgnbdFlat');
}

/**
 * lifetimes' input checks, as bugs: the summaries SegmentLens makes always pass them.
 */
export function checkHistories(histories: PurchaseHistories): void {
  const { frequency, recency, T } = histories;
  const n = frequency.length;
  if (n === 0) {
    throw new UserError('too-few-rows', 'valueNoCustomers');
  }
  if (recency.length !== n || T.length !== n) throw new Error('history arrays differ in length');
  for (let i = 0; i < n; i++) {
    const x = frequency[i];
    const ok =
      Number.isInteger(x) &&
      x >= 0 &&
      recency[i] >= 0 &&
      Number.isFinite(T[i]) &&
      recency[i] <= T[i] &&
      (x > 0 || recency[i] === 0);
    if (!ok) {
      throw new Error(`customer ${i} has an impossible history (${x}, ${recency[i]}, ${T[i]})`);
    }
  }
}

/** Per customer, the probability of being alive at the end of observation. */
export function probabilityAlive(params: BgNbdParams, histories: PurchaseHistories): Float64Array {
  const { frequency, recency, T } = histories;
  return Float64Array.from(frequency, (x, i) => aliveProbability(params, x, recency[i], T[i]));
}

/** P(alive | x, t_x, T): 1 without a repeat purchase (BG/NBD only drops out after one). */
export function aliveProbability(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = (r + x) * Math.log((alpha + T) / (alpha + tx)) + Math.log(a / (b + x - 1));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * Expected purchases in the next t periods given the history (equation 10 of the paper):
 *   E = (a + b + x - 1) / (a - 1) (1 - 2F1(r + x, b + x; a + b + x - 1; z) ((α + T)/(α + T + t))^(r+x))
 *       x P(alive), z = t / (α + T + t).
 * The costly part depends on (x, T) only and is computed once per distinct pair (see
 * aliveExpectedPurchases).
 */
export function expectedPurchases(
  params: BgNbdParams,
  histories: PurchaseHistories,
  t: number,
): Float64Array {
  const { frequency, recency, T } = histories;
  const pairs = distinctPairs(frequency, T);
  const numerator = Float64Array.from(pairs.frequency, (x, k) =>
    aliveExpectedPurchases(params, x, pairs.T[k], t),
  );
  return Float64Array.from(
    frequency,
    (x, i) => numerator[pairs.pairOf[i]] * aliveProbability(params, x, recency[i], T[i]),
  );
}

/**
 * Expected repeat purchases in the first t periods of a new customer (equation 9; lifetimes'
 * `expected_number_of_purchases_up_to_time`): the history-free case x = t_x = T = 0.
 */
export function expectedPurchasesOfNewCustomer(params: BgNbdParams, t: number): number {
  return aliveExpectedPurchases(params, 0, 0, t);
}

/** Distinct (frequency, T) pairs, the only inputs of the costly part of expected purchases. */
export function distinctPairs(
  frequency: Float64Array,
  T: Float64Array,
): { pairOf: Int32Array; frequency: Float64Array; T: Float64Array } {
  const ids = new Map<number, Map<number, number>>();
  const pairOf = new Int32Array(frequency.length);
  const xs: number[] = [];
  const ts: number[] = [];
  for (let i = 0; i < frequency.length; i++) {
    let byT = ids.get(frequency[i]);
    if (byT === undefined) ids.set(frequency[i], (byT = new Map()));
    let id = byT.get(T[i]);
    if (id === undefined) {
      id = xs.length;
      xs.push(frequency[i]);
      ts.push(T[i]);
      byT.set(T[i], id);
    }
    pairOf[i] = id;
  }
  return { pairOf, frequency: Float64Array.from(xs), T: Float64Array.from(ts) };
}
