"""Stage conversion, time in stage and lost deals (阶段转化、阶段停留时间、丢单原因) of the sales funnel."""

from __future__ import annotations

import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = ["LOST_REASONS", "lost_by_stage", "lost_reasons", "stage_conversion", "time_in_stage"]

#: Lost reasons of the case data with their English names (Chinese in the catalog).
LOST_REASONS = i18n.define_names(
    "lost_reason",
    column="lost_reason",
    english={
        "no response": "no response",
        "no budget": "no budget",
        "not a fit": "not a fit",
        "price too high": "price too high",
        "competitor chosen": "competitor chosen",
        "payment terms": "payment terms",
        "project cancelled": "project cancelled",
    },
)


def _stage_index(stages) -> pd.CategoricalIndex:
    return pd.CategoricalIndex(list(stages), categories=list(stages), ordered=True, name="stage")


def _stages():
    from ..datasets import FUNNEL_STAGES  # imported here: the functions need no case data

    return list(FUNNEL_STAGES)


def _opportunities(opportunities: pd.DataFrame, stage_col: str, status_col: str) -> pd.DataFrame:
    name = "opportunities"
    v.require_frame(opportunities, name)
    v.require_columns(opportunities, [stage_col, status_col], name)
    bad = ~opportunities[stage_col].isin(_stages())
    if bad.any():
        raise ValueError(
            f"{name} column {stage_col!r} has {int(bad.sum())} value(s) that are not funnel stages, "
            f"e.g. {opportunities[stage_col][bad].iloc[0]!r}"
        )
    return opportunities


def stage_conversion(
    opportunities: pd.DataFrame,
    *,
    reached_col: str = "stage_reached",
    status_col: str = "status",
) -> pd.DataFrame:
    """Conversion of each funnel stage among the opportunities whose fate there is known.

    An opportunity that entered a stage (its furthest stage is this one or a later one) either moved
    on to the next stage, was lost there, or is still there at the end (open). Conversion = moved on /
    (entered - still open there): open opportunities have no fate yet and would make the stages where
    they wait look worse.

    Parameters
    ----------
    opportunities : DataFrame
        One row per opportunity: furthest stage (``reached_col``) and ``status`` (won, lost, open).
    reached_col, status_col : str
        Column names.

    Returns
    -------
    DataFrame
        Indexed by ``stage`` (ordered categorical of the nine keys) with ``entered``, ``moved_on``,
        ``lost_here``, ``open_here`` (status open, furthest stage here) and ``conversion``
        (0-1; NaN for the last stage, from which nothing moves on).

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        An empty table, a missing column or a stage that is not a funnel stage.

    Examples
    --------
    >>> import pandas as pd
    >>> opps = pd.DataFrame({"stage_reached": ["lead", "opportunity", "lead"], "status": ["lost", "lost", "open"]})
    >>> stage_conversion(opps).loc[["opportunity", "lead"], ["entered", "moved_on", "open_here", "conversion"]]
                 entered  moved_on  open_here  conversion
    stage
    opportunity        3         2          0    0.666667
    lead               2         0          1    0.000000
    """
    stages = _stages()
    _opportunities(opportunities, reached_col, status_col)
    furthest = opportunities[reached_col].value_counts().reindex(stages, fill_value=0)
    entered = furthest[::-1].cumsum()[::-1].astype("int64")
    moved_on = entered.shift(-1, fill_value=0).astype("int64")
    status = opportunities[status_col]
    lost = opportunities.loc[status == "lost", reached_col].value_counts().reindex(stages, fill_value=0)
    still = opportunities.loc[status == "open", reached_col].value_counts().reindex(stages, fill_value=0)
    decided = entered - still
    conversion = (moved_on / decided.where(decided > 0)).astype("float64")
    conversion.iloc[-1] = float("nan")
    return pd.DataFrame(
        {
            "entered": entered.to_numpy(),
            "moved_on": moved_on.to_numpy(),
            "lost_here": lost.astype("int64").to_numpy(),
            "open_here": still.astype("int64").to_numpy(),
            "conversion": conversion.to_numpy(),
        },
        index=_stage_index(stages),
    )


