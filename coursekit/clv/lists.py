"""Customer lists from CLV results: repeat buyers, new customers, cells of the CLV matrix, tiers.

Why new customers are kept apart: for a customer without a repeat purchase (frequency 0)
BG/NBD gives P(alive) = 1 (no purchase after which to drop out) and Gamma-Gamma the population
mean spend (no repeat purchase to learn from). Their CLV is the model's prior, not a fact about
the customer, so a ranking that mixes them with repeat buyers is an artefact of the defaults.
:func:`repeat_buyers` keeps the customers the models know; :func:`new_customers` lists the
others, with their one purchase and their status, for an onboarding call.

Examples
--------
>>> import pandas as pd, warnings
>>> s = pd.DataFrame({"frequency": [0, 2], "recency": [0.0, 5.0], "T": [3.0, 9.0]}, index=["N", "R"])
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     repeat_buyers(s).index.tolist()
['R']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from ..loyalty.status import customer_status
from ..transactions.log import purchases
from .formulas import dwyer_values
from .summary import _check_summary

__all__ = [
    "repeat_buyers",
    "new_customers",
    "matrix_values",
    "matrix_list",
    "tier_summary",
    "dwyer_customers",
]


def repeat_buyers(summary: pd.DataFrame, *, min_frequency: int = 1) -> pd.DataFrame:
    """The rows of a CLV summary with at least ``min_frequency`` repeat purchases.

    The others (by default the customers with one purchase only) are left out and counted in a
    note: the models' values for them are priors (see the module notes), so they are ranked
    apart, with :func:`new_customers`.

    Parameters
    ----------
    summary : DataFrame
        A :func:`summarize` result (frequency, recency, T ...).
    min_frequency : int
        Fewest repeat purchases to keep.

    Returns
    -------
    DataFrame
        The kept rows, same columns.

    Examples
    --------
    >>> import pandas as pd, warnings
    >>> s = pd.DataFrame({"frequency": [0, 2, 1], "recency": [0.0, 5.0, 1.0], "T": [3.0, 9.0, 4.0]},
    ...                  index=["N", "R", "S"])
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     kept = repeat_buyers(s)
    >>> kept.index.tolist(), str(caught[0].message)
    (['R', 'S'], '1 customer(s) with fewer than 1 repeat purchase(s) left out (new or one-off buyers), e.g. N')
    """
    _check_summary(summary)
    if isinstance(min_frequency, bool) or not isinstance(min_frequency, (int, np.integer)) or min_frequency < 0:
        raise ValueError(f"min_frequency must be a whole number of at least 0, got {min_frequency!r}")
    keep = summary["frequency"] >= min_frequency
    out = summary[keep].copy()
    if (~keep).any():
        v.note(
            i18n._(
                "{n} customer(s) with fewer than {min_frequency} repeat purchase(s) left out (new or one-off buyers), "
                "e.g. {example}",
                n=int((~keep).sum()),
                min_frequency=min_frequency,
                example=summary.index[~keep][0],
            ),
            out,
        )
    return out


def new_customers(
    transactions: pd.DataFrame,
    end,
    *,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
    order_col: str | None = None,
) -> pd.DataFrame:
    """Customers with exactly one purchase up to ``end``, newest first, with their status.

    A purchase is a customer's calendar day (or an order with ``order_col``), returns netted, as
    in :func:`summarize`; these are the customers with frequency 0. The status is
    :func:`coursekit.loyalty.customer_status`: an *active* one is a new customer to win a second
    order from; a *lost* one bought once long ago.

    Parameters
    ----------
    transactions : DataFrame
        Order lines or orders: customer, date, amount.
    end : date-like
        Last day, inclusive.
    customer_col, date_col, amount_col, order_col : str
        Column names.

    Returns
    -------
    DataFrame
        Indexed by customer id: ``first_purchase`` (date), ``amount`` (CNY), ``days_since``
        and ``status`` (keys; ``coursekit.display`` shows the names); sorted by first purchase,
        newest first (ties by customer id).

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["A", "A", "B", "C"],
    ...                        "date": ["2025-01-05", "2025-06-01", "2025-12-01", "2024-03-01"],
    ...                        "amount": [5.0, 10.0, 442.0, 30.0]})
    >>> new_customers(orders, "2025-12-31")  # doctest: +NORMALIZE_WHITESPACE
                first_purchase  amount  days_since status
    customer_id
    B               2025-12-01   442.0          30 active
    C               2024-03-01    30.0         670   lost
    """
    bought = purchases(
        transactions, end, customer_col=customer_col, date_col=date_col, amount_col=amount_col, order_col=order_col
    )
    n = bought.groupby(customer_col, observed=True).size()
    once = n.index[n == 1]
    rows = bought[bought[customer_col].isin(once)].set_index(customer_col)
    status = customer_status(
        transactions, end, customer_col=customer_col, date_col=date_col, amount_col=amount_col, order_col=order_col
    )
    out = pd.DataFrame(
        {
            "first_purchase": rows[date_col],
            "amount": rows[amount_col].astype(float),
            "days_since": status["days_since"].reindex(rows.index),
            "status": status["status"].reindex(rows.index),
        }
    )
    out.index.name = customer_col
    out = out.sort_index()
    out = out.iloc[np.argsort(-out["first_purchase"].to_numpy().astype("int64"), kind="stable")]
    return out


def matrix_values(profit: pd.DataFrame, future_profit: pd.Series) -> pd.DataFrame:
    """The three inputs of the CLV matrix (:func:`clv_quadrant`) for the customers of ``future_profit``.

    Parameters
    ----------
    profit : DataFrame
        :func:`coursekit.value.net_profit` for the current period (columns ``cost_to_serve`` and
        ``net_profit``, CNY).
    future_profit : Series
        Future profit per customer (e.g. the ``clv`` of :func:`customer_events`), CNY; its index
        decides which customers are placed.

    Returns
    -------
    DataFrame
        Indexed like ``future_profit``: ``cost_to_serve``, ``current_profit`` (= net profit) and
        ``future_profit``. A customer missing from ``profit`` (no activity in its period) gets 0
        cost and 0 current profit (counted in a note).

    Examples
    --------
    >>> import pandas as pd, warnings
    >>> profit = pd.DataFrame({"cost_to_serve": [100.0], "net_profit": [150.0]}, index=["A"])
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     table = matrix_values(profit, pd.Series({"A": 900.0, "B": 40.0}))
    >>> table  # doctest: +NORMALIZE_WHITESPACE
       cost_to_serve  current_profit  future_profit
    A          100.0           150.0          900.0
    B            0.0             0.0           40.0
    """
    v.require_frame(profit, "profit")
    v.require_columns(profit, ["cost_to_serve", "net_profit"], "profit")
    v.require_series(future_profit, "future_profit")
    v.require_unique_index(future_profit, "future_profit")
    idx = future_profit.index
    missing = ~idx.isin(profit.index)
    out = pd.DataFrame(
        {
            "cost_to_serve": profit["cost_to_serve"].reindex(idx, fill_value=0.0).astype(float),
            "current_profit": profit["net_profit"].reindex(idx, fill_value=0.0).astype(float),
            "future_profit": future_profit.astype(float),
        },
        index=idx,
    )
    if missing.any():
        v.note(
            i18n._(
                "{n} customer(s) without activity in the profit period: cost to serve and current profit 0, "
                "e.g. {example!r}",
                n=int(missing.sum()),
                example=idx[missing][0],
            ),
            out,
        )
    return out


def matrix_list(
    quadrant: pd.DataFrame,
    values: pd.DataFrame | None = None,
    *,
    cells=("growth_prospect", "costly_prospect"),
    sort_col: str = "future_profit",
    n: int | None = 10,
) -> pd.DataFrame:
    """The customers of some cells of the CLV matrix with their values, best first.

    Parameters
    ----------
    quadrant : DataFrame
        :func:`clv_quadrant` result (column ``cell``).
    values : DataFrame, optional
        The input of :func:`clv_quadrant` (cost to serve, current and future profit), same index;
        joined to the quadrant. Without it ``quadrant`` itself must hold ``sort_col``.
    cells : sequence of str
        Cell keys to keep (:data:`CLV_QUADRANT_CELLS`); default the two growth-prospect cells.
    sort_col : str
        Column of ``values`` to rank by, largest first (ties by customer id).
    n : int or None
        How many to return; ``None`` for all.

    Returns
    -------
    DataFrame
        ``cell`` and the columns of ``values``, indexed by customer id.

    Examples
    --------
    >>> import pandas as pd
    >>> from coursekit.clv import clv_quadrant
    >>> df = pd.DataFrame({"cost_to_serve": [10, 50, 20, 60], "current_profit": [900, 800, 100, 50],
    ...                    "future_profit": [700, 100, 900, 20]}, index=["A", "B", "C", "D"])
    >>> matrix_list(clv_quadrant(df), df, cells=["star", "growth_prospect"]).index.tolist()
    ['C', 'A']
    """
    v.require_frame(quadrant, "quadrant")
    v.require_columns(quadrant, ["cell"], "quadrant")
    if values is None:
        values = quadrant.drop(columns=["cell"])
    v.require_frame(values, "values")
    v.require_columns(values, [sort_col], "values")
    if isinstance(cells, str):
        cells = [cells]
    known = set(quadrant["cell"].cat.categories) if hasattr(quadrant["cell"], "cat") else set(quadrant["cell"])
    unknown = [c for c in cells if c not in known]
    if unknown:
        raise ValueError(f"cells has unknown cell keys {unknown}; known: {', '.join(sorted(map(str, known)))}")
    if n is not None and (isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1):
        raise ValueError(f"n must be a whole number of at least 1 or None, got {n!r}")
    chosen = quadrant.index[quadrant["cell"].isin(list(cells))]
    extra = [c for c in values.columns if c != "cell"]
    out = quadrant.loc[chosen, ["cell"]].join(values[extra], how="left").sort_index()
    out = out.iloc[np.argsort(-out[sort_col].to_numpy(dtype=float), kind="stable")]
    return out if n is None else out.head(n)


def tier_summary(tiered: pd.DataFrame, *, revenue: pd.Series | None = None) -> pd.DataFrame:
    """Customers, value and share of value per tier of a :func:`coursekit.tiers.assign_tiers` result.

    Parameters
    ----------
    tiered : DataFrame
        ``assign_tiers`` result: ``score`` (e.g. the 12-month CLV, CNY) and ``tier``.
    revenue : Series, optional
        A second value per customer to compare (e.g. 2025 revenue, CNY); missing customers count 0.

    Returns
    -------
    DataFrame
        Indexed by ``tier`` (keys, best first): ``customers``, ``value`` (sum of the score),
        ``value_share``, and with ``revenue``: ``revenue`` and ``revenue_share``.

    Examples
    --------
    >>> import pandas as pd
    >>> from coursekit.tiers import assign_tiers
    >>> scores = pd.Series(range(20, 0, -1), index=[f"C{i:02d}" for i in range(20)], dtype=float)
    >>> tier_summary(assign_tiers(scores))[["customers", "value"]]  # doctest: +NORMALIZE_WHITESPACE
               customers  value
    tier
    strategic          1   20.0
    value              4   70.0
    potential          6   75.0
    ordinary           9   45.0
    """
    v.require_frame(tiered, "tiered")
    v.require_columns(tiered, ["score", "tier"], "tiered")
    groups = tiered.groupby("tier", observed=False)
    out = pd.DataFrame({"customers": groups.size(), "value": groups["score"].sum()})
    total = out["value"].sum()
    out["value_share"] = out["value"] / total if total else np.nan
    if revenue is not None:
        v.require_series(revenue, "revenue", allow_empty=True)
        rev = revenue.reindex(tiered.index, fill_value=0.0).astype(float)
        out["revenue"] = rev.groupby(tiered["tier"], observed=False).sum()
        out["revenue_share"] = out["revenue"] / out["revenue"].sum()
    out.index.name = "tier"
    return out


def dwyer_customers(
    transactions: pd.DataFrame,
    end,
    *,
    retention=None,
    margin: float | None = None,
    cells: int = 4,
    period: str = "Q",
    discount: float = 0.0,
    horizon: int = 10,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
    order_col: str | None = None,
    margin_col: str | None = None,
) -> pd.DataFrame:
    """Each customer's recency cell now and its value under Dwyer's migration model.

    The cell is counted in calendar periods: a customer whose last purchase falls in the period
    of ``end`` is in cell 1, one whose last purchase was one period earlier in cell 2, and so
    on; beyond the last cell (``len(retention)``) the customer is ``lost`` (value 0). The value
    of a cell is :func:`dwyer_values` (the same for every customer in the cell: Dwyer's method
    values groups, not individuals). ``recent_amount`` is the customer's net amount in the last
    ``len(retention)`` periods up to ``end``, to rank customers within a cell.

    Parameters
    ----------
    transactions : DataFrame
        Order lines or orders: customer, date, amount.
    end : date-like
        Last day, inclusive (normally the last day of a period).
    retention : sequence of float, optional
        Purchase probability per recency cell. Default:
        ``transactions.recency_cell_retention(transactions, end, period=period, cells=cells)``.
    margin : float, optional
        Margin of one buying period (CNY). Default: the mean amount (or margin, with
        ``margin_col``) per buying customer over the last four complete periods.
    cells : int
        Number of recency cells when ``retention`` is not given.
    period : {"Y", "Q", "M"}
        The period of the cells.
    discount : float
        Discount rate per period.
    horizon : int
        Number of future periods valued.
    customer_col, date_col, amount_col, order_col, margin_col : str
        Column names (``margin_col`` only for the default ``margin``).

    Returns
    -------
    DataFrame
        Indexed by customer id: ``last_purchase`` (date), ``cell`` (ordered categorical "1" …
        "k", "lost"), ``clv`` (CNY) and ``recent_amount`` (CNY); sorted by cell, then by recent
        amount, largest first (ties by customer id).

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["A", "B", "C", "C"],
    ...                        "date": ["2025-11-03", "2025-05-10", "2024-01-02", "2025-04-01"],
    ...                        "amount": [100.0, 50.0, 80.0, 70.0]})
    >>> dwyer_customers(orders, "2025-12-31", retention=[0.6, 0.3, 0.1], margin=100, discount=0.2, horizon=2)
    ... # doctest: +NORMALIZE_WHITESPACE
                last_purchase cell    clv  recent_amount
    customer_id
    A              2025-11-03    1  83.33          100.0
    C              2025-04-01    3  12.50           70.0
    B              2025-05-10    3  12.50           50.0
    """
    if period not in ("Y", "Q", "M"):
        raise ValueError(f"period must be 'Y', 'Q' or 'M', got {period!r}")
    v.require_frame(transactions, "transactions")
    if retention is None or margin is None:
        from ..transactions.periods import activity_by_period, recency_cell_retention

        kw = dict(customer_col=customer_col, date_col=date_col)
        if retention is None:
            retention = recency_cell_retention(transactions, end, period=period, cells=cells, **kw)["retention"]
        if margin is None:
            act = activity_by_period(
                transactions, end, period=period, amount_col=amount_col, margin_col=margin_col, **kw
            )
            act = act[act["complete"]].tail(4)
            margin = float(act["margin_per_customer" if margin_col else "amount_per_customer"].mean())
    values = dwyer_values(list(retention), margin, discount=discount, horizon=horizon).round(2)
    k = len(values)
    bought = purchases(
        transactions, end, customer_col=customer_col, date_col=date_col, amount_col=amount_col, order_col=order_col
    )
    end_period = v.as_timestamp(end, "end").to_period(period)
    last = bought.groupby(customer_col, observed=True)[date_col].max()
    since = end_period.ordinal - pd.PeriodIndex(pd.DatetimeIndex(last.to_numpy()), freq=period).asi8
    keys = [str(i) for i in range(1, k + 1)] + ["lost"]
    cell = np.where(since < k, (since + 1).astype(str), "lost")
    first_recent = (end_period - (k - 1)).start_time
    recent = bought[bought[date_col] >= first_recent].groupby(customer_col, observed=True)[amount_col].sum()
    out = pd.DataFrame(
        {
            "last_purchase": last,
            "cell": pd.Categorical(cell, categories=keys, ordered=True),
            "clv": [float(values.loc[int(c)]) if c != "lost" else 0.0 for c in cell],
            "recent_amount": recent.reindex(last.index, fill_value=0.0).astype(float),
        },
        index=last.index,
    )
    out.index.name = customer_col
    out = out.sort_index()
    order = np.lexsort((-out["recent_amount"].to_numpy(), out["cell"].cat.codes.to_numpy()))
    return out.iloc[order]
