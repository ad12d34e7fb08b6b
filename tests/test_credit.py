"""Hand-computed tests of coursekit.credit (lesson 11): WOE/IV, points, accuracy, stability, receivables."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest

from coursekit import credit, datasets
from coursekit._validate import CourseKitDataNote


# ----------------------------------------------------------------------------- score_points
def test_score_points_hand_computed():
    assert credit.score_points(50) == pytest.approx(600)
    assert credit.score_points(100) == pytest.approx(620)
    assert credit.score_points(25) == pytest.approx(580)
    # 600 + 20 / ln 2 * ln(200 / 50) = 600 + 40
    assert credit.score_points(200) == pytest.approx(640)
    # another scale: 500 points at odds 20, 50 points to double
    assert credit.score_points(40, base_points=500, base_odds=20, pdo=50) == pytest.approx(550)
    # odds 1 (PD 50 %): 600 + 28.8539 * ln(1/50) = 487.123
    assert credit.score_points(1) == pytest.approx(600 + 20 / math.log(2) * math.log(1 / 50))


def test_score_points_keeps_the_shape():
    s = credit.score_points(pd.Series([50.0, 100.0], index=["a", "b"]))
    assert s.to_dict() == pytest.approx({"a": 600.0, "b": 620.0})
    assert credit.score_points(np.array([25.0, 50.0])) == pytest.approx([580.0, 600.0])


@pytest.mark.parametrize("odds", [0, -1, [5, 0], float("nan")])
def test_score_points_refuses_odds_not_above_zero(odds):
    with pytest.raises(ValueError, match="odds must be above 0"):
        credit.score_points(odds)


def test_score_points_refuses_a_bad_scale():
    with pytest.raises(ValueError, match="pdo"):
        credit.score_points(50, pdo=0)


# ----------------------------------------------------------------------------- woe_iv
def test_woe_iv_hand_computed():
    # group a: 6 goods 2 bads; group b: 4 goods 8 bads. Goods 10, bads 10.
    groups = ["a"] * 8 + ["b"] * 12
    bad = [0] * 6 + [1] * 2 + [0] * 4 + [1] * 8
    t = credit.woe_iv(groups, bad)
    assert t.loc["a", "good"] == 6 and t.loc["a", "bad"] == 2
    # WOE a = ln(0.6 / 0.2) = ln 3; WOE b = ln(0.4 / 0.8) = -ln 2
    assert t.loc["a", "woe"] == pytest.approx(math.log(3))
    assert t.loc["b", "woe"] == pytest.approx(-math.log(2))
    # IV a = (0.6 - 0.2) ln 3 = 0.43944; IV b = (0.4 - 0.8)(-ln 2) = 0.27726
    assert t.loc["a", "iv"] == pytest.approx(0.4 * math.log(3))
    assert t.loc["b", "iv"] == pytest.approx(0.4 * math.log(2))
    assert t.attrs["iv"] == pytest.approx(0.4 * math.log(3) + 0.4 * math.log(2))
    assert list(t.columns) == ["good", "bad", "woe", "iv"]


def test_woe_iv_names_a_group_without_bads_and_smoothing_fixes_it():
    groups = pd.Series(["x", "x", "y", "y", "z"])
    bad = pd.Series([0, 1, 0, 1, 0])
    with pytest.raises(ValueError, match="'z'.*no goods or no bads"):
        credit.woe_iv(groups, bad)
    t = credit.woe_iv(groups, bad, smoothing=0.5)
    # goods 1.5, 1.5, 1.5 (sum 4.5); bads 1.5, 1.5, 0.5 (sum 3.5)
    assert t.loc["z", "woe"] == pytest.approx(math.log((1.5 / 4.5) / (0.5 / 3.5)))
    assert t.loc["z", "good"] == 1 and t.loc["z", "bad"] == 0  # counts before smoothing


@pytest.mark.parametrize(
    "groups,bad,match",
    [
        ([], [], "empty"),
        (["a", "b"], [0], "same length"),
        (["a", "b"], [0, 2], "only 0"),
        (["a", None], [0, 1], "missing"),
    ],
)
def test_woe_iv_bad_input(groups, bad, match):
    with pytest.raises(ValueError, match=match):
        credit.woe_iv(groups, bad)


def test_woe_iv_type_error():
    with pytest.raises(TypeError, match="groups must be"):
        credit.woe_iv("abc", [0, 1, 0])


# ----------------------------------------------------------------------------- scorecard
def _toy():
    return pd.DataFrame({"x": range(1, 11), "default_12m": [1, 1, 0, 1, 0, 0, 0, 1, 0, 0]})


def test_scorecard_points_add_up_to_the_score_of_the_predicted_odds():
    card = credit.build_scorecard(_toy(), factors=["x"], bins=2)
    # bin < 5.5: 2 goods 3 bads; the one-factor regression reproduces the bin's odds 2/3
    scores = credit.apply_scorecard(_toy(), card)
    assert scores["score"].iloc[0] == pytest.approx(round(credit.score_points(2 / 3)))
    assert scores["score"].iloc[9] == pytest.approx(round(credit.score_points(4 / 1)))


def test_grade_scores_uses_the_pd_bands():
    # PD 2 % = odds 49 -> 599.4 points; PD 5 % = odds 19 -> 572.1; 10 % -> 550.5; 20 % -> 527.1
    g = credit.grade_scores(pd.Series([599.5, 599.3, 572.2, 572.0, 550.6, 527.2, 527.0]))
    assert g.tolist() == ["A", "B", "B", "C", "C", "D", "E"]


def test_factor_iv_on_the_case_data_finds_character_strongest():
    c = datasets.load_credit()
    t = credit.factor_iv(c)
    assert t.index[0] == "character_score"
    assert t.loc["character_score", "strength"] == "strong"
    assert t.loc["collateral_coverage", "bins"] == 5  # the missing values get a bin of their own


# ----------------------------------------------------------------------------- validation
def test_auc_ks_hand_computed():
    # goods 2, 4; bads 1, 3: pairs (good > bad) 2>1, 4>1, 4>3 = 3 of 4 -> AUC 0.75
    out = credit.auc_ks(pd.Series([1.0, 2.0, 3.0, 4.0]), [1, 0, 1, 0])
    assert out["auc"] == pytest.approx(0.75)
    # cumulative at 1: bads 0.5, goods 0 -> KS 0.5
    assert out["ks"] == pytest.approx(0.5)
    tie = credit.auc_ks(pd.Series([1.0, 1.0]), [1, 0])
    assert tie["auc"] == pytest.approx(0.5)


def test_auc_ks_needs_both_outcomes():
    with pytest.raises(ValueError, match="both goods"):
        credit.auc_ks(pd.Series([1.0, 2.0]), [0, 0])


def test_bootstrap_is_deterministic_and_brackets_the_value():
    s = pd.Series(np.arange(40, dtype=float))
    bad = [1, 0, 0, 0] * 10
    a = credit.bootstrap_auc_ks(s, bad, n_boot=100)
    b = credit.bootstrap_auc_ks(s, bad, n_boot=100)
    pd.testing.assert_frame_equal(a, b)
    assert a.loc["auc", "low"] <= a.loc["auc", "value"] <= a.loc["auc", "high"]


def test_psi_hand_computed():
    t = credit.psi_table(pd.Series([1.0, 2, 3, 4]), pd.Series([1.0, 1, 2, 4]), bins=2)
    # shares 0.5/0.5 -> 0.75/0.25: (0.25) ln 1.5 + (-0.25) ln 0.5
    assert t.attrs["psi"] == pytest.approx(0.25 * math.log(1.5) + 0.25 * math.log(2))
    with pytest.raises(ValueError, match="empty in one period"):
        credit.psi_table(pd.Series([1.0, 2, 3, 4]), pd.Series([1.0, 1, 1, 1]), bins=2)


def test_grade_summary_and_overrides():
    grades = pd.DataFrame(
        {
            "application_id": ["a", "b", "c", "d", "e"],
            "model_grade": ["B", "B", "C", "A", "B"],
            "final_grade": ["B", "B", "B", "B", "B"],
            "override_reason": [None, None, "strategic_customer", "legal_dispute", None],
        }
    )
    outcome = pd.DataFrame({"application_id": list("abcde"), "default_12m": [0, 1, 1, 0, 0]})
    eff = credit.override_effect(grades, outcome)
    assert eff.loc["none", "default_rate_pct"] == pytest.approx(100 / 3)
    assert eff.loc["commercial_up", "notches"] == 1 and eff.loc["evidence_down", "notches"] == -1
    kept = credit.apply_overrides(grades)
    assert kept.tolist() == ["B", "B", "C", "B", "B"]
    with pytest.raises(ValueError, match="unknown override group"):
        credit.apply_overrides(grades, accept=["friendly"])
    s = credit.grade_summary(kept, outcome["default_12m"].to_numpy())
    assert s.loc["B", "applications"] == 4 and s.loc["C", "defaults"] == 1


def test_override_effect_on_the_case_data():
    eff = credit.override_effect(datasets.load_credit_grades(), datasets.load_credit())
    # datasets/README.md m.: commercial upgrades defaulted 16 of 36 (44.4 %)
    assert eff.loc["commercial_up", "applications"] == 36
    assert eff.loc["commercial_up", "defaults"] == 16


# ----------------------------------------------------------------------------- receivables
def _invoices():
    return pd.DataFrame(
        {
            "customer_id": ["A", "A", "B", "B"],
            "invoice_date": ["2025-01-01", "2025-06-01", "2025-11-01", "2025-12-15"],
            "amount": [3650.0, 1000.0, 500.0, 730.0],
            "due_date": ["2025-01-31", "2025-07-01", "2025-12-01", "2026-01-14"],
            "paid_date": ["2025-03-02", None, None, None],
        }
    )


def test_aging_dso_and_debt_classes_hand_computed():
    r, end = _invoices(), "2025-12-31"
    a = credit.aging(r, end)
    # open: 1000 due 2025-07-01 (183 days over), 500 due 2025-12-01 (30 days), 730 not due
    assert a.loc["over_180", "amount"] == 1000 and a.loc["d1_30", "amount"] == 500
    assert a.loc["not_due", "amount"] == 730 and a["invoices"].sum() == 3
    # DSO = open 2230 / sales 5880 * 365
    assert credit.dso(r, end) == pytest.approx(2230 / 5880 * 365)
    d = credit.debt_classes(r, end, rate=0.05, margin=0.2)
    # slow: 3650 paid 30 days late -> 3650 * 30/365 * 5 % = 15; 500 open 30 days -> 500 * 30/365 * 5 % = 2.05
    assert d.loc["slow", "cost"] == pytest.approx(15 + 500 * 30 / 365 * 0.05, abs=0.01)
    assert d.loc["bad", "cost"] == 1000 and d.loc["bad", "sales_to_recover"] == 5000
    assert d.loc["timely", "invoices"] == 1


def test_receivables_bad_input():
    with pytest.raises(ValueError, match="missing column 'due_date'"):
        credit.aging(_invoices().drop(columns="due_date"), "2025-12-31")
    with pytest.raises(TypeError, match="must be a pandas DataFrame"):
        credit.dso([1, 2], "2025-12-31")
    with pytest.raises(ValueError, match="later year"):
        credit.payment_changes(_invoices(), "2025-12-31", before=2025, after=2024)


def test_excuse_frequencies_notes_contacts_without_excuse():
    excuses = pd.DataFrame({"excuse": ["boss_away", "in_approval", "boss_away", None]})
    with pytest.warns(CourseKitDataNote, match="1 contact"):
        t = credit.excuse_frequencies(excuses)
    assert t.loc["boss_away", "share_pct"] == 50 and len(t) == 10
    with pytest.raises(ValueError, match="unknown excuse"):
        credit.excuse_frequencies(pd.DataFrame({"excuse": ["dog_ate_it"]}))


def test_excuses_on_the_case_data_match_the_data_dictionary():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)
        t = credit.excuse_frequencies(datasets.load_payment_excuses())
    # datasets/README.md n.: cash_flow_tight 13.9 %, not_received_invoice 12.7 %, in_approval 11.2 %
    assert t.index[:3].tolist() == ["cash_flow_tight", "not_received_invoice", "in_approval"]
    assert round(t.loc["cash_flow_tight", "share_pct"], 1) == 13.9
