/**
 * Unconstrained minimisation of a smooth function of a few parameters with its gradient: BFGS
 * with a strong-Wolfe line search (the method scipy's `minimize` uses for lifetimes' fits),
 * from several starts. The models fit log-parameters, so every real vector is allowed.
 */

/**
 * The models' objectives are infinite beyond log-parameters of ±30 (parameters beyond e^±30),
 * outside their numerically meaningful range, so that a fit running to a limit of its model
 * stops at this wall rather than overflowing.
 */
export const MAX_LOG_PARAM = 30;

/** Returns f(x) and writes its gradient into `gradient`; a non-finite value means "too far". */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface MinimizeOptions {
  /**
   * Stop when every gradient component is at most this. When no step can decrease the function
   * any more (its rounding floor), a gradient within 1000 times this also counts as converged.
   */
  gradientTolerance: number;
  maxIterations: number;
}

export type MinimizeStatus = 'converged' | 'max-iterations' | 'no-progress' | 'not-finite';

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  /** Largest gradient component at x. */
  gradientNorm: number;
  iterations: number;
  evaluations: number;
  status: MinimizeStatus;
}

export const DEFAULT_MINIMIZE: MinimizeOptions = { gradientTolerance: 1e-9, maxIterations: 400 };

/** BFGS from one start. */
export function minimizeBfgs(
  objective: Objective,
  start: ArrayLike<number>,
  options: MinimizeOptions = DEFAULT_MINIMIZE,
): MinimizeResult {
  const n = start.length;
  let evaluations = 0;
  const evaluate = (x: Float64Array, gradient: Float64Array): number => {
    evaluations++;
    const value = objective(x, gradient);
    if (Number.isFinite(value)) {
      for (let i = 0; i < n; i++) if (!Number.isFinite(gradient[i])) return Infinity;
      return value;
    }
    return Infinity;
  };
  const x = Float64Array.from(start);
  const gradient = new Float64Array(n);
  let value = evaluate(x, gradient);
  if (value === Infinity) {
    return { x, value, gradientNorm: Infinity, iterations: 0, evaluations, status: 'not-finite' };
  }
  // Inverse Hessian estimate, row-major.
  const inverse = identity(n);
  const direction = new Float64Array(n);
  const nextX = new Float64Array(n);
  const nextGradient = new Float64Array(n);
  const step = new Float64Array(n);
  const change = new Float64Array(n);
  const scratch = new Float64Array(n);
  let iterations = 0;
  let status: MinimizeStatus = 'max-iterations';
  let firstStep = true;
  for (; iterations < options.maxIterations; iterations++) {
    if (maxAbs(gradient) <= options.gradientTolerance) {
      status = 'converged';
      break;
    }
    multiply(inverse, gradient, direction, -1);
    let slope = dot(direction, gradient);
    if (!(slope < 0)) {
      // The estimate lost positive definiteness: restart from steepest descent.
      resetIdentity(inverse);
      for (let i = 0; i < n; i++) direction[i] = -gradient[i];
      slope = dot(direction, gradient);
    }
    // The first step has no curvature yet: keep it to a unit move in log-parameter space.
    const initialStep = firstStep ? Math.min(1, 1 / maxAbs(direction)) : 1;
    const found = wolfeSearch(evaluate, x, value, direction, slope, initialStep, {
      nextX,
      nextGradient,
    });
    if (found === null) {
      status = atFloor(gradient, options) ? 'converged' : 'no-progress';
      break;
    }
    firstStep = false;
    for (let i = 0; i < n; i++) {
      step[i] = nextX[i] - x[i];
      change[i] = nextGradient[i] - gradient[i];
    }
    const previousValue = value;
    x.set(nextX);
    gradient.set(nextGradient);
    value = found;
    const curvature = dot(step, change);
    if (curvature > 1e-12 * Math.sqrt(dot(step, step) * dot(change, change))) {
      updateInverse(inverse, step, change, curvature, scratch);
    }
    if (previousValue - value <= 1e-15 * Math.max(1, Math.abs(value)) && maxAbs(step) < 1e-12) {
      status = atFloor(gradient, options) ? 'converged' : 'no-progress';
      iterations++;
      break;
    }
  }
  if (status === 'max-iterations' && maxAbs(gradient) <= options.gradientTolerance) {
    status = 'converged';
  }
  return { x, value, gradientNorm: maxAbs(gradient), iterations, evaluations, status };
}

/** Within reach of the tolerance where rounding stops every further step. */
function atFloor(gradient: Float64Array, options: MinimizeOptions): boolean {
  return maxAbs(gradient) <= 1000 * options.gradientTolerance;
}

export interface MultiStartResult {
  best: MinimizeResult;
  runs: MinimizeResult[];
}

/**
 * BFGS from every start; the lowest value wins. Reports progress once per start (a few times in
 * all), so it can show in a worker without flooding it.
 */
export function minimizeFromStarts(
  objective: Objective,
  starts: ArrayLike<number>[],
  options: MinimizeOptions = DEFAULT_MINIMIZE,
  onProgress?: (fraction: number) => void,
): MultiStartResult {
  const runs: MinimizeResult[] = [];
  let best: MinimizeResult | null = null;
  starts.forEach((start, index) => {
    const run = minimizeBfgs(objective, start, options);
    runs.push(run);
    if (best === null || run.value < best.value) best = run;
    onProgress?.((index + 1) / starts.length);
  });
  if (best === null) throw new Error('minimizeFromStarts needs at least one start');
  return { best, runs };
}

interface SearchBuffers {
  nextX: Float64Array;
  nextGradient: Float64Array;
}

