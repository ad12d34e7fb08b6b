"""coursekit.loyalty: the one customer status, and cohort retention, on hand-computed cases."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from coursekit import CourseKitDataNote, datasets, i18n, loyalty

END = "2025-12-31"


def _orders():
    return pd.DataFrame(
        {
            "customer_id": ["A", "A", "B", "C", "D", "E", "E"],
            "date": ["2025-01-05", "2025-10-02", "2025-10-01", "2025-07-04", "2025-01-01", "2024-12-30", "2025-12-31"],
            "amount": [5.0, 10.0, 20.0, 30.0, 40.0, 1.0, -1.0],
        }
    )


def test_status_boundaries_are_inclusive_upper_limits():
    with pytest.warns(CourseKitDataNote):
        status = loyalty.customer_status(_orders(), END)
    # A: 90 days -> active (<= 90); B: 91 -> at risk; C: 180 -> at risk; D: 364 -> dormant
    assert status["days_since"].to_dict() == {"A": 90, "B": 91, "C": 180, "D": 364}
    assert status["status"].tolist() == ["active", "at_risk", "at_risk", "dormant"]
    # E returned its only purchase: no purchase left, so no status, and said so
    assert "1 customer(s) left out: no purchase after returns, e.g. 'E'" in status.attrs["notes"]
    assert status["last_purchase"].dt.strftime("%Y-%m-%d").tolist() == [
        "2025-10-02",
        "2025-10-01",
        "2025-07-04",
        "2025-01-01",
    ]
    custom = loyalty.customer_status(_orders().iloc[:5], END, thresholds=(30, 100, 300))
    assert custom["status"].tolist() == ["at_risk", "at_risk", "dormant", "lost"]


def test_status_keys_are_the_same_in_every_language():
    with i18n.language("zh"):
        zh = loyalty.customer_status(_orders().iloc[:5], END)
        shown = i18n.display(zh)["status"].tolist()
    en = loyalty.customer_status(_orders().iloc[:5], END)
    pd.testing.assert_frame_equal(zh, en)
    assert shown == ["活跃客户", "流失预警客户", "流失预警客户", "休眠客户"]
    assert list(en["status"].cat.categories) == ["active", "at_risk", "dormant", "lost"]


@pytest.mark.parametrize("bad", [(90, 180), (180, 90, 365), (90, 180, 365.5), "90", (True, 2, 3), (-1, 2, 3)])
def test_status_rejects_bad_thresholds(bad):
    with pytest.raises(ValueError, match="thresholds must be three increasing whole numbers of days"):
        loyalty.customer_status(_orders(), END, thresholds=bad)


def test_status_of_the_case_company_matches_the_churn_rule():
    """Dormant or lost = no purchase for more than 180 days, the case data's churn rule."""
    orders = datasets.load_orders()
    with pytest.warns(CourseKitDataNote):
        status = loyalty.customer_status(orders, datasets.OBSERVATION_END)
    counts = status["status"].value_counts()
    assert counts.to_dict() == {"active": 999, "lost": 549, "dormant": 243, "at_risk": 208}
    churned = status["status"].isin(["dormant", "lost"])
    assert (status.loc[churned, "days_since"] > 180).all() and (status.loc[~churned, "days_since"] <= 180).all()


def test_cohort_retention_hand_case():
    orders = pd.DataFrame(
        {
            "customer_id": ["A", "B", "A", "C", "B", "C"],
            "date": ["2025-01-10", "2025-02-01", "2025-04-03", "2025-05-05", "2025-08-01", "2025-08-20"],
            "amount": [1.0] * 6,
        }
    )
    with pytest.warns(CourseKitDataNote, match="quarter 2025Q4 is not complete at the end 2025-11-15"):
        table = loyalty.cohort_retention(orders, "2025-11-15")
    assert table["customers"].tolist() == [2, 1]
    np.testing.assert_allclose(table[0], [1.0, 1.0])
    np.testing.assert_allclose(table[1], [0.5, 1.0])  # A in Q2; C in Q3
    np.testing.assert_allclose(table[2], [0.5, np.nan])  # B in Q3; C's Q4 is incomplete
    assert table[3].isna().all()
    full = loyalty.cohort_retention(orders, "2025-12-31")
    np.testing.assert_allclose(full.loc[pd.Period("2025Q2"), 2], 0.0)  # Q4 complete now: C did not buy


