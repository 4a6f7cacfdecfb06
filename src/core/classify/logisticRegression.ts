import { pairwiseSum } from '../common/pairwiseSum';
import type { StageProgress } from '../common/progress';
import { UserError } from '../common/userError';
import type { Predictions } from './decisionTree';
import { minimizeLbfgs } from './lbfgs';

export interface LogisticOptions {
  /** Inverse strength of the L2 penalty (scikit-learn's C). */
  C: number;
}

export const DEFAULT_LOGISTIC_OPTIONS: LogisticOptions = { C: 1 };

export interface LogisticModel {
  classCount: number;
  featureCount: number;
  /** Per feature: the training rows' mean and population SD (1 for a constant feature). */
  mean: Float64Array;
  scale: Float64Array;
  /** 1 for a binary target (the second class's log-odds), else classCount. */
  coefficientRows: number;
  /** coefficientRows x featureCount, on z-scored features. */
  coefficients: Float64Array;
  intercepts: Float64Array;
  iterations: number;
  /** The largest component of the objective's gradient at the solution. */
  gradientNorm: number;
  converged: boolean;
}

/**
 * L2-penalised logistic regression equal to scikit-learn's
 * make_pipeline(StandardScaler(), LogisticRegression(C)) fitted on the training rows: features
 * z-scored with the training rows' means and population SDs (a constant feature is only
 * centred, as StandardScaler does), the intercept unpenalised, binary for two classes and
 * multinomial (softmax) for more. The objective is scikit-learn's, divided by the row count:
 * mean log-loss + ||W||^2 / (2 C rows). Binary targets are fitted by Newton's method, multinomial
 * ones by L-BFGS, both until the gradient vanishes to rounding, so the coefficients are the
 * optimum's (scikit-learn's, run to a tight tolerance, agree to 1e-4 relative or better). The
 * multinomial intercepts are centred (they are only determined up to a common shift).
 */
export function fitLogistic(
  matrix: Float64Array,
  d: number,
  target: Int32Array,
  classCount: number,
  rows: Int32Array,
  options: Partial<LogisticOptions> = {},
  onProgress?: StageProgress,
): LogisticModel {
  const { C } = { ...DEFAULT_LOGISTIC_OPTIONS, ...options };
  if (!(C > 0 && Number.isFinite(C)))
    throw new UserError('bad-option', 'classifyC', { value: String(C) });
  const m = rows.length;
  const classRows = new Int32Array(classCount);
  for (let r = 0; r < m; r++) classRows[target[rows[r]]]++;
  const missing = classRows.findIndex((count) => count === 0);
  if (classCount < 2 || missing !== -1)
    throw new UserError(classCount < 2 ? 'single-class' : 'rare-class', 'classifyClassNeedsRows');
  const { mean, scale, z } = standardise(matrix, d, rows);
  const y = Int32Array.from(rows, (row) => target[row]);
  const penalty = 1 / (C * m);
  const binary = classCount === 2;
  const fit = binary
    ? newtonBinary(z, y, m, d, penalty, onProgress)
    : lbfgsMultinomial(z, y, m, d, classCount, penalty, onProgress);
  onProgress?.(1);
  return { classCount, featureCount: d, mean, scale, ...fit };
}

/** Class probabilities and classes (the first most probable; for two classes, z > 0). */
export function predictLogistic(
  model: LogisticModel,
  matrix: Float64Array,
  n: number,
  d: number,
): Predictions {
  const { classCount: K, coefficients, intercepts, coefficientRows, mean, scale } = model;
  const classes = new Int32Array(n);
  const probabilities = new Float64Array(n * K);
  const zRow = new Float64Array(d);
  const scores = new Float64Array(coefficientRows);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < d; f++) zRow[f] = (matrix[i * d + f] - mean[f]) / scale[f];
    for (let k = 0; k < coefficientRows; k++) {
      let s = intercepts[k];
      for (let f = 0; f < d; f++) s += coefficients[k * d + f] * zRow[f];
      scores[k] = s;
    }
    if (coefficientRows === 1) {
      const p = sigmoid(scores[0]);
      probabilities[i * 2] = 1 - p;
      probabilities[i * 2 + 1] = p;
      classes[i] = scores[0] > 0 ? 1 : 0;
    } else {
      softmax(scores, probabilities, i * K);
      let best = 0;
      for (let k = 1; k < K; k++) if (scores[k] > scores[best]) best = k;
      classes[i] = best;
    }
  }
  return { classes, probabilities };
}

