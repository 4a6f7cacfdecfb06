import { NeighbourSearch } from '../cluster/density/neighbours';
import { rowDistance, squaredDistance } from '../cluster/distance';
import type { StageProgress } from '../common/progress';
import type { ModelClustering } from './modelFile';

export interface Assignment {
  /** Segment of each row; -1 for DBSCAN's noise (no core row within eps). */
  segment: Int32Array;
  /** Distance to the centre (DBSCAN: to the core row) the row joined; NaN for noise. */
  distance: Float64Array;
}

/**
 * Each row's segment under a saved clustering, by the rule the analysis used: k-means, the
 * nearest centre by squared Euclidean distance (ties to the lower segment, as its assignment
 * step); hierarchical, the nearest segment centre under the tree's distance; DBSCAN, the segment
 * of the first saved core row within eps (core rows are saved in the order their clusters were
 * found, so a row near two clusters joins the one found first, as a border row does), else noise.
 */
export function assignSegments(
  matrix: Float64Array,
  m: number,
  dims: number,
  clustering: ModelClustering,
  onProgress?: StageProgress,
): Assignment {
  const segment = new Int32Array(m);
  const distance = new Float64Array(m);
  const every = Math.max(1, Math.floor(m / 20));
  const report = (i: number) => {
    if (onProgress && i % every === 0) onProgress(i / m);
  };
  if (clustering.algorithm === 'dbscan') {
    const cores = Float64Array.from(clustering.cores);
    const count = clustering.coreSegments.length;
    const search = new NeighbourSearch(cores, count, dims, clustering.metric);
    const queries = search.indexRowsOf(matrix, m);
    const { eps, coreSegments } = clustering;
    for (let i = 0; i < m; i++) {
      let first = count;
      let firstDistance = NaN;
      search.within(matrix, queries, i, -1, eps, (core, dist) => {
        if (core < first) {
          first = core;
          firstDistance = dist;
        }
      });
      segment[i] = first < count ? coreSegments[first] : -1;
      distance[i] = firstDistance;
      report(i);
    }
  } else {
    const centres = Float64Array.from(clustering.centres);
    const k = centres.length / dims;
    const squared = clustering.algorithm === 'kmeans';
    const measure = squared ? squaredDistance : rowDistance(clustering.metric);
    for (let i = 0; i < m; i++) {
      let best = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < k; c++) {
        const dist = measure(matrix, i * dims, centres, c * dims, dims);
        if (dist < bestDistance) {
          bestDistance = dist;
          best = c;
        }
      }
      segment[i] = best;
      distance[i] = squared ? Math.sqrt(bestDistance) : bestDistance;
      report(i);
    }
  }
  onProgress?.(1);
  return { segment, distance };
}
