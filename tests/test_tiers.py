"""Unit tests of coursekit.tiers: ABC classes, tiers by rank, Pareto / Lorenz curve, Gini, top share."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from coursekit import i18n, tiers


def series(values, index=None):
    index = index if index is not None else [f"C{i}" for i in range(len(values))]
    return pd.Series(values, index=index, dtype=float)


# --------------------------------------------------------------------------- abc_classes
def test_abc_hand_case():
    out = tiers.abc_classes(series([50, 30, 10, 5, 5], index=list("ABCDE")))
    assert list(out.columns) == ["value", "share", "cumulative_share", "rank", "class"]
    assert out["class"].tolist() == ["A", "A", "B", "B", "C"]
    assert out["cumulative_share"].tolist() == pytest.approx([0.5, 0.8, 0.9, 0.95, 1.0])
    assert out["rank"].tolist() == [1, 2, 3, 4, 5]
    assert out["share"].sum() == pytest.approx(1.0)
    assert out["class"].cat.ordered and list(out["class"].cat.categories) == ["A", "B", "C"]


@pytest.mark.parametrize(
    "values, classes",
    [
        ([80, 20], ["A", "B"]),  # exactly 0.8 at one customer -> A stops there
        ([79, 21], ["A", "A"]),  # 0.79 < 0.8: the crossing customer is in A; B empty
        ([60, 20, 15, 5], ["A", "A", "B", "C"]),  # 0.6, 0.8 | 0.95 | rest
        ([100], ["A"]),
        ([90, 10, 0, 0], ["A", "B", "C", "C"]),  # zero values are C
    ],
)
def test_abc_boundaries(values, classes):
    out = tiers.abc_classes(series(values))
    assert out["class"].tolist() == classes


def test_abc_crossing_customer_belongs_to_the_class_it_completes():
    # cumulative 0.60, 0.79, 0.95, 1.00: the third customer brings A to >= 0.8 (and to 0.95)
    out = tiers.abc_classes(series([60, 19, 16, 5]))
    assert out["cumulative_share"].tolist() == pytest.approx([0.6, 0.79, 0.95, 1.0])
    # A = smallest top set reaching 0.8 = first three; that set also reaches 0.95 -> B empty
    assert out["class"].tolist() == ["A", "A", "A", "C"]


def test_abc_float_sum_reaches_threshold():
    # 0.7 + 0.1 is 0.7999999999999999 in floating point; it still reaches a = 0.8
    out = tiers.abc_classes(series([0.7, 0.1, 0.1, 0.1]), a=0.8, b=0.9)
    assert out["class"].tolist() == ["A", "A", "B", "C"]


def test_abc_ties_by_index_regardless_of_row_order():
    # cumulative 0.5 | 0.625, 0.75, 0.875 | 1.0; equal values ordered by id
    out = tiers.abc_classes(series([5, 5, 5, 5, 20], index=["d", "b", "a", "c", "z"]), a=0.5, b=0.8)
    assert list(out.index) == ["z", "a", "b", "c", "d"]
    assert out["class"].tolist() == ["A", "B", "B", "B", "C"]


def test_abc_b_equal_one():
    out = tiers.abc_classes(series([50, 30, 20, 0]), a=0.5, b=1.0)
    assert out["class"].tolist() == ["A", "B", "B", "C"]


@pytest.mark.parametrize(
    "values, kwargs, error, fragment",
    [
        ([1, -2, 3], {}, ValueError, "must not be negative"),
        ([1, np.nan, 3], {}, ValueError, "missing value"),
        ([0, 0, 0], {}, ValueError, "all zero"),
        ([], {}, ValueError, "is empty"),
        ([1, 2], {"a": 0}, ValueError, "a must be between 0 and 1"),
        ([1, 2], {"a": 1}, ValueError, "a must be between 0 and 1"),
        ([1, 2], {"a": 0.9, "b": 0.8}, ValueError, "0 < a < b <= 1"),
        ([1, 2], {"a": 0.8, "b": 0.8}, ValueError, "0 < a < b <= 1"),
        ([1, 2], {"b": 1.1}, ValueError, "b must be between 0 and 1"),
        ([1, 2], {"a": "0.8"}, TypeError, "a must be a number"),
    ],
)
def test_abc_bad_input(values, kwargs, error, fragment):
    with pytest.raises(error, match=fragment.replace("(", r"\(")):
        tiers.abc_classes(series(values), **kwargs)


def test_abc_requires_series_and_unique_ids():
    with pytest.raises(TypeError, match="values must be a pandas Series"):
        tiers.abc_classes([1, 2, 3])
    with pytest.raises(TypeError, match="must be numeric"):
        tiers.abc_classes(pd.Series(["a", "b"]))
    with pytest.raises(ValueError, match="duplicated"):
        tiers.abc_classes(series([1, 2], index=["x", "x"]))


# --------------------------------------------------------------------------- assign_tiers
def _sizes(n, **kwargs):
    s = series(np.arange(n, 0, -1))
    out = tiers.assign_tiers(s, **kwargs)
    return out["tier"].value_counts(sort=False).tolist()


def test_tiers_n100_and_n7():
    assert _sizes(100) == [5, 20, 30, 45]
    assert _sizes(7) == [1, 1, 2, 3]
    assert _sizes(20) == [1, 4, 6, 9]
    assert _sizes(2000) == [100, 400, 600, 900]
    assert _sizes(3) == [1, 1, 1, 0]
    assert _sizes(1) == [1, 0, 0, 0]


def test_tiers_rounding_rule_half_up_and_sum():
    shares = (0.05, 0.20, 0.30, 0.45)
    cum = np.cumsum(shares)
    for n in range(1, 301):
        sizes = _sizes(n)
        assert sum(sizes) == n
        if n >= 4:
            assert min(sizes) >= 1
        # when rounding alone leaves no band empty, the sizes are exactly the rounded ones
        bounds = [0] + [int(np.floor(c * n + 0.5 + 1e-9)) for c in cum[:-1]] + [n]
        raw = np.diff(bounds)
        if (raw > 0).all():
            assert sizes == raw.tolist(), n
    # n = 10: boundaries 0.5 -> 1, 2.5 -> 3, 5.5 -> 6 (half up)
    assert _sizes(10) == [1, 2, 3, 4]


def test_tiers_ties_by_index_and_columns():
    s = series([3, 3, 3, 3, 9], index=["d", "c", "b", "a", "e"])
    out = tiers.assign_tiers(s, shares=(0.2, 0.4, 0.4), labels=["top", "mid", "low"])
    assert list(out.columns) == ["score", "rank", "tier"]
    assert list(out.index) == ["e", "a", "b", "c", "d"]
    assert out["tier"].astype(str).tolist() == ["top", "mid", "mid", "low", "low"]
    assert out["tier"].cat.ordered and list(out["tier"].cat.categories) == ["top", "mid", "low"]


def test_tiers_and_classes_hold_the_same_keys_in_both_languages():
    s = series(np.linspace(-5, 5, 20))  # negative scores are allowed
    revenue = series([50, 30, 10, 5, 5])
    english = (tiers.assign_tiers(s), tiers.abc_classes(revenue))
    try:
        i18n.use("zh")
        chinese = (tiers.assign_tiers(s), tiers.abc_classes(revenue))
        names = tiers.display_names(chinese[0]["tier"])
        class_names = tiers.display_names(chinese[1]["class"])
    finally:
        i18n.use("en")
    pd.testing.assert_frame_equal(english[0], chinese[0])
    pd.testing.assert_frame_equal(english[1], chinese[1])
    tier = english[0]["tier"]
    assert tier.cat.ordered and list(tier.cat.categories) == ["strategic", "value", "potential", "ordinary"]
    assert tier.iloc[0] == "strategic" and english[0]["score"].iloc[0] == 5
    assert english[0]["tier"].value_counts(sort=False).tolist() == [1, 4, 6, 9]
    cls = english[1]["class"]
    assert cls.cat.ordered and list(cls.cat.categories) == ["A", "B", "C"]
    # names for display: same order, in the reader's language
    assert list(names.cat.categories) == ["战略客户", "价值客户", "潜力客户", "普通客户"]
    assert names.iloc[0] == "战略客户"
    assert class_names.tolist() == ["A 类客户", "A 类客户", "B 类客户", "B 类客户", "C 类客户"]
    assert tiers.display_names(english[1]["class"]).iloc[-1] == "Class C"
    assert tiers.display_names(pd.Index(["value", "mid"])).tolist() == ["Value", "mid"]
    assert tiers.display_names("potential") == "Potential"


@pytest.mark.parametrize(
    "kwargs, error, fragment",
    [
        ({"shares": (0.5, 0.4)}, ValueError, "sum to 1"),
        ({"shares": (0.5, 0.6, -0.1)}, ValueError, "positive"),
        ({"shares": (0.5, 0.5, 0.0)}, ValueError, "positive"),
        ({"shares": (1.0,)}, TypeError, "at least two"),
        ({"shares": (0.5, 0.5)}, ValueError, "give labels for 2 bands"),
        ({"shares": (0.5, 0.5), "labels": ["a"]}, ValueError, "labels must be a list of 2"),
        ({"shares": (0.5, 0.5), "labels": ["a", "a"]}, ValueError, "distinct"),
    ],
)
def test_tiers_bad_parameters(kwargs, error, fragment):
    with pytest.raises(error, match=fragment):
        tiers.assign_tiers(series([1, 2, 3]), **kwargs)


def test_tiers_bad_scores():
    with pytest.raises(ValueError, match="missing"):
        tiers.assign_tiers(series([1, np.nan]))
    with pytest.raises(TypeError, match="scores must be a pandas Series"):
        tiers.assign_tiers(pd.DataFrame({"x": [1]}))


# --------------------------------------------------------------------------- concentration
def test_lorenz_curve_shape():
    curve = tiers.lorenz_curve(series([10, 40, 20, 30], index=list("abcd")))
    assert curve.index.name == "rank" and len(curve) == 5
    assert curve.iloc[0][["customer_share", "value_share"]].tolist() == [0.0, 0.0]
    assert pd.isna(curve.loc[0, "customer"])
    assert curve["customer"].tolist()[1:] == ["b", "d", "c", "a"]
    assert curve["customer_share"].tolist() == pytest.approx([0, 0.25, 0.5, 0.75, 1])
    assert curve["value_share"].tolist() == pytest.approx([0, 0.4, 0.7, 0.9, 1.0])
    # top-down curve is concave: increments never grow
    assert (np.diff(curve["value_share"], 2) <= 1e-12).all()


def test_gini_known_values():
    assert tiers.gini(series([7, 7, 7, 7])) == 0.0
    for n in (1, 2, 5, 10):
        assert tiers.gini(series([0] * (n - 1) + [42])) == pytest.approx((n - 1) / n)
    assert tiers.gini(series([1, 2, 3])) == pytest.approx(2 / 9)
    assert tiers.gini(series([50, 30, 10, 5, 5])) == pytest.approx(0.46)


def test_gini_matches_pairwise_definition_and_curve_area():
    rng = np.random.default_rng(11)
    x = rng.gamma(0.8, 1000, size=257)
    g = tiers.gini(series(x))
    pairwise = np.abs(x[:, None] - x[None, :]).sum() / (2 * len(x) ** 2 * x.mean())
    assert g == pytest.approx(pairwise, rel=1e-12)
    curve = tiers.lorenz_curve(series(x))
    area = np.trapezoid(curve["value_share"], curve["customer_share"])
    assert g == pytest.approx(2 * area - 1, rel=1e-12)


def test_top_share():
    s = series([50, 30, 10, 5, 5])
    assert tiers.top_share(s) == pytest.approx(0.5)
    assert tiers.top_share(s, fraction=0.4) == pytest.approx(0.8)
    assert tiers.top_share(s, fraction=1.0) == pytest.approx(1.0)
    assert tiers.top_share(s, fraction=0.3) == pytest.approx(0.65)  # half of the 2nd customer
    assert tiers.top_share(series(np.ones(10)), fraction=0.2) == pytest.approx(0.2)
    for bad in (0, 1.5, -0.1):
        with pytest.raises(ValueError, match="fraction"):
            tiers.top_share(s, fraction=bad)


def test_concentration_bad_input():
    with pytest.raises(ValueError, match="all zero"):
        tiers.gini(series([0, 0]))
    with pytest.raises(ValueError, match="negative"):
        tiers.lorenz_curve(series([1, -1]))
    with pytest.raises(ValueError, match="missing"):
        tiers.top_share(series([1, np.nan]))


def test_plot_pareto_labels_and_marks():
    rng = np.random.default_rng(5)
    s = series(rng.pareto(1.5, size=300) * 1000)
    ax = tiers.plot_pareto(s)
    assert ax.get_title()
    assert "(%)" in ax.get_xlabel() and "(CNY)" in ax.get_ylabel()
    assert ax.right_ax.get_ylabel() == "Cumulative share of value (%)"
    texts = [t.get_text() for t in ax.right_ax.texts]
    top20 = tiers.top_share(s, 0.2) * 100
    assert any(t.startswith("Top 20 % of customers") and f"{top20:.0f} %" in t for t in texts)
    assert any(t.startswith("80 % of value") for t in texts)
    # 300 customers: one filled step area whose height at each customer's slot is its value.
    assert len(ax.patches) == 0 and len(ax.collections) == 1
    top = ax.collections[0].get_paths()[0].vertices[:, 1].max()
    assert top == pytest.approx(s.max())
    assert ax.yaxis.get_major_formatter()(1234567.0, 0) == "1,234,567"
    small = tiers.plot_pareto(series([50.0, 30.0, 10.0, 5.0, 5.0]))
    assert [round(p.get_height(), 6) for p in small.patches] == [50.0, 30.0, 10.0, 5.0, 5.0]
    plt.close(ax.figure)
    fig, given = plt.subplots()
    assert tiers.plot_pareto(s, ax=given, currency="CNY thousand") is given
    assert given.get_ylabel() == "Value per customer (CNY thousand)"
    plt.close(fig)
    with pytest.raises(TypeError):
        tiers.plot_pareto(s, None, "CNY")  # options are keyword-only


# --------------------------------------------------------------------------- abc_compare, abc_shift, plot_abc_curves
def _two_measures():
    # revenue 50/30/10/5/5 -> A A B B C; margin 5/9/4/1/1 of 20: B 45 %, A 70 %, C 90 % -> A A A, D 95 % B, E C
    return pd.DataFrame(
        {"revenue": [50.0, 30.0, 10.0, 5.0, 5.0], "gross_margin": [5.0, 9.0, 4.0, 1.0, 1.0]}, index=list("ABCDE")
    )


def test_abc_compare_by_hand():
    out = tiers.abc_compare(_two_measures())
    assert out.index.tolist() == list("ABCDE")
    assert out["class_first"].tolist() == ["A", "A", "B", "B", "C"]
    assert out["class_second"].tolist() == ["A", "A", "A", "B", "C"]
    assert out["moved"].tolist() == ["same", "same", "up", "same", "same"]
    shift = tiers.abc_shift(out)
    assert shift.loc["B", "A"] == 1 and shift.loc["A", "A"] == 2
    assert shift["total"].tolist() == [2, 2, 1]


def test_abc_compare_moves_down_and_notes_negative_values():
    table = _two_measures()
    table.loc["B", "gross_margin"] = -3.0  # B counts as 0: class C, two classes down
    with pytest.warns(UserWarning, match="zero or negative"):
        out = tiers.abc_compare(table)
    assert out.loc["B", "class_second"] == "C"
    assert out.loc["B", "moved"] == "down"
    assert out.loc["B", "gross_margin"] == -3.0  # the value itself is kept
    assert out.attrs["notes"]


def test_abc_compare_checks_its_input():
    with pytest.raises(ValueError, match="two different columns"):
        tiers.abc_compare(_two_measures(), second="revenue")
    with pytest.raises(ValueError, match="net_profit"):
        tiers.abc_compare(_two_measures(), second="net_profit")
    with pytest.raises(TypeError, match="must be a pandas DataFrame"):
        tiers.abc_compare(_two_measures()["revenue"])


def test_plot_abc_curves_draws_three_curves():
    ax = tiers.plot_abc_curves(_two_measures())
    lines = [line for line in ax.get_lines() if len(line.get_xdata()) == 6]
    assert len(lines) == 3
    # margin ranked by revenue: A 5, B 9, C 4 ... -> 25 %, 70 %, 90 %
    assert lines[2].get_ydata()[1:4].tolist() == pytest.approx([25.0, 70.0, 90.0])
    assert ax.get_legend() is not None
    plt.close(ax.figure)