/**
 * The training rows z-scored as StandardScaler does (numpy's sums, its constant test), stored
 * column by column (d x m): the fits below work a whole column at a time.
 */
function standardise(matrix: Float64Array, d: number, rows: Int32Array) {
  const m = rows.length;
  const z = new Float64Array(d * m);
  for (let r = 0; r < m; r++) for (let f = 0; f < d; f++) z[f * m + r] = matrix[rows[r] * d + f];
  const mean = new Float64Array(d);
  const scale = new Float64Array(d);
  for (let f = 0; f < d; f++) {
    const mu = pairwiseSum(z, f * m, m, 1) / m;
    const correction = pairwiseSum(z, f * m, m, 1, (v) => v - mu);
    const squares = pairwiseSum(z, f * m, m, 1, (v) => (v - mu) * (v - mu));
    const variance = (squares - (correction * correction) / m) / m;
    // scikit-learn's _is_constant_feature: a variance this small is rounding, not spread.
    const eps = 2.220446049250313e-16;
    const constant = variance <= m * eps * variance + (m * mu * eps) ** 2;
    mean[f] = mu;
    scale[f] = constant ? 1 : Math.sqrt(variance);
    for (let r = f * m; r < (f + 1) * m; r++) z[r] = (z[r] - mu) / scale[f];
  }
  return { mean, scale, z };
}

type Fit = Pick<
  LogisticModel,
  'coefficientRows' | 'coefficients' | 'intercepts' | 'iterations' | 'gradientNorm' | 'converged'
>;

/**
 * Newton's method on the binary objective, parameters [w (d), b]: each step solves
 * H delta = -g by Cholesky and is halved until the objective falls (Armijo).
 */
function newtonBinary(
  z: Float64Array,
  y: Int32Array,
  m: number,
  d: number,
  penalty: number,
  onProgress?: StageProgress,
): Fit {
  const p = d + 1;
  let beta = new Float64Array(p);
  const gradient = new Float64Array(p);
  const hessian = new Float64Array(p * p);
  const step = new Float64Array(p);
  const trial = new Float64Array(p);
  const scratch = {
    scores: new Float64Array(m),
    residual: new Float64Array(m),
    weight: new Float64Array(m),
    weighted: new Float64Array(m),
  };
  const binaryLoss = (at: Float64Array, g: Float64Array | null, h: Float64Array | null): number =>
    lossAt(z, y, m, d, penalty, at, g, h, scratch);
  let value = binaryLoss(beta, gradient, hessian);
  let iterations = 0;
  const maxIterations = 100;
  while (iterations < maxIterations && maxAbs(gradient) > 1e-14) {
    for (let i = 0; i < p; i++) step[i] = -gradient[i];
    if (!choleskySolve(hessian, step, p)) break;
    let t = 1;
    let next = Infinity;
    const slope = dotOf(gradient, step);
    // -slope is the squared Newton decrement, twice the distance to the optimum in value: at
    // 1e-24 the optimum is reached far beyond what double precision can show.
    if (-slope < 1e-24) break;
    for (let halving = 0; halving < 50; halving++) {
      for (let i = 0; i < p; i++) trial[i] = beta[i] + t * step[i];
      next = binaryLoss(trial, null, null);
      if (next <= value + 1e-4 * t * slope) break;
      t /= 2;
    }
    if (!(next < value)) break;
    beta = trial.slice();
    value = binaryLoss(beta, gradient, hessian);
    iterations++;
    onProgress?.(Math.min(0.95, iterations / 12));
  }
  const gradientNorm = maxAbs(gradient);
  return {
    coefficientRows: 1,
    coefficients: beta.slice(0, d),
    intercepts: beta.slice(d),
    iterations,
    gradientNorm,
    converged: gradientNorm <= 1e-9,
  };
}

