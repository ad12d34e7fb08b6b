"""coursekit.lifecycle: kinds, lifecycle stages, profit drivers (hand-computed examples)."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from coursekit import lifecycle
from coursekit.lifecycle.drivers import _BONE_OF

END = "2025-12-31"


def _quiet(func, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return func(*args, **kwargs)


@pytest.fixture
def orders():
    # A: 100 in 2024 -> 150 in 2025 (+50 %, growth); B: 200 -> 190 (mature); C: 300 -> 100 (decline);
    # D: last order 2025-05-01 (244 days, dormant -> decline although 0 -> 50);
    # E: first order 2025-03-01 (development); F: last order 2024-10-01 (456 days, lost -> termination).
    rows = [
        ("A", "2024-06-01", 100.0),
        ("A", "2025-11-01", 150.0),
        ("B", "2024-06-01", 200.0),
        ("B", "2025-12-01", 190.0),
        ("C", "2024-06-01", 300.0),
        ("C", "2025-12-20", 100.0),
        ("D", "2023-06-01", 80.0),
        ("D", "2025-05-01", 50.0),
        ("E", "2025-03-01", 70.0),
        ("E", "2025-12-01", 30.0),
        ("F", "2024-10-01", 60.0),
    ]
    return pd.DataFrame(rows, columns=["customer_id", "date", "amount"])


def test_stages_follow_the_stated_rule(orders):
    table = _quiet(lifecycle.lifecycle_stages, orders, END, prospects=["P1", "A"])
    assert table["stage"].astype(str).to_dict() == {
        "A": "growth",
        "B": "mature",
        "C": "decline",
        "D": "decline",
        "E": "development",
        "F": "termination",
        "P1": "potential",
    }
    assert table.loc["A", ["revenue_last", "revenue_prior"]].tolist() == [150.0, 100.0]
    assert table.loc["F", "status"] == "lost"
    assert list(table["stage"].cat.categories) == list(lifecycle.STAGES)


def test_band_changes_growth_and_decline(orders):
    # B fell 5 %: with a band of 2 % it declines; A grew 50 %: with a band of 60 % it is mature
    table = _quiet(lifecycle.lifecycle_stages, orders, END, band=0.02)
    assert table.loc["B", "stage"] == "decline"
    table = _quiet(lifecycle.lifecycle_stages, orders, END, band=0.6)
    assert table.loc["A", "stage"] == "mature"


def test_returns_are_netted_and_noted(orders):
    lines = pd.concat([orders, pd.DataFrame([("A", "2025-11-05", -50.0)], columns=orders.columns)])
    with pytest.warns(UserWarning):
        table = lifecycle.lifecycle_stages(lines, END)
    # 150 - 50 = 100 against 100 the year before: mature
    assert table.loc["A", "revenue_last"] == 100.0
    assert table.loc["A", "stage"] == "mature"
    assert table.attrs["notes"]


def test_stage_summary_by_hand(orders):
    table = _quiet(lifecycle.lifecycle_stages, orders, END, prospects=["P1"])
    summary = lifecycle.stage_summary(table)
    assert summary.index.tolist() == list(lifecycle.STAGES)
    assert summary["customers"].tolist() == [1, 1, 1, 1, 2, 1]
    # last year's revenue 150 + 190 + 100 + 50 + 100 = 590; decline = C 100 + D 50
    assert summary.loc["decline", "revenue_share"] == pytest.approx(150 / 590)
    assert summary.loc["termination", "revenue_prior"] == 60.0
    assert summary["customer_share"].sum() == pytest.approx(1.0)


def test_stage_inputs_are_checked(orders):
    with pytest.raises(ValueError, match="band"):
        lifecycle.lifecycle_stages(orders, END, band=1.5)
    with pytest.raises(ValueError, match="window_days"):
        lifecycle.lifecycle_stages(orders, END, window_days=0)
    with pytest.raises(TypeError, match="prospects"):
        _quiet(lifecycle.lifecycle_stages, orders, END, prospects="P1")
    with pytest.raises(ValueError, match="amount"):
        lifecycle.lifecycle_stages(orders.drop(columns="amount"), END)
    with pytest.raises(ValueError, match="unknown stages"):
        lifecycle.stage_summary(pd.DataFrame({"stage": ["teen"], "revenue_last": [1.0], "revenue_prior": [1.0]}))


def test_kind_profile_by_hand():
    orders = pd.DataFrame(
        {
            "order_id": ["O1", "O2", "O3", "O4", "O4"],
            "customer_id": ["A", "A", "B", "C", "C"],
            "date": ["2025-02-01", "2025-03-01", "2025-04-01", "2024-04-01", "2025-01-10"],
            "amount": [100.0, 300.0, 600.0, 500.0, -100.0],
            "margin": [20.0, 60.0, 60.0, 100.0, -20.0],
        }
    )
    customers = pd.DataFrame({"customer_id": ["A", "B", "C"], "customer_type": ["end user", "channel partner", "OEM"]})
    table = _quiet(lifecycle.kind_profile, orders, END, customers=customers)
    # C's order of 2024 is outside the window 2025-01-01 .. 2025-12-31 (its return is netted into it)
    assert table.loc["consumer", ["customers", "buying", "revenue"]].tolist() == [1, 1, 400.0]
    assert table.loc["consumer", "orders_per_customer"] == 2.0
    assert table.loc["consumer", "order_value"] == 200.0
    assert table.loc["channel", "margin_rate"] == pytest.approx(0.1)
    assert table.loc["b2b", ["customers", "buying"]].tolist() == [1, 0]
    assert table["revenue_share"].sum() == pytest.approx(1.0)
    assert table.loc["internal", "customers"] == 0


def test_kind_profile_inputs_are_checked():
    orders = pd.DataFrame(
        {"order_id": ["O1"], "customer_id": ["A"], "date": ["2025-02-01"], "amount": [1.0], "margin": [0.1]}
    )
    with pytest.raises(ValueError, match="customers is needed"):
        lifecycle.kind_profile(orders, END)
    customers = pd.DataFrame({"customer_id": ["A"], "customer_type": ["retailer"]})
    with pytest.raises(ValueError, match="types without a kind"):
        lifecycle.kind_profile(orders, END, customers=customers)
    with pytest.raises(ValueError, match="unknown kind keys"):
        lifecycle.kind_profile(orders, END, customers=customers, kinds={"retailer": "shop"})


def _cost(**columns):
    base = dict.fromkeys(
        ["order_line", "delivery", "return_line", "ticket", "ticket_escalation", "visit", "account_management"], 0.0
    )
    base.update(columns)
    frame = pd.DataFrame(base, index=["A", "B"])
    frame["cost_to_serve"] = frame.sum(axis=1)
    return frame


def test_profit_drivers_by_hand():
    orders = pd.DataFrame(
        {
            "order_id": ["O1", "O2", "O3", "O2"],
            "customer_id": ["A", "B", "B", "B"],
            "date": ["2025-03-01", "2025-04-01", "2025-06-01", "2025-05-01"],
            "amount": [1000.0, 400.0, 200.0, -100.0],
            "margin": [300.0, 80.0, 40.0, -20.0],
        }
    )
    cost = _cost(
        order_line=[6.0, 12.0],
        delivery=[50.0, 100.0],
        return_line=[0.0, 40.0],
        ticket=[0.0, 150.0],
        ticket_escalation=[0.0, 200.0],
        visit=[350.0, 0.0],
        account_management=[100.0, 50.0],
    )
    d = lifecycle.profit_drivers(orders, END, cost=cost)
    value = d["value"]
    assert value["revenue_total"] == 1500.0
    assert value["order_count"] == 3
    assert value["margin_total"] == 400.0
    assert value["margin_percent"] == pytest.approx(100 * 400 / 1500)
    assert value["returned_sales"] == 100.0
    assert value["return_percent"] == pytest.approx(100 * 100 / 1600)
    assert value["order_delivery_cost"] == 208.0  # 6 + 12 + 50 + 100 + 40
    assert value["cost_per_order"] == pytest.approx(208 / 3)
    assert value["ticket_cost_total"] == 150.0 and value["escalation_cost"] == 200.0
    assert value["visit_cost_total"] == 350.0 and value["account_cost"] == 150.0
    # A: 300 - 506 = -206; B: 100 - 552 = -452
    assert value["profit_total"] == -658.0
    assert value["loss_customers"] == 2
    assert d["bone"].astype(str).to_dict() == _BONE_OF
    assert set(d["unit"]) == set(lifecycle.UNITS)


def test_profit_drivers_checks_the_cost_table():
    orders = pd.DataFrame(
        {"order_id": ["O1"], "customer_id": ["A"], "date": ["2025-02-01"], "amount": [1.0], "margin": [0.1]}
    )
    with pytest.raises(ValueError, match="visit"):
        lifecycle.profit_drivers(orders, END, cost=_cost().drop(columns="visit"))
    with pytest.raises(ValueError, match="margin"):
        lifecycle.profit_drivers(orders.drop(columns="margin"), END, cost=_cost())


def test_plots_are_labelled(orders):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    d = pd.DataFrame(
        {"bone": [_BONE_OF[k] for k in lifecycle.DRIVERS], "value": 1.0, "unit": "CNY"}, index=list(lifecycle.DRIVERS)
    )
    ax = lifecycle.plot_fishbone(d)
    assert ax.get_title() and ax.get_legend() is not None
    texts = [t.get_text() for t in ax.texts]
    assert any(t.startswith("Net revenue:") for t in texts)
    plt.close(ax.figure)
    with pytest.raises(ValueError, match="no row"):
        lifecycle.plot_fishbone(d.drop(index="order_count"))
    summary = lifecycle.stage_summary(_quiet(lifecycle.lifecycle_stages, orders, END))
    ax = lifecycle.plot_stage_revenue(summary)
    assert [t.get_text() for t in ax.get_xticklabels()][0] == "Potential stage"
    plt.close(ax.figure)
