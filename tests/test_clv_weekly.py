"""Unit tests of coursekit.clv.weekly_purchases: first and repeat purchases per week (CDNOW, lesson 08)."""

from __future__ import annotations

import warnings

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from coursekit import CourseKitDataNote, clv, datasets, i18n


@pytest.fixture(autouse=True)
def english_and_closed_figures():
    i18n.use("en")
    yield
    i18n.use("en")
    plt.close("all")


def quiet(func, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)
        return func(*args, **kwargs)


@pytest.fixture
def tx():
    return pd.DataFrame(
        {
            "customer_id": [1, 1, 2, 1, 2, 3],
            "date": ["1997-01-01", "1997-01-01", "1997-01-07", "1997-01-08", "1997-01-20", "1997-01-21"],
            "amount": [5.0, 6.0, 7.0, -3.0, 8.0, 9.0],
        }
    )


def test_weekly_purchases_hand_case(tx):
    out = clv.weekly_purchases(tx, "1997-01-21")
    # week 1 = Jan 1-7: customer 1 (one day, two lines) and 2 first; week 2: 1 repeats; week 3: 2 repeats, 3 first
    assert out["first_purchases"].tolist() == [2, 0, 1]
    assert out["repeat_purchases"].tolist() == [0, 1, 1]
    assert out["purchases"].tolist() == [2, 1, 2]
    assert out["week_start"].tolist() == list(pd.to_datetime(["1997-01-01", "1997-01-08", "1997-01-15"]))
    assert out["complete"].tolist() == [True, True, True]
    with pytest.warns(CourseKitDataNote, match="1 return line"):
        paid = clv.weekly_purchases(tx, "1997-01-21", amount_col="amount")
    assert paid["repeat_purchases"].tolist() == [0, 0, 1]  # the negative line is not a purchase
    # the layer's rule and wording: netted into customer 1's purchase of 1 January (11 - 3 = 8 > 0)
    assert paid.attrs["notes"] == [
        "1 return line(s) (negative amount, total -3.00) netted into 1 purchase(s) "
        "(the customer's latest purchase on or before the return date)"
    ]


def test_weekly_purchases_end_leaves_out_later_lines_and_flags_a_partial_week(tx):
    # end 17 January, day 3 of week 3 (15-21 January): the lines of the 20th and 21st are left out
    with pytest.warns(CourseKitDataNote) as rec:
        out = clv.weekly_purchases(tx, "1997-01-17")
    assert out["first_purchases"].tolist() == [2, 0, 0]
    assert out["repeat_purchases"].tolist() == [0, 1, 0]
    assert out["complete"].tolist() == [True, True, False]
    assert out.attrs["notes"] == [
        "2 line(s) dated after the end 1997-01-17 left out (end is a calendar day, inclusive)",
        "week 3 (from 1997-01-15) is not complete at the end 1997-01-17 (3 of 7 days): flagged complete=False",
    ]
    assert [str(w.message) for w in rec] == out.attrs["notes"]
    # a later time of day on the end day is inside: end is a calendar day
    late = tx.assign(date=[*tx["date"][:5], "1997-01-21 18:00"])
    assert clv.weekly_purchases(late, "1997-01-21 09:00")["first_purchases"].tolist() == [2, 0, 1]
    # weeks run to the week of the end, also when nobody bought in it
    longer = clv.weekly_purchases(tx, "1997-01-28")
    assert longer["purchases"].tolist() == [2, 1, 2, 0] and longer["complete"].tolist() == [True] * 4


