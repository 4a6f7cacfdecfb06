import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { StageProgress } from '../common/progress';
import { createRandom } from '../common/random';

export interface PcaResult {
  /** Variance along each component kept (n - 1 in the denominator, as scikit-learn). */
  explainedVariance: Float64Array;
  /** Each component's share of the total variance (the sum of the features' variances). */
  explainedVarianceRatio: Float64Array;
  cumulativeRatio: Float64Array;
  /** count x d row-major: row c holds component c's loading on each feature. */
  components: Float64Array;
  /** Feature means subtracted before projecting. */
  mean: Float64Array;
  /** Features. */
  d: number;
  /** Components kept: every one (d) for up to COVARIANCE_FEATURES features, fewer above. */
  count: number;
  /** How they were found (see fitPca). */
  method: 'covariance' | 'gram' | 'randomized';
}

/** Up to this many features, PCA goes through the d x d covariance: exact, all components. */
export const COVARIANCE_FEATURES = 256;
/** Above that, and up to this many rows, through the n x n Gram matrix: exact. */
export const GRAM_ROWS = 2500;
/** Above COVARIANCE_FEATURES, this many leading components are kept (Gram or randomized). */
export const WIDE_COMPONENTS = 50;

/**
 * PCA, by the cheapest exact route for the shape. Up to 256 features, through the covariance
 * matrix: one pass over the rows builds the d x d covariance, and a symmetric eigendecomposition
 * (ml-matrix) of that small matrix gives every component; at a million rows this is several times
 * faster than an SVD of the whole matrix. With more features and at most 2,500 rows, through the
 * n x n Gram matrix of the centred rows, whose eigenvectors give the same components (a 2,000-
 * column file of 500 rows decomposes a 500 x 500 matrix, not a 2,000 x 2,000 one); the leading
 * 50 are kept. Wider and longer still, the leading 50 components by randomized subspace iteration (Halko, Martinsson and
 * Tropp 2011; seeded, with power iterations), as scikit-learn's randomized solver. Each
 * component's sign is fixed so that its largest-magnitude loading is positive, so plots do not
 * flip; shares are of the total variance, whatever the number of components kept.
 */
export function fitPca(
  matrix: Float64Array,
  n: number,
  d: number,
  onProgress?: StageProgress,
  method: PcaResult['method'] = d <= COVARIANCE_FEATURES
    ? 'covariance'
    : n <= GRAM_ROWS
      ? 'gram'
      : 'randomized',
): PcaResult {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const row = i * d;
    for (let j = 0; j < d; j++) mean[j] += matrix[row + j];
  }
  for (let j = 0; j < d; j++) mean[j] /= Math.max(1, n);
  const divisor = Math.max(1, n - 1);
  const fit =
    method === 'covariance'
      ? covariancePca(matrix, n, d, mean, divisor)
      : method === 'gram'
        ? gramPca(matrix, n, d, mean, divisor)
        : randomizedPca(matrix, n, d, mean, divisor, Math.min(WIDE_COMPONENTS, d), onProgress);
  onProgress?.(0.9);
  const count = fit.variances.length;
  const explainedVariance = Float64Array.from(fit.variances, (v) => Math.max(0, v));
  let total = 0;
  if (fit.method === 'covariance') {
    for (let c = 0; c < count; c++) total += explainedVariance[c];
  } else {
    // The total variance is the trace of the covariance: the features' variances summed.
    for (let i = 0; i < n; i++) {
      const offset = i * d;
      for (let j = 0; j < d; j++) total += (matrix[offset + j] - mean[j]) ** 2;
    }
    total /= divisor;
  }
  const explainedVarianceRatio = explainedVariance.map((v) => (total > 0 ? v / total : 0));
  const cumulativeRatio = new Float64Array(count);
  let running = 0;
  for (let c = 0; c < count; c++) {
    running += explainedVarianceRatio[c];
    cumulativeRatio[c] = running;
  }
  fixSigns(fit.components, count, d);
  onProgress?.(1);
  return {
    explainedVariance,
    explainedVarianceRatio,
    cumulativeRatio,
    components: fit.components,
    mean,
    d,
    count,
    method: fit.method,
  };
}

interface Fit {
  /** Descending. */
  variances: Float64Array;
  /** count x d. */
  components: Float64Array;
  method: PcaResult['method'];
}

