"""What mlxtend 0.25's fpgrowth and association_rules give on baskets of the UCI Online Retail data.

Writes test/reference/data/rules/<name>.json, which `npm run test:reference`
(test/reference/rules.test.ts) compares SegmentLens's baskets, itemsets and rules against.
mlxtend is pure Python: unpack its source anywhere and put that folder on PYTHONPATH:

    PYTHONPATH=/path/to/mlxtend /usr/bin/python3 scripts/reference/mlxtend_rules.py ../shared
    npx prettier --write test/reference/data/rules

The baskets are built as SegmentLens's selectOrderLines + buildBaskets define them: lines with a
customer id, not cancelled (invoice starting with C), quantity > 0 and price > 0; one basket per
invoice; item = StockCode trimmed, once per basket whatever the quantity. Two inputs: the whole
year restricted to France's lines (389 baskets), and the one-day file (121 baskets). Each runs
`fpgrowth(df, min_support=S, use_colnames=True, max_len=L)` then
`association_rules(itemsets, num_itemsets=baskets, metric="confidence", min_threshold=C)` for a
few (S, L, C): the page's defaults (S = max(0.01, 10 / baskets), L = 3, C = 0.3) and others,
including a support where mlxtend's two thresholds differ (see supportThreshold.ts) and
max_len=None. Nothing is rounded; conviction is written as null where it is infinite.
"""
import json
import math
import os
import sys

import numpy as np
import pandas as pd

import mlxtend
from mlxtend.frequent_patterns import association_rules, fpgrowth

METRICS = [
    "antecedent support",
    "consequent support",
    "support",
    "confidence",
    "lift",
    "leverage",
    "conviction",
    "zhangs_metric",
    "jaccard",
    "certainty",
    "kulczynski",
]


def default_min_support(baskets):
    return min(1.0, max(0.01, 10 / baskets))


# (name, file, country or None, [(min_support or "default", max_len, min_confidence)])
INPUTS = [
    (
        "france",
        "online_retail_full.csv",
        "France",
        [
            ("default", 3, 0.3),
            (0.02, 4, 0.5),
            (0.05, None, 0.0),
            # 27 / 389 * 389 is 27.000000000000004: single items need 27 baskets, longer itemsets
            # 28, so two pairs in exactly 27 baskets are not frequent (listed as boundary_pairs).
            (27 / 389, 3, 0.0),
        ],
    ),
    (
        "day",
        "online_retail_2010-12-01.csv",
        None,
        [("default", 3, 0.3), (0.03, 3, 0.3), (0.05, None, 0.0)],
    ),
]


def order_lines(path, country):
    frame = pd.read_csv(path, dtype={"InvoiceNo": str, "StockCode": str, "CustomerID": str})
    if country is not None:
        frame = frame[frame["Country"] == country]
    read = len(frame)
    frame = frame[frame["CustomerID"].notna() & (frame["CustomerID"].str.strip() != "")]
    frame = frame[~frame["InvoiceNo"].str.strip().str.match(r"(?i)^c")]
    quantity = pd.to_numeric(frame["Quantity"], errors="coerce")
    price = pd.to_numeric(frame["UnitPrice"], errors="coerce")
    frame = frame[(quantity > 0) & (price > 0)].copy()
    frame["basket"] = frame["InvoiceNo"].str.strip().str.replace(r"^(\d+)\.0+$", r"\1", regex=True)
    frame["item"] = frame["StockCode"].fillna("").str.strip()
    return read, frame


def one_hot(frame):
    with_item = frame[frame["item"] != ""]
    pairs = with_item[["basket", "item"]].drop_duplicates()
    baskets = pd.Index(sorted(pairs["basket"].unique()))
    items = pd.Index(sorted(pairs["item"].unique()))
    values = np.zeros((len(baskets), len(items)), dtype=bool)
    values[baskets.get_indexer(pairs["basket"]), items.get_indexer(pairs["item"])] = True
    return len(with_item), pd.DataFrame(values, index=baskets, columns=items)


