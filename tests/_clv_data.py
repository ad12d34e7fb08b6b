"""Shared data and helpers of the tests/test_clv_*.py files (CDNOW sample, hand-made logs, fitted models).

The fitted models are cached for the whole session, so that the files split by topic
do not refit them.

Tests named ``test_lifetimes_*_still_broken`` document a breakage of lifetimes 0.11.3 on
the course stack. When one of them fails with "no longer raises", upstream (or a pin)
has fixed it: re-check the replacement in coursekit.clv and the lesson text.
"""

from __future__ import annotations

import functools
import importlib.resources
import importlib.util
import re
import warnings

import numpy as np
import pandas as pd
import pytest

from coursekit import clv
from coursekit._validate import CourseKitDataNote

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import lifetimes.utils as lutils

CAL_END = "1997-09-30"  # 39-week calibration period of Fader, Hardie & Lee (2005)
OBS_END = "1998-06-30"  # end of the CDNOW sample
UNIT_MULT = {"D": 1, "W": 7, "M": 30.4375}


def read_cdnow_raw(kind: str = "sample") -> pd.DataFrame:
    """The CDNOW file as shipped with lifetimes, with its second (sequential) id ``id2``."""
    path = importlib.resources.files("lifetimes") / f"datasets/CDNOW_{kind}.txt"
    with importlib.resources.as_file(path) as p:
        df = pd.read_csv(
            p,
            sep=r"\s+",
            header=None,
            names=["customer_id", "id2", "date", "quantity", "amount"],
            dtype={"customer_id": "int64", "id2": "int64", "date": str, "quantity": "int64", "amount": "float64"},
        )
    df["date"] = pd.to_datetime(df["date"], format="%Y%m%d")
    return df


def load_cdnow(kind: str = "sample") -> pd.DataFrame:
    """coursekit.datasets.load_cdnow when it exists, else the same columns read here."""
    if importlib.util.find_spec("coursekit.datasets") is not None:
        from coursekit import datasets

        if hasattr(datasets, "load_cdnow"):
            return datasets.load_cdnow(kind=kind)
    return read_cdnow_raw(kind)[["customer_id", "date", "quantity", "amount"]]


# Cached builders: tests must not modify what they return (fixtures hand out the same objects).
@functools.cache
def cdnow_sample() -> pd.DataFrame:
    return load_cdnow("sample")


@functools.cache
def cdnow_cal_summary(unit: str = "W") -> pd.DataFrame:
    tx = cdnow_sample()
    return clv.summarize(tx[tx["date"] <= CAL_END], end=CAL_END, unit=unit)


@functools.cache
def cdnow_cal_hold() -> pd.DataFrame:
    return clv.calibration_holdout(cdnow_sample(), CAL_END, OBS_END, unit="W")


@functools.cache
def cdnow_bgf(unit: str = "W"):
    return clv.fit_bgnbd(cdnow_cal_summary(unit))


@functools.cache
def cdnow_ggf():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)
        return clv.fit_gamma_gamma(cdnow_cal_summary("W"))


def synthetic_log() -> pd.DataFrame:
    """Random log with same-day repeats, times of day and zero amounts."""
    rng = np.random.default_rng(42)
    n = 4000
    start = np.datetime64("2024-01-01T00:00")
    minutes = rng.integers(0, 500 * 24 * 60, n)
    return pd.DataFrame(
        {
            "cid": rng.integers(1, 400, n),
            "when": pd.to_datetime(start + minutes.astype("timedelta64[m]")),
            "value": np.round(rng.gamma(2.0, 30.0, n), 2) * (rng.random(n) > 0.02),
        }
    )


def hand_log() -> pd.DataFrame:
    """Three customers, hand-computed in the tests.

    A: 2025-01-01 (10 + 5 on one day), 2025-01-08 (20), 2025-02-05 (40)  -> 3 purchase days
    B: 2025-01-20 (7)                                                   -> 1 purchase day
    C: 2025-01-03 (4), 2025-01-31 (6, two rows 2 + 4), 2025-02-20 (9)   -> 3 purchase days
    """
    rows = [
        ("A", "2025-01-01 09:00", 10.0),
        ("A", "2025-01-01 17:30", 5.0),
        ("A", "2025-01-08", 20.0),
        ("A", "2025-02-05", 40.0),
        ("B", "2025-01-20", 7.0),
        ("C", "2025-01-03", 4.0),
        ("C", "2025-01-31", 2.0),
        ("C", "2025-01-31 23:59", 4.0),
        ("C", "2025-02-20", 9.0),
    ]
    return pd.DataFrame(rows, columns=["customer_id", "date", "amount"]).assign(
        date=lambda d: pd.to_datetime(d["date"], format="ISO8601")
    )


def still_broken(fn, exc, pattern: str, what: str):
    """Assert that a lifetimes function still raises ``exc`` matching ``pattern``."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fn()
    except exc as err:  # the documented breakage
        assert re.search(pattern, str(err)), f"{what} raises, but differently: {err!r}"
        return
    pytest.fail(
        f"{what} no longer raises on this stack: lifetimes (or pandas/matplotlib) fixed it. "
        "Re-check the replacement in coursekit.clv and the lesson text."
    )


def lifetimes_summary(tx, end, unit, customer_col="customer_id", date_col="date", amount_col="amount"):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return lutils.summary_data_from_transaction_data(
            tx,
            customer_col,
            date_col,
            monetary_value_col=amount_col,
            observation_period_end=end,
            freq="D",
            freq_multiplier=UNIT_MULT[unit],
        )


# fixtures, imported by each test file
@pytest.fixture
def cdnow():
    return cdnow_sample()


@pytest.fixture
def cal_summary():
    return cdnow_cal_summary("W")


@pytest.fixture
def cal_hold():
    return cdnow_cal_hold()


@pytest.fixture
def bgf():
    return cdnow_bgf("W")


@pytest.fixture
def ggf():
    return cdnow_ggf()
