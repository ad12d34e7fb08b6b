"""Unit tests of coursekit.rfm: hand-computed cases, the bad-input matrix, scores, segments, charts."""
from __future__ import annotations

import itertools
import math
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from coursekit import i18n, rfm
from coursekit._validate import CourseKitDataNote

END = "2025-12-31"


def quiet(func, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)
        return func(*args, **kwargs)


@pytest.fixture
def tx():
    """Six customers, computed by hand below (observation end 2025-12-31)."""
    rows = [
        # customer, date, amount, order
        ("C1", "2025-12-31", 100.0, "O1"),  # two lines on the last day, two orders
        ("C1", "2025-12-31", 50.0, "O2"),
        ("C1", "2025-11-30", 200.0, "O3"),
        ("C2", "2025-12-01", 300.0, "O4"),
        ("C2", "2025-12-10", -100.0, "R1"),  # a return after the last purchase
        ("C3", "2025-01-01", 80.0, "O5"),  # one order with two lines
        ("C3", "2025-01-01", 20.0, "O5"),
        ("C4", "2025-06-01", 60.0, "O6"),  # everything returned -> excluded
        ("C4", "2025-06-15", -60.0, "R2"),
        ("C5", "2025-12-31 23:30", 40.0, "O7"),  # a time of day on the end date
        ("C5", "2025-10-31 10:00", 20.0, "O8"),
        ("C6", "2025-07-01", 500.0, "O9"),  # an order cancelled the same day
        ("C6", "2025-07-01", -500.0, "R3"),
        ("C6", "2025-08-01", 120.0, "O10"),
    ]
    return pd.DataFrame(rows, columns=["customer_id", "date", "amount", "order_id"])


# --------------------------------------------------------------------------- rfm_table
def test_rfm_table_hand_case(tx):
    with pytest.warns(CourseKitDataNote) as rec:
        table = rfm.rfm_table(tx, end=END)
    expected = pd.DataFrame(
        {
            "recency": [0, 30, 364, 0, 152],
            "frequency": [2, 1, 1, 2, 2],  # distinct purchase days
            "monetary": [350.0, 200.0, 100.0, 60.0, 120.0],
        },
        index=pd.Index(["C1", "C2", "C3", "C5", "C6"], name="customer_id"),
    )
    pd.testing.assert_frame_equal(table, expected)
    assert table["recency"].dtype == "int64" and table["frequency"].dtype == "int64"
    notes = table.attrs["notes"]
    assert notes[0].startswith("3 return/cancellation line(s)") and "3 customer(s)" in notes[0]
    assert "-660.00" in notes[0]
    assert notes[1].startswith("1 customer(s) excluded") and "'C4'" in notes[1]
    assert [str(w.message) for w in rec] == notes


def test_rfm_table_order_col_counts_orders(tx):
    table = quiet(rfm.rfm_table, tx, END, order_col="order_id")
    # C1: 3 orders (two on one day); C3: one order with two lines; returns are not orders
    assert table["frequency"].to_dict() == {"C1": 3, "C2": 1, "C3": 1, "C5": 2, "C6": 2}
    assert table["monetary"].to_dict() == {"C1": 350.0, "C2": 200.0, "C3": 100.0, "C5": 60.0, "C6": 120.0}


def test_rfm_table_custom_columns_and_timestamp_end(tx):
    renamed = tx.rename(columns={"customer_id": "cid", "date": "day", "amount": "value"})
    renamed["day"] = pd.to_datetime(renamed["day"], format="mixed")
    table = quiet(
        rfm.rfm_table, renamed, pd.Timestamp(END), customer_col="cid", date_col="day", amount_col="value"
    )
    assert table.index.name == "cid"
    assert table.loc["C2", "recency"] == 30


