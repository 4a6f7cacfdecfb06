import { createRandom } from '../common/random';
import { UserError } from '../common/userError';

/** Which part a row is in. */
export const PART_TRAIN = 0;
export const PART_TEST = 1;
/** Neither: its class is unknown (negative), or it was not sampled. */
export const PART_NONE = 2;
/** The words exports write for each part, by part code. */
export const PART_NAMES = ['train', 'test', 'none'] as const;

export interface Split {
  /** Training rows, ascending. */
  train: Int32Array;
  /** Test (hold-out) rows, ascending. */
  test: Int32Array;
  /** Per row: PART_TRAIN, PART_TEST or PART_NONE. */
  part: Uint8Array;
}

/**
 * A seeded, stratified train/test split, defined simply so that anyone can redo it:
 *
 * - rows are grouped by class (rows with a negative class are in neither part);
 * - one generator, createRandom(seed), serves the classes in class order; in each class of m rows
 *   (in row order) the first t positions are drawn by a partial Fisher-Yates shuffle
 *   (position i swaps with i + random.int(m - i)), and those t rows are the test rows;
 * - t = round(testShare x m), clamped to [1, m - 1] when m >= 2, so that every class with at least
 *   two rows is in both parts; a class of one row trains.
 *
 * The same classes, share and seed always give the same split.
 */
export function stratifiedSplit(
  classes: Int32Array,
  classCount: number,
  testShare: number,
  seed: number,
): Split {
  if (!(testShare > 0 && testShare < 1)) {
    throw new UserError('bad-option', 'classifyTestShare', { value: String(testShare) });
  }
  const n = classes.length;
  // Rows bucketed by class, in row order (a counting sort).
  const start = new Int32Array(classCount + 1);
  for (let i = 0; i < n; i++) if (classes[i] >= 0) start[classes[i] + 1]++;
  for (let c = 0; c < classCount; c++) start[c + 1] += start[c];
  const byClass = new Int32Array(start[classCount]);
  const fill = start.slice(0, classCount);
  for (let i = 0; i < n; i++) if (classes[i] >= 0) byClass[fill[classes[i]]++] = i;

  const part = new Uint8Array(n).fill(PART_NONE);
  const random = createRandom(seed);
  let testCount = 0;
  for (let c = 0; c < classCount; c++) {
    const from = start[c];
    const m = start[c + 1] - from;
    for (let i = 0; i < m; i++) part[byClass[from + i]] = PART_TRAIN;
    const t = m < 2 ? 0 : Math.min(m - 1, Math.max(1, Math.round(testShare * m)));
    for (let i = 0; i < t; i++) {
      const j = i + random.int(m - i);
      const chosen = byClass[from + j];
      byClass[from + j] = byClass[from + i];
      byClass[from + i] = chosen;
      part[chosen] = PART_TEST;
    }
    testCount += t;
  }
  const train = new Int32Array(byClass.length - testCount);
  const test = new Int32Array(testCount);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    if (part[i] === PART_TRAIN) train[a++] = i;
    else if (part[i] === PART_TEST) test[b++] = i;
  }
  return { train, test, part };
}
