"""RFM charts. matplotlib, seaborn and :mod:`coursekit.plots` are imported inside each
function, so that ``from coursekit import rfm`` stays light."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from .segments import display_names

__all__ = ["plot_rfm_heatmap", "plot_segments"]


def plot_segments(summary, ax=None):
    """Horizontal bars: share of customers vs share of revenue per segment.

    Parameters
    ----------
    summary : DataFrame
        Output of :func:`segment_summary` (``customer_share``,
        ``revenue_share``). Segment keys in the index are shown by name
        (:func:`display_names`).
    ax : matplotlib Axes, optional
        Axes to draw on (default: a new one).

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> summary = pd.DataFrame({"customer_share": [0.2, 0.8], "revenue_share": [0.7, 0.3]},
    ...                        index=pd.Index(["champions", "lost"], name="segment"))
    >>> ax = plot_segments(summary)
    >>> ax.get_xlabel(), [t.get_text() for t in ax.get_yticklabels()]
    ('Share (%)', ['Champions', 'Gone Cold'])
    """
    from ..plots import finish, new_axes

    name = "summary"
    v.require_frame(summary, name)
    v.require_columns(summary, ["customer_share", "revenue_share"], name)
    cust = v.numeric_column(summary, "customer_share", name, allow_negative=False) * 100
    rev = v.numeric_column(summary, "revenue_share", name, allow_missing=True) * 100
    if ax is None:
        _, ax = new_axes()
    pos = np.arange(len(summary))
    height = 0.4
    ax.barh(pos - height / 2, cust.to_numpy(), height, label=i18n._("Customers"), color="#1f5aa6")
    ax.barh(pos + height / 2, rev.to_numpy(), height, label=i18n._("Revenue"), color="#e07b39")
    names = display_names(pd.Index(summary.index.astype(object)))
    ax.set_yticks(pos, [str(s) for s in names])
    ax.invert_yaxis()  # first segment on top
    return finish(
        ax,
        i18n._("Share of customers and revenue by segment"),
        i18n._("Share (%)"),
        i18n._("Segment"),
    )


def plot_rfm_heatmap(
    scores,
    ax=None,
    *,
    bins: int | None = None,
    monetary_col: str = "monetary",
    currency: str = "CNY",
):
    """Heatmap of mean monetary value for every R × F score pair.

    Parameters
    ----------
    scores : DataFrame
        Output of :func:`rfm_scores` (columns ``R``, ``F`` and ``monetary_col``).
    ax : matplotlib Axes, optional
        Axes to draw on (default: a new one).
    bins : int, optional
        The ``bins`` of :func:`rfm_scores`: rows and columns 1 … ``bins``.
        Default: up to the highest R or F score present.
    monetary_col : str, default "monetary"
        Column averaged in each cell.
    currency : str, default "CNY"
        Unit shown on the colour bar.

    Returns
    -------
    Axes
        Rows R (best at the top), columns F; empty cells (no customer, e.g. a
        score swallowed by ties) are blank.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> s = pd.DataFrame({"R": [1, 2, 2], "F": [1, 1, 2], "monetary": [10.0, 30.0, 50.0]})
    >>> plot_rfm_heatmap(s).get_ylabel()
    'Recency score R (1 = longest ago)'
    """
    import seaborn as sns

    from ..plots import finish, new_axes

    name = "scores"
    v.require_frame(scores, name)
    v.require_columns(scores, ["R", "F", monetary_col], name)
    r = v.numeric_column(scores, "R", name).astype("int64")
    f = v.numeric_column(scores, "F", name).astype("int64")
    mon = v.numeric_column(scores, monetary_col, name)
    top = int(max(r.max(), f.max())) if bins is None else int(bins)
    if top < max(r.max(), f.max()):
        raise ValueError(f"bins={bins} is below the highest R or F score, {int(max(r.max(), f.max()))}")
    grid = pd.DataFrame({"R": r.to_numpy(), "F": f.to_numpy(), "m": mon.to_numpy()}).pivot_table(
        index="R", columns="F", values="m", aggfunc="mean"
    )
    grid = grid.reindex(index=range(top, 0, -1), columns=range(1, top + 1))
    if ax is None:
        _, ax = new_axes(figsize=(7, 5.5))
    sns.heatmap(
        grid,
        ax=ax,
        annot=True,
        fmt=",.0f",
        cmap="Blues",
        cbar_kws={"label": i18n._("Mean monetary ({currency})", currency=currency)},
    )
    return finish(
        ax,
        i18n._("Mean monetary value by R and F score"),
        i18n._("Frequency score F (1 = fewest purchases)"),
        i18n._("Recency score R (1 = longest ago)"),
    )
