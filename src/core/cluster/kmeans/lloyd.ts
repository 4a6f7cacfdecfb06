import { reusableFloat32, reusableInt32 } from '../../common/reusableArrays';
import { squaredDistance } from '../distance';
import { KERNEL_MAX_CELLS, kmeansKernel } from './kernel/kmeansKernel';
import { JS_LLOYD_LOOPS, type LloydArrays } from './lloydLoops';
import { segmentLabelsFor, type SegmentLabels } from '../segmentLabels';

/**
 * One clustering into k segments: what Lloyd gives back, and k-means and the local search too.
 * Labels are Int32 while they are worked on, and narrowed (segmentLabels.ts) once final.
 */
export interface KMeansResult<Labels extends SegmentLabels = Int32Array> {
  k: number;
  labels: Labels;
  /** k x d row-major, in the units of the input matrix. */
  centroids: Float64Array;
  sizes: Int32Array;
  /** Sum of squared distances of the rows to their centroid. */
  inertia: number;
  /** Lloyd iterations of the winning run (on all rows). */
  iterations: number;
  converged: boolean;
}

/**
 * Where Lloyd keeps its per-row scratch (labels and Hamerly's bounds) when it runs in JavaScript:
 * fresh arrays, or the thread's reusable ones of a name. Made only when first asked for, since
 * the WebAssembly kernel keeps its own in its memory. The bounds are single precision, rounded
 * outwards (upper up, lower down: see roundUp and roundDown in lloydLoops.ts), so they stay bounds: 8 MB less per
 * thread at a million rows, and the same labels, since every row the bounds do not settle is
 * measured in double precision.
 */
export class Workspace {
  private made: { labels: Int32Array; upper: Float32Array; lower: Float32Array } | null = null;

  /** `name`: 'all' for refining on all rows, others for k-means' samples (one k at a time). */
  constructor(
    readonly n: number,
    private readonly name: string | null = null,
  ) {}

  /** The thread's reusable workspace of this name. */
  static shared(n: number, name = 'all'): Workspace {
    return new Workspace(n, name);
  }

  arrays(): { labels: Int32Array; upper: Float32Array; lower: Float32Array } {
    if (this.made === null) {
      const { n, name } = this;
      this.made =
        name === null
          ? { labels: new Int32Array(n), upper: new Float32Array(n), lower: new Float32Array(n) }
          : {
              labels: reusableInt32(`lloyd.${name}.labels`, n),
              upper: reusableFloat32(`lloyd.${name}.upper`, n),
              lower: reusableFloat32(`lloyd.${name}.lower`, n),
            };
    }
    return this.made;
  }
}

/**
 * Lloyd's iterations from given centres, with scikit-learn's stopping rules (labels unchanged,
 * or total squared centre shift within the tolerance, then one last assignment) and Hamerly's
 * bounds: each row keeps an upper bound on the distance to its centre and a lower bound on the
 * distance to any other, both moved by how far the centres moved; a row is measured again only
 * when the bounds no longer prove its centre is still the nearest. Same answer as plain Lloyd.
 * The loops over the rows run in the WebAssembly kernel where it can run (kernel/kmeansKernel.ts),
 * in JavaScript elsewhere: the same doubles either way. With `narrow`, the labels come back in the narrowest type that holds k segments (a final
 * result: a million Int32 labels per k would be 4 MB of garbage on the way to 1 MB).
 */
