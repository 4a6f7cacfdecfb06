"""What the Python library lifetimes computes for customer value, as fixtures for SegmentLens.

Writes test/reference/data/value/cdnow.json, online_retail.json and synthetic.json,
which `npm run test:reference` (test/reference/value.test.ts) compares SegmentLens against.
lifetimes is pure Python and is not installed: put its source folder and autograd's on
PYTHONPATH (dill, numpy, scipy and pandas must be installed). Regenerate with:

    PYTHONPATH=/path/to/lifetimes:/path/to/autograd /usr/bin/python3 \
        scripts/reference/lifetimes_reference.py ../shared
    npx prettier --write test/reference/data/value

(lifetimes prints scipy's report before it gives up on the Online Retail calibration fit; that
is expected, see below.)

- CDNOW: the CDNOW summaries that ship with lifetimes (lifetimes/datasets/
  cdnow_customers_summary.csv and cdnow_customers_summary_with_transactions.csv, weeks; the
  lifetimes package and its data are MIT-licensed, Copyright (c) 2015 Cameron Davidson-Pilon).
  The fixture holds the figures the test needs: each customer's frequency, recency, T and mean
  repeat spend, and lifetimes' fits and per-customer predictions on them.
- Online Retail: ../shared/datasets/online_retail_full.csv read as SegmentLens's order lines
  read it (customer id present, no C invoice, quantity and price above 0, value = quantity x
  price), the observation end the RFM snapshot (last order + 1 day). The summary per day and per
  week, the fits, the predictions, and the calibration / holdout split at SegmentLens's default
  holdout start (the start of the day three quarters of the way from the first order to the
  observation end; calibration_period_end is 1 ms before it).
- Synthetic: histories this script draws (seeded) from the BG/NBD and Gamma-Gamma stories, per
  whole day, and lifetimes' fits on them.

Every fit is lifetimes' own (penalizer_coef 0, its start and tolerance). Log-likelihoods are
the total over customers in the histories' own time unit (lifetimes minimises the mean in time
scaled to the longest T; the two differ by the sum of frequencies x log(longest T)).
"""
import json
import os
import sys
import warnings

import numpy as np
import pandas as pd

warnings.simplefilter("ignore")

from lifetimes import BetaGeoFitter, GammaGammaFitter  # noqa: E402
from lifetimes.datasets import load_cdnow_summary, load_cdnow_summary_data_with_monetary_value  # noqa: E402
from lifetimes.utils import (  # noqa: E402
    ConvergenceError,
    calibration_and_holdout_data,
    summary_data_from_transaction_data,
)

OUT_DIR = os.path.join(os.path.dirname(__file__), "..", "..", "test", "reference", "data", "value")
HORIZON_DAYS = 90
CLV_MONTHS = 12
DISCOUNT = 0.01
DAY_MS = 86_400_000


def floats(values):
    return [float(v) for v in np.asarray(values, dtype=float)]


def total_log_likelihood(fitter, frequency, recency, T):
    """BG/NBD log-likelihood summed over customers, unscaled (lifetimes' objective at scale 1)."""
    params = fitter.params_[["r", "alpha", "a", "b"]].to_numpy(dtype=float)
    frequency = np.asarray(frequency, dtype=int)
    weights = np.ones(len(frequency))
    mean = BetaGeoFitter._negative_log_likelihood(
        np.log(params), frequency, np.asarray(recency, float), np.asarray(T, float), weights, 0.0
    )
    return -float(mean) * len(frequency)


def gamma_gamma_log_likelihood(fitter, frequency, monetary):
    params = fitter.params_[["p", "q", "v"]].to_numpy(dtype=float)
    weights = np.ones(len(frequency))
    mean = GammaGammaFitter._negative_log_likelihood(
        np.log(params), np.asarray(frequency, float), np.asarray(monetary, float), weights, 0.0
    )
    return -float(mean) * len(frequency)


def bgnbd_entry(fitter, frequency, recency, T):
    entry = {key: float(value) for key, value in fitter.params_.items()}
    entry["logLikelihood"] = total_log_likelihood(fitter, frequency, recency, T)
    return entry


def predictions(bgf, ggf, frequency, recency, T, monetary, horizon, freq):
    """P(alive), expected purchases over the horizon, expected spend and CLV per customer."""
    frequency, recency, T, monetary = (np.asarray(a, dtype=float) for a in (frequency, recency, T, monetary))
    return {
        "p_alive": floats(bgf.conditional_probability_alive(frequency, recency, T)),
        "expected_purchases": floats(
            bgf.conditional_expected_number_of_purchases_up_to_time(horizon, frequency, recency, T)
        ),
        "expected_spend": floats(ggf.conditional_expected_average_profit(frequency, monetary)),
        "clv": floats(
            ggf.customer_lifetime_value(
                bgf, frequency, recency, T, monetary, time=CLV_MONTHS, discount_rate=DISCOUNT, freq=freq
            )
        ),
    }


