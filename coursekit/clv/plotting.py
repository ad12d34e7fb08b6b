"""Every chart of :mod:`coursekit.clv`; matplotlib is imported only inside these functions.

Replacements for lifetimes' plotting helpers that break on the course stack
(pandas 3, matplotlib 3.11):

* ``plotting.plot_history_alive`` (sums a date column) -> :func:`plot_history_alive`;
* ``plotting.plot_expected_repeat_purchases`` (matplotlib ``prop_cycler``) ->
  :func:`plot_expected_repeat_purchases`;
* ``plotting.plot_calibration_purchases_vs_holdout_purchases`` -> :func:`plot_calibration_holdout`
  (works on :func:`~coursekit.clv.calibration_holdout` frames, pools "7+");
* ``plotting.plot_frequency_recency_matrix`` / ``plot_probability_alive_matrix`` ->
  :func:`plot_matrix`.

Examples
--------
>>> import matplotlib; matplotlib.use("Agg")
>>> from coursekit import clv
>>> ax = plot_expected_repeat_purchases(clv.fit_bgnbd(clv.simulate_bgnbd(500, seed=0)), t=60, unit="W")
>>> ax.get_xlabel()
'Time since first purchase (weeks)'
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from .models import _check_fitted, alive_path, calibration_holdout_table
from .summary import _check_unit

__all__ = [
    "plot_history_alive",
    "plot_calibration_holdout",
    "plot_expected_repeat_purchases",
    "plot_matrix",
    "plot_weekly_purchases",
    "plot_cohort_retention",
    "plot_dwyer_migration",
    "plot_tier_shares",
]

# Unit names for axis labels; the lengths of the units are in coursekit.clv.UNIT_DAYS.
_UNIT_NAMES = i18n.define_names(
    "time_unit",
    {
        "D": "days",
        "W": "weeks",
        "M": "months",
    },
)


def _unit_label(unit: str) -> str:
    return i18n.name("time_unit", unit) if unit in _UNIT_NAMES else str(unit)


def plot_history_alive(
    model,
    transactions: pd.DataFrame,
    customer_id,
    end,
    *,
    unit: str = "D",
    customer_col: str = "customer_id",
    date_col: str = "date",
    ax=None,
):
    """Chart of one customer's probability of being alive over time, with the purchase days marked.

    Replacement for ``lifetimes.plotting.plot_history_alive`` (raises on pandas 3).

    Parameters
    ----------
    model : fitted BetaGeoFitter or ParetoNBDFitter
        Fitted in time unit ``unit``.
    transactions : DataFrame
        Transaction log (all customers or just this one).
    customer_id : scalar
        The customer to follow.
    end : date-like
        Last day of the path.
    unit : {"D", "W", "M"}
        Time unit the model was fitted in.
    customer_col, date_col : str
        Column names.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from coursekit import clv
    >>> import pandas as pd
    >>> bgf = clv.fit_bgnbd(clv.simulate_bgnbd(500, seed=0))      # a model in weeks
    >>> tx = pd.DataFrame({"customer_id": [7, 7], "date": pd.to_datetime(["2025-01-01", "2025-01-15"])})
    >>> ax = plot_history_alive(bgf, tx, 7, "2025-03-31", unit="W")
    >>> ax.get_ylabel()
    'P(alive) (probability)'
    """
    from ..plots import finish, new_axes

    path = alive_path(model, transactions, customer_id, end, unit=unit, customer_col=customer_col, date_col=date_col)
    if ax is None:
        _, ax = new_axes()
    ax.plot(path.index, path["p_alive"], label=i18n._("P(alive)"))
    for i, day in enumerate(path.index[path["purchase"].to_numpy()]):
        ax.axvline(day, color="#7f7f7f", linestyle="--", linewidth=1, label=i18n._("Purchase day") if i == 0 else None)
    ax.set_ylim(0, 1.05)
    return finish(
        ax,
        i18n._("Probability customer {customer_id} is alive", customer_id=customer_id),
        i18n._("Date"),
        i18n._("P(alive) (probability)"),
    )


def plot_calibration_holdout(
    model, cal_hold: pd.DataFrame, *, max_frequency: int = 7, unit: str | None = None, ax=None
):
    """Chart of actual vs expected holdout purchases by calibration frequency.

    Replacement for ``lifetimes.plotting.plot_calibration_purchases_vs_holdout_purchases``
    that works with :func:`calibration_holdout` frames and pools the last bin ("7+").

    Parameters
    ----------
    model, cal_hold, max_frequency
        As in :func:`calibration_holdout_table`.
    unit : {"D", "W", "M"}, optional
        Only for the axis label.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from coursekit import clv
    >>> ch = clv.simulate_bgnbd(500, seed=0).assign(frequency_holdout=lambda d: d["frequency"] // 2,
    ...                                             duration_holdout=39.0)
    >>> plot_calibration_holdout(clv.fit_bgnbd(ch), ch).get_xlabel()
    'Repeat purchases in calibration period (count)'
    """
    from ..plots import finish, new_axes

    table = calibration_holdout_table(model, cal_hold, max_frequency=max_frequency)
    if ax is None:
        _, ax = new_axes()
    x = np.arange(len(table))
    ax.plot(x, table["actual"], marker="o", label=i18n._("Actual"))
    ax.plot(x, table["expected"], marker="s", linestyle="--", label=i18n._("Model (expected)"))
    ax.set_xticks(x, table.index)
    dur = float(cal_hold["duration_holdout"].iloc[0])
    span = f" ({dur:g} {_unit_label(unit)})" if unit else ""
    return finish(
        ax,
        i18n._("Holdout purchases: actual vs model{span}", span=span),
        i18n._("Repeat purchases in calibration period (count)"),
        i18n._("Mean purchases in holdout period (count)"),
    )


def plot_expected_repeat_purchases(model, *, t: float | None = None, unit: str = "D", ax=None):
    """Chart of expected repeat purchases of a new customer over time, E[X(t)].

    Replacement for ``lifetimes.plotting.plot_expected_repeat_purchases``, which raises on
    matplotlib >= 3.8 (``prop_cycler``). A dotted line marks the longest customer age in
    the fitted data (beyond it the curve is an extrapolation).

    Parameters
    ----------
    model : fitted BetaGeoFitter or ParetoNBDFitter
    t : float, optional
        Horizon in ``unit`` (default: 1.5 x the longest customer age in the data).
    unit : {"D", "W", "M"}
        Time unit the model was fitted in, for the axis label.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from coursekit import clv
    >>> s = clv.simulate_bgnbd(500, seed=0)     # 500 customers observed for 39 weeks
    >>> len(plot_expected_repeat_purchases(clv.fit_bgnbd(s), t=60).lines)
    2
    """
    from ..plots import finish, new_axes

    _check_fitted(model)
    _check_unit(unit)
    t_data = float(model.data["T"].max()) if getattr(model, "data", None) is not None else None
    if t is None:
        t = 1.5 * t_data if t_data else 1.0
    t = v.require_in_range(t, "t", 0, inclusive=False)
    grid = np.linspace(0, t, 200)
    if ax is None:
        _, ax = new_axes()
    ax.plot(grid, model.expected_number_of_purchases_up_to_time(grid), label=i18n._("E[X(t)]"))
    if t_data:
        ax.axvline(t_data, color="#7f7f7f", linestyle=":", label=i18n._("End of data"))
    u = _unit_label(unit)
    return finish(
        ax,
        i18n._("Expected repeat purchases of a new customer"),
        i18n._("Time since first purchase ({u})", u=u),
        i18n._("Expected repeat purchases (count)"),
    )


def plot_matrix(matrix: pd.DataFrame, *, ax=None, cmap: str = "viridis"):
    """Heatmap of a :func:`frequency_recency_matrix` or :func:`probability_alive_matrix`.

    Parameters
    ----------
    matrix : DataFrame
        Index frequency, columns recency (its ``attrs`` give the title and units).
    ax : matplotlib Axes, optional
    cmap : str
        matplotlib colour map.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from coursekit import clv
    >>> s = clv.simulate_bgnbd(500, seed=0)     # 500 customers observed for 39 weeks
    >>> ax = plot_matrix(clv.probability_alive_matrix(clv.fit_bgnbd(s), unit="W"))
    >>> ax.get_xlabel()
    'Recency: age at last purchase (weeks)'
    """
    from ..plots import finish, new_axes

    v.require_frame(matrix, "matrix")
    kind = matrix.attrs.get("kind", "expected_purchases")
    unit = matrix.attrs.get("unit", "D")
    u = _unit_label(unit)
    if ax is None:
        _, ax = new_axes(figsize=(7, 5.5))
    im = ax.imshow(
        matrix.to_numpy(dtype=float),
        origin="lower",
        aspect="auto",
        cmap=cmap,
        extent=(-0.5, matrix.shape[1] - 0.5, -0.5, matrix.shape[0] - 0.5),
    )
    ax.grid(False)
    if kind == "p_alive":
        title = i18n._("Probability alive by frequency and recency")
        bar = i18n._("P(alive) (probability)")
    else:
        t = matrix.attrs.get("t", 1.0)
        title = i18n._("Expected purchases in the next {t:g} {u}", t=t, u=u)
        bar = i18n._("Expected purchases (count)")
    ax.figure.colorbar(im, ax=ax, label=bar)
    return finish(
        ax,
        title,
        i18n._("Recency: age at last purchase ({u})", u=u),
        i18n._("Frequency: repeat purchases (count)"),
    )


def plot_weekly_purchases(weekly: pd.DataFrame, *, ax=None):
    """Stacked bars of :func:`weekly_purchases`: first and repeat purchases per week.

    A week flagged ``complete=False`` is drawn faded and hatched, so that it does not
    read as a drop.

    Parameters
    ----------
    weekly : DataFrame
        Output of :func:`weekly_purchases` (indexed by week number, with columns
        ``first_purchases`` and ``repeat_purchases``; optionally ``complete``).
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes

    Raises
    ------
    TypeError
        Not a DataFrame, counts not numeric, ``complete`` not boolean.
    ValueError
        An empty table, a missing column (named) or negative counts.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> from coursekit.clv import weekly_purchases
    >>> weekly = weekly_purchases(pd.DataFrame({"customer_id": [1, 2, 1],
    ...                                         "date": ["1997-01-01", "1997-01-03", "1997-02-01"]}),
    ...                           "1997-02-04")
    >>> plot_weekly_purchases(weekly).get_ylabel()
    'Purchases (count)'
    """
    from ..plots import PALETTE, finish, new_axes

    v.require_frame(weekly, "weekly")
    v.require_columns(weekly, ["first_purchases", "repeat_purchases"], "weekly")
    first = v.numeric_column(weekly, "first_purchases", "weekly", allow_negative=False).to_numpy()
    repeat = v.numeric_column(weekly, "repeat_purchases", "weekly", allow_negative=False).to_numpy()
    if "complete" in weekly.columns:
        if not pd.api.types.is_bool_dtype(weekly["complete"]):
            raise TypeError("weekly column 'complete' must be boolean (True for a whole week)")
        complete = weekly["complete"].to_numpy(dtype=bool)
    else:
        complete = np.ones(len(weekly), dtype=bool)
    if ax is None:
        _, ax = new_axes()
    x = np.asarray(weekly.index, dtype=float)
    whole = complete
    ax.bar(x[whole], first[whole], width=0.9, color=PALETTE[1], label=i18n._("First purchase"))
    ax.bar(x[whole], repeat[whole], width=0.9, bottom=first[whole], color=PALETTE[0], label=i18n._("Repeat purchase"))
    if (~whole).any():
        part = ~whole
        ax.bar(x[part], first[part], width=0.9, color=PALETTE[1], alpha=0.35, hatch="//")
        ax.bar(x[part], repeat[part], width=0.9, bottom=first[part], color=PALETTE[0], alpha=0.35, hatch="//")
        for when, height in zip(x[part], (first + repeat)[part]):
            ax.annotate(
                i18n._("incomplete week"),
                (when, height),
                xytext=(0, 4),
                textcoords="offset points",
                ha="center",
                fontsize=8,
            )
    ax.set_xlim(x.min() - 1, x.max() + 1)
    return finish(ax, i18n._("Purchases per week"), i18n._("Week"), i18n._("Purchases (count)"))


def plot_cohort_retention(table: pd.DataFrame, *, max_periods: int | None = None, ax=None, cmap: str = "Blues"):
    """Heat map of a cohort retention table (客户群组保留率): cohorts down, periods since across.

    Dwyer's lost-for-good view (永久流失型): each row follows the customers won in one period;
    a cell is the share of them that bought k periods later. Missing cells (a period not yet
    complete, or before the data start) stay blank.

    Parameters
    ----------
    table : DataFrame
        :func:`coursekit.loyalty.cohort_retention` result (``customers`` and one column per
        period since).
    max_periods : int, optional
        Show periods 0 .. ``max_periods`` only.
    ax : matplotlib Axes, optional
    cmap : str
        matplotlib colour map.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import pandas as pd
    >>> table = pd.DataFrame({"customers": [2, 1], 0: [1.0, 1.0], 1: [0.5, float("nan")]},
    ...                      index=pd.PeriodIndex(["2025Q1", "2025Q2"], freq="Q", name="cohort"))
    >>> plot_cohort_retention(table).get_xlabel()
    'Periods since the cohort was won (Q)'
    """
    from ..plots import finish, new_axes

    v.require_frame(table, "table")
    periods = [c for c in table.columns if c != "customers"]
    if not periods:
        raise ValueError("table has no period columns (0, 1, 2 ...): pass a cohort_retention result")
    if max_periods is not None:
        periods = [c for c in periods if int(c) <= int(max_periods)]
    values = table[periods].to_numpy(dtype=float) * 100
    freq = table.index.freqstr[0] if isinstance(table.index, pd.PeriodIndex) else "period"
    if ax is None:
        _, ax = new_axes(figsize=(8, max(3.0, 0.35 * len(table) + 1.5)))
    im = ax.imshow(values, aspect="auto", cmap=cmap, vmin=0, vmax=100)
    ax.grid(False)
    ax.set_xticks(range(len(periods)), [str(p) for p in periods])
    sizes = table["customers"].astype(int).astype(str) if "customers" in table.columns else None
    labels = table.index.astype(str) if sizes is None else table.index.astype(str) + " (n=" + sizes.to_numpy() + ")"
    ax.set_yticks(range(len(table)), list(labels))
    if values.size <= 400:
        for (i, j), val in np.ndenumerate(values):
            if not np.isnan(val):
                ax.text(
                    j, i, f"{val:.0f}", ha="center", va="center", fontsize=7, color="white" if val > 60 else "black"
                )
    ax.figure.colorbar(im, ax=ax, label=i18n._("Share of the cohort that bought (%)"))
    return finish(
        ax,
        i18n._("Cohort retention: share of each cohort buying in each period"),
        i18n._("Periods since the cohort was won ({p})", p=freq),
        i18n._("Cohort (period won, customers)"),
    )


def plot_dwyer_migration(migration: pd.DataFrame, *, ax=None):
    """Stacked areas of a :func:`dwyer_migration` table: where a customer will be, period by period.

    Parameters
    ----------
    migration : DataFrame
        The table of :func:`dwyer_migration` (columns ``cell_1`` .. ``cell_k`` and ``lost``).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from coursekit.clv import dwyer_migration
    >>> table, _ = dwyer_migration([0.6, 0.3], 100, horizon=4)
    >>> plot_dwyer_migration(table).get_ylabel()
    'Probability (share)'
    """
    from ..plots import finish, new_axes

    v.require_frame(migration, "migration")
    cells = [c for c in migration.columns if str(c).startswith("cell_")]
    if not cells or "lost" not in migration.columns:
        raise ValueError("migration must have columns cell_1 ... and lost: pass the table of dwyer_migration")
    if ax is None:
        _, ax = new_axes()
    labels = [i18n._("Cell {i}", i=c.split("_")[1]) for c in cells] + [i18n._("Lost")]
    ax.stackplot(migration.index, [migration[c] for c in [*cells, "lost"]], labels=labels)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1))
    return finish(
        ax,
        i18n._("Where a customer who just bought will be"),
        i18n._("Periods ahead"),
        i18n._("Probability (share)"),
        legend=False,
    )


def plot_tier_shares(summary: pd.DataFrame, *, ax=None):
    """Bars of a :func:`tier_summary`: each tier's share of the value (and of revenue).

    Parameters
    ----------
    summary : DataFrame
        :func:`tier_summary` result (``value_share`` [, ``revenue_share``], indexed by tier key).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import pandas as pd
    >>> s = pd.DataFrame({"value_share": [0.5, 0.5]}, index=pd.Index(["strategic", "value"], name="tier"))
    >>> plot_tier_shares(s).get_ylabel()
    'Share (%)'
    """
    from ..plots import PALETTE, finish, new_axes
    from ..tiers import display_names

    v.require_frame(summary, "summary")
    v.require_columns(summary, ["value_share"], "summary")
    if ax is None:
        _, ax = new_axes()
    x = np.arange(len(summary))
    both = "revenue_share" in summary.columns
    width = 0.4 if both else 0.6
    ax.bar(
        x - (0.2 if both else 0), summary["value_share"] * 100, width, color=PALETTE[0], label=i18n._("Share of CLV")
    )
    if both:
        ax.bar(x + 0.2, summary["revenue_share"] * 100, width, color=PALETTE[1], label=i18n._("Share of revenue"))
    ax.set_xticks(x, list(display_names(pd.Index(summary.index.astype(str)))))
    return finish(
        ax, i18n._("Value held by each tier"), i18n._("Tier (5 / 20 / 30 / 45 % of customers)"), i18n._("Share (%)")
    )
