"""coursekit.actions: hand-computed values and bad input (lesson 13)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from coursekit import CourseKitDataNote, actions


def test_retention_value_scalar_by_hand():
    # 0.4 x 0.3 x 50,000 - 2,000 = 6,000 - 2,000 = 4,000
    assert actions.retention_value(0.4, 50_000, 0.3, 2_000) == pytest.approx(4_000.0)
    # nothing at stake when the customer is sure to stay: only the cost
    assert actions.retention_value(0.0, 80_000, 0.5, 300) == pytest.approx(-300.0)


def test_retention_value_series_aligned_on_customer_id():
    p = pd.Series({"C1": 0.5, "C2": 0.1})
    clv = pd.Series({"C2": 80_000.0, "C1": 10_000.0})  # other order: aligned by id
    out = actions.retention_value(p, clv, 0.2, pd.Series({"C1": 500.0, "C2": 1_000.0}))
    # C1: 0.5 x 0.2 x 10,000 - 500 = 500; C2: 0.1 x 0.2 x 80,000 - 1,000 = 600
    assert out.to_dict() == pytest.approx({"C1": 500.0, "C2": 600.0})
    assert out.name == "retention_value"


@pytest.mark.parametrize(
    "args,match",
    [
        ((1.2, 1000, 0.3, 10), "p_churn must be between 0 and 1"),
        ((0.5, 1000, -0.1, 10), "success_rate must be between 0 and 1"),
        ((0.5, 1000, 0.3, -5), "cost must be at least 0"),
        ((pd.Series({"C1": 0.5}), pd.Series({"C2": 10.0}), 0.3, 1), "same customers"),
        ((pd.Series({"C1": 0.5, "C2": float("nan")}), 10.0, 0.3, 1), "missing"),
    ],
)
def test_retention_value_bad_input(args, match):
    with pytest.raises(ValueError, match=match):
        actions.retention_value(*args)


def test_retention_value_wrong_type():
    with pytest.raises(TypeError, match="p_churn must be a number or a pandas Series"):
        actions.retention_value("high", 1000, 0.3, 10)


def test_retention_plan_greedy_by_value_per_cost_within_budget():
    t = pd.DataFrame(
        {"retention_value": [900.0, 3000.0, 500.0, -100.0, 400.0], "cost": [100.0, 1000.0, 500.0, 50.0, 200.0]},
        index=["C1", "C2", "C3", "C4", "C5"],
    )
    # value per cost: C1 9, C2 3, C5 2, C3 1; C4 negative: never
    with pytest.warns(CourseKitDataNote, match="1 customers"):
        plan = actions.retention_plan(t, 1_400)
    # C1 (100) + C2 (1,000) + C5 (200) = 1,300; C3 (500) does not fit
    assert plan.index.tolist() == ["C1", "C2", "C5"]
    assert plan.attrs["spent"] == 1_300.0
    assert plan.attrs["value"] == 4_300.0
    assert plan["cumulative_cost"].tolist() == [100.0, 1_100.0, 1_300.0]


def test_retention_plan_skips_one_that_does_not_fit_and_takes_a_cheaper_one():
    t = pd.DataFrame({"retention_value": [1000.0, 300.0], "cost": [800.0, 100.0]}, index=["A", "B"])
    # ratios: B 3.0, A 1.25; budget 500: B fits, A does not
    with pytest.warns(CourseKitDataNote):
        plan = actions.retention_plan(t, 500)
    assert plan.index.tolist() == ["B"]


def test_retention_plan_bad_input():
    t = pd.DataFrame({"retention_value": [1.0], "cost": [-1.0]}, index=["A"])
    with pytest.raises(ValueError, match="negative costs"):
        actions.retention_plan(t, 10)
    with pytest.raises(ValueError, match="budget"):
        actions.retention_plan(t.assign(cost=1.0), -5)


def test_target_list_expected_return_by_hand():
    t = pd.DataFrame({"propensity": [0.9, 0.5, 0.1], "value": [1000.0, 3000.0, 500.0]}, index=["C1", "C2", "C3"])
    out = actions.target_list(t, cost=100)
    # C1: 900 - 100 = 800; C2: 1,500 - 100 = 1,400; C3: 50 - 100 < 0, left off
    assert out["expected_return"].to_dict() == {"C2": 1400.0, "C1": 800.0}
    assert out.attrs["total"] == 2200.0
    assert actions.target_list(t, cost=100, n=1).index.tolist() == ["C2"]
    with pytest.raises(ValueError, match="probabilities"):
        actions.target_list(t.assign(propensity=1.5), cost=1)


def test_dedicated_team_by_hand():
    clv = pd.Series({"C1": 400_000.0, "C2": 600_000.0, "C3": 50_000.0})
    out = actions.dedicated_team(clv, customers=["C1", "C2"], uplift=0.2, team_cost=150_000)
    # added 0.2 x 1,000,000 = 200,000; net 200,000 - 150,000 = 50,000; return 1/3
    assert out["added_value"] == 200_000.0
    assert out["net_gain"] == 50_000.0
    assert out["return_on_cost"] == pytest.approx(1 / 3)
    with pytest.raises(ValueError, match="no CLV"):
        actions.dedicated_team(clv, customers=["C9"], uplift=0.1, team_cost=1)


def test_service_levels_and_latest_grades():
    t = pd.DataFrame(
        {
            "tier": ["strategic", "strategic", "value", "potential", None],
            "size": ["large", "small", "large", "large", "small"],
        },
        index=["C1", "C2", "C3", "C4", "C5"],
    )
    with pytest.warns(CourseKitDataNote, match="1 customers without a tier"):
        levels = actions.service_levels(t)
    assert levels.tolist() == ["organisational", "key_accounts", "specialist", "standard", "standard"]
    apps = pd.DataFrame(
        {
            "application_id": ["A1", "A2", "A3"],
            "customer_id": ["C1", "C1", "C2"],
            "application_date": ["2025-02-01", "2023-03-01", "2024-05-01"],
        }
    )
    grades = pd.DataFrame({"application_id": ["A1", "A2", "A3"], "final_grade": ["B", "C", "A"]})
    assert actions.latest_credit_grades(apps, grades=grades).astype(str).to_dict() == {"C1": "B", "C2": "A"}


def test_customer_view_joins_and_counts_gaps():
    base = pd.DataFrame({"segment": ["a", "b"]}, index=pd.Index(["C1", "C2"], name="customer_id"))
    with pytest.warns(CourseKitDataNote, match="clv: 1 customers without a value"):
        view = actions.customer_view(base, clv=pd.Series({"C1": 100.0, "C9": 5.0}))
    assert math.isnan(view.loc["C2", "clv"])
    assert "C9" not in view.index
    with pytest.raises(TypeError, match="must be a pandas Series"):
        actions.customer_view(base, clv=[1, 2])


def test_industry_comparison():
    out = actions.industry_comparison(21.9, personal_service_pct=18.3)
    assert out.loc["annual_churn"].tolist()[:2] == [15.0, 25.0]
    assert out.loc["personal_service", "company"] == 18.3
    assert math.isnan(out.loc["acquisition_cost_growth", "company"])
    with pytest.raises(ValueError, match="between 0 and 100"):
        actions.industry_comparison(120, personal_service_pct=10)
