"""coursekit.value weights and scorecard: AHP on Saaty's example, entropy weights by hand, the scorecard rules."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from coursekit import value
from coursekit.tiers import assign_tiers

SAATY = [[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]]


def test_ahp_saaty_example():
    result = value.ahp_weights(np.array(SAATY))
    assert result.weights.round(3).tolist() == [0.637, 0.258, 0.105]
    assert result.weights.sum() == pytest.approx(1.0)
    assert result.lambda_max == pytest.approx(3.0385, abs=1e-4)
    assert result.consistency_index == pytest.approx(0.0193, abs=1e-4)
    assert result.consistency_ratio == pytest.approx(0.033, abs=1e-3)
    assert result.consistent


def test_ahp_keeps_dataframe_labels():
    labels = ["profit", "volume", "cost"]
    result = value.ahp_weights(pd.DataFrame(SAATY, index=labels, columns=labels))
    assert list(result.weights.index) == labels


def test_ahp_small_matrices_are_consistent_by_definition():
    assert value.ahp_weights(np.array([[1.0]])).consistency_ratio == 0.0
    two = value.ahp_weights(np.array([[1.0, 4.0], [0.25, 1.0]]))
    assert two.weights.tolist() == pytest.approx([0.8, 0.2])
    assert two.consistency_ratio == 0.0


def test_ahp_inconsistent_judgements_have_a_high_cr():
    # a > b (3), b > c (3) but c > a (3): a cycle
    cyc = value.pairwise_matrix({("a", "b"): 3, ("b", "c"): 3, ("c", "a"): 3})
    result = value.ahp_weights(cyc)
    assert result.weights.tolist() == pytest.approx([1 / 3] * 3)
    # lambda = 1 + 3 + 1/3 = 4.333, CI = 0.667, CR = 1.149
    assert result.consistency_ratio == pytest.approx((13 / 3 - 3) / 2 / 0.58, rel=1e-6)
    assert not result.consistent


def test_ahp_rejects_bad_matrices():
    with pytest.raises(ValueError, match="square"):
        value.ahp_weights(np.ones((2, 3)))
    with pytest.raises(ValueError, match="positive"):
        value.ahp_weights(np.array([[1.0, 0.0], [2.0, 1.0]]))
    with pytest.raises(ValueError, match="positive"):
        value.ahp_weights(np.array([[1.0, -2.0], [-0.5, 1.0]]))
    with pytest.raises(ValueError, match="reciprocal"):
        value.ahp_weights(np.array([[1.0, 3.0], [0.3, 1.0]]))
    # within a relative 1e-6 is reciprocal
    value.ahp_weights(np.array([[1.0, 3.0], [1 / 3 * (1 + 1e-7), 1.0]]))
    with pytest.raises(ValueError, match="labels"):
        value.ahp_weights(pd.DataFrame(np.ones((2, 2)), index=["a", "b"], columns=["b", "a"]))
    with pytest.raises(TypeError, match="must be a pandas DataFrame"):
        value.ahp_weights([[1.0]])
    with pytest.raises(ValueError, match="empty"):
        value.ahp_weights(pd.DataFrame())


def test_pairwise_matrix_fills_reciprocals_and_checks_pairs():
    m = value.pairwise_matrix({("x", "y"): "1/3"}, labels=["x", "y", "z"])
    assert m.loc["y", "x"] == pytest.approx(3.0) and m.loc["x", "z"] == 1.0
    with pytest.raises(ValueError, match="repeats"):
        value.pairwise_matrix({("x", "y"): 3, ("y", "x"): 2})


def test_combine_weights():
    g = pd.Series({"current": 0.5, "social": 0.5})
    w = value.combine_weights(g, {"current": pd.Series({"profit": 1.0}), "social": pd.Series({"network": 1.0})})
    assert w.to_dict() == {"profit": 0.5, "network": 0.5}
    with pytest.raises(ValueError, match="sum to"):
        value.combine_weights(g, {"current": pd.Series({"profit": 0.5}), "social": pd.Series({"network": 1.0})})


def test_entropy_weights_by_hand():
    t = pd.DataFrame({"a": [1.0, 1.0, 2.0], "b": [0.0, 1.0, 1.0], "c": [5.0, 5.0, 5.0]})
    # a: p = .25 .25 .5, e = 1.03972 / ln 3 = 0.946395; b: p = 0 .5 .5, e = ln 2 / ln 3 = 0.630930
    e_a = -(2 * 0.25 * np.log(0.25) + 0.5 * np.log(0.5)) / np.log(3)
    e_b = np.log(2) / np.log(3)
    w = value.entropy_weights(t)
    assert e_a == pytest.approx(0.946395, abs=1e-6)
    assert w["a"] == pytest.approx((1 - e_a) / (2 - e_a - e_b))
    assert w.round(4).to_dict() == {"a": 0.1268, "b": 0.8732, "c": 0.0}


def test_entropy_weights_leave_missing_out_and_reject_bad_columns():
    t = pd.DataFrame({"a": [1.0, 1.0, 2.0, None], "b": [0.0, 1.0, 1.0, 3.0]})
    w = value.entropy_weights(t)
    assert w.sum() == pytest.approx(1.0)
    with pytest.raises(ValueError, match="negative"):
        value.entropy_weights(pd.DataFrame({"a": [1.0, -1.0]}))
    with pytest.raises(ValueError, match="sums to 0"):
        value.entropy_weights(pd.DataFrame({"a": [1.0, 2.0], "b": [0.0, 0.0]}))
    with pytest.raises(ValueError, match="constant"):
        value.entropy_weights(pd.DataFrame({"a": [2.0, 2.0]}))


def test_normalise_direction():
    t = pd.DataFrame({"profit": [-100.0, 0.0, 300.0], "cost": [10.0, 30.0, 20.0]})
    n = value.normalise(t)
    assert n["profit"].tolist() == [0.0, 0.25, 1.0]
    assert n["cost"].tolist() == [1.0, 0.0, 0.5]  # the cheapest to serve is best


def test_composite_score_spreads_missing_weight():
    t = pd.DataFrame({"a": [1.0, 0.0], "b": [np.nan, 1.0], "c": [0.5, 0.5]}, index=["X", "Y"])
    w = pd.Series({"a": 0.5, "b": 0.3, "c": 0.2})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fair = value.composite_score(t, w)
        zero = value.composite_score(t, w, missing="zero")
    # X: (0.5 * 1 + 0.2 * 0.5) / 0.7 = 0.857; with zero: 0.6
    assert fair.loc["X", "score"] == pytest.approx(100 * 0.6 / 0.7)
    assert zero.loc["X", "score"] == pytest.approx(60.0)
    assert fair.loc["Y", "score"] == pytest.approx(40.0)
    assert fair.loc["X", "indicators"] == 2 and fair.loc["X", "weight_present"] == pytest.approx(0.7)
    assert fair.attrs["notes"] == [
        "1 customers lack at least one indicator (weights spread over the indicators present)"
    ]
    with pytest.raises(ValueError, match="no weight"):
        value.composite_score(t, w.drop("c"))


def test_nine_indicators_counts_distinct_links_and_keeps_missing():
    profit = pd.DataFrame(
        {"revenue": [10.0, 20.0, 30.0], "cost_to_serve": [1.0, 2.0, 3.0], "net_profit": [5.0, 6.0, 7.0]},
        index=pd.Index(["A", "B", "C"], name="customer_id"),
    )
    links = pd.DataFrame(
        {
            "source_id": ["A", "B", "A", "A"],
            "target_id": ["B", "A", "Z", "B"],
            "relation": ["referred"] * 3 + ["depends_on"],
        }
    )
    empty = dict(
        credit=pd.DataFrame({"application_id": ["X"], "customer_id": ["Q"], "application_date": ["2024-01-01"]}),
        credit_grades=pd.DataFrame({"application_id": ["X"], "final_grade": ["A"]}),
        survey=pd.DataFrame(
            {"customer_id": ["C", "C"], "survey_date": ["2024-06-01", "2026-06-01"], "repurchase_intent": [2, 5]}
        ),
        trust=pd.DataFrame({"customer_id": ["A"], "contract_months": [36]}),
        engagement=pd.DataFrame(
            {"customer_id": ["B", "B"], "date": ["2022-06-01", "2025-01-01"], "signal": ["suggestion", "brand_defence"]}
        ),
    )
    ind = value.nine_indicators(profit, "2025-12-31", referrals=links, **empty)
    assert ind["network"].to_dict() == {"A": 2.0, "B": 1.0, "C": pytest.approx(np.nan, nan_ok=True)}
    assert ind["loyalty"].tolist()[2] == 2.0  # the 2026 answer is after the end
    assert ind.loc["A", "trust"] == 3.0 and ind.loc["B", "trust"] == 0.0
    assert ind.loc["B", "innovation"] == 0.0 and ind.loc["B", "interaction"] == 1.0  # 2022 is outside 3 years
    assert ind["credit"].isna().all()


def test_tier_table_and_changes():
    ids = [f"C{i:02d}" for i in range(20)]
    a = assign_tiers(pd.Series(range(20, 0, -1), index=ids, dtype=float))
    table = value.tier_table(a, revenue=pd.Series(1.0, index=ids), profit=pd.Series(2.0, index=ids))
    assert table["customers"].tolist() == [1, 4, 6, 9] and table["profit_share"].sum() == pytest.approx(1.0)
    assert value.tier_changes(a, a).empty


def test_six_haves_points_and_fit():
    t = pd.DataFrame(
        {k: [1.0, 2.0, 3.0, 4.0, 5.0] for k in ["trust", "volume", "interaction", "profit", "credit", "loyalty"]},
        index=list("ABCDE"),
    )
    t["network"] = [np.nan, np.nan, 1.0, 2.0, 3.0]
    six = value.six_haves(t)
    assert six.loc["D", "basis"] == 4.0 and six.loc["B", "influence"] != six.loc["B", "influence"]
    # B: five criteria of 2 points, influence missing -> 2 x 6 = 12
    assert six.loc["B", "total"] == 12.0 and not six.loc["B", "fit"]
    assert six.loc["E", "fit"]


def test_compare_weights_ranks():
    c = value.compare_weights(pd.Series({"a": 0.5, "b": 0.3, "c": 0.2}), pd.Series({"a": 0.1, "b": 0.6, "c": 0.3}))
    assert c["ahp_rank"].tolist() == [1, 2, 3] and c["entropy_rank"].tolist() == [3, 1, 2]
