import { message, type Message } from '../common/message';
import type { StageProgress } from '../common/progress';
import type { CalibrationBucket } from '../value/calibration';
import type { AnalysisSession } from './session';
import { historyRows, valueStage, type ValueRequest, type ValueStage } from './valueStages';

export { DEFAULT_VALUE_REQUEST, type ValueRequest } from './valueStages';
export {
  rfmSegmentOf,
  valueByGroupView,
  type ValueByGroupView,
  type ValueGrouping,
  type ValueGroupRow,
} from './valueGroups';

/** Customers listed by name in the view of customers at risk (the export has them all). */
export const AT_RISK_SHOWN = 50;
/** Bins of the P(alive) histogram, each 1/20 wide. */
export const P_ALIVE_BINS = 20;

export interface BgNbdView {
  r: number;
  alpha: number;
  a: number;
  b: number;
  logLikelihood: number;
  converged: boolean;
  /** Why the fit did not converge, in one sentence; null when it did. */
  reason: Message | null;
}

export interface GammaGammaView {
  p: number;
  q: number;
  v: number;
  logLikelihood: number;
  converged: boolean;
  reason: Message | null;
  /** Customers fitted: those with a repeat purchase. */
  customers: number;
}

export interface AtRiskRow {
  customer: string;
  pAlive: number;
  /** Spend in the repeat purchases so far (frequency x monetary value). */
  repeatSpend: number;
  /** Repeat spend x (1 - P(alive)): the list's order. */
  valueAtRisk: number;
  clv: number | null;
}

export interface CalibrationView {
  /** Times on a UTC clock (ms): the holdout runs from its start to the observation end. */
  holdoutStart: number;
  observationEnd: number;
  /** Periods (of the request's unit) in the holdout. */
  duration: number;
  /** BG/NBD fitted on the calibration period, which the predictions come from. */
  fit: BgNbdView;
  /** Mean repeat purchases in the holdout per calibration frequency, actual and predicted. */
  buckets: CalibrationBucket[];
  /** Total repeat purchases in the holdout over all calibration customers. */
  total: { customers: number; actual: number; predicted: number };
}

/** Customer value as the page shows it: plain data and messages, bounded in size. */
export interface CustomerValueView {
  request: ValueRequest;
  /** The RFM snapshot (ms on a UTC clock). */
  observationEnd: number;
  bgnbd: BgNbdView;
  /** Null when spend cannot be modelled; `spendProblem` says why. */
  gammaGamma: GammaGammaView | null;
  spendProblem: Message | null;
  /** Pearson correlation of frequency and monetary value over repeat customers. */
  correlation: { value: number | null; customers: number; warning: Message | null };
  totals: {
    customers: number;
    repeatCustomers: number;
    /** Over the next `request.horizonDays` days. */
    expectedPurchases: number;
    /** Over `request.horizonMonths` months; null without a spend model. */
    clv: number | null;
  };
  /** Null when the request skips it or the default holdout cannot be drawn (then the problem). */
  calibration: CalibrationView | null;
  calibrationProblem: Message | null;
  /** Customers per P(alive) bin [i/20, (i+1)/20), the last bin closed. */
  pAliveHistogram: {
    counts: number[];
    /** One-time buyers: P(alive) is 1 for them by the model's assumption (last bin). */
    oneTimeBuyers: number;
  };
  atRisk: {
    /** Customers at risk in all; the first `AT_RISK_SHOWN` are listed. */
    total: number;
    /** Repeat spend it takes to count as high value (the 75th percentile); null if none. */
    valueThreshold: number | null;
    maxPAlive: number;
    customers: AtRiskRow[];
  };
}