def test_rfm_table_no_returns_gives_no_note():
    clean = pd.DataFrame({"customer_id": [1, 2], "date": ["2025-12-01", "2025-12-30"], "amount": [10, 20]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = rfm.rfm_table(clean, end=END)
    assert table.attrs.get("notes", []) == []
    assert table["recency"].tolist() == [30, 1]


def test_rfm_table_zero_lines_reported():
    df = pd.DataFrame({"customer_id": [1, 1], "date": ["2025-12-01", "2025-12-30"], "amount": [10.0, 0.0]})
    with pytest.warns(CourseKitDataNote, match="1 zero-amount line"):
        table = rfm.rfm_table(df, end=END)
    assert table.loc[1, "recency"] == 30 and table.loc[1, "frequency"] == 1


def test_rfm_table_customer_without_purchase_gets_its_own_note_and_a_plain_id():
    # Customer 2 has only a zero-amount line (as in CDNOW), customer 3 returned everything.
    df = pd.DataFrame({"customer_id": np.array([1, 2, 3, 3], dtype="int64"),
                       "date": ["2025-12-01", "2025-12-02", "2025-12-03", "2025-12-04"],
                       "amount": [10.0, 0.0, 5.0, -5.0]})
    with pytest.warns(CourseKitDataNote):
        table = rfm.rfm_table(df, end=END)
    assert table.index.tolist() == [1]
    notes = table.attrs["notes"]
    assert "1 customer(s) excluded: net monetary ≤ 0 after returns (everything returned), e.g. 3" in notes
    assert ("1 customer(s) excluded: no purchase with a positive amount "
            "(only zero-amount or negative lines), e.g. 2") in notes
    assert not any("np.int64" in n for n in notes)


def _bad(tx, **changes):
    df = tx.copy()
    for col, (row, value) in changes.items():
        df[col] = df[col].astype(object)
        df.loc[row, col] = value
    return df


@pytest.mark.parametrize(
    "make, kwargs, error, fragment",
    [
        (lambda t: t.to_dict("list"), {}, TypeError, "must be a pandas DataFrame"),
        (lambda t: t.iloc[0:0], {}, ValueError, "is empty"),
        (lambda t: t.drop(columns="amount"), {}, ValueError, "missing column 'amount'"),
        (lambda t: t.drop(columns="date"), {}, ValueError, "missing column 'date'"),
        (lambda t: t.drop(columns="customer_id"), {}, ValueError, "missing column 'customer_id'"),
        (lambda t: t, {"order_col": "order_no"}, ValueError, "missing column 'order_no'"),
        (lambda t: _bad(t, amount=(2, "abc")), {}, TypeError, "column 'amount' must be numeric"),
        (lambda t: _bad(t, amount=(2, np.nan)), {}, ValueError, "column 'amount' has 1 missing"),
        (lambda t: _bad(t, date=(3, "not a date")), {}, ValueError, "column 'date' has 1 value(s) that are not dates"),
        (lambda t: _bad(t, date=(3, "2026-01-01")), {}, ValueError, "column 'date' has 1 date(s) after the observation end"),
        (lambda t: _bad(t, date=(3, None)), {}, ValueError, "column 'date' has 1 missing"),
        (lambda t: _bad(t, customer_id=(1, np.nan)), {}, ValueError, "column 'customer_id' has 1 missing"),
        (lambda t: _bad(t, order_id=(1, None)), {"order_col": "order_id"}, ValueError, "column 'order_id' has 1 missing"),
        (lambda t: t.assign(date=20250101), {}, TypeError, "column 'date' must hold dates"),
    ],
)
def test_rfm_table_bad_input(tx, make, kwargs, error, fragment):
    with pytest.raises(error) as info:
        quiet(rfm.rfm_table, make(tx), END, **kwargs)
    assert fragment in str(info.value)


@pytest.mark.parametrize(
    "end, error, fragment",
    [(None, TypeError, "end is required"), ("31/31/2025", ValueError, "end could not be read"),
     (20251231, TypeError, "end must be a date")],
)
def test_rfm_table_end_is_required_and_checked(tx, end, error, fragment):
    with pytest.raises(error, match=fragment):
        quiet(rfm.rfm_table, tx, end)
    with pytest.raises(TypeError):
        rfm.rfm_table(tx)  # no default "today"


def test_rfm_table_end_before_a_purchase_names_the_column(tx):
    with pytest.raises(ValueError, match="column 'date' has 3 date"):
        quiet(rfm.rfm_table, tx, "2025-12-30")


# --------------------------------------------------------------------------- rfm_scores
def _heavy_ties(n=103, seed=7):
    rng = np.random.default_rng(seed)
    freq = rng.choice([1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 7], size=n)
    return pd.DataFrame(
        {
            "recency": rng.integers(0, 60, size=n) * 10,  # many ties too
            "frequency": freq,
            "monetary": np.round(rng.gamma(2.0, 300.0, size=n) * freq, 2),
        },
        index=pd.Index([f"K{i:04d}" for i in range(n)], name="customer_id"),
    )


@pytest.mark.parametrize("bins", [2, 3, 4, 5, 7, 10])
def test_scores_equal_sized_groups_with_heavy_ties(bins):
    table = _heavy_ties()
    assert (table["frequency"] == 1).mean() > 0.5
    scores = rfm.rfm_scores(table, bins=bins)
    for col in ("R", "F", "M"):
        counts = scores[col].value_counts().reindex(range(1, bins + 1), fill_value=0)
        assert counts.max() - counts.min() <= 1, (col, counts.to_dict())
        assert counts.sum() == len(table)
    assert scores.attrs["rfm_bins"] == bins


def test_scores_direction_r_is_reversed():
    table = _heavy_ties()
    scores = rfm.rfm_scores(table)
    assert scores.loc[table["recency"].idxmin(), "R"] == 5
    assert scores.loc[table["recency"].idxmax(), "R"] == 1
    assert scores.loc[table["frequency"].idxmax(), "F"] == 5
    assert scores.loc[table["monetary"].idxmax(), "M"] == 5
    assert scores.loc[table["monetary"].idxmin(), "M"] == 1
    # monotone: a strictly better raw value never gets a lower score (ties may straddle a boundary)
    for raw, score, better_first in (("recency", "R", True), ("frequency", "F", False), ("monetary", "M", False)):
        span = scores.groupby(raw)[score].agg(["min", "max"]).sort_index(ascending=not better_first)
        # worst value first: each group's max <= the next (better) group's min
        assert (span["max"].to_numpy()[:-1] <= span["min"].to_numpy()[1:]).all(), raw


def test_scores_hand_case_and_tie_rule():
    table = pd.DataFrame(
        {"recency": [1, 2, 3, 4, 5], "frequency": [1, 1, 1, 1, 1], "monetary": [10.0, 20, 30, 40, 50]},
        index=pd.Index(list("EDCBA"), name="customer_id"),
    )
    s = rfm.rfm_scores(table, bins=5)
    assert s["R"].tolist() == [5, 4, 3, 2, 1]
    # all frequencies tied: order of appearance decides, first listed = lowest score
    assert s["F"].tolist() == [1, 2, 3, 4, 5]
    assert s["M"].tolist() == [1, 2, 3, 4, 5]
    assert s["RFM"].tolist() == ["511", "422", "333", "244", "155"]
    assert s["RFM_sum"].tolist() == [7, 8, 9, 10, 11]
    assert s.loc["E", "RFM"] == "511"


def test_scores_keep_table_columns_notes_and_ten_bins_code():
    table = _heavy_ties(n=30)
    table.attrs["notes"] = ["x"]
    s = rfm.rfm_scores(table, bins=10)
    assert list(s.columns[:3]) == ["recency", "frequency", "monetary"]
    assert s.attrs["notes"] == ["x"]
    assert s["RFM"].str.fullmatch(r"\d{1,2}-\d{1,2}-\d{1,2}").all()


@pytest.mark.parametrize("bins, error", [(1, ValueError), (11, ValueError), (0, ValueError),
                                         (2.5, TypeError), ("5", TypeError), (True, TypeError)])
def test_scores_bins_checked(bins, error):
    with pytest.raises(error, match="bins"):
        rfm.rfm_scores(_heavy_ties(n=10), bins=bins)


def test_scores_bad_table():
    with pytest.raises(TypeError, match="table must be a pandas DataFrame"):
        rfm.rfm_scores([1, 2])
    with pytest.raises(ValueError, match="missing column 'monetary'"):
        rfm.rfm_scores(pd.DataFrame({"recency": [1], "frequency": [1]}))
    with pytest.raises(ValueError, match="column 'recency' must not be negative"):
        rfm.rfm_scores(pd.DataFrame({"recency": [-1], "frequency": [1], "monetary": [1.0]}))


# --------------------------------------------------------------------------- classic segments
def _classic_by_rules(r, f, m):
    """The rules exactly as written in the rfm_segments docstring, independent of the grid."""
    s = f + m
    rules = {
        "Champions": r == 5 and s >= 9,
        "Loyal Customers": r >= 3 and s >= 7 and not (r == 5 and s >= 9),
        "Potential Loyalist": r >= 4 and 3 <= s <= 6,
        "New Customers": r == 5 and s == 2,
        "Promising": r == 4 and s == 2,
        "Need Attention": r == 3 and 5 <= s <= 6,
        "About To Sleep": r == 3 and s <= 4,
        "At Risk": r <= 2 and s >= 5 and not (r == 1 and s >= 9),
        "Can't Lose Them": r == 1 and s >= 9,
        "Hibernating": r == 2 and 3 <= s <= 4,
        "Lost": (r == 1 and s <= 4) or (r == 2 and s == 2),
    }
    hits = [name for name, ok in rules.items() if ok]
    assert len(hits) == 1, (r, f, m, hits)
    return hits[0]


def test_classic_all_125_combinations_map_to_exactly_one_segment():
    combos = list(itertools.product(range(1, 6), repeat=3))
    scores = pd.DataFrame(combos, columns=["R", "F", "M"])
    seg = rfm.rfm_segments(scores, scheme="classic")
    expected = [_classic_by_rules(*c) for c in combos]
    assert seg["segment_en"].astype(str).tolist() == expected
    assert seg["segment_en"].notna().all()
    assert set(seg["segment_en"]) == {en for en, _ in rfm.CLASSIC_SEGMENTS.values()}
    assert len(set(seg["segment_en"])) == 11
    # grid view agrees: row ceil((F+M)/2), column R
    grid = rfm.classic_grid("en")
    for (r, f, m), name in zip(combos, expected):
        assert grid.loc[math.ceil((f + m) / 2), r] == name


@pytest.mark.parametrize(
    "code, name",
    [("555", "Champions"), ("545", "Champions"), ("554", "Champions"), ("455", "Loyal Customers"),
     ("544", "Loyal Customers"), ("155", "Can't Lose Them"), ("255", "At Risk"), ("111", "Lost"),
     ("211", "Lost"), ("222", "Hibernating"), ("311", "About To Sleep"), ("333", "Need Attention"),
     ("411", "Promising"), ("511", "New Customers"), ("533", "Potential Loyalist")],
)
def test_classic_spot_checks(code, name):
    r, f, m = (int(c) for c in code)
    seg = rfm.rfm_segments(pd.DataFrame({"R": [r], "F": [f], "M": [m]}))
    assert seg["segment_en"].iloc[0] == name


def test_classic_segment_columns_language_and_order():
    scores = pd.DataFrame({"R": [5, 1], "F": [5, 1], "M": [5, 1]}, index=["a", "b"])
    seg = rfm.rfm_segments(scores)
    assert seg["segment"].tolist() == ["Champions", "Lost"]
    assert seg["segment_zh"].tolist() == ["冠军客户", "流失客户"]
    assert seg["segment"].cat.ordered and list(seg["segment"].cat.categories)[0] == "Champions"
    assert seg.attrs["segment_scheme"] == "classic"
    try:
        i18n.use("zh")
        assert rfm.rfm_segments(scores)["segment"].tolist() == ["冠军客户", "流失客户"]
    finally:
        i18n.use("en")


def test_classic_refuses_other_bins_and_bad_scores():
    table = _heavy_ties(n=30)
    with pytest.raises(ValueError, match="bins=3"):
        rfm.rfm_segments(rfm.rfm_scores(table, bins=3))
    with pytest.raises(ValueError, match="column 'R' must hold whole scores from 1 to 5"):
        rfm.rfm_segments(pd.DataFrame({"R": [6], "F": [1], "M": [1]}))
    with pytest.raises(ValueError, match="missing column 'M'"):
        rfm.rfm_segments(pd.DataFrame({"R": [1], "F": [1]}))
    with pytest.raises(ValueError, match="scheme must be one of"):
        rfm.rfm_segments(pd.DataFrame({"R": [1], "F": [1], "M": [1]}), scheme="rfm11")


# --------------------------------------------------------------------------- cn8
def test_cn8_hand_case_recent_big_spender_is_important_value():
    # means: recency 100, frequency 3, monetary 490 (hand-checked below)
    t = pd.DataFrame(
        {
            "recency": [5, 200, 60, 30, 150, 10, 100, 100, 20, 325],
            "frequency": [4, 6, 3, 1, 1, 5, 5, 2, 1, 2],
            "monetary": [1500.0, 900.0, 490.0, 600.0, 800.0, 100.0, 200.0, 210.0, 50.0, 50.0],
        },
        index=pd.Index(list("ABCDEFGHIJ"), name="customer_id"),
    )
    assert t.mean().to_dict() == {"recency": 100.0, "frequency": 3.0, "monetary": 490.0}
    seg = rfm.rfm_segments(t, scheme="cn8")
    expected = {
        "A": "重要价值客户",  # most recent, frequent, biggest spender
        "B": "重要保持客户",  # frequent big spender, but long ago (must NOT be 重要价值)
        "C": "一般发展客户",  # recent; F and M exactly at the means -> low
        "D": "重要发展客户",  # recent big spender, one order
        "E": "重要挽留客户",  # long ago, one order, big spend
        "F": "一般价值客户",  # recent, frequent, small spend
        "G": "一般保持客户",  # recency exactly at the mean -> R low; frequent; small spend
        "H": "一般挽留客户",  # recency at the mean -> low
        "I": "一般发展客户",
        "J": "一般挽留客户",  # oldest
    }
    assert seg["segment_zh"].astype(str).to_dict() == expected
    assert not seg.loc["G", "R_high"] and not seg.loc["C", "F_high"] and not seg.loc["C", "M_high"]
    assert seg.loc["A", "segment_en"] == "Important value"
    assert seg.loc["J", "segment_en"] == "General win-back"
    assert seg.attrs["cn8_means"] == {"recency": 100.0, "frequency": 3.0, "monetary": 490.0}
    # all eight classes occur in this table
    assert set(seg["segment_zh"].astype(str)) == {zh for _, zh in rfm.CN8_SEGMENTS.values()}


def test_cn8_at_the_mean_is_low_for_f_and_m():
    t = pd.DataFrame({"recency": [10, 30], "frequency": [2, 2], "monetary": [100.0, 100.0]})
    seg = rfm.rfm_segments(t, scheme="cn8")
    assert seg["F_high"].tolist() == [False, False]
    assert seg["M_high"].tolist() == [False, False]
    assert seg["R_high"].tolist() == [True, False]
    assert seg["segment_zh"].tolist() == ["一般发展客户", "一般挽留客户"]


def test_cn8_mapping_on_random_table_matches_the_mean_rule():
    table = _heavy_ties(n=200, seed=3)
    seg = rfm.rfm_segments(rfm.rfm_scores(table), scheme="cn8")
    mapping = {
        (True, True, True): "重要价值客户", (True, False, True): "重要发展客户",
        (False, True, True): "重要保持客户", (False, False, True): "重要挽留客户",
        (True, True, False): "一般价值客户", (True, False, False): "一般发展客户",
        (False, True, False): "一般保持客户", (False, False, False): "一般挽留客户",
    }
    r = table["recency"] < table["recency"].mean()
    f = table["frequency"] > table["frequency"].mean()
    m = table["monetary"] > table["monetary"].mean()
    expected = [mapping[k] for k in zip(r, f, m)]
    assert seg["segment_zh"].astype(str).tolist() == expected
    assert list(seg["segment_zh"].cat.categories) == [zh for _, zh in rfm.CN8_SEGMENTS.values()]


def test_cn8_needs_raw_columns():
    with pytest.raises(ValueError, match="missing column 'recency'"):
        rfm.rfm_segments(pd.DataFrame({"R": [1], "F": [1], "M": [1]}), scheme="cn8")


# --------------------------------------------------------------------------- summary, levels
@pytest.fixture
def pipeline():
    rng = np.random.default_rng(2025)
    n_lines = 3000
    days = pd.date_range("2024-01-01", END, freq="D")
    tx = pd.DataFrame(
        {
            "customer_id": rng.integers(1, 301, size=n_lines),
            "date": rng.choice(days, size=n_lines),
            "amount": np.round(rng.gamma(2.0, 250.0, size=n_lines), 2),
        }
    )
    returns = tx.sample(60, random_state=1).assign(amount=lambda d: -d["amount"] / 2)
    tx = pd.concat([tx, returns], ignore_index=True)
    table = quiet(rfm.rfm_table, tx, END)
    scores = rfm.rfm_scores(table)
    return tx, table, scores


def test_pipeline_totals(pipeline):
    tx, table, scores = pipeline
    assert table["monetary"].sum() == pytest.approx(tx["amount"].sum())
    seg = rfm.rfm_segments(scores)
    summary = rfm.segment_summary(seg)
    assert summary["customers"].sum() == len(table)
    assert summary["customer_share"].sum() == pytest.approx(1.0)
    assert summary["revenue"].sum() == pytest.approx(table["monetary"].sum())
    assert summary["revenue_share"].sum() == pytest.approx(1.0)
    order = [en for en, _ in rfm.CLASSIC_SEGMENTS.values()]
    assert list(summary.index) == [s for s in order if s in set(summary.index)]
    for col in ("recency_mean", "frequency_mean", "monetary_mean", "R_mean", "F_mean", "M_mean", "action"):
        assert col in summary.columns
    champions = seg[seg["segment_en"] == "Champions"]
    if len(champions):
        assert summary.loc["Champions", "monetary_mean"] == pytest.approx(champions["monetary"].mean())
        assert summary.loc["Champions", "action"] == "Reward, ask for referrals, early access"
    assert (summary["action"] != "").all()


def test_summary_actions_cn8_in_both_languages(pipeline):
    _, table, _ = pipeline
    seg = rfm.rfm_segments(table, scheme="cn8")
    summary = rfm.segment_summary(seg, segment_col="segment_zh")
    assert summary.loc["重要挽留客户", "action"] == "Win back with a personal call and a targeted offer"
    try:
        i18n.use("zh")
        zh = rfm.segment_summary(rfm.rfm_segments(table, scheme="cn8"))
        assert zh.loc["重要挽留客户", "action"] == "专人电话回访并提供针对性优惠，挽回客户"
        assert "R_mean" not in zh.columns  # no scores in a raw table
    finally:
        i18n.use("en")


def test_summary_bad_input():
    with pytest.raises(ValueError, match="missing column 'segment'"):
        rfm.segment_summary(pd.DataFrame({"monetary": [1.0]}))
    with pytest.raises(TypeError, match="segmented must be a pandas DataFrame"):
        rfm.segment_summary(None)


def test_value_level_terciles_and_thresholds(pipeline):
    _, _, scores = pipeline
    levels = rfm.value_level(scores)
    low_max, medium_max = levels.attrs["value_thresholds"]
    assert (levels.loc[levels["RFM_sum"] > medium_max, "value_level_en"] == "High value").all()
    assert (levels.loc[levels["RFM_sum"] <= low_max, "value_level_en"] == "Low value").all()
    # equal RFM_sum -> equal level
    assert levels.groupby("RFM_sum")["value_level_en"].nunique().max() == 1
    shares = levels["value_level_en"].value_counts(normalize=True)
    assert shares.min() > 0.2  # roughly terciles
    fixed = rfm.value_level(scores, thresholds=(7, 11))
    expected = np.where(scores["RFM_sum"] >= 12, "High value",
                        np.where(scores["RFM_sum"] <= 7, "Low value", "Medium value"))
    assert fixed["value_level_en"].astype(str).tolist() == expected.tolist()
    summary = rfm.segment_summary(fixed, segment_col="value_level")
    assert list(summary.index) == [x for x in ["High value", "Medium value", "Low value"] if x in summary.index]
    assert summary["action"].str.len().gt(0).all()
    with pytest.raises(ValueError, match="medium_max"):
        rfm.value_level(scores, thresholds=(11, 7))
    with pytest.raises(ValueError, match="missing column 'RFM_sum'"):
        rfm.value_level(pd.DataFrame({"x": [1]}))


# --------------------------------------------------------------------------- charts
def test_charts_are_labelled_with_units(pipeline):
    _, _, scores = pipeline
    summary = rfm.segment_summary(rfm.rfm_segments(scores))
    ax = rfm.plot_segments(summary)
    assert ax.get_title() and ax.get_xlabel() == "Share (%)" and ax.get_ylabel()
    assert len(ax.get_yticklabels()) == len(summary)
    plt.close(ax.figure)
    ax = rfm.plot_rfm_heatmap(scores)
    assert "R" in ax.get_ylabel() and "F" in ax.get_xlabel() and ax.get_title()
    cbar_label = ax.collections[0].colorbar.ax.get_ylabel()
    assert "(CNY)" in cbar_label
    plt.close(ax.figure)
    fig, given = plt.subplots()
    assert rfm.plot_segments(summary, ax=given) is given
    plt.close(fig)
