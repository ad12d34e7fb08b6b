"""coursekit.clv.matrix: the CLV matrix with language-neutral cell keys."""

from __future__ import annotations

import pandas as pd
import pytest

from coursekit import clv, i18n

CELL_KEYS = [
    "star",
    "costly_star",
    "cash_cow",
    "declining_heavy_user",
    "growth_prospect",
    "costly_prospect",
    "low_value",
    "loss_maker",
]


def _quadrant_frame():
    # one customer per cell; medians: cost 55, current 455, future 455
    rows = {
        "S1": (10, 900, 900),
        "S2": (100, 900, 900),
        "S3": (10, 900, 10),
        "S4": (100, 900, 10),
        "S5": (10, 10, 900),
        "S6": (100, 10, 900),
        "S7": (10, 10, 10),
        "S8": (100, 10, 10),
    }
    return pd.DataFrame.from_dict(rows, orient="index", columns=["cost_to_serve", "current_profit", "future_profit"])


def test_clv_quadrant():
    q = clv.clv_quadrant(_quadrant_frame())
    assert q["cell"].tolist() == CELL_KEYS  # cell 1..8 in the course's order
    assert (q["cell"].cat.codes + 1).tolist() == [1, 2, 3, 4, 5, 6, 7, 8]
    assert q.loc["S1", "cell"] == "star" and q.loc["S8", "cell"] == "loss_maker"
    assert clv.CLV_CELL_NAMES[q.loc["S1", "cell"]] == "Star"
    assert clv.CLV_CELL_NAMES[q.loc["S8", "cell"]] == "Loss maker"
    with i18n.language("zh"):
        assert i18n.display(q["cell"]).tolist()[0] == "明星客户"
    assert list(q.columns) == ["cost_level", "current_level", "future_level", "cell"]
    assert q.loc["S6", ["cost_level", "current_level", "future_level"]].tolist() == ["high", "low", "high"]
    assert q.attrs["thresholds"] == {"cost_to_serve": 55.0, "current_profit": 455.0, "future_profit": 455.0}
    summary = clv.clv_quadrant_summary(q)
    assert summary["customers"].tolist() == [1] * 8 and summary["share"].sum() == pytest.approx(1.0)
    assert summary.index.tolist() == CELL_KEYS and summary.index.name == "cell"
    assert list(summary.columns) == ["cost_level", "current_level", "future_level", "customers", "share", "action"]
    # explicit thresholds: everybody's cost is "low" when the threshold is 1000
    q2 = clv.clv_quadrant(_quadrant_frame(), cost_threshold=1000)
    assert (q2["cost_level"] == "low").all()
    assert (
        clv.clv_quadrant_summary(q2)
        .loc[["costly_star", "declining_heavy_user", "costly_prospect", "loss_maker"], "customers"]
        .sum()
        == 0
    )
    assert q2["cell"].value_counts().loc[["star", "cash_cow", "growth_prospect", "low_value"]].tolist() == [2, 2, 2, 2]
    # customer id in a column
    df = _quadrant_frame().rename_axis("cid").reset_index()
    qc = clv.clv_quadrant(df, customer_col="cid")
    assert qc.index.name == "cid" and qc.loc["S1", "cell"] == "star"
    with pytest.raises(ValueError, match="df is missing column 'cost_to_serve'"):
        clv.clv_quadrant(_quadrant_frame().drop(columns="cost_to_serve"))
    with pytest.raises(TypeError, match="df column 'future_profit' must be numeric"):
        clv.clv_quadrant(_quadrant_frame().assign(future_profit="high"))


def test_clv_quadrant_columns_are_ordered_categoricals():
    q = clv.clv_quadrant(_quadrant_frame())
    assert isinstance(q["cell"].dtype, pd.CategoricalDtype) and q["cell"].cat.ordered
    assert q["cell"].cat.categories.tolist() == CELL_KEYS
    for col in ("cost_level", "current_level", "future_level"):
        assert q[col].cat.ordered and q[col].cat.categories.tolist() == ["low", "high"]
    # ordered: sorting by cell gives the course's order, comparisons work
    assert (q.sample(frac=1, random_state=0).sort_values("cell").index == q.index).all()
    assert (q["cell"] < "growth_prospect").sum() == 4


def test_clv_quadrant_is_the_same_in_every_language():
    df = _quadrant_frame().rename_axis("cid").reset_index()
    results = {}
    for lang in ("en", "zh"):
        i18n.use(lang)
        try:
            results[lang] = (
                clv.clv_quadrant(df, customer_col="cid"),
                clv.clv_quadrant_summary(clv.clv_quadrant(df, customer_col="cid")),
            )
        finally:
            i18n.use("en")
    pd.testing.assert_frame_equal(results["en"][0], results["zh"][0])
    pd.testing.assert_frame_equal(results["en"][1], results["zh"][1])
    assert results["zh"][0].loc["S1", "cell"] == "star"
    # no translated label columns
    assert not [c for c in results["zh"][0].columns if c.endswith(("_en", "_zh")) or c in ("segment", "action")]


def test_cell_names_and_actions_have_both_languages():
    assert list(clv.CLV_QUADRANT_CELLS.values()) == CELL_KEYS
    assert len(set(clv.CLV_QUADRANT_CELLS)) == 8  # every (cost, current, future) combination once
    for kind, table in (("clv_cell", clv.CLV_CELL_NAMES), ("clv_cell_action", clv.CLV_CELL_ACTIONS)):
        assert list(table) == CELL_KEYS
        with i18n.language("zh"):
            chinese = i18n.names(kind)
        for key, en in table.items():
            assert en.isascii() and en.strip() and chinese[key].strip() and not chinese[key].isascii()
    assert clv.CLV_CELL_ACTIONS["loss_maker"] == "Re-price, change service terms or let go"
    with i18n.language("zh"):
        assert i18n.name("clv_cell_action", "loss_maker") == "重新定价、调整服务条款或放弃"
    assert i18n.name("clv_cell", "cash_cow") == "Cash cow"
    # the summary's action column is shown as text, the cell index as names
    summary = i18n.display(clv.clv_quadrant_summary(clv.clv_quadrant(_quadrant_frame())))
    assert summary.loc["Loss maker", "action"] == "Re-price, change service terms or let go"
    assert summary.loc["Star", "cost_level"] == "Low"


def test_clv_quadrant_column_names_are_keyword_only():
    df = _quadrant_frame().rename(columns={"cost_to_serve": "cost"})
    with pytest.raises(TypeError, match="positional"):
        clv.clv_quadrant(df, "cost")
    assert clv.clv_quadrant(df, cost_col="cost")["cell"].tolist() == CELL_KEYS


def test_clv_quadrant_summary_rejects_old_cell_numbers():
    q = clv.clv_quadrant(_quadrant_frame())
    with pytest.raises(ValueError, match="quadrant column 'cell' must hold the cell keys of clv_quadrant.*got 1"):
        clv.clv_quadrant_summary(q.assign(cell=range(1, 9)))
    with pytest.raises(ValueError, match="quadrant is missing column 'cell'"):
        clv.clv_quadrant_summary(q.drop(columns="cell"))
