"""Unit tests of coursekit.rfm: hand-computed cases, the bad-input matrix, scores, segments, charts."""

from __future__ import annotations

import ast
import inspect
import itertools
import math
import warnings
from pathlib import Path

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
            "frequency": [2, 1, 1, 2, 1],  # purchase days; C6's cancelled day is not a purchase
            "monetary": [350.0, 200.0, 100.0, 60.0, 120.0],
        },
        index=pd.Index(["C1", "C2", "C3", "C5", "C6"], name="customer_id"),
    )
    pd.testing.assert_frame_equal(table, expected)
    assert table["recency"].dtype == "int64" and table["frequency"].dtype == "int64"
    notes = table.attrs["notes"]
    assert notes == [
        "3 return line(s) (negative amount, total -660.00) netted into 3 purchase(s) "
        "(the customer's latest purchase on or before the return date)",
        "2 purchase(s) excluded: net amount <= 0 after returns (fully returned), e.g. 'C4' on 2025-06-01",
        "1 customer(s) left out: no purchase after returns, e.g. 'C4'",
    ]
    assert [str(w.message) for w in rec] == notes


def test_rfm_table_order_col_counts_orders(tx):
    with pytest.warns(CourseKitDataNote) as rec:
        table = rfm.rfm_table(tx, END, order_col="order_id")
    # C1: 3 orders (two on one day); C3: one order with two lines. The returns here carry
    # order ids of their own (R1..R3), not their sale's, so they cannot be netted: left out, said so.
    assert table["frequency"].to_dict() == {"C1": 3, "C2": 1, "C3": 1, "C4": 1, "C5": 2, "C6": 2}
    assert table["monetary"].to_dict() == {"C1": 350.0, "C2": 300.0, "C3": 100.0, "C4": 60.0, "C5": 60.0, "C6": 620.0}
    assert [str(w.message) for w in rec] == [
        "3 return line(s) (total -660.00) left out: no sale line of their order in the data to net them into"
    ]


def test_rfm_table_custom_columns_and_timestamp_end(tx):
    renamed = tx.rename(columns={"customer_id": "cid", "date": "day", "amount": "value"})
    renamed["day"] = pd.to_datetime(renamed["day"], format="mixed")
    table = quiet(rfm.rfm_table, renamed, pd.Timestamp(END), customer_col="cid", date_col="day", amount_col="value")
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
    with pytest.warns(CourseKitDataNote, match="1 purchase\\(s\\) with a total of 0 and no return kept"):
        table = rfm.rfm_table(df, end=END)
    assert table.loc[1, "recency"] == 1 and table.loc[1, "frequency"] == 2 and table.loc[1, "monetary"] == 10.0


def test_rfm_table_customer_without_purchase_gets_its_own_note_and_a_plain_id():
    # Customer 2 has only a zero-amount line (as in CDNOW), customer 3 returned everything.
    df = pd.DataFrame(
        {
            "customer_id": np.array([1, 2, 3, 3], dtype="int64"),
            "date": ["2025-12-01", "2025-12-02", "2025-12-03", "2025-12-04"],
            "amount": [10.0, 0.0, 5.0, -5.0],
        }
    )
    with pytest.warns(CourseKitDataNote):
        table = rfm.rfm_table(df, end=END)
    assert table.index.tolist() == [1, 2] and table.loc[2, "monetary"] == 0.0  # a purchase worth 0
    notes = table.attrs["notes"]
    assert "1 customer(s) left out: no purchase after returns, e.g. 3" in notes
    assert "1 purchase(s) excluded: net amount <= 0 after returns (fully returned), e.g. 3 on 2025-12-03" in notes
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
        (lambda t: _bad(t, date=(3, None)), {}, ValueError, "column 'date' has 1 missing"),
        (lambda t: _bad(t, customer_id=(1, np.nan)), {}, ValueError, "column 'customer_id' has 1 missing"),
        (
            lambda t: _bad(t, order_id=(1, None)),
            {"order_col": "order_id"},
            ValueError,
            "column 'order_id' has 1 missing",
        ),
        (lambda t: t.assign(date=20250101), {}, TypeError, "column 'date' must hold dates"),
    ],
)
def test_rfm_table_bad_input(tx, make, kwargs, error, fragment):
    with pytest.raises(error) as info:
        quiet(rfm.rfm_table, make(tx), END, **kwargs)
    assert fragment in str(info.value)


@pytest.mark.parametrize(
    "end, error, fragment",
    [
        (None, TypeError, "end is required"),
        ("31/31/2025", ValueError, "end could not be read"),
        (20251231, TypeError, "end must be a date"),
    ],
)
def test_rfm_table_end_is_required_and_checked(tx, end, error, fragment):
    with pytest.raises(error, match=fragment):
        quiet(rfm.rfm_table, tx, end)
    with pytest.raises(TypeError):
        rfm.rfm_table(tx)  # no default "today"


def test_rfm_table_leaves_out_lines_after_end_with_a_note(tx):
    with pytest.warns(CourseKitDataNote, match="3 line\\(s\\) dated after the end 2025-12-30 left out"):
        table = rfm.rfm_table(tx, "2025-12-30")
    # C1's two purchases of 31 Dec and C5's of 31 Dec 23:30 are after the end
    assert table.loc["C1", "frequency"] == 1 and table.loc["C1", "recency"] == 30
    assert table.loc["C5", "frequency"] == 1 and table.loc["C5", "recency"] == 60


