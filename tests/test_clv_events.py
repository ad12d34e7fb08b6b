"""coursekit.clv additions of lesson 08: the customer-event method, holdout checks, customer lists,
one discount rate, Dwyer per customer, sensitivity and the new charts; hand-computed values."""

from __future__ import annotations

import warnings

import matplotlib
import numpy as np
import pandas as pd
import pytest

from coursekit import clv, tiers
from coursekit._validate import CourseKitDataNote

matplotlib.use("Agg")


class Constant:
    """A stand-in for a fitted model: ``rate`` purchases per time unit for every customer, for ever."""

    def __init__(self, rate=2.0, nan_for=None):
        self.params_ = pd.Series({"rate": rate})
        self.rate = rate
        self.nan_for = nan_for

    def conditional_expected_number_of_purchases_up_to_time(self, t, f, r, T):
        out = self.rate * t + 0 * np.asarray(f, dtype=float)
        if self.nan_for is not None:
            out = np.where(np.asarray(f) == self.nan_for, np.nan, out)
        return out


SUMMARY = pd.DataFrame({"frequency": [3, 1], "recency": [2.0, 1.0], "T": [3.0, 3.0]}, index=["A", "B"])
COUNTS = pd.DataFrame({"delivery": [10], "visit": [5], "ticket": [2]}, index=["A"])
COST = pd.DataFrame(
    {
        "order_line": [60.0],
        "delivery": [250.0],
        "return_line": [0.0],
        "visit": [1750.0],
        "ticket": [300.0],
        "ticket_escalation": [200.0],
    },
    index=["A"],
)


# --------------------------------------------------------------------------- one discount rate
def test_discount_per_period_compounds_to_the_annual_rate():
    assert clv.discount_per_period(0.10, period="Y") == pytest.approx(0.10)
    assert clv.discount_per_period(0.10, period="Q") == pytest.approx(1.1**0.25 - 1)
    assert (1 + clv.discount_per_period(0.10, period="M")) ** 12 == pytest.approx(1.10)
    with pytest.raises(ValueError, match="period must be"):
        clv.discount_per_period(0.1, period="W")
    with pytest.raises(ValueError, match="annual_rate"):
        clv.discount_per_period(-0.1)


# --------------------------------------------------------------------------- customer-event method
def test_customer_events_by_hand():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ev = clv.customer_events(
            Constant(), 1000.0, SUMMARY, COUNTS, COST, months=2, discount_rate=0.1, unit="M", margin=0.25
        )
    d = 2 / 1.1 + 2 / 1.1**2  # discounted expected purchases in two months
    a = ev.loc["A"]
    assert a["purchases"] == pytest.approx(4.0)
    assert a["visits"] == pytest.approx(4.0 * 5 / 10)
    assert a["tickets"] == pytest.approx(4.0 * 2 / 10)
    assert a["purchase_margin"] == pytest.approx(d * 1000 * 0.25)
    assert a["order_handling"] == pytest.approx(-d * 310 / 10)
    assert a["visit_cost"] == pytest.approx(-d * 1750 / 10)
    assert a["ticket_cost"] == pytest.approx(-d * 500 / 10)
    assert a["clv"] == pytest.approx(d * (250 - 31 - 175 - 50))
    # B has no history in the cost window: purchases and margin only, noted
    b = ev.loc["B"]
    assert b[["visits", "tickets", "order_handling", "visit_cost", "ticket_cost"]].tolist() == [0.0] * 5
    assert b["clv"] == pytest.approx(d * 250)
    assert list(ev.columns) == list(clv.EVENT_COLUMNS)
    assert any("1 customer(s) without a sales order" in str(w.message) for w in caught)


def test_customer_events_without_discount_equals_counts_times_values():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)
        ev = clv.customer_events(Constant(1.0), 100.0, SUMMARY, COUNTS, COST, months=12, unit="M")
    assert ev.loc["A", "purchases"] == pytest.approx(12)
    assert ev.loc["A", "clv"] == pytest.approx(12 * (100 - 31 - 175 - 50))


def test_customer_events_checks_its_tables():
    with pytest.raises(ValueError, match="counts is missing|visit"):
        clv.customer_events(Constant(), 1.0, SUMMARY, COUNTS.drop(columns="visit"), COST, unit="M")
    with pytest.raises(TypeError, match="cost must be a pandas DataFrame"):
        clv.customer_events(Constant(), 1.0, SUMMARY, COUNTS, [1], unit="M")


# --------------------------------------------------------------------------- holdout checks
CAL_HOLD = pd.DataFrame(
    {
        "frequency": [1, 2, 0],
        "recency": [1.0, 2.0, 0.0],
        "T": [3.0, 3.0, 3.0],
        "frequency_holdout": [1, 4, 0],
        "duration_holdout": [4.0, 4.0, 4.0],
    },
    index=["A", "B", "C"],
)


