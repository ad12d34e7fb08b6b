"""coursekit.satisfaction: NPS, its interval, CSI, gaps, key drivers and signals, with hand-computed values."""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from coursekit import i18n, satisfaction  # noqa: E402


def test_nps_hand_computed():
    # 2 promoters (10, 9), 2 passives (8, 7), 2 detractors (6, 0): (2 - 2) / 6 x 100 = 0
    assert satisfaction.nps(pd.Series([10, 9, 8, 7, 6, 0])) == 0.0
    # 3 promoters of 4, 1 detractor: 75 - 25 = 50
    assert satisfaction.nps(pd.Series([10, 10, 9, 5])) == pytest.approx(50.0)
    # all detractors: -100; all promoters: 100; all passives: 0
    assert satisfaction.nps(pd.Series([0, 6, 3])) == -100.0
    assert satisfaction.nps(pd.Series([9, 10])) == 100.0
    assert satisfaction.nps(pd.Series([7, 8])) == 0.0
    # 1 promoter, 2 detractors of 5: 20 - 40 = -20; from a table column
    table = pd.DataFrame({"nps_score": [9, 6, 5, 7, 8]})
    assert satisfaction.nps(table) == pytest.approx(-20.0)
    assert isinstance(satisfaction.nps(table), float)


@pytest.mark.parametrize("bad", [[11, 9], [-1, 5], [9.5, 3], [7, 8.2]])
def test_nps_rejects_scores_outside_0_10_or_not_whole(bad):
    with pytest.raises(ValueError, match="0 to 10|whole numbers"):
        satisfaction.nps(pd.Series(bad))


def test_nps_rejects_wrong_types_and_empty_input():
    with pytest.raises(TypeError, match="pandas Series"):
        satisfaction.nps([10, 9])
    with pytest.raises(TypeError, match="numeric"):
        satisfaction.nps(pd.Series(["ten", "9"]))
    with pytest.raises(ValueError, match="empty"):
        satisfaction.nps(pd.Series([], dtype=float))
    with pytest.raises(ValueError, match="missing column 'nps_score'"):
        satisfaction.nps(pd.DataFrame({"score": [1]}))


def test_blank_answers_are_left_out_with_a_note():
    with pytest.warns(satisfaction.nps.__globals__["v"].CourseKitDataNote, match="1 blank answer"):
        assert satisfaction.nps(pd.Series([10, None, 0, 10])) == pytest.approx(100 / 3)


def test_nps_interval_hand_computed():
    # [10, 9, 8, 7, 6, 0]: p = d = 1/3; Var = (2/3 - 0) / 6 = 1/9; std error = 100/3 points
    out = satisfaction.nps_interval(pd.Series([10, 9, 8, 7, 6, 0]))
    assert out["responses"] == 6
    assert out["nps"] == 0.0
    assert out["std_error"] == pytest.approx(100 / 3)
    assert out["margin"] == pytest.approx(1.959964 * 100 / 3, rel=1e-6)
    assert out["low"] == pytest.approx(-65.3321, abs=1e-3)
    # p = 0.5, d = 0.25 over 4: Var = (0.75 - 0.0625) / 4 = 0.171875; 90 %: z = 1.644854
    out = satisfaction.nps_interval(pd.Series([10, 9, 8, 3]), level=0.9)
    assert out["nps"] == pytest.approx(25.0)
    assert out["std_error"] == pytest.approx(100 * np.sqrt(0.171875))
    assert out["high"] == pytest.approx(25 + 1.644854 * 100 * np.sqrt(0.171875), rel=1e-6)
    # an all-promoter sample has no variance and the interval stays within -100..100
    out = satisfaction.nps_interval(pd.Series([10, 10, 10]))
    assert (out["low"], out["high"]) == (100.0, 100.0)
    with pytest.raises(ValueError, match="level must be between 0 and 1"):
        satisfaction.nps_interval(pd.Series([10]), level=1.0)


