/**
 * The special functions the customer-value models need, for real arguments: log-gamma, digamma,
 * log-beta and the Gauss hypergeometric function 2F1 on 0 <= z < 1. Accurate to a few units in
 * the last place for the arguments BG/NBD and Gamma-Gamma meet (positive shapes, z below 1).
 */

const HALF_LOG_TWO_PI = 0.9189385332046728;

/**
 * log Γ(x) for x > 0 (NaN otherwise). Stirling's series after shifting x to at least 10:
 * relative error about 1e-15 from 10 on, absolute error a few 1e-15 below.
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x === Infinity) return Infinity;
  let shift = 0;
  if (x < 10) {
    // Γ(x) = Γ(x + k) / (x (x + 1) ... (x + k - 1)); the product stays far from overflow.
    let product = 1;
    while (x < 10) {
      product *= x;
      x += 1;
    }
    shift = Math.log(product);
  }
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + stirlingSeries(x) - shift;
}

/** log Γ(x) - ((x - 1/2) log x - x + log √(2π)) for x >= 10. */
function stirlingSeries(x: number): number {
  const inverse = 1 / x;
  const inverse2 = inverse * inverse;
  // Bernoulli terms B(2k) / (2k (2k - 1) x^(2k - 1)); the next one is below 1e-17 at x = 10.
  return (
    inverse *
    (1 / 12 +
      inverse2 *
        (-1 / 360 +
          inverse2 *
            (1 / 1260 +
              inverse2 *
                (-1 / 1680 + inverse2 * (1 / 1188 + inverse2 * (-691 / 360360 + inverse2 / 156))))))
  );
}

/**
 * log Γ(a + x) - log Γ(a) for a > 0 and x >= 0 (the log of the rising factorial (a)_x),
 * without the cancellation of subtracting two large log-gammas when a is large, as it is
 * when a fit runs towards a limit of its model.
 */
export function logRising(a: number, x: number): number {
  if (x === 0) return 0;
  if (a < 10) return logGamma(a + x) - logGamma(a);
  const end = a + x;
  return (
    (a - 0.5) * Math.log1p(x / a) + x * Math.log(end) - x + stirlingSeries(end) - stirlingSeries(a)
  );
}

/** ψ(x) = d/dx log Γ(x) for x > 0 (NaN otherwise). Asymptotic series after shifting to 10. */
export function digamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x === Infinity) return Infinity;
  let shift = 0;
  while (x < 10) {
    shift += 1 / x;
    x += 1;
  }
  const inverse2 = 1 / (x * x);
  const series =
    inverse2 *
    (1 / 12 -
      inverse2 *
        (1 / 120 -
          inverse2 *
            (1 / 252 -
              inverse2 *
                (1 / 240 - inverse2 * (1 / 132 - inverse2 * (691 / 32760 - inverse2 / 12))))));
  return Math.log(x) - 0.5 / x - series - shift;
}

/** log B(a, b) = log Γ(a) + log Γ(b) - log Γ(a + b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** More terms than any z below 1 - 1e-6 needs; reaching it is a bug, not a user error. */
const MAX_TERMS = 10_000_000;
const EPSILON = 1e-17;

/**
 * Sums the tail of the hypergeometric series from its n-th term `term` on, where each term is
 * the previous times (a + n)(b + n) z / ((c + n)(n + 1)). Stops only once the size of that ratio
 * is below 1 for good (past the larger root of the quadratic that bounds it with |a| and |b|),
 * and the geometric bound on what is left is below 1e-17 of the sum, so that a series whose
 * first terms are tiny and whose later ones grow is never cut short.
 */
function seriesTail(a: number, b: number, c: number, z: number, n: number, term: number): number {
  if (term === 0 || z === 0) return term;
  // (|a| + k)(|b| + k) z < (c + k)(k + 1)
  //   <=>  (z - 1) k^2 + (z (|a| + |b|) - c - 1) k + z |a b| - c < 0.
  const quadratic = z - 1;
  const linear = z * (Math.abs(a) + Math.abs(b)) - c - 1;
  const constant = z * Math.abs(a * b) - c;
  const discriminant = linear * linear - 4 * quadratic * constant;
  const decreasingFrom =
    discriminant <= 0 ? 0 : (-linear - Math.sqrt(discriminant)) / (2 * quadratic);
  const settled = Math.max(decreasingFrom, -c, 0) + 1;
  let sum = 0;
  for (let k = n; k < n + MAX_TERMS; k++) {
    sum += term;
    const ratio = ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    term *= ratio;
    if (k >= settled) {
      // Later ratios stay below the bound (or near z, its limit): a geometric tail.
      const bound = ((Math.abs(a) + k + 1) * (Math.abs(b) + k + 1) * z) / ((c + k + 1) * (k + 2));
      const rate = Math.max(bound, z);
      if (Math.abs(term) <= EPSILON * (1 - rate) * Math.abs(sum)) return sum + term;
    }
  }
  throw new Error(`hypergeometric series did not converge (a ${a}, b ${b}, c ${c}, z ${z})`);
}

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1 and c not zero or a negative
 * integer, by its power series. All terms are positive when a, b, c > 0, so the sum is as
 * accurate as its terms; values beyond the double range come out as Infinity.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) return NaN;
  if (c <= 0 && Number.isInteger(c)) return NaN;
  return 1 + seriesTail(a, b, c, z, 1, (a * b * z) / c);
}

/**
 * c (2F1(a, b; c; z) - 1) / b without the cancellation of subtracting 1 and without dividing by
 * b or c, so that it is finite and exact at b = 0 and at c = 0 (where it equals
 * a z 2F1(a + 1, b + 1; 2; z)). Its series: sum over n >= 1 of
 * (a)_n (b + 1)_(n-1) z^n / ((c + 1)_(n-1) n!), for 0 <= z < 1 and c > -1.
 * BG/NBD's expected purchases need it where its shape a is near 1 and a + b near 1.
 */
export function hyp2f1Excess(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1) || !(c > -1)) return NaN;
  // The n-th term over the (n-1)-th is (a + n - 1)(b + n - 1) z / ((c + n - 1) n): the 2F1 ratio.
  return seriesTail(a, b, c, z, 1, a * z);
}
