"""Lifecycle and profit-driver charts. matplotlib and :mod:`coursekit.plots` are imported inside the
functions, so that ``from coursekit import lifecycle`` stays light."""

from __future__ import annotations

import pandas as pd

from .. import _validate as v
from .. import i18n
from .drivers import BONES, DRIVERS
from .stages import STAGES

__all__ = ["plot_fishbone", "plot_stage_revenue"]

_GAIN, _COST = "#3a9d5d", "#c0392b"
_GAIN_BONES = ("volume", "price_mix")


def _figure(value: float, unit: str) -> str:
    from ..plots import format_money

    if unit == "percent":
        return f"{value:.1f} %"
    if unit == "count":
        return f"{value:,.0f}"
    return format_money(value, decimals=1 if abs(value) >= 1e4 else 0)


def plot_fishbone(drivers: pd.DataFrame, ax=None):
    """Fishbone (cause-and-effect, 鱼骨图) diagram of customer profit, with the figures on each bone.

    Parameters
    ----------
    drivers : DataFrame
        A :func:`coursekit.lifecycle.profit_drivers` result (``bone``, ``value``, ``unit``,
        indexed by driver key).
    ax : matplotlib Axes, optional
        Where to draw (default: a new one).

    Returns
    -------
    Axes
        Six bones (revenue factors in green, cost factors in red) lead to the head, customer
        profit, which shows the net profit and the number of customers with a loss.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> from coursekit.lifecycle.drivers import DRIVERS, _BONE_OF
    >>> drivers = pd.DataFrame({"bone": [_BONE_OF[k] for k in DRIVERS], "value": 1000.0, "unit": "CNY"},
    ...                        index=list(DRIVERS))
    >>> ax = plot_fishbone(drivers)
    >>> ax.get_title()
    'What drives customer profit (fishbone)'
    """
    from matplotlib.lines import Line2D

    from ..plots import finish, new_axes

    v.require_frame(drivers, "drivers")
    v.require_columns(drivers, ["bone", "value", "unit"], "drivers")
    missing = [k for k in DRIVERS if k not in drivers.index]
    if missing:
        raise ValueError(f"drivers has no row for {missing}: pass a profit_drivers result")
    if ax is None:
        _, ax = new_axes(figsize=(12, 6))
    ax.set_xlim(0, 16)
    ax.set_ylim(0, 7)
    ax.plot([0.3, 13.2], [3.5, 3.5], color="#333333", linewidth=3)
    bones = [b for b in BONES if b != "result"]
    xs = [3.0, 7.2, 11.4]
    for i, bone in enumerate(bones):
        top = i < 3
        x0 = xs[i % 3]
        y0 = 6.4 if top else 0.6
        x1, y1 = x0 + 1.8, 3.5
        color = _GAIN if bone in _GAIN_BONES else _COST
        ax.plot([x0, x1], [y0, y1], color=color, linewidth=2)
        ax.text(
            x0,
            y0 + (0.15 if top else -0.15),
            i18n.name("profit_bone", bone),
            ha="center",
            va="bottom" if top else "top",
            fontsize=10,
            fontweight="bold",
            color=color,
        )
        rows = drivers[drivers["bone"].astype(str) == bone]
        for j, (key, row) in enumerate(rows.iterrows()):
            t = (j + 1) / (len(rows) + 1)
            xr, yr = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
            ax.plot([xr - 0.3, xr], [yr, yr], color=color, linewidth=1)
            label = f"{i18n.name('profit_driver', key)}: {_figure(float(row['value']), str(row['unit']))}"
            ax.text(xr - 0.35, yr, label, ha="right", va="center", fontsize=7.5)
    head = drivers[drivers["bone"].astype(str) == "result"]
    lines = [i18n.name("profit_bone", "result")] + [
        f"{i18n.name('profit_driver', k)}: {_figure(float(r['value']), str(r['unit']))}" for k, r in head.iterrows()
    ]
    ax.text(
        13.35,
        3.5,
        "\n".join(lines),
        ha="left",
        va="center",
        fontsize=9,
        bbox={"boxstyle": "round,pad=0.4", "facecolor": "#fdf2e9", "edgecolor": "#e07b39"},
    )
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    handles = [
        Line2D([], [], color=_GAIN, linewidth=2, label=i18n._("Revenue factor (adds to profit)")),
        Line2D([], [], color=_COST, linewidth=2, label=i18n._("Cost factor (takes from profit)")),
    ]
    finish(
        ax,
        i18n._("What drives customer profit (fishbone)"),
        i18n._("Causes → effect (money in CNY, rates in %)"),
        i18n._("Bones: groups of causes"),
        legend=False,
    )
    ax.legend(handles=handles, loc="lower right", fontsize=8)
    return ax


def plot_stage_revenue(summary: pd.DataFrame, ax=None):
    """Share of customers and share of revenue per lifecycle stage, side by side.

    Parameters
    ----------
    summary : DataFrame
        A :func:`coursekit.lifecycle.stage_summary` result.
    ax : matplotlib Axes, optional
        Where to draw (default: a new one).

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> from coursekit.lifecycle import stage_summary
    >>> table = pd.DataFrame({"stage": ["growth", "mature"], "revenue_last": [3.0, 1.0],
    ...                       "revenue_prior": [1.0, 1.0]})
    >>> ax = plot_stage_revenue(stage_summary(table))
    >>> ax.get_ylabel()
    'Share (%)'
    """
    import numpy as np

    from ..plots import finish, new_axes

    v.require_frame(summary, "summary")
    v.require_columns(summary, ["customer_share", "revenue_share"], "summary")
    if ax is None:
        _, ax = new_axes()
    keys = [str(k) for k in summary.index]
    x = np.arange(len(keys))
    ax.bar(x - 0.2, 100 * summary["customer_share"].to_numpy(), width=0.4, color="#9dbbe0", label=i18n._("Customers"))
    ax.bar(x + 0.2, 100 * summary["revenue_share"].to_numpy(), width=0.4, color="#1f5aa6", label=i18n._("Revenue"))
    ax.set_xticks(x)
    ax.set_xticklabels([i18n.name("lifecycle_stage", k) if k in STAGES else k for k in keys])
    return finish(
        ax,
        i18n._("Customers and revenue by lifecycle stage"),
        i18n._("Lifecycle stage (rule at the end date)"),
        i18n._("Share (%)"),
        legend=True,
    )
