"""Unit tests of coursekit.transactions: hand-computed cases, the bad-input matrix, the case data."""

from __future__ import annotations

import warnings
from datetime import date

import numpy as np
import pandas as pd
import pytest

from coursekit import datasets, transactions
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
        ("O1", "A", "2025-03-01", 100.0, 20.0),  # two sale lines, one partial return
        ("O1", "A", "2025-03-01", 50.0, 10.0),
        ("O2", "B", "2025-03-02", 80.0, 16.0),  # untouched
        ("O3", "B", "2025-03-05", 40.0, 8.0),  # fully returned -> excluded
        ("O1", "A", "2025-03-20", -30.0, -6.0),
        ("O3", "B", "2025-03-25", -40.0, -8.0),
        ("O4", "C", "2025-02-10", 60.0, 9.0),  # sale lines on two days: earliest sale date
        ("O4", "C", "2025-02-12", 15.0, 3.0),
        ("O5", "C", "2025-04-01", -10.0, -2.0),  # return without its sale in the data -> excluded
        ("O6", "A", "2025-01-15", 0.0, 0.0),  # zero line only: net 0 -> excluded
        ("O7", "D", "2025-02-01", 25.0, 5.0),  # return booked before the sale date stays netted
        ("O7", "D", "2025-01-31", -5.0, -1.0),
    ]
    return pd.DataFrame(rows, columns=["order_id", "customer_id", "date", "amount", "margin"])


END = "2025-12-31"


# --------------------------------------------------------------------------- net_orders
def test_net_orders_hand_case(lines):
    with pytest.warns(CourseKitDataNote) as rec:
        net = transactions.net_orders(lines, END, margin_col="margin")
    expected = pd.DataFrame(
        {
            "customer_id": ["A", "D", "C", "A", "B"],
            "date": pd.to_datetime(["2025-01-15", "2025-02-01", "2025-02-10", "2025-03-01", "2025-03-02"]).astype(
                "datetime64[ns]"
            ),
            "amount": [0.0, 20.0, 75.0, 120.0, 80.0],
            "margin": [0.0, 4.0, 12.0, 24.0, 16.0],
        },
        index=pd.Index(["O6", "O7", "O4", "O1", "O2"], name="order_id"),
    )
    pd.testing.assert_frame_equal(net, expected)
    notes = net.attrs["notes"]
    assert notes == [
        "1 return line(s) (total -10.00) left out: no sale line of their order in the data to net them into",
        "3 return line(s) (negative amount, total -75.00) netted into 3 purchase(s) of their order, at its sale date",
        "1 purchase(s) excluded: net amount <= 0 after returns (fully returned), e.g. 'O3'",
        "1 purchase(s) with a total of 0 and no return kept as purchases worth 0 (e.g. free replacements)",
    ]
    assert [str(w.message) for w in rec] == notes
    # totals: every line is accounted for: kept + fully returned O3 (0) + the unmatched return (-10)
    assert net["amount"].sum() == pytest.approx(lines["amount"].sum() + 10.0)


def test_net_orders_without_margin_and_custom_columns(lines):
    renamed = lines.drop(columns="margin").rename(
        columns={"order_id": "so", "customer_id": "cid", "date": "day", "amount": "value"}
    )
    renamed["day"] = pd.to_datetime(renamed["day"])
    net = quiet(
        transactions.net_orders, renamed, END, order_col="so", customer_col="cid", date_col="day", amount_col="value"
    )
    assert list(net.columns) == ["cid", "day", "value"]
    assert net.index.name == "so"
    assert net.loc["O1", "value"] == 120.0


