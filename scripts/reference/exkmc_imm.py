"""What ExKMC's IMM threshold tree gives on SegmentLens's own k-means of the explain cases.

Reads test/reference/data/classify/classify_inputs_<case>.json (scripts/reference/classifyInputs.ts:
the clustering's scaled matrix, its k-means centres and labels) and writes
test/reference/data/classify/classify_imm_<case>.json for `npm run test:reference`.

ExKMC (https://github.com/navefr/ExKMC) is not installed: put its folder on PYTHONPATH, with its
splitter built in place (Cython; outside this repository). For example:

    cp -r /path/to/ExKMC /tmp/exkmc && cd /tmp/exkmc/ExKMC/splitters \\
        && /usr/bin/python3 setup.py build_ext --inplace   # needs cython3, python3-dev
    PYTHONPATH=/tmp/exkmc:/tmp/exkmc/ExKMC/splitters /usr/bin/python3 scripts/reference/exkmc_imm.py

ExKMC is given a scikit-learn KMeans whose cluster_centers_ are SegmentLens's centres (checked:
its predict gives SegmentLens's labels), and Tree(k, base_tree="IMM").fit(X, kmeans).score(X) is
the cost written down, with the tree's splits and every row's leaf.
"""
import json
import os

import numpy as np
from sklearn.cluster import KMeans

from ExKMC.Tree import Tree

DATA = os.path.join(os.path.dirname(__file__), "..", "..", "test", "reference", "data", "classify")
CASES = ["mall_customers", "iris"]


def fitted_kmeans(centres):
    """A KMeans that predicts with the given centres, as if it had found them."""
    kmeans = KMeans(n_clusters=len(centres), n_init=1)
    kmeans.cluster_centers_ = centres
    kmeans.n_features_in_ = centres.shape[1]
    kmeans._n_threads = 1
    return kmeans


def splits(node):
    """The tree depth first, left child first: [feature, threshold] at splits, [-1, leaf] at leaves."""
    if node.is_leaf():
        return [[-1, int(node.value)]]
    return [[int(node.feature), float(node.value)]] + splits(node.left) + splits(node.right)


def main():
    for name in CASES:
        with open(os.path.join(DATA, f"classify_inputs_{name}.json")) as f:
            case = json.load(f)
        n, d, k = case["n"], case["d"], case["k"]
        X = np.array(case["scaled"], dtype=float).reshape(n, d)
        centres = np.array(case["centres"], dtype=float).reshape(k, d)
        kmeans = fitted_kmeans(centres)
        labels = kmeans.predict(X)
        if labels.tolist() != case["labels"]:
            raise SystemExit(f"{name}: the nearest centres are not SegmentLens's labels")
        tree = Tree(k, base_tree="IMM").fit(X, kmeans)
        result = {
            "case": name,
            "generated_by": "scripts/reference/exkmc_imm.py",
            "cost": float(tree.score(X)),
            "surrogate_cost": float(tree.surrogate_score(X)),
            "splits": splits(tree.tree),
            "predicted": tree.predict(X).astype(int).tolist(),
        }
        with open(os.path.join(DATA, f"classify_imm_{name}.json"), "w") as out:
            json.dump(result, out, separators=(",", ":"))
        print(f"wrote test/reference/data/classify/classify_imm_{name}.json: cost {result['cost']}")


if __name__ == "__main__":
    main()
