"""What the recommendations issue's definitions give on the UCI Online Retail data, in numpy/scipy.

Writes test/reference/data/recommend/<case>.json, which `npm run test:reference` compares
SegmentLens against (test/reference/recommend.test.ts). Regenerate (about two minutes) with:

    PYTHONPATH=/path/to/implicit /usr/bin/python3 scripts/reference/recommend_reference.py ../shared
    npx prettier --write test/reference/data/recommend

PYTHONPATH is optional: it names a folder holding a built copy of benfred/implicit (0.7; its
Cython extensions built in place, and tqdm installed). With it, the whole-year case also records
the lists of implicit's CosineRecommender(K=20), which the test compares with SegmentLens's
item-based lists where nothing is tied; without it, that comparison is skipped.

Cases: the one-day file (online_retail_2010-12-01.csv); the whole year restricted to Germany (the
country with the most customers after the United Kingdom: 94); and the whole year. The lines are
the ones SegmentLens's selectOrderLines uses with the suggested mapping: CustomerID present,
InvoiceNo not starting with C, Quantity > 0 and UnitPrice > 0; the item is StockCode trimmed.

Everything below is written from the issue's definitions, straightforwardly:
  * orders are invoices, at the time of their latest line; each customer's last order is the
    latest, then the greatest InvoiceNo as text; with at least two orders, its items that no other
    order of theirs has are the test items, and every other line is training;
  * items and customers are indexed in id order (Python string order, the same as JavaScript's
    for these ids), which is the order every tie is broken in and every score is summed in;
  * popularity: training customers per item; item-based: cosine of the items' customer sets, K
    most similar per item, score = sum of sim(i, j) over bought items i having j as a neighbour;
    user-based: cosine, or Pearson of the 0/1 rows over the items with a training customer, K most
    similar customers with a positive similarity, score = sum of sim(u, v) over neighbours v who
    bought j;
  * a list holds the N best positive scores of items the customer has not bought in training;
  * metrics at N: hit rate, precision (hits / N), recall, NDCG (binary, log2), MAP (divided by
    min(N, |test|)), averaged over the evaluated customers; coverage against the items with a
    training customer.
Similarities are computed from the integer counts as count / sqrt(a b) and
(m c - a b) / sqrt((m a - a^2)(m b - b^2)), so that equal similarities are equal floats; the
script checks those against a plain cosine of the rows and numpy's corrcoef.
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import scipy.sparse as sp

N = 10
ITEM_K = 20
USER_K = 50
CASES = [
    ("day", "online_retail_2010-12-01.csv", None),
    ("germany", "online_retail_full.csv", "Germany"),
    ("full", "online_retail_full.csv", None),
]
# Lists and scores of every evaluated customer are written for the small cases; for the whole
# year only the lists (the fixture stays near a megabyte).
SCORES_FOR = {"day", "germany"}
# implicit breaks ties between neighbours its own way, so only customers none of whose items has
# a tie at the K-th neighbour can be compared; the small cases have none.
IMPLICIT_FOR = {"full"}


def read_lines(path, country):
    frame = pd.read_csv(path, dtype={"InvoiceNo": str, "StockCode": str, "CustomerID": str})
    if country is not None:
        frame = frame[frame["Country"] == country]
    rows_in = len(frame)
    frame = frame.dropna(subset=["CustomerID"])
    frame = frame[~frame["InvoiceNo"].str.strip().str.lower().str.startswith("c")]
    frame = frame[(frame["Quantity"] > 0) & (frame["UnitPrice"] > 0)].copy()
    frame["customer"] = frame["CustomerID"].str.strip().str.replace(r"\.0+$", "", regex=True)
    frame["order"] = frame["InvoiceNo"].str.strip()
    frame["item"] = frame["StockCode"].str.strip()
    frame["time"] = pd.to_datetime(frame["InvoiceDate"])
    return rows_in, frame


def hold_out(frame):
    """Per customer: training items, test items (a set), evaluated or not."""
    order_time = frame.groupby("order")["time"].max().to_dict()
    train, test = {}, {}
    for customer, lines in frame.groupby("customer"):
        orders = sorted(set(lines["order"]), key=lambda order: (order_time[order], order))
        items_of = {order: set(lines.loc[lines["order"] == order, "item"]) for order in orders}
        everything = set().union(*items_of.values())
        if len(orders) < 2:
            train[customer] = everything
            continue
        last = orders[-1]
        earlier = set().union(*(items_of[order] for order in orders[:-1]))
        new = items_of[last] - earlier
        train[customer] = earlier
        if new:
            test[customer] = new
    return train, test


def top(scores, candidates, n):
    """The n best positive scores among candidates (indices), ties to the lower index."""
    chosen = [j for j in candidates if scores[j] > 0]
    chosen.sort(key=lambda j: (-scores[j], j))
    return chosen[:n]


def neighbours_of(similarity_row, self_index, k):
    row = similarity_row.copy()
    row[self_index] = 0
    return top(row, np.flatnonzero(row > 0), k)


def evaluate(lists, tests, n, catalogue):
    hit, precision, recall, ndcg, average_precision = [], [], [], [], []
    recommended = set()
    for ranked, relevant in zip(lists, tests):
        recommended.update(ranked)
        flags = [j in relevant for j in ranked]
        hits = sum(flags)
        dcg = sum(1 / np.log2(rank + 2) for rank, flag in enumerate(flags) if flag)
        ideal = sum(1 / np.log2(rank + 2) for rank in range(min(n, len(relevant))))
        found, precisions = 0, 0.0
        for rank, flag in enumerate(flags):
            if flag:
                found += 1
                precisions += found / (rank + 1)
        hit.append(1.0 if hits > 0 else 0.0)
        precision.append(hits / n)
        recall.append(hits / len(relevant))
        ndcg.append(dcg / ideal)
        average_precision.append(precisions / min(n, len(relevant)))
    return {
        "customers": len(lists),
        "hitRate": float(np.mean(hit)),
        "precision": float(np.mean(precision)),
        "recall": float(np.mean(recall)),
        "ndcg": float(np.mean(ndcg)),
        "map": float(np.mean(average_precision)),
        "coverage": len(recommended) / catalogue,
    }


def implicit_lists(X, evaluated, n):
    """implicit's CosineRecommender(K=20) on the training matrix, or None without implicit."""
    try:
        from implicit.nearest_neighbours import CosineRecommender
    except ImportError:
        return None
    import implicit

    model = CosineRecommender(K=ITEM_K, num_threads=1)
    model.fit(X, show_progress=False)
    lists, scores = [], []
    for u in evaluated:
        ids, values = model.recommend(u, X[u], N=n + 1, filter_already_liked_items=True)
        keep = values > 0
        lists.append([int(j) for j in ids[keep]])
        scores.append([float(s) for s in values[keep]])
    return {"version": implicit.__version__, "K": ITEM_K, "lists": lists, "scores": scores}