def test_net_orders_without_returns_gives_no_note():
    df = pd.DataFrame(
        {"order_id": [1, 2], "customer_id": ["A", "A"], "date": ["2025-01-02", "2025-01-01"], "amount": [10.0, 20.0]}
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        net = transactions.net_orders(df, END)
    assert net.attrs.get("notes", []) == []
    assert net.index.tolist() == [2, 1]  # sorted by date


# --------------------------------------------------------------------------- the end rule, purchases by day
def test_end_is_a_calendar_day_inclusive_and_later_lines_are_noted():
    df = pd.DataFrame(
        {
            "customer_id": ["A", "A", "B"],
            "date": pd.to_datetime(["2025-12-31 15:00", "2026-01-01 08:00", "2026-02-01 00:00"]),
            "amount": [10.0, 5.0, 7.0],
        }
    )
    with pytest.warns(CourseKitDataNote, match="2 line"):
        table = transactions.purchases(df, "2025-12-31 12:00")  # a time of day in end is ignored
    assert table["customer_id"].tolist() == ["A"] and table["amount"].tolist() == [10.0]
    assert table.attrs["notes"] == [
        "2 line(s) dated after the end 2025-12-31 left out (end is a calendar day, inclusive)"
    ]


def test_purchases_by_day_net_returns_into_the_latest_earlier_purchase():
    df = pd.DataFrame(
        {
            "customer_id": ["A", "A", "A", "A", "B", "C", "C"],
            "date": ["2025-01-01", "2025-01-01", "2025-01-05", "2025-01-07", "2025-01-02", "2025-01-03", "2025-01-09"],
            "amount": [10.0, 5.0, 8.0, -3.0, -4.0, 6.0, -6.0],
        }
    )
    table = quiet(transactions.purchases, df, END)
    # A: 1 Jan (15), 5 Jan (8 - 3 = 5); B: a return with no earlier purchase is left out;
    # C: 3 Jan fully returned on 9 Jan, so C has no purchase left
    assert table["customer_id"].tolist() == ["A", "A"]
    assert table["amount"].tolist() == [15.0, 5.0]
    assert table.attrs["notes"] == [
        "1 return line(s) (total -4.00) left out: no earlier purchase of the customer in the data to net them into",
        "2 return line(s) (negative amount, total -9.00) netted into 2 purchase(s) "
        "(the customer's latest purchase on or before the return date)",
        "1 purchase(s) excluded: net amount <= 0 after returns (fully returned), e.g. 'C' on 2025-01-03",
    ]


def test_purchase_log_without_amounts_counts_days():
    df = pd.DataFrame({"customer_id": [2, 1, 2, 2], "date": ["2025-01-02", "2025-01-01", "2025-01-02", "2025-01-04"]})
    log = transactions.purchase_log(df, END, amount_col=None)
    assert log.ids.tolist() == [1, 2] and log.customer.tolist() == [0, 1, 1]
    assert (log.dates().astype("datetime64[D]").astype(str)).tolist() == ["2025-01-01", "2025-01-02", "2025-01-04"]
    assert log.amount is None and log.notes == []


def test_margin_needs_amount():
    df = pd.DataFrame({"customer_id": ["A"], "date": ["2025-01-01"], "margin": [1.0]})
    with pytest.raises(ValueError, match="margin_col needs amount_col"):
        transactions.purchase_log(df, END, amount_col=None, margin_col="margin")


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
        (
            lambda t: t.assign(amount=t["amount"].where(t.index > 0, np.inf)),
            {},
            ValueError,
            "column 'amount' has infinite values",
        ),
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
        quiet(transactions.net_orders, make(lines), END, **kwargs)
    assert fragment in str(info.value)


def test_net_orders_on_the_case_data():
    orders = datasets.load_orders()
    with pytest.warns(CourseKitDataNote):
        net = transactions.net_orders(orders, datasets.OBSERVATION_END, margin_col="margin")
    assert len(net) == 34652 and net.index.is_unique
    assert (net["amount"] > 0).all()
    assert net["customer_id"].nunique() == 1999
    kept = orders[orders["order_id"].isin(net.index)]
    assert net["amount"].sum() == pytest.approx(kept["amount"].sum())
    assert net["margin"].sum() == pytest.approx(kept["margin"].sum())
    assert net.attrs["notes"][0].startswith("1753 return line(s)")
    assert net.attrs["notes"][1].startswith("212 purchase(s) excluded: net amount <= 0 after returns")


# --------------------------------------------------------------------------- activity_by_period
@pytest.fixture
def yearly():
    return pd.DataFrame(
        {
            "customer_id": ["A", "B", "C", "A", "A", "C", "D", "B"],
            "date": [
                "2023-05-01",
                "2023-06-01",
                "2023-07-01",
                "2024-01-10",
                "2024-03-01",
                "2024-04-01",
                "2024-05-01",
                "2026-01-01",
            ],
            "amount": [100.0, 50.0, 30.0, 120.0, 10.0, 60.0, 20.0, 40.0],
            "margin": [20.0, 10.0, 6.0, 24.0, 2.0, 12.0, 4.0, 8.0],
        }
    )


def test_activity_by_period_hand_case(yearly):
    table = quiet(transactions.activity_by_period, yearly, "2026-12-31", margin_col="margin")
    assert [str(p) for p in table.index] == ["2023", "2024", "2025", "2026"]  # 2025 empty but listed
    assert table["customers"].tolist() == [3, 3, 0, 1]
    assert table["retained"].tolist() == [0, 2, 0, 0]  # A and C stay in 2024
    np.testing.assert_allclose(table["retention"], [np.nan, 2 / 3, 0.0, np.nan])
    assert table["amount"].tolist() == [180.0, 210.0, 0.0, 40.0]
    np.testing.assert_allclose(table["amount_per_customer"], [60.0, 70.0, np.nan, 40.0])
    np.testing.assert_allclose(table["margin_per_customer"], [12.0, 14.0, np.nan, 8.0])


def test_activity_by_period_flags_an_incomplete_last_period(yearly):
    with pytest.warns(CourseKitDataNote, match=r"year 2026 is not complete at the end 2026-01-01 \(1 of 365 days\)"):
        table = transactions.activity_by_period(yearly, "2026-01-01")
    assert table["complete"].tolist() == [True, True, True, False]
    assert np.isnan(table.loc[pd.Period("2026"), "retention"])  # not a drop to 0
    assert table["customers"].tolist() == [3, 3, 0, 1]


def test_activity_by_period_quarters(yearly):
    table = transactions.activity_by_period(yearly.iloc[:7], "2024-06-30", period="Q")
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
        (lambda t: t, {"period": "W"}, ValueError, "period must be one of 'Y'"),
        (lambda t: _bad(t, amount=(1, "x")), {}, TypeError, "column 'amount' must be numeric"),
        (lambda t: _bad(t, customer_id=(1, None)), {}, ValueError, "column 'customer_id' has 1 missing"),
        (lambda t: _bad(t, date=(1, "soon")), {}, ValueError, "not dates"),
    ],
)
def test_activity_by_period_bad_input(yearly, make, kwargs, error, fragment):
    with pytest.raises(error) as info:
        transactions.activity_by_period(make(yearly), END, **kwargs)
    assert fragment in str(info.value)


