"""Charts after profiling (客户画像后的数据分析图表). matplotlib is imported inside each function."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from .touchpoints import header, show

__all__ = ["plot_choose_k", "plot_gain", "plot_persona_centres", "plot_persona_shares", "plot_touchpoints"]


def _persona_labels(index) -> list[str]:
    return [str(s) for s in i18n.display(pd.Index(pd.Index(index).astype(object), name="persona"), "persona")]


def plot_choose_k(table: pd.DataFrame, ax=None):
    """Elbow and silhouette against k: inertia as bars (left axis), silhouette as a line (right axis).

    Parameters
    ----------
    table : DataFrame
        Output of :func:`coursekit.personas.choose_k` (index ``k``; ``inertia``, ``silhouette``).
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes
        The left axes; the right one is ``ax.right_ax``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> t = pd.DataFrame({"inertia": [10.0, 6.0], "silhouette": [0.3, 0.4]}, index=pd.Index([2, 3], name="k"))
    >>> ax = plot_choose_k(t)
    >>> ax.get_xlabel()
    'Number of personas k (clusters)'
    """
    from ..plots import finish, new_axes

    v.require_frame(table, "table")
    v.require_columns(table, ["inertia", "silhouette"], "table")
    if ax is None:
        _, ax = new_axes()
    ks = np.asarray(table.index, dtype=int)
    ax.bar(ks, table["inertia"].to_numpy(), color="#9bb7d9", label=i18n._("Inertia (left axis)"))
    right = ax.twinx()
    right.plot(ks, table["silhouette"].to_numpy(), "o-", color="#e07b39", label=i18n._("Silhouette (right axis)"))
    right.set_ylabel(i18n._("Silhouette (-1 to 1)"))
    ax.right_ax = right
    ax.set_xticks(ks)
    handles = ax.get_legend_handles_labels()[0] + right.get_legend_handles_labels()[0]
    finish(
        ax,
        i18n._("Choosing the number of personas"),
        i18n._("Number of personas k (clusters)"),
        i18n._("Inertia (sum of squared z-distances)"),
        legend=False,
    )
    ax.legend(handles, [h.get_label() for h in handles], loc="upper center")
    return ax


def plot_persona_shares(summary: pd.DataFrame, ax=None):
    """Share of customers and share of revenue per persona (the first chart after profiling).

    Parameters
    ----------
    summary : DataFrame
        :func:`coursekit.personas.profile_by` by ``persona`` (``customer_share``, ``revenue_share``).
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> s = pd.DataFrame({"customer_share": [0.3, 0.7], "revenue_share": [0.9, 0.1]},
    ...                  index=pd.Index(["busy_regulars", "silent"], name="persona"))
    >>> [t.get_text() for t in plot_persona_shares(s).get_yticklabels()]
    ['Busy regulars', 'Silent accounts']
    """
    from ..plots import finish, new_axes

    v.require_frame(summary, "summary")
    v.require_columns(summary, ["customer_share", "revenue_share"], "summary")
    if ax is None:
        _, ax = new_axes()
    pos = np.arange(len(summary))
    h = 0.4
    ax.barh(pos - h / 2, 100 * summary["customer_share"].to_numpy(), h, color="#1f5aa6", label=i18n._("Customers"))
    ax.barh(pos + h / 2, 100 * summary["revenue_share"].to_numpy(), h, color="#e07b39", label=i18n._("Revenue"))
    ax.set_yticks(pos, _persona_labels(summary.index))
    ax.invert_yaxis()
    return finish(ax, i18n._("Share of customers and revenue by persona"), i18n._("Share (%)"), i18n._("Persona"))


def plot_persona_centres(centres: pd.DataFrame, ax=None):
    """Heatmap of the persona centres: how far above (+) or below (−) the average customer each persona is.

    Parameters
    ----------
    centres : DataFrame
        Output of :func:`coursekit.personas.persona_centres` (z-scores).
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> c = pd.DataFrame({"orders": [1.2, -1.0]}, index=pd.Index(["busy_regulars", "silent"], name="persona"))
    >>> plot_persona_centres(c).get_ylabel()
    'Persona'
    """
    from ..plots import finish, new_axes

    v.require_frame(centres, "centres")
    values = centres.to_numpy(dtype=float)
    if ax is None:
        _, ax = new_axes(figsize=(9, 3.8))
    lim = max(1.0, float(np.nanmax(np.abs(values))))
    image = ax.imshow(values, cmap="RdBu_r", vmin=-lim, vmax=lim, aspect="auto")
    for (r, c), val in np.ndenumerate(values):
        colour = "white" if abs(val) > 0.6 * lim else "black"  # readable on dark cells
        ax.text(c, r, f"{val:+.1f}", ha="center", va="center", fontsize=8, color=colour)
    cols = [header(c) for c in centres.columns]
    ax.set_xticks(range(len(cols)), [str(c) for c in cols], rotation=35, ha="right")
    ax.set_yticks(range(len(centres)), _persona_labels(centres.index))
    bar = ax.figure.colorbar(image, ax=ax)
    bar.set_label(i18n._("Standard deviations from the average customer (z)"))
    ax.grid(False)
    return finish(
        ax,
        i18n._("Persona centres: above (red) or below (blue) the average customer"),
        i18n._("Feature (z-score, SD)"),
        i18n._("Persona"),
        legend=False,
    )


def plot_gain(table: pd.DataFrame, ax=None):
    """Cumulative gain chart (增益图): share of next quarter's buyers reached by calling the top of the list.

    Parameters
    ----------
    table : DataFrame
        Output of :func:`coursekit.personas.gain_table` (``contacted_share``, ``gain``, ``lift``).
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> g = pd.DataFrame({"contacted_share": [0.5, 1.0], "gain": [0.8, 1.0], "lift": [1.6, 1.0]})
    >>> plot_gain(g).get_xlabel()
    'Customers called, best scores first (%)'
    """
    from ..plots import finish, new_axes

    v.require_frame(table, "table")
    v.require_columns(table, ["contacted_share", "gain", "lift"], "table")
    if ax is None:
        _, ax = new_axes(figsize=(6.5, 4.5))
    x = np.r_[0, 100 * table["contacted_share"].to_numpy()]
    y = np.r_[0, 100 * table["gain"].to_numpy()]
    ax.plot(x, y, "o-", color="#1f5aa6", label=i18n._("Model ranking"))
    ax.plot([0, 100], [0, 100], "--", color="grey", label=i18n._("Random calling"))
    for xi, yi, lift in zip(x[1:], y[1:], table["lift"].to_numpy()):
        ax.annotate(f"{lift:.2f}×", (xi, yi), textcoords="offset points", xytext=(4, -12), fontsize=7)
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 102)
    return finish(
        ax,
        i18n._("Cumulative gain, with the lift at each step"),
        i18n._("Customers called, best scores first (%)"),
        i18n._("Next-quarter buyers reached (%)"),
    )


def plot_touchpoints(table: pd.DataFrame, ax=None):
    """Contacts per customer of each persona by touchpoint, as stacked horizontal bars.

    Parameters
    ----------
    table : DataFrame
        Output of :func:`coursekit.personas.touchpoints`.
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> t = pd.DataFrame({"phone": [1.0, 0.1], "routine": [2.0, 0.0]},
    ...                  index=pd.Index(["busy_regulars", "silent"], name="persona"))
    >>> [t.get_text() for t in plot_touchpoints(t).get_legend().get_texts()]
    ['Phone', 'Routine visit']
    """
    from ..plots import finish, new_axes

    v.require_frame(table, "table")
    if ax is None:
        _, ax = new_axes(figsize=(9, 4.5))
    named = show(table)
    left = np.zeros(len(table))
    colours = __import__("matplotlib").colormaps["tab20"].colors
    for i, (col, label) in enumerate(zip(table.columns, named.columns)):
        values = table[col].to_numpy(dtype=float)
        ax.barh(np.arange(len(table)), values, left=left, color=colours[i % len(colours)], label=str(label))
        left += values
    ax.set_yticks(np.arange(len(table)), _persona_labels(table.index))
    ax.invert_yaxis()
    finish(
        ax,
        i18n._("Connection points: contacts per customer in the last 12 months"),
        i18n._("Contacts per customer (count)"),
        i18n._("Persona"),
        legend=False,
    )
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8)
    ax.figure.tight_layout()
    return ax
