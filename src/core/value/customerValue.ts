import type { StageProgress } from '../common/progress';
import { isUserError, UserError } from '../common/userError';
import { ONE_DAY_MS } from '../read/parseDate';
import type { OrderLines } from '../rfm/orderLines';
import { expectedPurchases, fitBgNbd, probabilityAlive, type BgNbdFit } from './bgnbd';
import {
  calibrationChart,
  defaultHoldoutStart,
  splitCalibrationHoldout,
  type CalibrationChart,
} from './calibration';
import { customerLifetimeValue } from './clv';
import {
  expectedAverageSpend,
  fitGammaGamma,
  frequencyMonetaryCorrelation,
  type GammaGammaFit,
  type SpendCorrelation,
} from './gammaGamma';
import { summarizeHistories, UNIT_DAYS, type CustomerHistories, type ValueUnit } from './summary';
import { message, type Message } from '../common/message';

export interface CustomerValueOptions {
  unit: ValueUnit;
  /** End of observation (ms); null for the RFM snapshot, the last order + 1 day. */
  observationEnd: number | null;
  /** Expected purchases are counted over the next this many days (90). */
  horizonDays: number;
  /** CLV horizon in whole months (12) and monthly discount rate (0.01). */
  horizonMonths: number;
  monthlyDiscount: number;
  /**
   * The holdout check: 'default' starts the holdout three quarters of the way through (its
   * problems are reported, not thrown), a time (ms) starts it then, 'none' skips it.
   */
  holdout: 'default' | 'none' | number;
  /** lifetimes' penalizer_coef for both fits (0). */
  penalizer: number;
}

export const DEFAULT_VALUE_OPTIONS: CustomerValueOptions = {
  unit: 'days',
  observationEnd: null,
  horizonDays: 90,
  horizonMonths: 12,
  monthlyDiscount: 0.01,
  holdout: 'default',
  penalizer: 0,
};

export interface HoldoutCheck {
  holdoutStart: number;
  /** Periods in the holdout. */
  duration: number;
  /** BG/NBD fitted on the calibration period only. */
  fit: BgNbdFit;
  chart: CalibrationChart;
}

export interface CustomerValue {
  options: CustomerValueOptions;
  histories: CustomerHistories;
  bgnbd: BgNbdFit;
  /** Null when it cannot be fitted; `spendProblem` says why. */
  gammaGamma: GammaGammaFit | null;
  correlation: SpendCorrelation;
  /** Per customer of the histories. */
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  /** Gamma-Gamma's expected spend per purchase and CLV; null when spend has no model. */
  expectedSpend: Float64Array | null;
  clv: Float64Array | null;
  spendProblem: Message | null;
  holdout: HoldoutCheck | null;
  holdoutProblem: Message | null;
}

/**
 * Customer value from order lines: histories, BG/NBD, Gamma-Gamma, P(alive), expected
 * purchases, expected spend and CLV per customer, and the calibration / holdout check.
 */
export function computeCustomerValue(
  lines: OrderLines,
  options: CustomerValueOptions = DEFAULT_VALUE_OPTIONS,
  onProgress?: StageProgress,
): CustomerValue {
  if (!(options.horizonDays > 0 && Number.isFinite(options.horizonDays))) {
    throw new UserError('bad-option', 'valueHorizonDays', { value: options.horizonDays });
  }
  const observationEnd = options.observationEnd ?? lines.lastOrder + ONE_DAY_MS;
  const { unit, penalizer } = options;
  const histories = summarizeHistories(lines, { unit, observationEnd });
  onProgress?.(0.05);
  const bgnbd = fitBgNbd(histories, { penalizer, unit }, (f) => onProgress?.(0.05 + 0.4 * f));
  const pAlive = probabilityAlive(bgnbd, histories);
  const horizon = options.horizonDays / UNIT_DAYS[unit];
  const purchases = expectedPurchases(bgnbd, histories, horizon);
  const correlation = frequencyMonetaryCorrelation(histories);
  let gammaGamma: GammaGammaFit | null = null;
  let spendProblem: Message | null = null;
  let expectedSpend: Float64Array | null = null;
  let clv: Float64Array | null = null;
  if (!lines.hasMoney) {
    // Spend cannot be modelled without money: P(alive) and expected purchases still can.
    spendProblem = message('valueNeedsMoney');
  } else
    try {
      gammaGamma = fitGammaGamma(histories, { penalizer }, (f) => onProgress?.(0.45 + 0.1 * f));
      expectedSpend = expectedAverageSpend(gammaGamma, histories);
      clv = customerLifetimeValue(bgnbd, histories, expectedSpend, options);
    } catch (error) {
      if (!isUserError(error) || error.code === 'bad-option') throw error;
      spendProblem = error.sentence;
    }
  onProgress?.(0.6);
  let holdout: HoldoutCheck | null = null;
  let holdoutProblem: Message | null = null;
  if (options.holdout !== 'none') {
    const holdoutStart =
      options.holdout === 'default'
        ? defaultHoldoutStart(lines.firstOrder, observationEnd)
        : options.holdout;
    try {
      const split = splitCalibrationHoldout(lines, { unit, holdoutStart, observationEnd });
      const fit = fitBgNbd(split.calibration, { penalizer, unit }, (f) =>
        onProgress?.(0.6 + 0.4 * f),
      );
      holdout = {
        holdoutStart,
        duration: split.holdoutDuration,
        fit,
        chart: calibrationChart(fit, split),
      };
    } catch (error) {
      if (options.holdout !== 'default' || !isUserError(error)) throw error;
      holdoutProblem = error.sentence;
    }
  }
  onProgress?.(1);
  return {
    options,
    histories,
    bgnbd,
    gammaGamma,
    correlation,
    pAlive,
    expectedPurchases: purchases,
    expectedSpend,
    clv,
    spendProblem,
    holdout,
    holdoutProblem,
  };
}
