"""Unit tests of coursekit.opportunity: tasks, reactivation list, channels, cross-sell gaps and the PIP."""

from __future__ import annotations

import pandas as pd
import pytest

from coursekit import datasets, opportunity

END = "2025-12-31"


@pytest.fixture
def orders():
    return pd.DataFrame(
        {
            "customer_id": ["A", "A", "A", "B", "B", "C", "D"],
            "date": ["2024-05-01", "2025-01-10", "2025-05-01", "2025-11-20", "2025-12-01", "2025-08-15", "2024-06-30"],
            "product_line": ["bearings", "fasteners", "bearings", "bearings", "bearings", "fasteners", "bearings"],
            "amount": [40.0, 60.0, 100.0, 300.0, 100.0, 50.0, 80.0],
        }
    )


def test_base_tasks_by_hand(orders):
    opps = pd.DataFrame(
        {
            "customer_id": ["P1", "P1", "B", "A"],
            "status": ["open", "lost", "open", "open"],
            "expected_value": [10.0, 20.0, 30.0, 40.0],
        }
    )
    out = opportunity.base_tasks(orders, END, opportunities=opps)
    # A last 2025-05-01: 244 days, dormant; B active; C 138 days at risk; D lost
    assert out["accounts"].tolist() == [1, 2, 2]
    assert out["revenue_12m"].tolist() == pytest.approx([0.0, 450.0, 160.0])  # 2025-01-10 is within 365 days of the end
    assert out["open_opportunities"].tolist() == [1, 1, 1]
    assert out["open_value"].tolist() == pytest.approx([10.0, 30.0, 40.0])


def test_reactivation_list_worth_is_the_year_up_to_the_last_purchase(orders):
    out = opportunity.reactivation_list(orders, END)
    assert out.index.tolist() == ["A"]
    # 2024-05-01 is 365 days before 2025-05-01: outside the year (the window is (last - 365, last])
    assert out.loc["A", "worth"] == pytest.approx(160.0) and out.loc["A", "orders_year"] == 2
    both = opportunity.reactivation_list(orders, END, statuses=["dormant", "lost"])
    assert both.index.tolist() == ["A", "D"] and both.loc["D", "worth"] == 80.0
    with pytest.raises(ValueError, match="statuses must be status keys"):
        opportunity.reactivation_list(orders, END, statuses=["sleeping"])


def test_channel_summary_by_hand(orders):
    customers = pd.DataFrame(
        {"customer_id": list("ABCD"), "acquisition_channel": ["referral", "tender", "tender", "online"]}
    )
    out = opportunity.channel_summary(orders, END, customers=customers)
    assert out.index.tolist() == ["online", "referral", "tender"]  # inbound first, then by accounts
    assert out.loc["tender", "accounts"] == 2 and out.loc["tender", "active_share"] == 0.5
    assert out.loc["tender", "revenue_12m_per_account"] == pytest.approx(225.0)
    assert out.loc["online", "revenue_12m_per_account"] == 0.0 and bool(out.loc["online", "inbound"])
    with pytest.raises(TypeError, match="customers must be a pandas DataFrame"):
        opportunity.channel_summary(orders, END)


def test_cross_sell_by_hand(orders):
    out = opportunity.cross_sell_summary(orders, END)
    # 2025: A bearings 100 fasteners 60 (160), B bearings 400, C fasteners 50
    # bearings buyers A (0.625), B (1.0): median 0.8125; non-buyer C: 50 x 0.8125
    assert out.loc["bearings", "buyers"] == 2 and out.loc["bearings", "potential"] == pytest.approx(40.625)
    # fasteners buyers A (0.375), C (1.0): median 0.6875; non-buyer B: 400 x 0.6875 = 275
    assert out.loc["fasteners", "potential"] == pytest.approx(275.0)
    assert out.index[0] == "fasteners"
    targets = opportunity.cross_sell_targets(orders, END)
    assert targets.index.tolist() == ["B"] and targets.loc["B", "potential"] == pytest.approx(275.0)
    with pytest.raises(ValueError, match="no line 'gloves'"):
        opportunity.cross_sell_targets(orders, END, line="gloves")


def test_pip_by_hand():
    costs = {"downtime": 200_000.0, "rush orders": 50_000.0, "stock": 100_000.0}
    table = opportunity.pip_table(costs, savings={"downtime": 0.5, "stock": 0.2})
    assert table["saving"].tolist() == [100_000.0, 0.0, 20_000.0]
    value = opportunity.pip_value(costs, savings={"downtime": 0.5, "stock": 0.2}, extra_revenue=40_000, margin_rate=0.3)
    assert value["cost_today"] == 350_000.0 and value["cost_after"] == 230_000.0
    assert value["customer_net_gain"] == 80_000.0 and value["customer_return"] == 2.0
    assert value["our_gain"] == pytest.approx(12_000.0)
    with pytest.raises(ValueError, match="not in costs: 'energy'"):
        opportunity.pip_table(costs, savings={"energy": 0.1})
    with pytest.raises(ValueError, match="at most 1"):
        opportunity.pip_table(costs, savings={"stock": 1.5})
    with pytest.raises(ValueError, match="margin_rate"):
        opportunity.pip_value(costs, savings={}, extra_revenue=1, margin_rate=2)
    with pytest.raises(TypeError, match="costs must be a pandas Series"):
        opportunity.pip_table([1, 2], savings={})


def test_case_data_figures():
    orders = datasets.load_orders()
    dormant = opportunity.reactivation_list(orders, datasets.OBSERVATION_END, order_col="order_id")
    assert len(dormant) == 243 and dormant.index[0] == "C1436"
    summary = opportunity.cross_sell_summary(orders, datasets.OBSERVATION_END)
    assert summary.index[0] == "lubricants" and summary["buyers"].sum() + summary["non_buyers"].sum() == 6 * 1449