# --------------------------------------------------------------------------- recency_cell_retention
def test_recency_cell_retention_hand_case():
    # quarters: A Q1 Q2 Q3, B Q1, C Q2 Q4 (2025)
    orders = pd.DataFrame(
        {
            "customer_id": ["A", "A", "A", "B", "C", "C"],
            "date": ["2025-01-05", "2025-04-05", "2025-07-05", "2025-01-20", "2025-05-01", "2025-11-03"],
        }
    )
    table = transactions.recency_cell_retention(orders, END, cells=2)
    # Q3: A cell 1 buys, B cell 2 does not, C cell 1 does not; Q4: A cell 1 does not, C cell 2 buys, B beyond
    assert table["customers"].tolist() == [3, 2]
    assert table["buyers"].tolist() == [1, 1]
    np.testing.assert_allclose(table["retention"], [1 / 3, 0.5])
    assert table.attrs["periods"] == ["2025Q3", "2025Q4"]
    one = transactions.recency_cell_retention(orders, END, cells=1)
    # Q2: A,B cell 1 -> A buys; Q3: A,C -> A buys; Q4: A -> no
    assert one["customers"].tolist() == [5] and one["buyers"].tolist() == [2]


def test_recency_cell_retention_empty_cell_is_nan():
    orders = pd.DataFrame({"customer_id": ["A", "A", "A"], "date": ["2025-01-05", "2025-04-05", "2025-07-05"]})
    table = transactions.recency_cell_retention(orders, "2025-09-30", period="Q", cells=2)
    assert table["customers"].tolist() == [1, 0] and np.isnan(table.loc[2, "retention"])


def test_recency_cell_retention_leaves_out_an_incomplete_last_period():
    orders = pd.DataFrame({"customer_id": ["A", "A", "A"], "date": ["2025-01-05", "2025-04-05", "2025-07-05"]})
    with pytest.warns(CourseKitDataNote, match="quarter 2025Q4 is not complete at the end 2025-11-15"):
        table = transactions.recency_cell_retention(orders, "2025-11-15", period="Q", cells=2)
    assert table.attrs["periods"] == ["2025Q3"]
    full = transactions.recency_cell_retention(orders, END, period="Q", cells=2)
    # with 2025Q4 complete, A (cell 1 after buying in Q3) did not buy in Q4
    assert full.attrs["periods"] == ["2025Q3", "2025Q4"] and full["customers"].tolist() == [2, 0]


