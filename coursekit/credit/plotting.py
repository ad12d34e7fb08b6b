"""Charts of the credit topic: score distributions by outcome, receivables by aging bucket.

matplotlib is imported inside the functions, so that ``from coursekit import credit`` stays light.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = ["plot_aging", "plot_score_distributions"]


def plot_score_distributions(score: pd.Series, bad, *, bins: int = 20, ax=None):
    """Histograms of the score for goods and for bads (defaults), each in % of its own group.

    Parameters
    ----------
    score : Series
        One score per applicant.
    bad : Series or array
        1 for a default (a Series is aligned on the index of ``score``).
    bins : int, default 20
        Number of equal-width score bands.
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes
        Two step histograms with a legend giving the number of applicants in each group.

    Raises
    ------
    TypeError
        ``score`` not a Series.
    ValueError
        No values, lengths differ, missing values, ``bad`` not 0/1.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> ax = plot_score_distributions(pd.Series([550.0, 580, 600, 620]), [1, 0, 0, 0])
    >>> ax.get_title()
    'Score distribution by outcome'
    """
    from ..plots import PALETTE, finish, new_axes

    v.require_series(score, "score")
    b = np.asarray(bad.reindex(score.index) if isinstance(bad, pd.Series) else bad, dtype=float)
    s = score.to_numpy(dtype=float)
    if len(b) != len(s):
        raise ValueError(f"score and bad must have the same length, got {len(s)} and {len(b)}")
    if np.isnan(s).any() or np.isnan(b).any() or not set(np.unique(b)) <= {0.0, 1.0}:
        raise ValueError("score must have no missing values and bad must hold only 0 and 1")
    v.require_in_range(bins, "bins", 2, None)
    if ax is None:
        _, ax = new_axes()
    edges = np.linspace(s.min(), s.max(), int(bins) + 1)
    for value, label, colour in ((0, i18n._("Good (paid)"), PALETTE[0]), (1, i18n._("Bad (defaulted)"), PALETTE[3])):
        group = s[b == value]
        if len(group):
            weights = np.full(len(group), 100 / len(group))
            ax.hist(
                group,
                bins=edges,
                weights=weights,
                histtype="step",
                linewidth=2,
                color=colour,
                label=f"{label}, n = {len(group)}",
            )
    return finish(
        ax, i18n._("Score distribution by outcome"), i18n._("Score (points)"), i18n._("Share of the group (%)")
    )


def plot_aging(table: pd.DataFrame, *, ax=None):
    """Bar chart of open receivables by aging bucket (账龄), from :func:`~credit.aging`.

    Parameters
    ----------
    table : DataFrame
        Indexed by bucket, with ``amount`` (CNY).
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes
        One bar per bucket, in the reader's money units, each labelled with its share.

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        An empty table, no ``amount`` column.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> t = pd.DataFrame({"amount": [100.0, 50.0]}, index=pd.Index(["not_due", "d1_30"], name="bucket"))
    >>> plot_aging(t).get_ylabel()
    'Open receivables (CNY)'
    """
    from ..plots import PALETTE, finish, money_formatter, new_axes

    v.require_frame(table, "table")
    v.require_columns(table, ["amount"], "table")
    if ax is None:
        _, ax = new_axes()
    labels = list(i18n.display(pd.Index(table.index.astype(str)), "aging_bucket"))
    amounts = table["amount"].to_numpy(dtype=float)
    colours = [PALETTE[0] if str(k) == "not_due" else PALETTE[3] for k in table.index]
    pos = np.arange(len(amounts))
    ax.bar(pos, amounts, color=colours, alpha=0.85)
    total = amounts.sum()
    for p, a in zip(pos, amounts):
        ax.text(p, a, f"{a / total:.0%}" if total else "", ha="center", va="bottom", fontsize=9)
    ax.set_xticks(pos)
    ax.set_xticklabels(labels, rotation=20, ha="right")
    ax.yaxis.set_major_formatter(money_formatter())
    ax.grid(axis="x", visible=False)
    return finish(
        ax,
        i18n._("Open receivables by aging bucket"),
        i18n._("Days overdue at the report date"),
        i18n._("Open receivables (CNY)"),
    )
