"""A transaction table at a glance: its size, its period and how much of it is returns (退货).

- :func:`transactions_overview`: lines, customers, purchase days, first and last date, total amount;
- :func:`returns_summary`: sale and return lines, gross sales, returns, net revenue, return share.

Neither takes an ``end``: they describe the whole table as it was delivered (every line, also lines
after an observation end), so that a learner sees what is in the file before choosing an end for an
analysis. ``transactions_overview`` reports the first and last date for exactly that choice.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v

__all__ = ["returns_summary", "transactions_overview"]


def transactions_overview(
    transactions: pd.DataFrame, *, customer_col: str = "customer_id", date_col: str = "date", amount_col: str = "amount"
) -> pd.Series:
    """Size of a transaction table: lines, customers, purchase days, period and total amount.

    It describes the whole table, with no ``end``: the first and last date it reports are what
    a learner needs to choose the end of an analysis (see :mod:`coursekit.transactions`).

    Parameters
    ----------
    transactions : DataFrame
        One row per transaction line; negative amounts are returns.
    customer_col, date_col, amount_col : str
        Column names.

    Returns
    -------
    Series
        ``lines``, ``customers``, ``purchase_days`` (distinct customer-days with a
        positive amount), ``first_date`` and ``last_date`` (``datetime.date``) and
        ``total_amount`` (net, rounded to 2 decimals).

    Raises
    ------
    TypeError
        Not a DataFrame, amount not numeric, dates given as numbers.
    ValueError
        Empty table, missing column, missing ids or dates, unreadable dates.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": [1, 1, 1, 2], "amount": [10.0, 5.0, 7.5, 3.0],
    ...                    "date": ["1997-01-01", "1997-01-01", "1997-03-10", "1997-02-02"]})
    >>> transactions_overview(tx)  # doctest: +NORMALIZE_WHITESPACE
    lines                              4
    customers                          2
    purchase_days                      3
    first_date        1997-01-01
    last_date         1997-03-10
    total_amount                    25.5
    dtype: object
    """
    name = "transactions"
    v.require_frame(transactions, name)
    v.require_columns(transactions, [customer_col, date_col, amount_col], name)
    v.require_no_missing(transactions, customer_col, name)
    amount = v.numeric_column(transactions, amount_col, name)
    dates = v.date_column(transactions, date_col, name)
    days = pd.DataFrame({"c": transactions[customer_col].to_numpy(), "d": dates.dt.normalize().to_numpy()})
    buys = days[amount.to_numpy() > 0]
    return pd.Series(
        {
            "lines": int(len(transactions)),
            "customers": int(transactions[customer_col].nunique()),
            "purchase_days": int(len(buys.drop_duplicates())),
            "first_date": dates.min().date(),
            "last_date": dates.max().date(),
            "total_amount": round(float(amount.sum()), 2),
        },
        dtype=object,
    )


def returns_summary(orders: pd.DataFrame, *, amount_col: str = "amount") -> pd.Series:
    """Sales, returns and net revenue of an order-line table (returns are negative lines).

    Like :func:`transactions_overview` it describes the whole table (no ``end``) and nets
    nothing: it counts and adds up the sale and the return lines side by side.

    Parameters
    ----------
    orders : DataFrame
        One row per order line; a negative amount is a return (退货).
    amount_col : str
        Column with the line amount.

    Returns
    -------
    Series (dtype object)
        ``sale_lines`` and ``return_lines`` (counts of positive / negative
        lines), ``gross_sales`` (sum of positive amounts), ``returns`` (sum of
        negative amounts, a negative number), ``net_revenue`` (their sum) and
        ``return_share`` (returns as a share of gross sales, 0-1). Money is
        rounded to 2 decimals, the share to 4.

    Raises
    ------
    TypeError
        Not a DataFrame, amount not numeric.
    ValueError
        Empty table, missing amount column or missing amounts.

    Examples
    --------
    >>> import pandas as pd
    >>> returns_summary(pd.DataFrame({"amount": [100.0, 300.0, -40.0, 0.0]}))  # doctest: +NORMALIZE_WHITESPACE
    sale_lines          2
    return_lines        1
    gross_sales     400.0
    returns         -40.0
    net_revenue     360.0
    return_share      0.1
    dtype: object
    """
    v.require_frame(orders, "orders")
    v.require_columns(orders, [amount_col], "orders")
    amount = v.numeric_column(orders, amount_col, "orders")
    gross = float(amount[amount > 0].sum())
    back = float(amount[amount < 0].sum())
    return pd.Series(
        {
            "sale_lines": int((amount > 0).sum()),
            "return_lines": int((amount < 0).sum()),
            "gross_sales": round(gross, 2),
            "returns": round(back, 2),
            "net_revenue": round(gross + back, 2),
            "return_share": round(-back / gross, 4) if gross else np.nan,
        },
        dtype=object,
    )