def time_in_stage(
    history: pd.DataFrame,
    *,
    stage_col: str = "stage",
    entered_col: str = "entered_date",
    exited_col: str = "exited_date",
) -> pd.DataFrame:
    """Days an opportunity spends in each stage (阶段停留时间), from the stays that ended.

    A stay without an exit date (still in the stage at the end, or lost for no response) has no
    known length: it is left out of the days and counted in ``not_ended`` (with a note).

    Parameters
    ----------
    history : DataFrame
        Stage history: stage, entered and exited dates (``datasets.load_opportunity_stages``).
    stage_col, entered_col, exited_col : str
        Column names.

    Returns
    -------
    DataFrame
        Indexed by ``stage`` (the nine keys in order) with ``stays`` (ended stays), ``median_days``,
        ``mean_days``, ``p90_days`` (90th percentile) and ``not_ended``. Days are whole calendar days between
        entry and exit; NaN where a stage has no ended stay.

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        An empty table, a missing column, an unknown stage or an exit before its entry.

    Examples
    --------
    >>> import pandas as pd
    >>> hist = pd.DataFrame({"stage": ["opportunity", "lead", "opportunity", "lead"],
    ...                      "entered_date": ["2025-01-01", "2025-01-05", "2025-02-01", "2025-02-11"],
    ...                      "exited_date": ["2025-01-05", None, "2025-02-11", "2025-03-01"]})
    >>> time_in_stage(hist).loc[["opportunity", "lead"], ["stays", "median_days", "not_ended"]]
                 stays  median_days  not_ended
    stage
    opportunity      2          7.0          0
    lead             1         18.0          1
    """
    name = "history"
    stages = _stages()
    v.require_frame(history, name)
    v.require_columns(history, [stage_col, entered_col, exited_col], name)
    bad = ~history[stage_col].isin(stages)
    if bad.any():
        raise ValueError(f"{name} column {stage_col!r} has {int(bad.sum())} value(s) that are not funnel stages")
    entered = v.date_column(history, entered_col, name)
    exited = v.date_column(history, exited_col, name, allow_missing=True)
    days = (exited - entered).dt.days
    if (days < 0).any():
        raise ValueError(f"{name} column {exited_col!r} has {int((days < 0).sum())} date(s) before {entered_col!r}")
    ended = days.notna()
    grouped = days[ended].groupby(history.loc[ended, stage_col])
    out = pd.DataFrame(
        {
            "stays": grouped.size().reindex(stages, fill_value=0).astype("int64").to_numpy(),
            "median_days": grouped.median().reindex(stages).to_numpy(dtype=float),
            "mean_days": grouped.mean().reindex(stages).to_numpy(dtype=float),
            "p90_days": grouped.quantile(0.9).reindex(stages).to_numpy(dtype=float),
            "not_ended": (~ended)
            .groupby(history[stage_col])
            .sum()
            .reindex(stages, fill_value=0)
            .astype("int64")
            .to_numpy(),
        },
        index=_stage_index(stages),
    )
    if (~ended).any():
        v.note(
            i18n._(
                "{n} stays without an exit date (still in the stage, or lost for no response) are not timed",
                n=int((~ended).sum()),
            ),
            out,
        )
    return out


def lost_reasons(
    opportunities: pd.DataFrame,
    *,
    stage=None,
    reason_col: str = "lost_reason",
    status_col: str = "status",
    value_col: str = "expected_value",
    stage_col: str = "stage_reached",
) -> pd.DataFrame:
    """Why deals are lost (丢单原因): lost opportunities and their expected value per reason.

    Parameters
    ----------
    opportunities : DataFrame
        One row per opportunity with ``status``, ``lost_reason``, ``expected_value`` and the furthest stage.
    stage : str or list of str, optional
        Only opportunities lost at these stages (keys of the funnel stages); default all.
    reason_col, status_col, value_col, stage_col : str
        Column names.

    Returns
    -------
    DataFrame
        Indexed by ``lost_reason`` (keys, most frequent first) with ``lost`` (count), ``share``
        (0-1 of the lost) and ``lost_value`` (sum of expected value, CNY).

    Raises
    ------
    TypeError
        Not a DataFrame, or the value column not numeric.
    ValueError
        An empty table, a missing column, an unknown stage, or no lost opportunity selected.

    Examples
    --------
    >>> import pandas as pd
    >>> opps = pd.DataFrame({"status": ["lost", "lost", "won", "lost"], "stage_reached": ["lead", "lead", "deal", "reach"],
    ...                      "lost_reason": ["no budget", "price too high", None, "no budget"],
    ...                      "expected_value": [100, 300, 500, 50]})
    >>> lost_reasons(opps)
                    lost     share  lost_value
    lost_reason
    no budget          2  0.666667       150.0
    price too high     1  0.333333       300.0
    """
    _opportunities(opportunities, stage_col, status_col)
    v.require_columns(opportunities, [reason_col, value_col], "opportunities")
    value = v.numeric_column(opportunities, value_col, "opportunities", allow_missing=True)
    lost = opportunities[status_col] == "lost"
    if stage is not None:
        chosen = [stage] if isinstance(stage, str) else list(stage)
        unknown = [s for s in chosen if s not in _stages()]
        if unknown:
            raise ValueError(f"stage must be funnel stages, got {unknown[0]!r}")
        lost &= opportunities[stage_col].isin(chosen)
    if not lost.any():
        raise ValueError("opportunities has no lost opportunity at the stages selected")
    reasons = opportunities.loc[lost, reason_col].fillna("")
    counts = reasons.value_counts()
    counts = counts.sort_values(ascending=False, kind="stable")
    out = pd.DataFrame(
        {
            "lost": counts.astype("int64"),
            "share": counts / counts.sum(),
            "lost_value": value[lost].groupby(reasons).sum().reindex(counts.index).astype(float),
        }
    )
    out.index.name = "lost_reason"
    return out


