import type { Message } from '../common/message';
import type { StageProgress } from '../common/progress';
import { isUserError, UserError } from '../common/userError';
import type { OrderLines } from '../rfm/orderLines';
import type { RfmResult, RfmSettings } from '../rfm/rfm';
import { expectedPurchases, fitBgNbd, probabilityAlive, type BgNbdFit } from '../value/bgnbd';
import {
  calibrationChart,
  defaultHoldoutStart,
  splitCalibrationHoldout,
  type CalibrationChart,
} from '../value/calibration';
import { customerLifetimeValue } from '../value/clv';
import type { HoldoutCheck } from '../value/customerValue';
import {
  expectedAverageSpend,
  fitGammaGamma,
  frequencyMonetaryCorrelation,
  type GammaGammaFit,
  type SpendCorrelation,
} from '../value/gammaGamma';
import { summarizeHistories, UNIT_DAYS, type CustomerHistories } from '../value/summary';
import { customersAtRisk, type AtRisk } from '../value/valueBySegment';
import type { AnalysisSession } from './session';
import { StageCache, stageKey } from './stageCache';

/**
 * What the customer-value views are asked for. The observation ends at the RFM snapshot of
 * `rfm` (the last order + 1 day unless one is chosen), so every RFM customer is modelled.
 */
export interface ValueRequest {
  rfm: RfmSettings;
  /** Purchases are counted one per day or one per week. */
  unit: 'days' | 'weeks';
  /** Expected purchases are counted over the next this many days (90). */
  horizonDays: number;
  /** CLV over this many whole months (12), discounted by this rate a month (0.01). */
  horizonMonths: number;
  monthlyDiscount: number;
  /**
   * The calibration / holdout check: 'default' starts the holdout three quarters of the way
   * through (a problem is reported, not thrown), a time (ms on a UTC clock) starts it then,
   * 'none' skips it.
   */
  holdout: 'default' | 'none' | number;
}

export const DEFAULT_VALUE_REQUEST: Omit<ValueRequest, 'rfm'> = {
  unit: 'days',
  horizonDays: 90,
  horizonMonths: 12,
  monthlyDiscount: 0.01,
  holdout: 'default',
};

/** The fits, which depend on the order lines and the unit only (the costly stage). */
export interface ValueFits {
  lines: OrderLines;
  rfm: RfmResult;
  histories: CustomerHistories;
  bgnbd: BgNbdFit;
  /** Null when spend cannot be modelled; `spendProblem` says why. */
  gammaGamma: GammaGammaFit | null;
  /** Gamma-Gamma's expected spend per purchase, per customer of the histories. */
  expectedSpend: Float64Array | null;
  spendProblem: Message | null;
  correlation: SpendCorrelation;
}

/** Per customer of the histories, what the models expect over the request's horizons. */
export interface ValueScores {
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  clv: Float64Array | null;
  atRisk: AtRisk;
}

export interface HoldoutStage {
  check: HoldoutCheck | null;
  /** Why the default holdout could not be drawn (a chosen one throws instead). */
  problem: Message | null;
}

/** Everything the value views read for one request. */
export interface ValueStage {
  fits: ValueFits;
  scores: ValueScores;
  holdout: HoldoutStage;
}

/**
 * The value stages of each session, each computed once per the options that decide it: a new
 * CLV horizon reuses the fits, a new holdout start reuses fits and scores. Kept beside the
 * session until it holds them itself.
 */
class ValueStages {
  readonly fits = new StageCache<ValueFits>(1);
  readonly scores = new StageCache<ValueScores>(1);
  readonly holdouts = new StageCache<HoldoutStage>(1);
}

const stagesOf = new WeakMap<AnalysisSession, ValueStages>();

function stages(session: AnalysisSession): ValueStages {
  let known = stagesOf.get(session);
  if (known === undefined) stagesOf.set(session, (known = new ValueStages()));
  return known;
}

/** Throws the UserError a bad request deserves before anything is computed. */
export function checkValueRequest(request: Omit<ValueRequest, 'rfm'>): void {
  const { unit, horizonDays, horizonMonths, monthlyDiscount, holdout } = request;
  if (unit !== 'days' && unit !== 'weeks') throw new Error(`unknown value unit ${String(unit)}`);
  if (!(horizonDays > 0 && Number.isFinite(horizonDays))) {
    throw new UserError('bad-option', 'valueHorizonDays', { value: horizonDays });
  }
  if (!(Number.isInteger(horizonMonths) && horizonMonths >= 1 && horizonMonths <= 1200)) {
    throw new UserError('bad-option', 'valueHorizonMonths', { value: horizonMonths });
  }
  if (!(monthlyDiscount >= 0 && monthlyDiscount < 10)) {
    throw new UserError('bad-option', 'valueDiscount', { value: monthlyDiscount });
  }
  if (holdout !== 'default' && holdout !== 'none' && typeof holdout !== 'number') {
    throw new Error(`unknown holdout ${String(holdout)}`);
  }
}

/**
 * The fits, scores and holdout check of a request, computed where missing. Progress runs from
 * 0 to 1 over what is computed (order lines and RFM first when they are not yet known): lines
 * and RFM to 0.15, the summary to 0.2, BG/NBD to 0.55, Gamma-Gamma to 0.62, the scores to 0.72,
 * the holdout check to 1.
 */
