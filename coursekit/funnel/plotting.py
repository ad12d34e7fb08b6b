"""Chart of the sales funnel (销售漏斗).

matplotlib and :mod:`coursekit.plots` are imported inside the function, so that
``from coursekit import funnel`` stays light.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = ["plot_funnel"]


def plot_funnel(funnel: pd.DataFrame, *, ax=None):
    """Funnel chart of :func:`~coursekit.funnel.funnel_counts`: one bar per stage from 0, first stage at the top.

    Parameters
    ----------
    funnel : DataFrame
        Output of :func:`~coursekit.funnel.funnel_counts` (indexed by stage, with columns
        ``reached`` and ``share_of_first``; ``stage_zh`` is used when present).
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes
        Bars start at 0 and the x axis counts opportunities from left to right; each bar is
        labelled with its count and its share of the first stage.

    Raises
    ------
    TypeError
        Not a DataFrame, ``reached`` not numeric.
    ValueError
        An empty table, a missing column (named) or negative counts.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> from coursekit.funnel import funnel_counts
    >>> ax = plot_funnel(funnel_counts(pd.DataFrame({"stage_reached": ["lead", "deal", "service"]})))
    >>> len(ax.get_yticklabels()), ax.get_xlabel(), float(ax.get_xlim()[0])
    (9, 'Opportunities (count)', 0.0)
    """
    from ..plots import PALETTE, finish, new_axes

    v.require_frame(funnel, "funnel")
    v.require_columns(funnel, ["reached", "share_of_first"], "funnel")
    reached = v.numeric_column(funnel, "reached", "funnel", allow_negative=False)
    if ax is None:
        _, ax = new_axes(figsize=(8, 5))
    n = len(funnel)
    positions = np.arange(n)[::-1]
    widths = reached.to_numpy()
    # bars start at 0, so the x axis reads counts left to right (a centred funnel mirrors the axis)
    ax.barh(positions, widths, left=0, color=PALETTE[0], alpha=0.85)
    labels = i18n.display(pd.Index(funnel.index.astype(object)), "funnel_stage").tolist()
    ax.set_yticks(positions)
    ax.set_yticklabels(labels)
    top = max(float(widths.max()), 1.0)
    for pos, n_reached, share in zip(positions, widths, funnel["share_of_first"].to_numpy()):
        ax.text(float(n_reached) + top * 0.01, pos, f"{int(n_reached):,} ({share:.0%})", va="center", fontsize=9)
    ax.set_xlim(0, top * 1.2)
    ax.grid(axis="y", visible=False)
    return finish(
        ax,
        i18n._("Sales funnel: opportunities reaching each stage"),
        i18n._("Opportunities (count)"),
        i18n._("Funnel stage"),
    )
