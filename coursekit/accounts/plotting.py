"""Charts of the customers topic: monthly net revenue and the customer mix.

matplotlib and :mod:`coursekit.plots` are imported inside the functions, so that
``from coursekit import customers`` stays light for calculations.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from .mix import category_label, customer_mix

__all__ = ["plot_customer_mix", "plot_monthly_revenue"]

#: Money units of the y axis: name -> divisor (the name's translation is in the catalog).
MONEY_UNITS = {"CNY": 1.0, "CNY thousand": 1e3, "CNY million": 1e6}
i18n.define_names("money_unit", {unit: unit for unit in MONEY_UNITS})

# chart title and axis label of plot_customer_mix, per column of the customer table
_MIX_TEXT = {
    "region": (i18n.N_("Customers by region"), i18n.N_("Sales region")),
    "customer_type": (i18n.N_("Customers by type"), i18n.N_("Customer type")),
    "size": (i18n.N_("Customers by company size"), i18n.N_("Company size (employees)")),
    "industry": (i18n.N_("Customers by industry"), i18n.N_("Industry")),
    "acquisition_channel": (i18n.N_("Customers by acquisition channel"), i18n.N_("Acquisition channel")),
    "account_manager": (i18n.N_("Customers by account manager"), i18n.N_("Account manager")),
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
    scale, unit_name = MONEY_UNITS[money_unit], i18n.name("money_unit", money_unit)
    values = values / scale
    if ax is None:
        _, ax = new_axes()
    x = values.index
    single = columns == ["net_revenue"]
    labels = [i18n._("Net revenue") if single else category_label(c) for c in columns]
    colors = [PALETTE[i % len(PALETTE)] for i in range(len(columns))]
    # a segment between two months is faded when either end is a partial month
    faded = ~(complete[:-1] & complete[1:]) if len(x) > 1 else np.zeros(1, dtype=bool)
    labelled = False
    for first, last, fade in _runs(faded):
        sl = slice(first, last + 2)
        show = None if labelled or fade and not faded.all() else labels
        labelled = labelled or show is not None
        if stacked and not single:
            ax.stackplot(
                x[sl],
                values.iloc[sl].T.to_numpy(),
                labels=show or (),
                colors=colors,
                alpha=0.35 if fade else 0.85,
                linewidth=0,
                hatch="//" if fade else None,
            )
        else:
            for i, (col, color) in enumerate(zip(columns, colors)):
                ax.plot(
                    x[sl],
                    values[col].iloc[sl],
                    label=show[i] if show else None,
                    color=color,
                    linewidth=2,
                    linestyle="--" if fade else "-",
                )
    top = values.sum(axis=1) if stacked and not single else values.max(axis=1)
    for when, height in zip(x[~complete], top[~complete]):
        ax.annotate(
            i18n._("incomplete"), (when, height), xytext=(0, 4), textcoords="offset points", ha="center", fontsize=8
        )
    ax.set_xlim(x.min(), x.max())
    ax.set_ylim(bottom=0)
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    finish(
        ax,
        i18n._("Net revenue per month"),
        i18n._("Month"),
        i18n._("Net revenue ({unit})", unit=unit_name),
        legend=False,
    )
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
    if by in _MIX_TEXT:
        title, ylabel = (i18n._(text) for text in _MIX_TEXT[by])
    else:
        title, ylabel = i18n._("Customers by {by}", by=by), by
    return _bar_counts(mix["customers"], ax, title, i18n._("Customers (count)"), ylabel)