def test_cohort_retention_with_acquisition_dates_counts_silent_members_and_unseen_periods():
    orders = pd.DataFrame(
        {"customer_id": ["A", "A", "B"], "date": ["2024-03-01", "2025-06-01", "2025-02-01"], "amount": [1.0, 1.0, 1.0]}
    )
    acquired = pd.Series(pd.to_datetime(["2023-05-01", "2024-01-10", "2024-02-20"]), index=["A", "B", "Z"])
    table = loyalty.cohort_retention(orders, "2025-12-31", period="Y", cohort=acquired)
    # cohort 2023: A only; the log starts in 2024, so 2023 itself was not observed -> missing
    assert table.loc[pd.Period("2023"), "customers"] == 1
    assert np.isnan(table.loc[pd.Period("2023"), 0])
    np.testing.assert_allclose(table.loc[pd.Period("2023"), [1, 2]], [1.0, 1.0])
    # cohort 2024: B and Z (Z never bought): B bought in 2025 only
    assert table.loc[pd.Period("2024"), "customers"] == 2
    np.testing.assert_allclose(table.loc[pd.Period("2024"), [0, 1]], [0.0, 0.5])


def test_cohort_retention_bad_input():
    orders = _orders().iloc[:5]
    with pytest.raises(ValueError, match="period must be one of"):
        loyalty.cohort_retention(orders, END, period="W")
    with pytest.raises(TypeError, match="cohort must be a pandas Series"):
        loyalty.cohort_retention(orders, END, cohort={"A": "2025-01-01"})
    with pytest.raises(ValueError, match="cohort index has duplicated keys"):
        loyalty.cohort_retention(orders, END, cohort=pd.Series(["2025-01-01"] * 2, index=["A", "A"]))
    with pytest.raises(ValueError, match="missing column 'date'"):
        loyalty.cohort_retention(orders.drop(columns="date"), END)


# ------------------------------------------------------------------ lesson 12: loyalty and churn
def _behaviour_data():
    orders = pd.DataFrame(
        {
            "customer_id": ["A", "A", "A", "B", "C"],
            "date": ["2025-01-15", "2025-04-15", "2025-11-30", "2025-05-05", "2024-03-01"],
            "amount": [10.0, 10.0, 10.0, 5.0, 8.0],
        }
    )
    links = pd.DataFrame(
        {"source_id": ["A", "A", "B"], "target_id": ["B", "C", "A"], "relation": ["referred", "referred", "depends_on"]}
    )
    events = pd.DataFrame(
        {
            "customer_id": ["A", "A", "B", "B", "C"],
            "date": ["2025-03-01", "2025-03-02", "2025-06-01", "2024-06-01", "2025-02-02"],
            "signal": ["resource_sharing", "brand_defence", "suggestion", "suggestion", "co_development"],
        }
    )
    return orders, links, events


def test_loyalty_behaviours_and_score_by_hand():
    orders, links, events = _behaviour_data()
    b = loyalty.loyalty_behaviours(orders, END, referrals=links, engagement=events)
    # A bought in Q1, Q2, Q4 of 2025 -> 3/4; B in Q2 -> 1/4; C not in 2025 -> 0
    assert b["repurchase"].to_dict() == {"A": 0.75, "B": 0.25, "C": 0.0}
    # A referred B (bought in 2025) and C (did not): 1 valuable referral; depends_on does not count
    assert b["referrals"].to_dict() == {"A": 1, "B": 0, "C": 0}
    assert b["sharing"].to_dict() == {"A": 1, "B": 0, "C": 1}
    # B's 2024 suggestion lies outside the last four quarters
    assert b["suggestion"].to_dict() == {"A": 0, "B": 1, "C": 0}
    assert b["advocacy"].to_dict() == {"A": 1, "B": 0, "C": 0}
    # equal weights: A (0.75 + 1 + 1 + 0 + 1) / 5 = 75; B (0.25 + 1) / 5 = 25; C 1 / 5 = 20
    assert loyalty.loyalty_score(b).to_dict() == {"A": 75.0, "B": 25.0, "C": 20.0}
    with pytest.raises(ValueError, match="weights must give a non-negative number"):
        loyalty.loyalty_score(b, weights={"repurchase": -1})
    with pytest.raises(ValueError, match="quarters must be a whole number"):
        loyalty.loyalty_behaviours(orders, END, quarters=0)


