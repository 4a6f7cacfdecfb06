"""RFM as a data scientist would write it with pandas and scikit-learn, timed stage by stage.

Usage: python3 bench/pandas_rfm.py FILE [--n-init 10]
The definitions are the RFM issue's (and ../shared/reference's): rows without a customer id,
cancellations (invoice starting with C) and quantity or price <= 0 are dropped; snapshot = last
order + 1 day; scores keep ties together; then k-means on recency, log1p(frequency),
log1p(monetary), standardised, for k = 1..10 with a 2,000-row silhouette. Prints one JSON object.
"""
import argparse
import json
import resource
import time

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler


def tie_scores(values, higher_is_better):
    n = len(values)
    if higher_is_better:
        beaten = values.rank(method="min") - 1
    else:
        beaten = n - values.rank(method="max")
    return (1 + np.floor(5 * beaten / n)).astype(int)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--n-init", type=int, default=10)
    args = parser.parse_args()
    times = {}
    start = time.perf_counter()

    t = time.perf_counter()
    frame = pd.read_csv(args.file, dtype={"InvoiceNo": str, "StockCode": str})
    times["parse"] = time.perf_counter() - t

    t = time.perf_counter()
    frame = frame.dropna(subset=["CustomerID"])
    frame = frame[~frame["InvoiceNo"].str.startswith("C")]
    frame = frame[(frame["Quantity"] > 0) & (frame["UnitPrice"] > 0)].copy()
    frame["InvoiceDate"] = pd.to_datetime(frame["InvoiceDate"])
    frame["amount"] = frame["Quantity"] * frame["UnitPrice"]
    snapshot = frame["InvoiceDate"].max() + pd.Timedelta(days=1)
    per_customer = frame.groupby("CustomerID").agg(
        last=("InvoiceDate", "max"),
        frequency=("InvoiceNo", "nunique"),
        monetary=("amount", "sum"),
    )
    per_customer["recency"] = (snapshot - per_customer["last"]).dt.days
    per_customer["R"] = tie_scores(per_customer["recency"], False)
    per_customer["F"] = tie_scores(per_customer["frequency"], True)
    per_customer["M"] = tie_scores(per_customer["monetary"], True)
    times["rfm"] = time.perf_counter() - t
    times["tables"] = time.perf_counter() - start

    t = time.perf_counter()
    features = StandardScaler().fit_transform(
        np.column_stack(
            [
                per_customer["recency"],
                np.log1p(per_customer["frequency"]),
                np.log1p(per_customer["monetary"]),
            ]
        )
    )
    rng = np.random.default_rng(0)
    sample = rng.choice(len(features), size=min(2000, len(features)), replace=False)
    for k in range(1, 11):
        model = KMeans(n_clusters=k, n_init=args.n_init, random_state=0).fit(features)
        if k >= 2:
            silhouette_score(features[sample], model.labels_[sample])
    times["cluster"] = time.perf_counter() - t
    times["total"] = time.perf_counter() - start

    print(
        json.dumps(
            {
                "rows": int(len(frame)),
                "customers": int(len(per_customer)),
                "times_ms": {key: round(value * 1000) for key, value in times.items()},
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            }
        )
    )


if __name__ == "__main__":
    main()