def test_rfm_table_end_is_second_and_columns_keyword_only(tx):
    params = inspect.signature(rfm.rfm_table).parameters
    assert list(params)[:2] == ["transactions", "end"]
    for name in ("customer_col", "date_col", "amount_col", "order_col"):
        assert params[name].kind is inspect.Parameter.KEYWORD_ONLY, name
    with pytest.raises(TypeError):
        rfm.rfm_table(tx, END, "customer_id")  # a column name given by position


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


def _by_counting(values, bins, *, larger_is_better):
    """The rule written out without pandas: rank - 1 = number of strictly worse customers."""
    values = list(values)
    n = len(values)
    if larger_is_better:
        worse = [sum(y < x for y in values) for x in values]
    else:
        worse = [sum(y > x for y in values) for x in values]
    return [1 + (bins * w) // n for w in worse]


def test_scores_hand_case_frequencies_1_1_1_2_5():
    # min ranks 1, 1, 1, 4, 5 of n = 5; score = 1 + floor(bins * (rank - 1) / 5)
    table = pd.DataFrame(
        {"recency": [0, 0, 10, 30, 30], "frequency": [1, 1, 1, 2, 5], "monetary": [5.0, 1.0, 4.0, 2.0, 3.0]},
        index=pd.Index(list("VWXYZ"), name="customer_id"),
    )
    assert rfm.rfm_scores(table, bins=5)["F"].tolist() == [1, 1, 1, 4, 5]  # 1+0, 1+0, 1+0, 1+15//5, 1+20//5
    assert rfm.rfm_scores(table, bins=3)["F"].tolist() == [1, 1, 1, 2, 3]  # 1+9//5, 1+12//5
    assert rfm.rfm_scores(table, bins=2)["F"].tolist() == [1, 1, 1, 2, 2]  # 1+6//5, 1+8//5
    # R: recency ranked descending; 30, 30 share rank 1 -> R 1; 10 rank 3 -> 1 + 10//5 = 3;
    # 0, 0 share rank 4 -> 1 + 15//5 = 4: a tied best value does not reach 5.
    s = rfm.rfm_scores(table, bins=5)
    assert s["R"].tolist() == [4, 4, 3, 1, 1]
    assert s["M"].tolist() == [5, 1, 4, 2, 3]  # no ties: one customer per score
    assert s["RFM"].tolist() == ["415", "411", "314", "142", "153"]
    assert s["RFM_sum"].tolist() == [10, 6, 8, 7, 9]


def test_scores_equal_customers_get_equal_scores_all_tied():
    # Before issue 6 the five tied frequencies got F = 1, 2, 3, 4, 5 by order in the table.
    table = pd.DataFrame(
        {"recency": [1, 2, 3, 4, 5], "frequency": [1, 1, 1, 1, 1], "monetary": [10.0, 20, 30, 40, 50]},
        index=pd.Index(list("EDCBA"), name="customer_id"),
    )
    s = rfm.rfm_scores(table, bins=5)
    assert s["R"].tolist() == [5, 4, 3, 2, 1]
    assert s["F"].tolist() == [1, 1, 1, 1, 1]
    assert s["M"].tolist() == [1, 2, 3, 4, 5]
    assert s["RFM"].tolist() == ["511", "412", "313", "214", "115"]
    assert s["RFM_sum"].tolist() == [7, 7, 7, 7, 7]
    # row order does not matter any more
    shuffled = rfm.rfm_scores(table.iloc[[3, 0, 4, 2, 1]], bins=5)
    pd.testing.assert_frame_equal(shuffled.loc[s.index], s)


def test_scores_docstring_example_b_and_c_bought_once_get_equal_f():
    # The module example of issue 6: A bought twice, B and C once (bins = 3).
    table = pd.DataFrame(
        {"recency": [11, 31, 184], "frequency": [2, 1, 1], "monetary": [150.0, 400.0, 20.0]},
        index=pd.Index(list("ABC"), name="customer_id"),
    )
    s = rfm.rfm_scores(table, bins=3)
    assert s["F"].tolist() == [3, 1, 1]  # min ranks 3, 1, 1 -> 1 + 3*2//3, 1, 1 (old rule: 3, 1, 2)
    assert s["RFM"].tolist() == ["332", "213", "111"]


@pytest.mark.parametrize("bins", [2, 3, 4, 5, 7, 10])
def test_scores_follow_the_rule_with_heavy_ties(bins):
    table = _heavy_ties()
    assert (table["frequency"] == 1).mean() > 0.5
    scores = rfm.rfm_scores(table, bins=bins)
    assert scores["R"].tolist() == _by_counting(table["recency"], bins, larger_is_better=False)
    assert scores["F"].tolist() == _by_counting(table["frequency"], bins, larger_is_better=True)
    assert scores["M"].tolist() == _by_counting(table["monetary"], bins, larger_is_better=True)
    for raw, col in (("recency", "R"), ("frequency", "F"), ("monetary", "M")):
        assert scores.groupby(raw)[col].nunique().max() == 1, col  # equal values, equal scores
        assert scores[col].between(1, bins).all()
    # the single buyers (more than half) all share F = 1
    assert (scores.loc[table["frequency"] == 1, "F"] == 1).all()
    # no ties in monetary: groups as equal as possible
    assert table["monetary"].is_unique
    counts = scores["M"].value_counts().reindex(range(1, bins + 1), fill_value=0)
    assert counts.max() - counts.min() <= 1
    assert not scores.attrs  # nothing kept in attrs


def test_scores_monotone_lowest_is_one_unique_best_is_bins():
    table = _heavy_ties(n=250, seed=4)
    scores = rfm.rfm_scores(table)
    for raw, col, larger_is_better in (("recency", "R", False), ("frequency", "F", True), ("monetary", "M", True)):
        order = scores.sort_values(raw, ascending=larger_is_better, kind="stable")
        assert order[col].is_monotonic_increasing, col  # never lower for a better value
    assert (scores.loc[table["recency"] == table["recency"].max(), "R"] == 1).all()
    assert (scores.loc[table["frequency"] == 1, "F"] == 1).all()
    assert scores.loc[table["monetary"].idxmin(), "M"] == 1
    assert scores.loc[table["monetary"].idxmax(), "M"] == 5  # unique best value
    top_f = table["frequency"] == table["frequency"].max()
    assert (scores.loc[top_f, "F"] == 5).all()  # 7 orders: tied, but all within the top fifth


def test_scores_tie_on_a_boundary_stays_in_the_lower_score():
    # Half bought once, as in CDNOW: 50 x 1, 20 x 2, 15 x 3, 10 x 4, 5 x 6 (n = 100, bins = 5).
    freq = [1] * 50 + [2] * 20 + [3] * 15 + [4] * 10 + [6] * 5
    table = pd.DataFrame(
        {"recency": np.arange(100), "frequency": freq, "monetary": np.arange(100) + 1.0},
        index=pd.Index([f"C{i:03d}" for i in range(100)], name="customer_id"),
    )
    scores = rfm.rfm_scores(table)
    # min ranks 1, 51, 71, 86, 96 -> 1 + 0, 1 + 250//100, 1 + 350//100, 1 + 425//100, 1 + 475//100
    assert scores.groupby("frequency")["F"].first().to_dict() == {1: 1, 2: 3, 3: 4, 4: 5, 6: 5}
    assert scores["F"].value_counts().reindex(range(1, 6), fill_value=0).tolist() == [50, 0, 20, 15, 15]
    cuts = rfm.rfm_cut_points(table)
    assert cuts["F"].tolist() == [1, pd.NA, 2, 3, 4]
    assert cuts["F"].dtype == "Int64" and cuts.index.name == "score"
    # R: recency 0 ... 99 without ties; R = 1 holds the oldest 20, starting at recency 99
    assert cuts["R"].tolist() == [99, 79, 59, 39, 19]
    assert cuts["M"].tolist() == [1.0, 21.0, 41.0, 61.0, 81.0]


def test_cut_points_agree_with_scores():
    table = _heavy_ties(n=200, seed=9)
    for bins in (3, 5, 10):
        scores = rfm.rfm_scores(table, bins=bins)
        cuts = rfm.rfm_cut_points(table, bins=bins)
        assert list(cuts.columns) == ["R", "F", "M"] and cuts.index.tolist() == list(range(1, bins + 1))
        for raw, col in (("recency", "R"), ("frequency", "F"), ("monetary", "M")):
            for score, start in cuts[col].items():
                members = scores.loc[scores[col] == score, raw]
                if pd.isna(start):
                    assert members.empty
                elif col == "R":
                    assert members.max() == start
                else:
                    assert members.min() == start


def test_scores_keep_table_columns_notes_and_ten_bins_code():
    table = _heavy_ties(n=30)
    table.attrs["notes"] = ["x"]
    s = rfm.rfm_scores(table, bins=10)
    assert list(s.columns[:3]) == ["recency", "frequency", "monetary"]
    assert s.attrs == {"notes": ["x"]}  # the data notes travel on; nothing else is added
    assert s["RFM"].str.fullmatch(r"\d{1,2}-\d{1,2}-\d{1,2}").all()


@pytest.mark.parametrize(
    "bins, error",
    [(1, ValueError), (11, ValueError), (0, ValueError), (2.5, TypeError), ("5", TypeError), (True, TypeError)],
)
def test_scores_bins_checked(bins, error):
    with pytest.raises(error, match="bins"):
        rfm.rfm_scores(_heavy_ties(n=10), bins=bins)
    with pytest.raises(error, match="bins"):
        rfm.rfm_cut_points(_heavy_ties(n=10), bins=bins)


def test_scores_bad_table():
    with pytest.raises(TypeError, match="table must be a pandas DataFrame"):
        rfm.rfm_scores([1, 2])
    with pytest.raises(ValueError, match="missing column 'monetary'"):
        rfm.rfm_scores(pd.DataFrame({"recency": [1], "frequency": [1]}))
    with pytest.raises(ValueError, match="column 'recency' must not be negative"):
        rfm.rfm_scores(pd.DataFrame({"recency": [-1], "frequency": [1], "monetary": [1.0]}))
    with pytest.raises(ValueError, match="missing column 'frequency'"):
        rfm.rfm_cut_points(pd.DataFrame({"recency": [1], "monetary": [1.0]}))


# --------------------------------------------------------------------------- classic segments
def _classic_by_rules(r, f, m):
    """The rules exactly as written in the rfm_segments docstring, independent of the grid."""
    s = f + m
    rules = {
        "champions": r == 5 and s >= 9,
        "loyal": r >= 3 and s >= 7 and not (r == 5 and s >= 9),
        "potential_loyalist": r >= 4 and 3 <= s <= 6,
        "new_customers": r == 5 and s == 2,
        "promising": r == 4 and s == 2,
        "need_attention": r == 3 and 5 <= s <= 6,
        "about_to_sleep": r == 3 and s <= 4,
        "at_risk": r <= 2 and s >= 5 and not (r == 1 and s >= 9),
        "cant_lose": r == 1 and s >= 9,
        "hibernating": r == 2 and 3 <= s <= 4,
        "lost": (r == 1 and s <= 4) or (r == 2 and s == 2),
    }
    hits = [key for key, ok in rules.items() if ok]
    assert len(hits) == 1, (r, f, m, hits)
    return hits[0]


def test_classic_all_125_combinations_map_to_exactly_one_segment():
    combos = list(itertools.product(range(1, 6), repeat=3))
    scores = pd.DataFrame(combos, columns=["R", "F", "M"])
    seg = rfm.rfm_segments(scores, scheme="classic", bins=5)
    expected = [_classic_by_rules(*c) for c in combos]
    assert seg["segment"].astype(str).tolist() == expected
    assert seg["segment"].notna().all()
    assert set(seg["segment"]) == set(rfm.CLASSIC_SEGMENTS)
    # grid view agrees: row ceil((F+M)/2), column R, names in English
    grid = rfm.classic_grid("en")
    for (r, f, m), key in zip(combos, expected):
        assert grid.loc[math.ceil((f + m) / 2), r] == rfm.CLASSIC_SEGMENTS[key]


@pytest.mark.parametrize(
    "code, key",
    [
        ("555", "champions"),
        ("545", "champions"),
        ("554", "champions"),
        ("455", "loyal"),
        ("544", "loyal"),
        ("155", "cant_lose"),
        ("255", "at_risk"),
        ("111", "lost"),
        ("211", "lost"),
        ("222", "hibernating"),
        ("311", "about_to_sleep"),
        ("333", "need_attention"),
        ("411", "promising"),
        ("511", "new_customers"),
        ("533", "potential_loyalist"),
    ],
)
def test_classic_spot_checks(code, key):
    r, f, m = (int(c) for c in code)
    seg = rfm.rfm_segments(pd.DataFrame({"R": [r], "F": [f], "M": [m]}))
    assert seg["segment"].iloc[0] == key


def test_classic_segment_keys_are_ordered_and_the_same_in_both_languages():
    scores = pd.DataFrame({"R": [5, 1], "F": [5, 1], "M": [5, 1]}, index=["a", "b"])
    seg = rfm.rfm_segments(scores)
    assert seg["segment"].tolist() == ["champions", "lost"]
    assert seg["segment"].cat.ordered
    assert list(seg["segment"].cat.categories) == list(rfm.CLASSIC_SEGMENTS)
    assert not {"segment_en", "segment_zh"} & set(seg.columns)
    assert not seg.attrs
    try:
        i18n.use("zh")
        zh = rfm.rfm_segments(scores)
        names = rfm.display_names(zh["segment"]).tolist()
    finally:
        i18n.use("en")
    pd.testing.assert_frame_equal(zh, seg)
    assert names == ["核心客户", "冷却客户"]


def test_classic_refuses_other_bins_and_bad_scores():
    table = _heavy_ties(n=30)
    # scores of bins=3 lie inside 1-5 too; without attrs the raw columns give them away
    with pytest.raises(ValueError, match=r"rfm_scores\(table, bins=3\)"):
        rfm.rfm_segments(rfm.rfm_scores(table, bins=3))
    with pytest.raises(ValueError, match="defined on scores from 1 to 5, got bins=3"):
        rfm.rfm_segments(rfm.rfm_scores(table, bins=3), bins=3)
    with pytest.raises(ValueError, match="column 'R' must hold whole scores from 1 to 5"):
        rfm.rfm_segments(pd.DataFrame({"R": [6], "F": [1], "M": [1]}))
    with pytest.raises(ValueError, match="missing column 'M'"):
        rfm.rfm_segments(pd.DataFrame({"R": [1], "F": [1]}))
    with pytest.raises(ValueError, match="scheme must be one of"):
        rfm.rfm_segments(pd.DataFrame({"R": [1], "F": [1], "M": [1]}), scheme="rfm11")
    with pytest.raises(TypeError, match="bins"):
        rfm.rfm_segments(pd.DataFrame({"R": [1], "F": [1], "M": [1]}), bins="5")


def test_classic_works_without_attrs():
    # Before issue 6 the bins travelled in attrs["rfm_bins"]; clearing them changes nothing now.
    scores = rfm.rfm_scores(_heavy_ties(n=60))
    bare = scores.copy()
    bare.attrs = {}
    pd.testing.assert_series_equal(rfm.rfm_segments(bare)["segment"], rfm.rfm_segments(scores)["segment"])


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
        "A": "important_value",  # 重要价值客户: most recent, frequent, biggest spender
        "B": "important_retention",  # 重要保持客户: frequent big spender, but long ago (NOT important_value)
        "C": "general_development",  # recent; F and M exactly at the means -> low
        "D": "important_development",  # recent big spender, one order
        "E": "important_winback",  # long ago, one order, big spend
        "F": "general_value",  # recent, frequent, small spend
        "G": "general_retention",  # recency exactly at the mean -> R low; frequent; small spend
        "H": "general_winback",  # recency at the mean -> low
        "I": "general_development",
        "J": "general_winback",  # oldest
    }
    assert seg["segment"].astype(str).to_dict() == expected
    assert not seg.loc["G", "R_high"] and not seg.loc["C", "F_high"] and not seg.loc["C", "M_high"]
    assert rfm.display_names(seg["segment"])["A"] == "Important value"
    assert rfm.display_names(seg["segment"])["J"] == "General win-back"
    assert rfm.cn8_means(t).to_dict() == {"recency": 100.0, "frequency": 3.0, "monetary": 490.0}
    assert not seg.attrs
    # all eight classes occur in this table
    assert set(seg["segment"]) == set(rfm.CN8_SEGMENTS)