def test_loyalty_types_and_dimensions_by_hand():
    t = pd.DataFrame({"nps_score": [9, 10, 8, 2, None], "repurchase": [0.75, 0.5, 1.0, 0.0, 1.0]}, index=list("ABCDE"))
    with pytest.warns(CourseKitDataNote, match="1 customer"):
        types = loyalty.loyalty_types(t)
    assert types["loyalty_type"].tolist() == ["ideal", "latent", "spurious", "none"]
    with i18n.language("zh"):
        assert i18n.display(types["loyalty_type"]).tolist() == ["理想忠诚", "潜在忠诚", "虚假忠诚", "缺乏忠诚"]
    survey = pd.DataFrame(
        {
            "perf_a": [1, 10],
            "perf_b": [1, 8],
            "overall_satisfaction": [4, 10],
            "repurchase_intent": [1, 5],
            "repurchase": [0.0, 0.5],
        },
        index=["A", "B"],
    )
    dims = loyalty.loyalty_dimensions(survey)
    # B: perceptions mean 9 -> 8/9 = 88.9; satisfaction 10 -> 100; intent 5 -> 100; 0.5 -> 50
    assert dims.loc["B"].tolist() == [88.9, 100.0, 100.0, 50.0]
    assert dims.loc["A"].tolist() == [0.0, 33.3, 0.0, 0.0]
    by = loyalty.loyalty_dimensions(survey, groups=pd.Series(["g", "g"], index=["A", "B"]))
    assert by.loc["g"].tolist() == [44.4, 66.7, 50.0, 25.0]
    with pytest.raises(ValueError, match="no perf_"):
        loyalty.loyalty_dimensions(survey.drop(columns=["perf_a", "perf_b"]))


def test_churn_rates_follow_the_seed_formula():
    orders = pd.DataFrame(
        {
            "customer_id": ["A", "B", "C", "D", "A", "C", "E"],
            "date": ["2023-05-01", "2023-06-01", "2023-07-01", "2024-02-01", "2024-03-01", "2025-01-10", "2025-04-01"],
            "amount": [1.0] * 7,
        }
    )
    rates = loyalty.churn_rates(orders, [2024, 2025])
    # 2024: base A B C (bought in 2023); lost at 2024-12-31 (> 365 days): B (2023-06-01 -> 579 days);
    # A bought 2024, C 2023-07-01 -> 549 days: lost. 2 of 3 = 66.7 %
    assert rates.loc[2024].tolist() == [3, 2, 66.7, 33.3]
    # 2025: base = not lost at 2024-12-31: A (2024-03-01), D (2024-02-01); both lost at 2025-12-31: 100 %
    assert rates.loc[2025].tolist() == [2, 2, 100.0, 0.0]
    groups = pd.Series(pd.Categorical(["x", "y", "x", "y", "x"], categories=["x", "y"]), index=list("ABCDE"))
    by = loyalty.churn_rates(orders, 2024, groups=groups.rename("tier"))
    assert by["customers"].tolist() == [2, 1] and by["churn_pct"].tolist() == [50.0, 100.0]
    with pytest.raises(ValueError, match="no customer bought in the 365 days before 2023"):
        loyalty.churn_rates(orders, 2023)


