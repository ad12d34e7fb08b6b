"""coursekit.clv.summary: summarize, calibration_holdout and the lifetimes helpers they replace."""

from __future__ import annotations

import importlib.resources
import importlib.util
import warnings

import numpy as np
import pandas as pd
import pytest
from _clv_data import (
    CAL_END,
    OBS_END,
    UNIT_MULT,
    hand_log,
    lifetimes_summary,
    load_cdnow,
    read_cdnow_raw,
    still_broken,
    synthetic_log,
)

from coursekit import clv, datasets
from coursekit._validate import CourseKitDataNote
from coursekit.clv import summary as clv_summary

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import lifetimes.utils as lutils


@pytest.fixture(scope="module")
def synthetic():
    return synthetic_log()


# ----------------------------------------------------------------------------------------------
# summarize
# ----------------------------------------------------------------------------------------------
def test_summarize_hand_case():
    s = clv.summarize(hand_log(), end="2025-02-28")
    expected = pd.DataFrame(
        {
            "frequency": [2, 0, 2],
            "recency": [35.0, 0.0, 48.0],
            "T": [58.0, 39.0, 56.0],
            "monetary_value": [(20 + 40) / 2, 0.0, (6 + 9) / 2],
        },
        index=pd.Index(["A", "B", "C"], name="customer_id"),
    )
    pd.testing.assert_frame_equal(s, expected)
    w = clv.summarize(hand_log(), end="2025-02-28", unit="W")
    assert w.loc["A", "recency"] == pytest.approx(5.0)
    assert w.loc["C", "T"] == pytest.approx(8.0)
    m = clv.summarize(hand_log(), end="2025-02-28", unit="M", amount_col=None)
    assert list(m.columns) == ["frequency", "recency", "T"]
    assert m.loc["B", "T"] == pytest.approx(39 / 30.4375)


def test_unit_days_is_the_one_table():
    """Days per unit: a week is 7 days, a month the mean calendar month 365.25 / 12 days."""
    assert clv.UNIT_DAYS == {"D": 1.0, "W": 7.0, "M": 365.25 / 12}
    assert clv.UNIT_DAYS is clv_summary.UNIT_DAYS
    assert UNIT_MULT == clv.UNIT_DAYS  # the tests compare with lifetimes' freq_multiplier = these lengths


@pytest.mark.parametrize("unit", ["D", "W", "M"])
@pytest.mark.parametrize("end", [CAL_END, OBS_END])
def test_summarize_equals_lifetimes_on_cdnow(cdnow, unit, end):
    tx = cdnow[cdnow["date"] <= end]
    ours = clv.summarize(tx, end=end, unit=unit)
    ref = lifetimes_summary(tx, end, unit)
    assert len(ours) == len(ref) == tx["customer_id"].nunique()
    pd.testing.assert_frame_equal(ours, ref.loc[ours.index], check_dtype=False, rtol=0, atol=1e-9)


@pytest.mark.parametrize("unit", ["D", "W", "M"])
def test_summarize_equals_lifetimes_on_synthetic(synthetic, unit):
    end = "2025-06-30"
    ours = clv.summarize(synthetic, end=end, unit=unit, customer_col="cid", date_col="when", amount_col="value")
    ref = lifetimes_summary(synthetic, end, unit, "cid", "when", "value")
    assert (ours["frequency"] > 0).sum() > 300  # the set has many repeat buyers
    pd.testing.assert_frame_equal(ours, ref.loc[ours.index], check_dtype=False, rtol=0, atol=1e-9)


def test_summarize_reproduces_published_cdnow_summary():
    """Our 39-week summary = lifetimes' cdnow_customers_summary_with_transactions.csv (Hardie's x, t_x, T, zbar)."""
    raw = read_cdnow_raw("sample")
    ours = clv.summarize(raw[raw["date"] <= CAL_END], end=CAL_END, unit="W")
    id_map = raw.drop_duplicates("customer_id").set_index("customer_id")["id2"]
    path = importlib.resources.files("lifetimes") / "datasets/cdnow_customers_summary_with_transactions.csv"
    with importlib.resources.as_file(path) as p:
        published = pd.read_csv(p).set_index("ID")
    ours = ours.set_index(id_map.loc[ours.index].to_numpy()).sort_index()
    assert len(ours) == len(published) == 2357
    assert (ours["frequency"].to_numpy() == published["x"].to_numpy()).all()
    for col, pub in (("recency", "t_x"), ("T", "T"), ("monetary_value", "zbar")):
        np.testing.assert_allclose(ours[col].to_numpy(), published[pub].to_numpy(), atol=0.0051)


