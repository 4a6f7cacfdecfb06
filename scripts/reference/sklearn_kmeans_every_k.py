"""scikit-learn's k-means at every k = 1..10 on the matrices SegmentLens clusters.

Writes test/reference/data/kmeans/every-k.json, which test/reference/kmeansEveryK.test.ts compares
SegmentLens's best inertia against (at most 1.005 x scikit-learn's, same number of starts).
The matrices come from our own pipeline (seeded generated files and one shared file, cleaned,
scaled and projected as the page's defaults do), so both sides cluster exactly the same numbers.
Regenerate (needs scikit-learn: apt-get install python3-sklearn) with:

    npx tsx scripts/reference/exportKmeansEveryK.ts /tmp/kmeans-every-k
    /usr/bin/python3 scripts/reference/sklearn_kmeans_every_k.py /tmp/kmeans-every-k

KMeans(n_clusters=k, n_init=<our default starts for the file's size>, algorithm='lloyd',
random_state=0): greedy k-means++ seeding (2 + floor(ln k) candidates per centre), then Lloyd.
"""
import json
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else "/tmp/kmeans-every-k"
    out_dir = os.path.join(os.path.dirname(__file__), "..", "..", "test", "reference", "data", "kmeans")
    os.makedirs(out_dir, exist_ok=True)
    manifest = json.load(open(os.path.join(source, "manifest.json")))
    cases = []
    for case in manifest:
        X = np.fromfile(os.path.join(source, case["file"]), dtype="<f8").reshape(case["n"], case["d"])
        inertia = []
        started = time.perf_counter()
        for k in range(1, case["kMax"] + 1):
            model = KMeans(n_clusters=k, n_init=case["nInit"], algorithm="lloyd", random_state=0).fit(X)
            inertia.append(float(model.inertia_))
        seconds = time.perf_counter() - started
        print(f"{case['name']}: {case['n']} x {case['d']}, n_init {case['nInit']}, {seconds:.1f} s")
        cases.append(
            {
                "name": case["name"],
                "n": case["n"],
                "d": case["d"],
                "nInit": case["nInit"],
                "weightedSum": case["weightedSum"],
                "sumSquares": case["sumSquares"],
                "inertia": inertia,
            }
        )
    with open(os.path.join(out_dir, "every-k.json"), "w") as out:
        json.dump({"sklearn": sklearn.__version__, "cases": cases}, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
