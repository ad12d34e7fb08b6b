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
