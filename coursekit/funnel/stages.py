"""Opportunities per stage of the sales funnel (销售漏斗)."""

from __future__ import annotations

import pandas as pd

from .. import _validate as v

__all__ = ["funnel_counts"]


def funnel_counts(opportunities: pd.DataFrame, *, stage_col: str = "stage_reached", stages=None) -> pd.DataFrame:
    """How many opportunities reached (at least) each stage of the sales funnel (销售漏斗).

    Parameters
    ----------
    opportunities : DataFrame
        One row per opportunity with the furthest stage it reached.
    stage_col : str, default "stage_reached"
        Column with the furthest stage.
    stages : sequence, optional
        The stage keys in order (default: the nine stages of
        :data:`coursekit.datasets.FUNNEL_STAGES`).

    Returns
    -------
    DataFrame
        Indexed by ``stage`` (the keys, an ordered categorical) in funnel order, with columns
        ``furthest``  (opportunities that stopped at this stage), ``reached``
        (reached this stage or a later one), ``share_of_first`` (``reached`` /
        opportunities, 0-1) and ``step_rate`` (``reached`` / ``reached`` of the
        previous stage; 1 for the first stage).

    Raises
    ------
    TypeError
        Not a DataFrame, or ``stages`` not a sequence of at least two names.
    ValueError
        An empty table, a missing column, or a stage that is not in ``stages``.

    Examples
    --------
    >>> import pandas as pd
    >>> opps = pd.DataFrame({"stage_reached": ["lead", "deal", "opportunity", "deal"]})
    >>> funnel_counts(opps, stages=["opportunity", "lead", "deal"])  # doctest: +NORMALIZE_WHITESPACE
                 furthest  reached  share_of_first  step_rate
    stage
    opportunity         1        4            1.00   1.000000
    lead                1        3            0.75   0.750000
    deal                2        2            0.50   0.666667
    """
    if stages is None:
        # imported here: counting given stages needs no case data
        from ..datasets import FUNNEL_STAGES

        stages = FUNNEL_STAGES
    if isinstance(stages, str) or len(stages) < 2:
        raise TypeError(f"stages must be a sequence of at least two stage names, got {stages!r}")
    names = [str(s) for s in stages]
    name = "opportunities"
    v.require_frame(opportunities, name)
    v.require_columns(opportunities, [stage_col], name)
    v.require_no_missing(opportunities, stage_col, name)
    values = opportunities[stage_col].astype(str)
    bad = ~values.isin(names)
    if bad.any():
        raise ValueError(
            f"{name} column {stage_col!r} has {int(bad.sum())} value(s) that are not funnel stages, "
            f"e.g. {values[bad].iloc[0]!r} (stages: {', '.join(names)})"
        )
    furthest = values.value_counts().reindex(names, fill_value=0).astype("int64")
    reached = furthest[::-1].cumsum()[::-1].astype("int64")
    prev = reached.shift(1)
    return pd.DataFrame(
        {
            "furthest": furthest.to_numpy(),
            "reached": reached.to_numpy(),
            "share_of_first": reached.to_numpy() / reached.iloc[0],
            "step_rate": (reached / prev).fillna(1.0).to_numpy(),
        },
        index=pd.CategoricalIndex(names, categories=names, ordered=True, name="stage"),
    )
