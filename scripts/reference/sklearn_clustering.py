"""What scikit-learn's DBSCAN, AgglomerativeClustering and silhouette give on the shared datasets.

Writes test/reference/data/clustering/<dataset>.json, which `npm run test:reference` compares SegmentLens
against. Regenerate (needs scikit-learn: apt-get install python3-sklearn) with:

    /usr/bin/python3 scripts/reference/sklearn_clustering.py ../shared

Each dataset is read as the shared reference reads it (its features, rows with a missing feature
dropped, duplicates kept) and standardised with StandardScaler (population standard deviation).
The eps values come from each metric's k-distances (k = min_samples), rounded, so that they are
meaningful for the data and no pair sits exactly on the boundary by construction.
"""
import json
import os
import sys

import numpy as np
import pandas as pd
from sklearn.cluster import DBSCAN, AgglomerativeClustering
from sklearn.metrics import pairwise_distances, silhouette_score
from sklearn.preprocessing import StandardScaler

DATASETS = ["iris", "mall_customers", "penguins_dropna", "wholesale", "marketing_campaign"]
METRICS = ["euclidean", "manhattan", "chebyshev", "cosine"]
LINKAGES = ["ward", "complete", "average", "single"]


def load(shared, name):
    reference = json.load(open(os.path.join(shared, "reference", f"{name}.json")))
    path = os.path.join(shared, "datasets", reference["dataset"])
    frame = pd.read_csv(path, sep=None, engine="python")
    values = frame[reference["features"]].apply(pd.to_numeric, errors="coerce").dropna()
    return reference, StandardScaler().fit_transform(values.to_numpy(dtype=float))


def eps_values(X, metric, min_samples):
    distances = np.sort(pairwise_distances(X, metric=metric), axis=1)[:, min_samples - 1]
    picks = []
    for q in (0.5, 0.8, 0.95):
        value = float(np.quantile(distances, q))
        rounded = float(f"{value:.3g}")
        if rounded > 0 and rounded not in picks:
            picks.append(rounded)
    return picks


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared")
    out_dir = os.path.join(os.path.dirname(__file__), "..", "..", "test", "reference", "data", "clustering")
    os.makedirs(out_dir, exist_ok=True)
    for name in DATASETS:
        reference, X = load(shared, name)
        n, d = X.shape
        min_samples = max(3, 2 * d) if d <= 4 else d + 1
        dbscan = []
        for metric in METRICS:
            for eps in eps_values(X, metric, min_samples):
                brute = DBSCAN(eps=eps, min_samples=min_samples, metric=metric, algorithm="brute").fit(X)
                auto = DBSCAN(eps=eps, min_samples=min_samples, metric=metric).fit(X)
                dbscan.append(
                    {
                        "metric": metric,
                        "eps": eps,
                        "min_samples": min_samples,
                        "labels": brute.labels_.tolist(),
                        "labels_default_algorithm": auto.labels_.tolist(),
                        "core": brute.core_sample_indices_.tolist(),
                    }
                )
        agglomerative = []
        for linkage in LINKAGES:
            for metric in ["euclidean"] if linkage == "ward" else METRICS:
                for k in (2, 3, 4, 5, 6):
                    model = AgglomerativeClustering(n_clusters=k, linkage=linkage, metric=metric).fit(X)
                    labels = model.labels_
                    entry = {"linkage": linkage, "metric": metric, "k": k, "labels": labels.tolist()}
                    if len(set(labels)) > 1:
                        entry["silhouette"] = float(silhouette_score(X, labels, metric=metric))
                    agglomerative.append(entry)
        with open(os.path.join(out_dir, f"{name}.json"), "w") as out:
            json.dump(
                {
                    "dataset": reference["dataset"],
                    "features": reference["features"],
                    "n": n,
                    "generated_by": "scripts/reference/sklearn_clustering.py",
                    "sklearn": __import__("sklearn").__version__,
                    "dbscan": dbscan,
                    "agglomerative": agglomerative,
                },
                out,
                separators=(",", ":"),
            )
        print(f"wrote test/reference/data/clustering/{name}.json ({len(dbscan)} DBSCAN, {len(agglomerative)} agglomerative cases)")


if __name__ == "__main__":
    main()