def test_cn8_at_the_mean_is_low_for_f_and_m():
    t = pd.DataFrame({"recency": [10, 30], "frequency": [2, 2], "monetary": [100.0, 100.0]})
    seg = rfm.rfm_segments(t, scheme="cn8")
    assert seg["F_high"].tolist() == [False, False]
    assert seg["M_high"].tolist() == [False, False]
    assert seg["R_high"].tolist() == [True, False]  # "high" R = recency BELOW the mean (20)
    assert seg["segment"].tolist() == ["general_development", "general_winback"]


def test_cn8_mapping_on_random_table_matches_the_mean_rule():
    table = _heavy_ties(n=200, seed=3)
    seg = rfm.rfm_segments(rfm.rfm_scores(table), scheme="cn8")
    mapping = {
        (True, True, True): "important_value",
        (True, False, True): "important_development",
        (False, True, True): "important_retention",
        (False, False, True): "important_winback",
        (True, True, False): "general_value",
        (True, False, False): "general_development",
        (False, True, False): "general_retention",
        (False, False, False): "general_winback",
    }
    r = table["recency"] < table["recency"].mean()
    f = table["frequency"] > table["frequency"].mean()
    m = table["monetary"] > table["monetary"].mean()
    expected = [mapping[k] for k in zip(r, f, m)]
    assert seg["segment"].astype(str).tolist() == expected
    assert list(seg["segment"].cat.categories) == list(rfm.CN8_SEGMENTS)
    assert seg["segment"].cat.ordered


