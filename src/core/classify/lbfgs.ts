/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, algorithms 7.4 and 7.5) with a
 * line search that satisfies the strong Wolfe conditions (algorithms 3.5 and 3.6, cubic
 * interpolation in the zoom). For smooth convex objectives such as the logistic loss.
 */

/** Writes the gradient at x into `gradient` and returns the value there. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  maxIterations: number;
  /** Corrections kept. */
  memory: number;
  /** Stop once every component of the gradient is at most this in size. */
  gradientTolerance: number;
}

export const DEFAULT_LBFGS_OPTIONS: LbfgsOptions = {
  maxIterations: 1000,
  memory: 10,
  gradientTolerance: 1e-10,
};

export interface LbfgsResult {
  x: Float64Array;
  value: number;
  /** The largest gradient component at x. */
  gradientNorm: number;
  iterations: number;
  /** Whether the gradient tolerance was reached. */
  converged: boolean;
}

const C1 = 1e-4;
const C2 = 0.9;

export function minimizeLbfgs(
  objective: Objective,
  start: Float64Array,
  options: Partial<LbfgsOptions> = {},
  onIteration?: (iteration: number) => void,
): LbfgsResult {
  const { maxIterations, memory, gradientTolerance } = { ...DEFAULT_LBFGS_OPTIONS, ...options };
  const n = start.length;
  let x = start.slice();
  let gradient = new Float64Array(n);
  let value = objective(x, gradient);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const alpha = new Float64Array(memory);
  const direction = new Float64Array(n);
  let nextX = new Float64Array(n);
  let nextGradient = new Float64Array(n);
  let iterations = 0;
  while (maxAbs(gradient) > gradientTolerance && iterations < maxIterations) {
    // Two-loop recursion: direction = -H gradient.
    direction.set(gradient);
    for (let k = s.length - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot(s[k], direction);
      axpy(-alpha[k], y[k], direction);
    }
    if (s.length > 0) {
      const last = s.length - 1;
      const gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
      for (let i = 0; i < n; i++) direction[i] *= gamma;
    }
    for (let k = 0; k < s.length; k++) {
      const beta = rho[k] * dot(y[k], direction);
      axpy(alpha[k] - beta, s[k], direction);
    }
    for (let i = 0; i < n; i++) direction[i] = -direction[i];
    let slope = dot(gradient, direction);
    if (!(slope < 0)) {
      // Not a descent direction (rounding): restart from steepest descent.
      s.length = y.length = rho.length = 0;
      for (let i = 0; i < n; i++) direction[i] = -gradient[i];
      slope = dot(gradient, direction);
    }
    const firstStep = s.length === 0 ? Math.min(1, 1 / maxAbs(gradient)) : 1;
    const found = lineSearch(objective, x, value, direction, slope, firstStep, nextX, nextGradient);
    if (found === null) break;
    iterations++;
    const step = new Float64Array(n);
    const change = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      step[i] = nextX[i] - x[i];
      change[i] = nextGradient[i] - gradient[i];
    }
    const curvature = dot(step, change);
    if (curvature > 0) {
      if (s.length === memory) {
        s.shift();
        y.shift();
        rho.shift();
      }
      s.push(step);
      y.push(change);
      rho.push(1 / curvature);
    }
    [x, nextX] = [nextX, x];
    [gradient, nextGradient] = [nextGradient, gradient];
    value = found;
    onIteration?.(iterations);
  }
  const gradientNorm = maxAbs(gradient);
  return { x, value, gradientNorm, iterations, converged: gradientNorm <= gradientTolerance };
}

/**
 * A step along `direction` meeting the strong Wolfe conditions. Writes the new point and its
 * gradient into `outX` and `outGradient` and returns its value, or null when no step lowers the
 * objective (the minimum is reached to the precision of the arithmetic).
 */
function lineSearch(
  objective: Objective,
  x: Float64Array,
  value: number,
  direction: Float64Array,
  slope: number,
  firstStep: number,
  outX: Float64Array,
  outGradient: Float64Array,
): number | null {
  const n = x.length;
  const at = (t: number): [number, number] => {
    for (let i = 0; i < n; i++) outX[i] = x[i] + t * direction[i];
    const v = objective(outX, outGradient);
    return [v, dot(outGradient, direction)];
  };
  let previousStep = 0;
  let previousValue = value;
  let previousSlope = slope;
  let step = firstStep;
  for (let trial = 0; trial < 40; trial++) {
    const [v, g] = at(step);
    if (nearlyFlat(v, g, value, slope)) return v;
    if (!Number.isFinite(v) || v > value + C1 * step * slope || (trial > 0 && v >= previousValue))
      return zoom(at, value, slope, previousStep, previousValue, previousSlope, step, v, g);
    if (Math.abs(g) <= -C2 * slope) return v;
    if (g >= 0)
      return zoom(at, value, slope, step, v, g, previousStep, previousValue, previousSlope);
    previousStep = step;
    previousValue = v;
    previousSlope = g;
    step *= 2;
  }
  return null;
}

function zoom(
  at: (t: number) => [number, number],
  value: number,
  slope: number,
  lowStep: number,
  lowValue: number,
  lowSlope: number,
  highStep: number,
  highValue: number,
  highSlope: number,
): number | null {
  for (let trial = 0; trial < 60; trial++) {
    let step = cubicMinimum(lowStep, lowValue, lowSlope, highStep, highValue, highSlope);
    const low = Math.min(lowStep, highStep);
    const width = Math.abs(highStep - lowStep);
    // Keep the trial well inside the bracket; bisect when interpolation says otherwise.
    if (!(step > low + 0.1 * width && step < low + 0.9 * width)) step = (lowStep + highStep) / 2;
    if (width <= 1e-16 * Math.max(1, Math.abs(lowStep))) break;
    const [v, g] = at(step);
    if (nearlyFlat(v, g, value, slope)) return v;
    if (!Number.isFinite(v) || v > value + C1 * step * slope || v >= lowValue) {
      highStep = step;
      highValue = v;
      highSlope = g;
    } else {
      if (Math.abs(g) <= -C2 * slope) return v;
      if (g * (highStep - lowStep) >= 0) {
        highStep = lowStep;
        highValue = lowValue;
        highSlope = lowSlope;
      }
      lowStep = step;
      lowValue = v;
      lowSlope = g;
    }
  }
  // The bracket collapsed: accept its low end if it lowered the objective at all.
  if (lowStep === 0 || !(lowValue < value)) return null;
  const [v] = at(lowStep);
  return v;
}

/**
 * Hager and Zhang's approximate Wolfe conditions: near the minimum, values differ by less than
 * rounding and sufficient decrease cannot be seen, but the slope still says the step is good.
 */
function nearlyFlat(v: number, g: number, value: number, slope: number): boolean {
  return v <= value + 1e-12 * Math.abs(value) && g >= C2 * slope && g <= -0.8 * slope;
}

/** The minimiser of the cubic through two points with their slopes (NaN when there is none). */
function cubicMinimum(
  a: number,
  fa: number,
  ga: number,
  b: number,
  fb: number,
  gb: number,
): number {
  const d1 = ga + gb - (3 * (fa - fb)) / (a - b);
  const root = d1 * d1 - ga * gb;
  if (!(root >= 0)) return NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(root);
  return b - ((b - a) * (gb + d2 - d1)) / (gb - ga + 2 * d2);
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function axpy(scale: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] += scale * x[i];
}

function maxAbs(values: Float64Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i]));
  return max;
}
