"""Charts of satisfaction: NPS by group with its interval, and the importance-performance matrix.

matplotlib and :mod:`coursekit.plots` are imported inside the functions, so that
``from coursekit import satisfaction`` stays light.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = ["plot_importance_performance", "plot_nps_by"]


def _labels(index: pd.Index) -> list[str]:
    if isinstance(index, pd.MultiIndex):
        levels = [i18n.display(index.get_level_values(i).astype(object)).tolist() for i in range(index.nlevels)]
        return [" · ".join(str(x) for x in parts) for parts in zip(*levels)]
    return [str(x) for x in i18n.display(pd.Index(index.astype(object), name=index.name)).tolist()]


def _lookup_dimensions() -> dict:
    from .nps import DIMENSIONS

    return {key: i18n._(english) for key, english in DIMENSIONS.items()}


def plot_nps_by(table: pd.DataFrame, *, ax=None):
    """Bar chart of NPS per group with its confidence interval (output of :func:`nps_by`).

    Parameters
    ----------
    table : DataFrame
        Output of :func:`~coursekit.satisfaction.nps_by`: ``nps``, ``low``, ``high`` per group.
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes
        One bar per group (NPS points, -100 to 100), the interval as an error bar, a line at 0.

    Raises
    ------
    TypeError
        Not a DataFrame, columns not numeric.
    ValueError
        An empty table or a missing column.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> table = pd.DataFrame({"nps": [10.0, -5.0], "low": [0.0, -20.0], "high": [20.0, 10.0]},
    ...                      index=pd.Index([2024, 2025], name="year"))
    >>> ax = plot_nps_by(table)
    >>> [t.get_text() for t in ax.get_xticklabels()], ax.get_ylabel()
    (['2024', '2025'], 'NPS (points, -100 to 100)')
    """
    from ..plots import PALETTE, finish, new_axes

    v.require_frame(table, "table")
    v.require_columns(table, ["nps", "low", "high"], "table")
    score = v.numeric_column(table, "nps", "table").to_numpy()
    low = v.numeric_column(table, "low", "table").to_numpy()
    high = v.numeric_column(table, "high", "table").to_numpy()
    if ax is None:
        _, ax = new_axes(figsize=(max(6.0, 0.9 * len(table) + 2), 4.5))
    positions = np.arange(len(table))
    colors = [PALETTE[2] if s >= 0 else PALETTE[3] for s in score]
    ax.bar(positions, score, color=colors, alpha=0.85, label=i18n._("NPS"))
    ax.errorbar(
        positions,
        score,
        yerr=[score - low, high - score],
        fmt="none",
        ecolor="black",
        capsize=4,
        label=i18n._("Confidence interval"),
    )
    ax.axhline(0, color="grey", linewidth=0.8)
    for pos, s in zip(positions, score):
        ax.text(pos, s, f"{s:.0f}", ha="center", va="bottom" if s >= 0 else "top", fontsize=9)
    ax.set_xticks(positions)
    ax.set_xticklabels(_labels(table.index), rotation=0 if len(table) <= 6 else 30, ha="center")
    dims = _lookup_dimensions()
    what = " · ".join(dims.get(n, str(n)) for n in table.index.names if n) or i18n._("Group")
    return finish(
        ax,
        i18n._("Net Promoter Score by group, with confidence interval"),
        i18n._("{what} (group)", what=what),
        i18n._("NPS (points, -100 to 100)"),
    )


def plot_importance_performance(drivers: pd.DataFrame, *, importance: str | None = None, ax=None):
    """The importance-performance matrix (重要性-绩效矩阵) of :func:`key_drivers`.

    Parameters
    ----------
    drivers : DataFrame
        Output of :func:`~coursekit.satisfaction.key_drivers`: ``performance``,
        ``derived_pct`` and ``stated`` per attribute.
    importance : {"derived", "stated"}, optional
        Importance on the y axis (default: the one the cells were made with).
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes
        One point per attribute (named), x = mean performance (1-10), y = importance; dashed
        lines at the means split the four cells, each cell named in its corner.

    Raises
    ------
    TypeError
        Not a DataFrame, columns not numeric.
    ValueError
        An empty table, a missing column or an unknown ``importance``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> drivers = pd.DataFrame({"performance": [6.0, 7.5], "derived_pct": [70.0, 30.0], "stated": [8.0, 9.0]},
    ...                        index=pd.Index(["delivery", "price"], name="attribute"))
    >>> ax = plot_importance_performance(drivers)
    >>> ax.get_xlabel()
    'Performance (mean score, 1-10)'
    """
    from ..datasets import SURVEY_ATTRIBUTES  # noqa: F401 - registers the attribute names
    from ..plots import PALETTE, finish, new_axes

    v.require_frame(drivers, "drivers")
    importance = importance or drivers.attrs.get("importance", "derived")
    if importance not in ("derived", "stated"):
        raise ValueError(f"importance must be 'derived' or 'stated', got {importance!r}")
    column = "derived_pct" if importance == "derived" else "stated"
    v.require_columns(drivers, ["performance", column], "drivers")
    x = v.numeric_column(drivers, "performance", "drivers").to_numpy()
    y = v.numeric_column(drivers, column, "drivers").to_numpy()
    if ax is None:
        _, ax = new_axes(figsize=(8, 6))
    ax.scatter(x, y, s=80, color=PALETTE[0], zorder=3, label=i18n._("Attribute"))
    names = i18n.display(pd.Index(drivers.index.astype(object), name="attribute"), "survey_attribute")
    for xi, yi, label in zip(x, y, names):
        ax.annotate(str(label), (xi, yi), textcoords="offset points", xytext=(6, 6), fontsize=9)
    x_cut, y_cut = float(x.mean()), float(y.mean())
    ax.axvline(x_cut, color="grey", linestyle="--", linewidth=1, label=i18n._("Mean over the attributes"))
    ax.axhline(y_cut, color="grey", linestyle="--", linewidth=1)
    x_pad = max(0.5, 0.15 * float(np.ptp(x)))
    y_pad = max(1.0 if importance == "derived" else 0.3, 0.15 * float(np.ptp(y)))
    ax.set_xlim(float(x.min()) - x_pad, float(x.max()) + x_pad)
    ax.set_ylim(float(y.min()) - y_pad, float(y.max()) + y_pad)
    corners = {
        "concentrate": (0.02, 0.97, "left", "top"),
        "keep_up": (0.98, 0.97, "right", "top"),
        "low_priority": (0.02, 0.03, "left", "bottom"),
        "overkill": (0.98, 0.03, "right", "bottom"),
    }
    for key, (cx, cy, ha, va) in corners.items():
        ax.text(
            cx,
            cy,
            i18n.name("ipa_quadrant", key),
            transform=ax.transAxes,
            ha=ha,
            va=va,
            fontsize=8,
            color=PALETTE[3] if key == "concentrate" else "dimgrey",
        )
    ylabel = (
        i18n._("Derived importance (% of the regression weight)")
        if importance == "derived"
        else i18n._("Stated importance (mean score, 1-10)")
    )
    return finish(
        ax, i18n._("Importance-performance matrix"), i18n._("Performance (mean score, 1-10)"), ylabel, legend=True
    )