export function valueStage(
  session: AnalysisSession,
  request: ValueRequest,
  onProgress?: StageProgress,
): ValueStage {
  checkValueRequest(request);
  onProgress = rising(onProgress);
  const cache = stages(session);
  const { rfm: settings, unit } = request;
  const fits = cache.fits.obtain(stageKey(settings, unit), () =>
    fitModels(session, request, onProgress),
  );
  const scores = cache.scores.obtain(
    stageKey(settings, unit, request.horizonDays, request.horizonMonths, request.monthlyDiscount),
    () => scoreCustomers(fits, request, (f) => onProgress?.(0.62 + 0.1 * f)),
  );
  onProgress?.(0.72);
  const holdout = cache.holdouts.obtain(stageKey(settings, unit, request.holdout), () =>
    holdoutCheck(fits, request, (f) => onProgress?.(0.72 + 0.28 * f)),
  );
  onProgress?.(1);
  return { fits, scores, holdout };
}

/** Progress that never goes back (stage boundaries computed two ways differ in the last bit). */
function rising(onProgress: StageProgress | undefined): StageProgress | undefined {
  if (onProgress === undefined) return undefined;
  let last = 0;
  return (fraction) => {
    last = Math.max(last, Math.min(1, fraction));
    onProgress(last);
  };
}

function fitModels(
  session: AnalysisSession,
  request: ValueRequest,
  onProgress?: StageProgress,
): ValueFits {
  const { lines, rfm } = session.linesAndRfm(request.rfm, (_, f) => onProgress?.(0.15 * f));
  const histories = summarizeHistories(
    lines,
    { unit: request.unit, observationEnd: rfm.snapshot },
    (f) => onProgress?.(0.15 + 0.05 * f),
  );
  const bgnbd = fitBgNbd(histories, { penalizer: 0, unit: request.unit }, (f) =>
    onProgress?.(0.2 + 0.35 * f),
  );
  const correlation = frequencyMonetaryCorrelation(histories);
  let gammaGamma: GammaGammaFit | null = null;
  let expectedSpend: Float64Array | null = null;
  let spendProblem: Message | null = null;
  try {
    gammaGamma = fitGammaGamma(histories, { penalizer: 0 }, (f) => onProgress?.(0.55 + 0.07 * f));
    expectedSpend = expectedAverageSpend(gammaGamma, histories);
  } catch (error) {
    // Spend that cannot be modelled leaves P(alive) and expected purchases standing.
    if (!isUserError(error)) throw error;
    spendProblem = error.sentence;
  }
  onProgress?.(0.62);
  return { lines, rfm, histories, bgnbd, gammaGamma, expectedSpend, spendProblem, correlation };
}

function scoreCustomers(
  fits: ValueFits,
  request: ValueRequest,
  onProgress: StageProgress,
): ValueScores {
  const { histories, bgnbd, expectedSpend } = fits;
  const pAlive = probabilityAlive(bgnbd, histories);
  onProgress(0.15);
  const horizon = request.horizonDays / UNIT_DAYS[request.unit];
  const purchases = expectedPurchases(bgnbd, histories, horizon);
  onProgress(0.45);
  const clv =
    expectedSpend === null
      ? null
      : customerLifetimeValue(bgnbd, histories, expectedSpend, {
          unit: request.unit,
          horizonMonths: request.horizonMonths,
          monthlyDiscount: request.monthlyDiscount,
        });
  onProgress(0.9);
  return { pAlive, expectedPurchases: purchases, clv, atRisk: customersAtRisk(histories, pAlive) };
}

function holdoutCheck(
  fits: ValueFits,
  request: ValueRequest,
  onProgress: StageProgress,
): HoldoutStage {
  if (request.holdout === 'none') return { check: null, problem: null };
  const { lines, rfm } = fits;
  const observationEnd = rfm.snapshot;
  const holdoutStart =
    request.holdout === 'default'
      ? defaultHoldoutStart(lines.firstOrder, observationEnd)
      : request.holdout;
  try {
    const split = splitCalibrationHoldout(lines, {
      unit: request.unit,
      holdoutStart,
      observationEnd,
    });
    onProgress(0.25);
    const fit = fitBgNbd(split.calibration, { penalizer: 0, unit: request.unit }, (f) =>
      onProgress(0.25 + 0.7 * f),
    );
    const chart: CalibrationChart = calibrationChart(fit, split);
    return {
      check: { holdoutStart, duration: split.holdoutDuration, fit, chart },
      problem: null,
    };
  } catch (error) {
    // A start the user chose must work; the default one only says why it could not.
    if (request.holdout !== 'default' || !isUserError(error)) throw error;
    return { check: null, problem: error.sentence };
  }
}

/**
 * Per RFM customer (in `rfm.customers` order), its row in the histories. Every customer has
 * one, since the observation ends at the RFM snapshot, on or after the last order.
 */
export function historyRows(fits: ValueFits): Int32Array {
  const { histories, rfm } = fits;
  const rows = new Int32Array(rfm.customers.length).fill(-1);
  histories.customer.forEach((customer, row) => (rows[customer] = row));
  if (rows.includes(-1)) throw new Error('an RFM customer has no purchase history');
  return rows;
}