def run_case(df, min_support, max_len, min_confidence):
    baskets = len(df)
    itemsets = fpgrowth(df, min_support=min_support, use_colnames=True, max_len=max_len)
    if len(itemsets) > 0:
        rules = association_rules(
            itemsets, num_itemsets=baskets, metric="confidence", min_threshold=min_confidence
        )
    else:
        rules = pd.DataFrame(columns=["antecedents", "consequents"] + METRICS)
    names = sorted({item for itemset in itemsets["itemsets"] for item in itemset})
    position = {name: i for i, name in enumerate(names)}

    def ids(itemset):
        return sorted(position[item] for item in itemset)

    # In a fixed order (mlxtend's follows Python's string hashing, which varies run to run).
    sets = itemsets["itemsets"]
    itemset_order = sorted(
        range(len(itemsets)), key=lambda i: (len(sets.iloc[i]), ids(sets.iloc[i]))
    )
    rule_order = sorted(
        range(len(rules)),
        key=lambda r: (ids(rules["antecedents"].iloc[r]), ids(rules["consequents"].iloc[r])),
    )
    rule_columns = {
        "antecedents": [ids(rules["antecedents"].iloc[r]) for r in rule_order],
        "consequents": [ids(rules["consequents"].iloc[r]) for r in rule_order],
    }
    for metric in METRICS:
        values = rules[metric].to_numpy(dtype=float)
        rule_columns[metric] = [
            None if math.isinf(values[r]) else float(values[r]) for r in rule_order
        ]
    # Pairs in exactly as many baskets as a single item needs, when mlxtend's threshold for longer
    # itemsets is higher (see supportThreshold.ts): mlxtend leaves them out.
    single = next(c for c in range(baskets + 1) if c / float(baskets) >= min_support)
    boundary_pairs = []
    if math.ceil(min_support * baskets) > single:
        counts = df.values.astype(np.int32)
        pair_counts = counts.T @ counts
        for i, j in zip(*np.nonzero(np.triu(pair_counts == single, 1))):
            boundary_pairs.append(sorted([str(df.columns[i]), str(df.columns[j])]))
    return {
        "min_support": min_support,
        "max_len": max_len,
        "min_confidence": min_confidence,
        "items": names,
        "itemsets": [ids(sets.iloc[i]) for i in itemset_order],
        "itemset_support": [float(itemsets["support"].iloc[i]) for i in itemset_order],
        "rules": rule_columns,
        "boundary_pairs": boundary_pairs,
    }


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared")
    out_dir = os.path.join(os.path.dirname(__file__), "..", "..", "test", "reference", "data", "rules")
    os.makedirs(out_dir, exist_ok=True)
    for name, file, country, settings in INPUTS:
        read, frame = order_lines(os.path.join(shared, "datasets", file), country)
        lines_with_item, df = one_hot(frame)
        cases = []
        for min_support, max_len, min_confidence in settings:
            support = default_min_support(len(df)) if min_support == "default" else min_support
            case = run_case(df, support, max_len, min_confidence)
            case["default_support"] = min_support == "default"
            cases.append(case)
            print(
                f"{name}: S={support} L={max_len} C={min_confidence}: "
                f"{len(case['itemsets'])} itemsets, {len(case['rules']['antecedents'])} rules"
            )
        with open(os.path.join(out_dir, f"{name}.json"), "w") as out:
            json.dump(
                {
                    "dataset": file,
                    "country": country,
                    "generated_by": "scripts/reference/mlxtend_rules.py",
                    "mlxtend": mlxtend.__version__,
                    "rows_read": read,
                    "lines_used": int(len(frame)),
                    "lines_with_item": lines_with_item,
                    "baskets": int(len(df)),
                    "items": int(df.shape[1]),
                    "cases": cases,
                },
                out,
                separators=(",", ":"),
                allow_nan=False,
            )
        print(f"wrote test/reference/data/rules/{name}.json")


if __name__ == "__main__":
    main()
