"""Tier charts. matplotlib and :mod:`coursekit.plots` are imported inside the function,
so that ``from coursekit import tiers`` stays light."""

from __future__ import annotations

import numpy as np

from .. import i18n
from .concentration import _ranked, _values, lorenz_curve

__all__ = ["plot_abc_curves", "plot_pareto"]


def plot_pareto(values, ax=None, *, currency: str = "CNY"):
    """Pareto chart: value per customer (bars, largest first) and cumulative share (line).

    Marks the 80 % value line and the top 20 % of customers and annotates
    what share of customers reaches 80 % of value and what share of value the
    top 20 % hold.

    Parameters
    ----------
    values : Series
        Non-negative value per customer (e.g. revenue), indexed by customer id.
    ax : matplotlib Axes, optional
        Axes for the bars (default: a new one); the cumulative line is drawn
        on a twin axis, available as ``ax.right_ax``.
    currency : str, default "CNY"
        Unit of ``values`` for the bar axis.

    Returns
    -------
    Axes
        The bar axes (x: share of customers in %, y: value per customer).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> ax = plot_pareto(pd.Series([50.0, 30.0, 10.0, 5.0, 5.0], index=list("ABCDE")))
    >>> ax.right_ax.get_ylabel()
    'Cumulative share of value (%)'
    """
    from matplotlib.ticker import FuncFormatter

    from ..plots import finish, new_axes

    s = _values(values)
    curve = lorenz_curve(s)
    n = len(s)
    ranked = _ranked(s)
    if ax is None:
        _, ax = new_axes()
    width = 100.0 / n
    # a money unit of the catalog ("CNY thousand") is shown in the language in use (千元)
    currency = i18n._(currency, context="money_unit")
    bar_label = i18n._("Value per customer ({currency})", currency=currency)
    if n <= 200:
        x_mid = (np.arange(n) + 0.5) * width
        ax.bar(
            x_mid,
            ranked.to_numpy(),
            width=width * (0.9 if n <= 50 else 1.0),
            color="#1f5aa6",
            alpha=0.75,
            linewidth=0,
            label=bar_label,
        )
    else:
        # Thousands of one-pixel bars are slow to draw and look the same as a filled step curve.
        edges = np.arange(n + 1) * width
        heights = np.append(ranked.to_numpy(), ranked.iloc[-1])
        ax.fill_between(edges, heights, step="post", color="#1f5aa6", alpha=0.75, linewidth=0, label=bar_label)
    # Plain thousands separators instead of matplotlib's "1e6" offset text.
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.0f}"))
    ax.set_xlim(0, 100)
    right = ax.twinx()
    xs = curve["customer_share"].to_numpy() * 100
    ys = curve["value_share"].to_numpy() * 100
    right.plot(xs, ys, color="#e07b39", linewidth=2, label=i18n._("Cumulative share"))
    right.set_ylim(0, 105)
    right.grid(False)
    right.set_ylabel(i18n._("Cumulative share of value (%)"))

    # 80 % of value: where the curve reaches it.
    reach80 = float(np.interp(80.0, ys, xs))
    right.axhline(80, color="#7f7f7f", linestyle="--", linewidth=1)
    right.annotate(
        i18n._("80 % of value: top {reach80:.0f} % of customers", reach80=reach80),
        xy=(reach80, 80),
        xytext=(reach80 + 5, 65),
        arrowprops={"arrowstyle": "->", "color": "#7f7f7f"},
        fontsize=9,
    )
    # Top 20 % of customers: their share of value.
    top20 = float(np.interp(20.0, xs, ys))
    right.axvline(20, color="#3a9d5d", linestyle=":", linewidth=1)
    right.annotate(
        i18n._("Top 20 % of customers: {top20:.0f} % of value", top20=top20),
        xy=(20, top20),
        xytext=(25, max(top20 - 35, 10)),
        arrowprops={"arrowstyle": "->", "color": "#3a9d5d"},
        fontsize=9,
    )
    ax.right_ax = right
    finish(
        ax,
        i18n._("Pareto chart of customer value"),
        i18n._("Share of customers, largest first (%)"),
        i18n._("Value per customer ({currency})", currency=currency),
        legend=False,
    )
    handles = ax.get_legend_handles_labels()[0] + right.get_legend_handles_labels()[0]
    ax.legend(handles=handles, loc="center right")
    return ax


def plot_abc_curves(table, ax=None, *, first: str = "revenue", second: str = "gross_margin"):
    """Pareto curves of two measures on one chart: what changes when margin is ranked, not revenue.

    Three curves: the cumulative share of ``first`` with customers ranked by ``first``; of
    ``second`` ranked by ``second``; and of ``second`` with customers still ranked by ``first``
    (dashed). The gap between the last two is the margin a revenue ranking puts in the wrong place.

    Parameters
    ----------
    table : DataFrame
        Indexed by customer id with the numeric columns ``first`` and ``second`` (e.g. an
        :func:`abc_compare` or :func:`coursekit.value.net_profit` result). Zero or negative values
        count as 0, as in :func:`abc_compare`.
    ax : matplotlib Axes, optional
        Where to draw (default: a new one).
    first, second : str
        The two measures (names come from the catalog when known: revenue, gross margin).

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> table = pd.DataFrame({"revenue": [50.0, 30.0, 10.0], "gross_margin": [5.0, 9.0, 4.0]}, index=list("ABC"))
    >>> ax = plot_abc_curves(table)
    >>> ax.get_xlabel()
    'Share of customers, largest first (%)'
    """
    from .. import _validate as v
    from ..plots import finish, new_axes

    v.require_frame(table, "table")
    v.require_columns(table, [first, second], "table")
    one = v.numeric_column(table, first, "table").clip(lower=0)
    two = v.numeric_column(table, second, "table").clip(lower=0)
    if ax is None:
        _, ax = new_axes()
    n = len(one)
    xs = np.arange(n + 1) / n * 100
    label_one, label_two = i18n._(_MEASURES.get(first, first)), i18n._(_MEASURES.get(second, second))
    by_one = _ranked(one).index
    for values, order, label, style in (
        (one, by_one, i18n._("{measure}, ranked by {measure}", measure=label_one), "-"),
        (two, _ranked(two).index, i18n._("{measure}, ranked by {measure}", measure=label_two), "-"),
        (two, by_one, i18n._("{measure}, ranked by {other}", measure=label_two, other=label_one), "--"),
    ):
        cum = np.concatenate([[0.0], values.loc[order].cumsum().to_numpy() / values.sum() * 100])
        ax.plot(xs, cum, linestyle=style, linewidth=2, label=label)
    ax.axhline(80, color="#7f7f7f", linestyle=":", linewidth=1)
    ax.axvline(20, color="#7f7f7f", linestyle=":", linewidth=1)
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 102)
    return finish(
        ax,
        i18n._("Pareto curves: revenue and gross margin"),
        i18n._("Share of customers, largest first (%)"),
        i18n._("Cumulative share (%)"),
        legend=True,
    )


_MEASURES = {
    "revenue": i18n.N_("Revenue"),
    "gross_margin": i18n.N_("Gross margin"),
    "net_profit": i18n.N_("Net profit"),
}
