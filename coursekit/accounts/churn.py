"""Annual churn (年流失率) of the customers who were active a year earlier, from the one status definition.

- :func:`churn_table`: every customer active at ``start``, with the status at ``end`` and whether
  they churned (dormant 休眠 or lost 流失 at ``end``), largest spenders of the year before first;
- :func:`annual_churn`: the rate in one row: customers active at ``start``, how many churned, share.

Both build on :func:`coursekit.loyalty.customer_status`, so "active", "dormant" and "lost" mean
what they mean in every other lesson. The brochure figure "15-25 % annual churn" (seed 003) is a
claim about other companies; this is the number a manager can check on the own order book.
"""

from __future__ import annotations

import warnings

import pandas as pd

from .. import _validate as v
from .. import i18n
from .._validate import CourseKitDataNote
from ..loyalty.status import STATUS_THRESHOLDS, customer_status

__all__ = ["annual_churn", "churn_table"]

#: Status keys at ``end`` that count as churned.
CHURNED = ("dormant", "lost")


def churn_table(
    transactions: pd.DataFrame,
    end,
    *,
    start=None,
    only_churned: bool = False,
    customers: pd.DataFrame | None = None,
    thresholds: tuple[int, int, int] = STATUS_THRESHOLDS,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
    order_col: str | None = None,
) -> pd.DataFrame:
    """Every customer active at ``start``: status at ``end`` and whether the customer churned.

    A customer is in the table when :func:`coursekit.loyalty.customer_status` calls them
    *active* at ``start`` (a purchase within ``thresholds[0]`` days before it). The customer
    *churned* when the status at ``end`` is dormant (休眠) or lost (流失), i.e. no purchase in
    the last ``thresholds[1]`` days before ``end``.

    Parameters
    ----------
    transactions : DataFrame
        Order lines: customer, date, amount (returns are negative lines, netted).
    end : date-like
        The day churn is measured, inclusive; later lines are left out (noted).
    start : date-like, optional
        The day the base is taken (default: one year before ``end``).
    only_churned : bool, default False
        Keep only the customers who churned.
    customers : DataFrame, optional
        Customer table with ``customer_col``: its ``company_name`` and ``account_manager``
        columns (those present) are added, so that a manager sees whom to call and who calls.
    thresholds : tuple of three whole numbers of days
        Upper limits of active, at risk and dormant (see ``customer_status``).
    customer_col, date_col, amount_col, order_col : str
        Column names.

    Returns
    -------
    DataFrame
        Indexed by customer id, columns ``last_purchase`` (date), ``days_since`` (days at
        ``end``), ``status`` (at ``end``: ordered categorical of the status keys), ``churned``
        (bool) and ``revenue_year_before`` (net revenue in CNY in the 365 days up to and
        including ``start``), then ``company_name`` and ``account_manager`` when ``customers``
        has them. Sorted by ``revenue_year_before``, largest first (ties by id).

    Raises
    ------
    TypeError
        Not a DataFrame, or a bad column (see the transactions layer).
    ValueError
        An empty table, ``start`` not before ``end``, or no customer active at ``start``.

    Examples
    --------
    >>> import warnings
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["A", "A", "B", "C", "C", "D"],
    ...                        "date": ["2024-12-01", "2025-12-01", "2024-11-15", "2024-12-20",
    ...                                 "2025-03-01", "2024-03-01"],
    ...                        "amount": [100.0, 50.0, 300.0, 20.0, 30.0, 80.0]})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     table = churn_table(orders, "2025-12-31")
    >>> table[["status", "churned", "revenue_year_before"]]  # doctest: +NORMALIZE_WHITESPACE
                  status  churned  revenue_year_before
    customer_id
    B               lost     True                300.0
    A             active    False                100.0
    C            dormant     True                 20.0
    """
    v.require_frame(transactions, "transactions")
    if transactions.empty:
        raise ValueError("transactions is empty: it has no rows")
    end_ts = v.as_timestamp(end, "end").normalize()
    start_ts = end_ts - pd.DateOffset(years=1) if start is None else v.as_timestamp(start, "start").normalize()
    if start_ts >= end_ts:
        raise ValueError(f"start {start_ts.date()} must be before end {end_ts.date()}")
    cols = {
        "thresholds": thresholds,
        "customer_col": customer_col,
        "date_col": date_col,
        "amount_col": amount_col,
        "order_col": order_col,
    }
    with warnings.catch_warnings():
        # the lines after start are left out on purpose; the notes of the end status are passed on below
        warnings.simplefilter("ignore", CourseKitDataNote)
        at_start = customer_status(transactions, start_ts, **cols)
        at_end = customer_status(transactions, end_ts, **cols)
    base = at_start.index[at_start["status"] == "active"]
    if len(base) == 0:
        raise ValueError(
            f"no customer was active at the start {start_ts.date()} (a purchase within {thresholds[0]} days)"
        )
    out = at_end.loc[base, ["last_purchase", "days_since", "status"]].copy()
    out.attrs = {}  # the notes of the end status are added once, below
    out["churned"] = out["status"].isin(CHURNED).to_numpy()
    days = pd.to_datetime(transactions[date_col]).dt.normalize()
    window = (days > start_ts - pd.Timedelta(days=365)) & (days <= start_ts)
    before = transactions.loc[window].groupby(customer_col)[amount_col].sum()
    out["revenue_year_before"] = before.reindex(out.index, fill_value=0.0).astype(float).to_numpy()
    out.index.name = customer_col
    out = out.sort_index().sort_values("revenue_year_before", ascending=False, kind="stable")
    if only_churned:
        out = out[out["churned"]]
    if customers is not None:
        v.require_frame(customers, "customers")
        v.require_columns(customers, [customer_col], "customers")
        v.require_unique(customers, customer_col, "customers")
        extra = [c for c in ("company_name", "account_manager") if c in customers.columns]
        if extra:
            out = out.join(customers.set_index(customer_col)[extra])
    for message in at_end.attrs.get("notes", []):
        v.note(message, out, stacklevel=3)
    return out