def test_cn8_needs_raw_columns():
    with pytest.raises(ValueError, match="missing column 'recency'"):
        rfm.rfm_segments(pd.DataFrame({"R": [1], "F": [1], "M": [1]}), scheme="cn8")
    with pytest.raises(ValueError, match="missing column 'monetary'"):
        rfm.cn8_means(pd.DataFrame({"recency": [1], "frequency": [1]}))


# --------------------------------------------------------------------------- keys and names
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


def test_results_hold_the_same_keys_in_both_languages(pipeline):
    _, table, scores = pipeline

    def run():
        return [
            rfm.rfm_segments(scores)["segment"],
            rfm.rfm_segments(table, scheme="cn8")["segment"],
            rfm.value_level(scores)["value_level"],
        ]

    english = run()
    try:
        i18n.use("zh")
        chinese = run()
    finally:
        i18n.use("en")
    for en, zh, names in zip(english, chinese, (rfm.CLASSIC_SEGMENTS, rfm.CN8_SEGMENTS, rfm.VALUE_LEVELS)):
        pd.testing.assert_series_equal(en, zh)
        assert en.cat.ordered and list(en.cat.categories) == list(names)


def test_display_names_keep_order_and_follow_the_language():
    keys = pd.Series(pd.Categorical(["lost", "champions"], categories=list(rfm.CLASSIC_SEGMENTS), ordered=True))
    en = rfm.display_names(keys)
    assert en.tolist() == ["Gone Cold", "Champions"]
    assert en.cat.ordered and list(en.cat.categories) == list(rfm.CLASSIC_SEGMENTS.values())
    try:
        i18n.use("zh")
        assert rfm.display_names(keys).tolist() == ["冷却客户", "核心客户"]
        assert rfm.display_names("medium") == "中价值客户"
    finally:
        i18n.use("en")
    assert rfm.display_names(pd.Index(["high", "my own"])).tolist() == ["High value", "my own"]
    assert rfm.display_names("important_winback") == "Important win-back"
    with pytest.raises(TypeError, match="display takes a key, a Series, an Index or a DataFrame"):
        rfm.display_names(["champions"])