def test_lifetimes_weekly_summary_is_a_different_definition(cdnow):
    """lifetimes freq="W" counts calendar weeks; ours = freq="D" / 7 (documented in the docstring)."""
    tx = cdnow[cdnow["date"] <= CAL_END]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        weekly = lutils.summary_data_from_transaction_data(
            tx, "customer_id", "date", observation_period_end=CAL_END, freq="W"
        )
    ours = clv.summarize(tx, end=CAL_END, unit="W")
    assert (weekly.loc[ours.index, "frequency"] != ours["frequency"]).sum() > 100
    assert (weekly["T"] == np.floor(weekly["T"])).all()


@pytest.mark.parametrize("freq", ["M", "H"])
def test_lifetimes_summary_freq_still_broken(cdnow, freq):
    still_broken(
        lambda: lutils.summary_data_from_transaction_data(cdnow, "customer_id", "date", freq=freq),
        ValueError,
        r"not supported|Invalid frequency",
        f'summary_data_from_transaction_data(freq="{freq}")',
    )


def test_lifetimes_datasets_import_needs_pkg_resources():
    """`import lifetimes.datasets` works only while setuptools still ships pkg_resources."""
    has_pkg_resources = importlib.util.find_spec("pkg_resources") is not None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import lifetimes.datasets  # noqa: F401
        imported = True
    except ModuleNotFoundError as err:
        assert "pkg_resources" in str(err)
        imported = False
    assert imported == has_pkg_resources
    # our loader never needs it
    assert len(load_cdnow("sample")) == 6919


@pytest.mark.parametrize(
    "make, exc, fragment",
    [
        (lambda t: t["amount"].to_list(), TypeError, "transactions must be a pandas DataFrame"),
        (lambda t: t.iloc[:0], ValueError, "transactions is empty"),
        (lambda t: t.drop(columns="amount"), ValueError, "missing column 'amount'"),
        (lambda t: t.drop(columns="date"), ValueError, "missing column 'date'"),
        (lambda t: t.assign(amount=["x"] + [1.0] * (len(t) - 1)), TypeError, "column 'amount' must be numeric"),
        (lambda t: t.assign(amount=[np.nan] + [1.0] * (len(t) - 1)), ValueError, "column 'amount' has 1 missing"),
        (
            lambda t: t.assign(date=["soon"] + ["2025-01-02"] * (len(t) - 1)),
            ValueError,
            "column 'date' has 1 value\\(s\\) that are not dates",
        ),
        (
            lambda t: t.assign(customer_id=[None] + t["customer_id"].iloc[1:].tolist()),
            ValueError,
            "column 'customer_id' has 1 missing",
        ),
        (lambda t: t.assign(date=np.arange(len(t))), TypeError, "column 'date' must hold dates"),
    ],
)
def test_summarize_bad_input(make, exc, fragment):
    with pytest.raises(exc, match=fragment):
        clv.summarize(make(hand_log()), end="2025-02-28")


def test_summarize_bad_parameters():
    with pytest.raises(ValueError, match="unit must be one of 'D'"):
        clv.summarize(hand_log(), end="2025-02-28", unit="H")
    with pytest.raises(TypeError, match="end is required"):
        clv.summarize(hand_log(), end=None)
    with pytest.raises(ValueError, match="end could not be read as a date"):
        clv.summarize(hand_log(), end="31/31/2025")
    with pytest.raises(ValueError, match="missing column 'cid'"):
        clv.summarize(hand_log(), end="2025-02-28", customer_col="cid")


def test_summarize_internals_edge_cases():
    # dates before 1970 floor to the right day; ids come back sorted whatever the row order
    old = hand_log().assign(date=lambda d: d["date"] - pd.DateOffset(years=60)).iloc[::-1]
    s = clv.summarize(old, end="1965-02-28")
    assert s.index.tolist() == ["A", "B", "C"]
    assert s["recency"].tolist() == [35.0, 0.0, 48.0] and s["frequency"].tolist() == [2, 0, 2]


def test_summarize_leaves_out_lines_after_end_and_nets_returns():
    log = hand_log()
    later = pd.DataFrame(
        {"customer_id": ["A", "B"], "date": pd.to_datetime(["2025-03-05", "2025-03-01"]), "amount": [50.0, 9.0]}
    )
    with pytest.warns(CourseKitDataNote, match="2 line\\(s\\) dated after the end 2025-02-28 left out"):
        kept = clv.summarize(pd.concat([log, later]), end="2025-02-28")
    pd.testing.assert_frame_equal(kept, clv.summarize(log, end="2025-02-28"), check_like=True)
    # a return without order id is netted into the customer's latest purchase on or before it
    last_a = log[log["customer_id"] == "A"]["date"].max()
    ret = pd.DataFrame({"customer_id": ["A"], "date": [last_a + pd.Timedelta(days=1)], "amount": [-1.0]})
    with pytest.warns(CourseKitDataNote, match="netted into 1 purchase"):
        netted = clv.summarize(pd.concat([log, ret]), end="2025-02-28")
    plain = clv.summarize(log, end="2025-02-28")
    assert netted.loc["A", "frequency"] == plain.loc["A", "frequency"]
    assert netted.loc["A", "monetary_value"] == pytest.approx(
        plain.loc["A", "monetary_value"] - 1.0 / plain.loc["A", "frequency"]
    )