def run_case(name, path, country):
    rows_in, frame = read_lines(path, country)
    customers = sorted(set(frame["customer"]))
    items = sorted(set(frame["item"]))
    item_index = {item: j for j, item in enumerate(items)}
    train, test = hold_out(frame)
    evaluated = [u for u, customer in enumerate(customers) if customer in test]
    X = np.zeros((len(customers), len(items)))
    for u, customer in enumerate(customers):
        for item in train[customer]:
            X[u, item_index[item]] = 1.0
    tests = [{item_index[item] for item in test[customers[u]]} for u in evaluated]
    bought_by = X.sum(axis=0)
    catalogue = int(np.count_nonzero(bought_by))
    bought = X.sum(axis=1)

    # Co-occurrence counts are exact integers in floats, whichever way they are multiplied.
    X_sparse = sp.csr_matrix(X)
    together_items = (X_sparse.T @ X_sparse).toarray()
    together_customers = (X_sparse @ X_sparse.T).toarray()
    with np.errstate(divide="ignore", invalid="ignore"):
        item_cosine = np.where(
            together_items > 0, together_items / np.sqrt(np.outer(bought_by, bought_by)), 0.0
        )
        user_cosine = np.where(
            together_customers > 0, together_customers / np.sqrt(np.outer(bought, bought)), 0.0
        )
        m = float(catalogue)
        variance = m * bought - bought * bought
        denominator = np.sqrt(np.outer(variance, variance))
        user_pearson = np.where(
            denominator > 0, (m * together_customers - np.outer(bought, bought)) / denominator, 0.0
        )
    check_similarities(X, item_cosine, user_cosine, user_pearson, bought_by > 0)

    lists = {}
    popularity = [j for j in np.lexsort((np.arange(len(items)), -bought_by)) if bought_by[j] > 0]
    lists["popularity"] = [[int(j) for j in popularity if X[u, j] == 0][:N] for u in evaluated]
    popularity_scores = [[float(bought_by[j]) for j in ranked] for ranked in lists["popularity"]]

    item_neighbours = [neighbours_of(item_cosine[i], i, ITEM_K) for i in range(len(items))]
    scores_of = {}
    item_lists = []
    for u in evaluated:
        scores = np.zeros(len(items))
        for i in np.flatnonzero(X[u]):  # ascending ids: the order the sum is defined in
            for j in item_neighbours[i]:
                scores[j] += item_cosine[i, j]
        ranked = [int(j) for j in top(scores, np.flatnonzero(X[u] == 0), N)]
        item_lists.append((ranked, [float(scores[j]) for j in ranked]))
    lists["item"] = [ranked for ranked, _ in item_lists]
    scores_of["item"] = [values for _, values in item_lists]
    scores_of["popularity"] = popularity_scores

    for similarity_name, similarity in (("cosine", user_cosine), ("pearson", user_pearson)):
        key = f"user_{similarity_name}"
        user_lists = []
        for u in evaluated:
            neighbours = sorted(neighbours_of(similarity[u], u, USER_K))  # summed in id order
            scores = np.zeros(len(items))
            for v in neighbours:
                scores[np.flatnonzero(X[v])] += similarity[u, v]
            ranked = [int(j) for j in top(scores, np.flatnonzero(X[u] == 0), N)]
            user_lists.append((ranked, [float(scores[j]) for j in ranked]))
        lists[key] = [ranked for ranked, _ in user_lists]
        scores_of[key] = [values for _, values in user_lists]

    result = {
        "case": name,
        "dataset": os.path.basename(path),
        "country": country,
        "n": N,
        "item_k": ITEM_K,
        "user_k": USER_K,
        "rows_in": int(rows_in),
        "rows_used": int(len(frame)),
        "customers": len(customers),
        "split": {
            "customersEvaluated": len(evaluated),
            "testItems": int(sum(len(t) for t in tests)),
            "trainingInteractions": int(X.sum()),
            "catalogue": catalogue,
        },
        # Lists hold indices into `items` (ids in text order), which keeps the fixture small.
        "items": items,
        "evaluated": [customers[u] for u in evaluated],
        "tests": [sorted(int(j) for j in t) for t in tests],
        "methods": {},
    }
    for key, method_lists in lists.items():
        entry = {"metrics": evaluate(method_lists, tests, N, catalogue), "lists": method_lists}
        if name in SCORES_FOR:
            entry["scores"] = scores_of[key]
        result["methods"][key] = entry
    result["implicit"] = (
        implicit_lists(sp.csr_matrix(X), evaluated, N) if name in IMPLICIT_FOR else None
    )
    return result