def annual_churn(
    transactions: pd.DataFrame,
    end,
    *,
    start=None,
    thresholds: tuple[int, int, int] = STATUS_THRESHOLDS,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
    order_col: str | None = None,
) -> pd.DataFrame:
    """Annual churn rate (年流失率): share of the customers active at ``start`` who are dormant or lost at ``end``.

    Parameters
    ----------
    transactions : DataFrame
        Order lines: customer, date, amount.
    end : date-like
        The day churn is measured, inclusive.
    start : date-like, optional
        The day the base is taken (default: one year before ``end``).
    thresholds : tuple of three whole numbers of days
        Upper limits of active, at risk and dormant (see ``customer_status``).
    customer_col, date_col, amount_col, order_col : str
        Column names.

    Returns
    -------
    DataFrame
        One row indexed by ``period`` ("<start> to <end>"): ``active_at_start`` (customers),
        ``churned`` (customers dormant or lost at ``end``) and ``churn_rate``
        (``churned / active_at_start``, 0-1).

    Raises
    ------
    TypeError, ValueError
        As :func:`churn_table`.

    Examples
    --------
    >>> import warnings
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["A", "A", "B", "C", "C", "D"],
    ...                        "date": ["2024-12-01", "2025-12-01", "2024-11-15", "2024-12-20",
    ...                                 "2025-03-01", "2024-03-01"],
    ...                        "amount": [100.0, 50.0, 300.0, 20.0, 30.0, 80.0]})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     out = annual_churn(orders, "2025-12-31")
    >>> out.round(3)  # doctest: +NORMALIZE_WHITESPACE
                              active_at_start  churned  churn_rate
    period
    2024-12-31 to 2025-12-31                3        2       0.667
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CourseKitDataNote)
        table = churn_table(
            transactions,
            end,
            start=start,
            thresholds=thresholds,
            customer_col=customer_col,
            date_col=date_col,
            amount_col=amount_col,
            order_col=order_col,
        )
    for w in caught:
        if not issubclass(w.category, CourseKitDataNote):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    end_ts = v.as_timestamp(end, "end").normalize()
    start_ts = end_ts - pd.DateOffset(years=1) if start is None else v.as_timestamp(start, "start").normalize()
    n, churned = len(table), int(table["churned"].sum())
    out = pd.DataFrame(
        {
            "active_at_start": [n],
            "churned": [churned],
            "churn_rate": [churned / n],
        },
        index=pd.Index(
            [i18n._("{start} to {end}", start=f"{start_ts:%Y-%m-%d}", end=f"{end_ts:%Y-%m-%d}")], name="period"
        ),
    )
    for message in table.attrs.get("notes", []):
        v.note(message, out, stacklevel=3)
    return out
