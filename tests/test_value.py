"""coursekit.value: activity counts, cost to serve and net profit, checked on hand-computed cases."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from coursekit import datasets, value
from coursekit._validate import CourseKitDataNote

END = "2025-12-31"


@pytest.fixture
def tables():
    orders = pd.DataFrame(
        {
            "order_id": ["O1", "O1", "O2", "O1", "O3", "O4"],
            "customer_id": ["A", "A", "A", "A", "B", "B"],
            "date": ["2025-03-01", "2025-03-01", "2025-05-02", "2025-03-20", "2024-06-01", "2025-08-01"],
            "amount": [100.0, 50.0, 80.0, -30.0, 200.0, 60.0],
            "margin": [25.0, 10.0, 20.0, -6.0, 40.0, 15.0],
        }
    )
    customers = pd.DataFrame({"customer_id": ["A", "B"], "region": ["North China", "East China"]})
    tickets = pd.DataFrame(
        {
            "ticket_id": ["T1", "T2", "T3"],
            "customer_id": ["A", "B", "A"],
            "opened_at": pd.to_datetime(["2025-04-01 09:30", "2025-07-01 15:00", "2024-11-11 10:00"]),
            "ticket_type": ["quality issue", "invoice error", "order change"],
        }
    )
    handling = pd.DataFrame({"ticket_id": ["T1", "T2", "T3"], "escalated": [True, False, True]})
    visits = pd.DataFrame(
        {
            "customer_id": ["A", "A", "B"],
            "date": ["2025-06-01", "2025-09-01", "2024-12-31"],
            "kind": ["routine", "key-account", "executive"],
        }
    )
    return {
        "orders": orders,
        "customers": customers,
        "tickets": tickets,
        "ticket_handling": handling,
        "visits": visits,
    }


def _service(t):
    return {k: t[k] for k in ("customers", "tickets", "ticket_handling", "visits")}


def test_activity_counts_by_hand(tables):
    counts = value.activity_counts(tables["orders"], END, **_service(tables))
    assert counts.loc["A"].to_dict() == {
        "order_line": 3,
        "delivery": 2,
        "return_line": 1,
        "ticket": 1,
        "ticket_escalation": 1,
        "visit": 2,
        "account_management": 1.0,
    }
    # B: one 2025 line; the 2024 order and the 2024 executive visit are outside the window
    assert counts.loc["B"].to_dict() == {
        "order_line": 1,
        "delivery": 1,
        "return_line": 0,
        "ticket": 1,
        "ticket_escalation": 0,
        "visit": 0,
        "account_management": 1.0,
    }


def test_cost_to_serve_by_hand_with_yunfeng_rates(tables):
    cost = value.cost_to_serve(tables["orders"], END, **_service(tables))
    # A: 3 lines x 6 + 2 deliveries x 50 (North China) + 1 return line x 40 + quality ticket 150
    #    + escalation 200 + routine 350 + key-account 1,200 visits; tiers by 2025 net sales
    #    (A 200 CNY, B 60 CNY, two customers: A strategic 15,000, B value 4,000)
    a = cost.loc["A"]
    assert (a["order_line"], a["delivery"], a["return_line"]) == (18.0, 100.0, 40.0)
    assert (a["ticket"], a["ticket_escalation"], a["visit"]) == (150.0, 200.0, 1550.0)
    assert a["account_management"] == 15000.0
    assert a["cost_to_serve"] == 18 + 100 + 40 + 150 + 200 + 1550 + 15000
    # B: 1 line x 6 + 1 delivery x 25 (East China) + invoice-error ticket 35 + value tier 4,000
    assert cost.loc["B", "cost_to_serve"] == 6 + 25 + 35 + 4000
    assert cost.attrs["window"] == (pd.Timestamp("2025-01-01"), pd.Timestamp("2025-12-31"))


def test_given_tiers_and_a_shorter_window(tables):
    tier = pd.Series({"A": "ordinary", "B": "potential"})
    cost = value.cost_to_serve(tables["orders"], END, start="2025-07-01", tier=tier, **_service(tables))
    # 184 days from 1 July to 31 December: 184 / 365 account-years; A has only the September visit
    assert cost.loc["A", "account_management"] == pytest.approx(round(150 * 184 / 365, 2))
    assert cost.loc["A", "visit"] == 1200.0
    assert cost.loc["B", "account_management"] == pytest.approx(round(1000 * 184 / 365, 2))


def test_net_profit_by_hand(tables):
    cost = value.cost_to_serve(tables["orders"], END, **_service(tables))
    profit = value.net_profit(tables["orders"], END, cost=cost)
    # A: revenue 100 + 50 + 80 - 30, gross margin 25 + 10 + 20 - 6; B: the 2025 line only
    assert profit.loc["A", ["revenue", "gross_margin"]].tolist() == [200.0, 49.0]
    assert profit.loc["B", ["revenue", "gross_margin"]].tolist() == [60.0, 15.0]
    assert profit.loc["A", "net_profit"] == 49.0 - cost.loc["A", "cost_to_serve"]
    assert profit.index.tolist() == ["B", "A"]  # highest net profit first


def test_net_profit_of_a_customer_without_orders_is_minus_its_cost(tables):
    profit = value.net_profit(tables["orders"], END, cost=pd.Series({"A": 10.0, "Z": 99.0}))
    assert profit.loc["Z"].tolist() == [0.0, 0.0, 99.0, -99.0]
    assert profit.loc["B", "cost_to_serve"] == 0.0


def test_missing_tables_are_noted_and_cost_nothing(tables):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cost = value.cost_to_serve(tables["orders"], END)
    messages = [str(w.message) for w in caught if issubclass(w.category, CourseKitDataNote)]
    assert any("tickets not given" in m for m in messages)
    assert any("visits not given" in m for m in messages)
    assert any("customers not given: deliveries cost 0" in m for m in messages)
    assert cost.loc["A", ["delivery", "ticket", "visit"]].tolist() == [0.0, 0.0, 0.0]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        profit = value.net_profit(tables["orders"], END)  # default cost: order and return lines only
    assert profit.loc["A", "cost_to_serve"] == 18 + 40 + 15000


def test_rates_without_an_activity_cost_nothing_for_it(tables):
    rates = pd.DataFrame({"activity": ["order_line"], "variant": ["all"], "rate_cny": [6.0]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cost = value.cost_to_serve(tables["orders"], END, rates=rates, **_service(tables))
    assert cost.loc["A", "cost_to_serve"] == 18.0
    assert any("no rate for 'visit'" in str(w.message) for w in caught)


def test_errors_name_the_problem(tables):
    orders = tables["orders"]
    with pytest.raises(ValueError, match="start 2026-01-01 is after the end 2025-12-31"):
        value.cost_to_serve(orders, END, start="2026-01-01")
    bad = pd.DataFrame({"activity": ["coffee"], "variant": ["all"], "rate_cny": [1.0]})
    with pytest.raises(ValueError, match="unknown activities"):
        value.cost_to_serve(orders, END, rates=bad)
    no_region = pd.DataFrame({"customer_id": ["A"], "region": ["North China"]})
    with pytest.raises(ValueError, match="no 'region' for 1 customer"):
        value.cost_to_serve(orders, END, customers=no_region)
    moon = tables["customers"].assign(region=["Moon", "East China"])
    with pytest.raises(ValueError, match="variant 'Moon'"):
        value.cost_to_serve(orders, END, customers=moon)
    with pytest.raises(ValueError, match="orders is missing|column"):
        value.cost_to_serve(orders.drop(columns="order_id"), END)
    with pytest.raises(ValueError, match="tier has no value"):
        value.cost_to_serve(orders, END, tier=pd.Series({"A": "value"}))
    with pytest.raises(TypeError, match="must be a pandas DataFrame"):
        value.net_profit([1, 2], END)


def test_yunfeng_2025():
    orders = datasets.load_orders()
    service = {
        "customers": datasets.load_customers(),
        "tickets": datasets.load_tickets(),
        "ticket_handling": datasets.load_ticket_handling(),
        "visits": datasets.load_visits(),
    }
    cost = value.cost_to_serve(orders, datasets.OBSERVATION_END, **service)
    assert cost["cost_to_serve"].sum() == pytest.approx(cost[list(value.ACTIVITIES)].sum().sum())
    assert round(cost["cost_to_serve"].sum()) == 6_082_165
    assert round(cost["visit"].sum()) == 2_383_600
    profit = value.net_profit(orders, datasets.OBSERVATION_END, cost=cost)
    assert round(profit["gross_margin"].sum()) == 13_349_192
    assert int((profit["net_profit"] < 0).sum()) == 219


def test_rate_table_shows_names_in_the_language_in_use_and_keeps_the_rates():
    from coursekit import i18n

    rates = datasets.load_cost_rates()
    with i18n.language("zh"):
        table = value.rate_table(rates)
    assert list(table.columns) == ["activity", "variant", "unit", "rate_cny"]
    assert table.iloc[0].tolist() == ["订单行", "全部", "每订单行", 6.0]
    assert table.loc[1, "variant"] == "华东" and table.loc[16, "variant"] == "例行拜访"
    assert table.loc[19, "variant"] == "战略客户" and table.loc[19, "rate_cny"] == 15000.0
    assert value.rate_table(rates).loc[0, "variant"] == "All"
    assert table["rate_cny"].tolist() == rates["rate_cny"].tolist()
