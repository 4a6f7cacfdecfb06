"""The pipeline a data scientist would write with pandas and scikit-learn, timed stage by stage.

Usage: python3 bench/sklearn_pipeline.py FILE [--n-init 3] [--k-max 10] [--silhouette 5000] [--seed 0]
         [--read '{"sep": ";", "decimal": ","}'] [--strip spend,basket_size] [--read-only]
Prints one JSON object: stage times in milliseconds and the inertia for every k.
--read passes keyword arguments to read_csv (what the file's shape needs); --strip names text
columns a data scientist then turns into numbers by removing '$' and ',' (part of the read time);
--read-only stops after reading.
"""
import argparse
import json
import resource
import time

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--n-init", type=int, default=3)
    parser.add_argument("--k-max", type=int, default=10)
    parser.add_argument("--silhouette", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--read", default=None)
    parser.add_argument("--strip", default="")
    parser.add_argument("--read-only", action="store_true")
    args = parser.parse_args()

    times = {}
    start = time.perf_counter()
    t = time.perf_counter()
    if args.read is None:
        frame = pd.read_csv(args.file, sep=None if args.file.endswith(".txt") else ",")
    else:
        frame = pd.read_csv(args.file, **json.loads(args.read))
    for column in filter(None, args.strip.split(",")):
        frame[column] = frame[column].str.replace("[$,]", "", regex=True).astype(float)
    times["parse"] = time.perf_counter() - t
    if args.read_only:
        print(json.dumps({
            "rows": int(len(frame)),
            "times_ms": {"parse": round(times["parse"] * 1000), "total": round(times["parse"] * 1000)},
            "inertia": {},
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        }))
        return

    t = time.perf_counter()
    frame = frame.select_dtypes(include="number").dropna().drop_duplicates()
    times["clean"] = time.perf_counter() - t

    t = time.perf_counter()
    features = StandardScaler().fit_transform(frame.to_numpy(dtype=float))
    times["scale"] = time.perf_counter() - t

    t = time.perf_counter()
    PCA().fit_transform(features)
    times["pca"] = time.perf_counter() - t

    t = time.perf_counter()
    inertia = {}
    labels = {}
    for k in range(1, args.k_max + 1):
        model = KMeans(n_clusters=k, n_init=args.n_init, random_state=args.seed).fit(features)
        inertia[k] = float(model.inertia_)
        labels[k] = model.labels_
    times["elbow"] = time.perf_counter() - t

    t = time.perf_counter()
    silhouette = {}
    for k in range(2, args.k_max + 1):
        silhouette[k] = float(silhouette_score(features, labels[k], sample_size=min(args.silhouette, len(features)), random_state=args.seed))
    times["silhouette"] = time.perf_counter() - t
    times["total"] = time.perf_counter() - start

    print(json.dumps({
        "rows": int(len(features)),
        "times_ms": {name: round(seconds * 1000) for name, seconds in times.items()},
        "inertia": inertia,
        "silhouette": silhouette,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }))


if __name__ == "__main__":
    main()