# --------------------------------------------------------------------------- summary, levels
def test_pipeline_totals(pipeline):
    tx, table, scores = pipeline
    assert table["monetary"].sum() == pytest.approx(tx["amount"].sum())
    seg = rfm.rfm_segments(scores)
    summary = rfm.segment_summary(seg)
    assert summary["customers"].sum() == len(table)
    assert summary["customer_share"].sum() == pytest.approx(1.0)
    assert summary["revenue"].sum() == pytest.approx(table["monetary"].sum())
    assert summary["revenue_share"].sum() == pytest.approx(1.0)
    # indexed by key, in scheme order; coursekit.display shows names
    order = list(rfm.CLASSIC_SEGMENTS)
    assert list(summary.index) == [s for s in order if s in set(summary.index)]
    assert summary.index.name == "segment"
    shown = i18n.display(summary)
    for col in ("recency_mean", "frequency_mean", "monetary_mean", "R_mean", "F_mean", "M_mean", "action"):
        assert col in summary.columns
    champions = seg[seg["segment"] == "champions"]
    assert len(champions) > 0
    assert summary.loc["champions", "monetary_mean"] == pytest.approx(champions["monetary"].mean())
    assert shown.loc["Champions", "action"] == "Reward, ask for referrals, early access"
    assert summary["action"].notna().all()