def test_holdout_summary_by_hand():
    table = clv.holdout_summary({"flat": Constant(0.5)}, CAL_HOLD)  # predicts 2 purchases each
    row = table.loc["flat"]
    assert (row["actual"], row["predicted"]) == (5.0, 6.0)
    assert row["error_pct"] == pytest.approx(20.0)
    assert row["mae"] == pytest.approx((1 + 2 + 2) / 3)
    assert row["actual_mean"] == pytest.approx(5 / 3)
    assert np.isnan(row["correlation"])  # a constant prediction has no correlation
    assert list(table.columns) == list(clv.HOLDOUT_COLUMNS)


def test_holdout_summary_leaves_out_customers_without_a_prediction():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = clv.holdout_summary({"m": Constant(0.5, nan_for=2)}, CAL_HOLD)
    assert table.loc["m", "customers"] == 2 and table.loc["m", "actual"] == 1.0
    assert any("1 customer(s) without a prediction" in str(w.message) for w in caught)


def test_holdout_predictions_largest_miss_first():
    table = clv.holdout_predictions(Constant(0.5), CAL_HOLD)  # predicts 2 each: errors A +1, B -2, C +2
    assert table["error"].to_dict() == {"B": -2.0, "C": 2.0, "A": 1.0}
    assert table.index.tolist() == ["B", "C", "A"]  # |error| 2 ties broken by customer id


