"""Collaborative filtering on held-out orders as a data scientist would write it with numpy/scipy.

Usage: python3 bench/recommend_numpy.py FILE [--item-k 20] [--user-k 50] [--top 10]
           [--similarity cosine|pearson]

The same computation as SegmentLens's src/core/recommend (the recommendations issue's
definitions): order lines with a customer, no C invoice, quantity and price > 0; items are the
trimmed StockCode; each customer's last order (latest time, then greatest InvoiceNo as text) is
held out and its new items are the test items. Popularity, item-based cosine kNN (K per item) and
user-based kNN (K per customer, cosine or Pearson) give the top N for every evaluated customer,
with similarities from sparse matrix products and top-K selections by argpartition; ties go to
the lower id (text order). Prints one JSON object: stage times (ms), peak memory, and the metrics,
so that the benchmark can check both sides computed the same thing.
"""
import argparse
import json
import resource
import time

import numpy as np
import pandas as pd
import scipy.sparse as sp


def read_lines(path):
    frame = pd.read_csv(path, dtype={"InvoiceNo": str, "StockCode": str, "CustomerID": str})
    frame = frame.dropna(subset=["CustomerID"])
    frame = frame[~frame["InvoiceNo"].str.upper().str.startswith("C")]
    frame = frame[(frame["Quantity"] > 0) & (frame["UnitPrice"] > 0)].copy()
    frame["customer"] = frame["CustomerID"].str.strip().str.replace(r"\.0+$", "", regex=True)
    frame["item"] = frame["StockCode"].str.strip()
    frame["time"] = pd.to_datetime(frame["InvoiceDate"])
    return frame[frame["item"] != ""]


def split(frame):
    """Training matrix (customers x items, binary CSR) and each evaluated customer's test items."""
    customers, user = np.unique(frame["customer"].to_numpy(), return_inverse=True)
    items, item = np.unique(frame["item"].to_numpy(), return_inverse=True)
    frame = frame.assign(user=user, col=item)
    order_time = frame.groupby("InvoiceNo")["time"].transform("max")
    frame = frame.assign(order_time=order_time)
    orders = frame[["user", "InvoiceNo", "order_time"]].drop_duplicates(["user", "InvoiceNo"])
    orders = orders.sort_values(["user", "order_time", "InvoiceNo"])
    counts = orders.groupby("user").size()
    last = orders.groupby("user").tail(1).set_index("user")["InvoiceNo"]
    in_last = (frame["InvoiceNo"].to_numpy() == last.reindex(frame["user"]).to_numpy()) & (
        counts.reindex(frame["user"]).to_numpy() >= 2
    )
    shape = (len(customers), len(items))
    train = frame[~in_last]
    X = sp.csr_matrix((np.ones(len(train)), (train["user"], train["col"])), shape=shape)
    X.data[:] = 1.0
    held = frame[in_last]
    H = sp.csr_matrix((np.ones(len(held)), (held["user"], held["col"])), shape=shape)
    H.data[:] = 1.0
    T = H - H.multiply(X)
    T.eliminate_zeros()
    evaluated = np.flatnonzero(np.diff(T.indptr) > 0)
    return X, T[evaluated], evaluated


def top_k_rows(S, k):
    """Per row of a dense matrix, the k largest positive entries (ties: lower column), as CSR."""
    rows, width = S.shape
    k = min(k, width)
    kth = -np.partition(-S, k - 1, axis=1)[:, k - 1]
    r, c = np.nonzero((S >= kth[:, None]) & (S > 0))
    v = S[r, c]
    order = np.lexsort((c, -v, r))
    r, c, v = r[order], c[order], v[order]
    starts = np.searchsorted(r, np.arange(rows))
    keep = (np.arange(len(r)) - starts[r]) < k
    return sp.csr_matrix((v[keep], (r[keep], c[keep])), shape=S.shape)