def test_summary_of_the_calibration_period_straight_from_the_full_cdnow_sample():
    """summarize(full log, end=calibration end) is the published 39-week calibration summary: no filtering first."""
    cdnow = datasets.load_cdnow("sample")
    with pytest.warns(CourseKitDataNote, match="dated after the end 1997-09-30 left out"):
        full = clv.summarize(cdnow, end="1997-09-30", unit="W")
    cut = clv.summarize(cdnow[cdnow["date"] <= "1997-09-30"], end="1997-09-30", unit="W")
    pd.testing.assert_frame_equal(full, cut)
    bgf = clv.fit_bgnbd(full)
    np.testing.assert_allclose(
        clv.fitted_params(bgf)[["r", "alpha", "a", "b"]], [0.243, 4.414, 0.793, 2.426], atol=1e-3
    )


# ----------------------------------------------------------------------------------------------
# calibration / holdout
# ----------------------------------------------------------------------------------------------
def test_calibration_holdout_hand_case():
    log = pd.concat(
        [hand_log(), pd.DataFrame({"customer_id": ["D"], "date": [pd.Timestamp("2025-02-10")], "amount": [3.0]})]
    )
    with pytest.warns(CourseKitDataNote, match="1 customer\\(s\\) with their first purchase in the holdout"):
        ch = clv.calibration_holdout(log, "2025-01-31", "2025-02-28")
    expected = pd.DataFrame(
        {
            "frequency": [1, 0, 1],  # A: Jan 1 + Jan 8; B: Jan 20; C: Jan 3 + Jan 31
            "recency": [7.0, 0.0, 28.0],
            "T": [30.0, 11.0, 28.0],
            "monetary_value": [20.0, 0.0, 6.0],
            "frequency_holdout": [1, 0, 1],  # A: Feb 5; C: Feb 20; D (new in Feb) left out
            "monetary_value_holdout": [40.0, 0.0, 9.0],
            "duration_holdout": [28.0, 28.0, 28.0],
        },
        index=pd.Index(["A", "B", "C"], name="customer_id"),
    )
    pd.testing.assert_frame_equal(ch, expected)
    assert "first purchase in the holdout" in ch.attrs["notes"][0]
    weekly = clv.calibration_holdout(hand_log(), "2025-01-31", "2025-02-28", unit="W", amount_col=None)
    assert weekly["duration_holdout"].iloc[0] == pytest.approx(4.0)
    assert "monetary_value_holdout" not in weekly.columns


def test_lifetimes_calibration_and_holdout_data_still_broken(cdnow):
    still_broken(
        lambda: lutils.calibration_and_holdout_data(cdnow, "customer_id", "date", CAL_END, OBS_END),
        ValueError,
        "No objects to concatenate",
        "calibration_and_holdout_data without monetary_value_col",
    )


@pytest.mark.parametrize("unit", ["D", "W"])
def test_calibration_holdout_equals_lifetimes(cdnow, unit):
    # one row per customer and day, so that lifetimes' row mean equals our day mean
    daily = cdnow.groupby(["customer_id", "date"], as_index=False)["amount"].sum()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = lutils.calibration_and_holdout_data(
            daily,
            "customer_id",
            "date",
            CAL_END,
            OBS_END,
            freq="D",
            freq_multiplier=UNIT_MULT[unit],
            monetary_value_col="amount",
        )
    ref.columns = [c.removesuffix("_cal") for c in ref.columns]
    ours = clv.calibration_holdout(cdnow, CAL_END, OBS_END, unit=unit)
    assert len(ours) == len(ref) == 2357
    pd.testing.assert_frame_equal(ours, ref.loc[ours.index, ours.columns], check_dtype=False, rtol=0, atol=1e-9)


def test_calibration_holdout_bad_input(cdnow):
    with pytest.raises(ValueError, match="calibration_end \\(1998-06-30\\) must be before observation_end"):
        clv.calibration_holdout(cdnow, OBS_END, CAL_END)
    with pytest.warns(CourseKitDataNote, match="dated after the end 1998-01-31 left out"):
        short = clv.calibration_holdout(cdnow, CAL_END, "1998-01-31")
    assert (short["duration_holdout"] == 123.0).all()  # 1997-09-30 to 1998-01-31 in days
    with pytest.raises(ValueError, match="calibration period is empty"):
        clv.calibration_holdout(cdnow, "1996-12-31", OBS_END)
    with pytest.raises(ValueError, match="missing column 'amount'"):
        clv.calibration_holdout(cdnow.drop(columns="amount"), CAL_END, OBS_END)