def test_weekly_purchases_start_and_bad_input():
    tx = pd.DataFrame({"customer_id": ["a"], "date": ["1997-01-15"]})
    out = clv.weekly_purchases(tx, "1997-01-21", start="1997-01-01")
    assert out["first_purchases"].tolist() == [0, 0, 1]
    with pytest.raises(ValueError, match="transactions column 'date' has dates before start"):
        clv.weekly_purchases(tx, "1997-02-28", start="1997-02-01")
    with pytest.raises(ValueError, match="start 1997-02-01 is after end 1997-01-21"):
        clv.weekly_purchases(tx, "1997-01-21", start="1997-02-01")
    with pytest.raises(ValueError, match="no purchase on or before the end 1997-01-14"):
        quiet(clv.weekly_purchases, tx, "1997-01-14")
    with pytest.raises(ValueError, match="transactions is missing column 'customer_id'"):
        clv.weekly_purchases(tx.rename(columns={"customer_id": "id"}), "1997-01-21")
    with pytest.raises(ValueError, match="transactions column 'customer_id' has 1 missing"):
        clv.weekly_purchases(tx.assign(customer_id=[None]), "1997-01-21")
    with pytest.raises(TypeError, match="end is required"):
        clv.weekly_purchases(tx, None)


def test_weekly_purchases_of_cdnow():
    cd = datasets.load_cdnow("sample")
    out = clv.weekly_purchases(cd, "1998-06-30")
    assert len(out) == 78  # 1997-01-01 .. 1998-06-30 is 546 days
    assert out["complete"].all()
    assert out["first_purchases"].sum() == cd["customer_id"].nunique()
    assert out["first_purchases"].iloc[12:].sum() == 0  # the cohort first bought in the first 12 weeks
    # end three days earlier: week 78 (24-30 June) has 4 of its 7 days
    cut = quiet(clv.weekly_purchases, cd, "1998-06-26")
    assert len(cut) == 78 and cut["complete"].tolist()[-2:] == [True, False]
    assert cut.attrs["notes"][0].startswith(f"{int((cd['date'] > '1998-06-26').sum())} line(s) dated after the end")
    assert cut.attrs["notes"][-1].endswith("(3 of 7 days): flagged complete=False")


def test_plot_weekly_purchases():
    weekly = clv.weekly_purchases(
        pd.DataFrame({"customer_id": [1, 2, 1], "date": ["1997-01-01", "1997-01-03", "1997-01-10"]}), "1997-01-14"
    )
    ax = clv.plot_weekly_purchases(weekly)
    assert ax.get_title() == "Purchases per week" and ax.get_xlabel() == "Week"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["First purchase", "Repeat purchase"]
    assert len(ax.texts) == 0  # every week complete: nothing marked
    with pytest.raises(ValueError, match="weekly is missing column 'first_purchases'"):
        clv.plot_weekly_purchases(weekly.drop(columns="first_purchases"))


def test_plot_weekly_purchases_marks_a_partial_week():
    weekly = quiet(
        clv.weekly_purchases,
        pd.DataFrame({"customer_id": [1, 2, 1], "date": ["1997-01-01", "1997-01-03", "1997-01-10"]}),
        "1997-01-10",
    )
    ax = clv.plot_weekly_purchases(weekly)
    faded = [p for p in ax.patches if p.get_hatch() == "//"]
    assert len(faded) == 2 and {p.get_alpha() for p in faded} == {0.35}  # week 2: first and repeat bars
    assert [t.get_text() for t in ax.texts] == ["incomplete week"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["First purchase", "Repeat purchase"]


def test_plot_weekly_purchases_bad_input():
    weekly = clv.weekly_purchases(
        pd.DataFrame({"customer_id": [1, 2], "date": ["1997-01-01", "1997-01-09"]}), "1997-01-14"
    )
    with pytest.raises(TypeError, match="weekly must be a pandas DataFrame, got list"):
        clv.plot_weekly_purchases([1, 0, 2])
    with pytest.raises(ValueError, match="weekly is empty: it has no rows"):
        clv.plot_weekly_purchases(weekly.iloc[:0])
    with pytest.raises(ValueError, match="weekly is empty: it has no rows"):
        clv.plot_weekly_purchases(pd.DataFrame())
    with pytest.raises(TypeError, match="weekly column 'complete' must be boolean"):
        clv.plot_weekly_purchases(weekly.assign(complete="yes"))
