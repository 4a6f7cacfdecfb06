/** scikit-learn's tolerance: tol times the mean of the per-feature variances. */
export function absoluteTolerance(matrix: Float64Array, n: number, d: number, tol: number): number {
  if (tol === 0) return 0;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += matrix[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const delta = matrix[i * d + j] - mean[j];
      total += delta * delta;
    }
  }
  return (total / n / d) * tol;
}
