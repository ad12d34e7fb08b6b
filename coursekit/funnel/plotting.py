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
    """Funnel chart of :func:`~coursekit.funnel.funnel_counts`: centred bars, widest stage at the top.

    Parameters
    ----------
    funnel : DataFrame
        Output of :func:`~coursekit.funnel.funnel_counts` (indexed by stage, with columns
        ``reached`` and ``share_of_first``; ``stage_zh`` is used when present).
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes

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
    >>> len(ax.get_yticklabels()), ax.get_xlabel()
    (9, 'Opportunities (count)')
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
    ax.barh(positions, widths, left=-widths / 2, color=PALETTE[0], alpha=0.85)
    labels = i18n.display(pd.Index(funnel.index.astype(object)), "funnel_stage").tolist()
    ax.set_yticks(positions)
    ax.set_yticklabels(labels)
    top = max(float(widths.max()), 1.0)
    for pos, n_reached, share in zip(positions, widths, funnel["share_of_first"].to_numpy()):
        ax.text(top / 2 * 1.02, pos, f"{int(n_reached):,} ({share:.0%})", va="center", fontsize=9)
    ax.set_xlim(-top / 2 * 1.05, top / 2 * 1.45)
    ax.grid(axis="y", visible=False)
    # the bars are centred on 0: label the ticks with counts, not negative positions
    ticks = ax.get_xticks()
    ax.set_xticks(ticks)
    ax.set_xticklabels([f"{abs(t):,.0f}" for t in ticks])
    ax.set_xlim(-top / 2 * 1.05, top / 2 * 1.45)
    return finish(
        ax,
        i18n._("Sales funnel: opportunities reaching each stage"),
        i18n._("Opportunities (count)"),
        i18n._("Funnel stage"),
    )