/** BG/NBD, Gamma-Gamma, totals, the calibration chart, P(alive) and customers at risk. */
export function customerValueView(
  session: AnalysisSession,
  request: ValueRequest,
  onProgress?: StageProgress,
): CustomerValueView {
  const stage = valueStage(session, request, onProgress);
  const { fits, scores, holdout } = stage;
  const { histories, bgnbd, gammaGamma, correlation } = fits;
  const correlationValue = correlation.correlation;
  return {
    request,
    observationEnd: fits.rfm.snapshot,
    bgnbd: bgNbdView(bgnbd),
    gammaGamma:
      gammaGamma === null
        ? null
        : {
            p: gammaGamma.p,
            q: gammaGamma.q,
            v: gammaGamma.v,
            logLikelihood: gammaGamma.logLikelihood,
            converged: gammaGamma.converged,
            reason: gammaGamma.reason ?? null,
            customers: gammaGamma.customers,
          },
    spendProblem: fits.spendProblem,
    correlation: {
      value: correlationValue,
      customers: correlation.customers,
      warning:
        correlation.warn && correlationValue !== null
          ? message('valueSpendCorrelation', { correlation: round(correlationValue, 2) })
          : null,
    },
    totals: {
      customers: histories.customer.length,
      repeatCustomers: bgnbd.repeatCustomers,
      expectedPurchases: sum(scores.expectedPurchases),
      clv: scores.clv === null ? null : sum(scores.clv),
    },
    calibration:
      holdout.check === null
        ? null
        : {
            holdoutStart: holdout.check.holdoutStart,
            observationEnd: fits.rfm.snapshot,
            duration: holdout.check.duration,
            fit: bgNbdView(holdout.check.fit),
            buckets: holdout.check.chart.buckets,
            total: holdout.check.chart.total,
          },
    calibrationProblem: holdout.problem,
    pAliveHistogram: pAliveHistogram(scores.pAlive, histories.frequency),
    atRisk: {
      total: scores.atRisk.customers.length,
      valueThreshold: Number.isFinite(scores.atRisk.valueThreshold)
        ? scores.atRisk.valueThreshold
        : null,
      maxPAlive: scores.atRisk.maxPAlive,
      customers: atRiskRows(stage, AT_RISK_SHOWN),
    },
  };
}

/** Every customer at risk (or the first `limit`), the most value at risk first. */
export function atRiskRows(stage: ValueStage, limit = Infinity): AtRiskRow[] {
  const { fits, scores } = stage;
  const { atRisk, pAlive, clv } = scores;
  const count = Math.min(limit, atRisk.customers.length);
  return Array.from({ length: count }, (_, k) => {
    const row = atRisk.customers[k];
    return {
      customer: fits.rfm.customers[fits.histories.customer[row]],
      pAlive: pAlive[row],
      repeatSpend: atRisk.pastValue[k],
      valueAtRisk: atRisk.pastValue[k] * (1 - pAlive[row]),
      clv: clv === null ? null : clv[row],
    };
  });
}

function bgNbdView(fit: ValueStage['fits']['bgnbd']): BgNbdView {
  const { r, alpha, a, b, logLikelihood, converged } = fit;
  return { r, alpha, a, b, logLikelihood, converged, reason: fit.reason ?? null };
}

function pAliveHistogram(pAlive: Float64Array, frequency: Float64Array) {
  const counts = new Array<number>(P_ALIVE_BINS).fill(0);
  let oneTimeBuyers = 0;
  for (let i = 0; i < pAlive.length; i++) {
    // P(alive) is a probability by construction; 1 falls in the last bin.
    const bin = Math.min(P_ALIVE_BINS - 1, Math.max(0, Math.floor(pAlive[i] * P_ALIVE_BINS)));
    counts[bin]++;
    if (frequency[i] === 0) oneTimeBuyers++;
  }
  return { counts, oneTimeBuyers };
}

export interface ValueColumns {
  /** RFM customers, in `rfm.customers` order. */
  customers: number;
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  /** Null without a spend model. */
  clv: Float64Array | null;
}

/** P(alive), expected purchases and CLV per RFM customer, for the RFM customer table. */
export function valueColumns(session: AnalysisSession, request: ValueRequest): ValueColumns {
  const { fits, scores } = valueStage(session, request);
  const rows = historyRows(fits);
  const { clv } = scores;
  return {
    customers: rows.length,
    pAlive: Float64Array.from(rows, (row) => scores.pAlive[row]),
    expectedPurchases: Float64Array.from(rows, (row) => scores.expectedPurchases[row]),
    clv: clv === null ? null : Float64Array.from(rows, (row) => clv[row]),
  };
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}