def test_nps_by_and_survey_table():
    answers = pd.DataFrame(
        {
            "customer_id": ["A", "B", "C", "A"],
            "survey_date": ["2024-06-01", "2024-06-02", "2025-06-01", "2025-06-03"],
            "nps_score": [10, 3, 9, 8],
        }
    )
    customers = pd.DataFrame({"customer_id": ["A", "B", "C"], "size": ["small", "large", "small"]})
    table = satisfaction.survey_table(answers, customers)
    assert table["year"].tolist() == [2024, 2024, 2025, 2025]
    assert table["nps_group"].astype(str).tolist() == ["promoter", "detractor", "promoter", "passive"]
    by_year = satisfaction.nps_by(table, "year")
    assert by_year["nps"].tolist() == [0.0, 50.0]
    assert by_year.loc[2025, ["promoters_pct", "passives_pct", "detractors_pct"]].tolist() == [50.0, 50.0, 0.0]
    by_both = satisfaction.nps_by(table, ["size", "year"])
    assert by_both.loc[("small", 2025), "responses"] == 2
    with pytest.raises(ValueError, match="not in customers"):
        satisfaction.survey_table(answers, customers.iloc[:2])


def test_csi_weights_and_gaps_hand_computed():
    answers = pd.DataFrame(
        {
            "perf_price": [4, 10],  # mean 7 -> (7 - 1) / 9 x 100 = 66.67
            "perf_delivery": [1, 1],  # mean 1 -> 0
            "imp_price": [6, 6],
            "imp_delivery": [2, 2],
            "exp_price": [8, 8],
            "exp_delivery": [3, 1],
        }
    )
    attrs = ["price", "delivery"]
    weights = satisfaction.csi_weights(answers, attributes=attrs)
    assert weights.tolist() == [0.75, 0.25]  # stated importance 6 and 2
    assert satisfaction.csi(answers, attributes=attrs) == pytest.approx(0.75 * 200 / 3)
    assert satisfaction.csi(answers, "equal", attributes=attrs) == pytest.approx(0.5 * 200 / 3)
    gaps = satisfaction.expectation_gaps(answers, attributes=attrs)
    assert gaps.index.tolist() == ["price", "delivery"]  # both -1: ties keep the attribute order
    assert gaps.loc["price", "gap"] == -1.0 and gaps.loc["price", "short_pct"] == 50.0
    assert gaps.loc["delivery", "gap"] == -1.0 and gaps.loc["delivery", "short_pct"] == 50.0
    with pytest.raises(ValueError, match="no weight for delivery"):
        satisfaction.csi(answers, {"price": 1}, attributes=attrs)
    with pytest.raises(ValueError, match="missing column 'perf_service'"):
        satisfaction.csi(answers, attributes=["service"])
    with pytest.raises(ValueError, match="from 1 to 10"):
        satisfaction.csi(answers.assign(perf_price=[0, 10]), attributes=attrs)


def test_key_drivers_recovers_a_planted_driver():
    rng = np.random.default_rng(7)
    a = rng.integers(1, 11, 400)
    b = rng.integers(1, 11, 400)
    overall = np.clip(np.round(0.9 * a + 0.1 * b + rng.normal(0, 0.5, 400)), 1, 10)
    survey = pd.DataFrame(
        {"overall_satisfaction": overall, "perf_a": a, "perf_b": b, "imp_a": 3, "imp_b": 9, "exp_a": 5, "exp_b": 5}
    )
    drivers = satisfaction.key_drivers(survey, attributes=["a", "b"])
    assert drivers.index.tolist() == ["a", "b"]
    assert drivers.loc["a", "derived_pct"] > 80 and drivers.loc["b", "stated_rank"] == 1
    assert drivers["derived_pct"].sum() == pytest.approx(100.0)
    with pytest.raises(ValueError, match="importance must be"):
        satisfaction.key_drivers(survey, attributes=["a", "b"], importance="both")


