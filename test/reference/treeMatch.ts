import type { DecisionTree } from '../../src/core/classify/decisionTree';

/** A tree as scikit-learn's tree_ lists it (sklearn_classify.py's tree_nodes). */
export interface SklearnTree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  rows: number[];
  counts: number[][];
  impurity: number[];
}

export interface TreeMatch {
  /** Nodes whose split (or leaf) and counts were compared and agree. */
  compared: number;
  /**
   * Nodes where another feature's split was as good, so scikit-learn's random feature order may
   * pick another: not compared, and nor is what lies below, unless both trees chose the same
   * split or splits that send the same rows each way (the same counts in both children).
   */
  tied: number;
  /** Nodes that differ although no tie explains it. */
  mismatches: string[];
}

/** The rows a tree was fitted on, to tell whether two splits send the same rows each way. */
export interface FittedRows {
  matrix: Float64Array;
  d: number;
  rows: readonly number[];
}

/**
 * Walks our tree and scikit-learn's side by side from the root: at every node where the best
 * split is not tied, the same feature and threshold (to 1e-9), the same rows and class counts.
 * scikit-learn visits features in random order, so at a tied node it may pick another feature
 * than ours: such a node is skipped (and counted), and so is what lies below it unless the two
 * splits send exactly the same fitted rows each way.
 */
export function matchTrees(ours: DecisionTree, theirs: SklearnTree, fitted: FittedRows): TreeMatch {
  const match: TreeMatch = { compared: 0, tied: 0, mismatches: [] };
  const C = ours.classCount;
  const sameNode = (a: number, b: number) =>
    ours.rows[a] === theirs.rows[b] &&
    theirs.counts[b].every((c, j) => ours.counts[a * C + j] === c);
  const goesLeft = (row: number, feature: number, threshold: number) =>
    Math.fround(fitted.matrix[row * fitted.d + feature]) <= threshold;
  const walk = (a: number, b: number, rows: readonly number[], path: string) => {
    const ourLeaf = ours.feature[a] < 0;
    const theirLeaf = theirs.feature[b] < 0;
    const sameSplit =
      ourLeaf === theirLeaf &&
      (ourLeaf ||
        (ours.feature[a] === theirs.feature[b] &&
          Math.abs(ours.threshold[a] - theirs.threshold[b]) <= 1e-9));
    if (ours.tied[a] === 1) {
      match.tied++;
      const samePartition =
        !ourLeaf &&
        !theirLeaf &&
        rows.every(
          (row) =>
            goesLeft(row, ours.feature[a], ours.threshold[a]) ===
            goesLeft(row, theirs.feature[b], theirs.threshold[b]),
        );
      if (!sameSplit && !samePartition) return;
    } else if (sameSplit && sameNode(a, b)) {
      match.compared++;
    } else {
      match.mismatches.push(
        `node ${path || 'root'}: ours ${ours.feature[a]} <= ${ours.threshold[a]} (${ours.rows[a]} rows), scikit-learn ${theirs.feature[b]} <= ${theirs.threshold[b]} (${theirs.rows[b]} rows)`,
      );
      return;
    }
    if (!ourLeaf) {
      const left = rows.filter((row) => goesLeft(row, ours.feature[a], ours.threshold[a]));
      const right = rows.filter((row) => !goesLeft(row, ours.feature[a], ours.threshold[a]));
      walk(ours.left[a], theirs.left[b], left, `${path}L`);
      walk(ours.right[a], theirs.right[b], right, `${path}R`);
    }
  };
  walk(0, 0, fitted.rows, '');
  return match;
}

/** classification_report's dict (output_dict=True), as sklearn_classify.py writes it. */
export type SklearnReport = Record<
  string,
  number | { precision: number; recall: number; 'f1-score': number; support: number }
>;
