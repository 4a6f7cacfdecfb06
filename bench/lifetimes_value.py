"""Customer value with the Python library lifetimes, timed stage by stage (bench/value.ts runs it).

Usage (lifetimes and autograd are pure Python; put their source folders on PYTHONPATH):
    PYTHONPATH=/path/to/lifetimes:/path/to/autograd /usr/bin/python3 bench/lifetimes_value.py \
        (--orders FILE | --summary FILE) [--unit D|W] [--runs 3]

--orders: UCI Online Retail order lines, read as SegmentLens reads them (customer id present,
no C invoice, quantity and price above 0), summarised per day with the observation end at the
last order + 1 day, as SegmentLens's defaults. --summary: a CSV of frequency, recency, T,
monetary_value (the histories bench/value.ts draws). Then, each run: BetaGeoFitter and
GammaGammaFitter (penalizer 0), P(alive), expected purchases over 90 days, expected spend and
CLV over 12 months at 1% a month. Prints one JSON object with the median stage times.
"""
import argparse
import json
import resource
import time
import warnings

import numpy as np
import pandas as pd

warnings.simplefilter("ignore")

from lifetimes import BetaGeoFitter, GammaGammaFitter  # noqa: E402
from lifetimes.utils import ConvergenceError, summary_data_from_transaction_data  # noqa: E402

UNIT_DAYS = {"D": 1, "W": 7}


def read_orders(path):
    frame = pd.read_csv(path, dtype={"InvoiceNo": str, "StockCode": str})
    frame = frame.dropna(subset=["CustomerID"])
    frame = frame[~frame["InvoiceNo"].str.upper().str.startswith("C")]
    frame = frame[(frame["Quantity"] > 0) & (frame["UnitPrice"] > 0)].copy()
    frame["InvoiceDate"] = pd.to_datetime(frame["InvoiceDate"])
    frame["amount"] = frame["Quantity"] * frame["UnitPrice"]
    return frame[["CustomerID", "InvoiceDate", "amount"]]


def one_run(args, orders, summary):
    times = {}
    start = time.perf_counter()
    if orders is not None:
        end = orders["InvoiceDate"].max() + pd.Timedelta(days=1)
        summary = summary_data_from_transaction_data(
            orders, "CustomerID", "InvoiceDate", "amount", observation_period_end=end, freq=args.unit
        )
        times["summary"] = time.perf_counter() - start
    frequency = summary["frequency"].to_numpy(float)
    recency = summary["recency"].to_numpy(float)
    T = summary["T"].to_numpy(float)
    monetary = summary["monetary_value"].to_numpy(float)

    t = time.perf_counter()
    converged = True
    try:
        bgf = BetaGeoFitter(penalizer_coef=0.0).fit(frequency, recency, T)
    except ConvergenceError:
        converged = False
        bgf = None
    times["bgnbd"] = time.perf_counter() - t

    t = time.perf_counter()
    repeat = frequency > 0
    ggf = GammaGammaFitter(penalizer_coef=0.0).fit(frequency[repeat], monetary[repeat])
    times["gamma_gamma"] = time.perf_counter() - t

    if bgf is not None:
        t = time.perf_counter()
        bgf.conditional_probability_alive(frequency, recency, T)
        horizon = 90 / UNIT_DAYS[args.unit]
        bgf.conditional_expected_number_of_purchases_up_to_time(horizon, frequency, recency, T)
        ggf.conditional_expected_average_profit(frequency, monetary)
        ggf.customer_lifetime_value(
            bgf, frequency, recency, T, monetary, time=12, discount_rate=0.01, freq=args.unit
        )
        times["score"] = time.perf_counter() - t
    times["total"] = time.perf_counter() - start
    params = {} if bgf is None else {k: float(v) for k, v in bgf.params_.items()}
    params.update({k: float(v) for k, v in ggf.params_.items()})
    return len(frequency), times, params, converged


def main():
    parser = argparse.ArgumentParser()
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--orders")
    source.add_argument("--summary")
    parser.add_argument("--unit", default="D", choices=["D", "W"])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    t = time.perf_counter()
    orders = read_orders(args.orders) if args.orders else None
    summary = pd.read_csv(args.summary) if args.summary else None
    read_ms = round((time.perf_counter() - t) * 1000)
    runs = [one_run(args, orders, summary) for _ in range(args.runs)]
    keys = runs[0][1].keys()
    print(
        json.dumps(
            {
                "customers": runs[0][0],
                "read_ms": read_ms,
                "times_ms": {k: round(1000 * float(np.median([r[1][k] for r in runs]))) for k in keys},
                "params": runs[0][2],
                "converged": runs[0][3],
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            }
        )
    )


if __name__ == "__main__":
    main()