def test_summary_names_and_actions_cn8_in_both_languages(pipeline):
    _, table, _ = pipeline
    seg = rfm.rfm_segments(table, scheme="cn8")
    summary = rfm.segment_summary(seg)
    assert i18n.display(summary).loc["Important win-back", "action"] == (
        "Win back with a personal call and a targeted offer"
    )
    try:
        i18n.use("zh")
        zh = rfm.segment_summary(seg)
        shown = i18n.display(zh)
        assert shown.loc["重要挽留客户", "action"] == "专人电话回访并提供针对性优惠，挽回客户"
        assert "R_mean" not in zh.columns  # no scores in a raw table
        names = i18n.names("rfm_cn8_class")
    finally:
        i18n.use("en")
    pd.testing.assert_frame_equal(zh, summary)  # the result does not depend on the language
    assert list(shown.index) == [names[k] for k in rfm.CN8_SEGMENTS if k in set(summary.index)]


def test_summary_of_custom_labels_sorted_by_revenue_without_action():
    seg = pd.DataFrame({"group": ["x", "y", "y"], "monetary": [1.0, 5.0, 5.0]})
    summary = rfm.segment_summary(seg, segment_col="group")
    assert list(summary.index) == ["y", "x"] and summary.index.name == "group"
    assert summary["action"].isna().all()  # no action for segments the kit does not know
    with pytest.raises(TypeError):
        rfm.segment_summary(seg, "group")  # column names are keyword-only


def test_summary_bad_input():
    with pytest.raises(ValueError, match="missing column 'segment'"):
        rfm.segment_summary(pd.DataFrame({"monetary": [1.0]}))
    with pytest.raises(TypeError, match="segmented must be a pandas DataFrame"):
        rfm.segment_summary(None)


def test_value_level_terciles_and_thresholds(pipeline):
    _, _, scores = pipeline
    levels = rfm.value_level(scores)
    low_max, medium_max = rfm.value_thresholds(scores)
    assert (low_max, medium_max) == (scores["RFM_sum"].quantile(1 / 3), scores["RFM_sum"].quantile(2 / 3))
    assert not levels.attrs.get("value_thresholds")
    assert (levels.loc[levels["RFM_sum"] > medium_max, "value_level"] == "high").all()
    assert (levels.loc[levels["RFM_sum"] <= low_max, "value_level"] == "low").all()
    assert list(levels["value_level"].cat.categories) == ["high", "medium", "low"]
    # equal RFM_sum -> equal level
    assert levels.groupby("RFM_sum")["value_level"].nunique().max() == 1
    shares = levels["value_level"].value_counts(normalize=True)
    assert shares.min() > 0.2  # roughly terciles
    fixed = rfm.value_level(scores, thresholds=(7, 11))
    expected = np.where(scores["RFM_sum"] >= 12, "high", np.where(scores["RFM_sum"] <= 7, "low", "medium"))
    assert fixed["value_level"].astype(str).tolist() == expected.tolist()
    summary = i18n.display(rfm.segment_summary(fixed, segment_col="value_level"))
    assert list(summary.index) == [x for x in ["High value", "Medium value", "Low value"] if x in summary.index]
    assert summary["action"].str.len().gt(0).all()
    with pytest.raises(ValueError, match="medium_max"):
        rfm.value_level(scores, thresholds=(11, 7))
    with pytest.raises(ValueError, match="missing column 'RFM_sum'"):
        rfm.value_level(pd.DataFrame({"x": [1]}))
    with pytest.raises(ValueError, match="missing column 'RFM_sum'"):
        rfm.value_thresholds(pd.DataFrame({"x": [1]}))


# --------------------------------------------------------------------------- charts and package layout
def test_charts_are_labelled_with_units_and_names(pipeline):
    _, _, scores = pipeline
    seg = rfm.rfm_segments(scores)
    summary = rfm.segment_summary(seg)
    ax = rfm.plot_segments(summary)
    assert ax.get_title() and ax.get_xlabel() == "Share (%)" and ax.get_ylabel()
    names = list(i18n.display(summary.index))
    assert [t.get_text() for t in ax.get_yticklabels()] == names
    plt.close(ax.figure)
    # a table indexed by keys is shown by name too
    by_key = seg.groupby("segment", observed=True).size().rename("customer_share").to_frame() / len(seg)
    by_key["revenue_share"] = by_key["customer_share"]
    ax = rfm.plot_segments(by_key)
    assert [t.get_text() for t in ax.get_yticklabels()] == names
    plt.close(ax.figure)
    ax = rfm.plot_rfm_heatmap(scores)
    assert "R" in ax.get_ylabel() and "F" in ax.get_xlabel() and ax.get_title()
    cbar_label = ax.collections[0].colorbar.ax.get_ylabel()
    assert "(CNY)" in cbar_label
    plt.close(ax.figure)
    three = rfm.rfm_scores(_heavy_ties(n=40), bins=3)
    ax = rfm.plot_rfm_heatmap(three, bins=3)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["3", "2", "1"]
    plt.close(ax.figure)
    fig, given = plt.subplots()
    assert rfm.plot_segments(summary, ax=given) is given
    plt.close(fig)


ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("package", ["rfm", "tiers"])
def test_modules_are_small_and_only_plotting_draws(package):
    folder = ROOT / "coursekit" / package
    files = sorted(folder.glob("*.py"))
    assert {f.name for f in files} >= {"__init__.py", "plotting.py"}
    for path in files:
        source = path.read_text(encoding="utf-8")
        assert source.count("\n") <= 800, path.name
        imported = set()
        for node in ast.parse(source).body:  # module level only: functions may import lazily
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                imported.add((node.module or "").split(".")[0])
                imported |= {a.name for a in node.names if node.level and not node.module}
        assert not imported & {"matplotlib", "seaborn", "plots"}, (path.name, imported)