@pytest.mark.parametrize(
    "kwargs, error, fragment",
    [
        ({"cells": 0}, ValueError, "cells must be a whole number"),
        ({"cells": 2.0}, ValueError, "cells must be a whole number"),
        ({"cells": True}, ValueError, "cells must be a whole number"),
        ({"cells": 4}, ValueError, "span 4 complete quarter(s); 4 recency cell(s) need at least 5"),
        ({"period": "D"}, ValueError, "period must be one of"),
        ({"customer_col": "cid"}, ValueError, "missing column 'cid'"),
    ],
)
def test_recency_cell_retention_bad_input(kwargs, error, fragment):
    orders = pd.DataFrame({"customer_id": ["A", "B"], "date": ["2025-01-05", "2025-12-05"]})
    with pytest.raises(error) as info:
        transactions.recency_cell_retention(orders, END, **kwargs)
    assert fragment in str(info.value)
    with pytest.raises(TypeError, match="must be a pandas DataFrame"):
        transactions.recency_cell_retention(orders.to_dict("list"), END)
    with pytest.raises(ValueError, match="has 1 missing"):
        transactions.recency_cell_retention(_bad(orders, customer_id=(0, None)), END)


# --------------------------------------------------------------------------- one wording for returns
def test_returns_note_is_the_one_wording_of_netted_returns(lines):
    from coursekit.transactions.log import returns_note

    assert returns_note(3, -75.0, 3, "purchase(s) of their order, at its sale date") == (
        "3 return line(s) (negative amount, total -75.00) netted into 3 purchase(s) of their order, at its sale date"
    )
    # the layer's own note is made by it: the hand case above reads exactly the same
    net = quiet(transactions.net_orders, lines, END)
    assert returns_note(3, -75.0, 3, "purchase(s) of their order, at its sale date") in net.attrs["notes"]


# --------------------------------------------------------------------------- overviews of a whole table
@pytest.fixture
def order_lines():
    return pd.DataFrame(
        {
            "line_id": ["L1", "L2", "L3", "L4", "L5", "L6"],
            "customer_id": ["A", "A", "B", "C", "C", "B"],
            "date": ["2025-01-05", "2025-01-20", "2025-01-31", "2025-03-02", "2025-03-09", "2025-03-31"],
            "product_line": ["bearings", "fasteners", "bearings", "bearings", "bearings", "fasteners"],
            "amount": [100.0, 40.0, 10.0, 60.0, -30.0, 5.0],
        }
    )


def test_transactions_overview_hand_case(order_lines):
    out = transactions.transactions_overview(order_lines)
    assert out["lines"] == 6 and out["customers"] == 3
    assert out["purchase_days"] == 5  # the return line is not a purchase
    assert out["first_date"] == date(2025, 1, 5) and out["last_date"] == date(2025, 3, 31)
    assert out["total_amount"] == pytest.approx(185.0)


def test_returns_summary_hand_case(order_lines):
    out = transactions.returns_summary(order_lines)
    assert out["sale_lines"] == 5 and out["return_lines"] == 1
    assert out["gross_sales"] == pytest.approx(215.0)
    assert out["returns"] == pytest.approx(-30.0)
    assert out["net_revenue"] == pytest.approx(185.0)
    assert out["return_share"] == pytest.approx(round(30 / 215, 4))


def test_returns_summary_of_the_case_data_matches_the_readme():
    out = transactions.returns_summary(datasets.load_orders())
    assert (out["sale_lines"], out["return_lines"]) == (66464, 1753)


@pytest.mark.parametrize("func", [transactions.transactions_overview, transactions.returns_summary])
def test_overviews_bad_input(func, order_lines):
    with pytest.raises(TypeError, match="DataFrame"):
        func(order_lines.to_dict())
    with pytest.raises(ValueError, match="missing column 'amount'"):
        func(order_lines.drop(columns="amount"))
    with pytest.raises(TypeError, match="column 'amount' must be numeric"):
        func(order_lines.assign(amount=["x"] * len(order_lines)))