def test_churn_kinds_and_causes_by_hand():
    status = pd.DataFrame(
        {"days_since": [400, 500, 600, 10], "status": ["lost", "lost", "lost", "active"]}, index=list("ABCD")
    )
    invoices = pd.DataFrame(
        {
            "customer_id": ["A", "B", "C"],
            "due_date": ["2025-01-01", "2025-08-01", "2025-01-01"],
            "paid_date": [None, None, "2025-02-01"],
        }
    )
    kinds = loyalty.churn_kinds(status, END, receivables=invoices)
    # A: unpaid 364 days past due -> passive; B: only 152 days -> active; C paid -> active
    assert kinds["churn_kind"].astype(str).to_dict() == {"A": "passive", "B": "active", "C": "active"}
    churned = pd.Series([True, True, False, False], index=list("ABCD"))
    tickets = pd.DataFrame(
        {"customer_id": ["A", "A", "C"], "ticket_type": ["quality issue"] * 3, "is_complaint": [True, True, False]}
    )
    feedback = pd.DataFrame({"customer_id": ["B", "C"], "theme": ["price", "price"], "sentiment": ["negative"] * 2})
    causes = loyalty.churn_causes(churned, tickets=tickets, feedback=feedback)
    assert causes.loc["quality issue", ["churned_pct", "stayed_pct"]].tolist() == [50.0, 0.0]
    assert causes.loc["price", "source"] == "feedback"
    assert causes.loc["price", ["churned_pct", "stayed_pct", "ratio"]].tolist() == [50.0, 50.0, 1.0]
    with pytest.raises(ValueError, match="both churned"):
        loyalty.churn_causes(churned & False, tickets=tickets, feedback=feedback)


def test_survival_by_hand_with_left_truncation():
    customers = pd.DataFrame(
        {"customer_id": ["A", "B", "C"], "acquired_date": ["2023-01-01", "2021-01-01", "2023-01-01"]}
    )
    orders = pd.DataFrame(
        {"customer_id": ["A", "B", "C"], "date": ["2023-07-02", "2025-12-01", "2025-12-01"], "amount": [1.0] * 3}
    )
    table = loyalty.survival_table(orders, END, customers=customers, observed_from="2023-01-01")
    assert table["lost"].tolist() == [True, False, False]
    assert table["entry"].tolist() == [0.0, 24.0, 0.0]
    assert table["months"].tolist() == [6.0, 60.0, 36.0]
    km = loyalty.kaplan_meier(table, months=[3, 12])
    # at 6 months A leaves with A and C at risk (B enters at 24): 1 - 1/2 = 50 %
    assert km["all"].tolist() == [100.0, 50.0]


def test_health_score_and_review_by_hand():
    orders = pd.DataFrame(
        {
            "customer_id": ["A", "A", "B", "B"],
            "amount": [100.0, 40.0, 50.0, 50.0],
            "date": ["2024-11-01", "2025-11-01", "2024-06-01", "2025-08-01"],
        }
    )
    survey = pd.DataFrame({"customer_id": ["B"], "survey_date": ["2025-06-01"], "nps_score": [6]})
    tickets = pd.DataFrame(
        {"customer_id": ["A"] * 5, "opened_at": ["2025-02-01 08:00"] * 5, "is_complaint": [True] * 5}
    )
    events = pd.DataFrame({"customer_id": ["B"], "date": ["2025-01-05"]})
    h = loyalty.health_score(orders, END, tickets=tickets, survey=survey, engagement=events)
    # A: active 100, trend 40/100 = 40, five complaints -> 0, no survey 50, no signal 0
    #    0.3*100 + 0.25*40 + 0 + 0.15*50 + 0 = 47.5 -> watch
    # B: at risk (152 days) 60, trend 100, service 100, NPS 6 -> 60, engaged 100
    #    18 + 25 + 15 + 9 + 15 = 82 -> healthy
    assert h.loc["A", ["recency", "trend", "service", "satisfaction", "engagement", "score"]].tolist() == [
        100.0,
        40.0,
        0.0,
        50.0,
        0.0,
        47.5,
    ]
    assert h.loc["B", "score"] == 82.0
    assert h["band"].astype(str).tolist() == ["watch", "healthy"]
    before = h.copy()
    before.loc["A", ["service", "score"]] = [100.0, 62.5]
    review = loyalty.health_review(before, h)
    assert review.index.tolist() == ["A", "B"] and review.loc["A", "change"] == -15.0
    assert review.loc["A", "driver"] == "service" and pd.isna(review.loc["B", "driver"])
    with pytest.raises(ValueError, match="weights must give"):
        loyalty.health_score(orders, END, weights={"recency": 1.0})