/**
 * Mean log-loss + penalty/2 ||w||^2 at beta = [w, b] (z column-major); with its gradient and
 * Hessian if asked, each entry a dot product of whole columns.
 */
function lossAt(
  z: Float64Array,
  y: Int32Array,
  m: number,
  d: number,
  penalty: number,
  beta: Float64Array,
  gradient: Float64Array | null,
  hessian: Float64Array | null,
  scratch: {
    scores: Float64Array;
    residual: Float64Array;
    weight: Float64Array;
    weighted: Float64Array;
  },
): number {
  const { scores, residual, weight, weighted } = scratch;
  scores.fill(beta[d]);
  for (let f = 0; f < d; f++) {
    const b = beta[f];
    if (b === 0) continue;
    for (let r = 0, at = f * m; r < m; r++, at++) scores[r] += b * z[at];
  }
  let loss = 0;
  for (let r = 0; r < m; r++) {
    const s = scores[r];
    // log(1 + e^s) - y s, without overflow.
    loss += (s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s))) - y[r] * s;
    const prob = sigmoid(s);
    residual[r] = prob - y[r];
    weight[r] = prob * (1 - prob);
  }
  let norm = 0;
  for (let f = 0; f < d; f++) norm += beta[f] * beta[f];
  if (gradient !== null && hessian !== null) {
    const p = d + 1;
    gradient.fill(0);
    hessian.fill(0);
    // In blocks of rows whose columns stay in cache while every pair of columns is multiplied.
    for (let from = 0; from < m; from += BLOCK_ROWS) {
      const count = Math.min(BLOCK_ROWS, m - from);
      for (let a = 0; a < d; a++) {
        gradient[a] += columnDot(residual, from, z, a * m + from, count);
        for (let r = 0; r < count; r++) weighted[r] = weight[from + r] * z[a * m + from + r];
        for (let b = 0; b <= a; b++)
          hessian[a * p + b] += columnDot(weighted, 0, z, b * m + from, count);
        hessian[d * p + a] += columnDot(weighted, 0, null, 0, count);
      }
      gradient[d] += columnDot(residual, from, null, 0, count);
      hessian[d * p + d] += columnDot(weight, from, null, 0, count);
    }
    for (let a = 0; a < p; a++) {
      gradient[a] = gradient[a] / m + (a < d ? penalty * beta[a] : 0);
      for (let b = 0; b <= a; b++) {
        const entry = hessian[a * p + b] / m + (a === b && a < d ? penalty : 0);
        hessian[a * p + b] = entry;
        hessian[b * p + a] = entry;
      }
    }
  }
  return loss / m + (penalty / 2) * norm;
}

/** Rows per block of the Hessian's products: 20 columns of them fit in a core's cache. */
const BLOCK_ROWS = 1024;

/**
 * The sum of a[from + r] x column[offset + r] over r < count (of a[from + r] alone when column is
 * null), in four running sums: one sum waits for each addition, four keep the adder busy.
 */
function columnDot(
  a: Float64Array,
  from: number,
  column: Float64Array | null,
  offset: number,
  count: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const blocks = count - (count % 4);
  let r = 0;
  if (column === null) {
    for (; r < blocks; r += 4) {
      s0 += a[from + r];
      s1 += a[from + r + 1];
      s2 += a[from + r + 2];
      s3 += a[from + r + 3];
    }
    for (; r < count; r++) s0 += a[from + r];
  } else {
    for (; r < blocks; r += 4) {
      const i = from + r;
      const at = offset + r;
      s0 += a[i] * column[at];
      s1 += a[i + 1] * column[at + 1];
      s2 += a[i + 2] * column[at + 2];
      s3 += a[i + 3] * column[at + 3];
    }
    for (; r < count; r++) s0 += a[from + r] * column[offset + r];
  }
  return s0 + s1 + (s2 + s3);
}