def fit_both(frequency, recency, T, monetary):
    bgf = BetaGeoFitter(penalizer_coef=0.0).fit(frequency, recency, T)
    repeat = np.asarray(frequency) > 0
    ggf = GammaGammaFitter(penalizer_coef=0.0).fit(
        np.asarray(frequency)[repeat], np.asarray(monetary)[repeat]
    )
    gg = {key: float(value) for key, value in ggf.params_.items()}
    gg["logLikelihood"] = gamma_gamma_log_likelihood(
        ggf, np.asarray(frequency)[repeat], np.asarray(monetary)[repeat]
    )
    return bgf, ggf, bgnbd_entry(bgf, frequency, recency, T), gg


def cdnow():
    summary = load_cdnow_summary(index_col=[0])
    money = load_cdnow_summary_data_with_monetary_value()
    assert (summary.index.to_numpy() == money.index.to_numpy()).all()
    for column in ("frequency", "recency", "T"):
        assert np.array_equal(summary[column].to_numpy(float), money[column].to_numpy(float))
    frequency, recency, T = summary["frequency"], summary["recency"], summary["T"]
    monetary = money["monetary_value"]
    bgf, ggf, bgnbd, gg = fit_both(frequency, recency, T, monetary)
    horizon = HORIZON_DAYS / 7
    return {
        "source": "lifetimes/datasets/cdnow_customers_summary*.csv (MIT, (c) 2015 Cameron Davidson-Pilon)",
        "unit": "weeks",
        "horizon": horizon,
        "clv": {"months": CLV_MONTHS, "discount": DISCOUNT, "freq": "W"},
        "customers": {
            "frequency": floats(frequency),
            "recency": floats(recency),
            "T": floats(T),
            "monetary": floats(monetary),
        },
        "bgnbd": bgnbd,
        "gammaGamma": gg,
        "predictions": predictions(bgf, ggf, frequency, recency, T, monetary, horizon, "W"),
    }


def read_order_lines(shared):
    frame = pd.read_csv(
        os.path.join(shared, "datasets", "online_retail_full.csv"),
        dtype={"InvoiceNo": str, "StockCode": str},
    )
    frame = frame.dropna(subset=["CustomerID"])
    frame = frame[~frame["InvoiceNo"].str.upper().str.startswith("C")]
    frame = frame[(frame["Quantity"] > 0) & (frame["UnitPrice"] > 0)].copy()
    frame["InvoiceDate"] = pd.to_datetime(frame["InvoiceDate"])
    frame["amount"] = frame["Quantity"] * frame["UnitPrice"]
    frame["customer"] = frame["CustomerID"].astype(int).astype(str)
    return frame[["customer", "InvoiceDate", "amount"]]


def summary_columns(summary):
    return {
        "customer": [str(c) for c in summary.index],
        "frequency": floats(summary["frequency"]),
        "recency": floats(summary["recency"]),
        "T": floats(summary["T"]),
        "monetary": floats(summary["monetary_value"]),
    }


