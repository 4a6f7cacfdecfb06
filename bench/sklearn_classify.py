"""scikit-learn (and ExKMC, when importable) on bench/classify.ts's files, timed.

Usage (bench/classify.ts runs it after our own run has written the split):
    python3 bench/sklearn_classify.py predict BASE   # BASE.matrix, BASE.target, BASE.train
    python3 bench/sklearn_classify.py explain BASE   # BASE.matrix, BASE.labels, BASE.centres, BASE.train
Prints one JSON object: times in milliseconds, figures, and peak memory in MB.

predict: make_pipeline(StandardScaler(), LogisticRegression()) with its defaults,
DecisionTreeClassifier(max_depth=5, random_state=0) and RandomForestClassifier(n_estimators=100,
random_state=0) (one thread: n_jobs=None), each fitted on the training rows and predicting every
row, with test accuracy and ROC AUC.
explain: DecisionTreeClassifier(max_depth=3, min_samples_leaf=max(5, ceil(1% of the training
rows))) on the training rows of the explanation's sample, predicting every row; and ExKMC's
Tree(k, base_tree="IMM") on every row (put ExKMC on PYTHONPATH, see scripts/reference/exkmc_imm.py).
"""
import json
import math
import resource
import sys
import time

import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

FEATURES = {"predict": 20, "explain": 8}


def peak_mb():
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def predict(base):
    X = np.fromfile(f"{base}.matrix", dtype="<f8").reshape(-1, FEATURES["predict"])
    y = np.fromfile(f"{base}.target", dtype="<i4")
    train = np.fromfile(f"{base}.train", dtype="<i4")
    test = np.setdiff1d(np.arange(len(y)), train)
    models = {
        "logistic": make_pipeline(StandardScaler(), LogisticRegression()),
        "tree": DecisionTreeClassifier(max_depth=5, random_state=0),
        "forest": RandomForestClassifier(n_estimators=100, random_state=0),
    }
    times, figures = {}, {}
    start = time.perf_counter()
    cpu = time.process_time()
    for name, model in models.items():
        t = time.perf_counter()
        model.fit(X[train], y[train])
        proba = model.predict_proba(X)[:, 1]
        predicted = model.predict(X)
        times[name] = (time.perf_counter() - t) * 1000
        figures[name] = {
            "accuracy": accuracy_score(y[test], predicted[test]),
            "auc": roc_auc_score(y[test], proba[test]),
        }
    times["total"] = (time.perf_counter() - start) * 1000
    times["cpu"] = (time.process_time() - cpu) * 1000
    return {"times": times, "figures": figures, "peak_mb": peak_mb()}


def explain(base):
    d = FEATURES["explain"]
    X = np.fromfile(f"{base}.matrix", dtype="<f8").reshape(-1, d)
    labels = np.fromfile(f"{base}.labels", dtype="<i4")
    centres = np.fromfile(f"{base}.centres", dtype="<f8").reshape(-1, d)
    train = np.fromfile(f"{base}.train", dtype="<i4")
    times, figures = {}, {}
    t = time.perf_counter()
    tree = DecisionTreeClassifier(
        max_depth=3, min_samples_leaf=max(5, math.ceil(0.01 * len(train))), random_state=0
    ).fit(X[train], labels[train])
    figures["fidelity"] = accuracy_score(labels, tree.predict(X))
    times["explain"] = (time.perf_counter() - t) * 1000
    try:
        from ExKMC.Tree import Tree
        from sklearn.cluster import KMeans

        kmeans = KMeans(n_clusters=len(centres), n_init=1)
        kmeans.cluster_centers_ = centres
        kmeans.n_features_in_ = d
        kmeans._n_threads = 1
        t = time.perf_counter()
        imm = Tree(len(centres), base_tree="IMM").fit(X, kmeans)
        figures["imm_cost"] = float(imm.score(X))
        times["imm"] = (time.perf_counter() - t) * 1000
    except ImportError:
        pass
    return {"times": times, "figures": figures, "peak_mb": peak_mb()}


if __name__ == "__main__":
    print(json.dumps((predict if sys.argv[1] == "predict" else explain)(sys.argv[2])))