def top_n(scores, n):
    """Per row, the n best positive scores (ties: lower column) as a -1 padded id array."""
    best = top_k_rows(scores, n)
    lists = np.full((scores.shape[0], n), -1, dtype=np.int64)
    for row in range(scores.shape[0]):
        ids = best.indices[best.indptr[row] : best.indptr[row + 1]]
        vals = best.data[best.indptr[row] : best.indptr[row + 1]]
        ranked = ids[np.lexsort((ids, -vals))]
        lists[row, : len(ranked)] = ranked
    return lists


def metrics(lists, T, n, catalogue):
    hits = np.zeros(lists.shape, dtype=bool)
    for row in range(lists.shape[0]):
        test = T.indices[T.indptr[row] : T.indptr[row + 1]]
        hits[row] = np.isin(lists[row], test) & (lists[row] >= 0)
    relevant = np.diff(T.indptr)
    count = hits.sum(axis=1)
    discount = 1 / np.log2(np.arange(2, n + 2))
    ideal = np.concatenate([[0], np.cumsum(discount)])[np.minimum(relevant, n)]
    precision_at = np.cumsum(hits, axis=1) / np.arange(1, n + 1)
    recommended = np.unique(lists[lists >= 0])
    return {
        "hitRate": float(np.mean(count > 0)),
        "precision": float(np.mean(count / n)),
        "recall": float(np.mean(count / relevant)),
        "ndcg": float(np.mean((hits * discount).sum(axis=1) / ideal)),
        "map": float(np.mean((precision_at * hits).sum(axis=1) / np.minimum(relevant, n))),
        "coverage": len(recommended) / catalogue,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--item-k", type=int, default=20)
    parser.add_argument("--user-k", type=int, default=50)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--similarity", default="cosine", choices=["cosine", "pearson"])
    args = parser.parse_args()
    n = args.top
    times = {}
    frame = read_lines(args.file)

    start = time.perf_counter()
    X, T, evaluated = split(frame)
    bought_by = np.asarray(X.sum(axis=0)).ravel()
    catalogue = int(np.count_nonzero(bought_by))
    times["split"] = time.perf_counter() - start

    t = time.perf_counter()
    C = (X.T @ X).toarray()
    S = np.divide(C, np.sqrt(np.outer(bought_by, bought_by)), where=C > 0, out=np.zeros_like(C))
    np.fill_diagonal(S, 0)
    item_knn = top_k_rows(S, args.item_k)
    del C, S
    a = np.diff(X.indptr).astype(float)
    overlap = (X[evaluated] @ X.T).toarray()
    if args.similarity == "cosine":
        W = np.divide(
            overlap,
            np.sqrt(np.outer(a[evaluated], a)),
            where=overlap > 0,
            out=np.zeros_like(overlap),
        )
    else:
        m = float(catalogue)
        variance = m * a - a * a
        denominator = np.sqrt(np.outer(variance[evaluated], variance))
        W = np.divide(
            m * overlap - np.outer(a[evaluated], a),
            denominator,
            where=denominator > 0,
            out=np.zeros_like(overlap),
        )
    W[np.arange(len(evaluated)), evaluated] = 0
    user_knn = top_k_rows(W, args.user_k)
    del overlap, W
    times["similarity"] = time.perf_counter() - t

    t = time.perf_counter()
    mine = X[evaluated]
    bought = mine.toarray() > 0
    popular = np.where(bought, 0.0, bought_by[None, :])
    lists = {"popularity": top_n(popular, n)}
    item_scores = (mine @ item_knn).toarray()
    item_scores[bought] = 0
    lists["item"] = top_n(item_scores, n)
    user_scores = (user_knn @ X).toarray()
    user_scores[bought] = 0
    lists["user"] = top_n(user_scores, n)
    times["scoring"] = time.perf_counter() - t

    t = time.perf_counter()
    results = {method: metrics(lists[method], T, n, catalogue) for method in lists}
    times["metrics"] = time.perf_counter() - t
    times["total"] = time.perf_counter() - start
    print(
        json.dumps(
            {
                "customers": int(X.shape[0]),
                "items": int(X.shape[1]),
                "evaluated": int(len(evaluated)),
                "times_ms": {key: round(value * 1000) for key, value in times.items()},
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "methods": results,
            }
        )
    )


if __name__ == "__main__":
    main()