def test_package_reexports_every_function():
    import coursekit.rfm.plotting
    import coursekit.rfm.scores
    import coursekit.rfm.segments
    import coursekit.rfm.table

    for module in (coursekit.rfm.table, coursekit.rfm.scores, coursekit.rfm.segments, coursekit.rfm.plotting):
        for name in module.__all__:
            assert getattr(rfm, name) is getattr(module, name), name
            assert name in rfm.__all__


# --------------------------------------------------------------------------- annualised view, window start
@pytest.fixture
def tenure_tx():
    """A: long-standing (2023-25); N: won 2025-07-02; L: one order 10 days before the end."""
    rows = [
        ("A", "2023-01-01", 300.0),
        ("A", "2024-06-01", 300.0),
        ("A", "2025-12-01", 300.0),
        ("N", "2025-07-02", 400.0),
        ("N", "2025-12-02", 400.0),
        ("L", "2025-12-22", 100.0),
    ]
    return pd.DataFrame(rows, columns=["customer_id", "date", "amount"])


def test_rfm_table_annualise_divides_by_tenure_in_the_window(tenure_tx):
    with pytest.warns(CourseKitDataNote) as rec:
        annual = rfm.rfm_table(tenure_tx, END, annualise=True)
    # tenure: A 2023-01-01..2025-12-31 = 1096 days; N 2025-07-02.. = 183 days; L 10 days -> floored at 90
    years = pd.Series([1096 / 365.25, 90 / 365.25, 183 / 365.25], index=["A", "L", "N"])
    assert annual.index.tolist() == ["A", "L", "N"]
    np.testing.assert_allclose(annual["tenure_years"], years)
    np.testing.assert_allclose(annual["frequency"], [3 / years["A"], 1 / years["L"], 2 / years["N"]])
    np.testing.assert_allclose(annual["monetary"], [900 / years["A"], 100 / years["L"], 800 / years["N"]])
    assert annual["recency"].tolist() == [30, 9, 29]  # recency is not annualised
    assert [str(w.message) for w in rec] == [
        "1 customer(s) with less than 90 days of tenure counted as 90 days when annualising, e.g. 'L'"
    ]
    # the annualised scores move N above A on F and M
    scores = rfm.rfm_scores(annual, bins=3)
    assert scores.loc["N", "M"] > scores.loc["A", "M"]


def test_rfm_table_annualise_uses_first_purchase_when_given(tenure_tx):
    # A's account was opened in 2019 (before the window): its tenure starts at the window start;
    # N's first_purchase is missing: its first purchase in the window counts (noted)
    first = pd.Series(pd.to_datetime(["2019-05-01", None, "2025-12-20"]), index=["A", "N", "L"])
    later = tenure_tx[tenure_tx["date"] >= "2023-03-01"]  # A's first purchase in the log is now 2024-06-01
    with pytest.warns(CourseKitDataNote) as rec:
        annual = rfm.rfm_table(later, END, start="2023-01-01", annualise=True, first_purchase=first, min_tenure_days=5)
    np.testing.assert_allclose(annual.loc["A", "tenure_years"], 1096 / 365.25)
    np.testing.assert_allclose(annual.loc["N", "tenure_years"], 183 / 365.25)
    np.testing.assert_allclose(annual.loc["L", "tenure_years"], 12 / 365.25)  # from the earlier of 12-20 and 12-22
    assert (
        "1 customer(s) without a first_purchase date: tenure starts at their first purchase in the window, e.g. 'N'"
        in [str(w.message) for w in rec]
    )


def test_rfm_table_start_gives_the_last_twelve_months(tenure_tx):
    with pytest.warns(CourseKitDataNote) as rec:
        last12 = rfm.rfm_table(tenure_tx, END, start="2025-01-01")
    assert last12["monetary"].to_dict() == {"A": 300.0, "L": 100.0, "N": 800.0}
    assert last12["frequency"].to_dict() == {"A": 1, "L": 1, "N": 2}
    assert [str(w.message) for w in rec] == [
        "2 purchase(s) before the start 2025-01-01 left out (window 2025-01-01 to 2025-12-31)"
    ]
    only_before = tenure_tx[tenure_tx["date"] != "2025-12-01"]  # A's last purchase is in 2024
    with pytest.warns(CourseKitDataNote) as rec:
        window = rfm.rfm_table(only_before, END, start="2025-01-01")
    assert window.index.tolist() == ["L", "N"]
    assert "1 customer(s) left out: no purchase in the window, e.g. 'A'" in [str(w.message) for w in rec]


@pytest.mark.parametrize(
    "kwargs,error,match",
    [
        ({"annualise": "yes"}, TypeError, "annualise must be True or False"),
        ({"annualise": True, "min_tenure_days": 0}, ValueError, "min_tenure_days must be at least 1"),
        ({"annualise": True, "min_tenure_days": 1.5}, TypeError, "min_tenure_days must be a whole number"),
        ({"start": "2026-01-05"}, ValueError, "start 2026-01-05 is after end 2025-12-31"),
        ({"start": "soon"}, ValueError, "start could not be read as a date"),
        ({"annualise": True, "first_purchase": {"A": "2020-01-01"}}, TypeError, "first_purchase must be a Series"),
    ],
)
def test_rfm_table_annualise_bad_input(tenure_tx, kwargs, error, match):
    with pytest.raises(error, match=match):
        quiet(rfm.rfm_table, tenure_tx, END, **kwargs)