def lost_by_stage(
    opportunities: pd.DataFrame,
    *,
    reason_col: str = "lost_reason",
    status_col: str = "status",
    value_col: str = "expected_value",
    stage_col: str = "stage_reached",
) -> pd.DataFrame:
    """Where deals are lost: lost opportunities per funnel stage, their value and the main reason.

    Parameters
    ----------
    opportunities : DataFrame
        One row per opportunity with its furthest stage, ``status``, ``lost_reason`` and ``expected_value``.
    reason_col, status_col, value_col, stage_col : str
        Column names.

    Returns
    -------
    DataFrame
        Indexed by ``stage`` (the nine keys in order) with ``lost`` (count), ``share`` (0-1 of all
        lost), ``lost_value`` (CNY), ``top_reason`` (the most frequent reason, a key; ties go to
        the reason listed first) and ``top_reason_share`` (0-1 of the stage's lost).

    Raises
    ------
    TypeError
        Not a DataFrame, or the value column not numeric.
    ValueError
        An empty table, a missing column or an unknown stage.

    Examples
    --------
    >>> import pandas as pd
    >>> opps = pd.DataFrame({"status": ["lost", "lost", "won", "lost"], "stage_reached": ["lead", "lead", "deal", "reach"],
    ...                      "lost_reason": ["no budget", "no budget", None, "not a fit"],
    ...                      "expected_value": [100, 300, 500, 50]})
    >>> lost_by_stage(opps).loc[["lead", "reach"], ["lost", "lost_value", "top_reason", "top_reason_share"]]
           lost  lost_value top_reason  top_reason_share
    stage
    lead      2       400.0  no budget               1.0
    reach     1        50.0  not a fit               1.0
    """
    stages = _stages()
    _opportunities(opportunities, stage_col, status_col)
    v.require_columns(opportunities, [reason_col, value_col], "opportunities")
    value = v.numeric_column(opportunities, value_col, "opportunities", allow_missing=True)
    lost = opportunities[status_col] == "lost"
    at = opportunities.loc[lost, stage_col]
    reasons = opportunities.loc[lost, reason_col]
    counts = at.value_counts().reindex(stages, fill_value=0).astype("int64")
    order = {r: i for i, r in enumerate(LOST_REASONS)}
    top, top_share = [], []
    for s in stages:
        here = reasons[at == s].value_counts()
        if here.empty:
            top.append(None)
            top_share.append(float("nan"))
            continue
        best = sorted(here.index, key=lambda r: (-here[r], order.get(r, len(order))))[0]
        top.append(best)
        top_share.append(float(here[best] / here.sum()))
    total = max(int(counts.sum()), 1)
    return pd.DataFrame(
        {
            "lost": counts.to_numpy(),
            "share": counts.to_numpy() / total,
            "lost_value": value[lost].groupby(at).sum().reindex(stages, fill_value=0).to_numpy(dtype=float),
            "top_reason": top,
            "top_reason_share": top_share,
        },
        index=_stage_index(stages),
    )