/** L-BFGS on the multinomial objective, parameters [W (K x d), b (K)]. */
function lbfgsMultinomial(
  z: Float64Array,
  y: Int32Array,
  m: number,
  d: number,
  K: number,
  penalty: number,
  onProgress?: StageProgress,
): Fit {
  // K x m scores, then residuals (probability - indicator), column by column.
  const scores = new Float64Array(K * m);
  const row = new Float64Array(K);
  const objective = (theta: Float64Array, gradient: Float64Array): number => {
    for (let k = 0; k < K; k++) {
      scores.fill(theta[K * d + k], k * m, (k + 1) * m);
      for (let f = 0; f < d; f++) {
        const c = theta[k * d + f];
        if (c === 0) continue;
        for (let r = 0; r < m; r++) scores[k * m + r] += c * z[f * m + r];
      }
    }
    let loss = 0;
    for (let r = 0; r < m; r++) {
      for (let k = 0; k < K; k++) row[k] = scores[k * m + r];
      loss += logSumExp(row) - row[y[r]];
      softmax(row, row, 0);
      row[y[r]] -= 1;
      for (let k = 0; k < K; k++) scores[k * m + r] = row[k];
    }
    let norm = 0;
    for (let k = 0; k < K; k++) {
      for (let f = 0; f < d; f++) {
        const i = k * d + f;
        norm += theta[i] * theta[i];
        gradient[i] = columnDot(scores, k * m, z, f * m, m) / m + penalty * theta[i];
      }
      gradient[K * d + k] = columnDot(scores, k * m, null, 0, m) / m;
    }
    return loss / m + (penalty / 2) * norm;
  };
  const maxIterations = 5000;
  const result = minimizeLbfgs(
    objective,
    new Float64Array(K * (d + 1)),
    { maxIterations, gradientTolerance: 1e-12 },
    (iteration) => {
      if (iteration % 25 === 0 && iteration <= 500) onProgress?.(iteration / 525);
    },
  );
  const intercepts = result.x.slice(K * d);
  const shift = intercepts.reduce((a, b) => a + b, 0) / K;
  for (let k = 0; k < K; k++) intercepts[k] -= shift;
  return {
    coefficientRows: K,
    coefficients: result.x.slice(0, K * d),
    intercepts,
    iterations: result.iterations,
    gradientNorm: result.gradientNorm,
    converged: result.gradientNorm <= 1e-9,
  };
}

/** Solves A x = b in place (b becomes x) for a symmetric positive definite A; false if not. */
function choleskySolve(a: Float64Array, b: Float64Array, p: number): boolean {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * p + j];
      for (let k = 0; k < j; k++) sum -= l[i * p + k] * l[j * p + k];
      if (i === j) {
        if (!(sum > 0)) return false;
        l[i * p + i] = Math.sqrt(sum);
      } else l[i * p + j] = sum / l[j * p + j];
    }
  }
  for (let i = 0; i < p; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i * p + k] * b[k];
    b[i] = sum / l[i * p + i];
  }
  for (let i = p - 1; i >= 0; i--) {
    let sum = b[i];
    for (let k = i + 1; k < p; k++) sum -= l[k * p + i] * b[k];
    b[i] = sum / l[i * p + i];
  }
  return true;
}

function sigmoid(s: number): number {
  if (s >= 0) return 1 / (1 + Math.exp(-s));
  const e = Math.exp(s);
  return e / (1 + e);
}

function logSumExp(scores: Float64Array): number {
  let max = -Infinity;
  for (let k = 0; k < scores.length; k++) if (scores[k] > max) max = scores[k];
  let sum = 0;
  for (let k = 0; k < scores.length; k++) sum += Math.exp(scores[k] - max);
  return max + Math.log(sum);
}

function softmax(scores: Float64Array, out: Float64Array, offset: number): void {
  let max = -Infinity;
  for (let k = 0; k < scores.length; k++) if (scores[k] > max) max = scores[k];
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    out[offset + k] = Math.exp(scores[k] - max);
    sum += out[offset + k];
  }
  for (let k = 0; k < scores.length; k++) out[offset + k] /= sum;
}

function dotOf(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function maxAbs(values: Float64Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i]));
  return max;
}
