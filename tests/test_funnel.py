"""Unit tests of coursekit.funnel: opportunities per stage of the sales funnel and its chart."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from coursekit import datasets, funnel, i18n


@pytest.fixture(autouse=True)
def english_and_closed_figures():
    i18n.use("en")
    yield
    i18n.use("en")
    plt.close("all")


def test_funnel_counts_hand_case():
    opps = pd.DataFrame({"stage_reached": ["lead", "deal", "opportunity", "deal", "lead"]})
    out = funnel.funnel_counts(opps, stages=["opportunity", "lead", "deal"])
    assert out["furthest"].tolist() == [1, 2, 2]
    assert out["reached"].tolist() == [5, 4, 2]
    assert out["share_of_first"].tolist() == pytest.approx([1.0, 0.8, 0.4])
    assert out["step_rate"].tolist() == pytest.approx([1.0, 0.8, 0.5])
    # keys in funnel order, the same in every language; names are for display only
    assert out.index.tolist() == ["opportunity", "lead", "deal"] and out.index.ordered
    assert "stage_zh" not in out.columns


def test_funnel_counts_of_the_case_data():
    opps = datasets.load_opportunities()
    out = funnel.funnel_counts(opps)
    assert list(out.index) == list(datasets.FUNNEL_STAGES)
    assert out["reached"].iloc[0] == len(opps)
    assert out.loc["deal", "reached"] == (opps["status"] == "won").sum()
    assert (np.diff(out["reached"]) <= 0).all()


def test_funnel_counts_bad_input():
    with pytest.raises(ValueError, match="opportunities column 'stage_reached' has 1 value.*'pitch'"):
        funnel.funnel_counts(pd.DataFrame({"stage_reached": ["lead", "pitch"]}))
    with pytest.raises(ValueError, match="opportunities is missing column 'stage_reached'"):
        funnel.funnel_counts(pd.DataFrame({"stage": ["lead"]}))
    with pytest.raises(TypeError, match="stages must be a sequence"):
        funnel.funnel_counts(pd.DataFrame({"stage_reached": ["lead"]}), stages="lead")


def test_plot_funnel_labels():
    counts = funnel.funnel_counts(pd.DataFrame({"stage_reached": ["lead", "deal", "service"]}))
    ax = funnel.plot_funnel(counts)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "Opportunity" and labels[-1] == "Service"
    assert ax.get_ylabel() == "Funnel stage" and ax.get_xlabel() == "Opportunities (count)"
    i18n.use("zh")
    ax = funnel.plot_funnel(counts)
    assert ax.get_yticklabels()[0].get_text() == "商机"
    assert ax.get_yticklabels()[2].get_text() == "触达"  # seed 001's stage names
    with pytest.raises(ValueError, match="funnel is missing column 'reached'"):
        funnel.plot_funnel(counts.drop(columns="reached"))


def test_plot_funnel_axis_reads_counts_left_to_right():
    counts = funnel.funnel_counts(pd.DataFrame({"stage_reached": ["lead"] * 3 + ["deal"] * 5 + ["service"] * 2}))
    ax = funnel.plot_funnel(counts)
    fig = ax.figure
    fig.canvas.draw()
    # every bar starts at 0 and is as long as its count: no centred (mirrored) bars
    bars = ax.patches
    assert [b.get_x() for b in bars] == [0.0] * 9
    assert [b.get_width() for b in bars] == [10, 10, 7, 7, 7, 7, 7, 2, 2]
    # the axis starts at 0 and its tick labels are plain, increasing, non-negative counts
    assert ax.get_xlim()[0] == 0.0
    ticks = [t for t in ax.get_xticks() if ax.get_xlim()[0] <= t <= ax.get_xlim()[1]]
    assert ticks == sorted(ticks) and min(ticks) == 0 and max(ticks) >= 10
    texts = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert texts and not any(s.startswith(("-", "−")) for s in texts)
    assert [t.get_text() for t in ax.texts][:3] == ["10 (100%)", "10 (100%)", "7 (70%)"]


def test_plot_funnel_bad_input():
    counts = funnel.funnel_counts(pd.DataFrame({"stage_reached": ["lead", "deal"]}))
    with pytest.raises(TypeError, match="funnel must be a pandas DataFrame, got list"):
        funnel.plot_funnel([3, 2, 1])
    with pytest.raises(TypeError, match="funnel must be a pandas DataFrame, got Series"):
        funnel.plot_funnel(counts["reached"])
    with pytest.raises(ValueError, match="funnel is empty: it has no rows"):
        funnel.plot_funnel(counts.iloc[:0])


def test_stage_conversion_by_hand():
    opps = pd.DataFrame(
        {
            "stage_reached": ["opportunity", "lead", "lead", "reach", "service"],
            "status": ["lost", "lost", "open", "lost", "won"],
        }
    )
    out = funnel.stage_conversion(opps)
    # entered: opportunity 5, lead 4, reach 2; lead: moved on 2, open 1, so 2 / (4 - 1)
    assert out.loc[["opportunity", "lead", "reach"], "entered"].tolist() == [5, 4, 2]
    assert out.loc["lead", "conversion"] == pytest.approx(2 / 3)
    assert out.loc["opportunity", "conversion"] == pytest.approx(4 / 5)
    assert out.loc["reach", "lost_here"] == 1 and np.isnan(out.loc["service", "conversion"])


def test_time_in_stage_and_lost_deals_on_the_case_data():
    history = datasets.load_opportunity_stages()
    with pytest.warns(UserWarning, match="stays without an exit date"):
        days = funnel.time_in_stage(history)
    assert days.loc["opportunity", "stays"] + days.loc["opportunity", "not_ended"] == 2600
    assert days.loc["service", "stays"] == 0 and days.loc["opportunity", "median_days"] == 8.0
    opps = datasets.load_opportunities()
    where = funnel.lost_by_stage(opps)
    assert where["lost"].sum() == (opps["status"] == "lost").sum() == 2004
    assert where.loc["bargaining", "top_reason"] == "price too high"
    why = funnel.lost_reasons(opps, stage="bargaining")
    assert why["lost"].sum() == 249 and why.index[0] == "price too high"
    with pytest.raises(ValueError, match="stage must be funnel stages"):
        funnel.lost_reasons(opps, stage="pitch")
    with pytest.raises(ValueError, match="before 'entered_date'"):
        funnel.time_in_stage(
            pd.DataFrame({"stage": ["lead"], "entered_date": ["2025-02-01"], "exited_date": ["2025-01-01"]})
        )
