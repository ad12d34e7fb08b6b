"""Unit tests of coursekit.transactions: hand-computed cases, the bad-input matrix, the case data."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from coursekit import clv, datasets, transactions
from coursekit._validate import CourseKitDataNote


def quiet(func, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)
        return func(*args, **kwargs)


@pytest.fixture
def lines():
    """Order lines computed by hand below."""
    rows = [
        # order, customer, date, amount, margin
        ("O1", "A", "2025-03-01", 100.0, 20.0),   # two sale lines, one partial return
        ("O1", "A", "2025-03-01", 50.0, 10.0),
        ("O2", "B", "2025-03-02", 80.0, 16.0),    # untouched
        ("O3", "B", "2025-03-05", 40.0, 8.0),     # fully returned -> excluded
        ("O1", "A", "2025-03-20", -30.0, -6.0),
        ("O3", "B", "2025-03-25", -40.0, -8.0),
        ("O4", "C", "2025-02-10", 60.0, 9.0),     # sale lines on two days: earliest sale date
        ("O4", "C", "2025-02-12", 15.0, 3.0),
        ("O5", "C", "2025-04-01", -10.0, -2.0),   # return without its sale in the data -> excluded
        ("O6", "A", "2025-01-15", 0.0, 0.0),      # zero line only: net 0 -> excluded
        ("O7", "D", "2025-02-01", 25.0, 5.0),     # return booked before the sale date stays netted
        ("O7", "D", "2025-01-31", -5.0, -1.0),
    ]
    return pd.DataFrame(rows, columns=["order_id", "customer_id", "date", "amount", "margin"])


# --------------------------------------------------------------------------- net_orders
def test_net_orders_hand_case(lines):
    with pytest.warns(CourseKitDataNote) as rec:
        net = transactions.net_orders(lines, margin_col="margin")
    expected = pd.DataFrame(
        {
            "customer_id": ["D", "C", "A", "B"],
            "date": pd.to_datetime(["2025-02-01", "2025-02-10", "2025-03-01", "2025-03-02"]).astype("datetime64[ns]"),
            "amount": [20.0, 75.0, 120.0, 80.0],
            "margin": [4.0, 12.0, 24.0, 16.0],
        },
        index=pd.Index(["O7", "O4", "O1", "O2"], name="order_id"),
    )
    pd.testing.assert_frame_equal(net, expected)
    notes = net.attrs["notes"]
    assert notes == [
        "4 return line(s) (negative amount, total -85.00) netted into 4 order(s) at their sale date",
        "3 order(s) excluded: net amount <= 0 after returns (fully returned), e.g. 'O3'; "
        "2 of them have no sale line",
    ]
    assert [str(w.message) for w in rec] == notes
    # totals: net amount kept = all lines minus the excluded orders' net (0 + -10 + 0)
    assert net["amount"].sum() == pytest.approx(lines["amount"].sum() + 10.0)


def test_net_orders_without_margin_and_custom_columns(lines):
    renamed = lines.drop(columns="margin").rename(
        columns={"order_id": "so", "customer_id": "cid", "date": "day", "amount": "value"})
    renamed["day"] = pd.to_datetime(renamed["day"])
    net = quiet(transactions.net_orders, renamed, order_col="so", customer_col="cid", date_col="day",
                amount_col="value")
    assert list(net.columns) == ["cid", "day", "value"]
    assert net.index.name == "so"
    assert net.loc["O1", "value"] == 120.0


def test_net_orders_without_returns_gives_no_note():
    df = pd.DataFrame({"order_id": [1, 2], "customer_id": ["A", "A"],
                       "date": ["2025-01-02", "2025-01-01"], "amount": [10.0, 20.0]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        net = transactions.net_orders(df)
    assert net.attrs.get("notes", []) == []
    assert net.index.tolist() == [2, 1]  # sorted by date


def test_net_orders_feeds_summarize(lines):
    net = quiet(transactions.net_orders, lines)
    summary = clv.summarize(net, end="2025-03-31")
    assert summary.loc["A", "frequency"] == 0 and summary.loc["C", "T"] == 49.0
    with pytest.raises(ValueError, match="must not be negative"):
        clv.summarize(lines, end="2025-04-30")


def _bad(df, **changes):
    out = df.copy()
    for col, (row, value) in changes.items():
        out[col] = out[col].astype(object)
        out.loc[row, col] = value
    return out


@pytest.mark.parametrize(
    "make, kwargs, error, fragment",
    [
        (lambda t: t.to_dict("list"), {}, TypeError, "transactions must be a pandas DataFrame"),
        (lambda t: t.iloc[0:0], {}, ValueError, "transactions is empty"),
        (lambda t: t.drop(columns="order_id"), {}, ValueError, "missing column 'order_id'"),
        (lambda t: t.drop(columns="customer_id"), {}, ValueError, "missing column 'customer_id'"),
        (lambda t: t.drop(columns="date"), {}, ValueError, "missing column 'date'"),
        (lambda t: t.drop(columns="amount"), {}, ValueError, "missing column 'amount'"),
        (lambda t: t, {"margin_col": "gm"}, ValueError, "missing column 'gm'"),
        (lambda t: t, {"margin_col": "amount"}, ValueError, "must differ"),
        (lambda t: _bad(t, order_id=(1, None)), {}, ValueError, "column 'order_id' has 1 missing"),
        (lambda t: _bad(t, customer_id=(1, np.nan)), {}, ValueError, "column 'customer_id' has 1 missing"),
        (lambda t: _bad(t, amount=(2, "abc")), {}, TypeError, "column 'amount' must be numeric"),
        (lambda t: _bad(t, amount=(2, np.nan)), {}, ValueError, "column 'amount' has 1 missing"),
        (lambda t: t.assign(amount=t["amount"].where(t.index > 0, np.inf)), {}, ValueError,
         "column 'amount' has infinite values"),
        (lambda t: _bad(t, margin=(2, "x")), {"margin_col": "margin"}, TypeError, "column 'margin' must be numeric"),
        (lambda t: _bad(t, margin=(2, np.nan)), {"margin_col": "margin"}, ValueError, "column 'margin' has 1 missing"),
        (lambda t: _bad(t, date=(3, "soon")), {}, ValueError, "column 'date' has 1 value(s) that are not dates"),
        (lambda t: _bad(t, date=(3, None)), {}, ValueError, "column 'date' has 1 missing"),
        (lambda t: t.assign(date=20250101), {}, TypeError, "column 'date' must hold dates"),
        (lambda t: _bad(t, customer_id=(4, "Z")), {}, ValueError, "order 'O1' belongs to more than one customer_id"),
    ],
)
def test_net_orders_bad_input(lines, make, kwargs, error, fragment):
    with pytest.raises(error) as info:
        quiet(transactions.net_orders, make(lines), **kwargs)
    assert fragment in str(info.value)


def test_net_orders_on_the_case_data():
    orders = datasets.load_orders()
    with pytest.warns(CourseKitDataNote):
        net = transactions.net_orders(orders, margin_col="margin")
    assert len(net) == 34652 and net.index.is_unique
    assert (net["amount"] > 0).all()
    assert net["customer_id"].nunique() == 1999
    kept = orders[orders["order_id"].isin(net.index)]
    assert net["amount"].sum() == pytest.approx(kept["amount"].sum())
    assert net["margin"].sum() == pytest.approx(kept["margin"].sum())
    assert net.attrs["notes"][0].startswith("1753 return line(s)")
    assert net.attrs["notes"][1].startswith("212 order(s) excluded")


# --------------------------------------------------------------------------- activity_by_period
@pytest.fixture
def yearly():
    return pd.DataFrame({
        "customer_id": ["A", "B", "C", "A", "A", "C", "D", "B"],
        "date": ["2023-05-01", "2023-06-01", "2023-07-01", "2024-01-10", "2024-03-01", "2024-04-01",
                 "2024-05-01", "2026-01-01"],
        "amount": [100.0, 50.0, 30.0, 120.0, 10.0, 60.0, 20.0, 40.0],
        "margin": [20.0, 10.0, 6.0, 24.0, 2.0, 12.0, 4.0, 8.0],
    })


def test_activity_by_period_hand_case(yearly):
    table = transactions.activity_by_period(yearly, margin_col="margin")
    assert [str(p) for p in table.index] == ["2023", "2024", "2025", "2026"]  # 2025 empty but listed
    assert table["customers"].tolist() == [3, 3, 0, 1]
    assert table["retained"].tolist() == [0, 2, 0, 0]   # A and C stay in 2024
    np.testing.assert_allclose(table["retention"], [np.nan, 2 / 3, 0.0, np.nan])
    assert table["amount"].tolist() == [180.0, 210.0, 0.0, 40.0]
    np.testing.assert_allclose(table["amount_per_customer"], [60.0, 70.0, np.nan, 40.0])
    np.testing.assert_allclose(table["margin_per_customer"], [12.0, 14.0, np.nan, 8.0])


def test_activity_by_period_quarters(yearly):
    table = transactions.activity_by_period(yearly.iloc[:7], freq="Q")
    assert str(table.index[0]) == "2023Q2" and len(table) == 5
    assert table.loc[pd.Period("2024Q1"), "customers"] == 1
    assert "margin" not in table.columns


@pytest.mark.parametrize(
    "make, kwargs, error, fragment",
    [
        (lambda t: t.to_dict("list"), {}, TypeError, "transactions must be a pandas DataFrame"),
        (lambda t: t.iloc[0:0], {}, ValueError, "transactions is empty"),
        (lambda t: t.drop(columns="amount"), {}, ValueError, "missing column 'amount'"),
        (lambda t: t.drop(columns="date"), {}, ValueError, "missing column 'date'"),
        (lambda t: t, {"margin_col": "gm"}, ValueError, "missing column 'gm'"),
        (lambda t: t, {"freq": "W"}, ValueError, "freq must be one of 'Y'"),
        (lambda t: _bad(t, amount=(1, "x")), {}, TypeError, "column 'amount' must be numeric"),
        (lambda t: _bad(t, customer_id=(1, None)), {}, ValueError, "column 'customer_id' has 1 missing"),
        (lambda t: _bad(t, date=(1, "soon")), {}, ValueError, "not dates"),
    ],
)
def test_activity_by_period_bad_input(yearly, make, kwargs, error, fragment):
    with pytest.raises(error) as info:
        transactions.activity_by_period(make(yearly), **kwargs)
    assert fragment in str(info.value)


# --------------------------------------------------------------------------- recency_cell_retention
def test_recency_cell_retention_hand_case():
    # quarters: A Q1 Q2 Q3, B Q1, C Q2 Q4 (2025)
    orders = pd.DataFrame({"customer_id": ["A", "A", "A", "B", "C", "C"],
                           "date": ["2025-01-05", "2025-04-05", "2025-07-05", "2025-01-20", "2025-05-01",
                                    "2025-11-03"]})
    table = transactions.recency_cell_retention(orders, cells=2)
    # Q3: A cell 1 buys, B cell 2 does not, C cell 1 does not; Q4: A cell 1 does not, C cell 2 buys, B beyond
    assert table["customers"].tolist() == [3, 2]
    assert table["buyers"].tolist() == [1, 1]
    np.testing.assert_allclose(table["retention"], [1 / 3, 0.5])
    assert table.attrs["periods"] == ["2025Q3", "2025Q4"]
    one = transactions.recency_cell_retention(orders, cells=1)
    # Q2: A,B cell 1 -> A buys; Q3: A,C -> A buys; Q4: A -> no
    assert one["customers"].tolist() == [5] and one["buyers"].tolist() == [2]


def test_recency_cell_retention_empty_cell_is_nan():
    orders = pd.DataFrame({"customer_id": ["A", "A", "A"], "date": ["2025-01-05", "2025-04-05", "2025-07-05"]})
    table = transactions.recency_cell_retention(orders, freq="Q", cells=2)
    assert table["customers"].tolist() == [1, 0] and np.isnan(table.loc[2, "retention"])


@pytest.mark.parametrize(
    "kwargs, error, fragment",
    [
        ({"cells": 0}, ValueError, "cells must be a whole number"),
        ({"cells": 2.0}, ValueError, "cells must be a whole number"),
        ({"cells": True}, ValueError, "cells must be a whole number"),
        ({"cells": 4}, ValueError, "span 4 quarter(s); 4 recency cell(s) need at least 5"),
        ({"freq": "D"}, ValueError, "freq must be one of"),
        ({"customer_col": "cid"}, ValueError, "missing column 'cid'"),
    ],
)
def test_recency_cell_retention_bad_input(kwargs, error, fragment):
    orders = pd.DataFrame({"customer_id": ["A", "B"], "date": ["2025-01-05", "2025-12-05"]})
    with pytest.raises(error) as info:
        transactions.recency_cell_retention(orders, **kwargs)
    assert fragment in str(info.value)
    with pytest.raises(TypeError, match="must be a pandas DataFrame"):
        transactions.recency_cell_retention(orders.to_dict("list"))
    with pytest.raises(ValueError, match="has 1 missing"):
        transactions.recency_cell_retention(_bad(orders, customer_id=(0, None)))