def online_retail(shared):
    lines = read_order_lines(shared)
    first, last = lines["InvoiceDate"].min(), lines["InvoiceDate"].max()
    snapshot = last + pd.Timedelta(days=1)
    result = {
        "lines": int(len(lines)),
        "first_order": str(first),
        "snapshot": str(snapshot),
        "horizon_days": HORIZON_DAYS,
        "clv": {"months": CLV_MONTHS, "discount": DISCOUNT},
    }
    for unit, freq in (("days", "D"), ("weeks", "W")):
        summary = summary_data_from_transaction_data(
            lines, "customer", "InvoiceDate", "amount", observation_period_end=snapshot, freq=freq
        )
        entry = {"summary": summary_columns(summary)}
        bgf, ggf, bgnbd, gg = fit_both(
            summary["frequency"], summary["recency"], summary["T"], summary["monetary_value"]
        )
        entry["bgnbd"] = bgnbd
        entry["gammaGamma"] = gg
        if unit == "days":
            entry["predictions"] = predictions(
                bgf, ggf, summary["frequency"], summary["recency"], summary["T"],
                summary["monetary_value"], HORIZON_DAYS, "D",
            )
        result[unit] = entry

    # SegmentLens's default holdout start, computed the same way in milliseconds.
    first_ms, end_ms = first.value / 1e6, snapshot.value / 1e6
    holdout_start_ms = np.floor((first_ms + 0.75 * (end_ms - first_ms)) / DAY_MS) * DAY_MS
    holdout_start = pd.Timestamp(int(holdout_start_ms), unit="ms")
    split = calibration_and_holdout_data(
        lines, "customer", "InvoiceDate",
        calibration_period_end=holdout_start - pd.Timedelta(milliseconds=1),
        observation_period_end=snapshot, freq="D",
    )
    calibration = (split["frequency_cal"], split["recency_cal"], split["T_cal"])
    try:
        bgf = BetaGeoFitter(penalizer_coef=0.0).fit(*calibration)
        converged = True
    except ConvergenceError:
        # Its optimum is at the edge (a -> 0, b -> infinity): lifetimes stops on precision loss
        # at its default tolerance. Keep its estimate at tol 1e-6 to check the formulas with.
        bgf = BetaGeoFitter(penalizer_coef=0.0).fit(*calibration, tol=1e-6)
        converged = False
    duration = float(split["duration_holdout"].iloc[0])
    split["predicted"] = bgf.conditional_expected_number_of_purchases_up_to_time(
        duration, split["frequency_cal"], split["recency_cal"], split["T_cal"]
    )
    chart = split.groupby("frequency_cal")[["frequency_holdout", "predicted"]].agg(["mean", "count"]).iloc[:7]
    result["holdout"] = {
        "holdout_start": str(holdout_start),
        "holdout_start_ms": float(holdout_start_ms),
        "duration": duration,
        "customer": [str(c) for c in split.index],
        "frequency_cal": floats(split["frequency_cal"]),
        "recency_cal": floats(split["recency_cal"]),
        "T_cal": floats(split["T_cal"]),
        "frequency_holdout": floats(split["frequency_holdout"]),
        "bgnbd": {**bgnbd_entry(bgf, *calibration), "lifetimes_converged": converged},
        "chart": {
            "frequency": floats(chart.index),
            "customers": [int(c) for c in chart[("frequency_holdout", "count")]],
            "actual": floats(chart[("frequency_holdout", "mean")]),
            "predicted": floats(chart[("predicted", "mean")]),
        },
    }
    return result


TRUE_BGNBD = {"r": 0.5, "alpha": 30.0, "a": 0.6, "b": 3.0}
TRUE_GAMMA_GAMMA = {"p": 4.0, "q": 3.0, "v": 50.0}


def synthetic(customers=5000, seed=20240611):
    """Whole-day histories from the BG/NBD story: first purchase at day 0, T uniform on 30..365,
    purchases while alive at rate Gamma(r, alpha), dropout after each with Beta(a, b), one
    purchase at most per day; mean repeat spend from Gamma-Gamma."""
    rng = np.random.Generator(np.random.PCG64(seed))
    r, alpha, a, b = (TRUE_BGNBD[k] for k in ("r", "alpha", "a", "b"))
    p, q, v = (TRUE_GAMMA_GAMMA[k] for k in ("p", "q", "v"))
    frequency = np.zeros(customers)
    recency = np.zeros(customers)
    T = rng.integers(30, 366, size=customers).astype(float)
    monetary = np.zeros(customers)
    rates = rng.gamma(r, 1 / alpha, size=customers)
    dropouts = rng.beta(a, b, size=customers)
    for i in range(customers):
        time, last_day, days = 0.0, 0, 0
        while True:
            time += rng.exponential(1 / rates[i])
            if time >= T[i] + 1:
                break
            day = int(np.floor(time))
            if day > last_day:
                days += 1
                last_day = day
            if rng.random() < dropouts[i]:
                break
        frequency[i] = days
        recency[i] = last_day if days > 0 else 0
        if days > 0:
            nu = rng.gamma(q, 1 / v)
            monetary[i] = rng.gamma(p * days, 1 / nu) / days
    bgf, ggf, bgnbd, gg = fit_both(frequency, recency, T, monetary)
    return {
        "seed": seed,
        "true_bgnbd": TRUE_BGNBD,
        "true_gamma_gamma": TRUE_GAMMA_GAMMA,
        "customers": {
            "frequency": floats(frequency),
            "recency": floats(recency),
            "T": floats(T),
            "monetary": floats(monetary),
        },
        "bgnbd": bgnbd,
        "gammaGamma": gg,
    }


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared")
    os.makedirs(OUT_DIR, exist_ok=True)
    import lifetimes

    stamp = {"generated_by": "scripts/reference/lifetimes_reference.py", "lifetimes": lifetimes.__version__}
    for name, make in (
        ("cdnow", cdnow),
        ("online_retail", lambda: online_retail(shared)),
        ("synthetic", synthetic),
    ):
        data = {**stamp, **make()}
        with open(os.path.join(OUT_DIR, f"{name}.json"), "w") as out:
            json.dump(data, out, separators=(",", ":"))
        print(f"wrote test/reference/data/value/{name}.json")


if __name__ == "__main__":
    main()