def check_similarities(X, item_cosine, user_cosine, user_pearson, known):
    """The count formulas are the plain definitions: cosine of the rows, numpy's corrcoef."""
    rng = np.random.default_rng(0)
    for _ in range(20):
        i, j = rng.integers(0, X.shape[1], size=2)
        a, b = X[:, i], X[:, j]
        if i != j and a.any() and b.any():
            assert abs(item_cosine[i, j] - a @ b / np.sqrt((a @ a) * (b @ b))) < 1e-12
        u, v = rng.integers(0, X.shape[0], size=2)
        x, y = X[u, known], X[v, known]
        if u != v and x.any() and y.any():
            assert abs(user_cosine[u, v] - x @ y / np.sqrt((x @ x) * (y @ y))) < 1e-12
        if u != v and 0 < x.sum() < len(x) and 0 < y.sum() < len(y):
            assert abs(user_pearson[u, v] - np.corrcoef(x, y)[0, 1]) < 1e-12


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared")
    out_dir = os.path.join(
        os.path.dirname(__file__), "..", "..", "test", "reference", "data", "recommend"
    )
    os.makedirs(out_dir, exist_ok=True)
    for name, dataset, country in CASES:
        result = run_case(name, os.path.join(shared, "datasets", dataset), country)
        with open(os.path.join(out_dir, f"{name}.json"), "w") as out:
            json.dump(result, out, separators=(",", ":"))
        print(name, result["split"], {k: v["metrics"]["ndcg"] for k, v in result["methods"].items()})


if __name__ == "__main__":
    main()
