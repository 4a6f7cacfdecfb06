/** One clustering into k segments: what k-means, Lloyd and the local search each give back. */
export interface KMeansResult {
  k: number;
  labels: Int32Array;
  /** k x d row-major, in the units of the input matrix. */
  centroids: Float64Array;
  sizes: Int32Array;
  /** Sum of squared distances of the rows to their centroid. */
  inertia: number;
  /** Lloyd iterations of the winning run (on all rows). */
  iterations: number;
  converged: boolean;
}