const C1 = 1e-4;
const C2 = 0.9;

/**
 * A step length along `direction` with sufficient decrease and small slope (strong Wolfe), by
 * bracketing and zooming with safeguarded cubic interpolation (Nocedal & Wright, algorithms 3.5
 * and 3.6). Leaves the accepted point in the buffers and returns its value, or null when no
 * step decreases the function.
 */
function wolfeSearch(
  evaluate: (x: Float64Array, gradient: Float64Array) => number,
  x: Float64Array,
  value: number,
  direction: Float64Array,
  slope: number,
  initialStep: number,
  buffers: SearchBuffers,
): number | null {
  const n = x.length;
  const { nextX, nextGradient } = buffers;
  const at = (alpha: number): { value: number; slope: number } => {
    for (let i = 0; i < n; i++) nextX[i] = x[i] + alpha * direction[i];
    const v = evaluate(nextX, nextGradient);
    return { value: v, slope: v === Infinity ? NaN : dot(nextGradient, direction) };
  };
  let previousAlpha = 0;
  let previousValue = value;
  let previousSlope = slope;
  let alpha = initialStep;
  let best: { alpha: number; value: number } | null = null;
  for (let i = 0; i < 40; i++) {
    const trial = at(alpha);
    if (trial.value === Infinity) {
      // Outside where the function is finite: come back towards the last good point.
      alpha = previousAlpha + (alpha - previousAlpha) * 0.1;
      continue;
    }
    if (trial.value > value + C1 * alpha * slope || (i > 0 && trial.value >= previousValue)) {
      return zoom(previousAlpha, previousValue, previousSlope, alpha, trial.value, trial.slope);
    }
    if (Math.abs(trial.slope) <= -C2 * slope) return trial.value;
    if (trial.slope >= 0) {
      return zoom(alpha, trial.value, trial.slope, previousAlpha, previousValue, previousSlope);
    }
    best = { alpha, value: trial.value };
    previousAlpha = alpha;
    previousValue = trial.value;
    previousSlope = trial.slope;
    alpha *= 2;
  }
  return best === null ? null : settle(best.alpha);

  function settle(alpha: number): number | null {
    const trial = at(alpha);
    return trial.value < value ? trial.value : null;
  }

  function zoom(
    lowAlpha: number,
    lowValue: number,
    lowSlope: number,
    highAlpha: number,
    highValue: number,
    highSlope: number,
  ): number | null {
    for (let i = 0; i < 60; i++) {
      let alpha = cubicMinimum(lowAlpha, lowValue, lowSlope, highAlpha, highValue, highSlope);
      const lo = Math.min(lowAlpha, highAlpha);
      const hi = Math.max(lowAlpha, highAlpha);
      const margin = 0.1 * (hi - lo);
      if (!(alpha > lo + margin && alpha < hi - margin)) alpha = 0.5 * (lo + hi);
      const trial = at(alpha);
      if (
        trial.value === Infinity ||
        trial.value > value + C1 * alpha * slope ||
        trial.value >= lowValue
      ) {
        highAlpha = alpha;
        highValue = trial.value === Infinity ? Infinity : trial.value;
        highSlope = trial.slope;
      } else {
        if (Math.abs(trial.slope) <= -C2 * slope) return trial.value;
        if (trial.slope * (highAlpha - lowAlpha) >= 0) {
          highAlpha = lowAlpha;
          highValue = lowValue;
          highSlope = lowSlope;
        }
        lowAlpha = alpha;
        lowValue = trial.value;
        lowSlope = trial.slope;
      }
      // Stop once no step in the interval could lower the value by more than its rounding.
      if (Math.abs((highAlpha - lowAlpha) * slope) <= 1e-15 * Math.max(1, Math.abs(value))) break;
    }
    // The interval collapsed: take the best point seen if it decreased the function at all.
    return lowAlpha > 0 ? settle(lowAlpha) : null;
  }
}

/** Minimiser of the cubic through two points with their slopes (NaN when there is none). */
function cubicMinimum(
  a: number,
  fa: number,
  da: number,
  b: number,
  fb: number,
  db: number,
): number {
  if (!Number.isFinite(fb) || !Number.isFinite(db)) return NaN;
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const square = d1 * d1 - da * db;
  if (square < 0) return NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(square);
  return b - ((b - a) * (db + d2 - d1)) / (db - da + 2 * d2);
}

function updateInverse(
  inverse: Float64Array,
  step: Float64Array,
  change: Float64Array,
  curvature: number,
  scratch: Float64Array,
): void {
  // H+ = (I - rho s y') H (I - rho y s') + rho s s', with rho = 1 / (y's).
  const n = step.length;
  const rho = 1 / curvature;
  multiply(inverse, change, scratch, 1); // H y
  const yHy = dot(change, scratch);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      inverse[i * n + j] +=
        rho * ((1 + rho * yHy) * step[i] * step[j] - scratch[i] * step[j] - step[i] * scratch[j]);
    }
  }
}

function multiply(matrix: Float64Array, vector: Float64Array, out: Float64Array, sign: number) {
  const n = vector.length;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += matrix[i * n + j] * vector[j];
    out[i] = sign * sum;
  }
}

function identity(n: number): Float64Array {
  const matrix = new Float64Array(n * n);
  resetIdentity(matrix);
  return matrix;
}

function resetIdentity(matrix: Float64Array): void {
  const n = Math.round(Math.sqrt(matrix.length));
  matrix.fill(0);
  for (let i = 0; i < n; i++) matrix[i * n + i] = 1;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function maxAbs(values: Float64Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i]));
  return max;
}