function covariancePca(
  matrix: Float64Array,
  n: number,
  d: number,
  mean: Float64Array,
  divisor: number,
): Fit {
  const covariance = new Float64Array(d * d);
  const centred = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const row = i * d;
    for (let j = 0; j < d; j++) centred[j] = matrix[row + j] - mean[j];
    for (let a = 0; a < d; a++) {
      const ca = centred[a];
      const offset = a * d;
      for (let b = a; b < d; b++) covariance[offset + b] += ca * centred[b];
    }
  }
  const { values, vectors } = symmetricEigen(covariance, d, divisor);
  const components = new Float64Array(d * d);
  for (let c = 0; c < d; c++) for (let j = 0; j < d; j++) components[c * d + j] = vectors(j, c);
  return { variances: values, components, method: 'covariance' };
}

function gramPca(
  matrix: Float64Array,
  n: number,
  d: number,
  mean: Float64Array,
  divisor: number,
): Fit {
  const centred = new Float64Array(n * d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) centred[i * d + j] = matrix[i * d + j] - mean[j];
  const gram = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    const rowA = centred.subarray(a * d, a * d + d);
    for (let b = a; b < n; b++) {
      const offset = b * d;
      let sum = 0;
      for (let j = 0; j < d; j++) sum += rowA[j] * centred[offset + j];
      gram[a * n + b] = sum;
    }
  }
  const { values, vectors } = symmetricEigen(gram, n, divisor);
  // Components are the centred rows weighted by each eigenvector, normalised; only those with
  // variance (at most n - 1 of them: centring removes one dimension), and no more than a
  // clustering or a chart uses (each costs n x d).
  const largest = values[0] ?? 0;
  let count = 0;
  const most = Math.min(n, d, WIDE_COMPONENTS);
  while (count < most && values[count] > largest * 1e-12 && values[count] > 0) count++;
  const components = new Float64Array(count * d);
  for (let c = 0; c < count; c++) {
    const row = c * d;
    const component = components.subarray(row, row + d);
    for (let i = 0; i < n; i++) {
      const weight = vectors(i, c);
      if (weight === 0) continue;
      const offset = i * d;
      for (let j = 0; j < d; j++) component[j] += weight * centred[offset + j];
    }
    normalise(components, row, d);
  }
  return { variances: values.slice(0, count), components, method: 'gram' };
}

/** The leading `count` components by randomized subspace iteration on the centred matrix. */
function randomizedPca(
  matrix: Float64Array,
  n: number,
  d: number,
  mean: Float64Array,
  divisor: number,
  count: number,
  onProgress?: StageProgress,
): Fit {
  const width = Math.min(d, count + 10);
  const random = createRandom(0);
  // Gaussian test matrix (Box-Muller), d x width.
  let basis: Float64Array = new Float64Array(d * width);
  for (let k = 0; k < basis.length; k++) {
    const u = Math.max(random.next(), 1e-300);
    basis[k] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
  }
  const powerIterations = 4;
  let range: Float64Array = new Float64Array(n * width);
  for (let q = 0; q <= powerIterations; q++) {
    range = timesCentred(matrix, n, d, mean, basis, width);
    orthonormalise(range, n, width);
    if (q === powerIterations) break;
    basis = centredTransposeTimes(matrix, n, d, mean, range, width);
    orthonormalise(basis, d, width);
    onProgress?.((0.8 * (q + 1)) / (powerIterations + 1));
  }
  // B = Q^T X (width x d); the eigenvectors of B B^T give the right singular vectors.
  const projected = centredTransposeTimes(matrix, n, d, mean, range, width); // d x width = B^T
  const small = new Float64Array(width * width);
  for (let a = 0; a < width; a++)
    for (let b = a; b < width; b++) {
      let sum = 0;
      for (let j = 0; j < d; j++) sum += projected[j * width + a] * projected[j * width + b];
      small[a * width + b] = sum;
    }
  const { values, vectors } = symmetricEigen(small, width, divisor);
  const kept = Math.min(count, width);
  const components = new Float64Array(kept * d);
  for (let c = 0; c < kept; c++) {
    for (let j = 0; j < d; j++) {
      let sum = 0;
      for (let a = 0; a < width; a++) sum += projected[j * width + a] * vectors(a, c);
      components[c * d + j] = sum;
    }
    normalise(components, c * d, d);
  }
  return { variances: values.slice(0, kept), components, method: 'randomized' };
}

/** Eigenvalues (descending, divided by `divisor`) and eigenvectors of an upper-triangle matrix. */
function symmetricEigen(
  upper: Float64Array,
  size: number,
  divisor: number,
): { values: Float64Array; vectors: (row: number, rank: number) => number } {
  const full = new Matrix(size, size);
  for (let a = 0; a < size; a++)
    for (let b = a; b < size; b++) {
      const value = upper[a * size + b] / divisor;
      full.set(a, b, value);
      full.set(b, a, value);
    }
  const evd = new EigenvalueDecomposition(full, { assumeSymmetric: true });
  const raw = evd.realEigenvalues;
  const order = raw.map((_, i) => i).sort((a, b) => raw[b] - raw[a]);
  const eigenvectors = evd.eigenvectorMatrix;
  return {
    values: Float64Array.from(order, (i) => raw[i]),
    vectors: (row, rank) => eigenvectors.get(row, order[rank]),
  };
}

