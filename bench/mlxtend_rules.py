"""Association rules with mlxtend 0.25 (fpgrowth + association_rules), timed, for bench/rules.ts.

Usage (mlxtend is pure Python: put its source folder on PYTHONPATH):

    PYTHONPATH=/path/to/mlxtend /usr/bin/python3 bench/mlxtend_rules.py FILE \
        --min-support 0.01 --max-len 3 --min-confidence 0.3

The baskets are SegmentLens's (see scripts/reference/mlxtend_rules.py): lines with a customer,
not cancelled, quantity and price > 0; one basket per invoice; item = StockCode trimmed, once per
basket. They become the dense boolean DataFrame mlxtend's documentation builds (one row per
basket, one column per item). Timed: fpgrowth(..., use_colnames=True, max_len=L) and
association_rules(..., num_itemsets=baskets, metric="confidence", min_threshold=C). Prints one
JSON object with the counts, the times in ms and the peak RSS of the process in MB.
"""
import argparse
import json
import resource
import time

import numpy as np
import pandas as pd

from mlxtend.frequent_patterns import association_rules, fpgrowth


def one_hot(path):
    frame = pd.read_csv(path, dtype={"InvoiceNo": str, "StockCode": str, "CustomerID": str})
    frame = frame[frame["CustomerID"].notna() & (frame["CustomerID"].str.strip() != "")]
    frame = frame[~frame["InvoiceNo"].str.strip().str.match(r"(?i)^c")]
    quantity = pd.to_numeric(frame["Quantity"], errors="coerce")
    price = pd.to_numeric(frame["UnitPrice"], errors="coerce")
    frame = frame[(quantity > 0) & (price > 0)]
    basket = frame["InvoiceNo"].str.strip().str.replace(r"^(\d+)\.0+$", r"\1", regex=True)
    item = frame["StockCode"].fillna("").str.strip()
    pairs = pd.DataFrame({"basket": basket, "item": item})
    pairs = pairs[pairs["item"] != ""].drop_duplicates()
    baskets = pd.Index(pairs["basket"].unique())
    items = pd.Index(sorted(pairs["item"].unique()))
    values = np.zeros((len(baskets), len(items)), dtype=bool)
    values[baskets.get_indexer(pairs["basket"]), items.get_indexer(pairs["item"])] = True
    return pd.DataFrame(values, columns=items)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--min-support", type=float, required=True)
    parser.add_argument("--max-len", type=int, default=3)
    parser.add_argument("--min-confidence", type=float, default=0.3)
    args = parser.parse_args()

    t = time.perf_counter()
    df = one_hot(args.file)
    encode = time.perf_counter() - t

    t = time.perf_counter()
    itemsets = fpgrowth(df, min_support=args.min_support, use_colnames=True, max_len=args.max_len)
    mine = time.perf_counter() - t
    t = time.perf_counter()
    rules = association_rules(
        itemsets, num_itemsets=len(df), metric="confidence", min_threshold=args.min_confidence
    )
    rules_time = time.perf_counter() - t

    print(
        json.dumps(
            {
                "baskets": int(len(df)),
                "items": int(df.shape[1]),
                "itemsets": int(len(itemsets)),
                "rules": int(len(rules)),
                "times_ms": {
                    "encode": round(encode * 1000),
                    "mine": round(mine * 1000),
                    "rules": round(rules_time * 1000),
                    "mine_and_rules": round((mine + rules_time) * 1000),
                },
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            }
        )
    )


if __name__ == "__main__":
    main()
