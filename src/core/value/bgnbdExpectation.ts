import type { BgNbdParams } from './bgnbdLikelihood';
import { logGamma, logRising, hyp2f1Excess } from './specialFunctions';

/**
 * Expected purchases in the next t periods of a BG/NBD customer known to be alive after x
 * repeat purchases over T: the part of the paper's equation 10 that does not depend on recency
 * (times P(alive) it is lifetimes' `conditional_expected_number_of_purchases_up_to_time`).
 *
 * Given alive, the customer's rate is λ ~ Gamma(r + x, α + T) and their dropout probability
 * p ~ Beta(a, b + x); with λ and p known, (1 - e^(-λ p t)) / p purchases are expected. So
 *   E = E_p[ f(p) ],  f(p) = (1 - (1 + p t / (α + T))^-(r+x)) / p,
 * which equation 10 writes with a hypergeometric function. For the parameters fits give, the
 * series after Euler's transformation is exact and fast (see eulerSeries). At the edges of the
 * model, where fits that do not converge end (a and b, or r and α, beyond 1e4), that series
 * overflows or cancels, and the integral over p is taken by quadrature instead.
 */
export function aliveExpectedPurchases(
  params: BgNbdParams,
  x: number,
  T: number,
  t: number,
): number {
  if (t === 0) return 0;
  const { r, alpha, a, b } = params;
  const z = t / (alpha + T + t);
  const logRemaining = -Math.log1p(t / (alpha + T));
  const shapeLessOne = a - 1;
  const shift = a + b - 1 - r;
  // The series needs e^((a-1) L) in range; no cancellation from a very negative a + b - 1 - r
  // or between its two terms, each about c times what is left (c = a + b + x - 1); and a
  // reasonable number of terms (it settles after about ((a-1) z + 40) / (1 - z)).
  const eulerFits =
    Math.abs(shapeLessOne * logRemaining) < 300 &&
    (shift >= 0 || -shift * z < 20) &&
    a + b + x - 1 < 1e6 * (r + x) &&
    (Math.abs(shapeLessOne) * z + 40) / (1 - z) < 20_000;
  const expected = eulerFits
    ? eulerSeries(params, x, logRemaining, z)
    : byQuadrature(params, x, t / (alpha + T));
  // An expectation of purchases is never negative: with a and b near 1e13 the series' two terms
  // (each about a + b) cancel to within rounding, which can land a few millionths below zero.
  return Math.max(0, expected);
}

/**
 * Equation 10's numerator through Euler's transformation: with c = a + b + x - 1 and
 * L = log((α + T) / (α + T + t)),
 *   -c (e^((a-1) L) - 1) / (a - 1) - e^((a-1) L) c (2F1(a + b - 1 - r, a - 1; c; z) - 1) / (a - 1),
 * where the hypergeometric function has the small numerator parameters and the large ones
 * cancel, so that a thousand repeat purchases neither overflow nor lose digits, and a = 1 or
 * a + b + x = 1 are no poles.
 */
export function eulerSeries(params: BgNbdParams, x: number, logRemaining: number, z: number) {
  const { r, a, b } = params;
  const c = a + b + x - 1;
  const shapeLessOne = a - 1;
  const u = shapeLessOne * logRemaining;
  const growth = shapeLessOne === 0 ? -c * logRemaining : (-c * Math.expm1(u)) / shapeLessOne;
  return growth - Math.exp(u) * hyp2f1Excess(a + b - 1 - r, shapeLessOne, c, z);
}

/**
 * E_p[f(p)] for p ~ Beta(a, b + x) by the trapezoidal rule in y = logit p, where the density
 * has no endpoint singularity and is smooth and log-concave. f minus the straight line through
 * f(0) and f(1) vanishes at both ends, so what is left decays at least as fast as
 * p (1 - p) times the density, and a range where that is above e^-46 of its peak suffices.
 */
export function byQuadrature(params: BgNbdParams, x: number, perScale: number): number {
  const { r, a } = params;
  const shape = r + x;
  const bx = params.b + x;
  const atZero = shape * perScale;
  const f = (p: number) => (p === 0 ? atZero : -Math.expm1(-shape * Math.log1p(p * perScale)) / p);
  const atOne = f(1);
  const mean = a / (a + bx);
  const weighted = (y: number) => (a + 1) * logSigmoid(y) + (bx + 1) * logSigmoid(-y);
  const mode = Math.log((a + 1) / (bx + 1));
  const width = Math.sqrt(1 / (a + 1) + 1 / (bx + 1));
  const floor = weighted(mode) - 46;
  let below = width;
  while (weighted(mode - below) > floor) below *= 2;
  let above = width;
  while (weighted(mode + above) > floor) above *= 2;
  const from = mode - below;
  // The integrand is analytic and negligible at both ends: the trapezoidal rule converges
  // exponentially, and half a unit (or a third of the peak's width) gives about 1e-10.
  const steps = Math.ceil((below + above) / Math.min(0.5, width / 3));
  const step = (below + above) / steps;
  // Normalise by B(a, b + x) when one shape is small (it is then accurate), else by the sum of
  // the density itself, which the range then covers too.
  const small = Math.min(a, bx);
  const exact = small < 50;
  const logNorm = exact ? logGamma(small) - logRising(Math.max(a, bx), small) : 0;
  let peak = -Infinity;
  if (!exact) peak = a * logSigmoid(mode) + bx * logSigmoid(-mode);
  let sum = 0;
  let mass = 0;
  for (let i = 0; i <= steps; i++) {
    const y = from + i * step;
    const p = 1 / (1 + Math.exp(-y));
    const q = 1 / (1 + Math.exp(y));
    const trapezoid = i === 0 || i === steps ? 0.5 : 1;
    const density = Math.exp(a * logSigmoid(y) + bx * logSigmoid(-y) - (exact ? logNorm : peak));
    sum += trapezoid * density * (f(p) - atZero * q - atOne * p);
    mass += trapezoid * density;
  }
  const expectedRemainder = exact ? sum * step : sum / mass;
  return atZero * (1 - mean) + atOne * mean + expectedRemainder;
}

/** log(1 / (1 + e^-y)) without overflow. */
function logSigmoid(y: number): number {
  return y >= 0 ? -Math.log1p(Math.exp(-y)) : y - Math.log1p(Math.exp(y));
}