/** (X - mean) times `right` (d x width): n x width. */
function timesCentred(
  matrix: Float64Array,
  n: number,
  d: number,
  mean: Float64Array,
  right: Float64Array,
  width: number,
): Float64Array {
  const out = new Float64Array(n * width);
  for (let i = 0; i < n; i++) {
    const row = i * d;
    const target = i * width;
    for (let j = 0; j < d; j++) {
      const x = matrix[row + j] - mean[j];
      if (x === 0) continue;
      const from = j * width;
      for (let a = 0; a < width; a++) out[target + a] += x * right[from + a];
    }
  }
  return out;
}

/** (X - mean)^T times `left` (n x width): d x width. */
function centredTransposeTimes(
  matrix: Float64Array,
  n: number,
  d: number,
  mean: Float64Array,
  left: Float64Array,
  width: number,
): Float64Array {
  const out = new Float64Array(d * width);
  for (let i = 0; i < n; i++) {
    const row = i * d;
    const from = i * width;
    for (let j = 0; j < d; j++) {
      const x = matrix[row + j] - mean[j];
      if (x === 0) continue;
      const target = j * width;
      for (let a = 0; a < width; a++) out[target + a] += x * left[from + a];
    }
  }
  return out;
}

/** Modified Gram-Schmidt on the columns of a rows x width matrix, in place. */
function orthonormalise(m: Float64Array, rows: number, width: number): void {
  for (let a = 0; a < width; a++) {
    for (let b = 0; b < a; b++) {
      let dot = 0;
      for (let r = 0; r < rows; r++) dot += m[r * width + a] * m[r * width + b];
      for (let r = 0; r < rows; r++) m[r * width + a] -= dot * m[r * width + b];
    }
    let norm = 0;
    for (let r = 0; r < rows; r++) norm += m[r * width + a] ** 2;
    norm = Math.sqrt(norm);
    for (let r = 0; r < rows; r++) m[r * width + a] = norm > 0 ? m[r * width + a] / norm : 0;
  }
}

function normalise(values: Float64Array, offset: number, length: number): void {
  let norm = 0;
  for (let j = 0; j < length; j++) norm += values[offset + j] ** 2;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let j = 0; j < length; j++) values[offset + j] /= norm;
}

/** Each component's largest-magnitude loading positive. */
function fixSigns(components: Float64Array, count: number, d: number): void {
  for (let c = 0; c < count; c++) {
    let largest = 0;
    for (let j = 0; j < d; j++) {
      const loading = components[c * d + j];
      if (Math.abs(loading) > Math.abs(largest)) largest = loading;
    }
    if (largest < 0) for (let j = 0; j < d; j++) components[c * d + j] = -components[c * d + j];
  }
}

/**
 * Coordinates of some rows on the first `count` components, rows.length x count row-major, in
 * single precision (for plotting): the scatter's few thousand rows, without a projection of
 * every row (12 MB at a million rows) kept for them.
 */
export function projectRows(
  matrix: Float64Array,
  rows: Int32Array,
  pca: PcaResult,
  count: number,
): Float32Array {
  const d = pca.d;
  const c = Math.min(count, pca.count);
  const out = new Float32Array(rows.length * c);
  rows.forEach((r, i) => {
    for (let k = 0; k < c; k++) {
      let sum = 0;
      for (let j = 0; j < d; j++)
        sum += (matrix[r * d + j] - pca.mean[j]) * pca.components[k * d + j];
      out[i * c + k] = sum;
    }
  });
  return out;
}

/** Coordinates of every row on the first `count` components, n x count row-major. */
export function projectPca<T extends Float64Array | Float32Array = Float64Array>(
  matrix: Float64Array,
  n: number,
  pca: PcaResult,
  count: number,
  into?: T,
): T {
  const d = pca.d;
  const c = Math.min(count, pca.count);
  const out = (into ?? new Float64Array(n * c)) as T;
  for (let i = 0; i < n; i++) {
    const row = i * d;
    for (let k = 0; k < c; k++) {
      let sum = 0;
      const component = k * d;
      for (let j = 0; j < d; j++)
        sum += (matrix[row + j] - pca.mean[j]) * pca.components[component + j];
      out[i * c + k] = sum;
    }
  }
  return out;
}