def test_customer_signals_and_summary():
    answers = pd.DataFrame(
        {
            "customer_id": ["A", "A", "B", "C"],
            "survey_date": ["2024-06-01", "2025-06-01", "2025-06-01", "2025-06-01"],
            "nps_score": [3, 10, 9, 2],
        }
    )
    lines = pd.DataFrame(
        {
            "customer_id": ["A", "B", "B", "C"],
            "order_id": ["O1", "O2", "O3", "O4"],
            "date": ["2025-03-01", "2025-11-01", "2025-12-01", "2025-12-20"],
            "amount": [300.0, 100.0, 100.0, 50.0],
        }
    )
    tickets = pd.DataFrame(
        {"customer_id": ["C", "C"], "opened_at": ["2025-12-21 10:00", "2024-01-01 10:00"], "is_complaint": [True, True]}
    )
    referrals = pd.DataFrame({"source_id": ["B", "B", "A"], "relation": ["referred", "referred", "depends_on"]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        signals = satisfaction.customer_signals(
            answers, lines, "2025-12-31", tickets=tickets, referrals=referrals, key_share=0.34
        )
    # A's latest answer (10) counts; A last bought 305 days before the end: dormant, left
    assert signals.loc["A", "nps_score"] == 10 and signals.loc["A", "status"] == "dormant"
    assert signals["left"].tolist() == [True, False, False]
    assert signals["key_account"].tolist() == [True, True, False]  # ceil(0.34 x 3 buyers) = 2: A (300), B (200)
    assert signals["active_months_12m"].tolist() == [1, 2, 1]
    assert signals["complaints_12m"].tolist() == [0, 0, 1]
    assert signals["referrals"].tolist() == [0, 2, 0]
    summary = satisfaction.signal_summary(signals)
    assert summary.loc["promoter", "customers"] == 2 and summary.loc["promoter", "left_pct"] == 50.0
    assert summary.loc["promoter", "referrers_pct"] == 50.0
    assert summary.loc["detractor", "complaints_mean"] == 1.0


def test_measures_and_complaint_stats_hand_computed():
    answers = pd.DataFrame(
        {"survey_date": ["2024-06-01", "2025-06-01", "2025-06-02"], "nps_score": [10, 5, 9], "imp_price": [9, 4, 10]}
    )
    lines = pd.DataFrame(
        {
            "customer_id": ["A", "B", "A", "A"],
            "order_id": ["O1", "O2", "O3", "O4"],
            "date": ["2024-02-01", "2024-03-01", "2025-02-01", "2025-05-01"],
            "amount": [100.0, 50.0, 80.0, 40.0],
        }
    )
    tickets = pd.DataFrame(
        {
            "opened_at": ["2025-02-03 09:00", "2025-04-03 09:00"],
            "is_complaint": [True, False],
            "first_contact_resolved": [True, True],
            "resolution_hours": [5.0, 1.0],
            "satisfaction_after": [4, 5],
        }
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = satisfaction.satisfaction_measures(answers, lines, "2025-12-31", tickets=tickets)
    assert out[2025].tolist() == [50.0, 50.0, 50.0, 120.0, 50.0]  # 1 of 2 buyers of 2024 came back
    stats = satisfaction.complaint_stats(tickets)
    assert stats.loc[2025].tolist() == [2.0, 1.0, 50.0, 100.0, 5.0, 4.0]


def test_plots_are_labelled_in_both_languages():
    import matplotlib.pyplot as plt

    table = pd.DataFrame(
        {"nps": [10.0, -5.0], "low": [0.0, -20.0], "high": [20.0, 10.0]}, index=pd.Index([2024, 2025], name="year")
    )
    drivers = pd.DataFrame(
        {"performance": [6.0, 7.5], "derived_pct": [70.0, 30.0], "stated": [8.0, 9.0]},
        index=pd.Index(["delivery", "price"], name="attribute"),
    )
    for lang in ("en", "zh"):
        with i18n.language(lang):
            ax = satisfaction.plot_nps_by(table)
            assert ax.get_title() and "(" in ax.get_ylabel() or "（" in ax.get_ylabel()
            plt.close(ax.figure)
            ax = satisfaction.plot_importance_performance(drivers)
            assert ax.get_title() and ax.get_xlabel()
            plt.close(ax.figure)