# --------------------------------------------------------------------------- tickets before calling
@pytest.fixture
def ticket_log():
    rows = [
        # customer, opened, resolution hours, complaint
        ("A", "2025-11-11 09:00", 5.0, True),  # 10 days before A's last purchase (2025-11-21): in
        ("A", "2025-09-01 09:00", 5.0, True),  # long before: out
        ("B", "2024-03-01 10:00", 2.0, False),  # old, closed
        ("B", "2025-12-30 16:00", 40.0, False),  # resolved 2026-01-01 08:00: open at the end
        ("C", "2026-01-02 08:00", 1.0, True),  # after the end: ignored
        ("Z", "2025-12-01 08:00", 1.0, True),  # not on the list
    ]
    return pd.DataFrame(rows, columns=["customer_id", "opened_at", "resolution_hours", "is_complaint"])


def test_with_open_tickets_hand_case(ticket_log):
    calls = pd.DataFrame(
        {"recency": [40, 200, 5], "monetary": [1.0, 2.0, 3.0]}, index=pd.Index(["A", "B", "C"], name="customer_id")
    )
    out = rfm.with_open_tickets(calls, ticket_log, END, days=30)
    assert out.index.tolist() == ["A", "B", "C"]
    assert out["monetary"].tolist() == [1.0, 2.0, 3.0]  # the list is kept as it is
    assert out["tickets"].tolist() == [1, 1, 0]  # B: from 2025-05-15 on, the December ticket
    assert out["complaints"].tolist() == [1, 0, 0]
    assert out["open_tickets"].tolist() == [0, 1, 0]
    assert out["last_ticket"].tolist()[:2] == [pd.Timestamp("2025-11-11"), pd.Timestamp("2025-12-30")]
    assert pd.isna(out["last_ticket"].iloc[2])
    assert out["check_first"].tolist() == [True, True, False]
    # a wider window reaches A's September complaint
    assert rfm.with_open_tickets(calls, ticket_log, END, days=90)["complaints"].tolist() == [2, 0, 0]


def test_with_open_tickets_without_recency_and_with_closing_times(ticket_log):
    calls = pd.DataFrame(index=pd.Index(["A", "B"], name="customer_id"))
    out = rfm.with_open_tickets(calls, ticket_log, END, days=61)  # 2025-11-01 .. 2025-12-31
    assert out["tickets"].tolist() == [1, 1] and out["complaints"].tolist() == [1, 0]
    log = ticket_log.assign(
        closed_at=pd.to_datetime(["2025-11-11 14:00", None, "2024-03-01 12:00", "2025-12-31 09:00", None, None])
    )
    out = rfm.with_open_tickets(calls, log, END, closed_col="closed_at")
    assert out["open_tickets"].tolist() == [1, 0]  # A's September ticket was never closed
    assert out["check_first"].tolist() == [True, False]


@pytest.mark.parametrize(
    "change,error,match",
    [
        ({"call_list": [1, 2]}, TypeError, "must be a pandas DataFrame"),
        ({"tickets": pd.DataFrame()}, ValueError, "empty|no rows"),
        ({"days": -1}, ValueError, "days must not be negative"),
        ({"days": 2.5}, TypeError, "days must be a whole number"),
        ({"complaint_col": "resolution_hours"}, TypeError, "must hold True/False"),
        ({"opened_col": "when"}, ValueError, "when"),
    ],
)
def test_with_open_tickets_bad_input(ticket_log, change, error, match):
    kwargs = {"call_list": pd.DataFrame({"recency": [3]}, index=["A"]), "tickets": ticket_log, "end": END}
    kwargs.update(change)
    with pytest.raises(error, match=match):
        rfm.with_open_tickets(**kwargs)


def test_value_level_actions_name_the_seed_offers():
    # seed 001: regular follow-up visits (定期回访) for medium value, coupons (优惠券) for low value
    assert "follow-up visits" in rfm.ACTIONS["medium"] and "Coupons" in rfm.ACTIONS["low"]
    with i18n.language("zh"):
        names = i18n.names("rfm_action")
    assert "定期回访" in names["medium"] and "优惠券" in names["low"]


def test_score_counts_shows_empty_scores_as_zero():
    t = pd.DataFrame(
        {
            "recency": [300, 200, 100, 30, 10],
            "frequency": [1, 1, 1, 2, 5],
            "monetary": [50.0, 20.0, 80.0, 150.0, 900.0],
        },
        index=pd.Index(list("ABCDE"), name="customer_id"),
    )
    counts = rfm.score_counts(rfm.rfm_scores(t))
    assert counts.index.tolist() == [1, 2, 3, 4, 5]
    assert counts["F"].tolist() == [3, 0, 0, 1, 1]  # the three single buyers share F = 1
    assert counts["R"].tolist() == [1, 1, 1, 1, 1] and counts["M"].tolist() == [1, 1, 1, 1, 1]
    with pytest.raises(ValueError, match="whole scores from 1 to 3"):
        rfm.score_counts(rfm.rfm_scores(t), bins=3)
    with pytest.raises(ValueError, match="R"):
        rfm.score_counts(pd.DataFrame({"F": [1]}))