export function lloyd(
  matrix: Float64Array,
  n: number,
  d: number,
  k: number,
  initialCentres: Float64Array,
  maxIter: number,
  tolerance: number,
  workspace?: Workspace,
): KMeansResult;
export function lloyd(
  matrix: Float64Array,
  n: number,
  d: number,
  k: number,
  initialCentres: Float64Array,
  maxIter: number,
  tolerance: number,
  workspace: Workspace,
  narrow: true,
): KMeansResult<SegmentLabels>;
export function lloyd(
  matrix: Float64Array,
  n: number,
  d: number,
  k: number,
  initialCentres: Float64Array,
  maxIter: number,
  tolerance: number,
  workspace: Workspace = new Workspace(n),
  narrow = false,
): KMeansResult<SegmentLabels> {
  // A matrix the kernel takes whole is copied into it; a larger one stays here and goes through
  // it a block at a time.
  const kernel = kmeansKernel();
  const whole = n * d <= KERNEL_MAX_CELLS;
  const inKernel = kernel && whole ? kernel.arrays(matrix, n, d, k) : null;
  const blocks = kernel && !whole ? kernel.blockArrays(matrix, n, d, k) : null;
  const arrays = inKernel ?? blocks?.arrays ?? jsArrays(matrix, d, k, workspace);
  const loops = kernel && inKernel ? kernel.lloyd : (blocks?.loops ?? JS_LLOYD_LOOPS);
  const { labels, upper, lower, counts, moved, drop, half } = arrays;
  const rows = arrays.matrix;
  let centres = arrays.centres;
  let next = arrays.next;
  centres.set(initialCentres.subarray(0, k * d));
  loops.assignWithBounds(rows, n, d, k, centres, labels, upper, lower);
  let iterations = 0;
  let strict = false;
  const reassignRows = () => {
    halfSeparations(centres, k, d, half);
    return loops.reassign(rows, n, d, k, centres, labels, upper, lower, half, moved, drop);
  };
  for (let iteration = 0; iteration < maxIter; iteration++) {
    iterations = iteration + 1;
    let changed = n;
    if (iteration === 0) {
      loops.sumByLabel(rows, n, d, k, labels, next, counts);
    } else {
      halfSeparations(centres, k, d, half);
      changed = loops.reassignAndSum(
        rows,
        n,
        d,
        k,
        centres,
        labels,
        upper,
        lower,
        half,
        moved,
        drop,
        next,
        counts,
      );
    }
    relocateEmptyClusters(rows, n, d, k, centres, labels, next, counts);
    let shift = 0;
    let largest = 0;
    let largestAt = -1;
    let secondLargest = 0;
    for (let c = 0; c < k; c++) {
      const offset = c * d;
      for (let j = 0; j < d; j++) next[offset + j] /= counts[c];
      const squared = squaredDistance(next, offset, centres, offset, d);
      shift += squared;
      moved[c] = Math.sqrt(squared);
      if (moved[c] > largest) {
        secondLargest = largest;
        largest = moved[c];
        largestAt = c;
      } else if (moved[c] > secondLargest) {
        secondLargest = moved[c];
      }
    }
    [centres, next] = [next, centres];
    if (iteration > 0 && changed === 0) {
      strict = true;
      break;
    }
    // How far each row's lower bound falls: the largest move of any other centre.
    for (let c = 0; c < k; c++) drop[c] = c === largestAt ? secondLargest : largest;
    if (shift <= tolerance) {
      // The centres moved after the last assignment: assign once more (the bounds still hold,
      // so most rows need no measuring) so that labels match centres.
      reassignRows();
      break;
    }
  }
  if (iterations === maxIter && !strict) reassignRows();
  // Bounds are only bounds: the inertia is measured exactly.
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) sizes[labels[i]]++;
  const inertia = loops.inertia(rows, n, d, centres, labels);
  let own: SegmentLabels;
  if (narrow) {
    own = segmentLabelsFor(n, k);
    own.set(labels);
  } else {
    own = labels.slice();
  }
  return {
    k,
    labels: own,
    // The kernel's arrays are reused by its next run.
    centroids: inKernel || blocks ? centres.slice() : centres,
    sizes,
    inertia,
    iterations,
    converged: strict || iterations < maxIter,
  };
}

/** Lloyd's arrays without the kernel: the matrix itself, and the workspace's labels and bounds. */
function jsArrays(matrix: Float64Array, d: number, k: number, workspace: Workspace): LloydArrays {
  return {
    ...workspace.arrays(),
    matrix,
    centres: new Float64Array(k * d),
    next: new Float64Array(k * d),
    counts: new Float64Array(k),
    moved: new Float64Array(k),
    drop: new Float64Array(k),
    half: new Float64Array(k),
  };
}

/** Half the distance from each centre to its nearest other centre (Hamerly's s). */
function halfSeparations(centres: Float64Array, k: number, d: number, half: Float64Array): void {
  half.fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const distance = Math.sqrt(squaredDistance(centres, a * d, centres, b * d, d)) / 2;
      if (distance < half[a]) half[a] = distance;
      if (distance < half[b]) half[b] = distance;
    }
  }
}

/**
 * An empty cluster takes the row farthest from its current centre (scikit-learn's rule), so
 * k clusters always come back.
 */
function relocateEmptyClusters(
  matrix: Float64Array,
  n: number,
  d: number,
  k: number,
  centres: Float64Array,
  labels: Int32Array,
  sums: Float64Array,
  counts: Float64Array,
): void {
  const empty: number[] = [];
  for (let c = 0; c < k; c++) if (counts[c] === 0) empty.push(c);
  if (empty.length === 0) return;
  const distances = new Float64Array(n);
  for (let i = 0; i < n; i++)
    distances[i] = squaredDistance(matrix, i * d, centres, labels[i] * d, d);
  const order = farthest(distances, empty.length);
  empty.forEach((cluster, e) => {
    const row = order[e];
    const from = labels[row];
    for (let j = 0; j < d; j++) {
      sums[from * d + j] -= matrix[row * d + j];
      sums[cluster * d + j] = matrix[row * d + j];
    }
    counts[from]--;
    counts[cluster] = 1;
  });
}

/** Indices of the `count` largest values, largest first. */
function farthest(values: Float64Array, count: number): number[] {
  const chosen: number[] = [];
  const taken = new Uint8Array(values.length);
  for (let t = 0; t < count; t++) {
    let best = -1;
    for (let i = 0; i < values.length; i++)
      if (taken[i] === 0 && (best === -1 || values[i] > values[best])) best = i;
    taken[best] = 1;
    chosen.push(best);
  }
  return chosen;
}
