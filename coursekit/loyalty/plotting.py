"""Charts of :mod:`coursekit.loyalty`; matplotlib is imported only inside these functions."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = ["plot_loyalty_matrix", "plot_survival"]


def plot_loyalty_matrix(table: pd.DataFrame, *, ax=None):
    """The attitude x repeat-behaviour matrix of the four loyalty types (seed 002), with counts.

    Parameters
    ----------
    table : DataFrame
        :func:`coursekit.loyalty.loyalty_types` result (``loyalty_type``).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import pandas as pd
    >>> t = pd.DataFrame({"loyalty_type": ["ideal", "none", "none"]})
    >>> plot_loyalty_matrix(t).get_xlabel()
    'Repeat purchase (share of the last 4 quarters with an order)'
    """
    from ..plots import finish, new_axes

    v.require_frame(table, "table")
    v.require_columns(table, ["loyalty_type"], "table")
    counts = table["loyalty_type"].astype(str).value_counts()
    total = max(int(counts.sum()), 1)
    # (x, y) = (repeat high?, attitude high?)
    cells = {"ideal": (1, 1), "latent": (0, 1), "spurious": (1, 0), "none": (0, 0)}
    colours = {"ideal": "#2a9d8f", "latent": "#8ab17d", "spurious": "#e9c46a", "none": "#e76f51"}
    if ax is None:
        _, ax = new_axes(figsize=(6.5, 5))
    for key, (x, y) in cells.items():
        n = int(counts.get(key, 0))
        ax.add_patch(
            __import__("matplotlib.patches", fromlist=["Rectangle"]).Rectangle(
                (x, y), 1, 1, facecolor=colours[key], alpha=0.6, label=i18n.name("loyalty_type", key)
            )
        )
        ax.text(x + 0.5, y + 0.55, i18n.name("loyalty_type", key), ha="center", va="center", fontsize=11)
        ax.text(
            x + 0.5, y + 0.4, i18n._("{n} customers ({pct:.0f} %)", n=n, pct=100 * n / total), ha="center", va="center"
        )
    ax.set_xlim(0, 2)
    ax.set_ylim(0, 2)
    ax.set_xticks([0.5, 1.5], [i18n._("low"), i18n._("high")])
    ax.set_yticks([0.5, 1.5], [i18n._("low"), i18n._("high")])
    ax.grid(False)
    return finish(
        ax,
        i18n._("Four loyalty types: attitude x repeat purchase"),
        i18n._("Repeat purchase (share of the last 4 quarters with an order)"),
        i18n._("Attitude (latest NPS answer, 0-10)"),
        legend=False,
    )


def plot_survival(curves: pd.DataFrame, *, ax=None):
    """Kaplan-Meier survival curves (生存曲线): share of customers still buying after t months.

    Parameters
    ----------
    curves : DataFrame
        :func:`coursekit.loyalty.kaplan_meier` result (index months, one column per group, %).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import pandas as pd
    >>> curves = pd.DataFrame({"all": [100.0, 75.0, 50.0]}, index=pd.Index([0.0, 12.0, 24.0], name="months"))
    >>> plot_survival(curves).get_ylabel()
    'Customers still buying (%)'
    """
    from ..plots import finish, new_axes

    v.require_frame(curves, "curves")
    if ax is None:
        _, ax = new_axes()
    months = np.asarray(curves.index, dtype=float)
    for col in curves.columns:
        label = i18n.display(str(col), ["value_tier"]) if col != "all" else i18n._("All customers")
        ax.step(months, curves[col].to_numpy(dtype=float), where="post", label=label)
    ax.set_ylim(0, 101)
    return finish(
        ax,
        i18n._("Kaplan-Meier survival curve: how long customers stay"),
        i18n._("Months since the account was opened (months)"),
        i18n._("Customers still buying (%)"),
        legend=True,
    )
