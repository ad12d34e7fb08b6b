"""Charts of the customers topic: monthly net revenue and the customer mix.

matplotlib and :mod:`coursekit.plots` are imported inside the functions, so that
``from coursekit import customers`` stays light for calculations.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from ..i18n import tr
from .mix import category_label, customer_mix

__all__ = ["plot_customer_mix", "plot_monthly_revenue"]

#: Money units of the y axis: name -> (divisor, English, Chinese).
MONEY_UNITS = {"CNY": (1.0, "CNY", "元"), "CNY thousand": (1e3, "CNY thousand", "千元"),
               "CNY million": (1e6, "CNY million", "百万元")}

_MIX_TEXT = {
    "region": (("Customers by region", "各地区客户数"), ("Sales region", "销售区域")),
    "customer_type": (("Customers by type", "各类型客户数"), ("Customer type", "客户类型")),
    "size": (("Customers by company size", "各规模客户数"), ("Company size (employees)", "企业规模（员工人数）")),
    "industry": (("Customers by industry", "各行业客户数"), ("Industry", "行业")),
    "acquisition_channel": (("Customers by acquisition channel", "各获客渠道客户数"),
                            ("Acquisition channel", "获客渠道")),
    "account_manager": (("Customers by account manager", "各客户经理名下客户数"), ("Account manager", "客户经理")),
}


def _runs(flags: np.ndarray):
    """(first, last, flag) of each run of equal values in ``flags``."""
    edges = np.flatnonzero(flags[1:] != flags[:-1]) + 1
    starts = np.concatenate([[0], edges])
    stops = np.concatenate([edges, [len(flags)]]) - 1
    return [(int(a), int(b), bool(flags[a])) for a, b in zip(starts, stops)]


def plot_monthly_revenue(monthly: pd.DataFrame, *, money_unit: str = "CNY million", stacked: bool = True, ax=None):
    """Chart of :func:`~accounts.monthly_revenue`: stacked areas per group (or one line).

    A month flagged ``complete=False`` (cut by ``start`` or ``end``) is drawn faded and
    hatched (dashed for lines) and marked "incomplete", so that it does not read as a drop.

    Parameters
    ----------
    monthly : DataFrame
        Output of :func:`~accounts.monthly_revenue` (index: month; one column
        per group or ``net_revenue``; optionally ``complete``).
    money_unit : {"CNY", "CNY thousand", "CNY million"}
        Money unit of the y axis.
    stacked : bool, default True
        Stack the groups (the top edge is the total); False draws one line per group.
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes

    Raises
    ------
    TypeError
        Not a DataFrame, not indexed by month, values not numeric, ``complete`` not boolean.
    ValueError
        An empty table (no rows or no value columns), or an unknown ``money_unit``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> monthly = pd.DataFrame({"bearings": [1e6, 2e6]},
    ...                        index=pd.DatetimeIndex(["2025-01-01", "2025-02-01"], name="month"))
    >>> plot_monthly_revenue(monthly).get_ylabel()
    'Net revenue (CNY million)'
    """
    import matplotlib.dates as mdates

    from ..plots import PALETTE, finish, new_axes

    v.require_frame(monthly, "monthly")
    columns = [c for c in monthly.columns if c != "complete"]
    if not columns:
        raise ValueError("monthly is empty: it has no columns")
    if not isinstance(monthly.index, pd.DatetimeIndex):
        raise TypeError("monthly must be indexed by month (a DatetimeIndex): use monthly_revenue()")
    if money_unit not in MONEY_UNITS:
        raise ValueError(f"money_unit must be one of {', '.join(map(repr, MONEY_UNITS))}, got {money_unit!r}")
    if "complete" in monthly.columns:
        if not pd.api.types.is_bool_dtype(monthly["complete"]):
            raise TypeError("monthly column 'complete' must be boolean (True for a whole month)")
        complete = monthly["complete"].to_numpy(dtype=bool)
    else:
        complete = np.ones(len(monthly), dtype=bool)
    values = pd.DataFrame({c: v.numeric_column(monthly, c, "monthly") for c in columns}, index=monthly.index)
    scale, unit_en, unit_zh = MONEY_UNITS[money_unit]
    values = values / scale
    if ax is None:
        _, ax = new_axes()
    x = values.index
    single = columns == ["net_revenue"]
    labels = [tr("Net revenue", "净收入") if single else category_label(c) for c in columns]
    colors = [PALETTE[i % len(PALETTE)] for i in range(len(columns))]
    # a segment between two months is faded when either end is a partial month
    faded = ~(complete[:-1] & complete[1:]) if len(x) > 1 else np.zeros(1, dtype=bool)
    labelled = False
    for first, last, fade in _runs(faded):
        sl = slice(first, last + 2)
        show = None if labelled or fade and not faded.all() else labels
        labelled = labelled or show is not None
        if stacked and not single:
            ax.stackplot(x[sl], values.iloc[sl].T.to_numpy(), labels=show or (),
                         colors=colors, alpha=0.35 if fade else 0.85, linewidth=0, hatch="//" if fade else None)
        else:
            for i, (col, color) in enumerate(zip(columns, colors)):
                ax.plot(x[sl], values[col].iloc[sl], label=show[i] if show else None, color=color, linewidth=2,
                        linestyle="--" if fade else "-")
    top = values.sum(axis=1) if stacked and not single else values.max(axis=1)
    for when, height in zip(x[~complete], top[~complete]):
        ax.annotate(tr("incomplete", "不完整月份"), (when, height), xytext=(0, 4), textcoords="offset points",
                    ha="center", fontsize=8)
    ax.set_xlim(x.min(), x.max())
    ax.set_ylim(bottom=0)
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    finish(ax, tr("Net revenue per month", "月度净收入"), tr("Month", "月份"),
           tr(f"Net revenue ({unit_en})", f"净收入（{unit_zh}）"), legend=False)
    if not single:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9)
        ax.figure.tight_layout()
    return ax


def _bar_counts(counts: pd.Series, ax, title, xlabel, ylabel):
    """Horizontal bars of counts, largest at the top, each labelled with count and share."""
    from ..plots import PALETTE, finish, new_axes

    if ax is None:
        _, ax = new_axes()
    labels = [category_label(k) for k in counts.index]
    positions = np.arange(len(counts))[::-1]
    ax.barh(positions, counts.to_numpy(), color=PALETTE[0], alpha=0.85)
    ax.set_yticks(positions)
    ax.set_yticklabels(labels)
    total = counts.sum()
    for pos, n in zip(positions, counts.to_numpy()):
        ax.text(n, pos, f" {n:,} ({n / total:.0%})", va="center", fontsize=9)
    ax.set_xlim(0, counts.max() * 1.2)
    ax.grid(axis="y", visible=False)
    return finish(ax, title, xlabel, ylabel)


def plot_customer_mix(customers: pd.DataFrame, *, by: str = "region", ax=None):
    """Horizontal bar chart of :func:`~accounts.customer_mix`: customers per region, type, size ...

    Parameters
    ----------
    customers : DataFrame
        One row per customer.
    by : str, default "region"
        Column to count.
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes
        Largest group at the top; each bar is labelled with its count and share.

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        An empty table, a missing column (named) or missing values in ``by``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> ax = plot_customer_mix(pd.DataFrame({"region": ["East China", "East China", "North China"]}))
    >>> ax.get_title(), ax.get_xlabel()
    ('Customers by region', 'Customers (count)')
    """
    mix = customer_mix(customers, by=by)
    title, ylabel = _MIX_TEXT.get(by, ((f"Customers by {by}", f"按 {by} 的客户数"), (by, by)))
    return _bar_counts(mix["customers"], ax, tr(*title), tr("Customers (count)", "客户数（个）"), tr(*ylabel))