def test_calibration_holdout_table_compares_models():
    sim = clv.simulate_bgnbd(300, seed=1).assign(frequency_holdout=lambda d: d["frequency"] // 2, duration_holdout=39.0)
    model = clv.fit_bgnbd(sim)
    one = clv.calibration_holdout_table(model, sim)
    both = clv.calibration_holdout_table({"x": model, "y": model}, sim)
    assert both.columns.tolist() == ["customers", "actual", "x", "y"]
    assert both["x"].equals(one["expected"]) and both["actual"].equals(one["actual"])


def test_alive_table_silence_is_age_minus_recency():
    model = clv.fit_bgnbd(clv.simulate_bgnbd(300, seed=1))
    table = clv.alive_table(model, SUMMARY)
    assert table["silent"].tolist() == [1.0, 2.0]
    assert table["p_alive"].between(0, 1).all()


def test_compare_params_and_spend_frequency_correlation():
    model = clv.fit_bgnbd(clv.simulate_bgnbd(300, seed=1))
    table = clv.compare_params(model, {"r": 0.243})
    assert table.loc["r", "published"] == 0.243 and np.isnan(table.loc["a", "published"])
    with pytest.raises(ValueError, match="does not have"):
        clv.compare_params(model, {"gamma": 1.0})
    s = pd.DataFrame(
        {"frequency": [0, 1, 2, 3], "recency": [0.0, 1, 2, 3], "T": [4.0] * 4, "monetary_value": [0.0, 10, 10, 40]}
    )
    assert clv.spend_frequency_correlation(s) == pytest.approx(np.corrcoef([1, 2, 3], [10, 10, 40])[0, 1])


# --------------------------------------------------------------------------- customer lists
ORDERS = pd.DataFrame(
    {
        "customer_id": ["A", "A", "B", "C", "D", "D"],
        "date": ["2025-01-05", "2025-06-01", "2025-12-01", "2024-03-01", "2025-08-15", "2025-08-15"],
        "amount": [5.0, 10.0, 442.0, 30.0, 100.0, 20.0],
    }
)


def test_repeat_buyers_and_new_customers():
    summary = clv.summarize(ORDERS, end="2025-12-31", unit="W")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        repeat = clv.repeat_buyers(summary)
    assert repeat.index.tolist() == ["A"]
    assert "3 customer(s) with fewer than 1 repeat purchase(s)" in str(caught[0].message)
    new = clv.new_customers(ORDERS, "2025-12-31")
    # D's two lines are one purchase (one day); newest first
    assert new.index.tolist() == ["B", "D", "C"]
    assert new.loc["D", "amount"] == 120.0
    assert new["status"].astype(str).tolist() == ["active", "at_risk", "lost"]
    assert new.loc["B", "days_since"] == 30


def test_matrix_values_fills_missing_customers_with_zero():
    profit = pd.DataFrame({"cost_to_serve": [100.0], "net_profit": [-20.0], "revenue": [5.0]}, index=["A"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = clv.matrix_values(profit, pd.Series({"A": 900.0, "B": 40.0}))
    assert table.to_dict("index") == {
        "A": {"cost_to_serve": 100.0, "current_profit": -20.0, "future_profit": 900.0},
        "B": {"cost_to_serve": 0.0, "current_profit": 0.0, "future_profit": 40.0},
    }
    assert "1 customer(s) without activity" in str(caught[0].message)


def test_matrix_list_and_tier_summary():
    df = pd.DataFrame(
        {
            "cost_to_serve": [10, 50, 20, 60],
            "current_profit": [900, 800, 100, 50],
            "future_profit": [700, 100, 900, 20],
        },
        index=["A", "B", "C", "D"],
    )
    quadrant = clv.clv_quadrant(df)
    assert clv.matrix_list(quadrant, df, cells=["star", "growth_prospect"]).index.tolist() == ["C", "A"]
    assert clv.matrix_list(quadrant.join(df), cells="star")["future_profit"].tolist() == [700]
    with pytest.raises(ValueError, match="unknown cell keys"):
        clv.matrix_list(quadrant, df, cells=["champions"])
    scores = pd.Series(np.arange(20, 0, -1, dtype=float), index=[f"C{i:02d}" for i in range(20)])
    table = clv.tier_summary(tiers.assign_tiers(scores), revenue=pd.Series({"C00": 50.0, "C19": 50.0}))
    assert table["customers"].tolist() == [1, 4, 6, 9]
    assert table["value"].tolist() == [20.0, 70.0, 75.0, 45.0]
    assert table["value_share"].sum() == pytest.approx(1.0)
    assert table["revenue_share"].tolist() == [0.5, 0.0, 0.0, 0.5]


# --------------------------------------------------------------------------- Dwyer
def test_dwyer_values_equal_the_migration_model_per_start_cell():
    values = clv.dwyer_values([0.6, 0.3, 0.1], 100, discount=0.2, horizon=2)
    # cell 2: 0.3 x 100 / 1.2 + (0.3 x 0.6 x 100 + 0.7 x 0.1 x 100) / 1.44
    assert values.loc[2] == pytest.approx(30 / 1.2 + 25 / 1.44)
    for start in (1, 2, 3):
        assert values.loc[start] == pytest.approx(
            clv.dwyer_migration([0.6, 0.3, 0.1], 100, discount=0.2, horizon=2, start=start)[1]
        )


def test_dwyer_customers_cells_by_calendar_quarter():
    orders = pd.DataFrame(
        {
            "customer_id": ["A", "B", "C", "C", "E"],
            "date": ["2025-11-03", "2025-05-10", "2024-01-02", "2025-04-01", "2024-12-31"],
            "amount": [100.0, 50.0, 80.0, 70.0, 10.0],
        }
    )
    table = clv.dwyer_customers(orders, "2025-12-31", retention=[0.6, 0.3, 0.1], margin=100, discount=0.2, horizon=2)
    assert table["cell"].astype(str).to_dict() == {"A": "1", "C": "3", "B": "3", "E": "lost"}
    assert table.loc["E", "clv"] == 0.0 and table.loc["C", "recent_amount"] == 70.0
    # defaults: retention estimated from the log, margin = mean amount per buying customer
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)
        default = clv.dwyer_customers(orders, "2025-12-31", cells=3)
    assert default["cell"].astype(str).tolist() == table["cell"].astype(str).tolist()


def test_retention_sensitivity_is_the_simple_formula():
    table = clv.retention_sensitivity(100, [0.5, 0.8], 0.1)
    assert table.index.name == "retention"
    assert table.tolist() == pytest.approx([100 * 0.5 / 0.6, 100 * 0.8 / 0.3])


# --------------------------------------------------------------------------- what-if
def test_clv_sensitivity_by_hand():
    s = SUMMARY.iloc[:1]
    table = clv.clv_sensitivity(Constant(1.0), 100.0, s, annual_rates=[0.0, 0.10], months=[12, 24], unit="M")
    m = 1.1 ** (1 / 12) - 1
    assert table.loc[0.0, 12] == pytest.approx(1200.0) and table.loc[0.0, 24] == pytest.approx(2400.0)
    assert table.loc[0.10, 12] == pytest.approx(sum(100 / (1 + m) ** i for i in range(1, 13)))


def test_clv_slider_shows_the_total():
    box = clv.clv_slider(Constant(1.0), 100.0, SUMMARY.iloc[:1], annual_rate=0.0, months=12, unit="M")
    assert box.children[-1].value == "Total CLV: 1,200 CNY"
    box.children[1].value = 24
    assert box.children[-1].value == "Total CLV: 2,400 CNY"


# --------------------------------------------------------------------------- charts
def _labels(ax):
    return ax.get_title(), ax.get_xlabel(), ax.get_ylabel()


def test_new_charts_have_titles_and_labels():
    import matplotlib.pyplot as plt

    cohort = pd.DataFrame(
        {"customers": [2, 1], 0: [1.0, 1.0], 1: [0.5, np.nan]},
        index=pd.PeriodIndex(["2025Q1", "2025Q2"], freq="Q", name="cohort"),
    )
    table, _ = clv.dwyer_migration([0.6, 0.3], 100, horizon=4)
    shares = pd.DataFrame(
        {"value_share": [0.6, 0.4], "revenue_share": [0.5, 0.5]}, index=pd.Index(["strategic", "value"], name="tier")
    )
    for ax in (clv.plot_cohort_retention(cohort), clv.plot_dwyer_migration(table), clv.plot_tier_shares(shares)):
        assert all(_labels(ax)), _labels(ax)
        plt.close(ax.figure)
    with pytest.raises(ValueError, match="no period columns"):
        clv.plot_cohort_retention(cohort[["customers"]])
