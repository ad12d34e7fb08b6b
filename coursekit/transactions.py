"""Transaction logs: net returns into orders, activity and retention by period (交易记录处理).

- :func:`net_orders`: one row per order at its sale date with the net amount
  (sales minus returns) and net margin; fully returned orders are excluded.
- :func:`activity_by_period`: active customers, retention rate (客户保留率),
  revenue and margin per customer by year, quarter or month.
- :func:`recency_cell_retention`: purchase probability per recency cell, the
  input of Dwyer's customer-migration model (顾客迁移模型, :func:`coursekit.clv.dwyer_migration`).

Rows netted or excluded by rule are reported with a :class:`~coursekit.CourseKitDataNote`
and kept in ``result.attrs["notes"]``.

Examples
--------
>>> import pandas as pd, warnings
>>> lines = pd.DataFrame({"order_id": ["O1", "O1", "O2", "O1"],
...                       "customer_id": ["A", "A", "B", "A"],
...                       "date": ["2025-03-01", "2025-03-01", "2025-03-02", "2025-03-20"],
...                       "amount": [100.0, 50.0, 80.0, -30.0]})
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     net = net_orders(lines)
>>> net  # doctest: +NORMALIZE_WHITESPACE
         customer_id       date  amount
order_id
O1                 A 2025-03-01   120.0
O2                 B 2025-03-02    80.0
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import _validate as v

__all__ = ["PERIODS", "net_orders", "activity_by_period", "recency_cell_retention"]

#: Period codes accepted by :func:`activity_by_period` and :func:`recency_cell_retention`.
PERIODS = {"Y": "year", "Q": "quarter", "M": "month"}


def _check_key(df, column, name):
    v.require_no_missing(df, column, name)


def net_orders(
    transactions: pd.DataFrame,
    *,
    order_col: str = "order_id",
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
    margin_col: str | None = None,
) -> pd.DataFrame:
    """One row per order at its sale date, with returns netted in (净订单).

    Return lines carry the order id of the original sale, a negative amount and a
    later date. Summing all lines of an order gives its *net* amount (and net margin);
    the order keeps the date of its sale (the earliest line with a positive amount).
    Orders whose net amount is zero or negative (everything returned, or a return
    whose sale is not in the data) are excluded. Both treatments are reported with a
    :class:`~coursekit.CourseKitDataNote` (counts and why) and kept in ``attrs["notes"]``.

    The result goes straight into :func:`coursekit.clv.summarize` and
    :func:`coursekit.clv.calibration_holdout`, which refuse negative amounts.

    Parameters
    ----------
    transactions : DataFrame
        One row per order line: order id, customer id, date, amount (negative on returns)
        and optionally margin.
    order_col, customer_col, date_col, amount_col : str
        Column names.
    margin_col : str, optional
        Margin column (may be negative on return lines); netted the same way.

    Returns
    -------
    DataFrame
        Indexed by order id (named ``order_col``), sorted by date then order id, with
        columns ``customer_col``, ``date_col`` (sale date), ``amount_col`` (net amount,
        > 0) and ``margin_col`` (net margin) when given.

    Raises
    ------
    TypeError
        ``transactions`` is not a DataFrame; amount or margin not numeric; dates not dates.
    ValueError
        Empty table, missing column, missing values, infinite values, or an order id
        that belongs to more than one customer.

    Examples
    --------
    Order O1 (150) has a return of 30; O3 is returned in full:

    >>> import pandas as pd
    >>> import warnings
    >>> lines = pd.DataFrame({
    ...     "order_id": ["O1", "O1", "O2", "O3", "O1", "O3"],
    ...     "customer_id": ["A", "A", "B", "B", "A", "B"],
    ...     "date": ["2025-03-01", "2025-03-01", "2025-03-02", "2025-03-05", "2025-03-20", "2025-03-25"],
    ...     "amount": [100.0, 50.0, 80.0, 40.0, -30.0, -40.0],
    ...     "margin": [20.0, 10.0, 16.0, 8.0, -6.0, -8.0]})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     net = net_orders(lines, margin_col="margin")
    >>> net  # doctest: +NORMALIZE_WHITESPACE
             customer_id       date  amount  margin
    order_id
    O1                 A 2025-03-01   120.0    24.0
    O2                 B 2025-03-02    80.0    16.0
    >>> for line in net.attrs["notes"]:
    ...     print(line)
    2 return line(s) (negative amount, total -70.00) netted into 2 order(s) at their sale date
    1 order(s) excluded: net amount <= 0 after returns (fully returned), e.g. 'O3'
    """
    name = "transactions"
    v.require_frame(transactions, name)
    cols = [order_col, customer_col, date_col, amount_col] + ([margin_col] if margin_col else [])
    if len(set(cols)) != len(cols):
        raise ValueError(f"order_col, customer_col, date_col, amount_col and margin_col must differ, got {cols}")
    v.require_columns(transactions, cols, name)
    _check_key(transactions, order_col, name)
    _check_key(transactions, customer_col, name)
    dates = v.date_column(transactions, date_col, name)
    amount = v.numeric_column(transactions, amount_col, name)
    margin = v.numeric_column(transactions, margin_col, name) if margin_col else None

    owners = transactions.groupby(order_col, sort=False)[customer_col].nunique()
    if (owners > 1).any():
        bad = owners.index[(owners > 1).to_numpy()][0]
        raise ValueError(
            f"{name} column {order_col!r}: order {bad!r} belongs to more than one {customer_col}; "
            f"{int((owners > 1).sum())} order id(s) do"
        )

    frame = pd.DataFrame(
        {
            "order": transactions[order_col].to_numpy(),
            "customer": transactions[customer_col].to_numpy(),
            "amount": amount.to_numpy(),
            "sale_date": dates.where(amount.to_numpy() > 0).to_numpy(),
        }
    )
    if margin is not None:
        frame["margin"] = margin.to_numpy()
    grouped = frame.groupby("order", sort=False)
    agg = {"customer": ("customer", "first"), "date": ("sale_date", "min"), "amount": ("amount", "sum")}
    if margin is not None:
        agg["margin"] = ("margin", "sum")
    out = grouped.agg(**agg)

    negative = amount.to_numpy() < 0
    drop = ~(out["amount"] > 0)
    out = out[~drop]
    out = out.rename(columns={"customer": customer_col, "date": date_col, "amount": amount_col,
                              "margin": margin_col or "margin"})
    out.index.name = order_col
    out = out.reset_index().sort_values([date_col, order_col], kind="stable").set_index(order_col)
    out[date_col] = out[date_col].astype("datetime64[ns]")
    if negative.any():
        touched = pd.unique(frame.loc[negative, "order"])
        v.note(
            f"{int(negative.sum())} return line(s) (negative amount, total {amount[negative].sum():.2f}) "
            f"netted into {len(touched)} order(s) at their sale date",
            out,
        )
    if drop.any():
        dropped = drop.index[drop.to_numpy()]
        no_sale = int(grouped["sale_date"].count().reindex(dropped).eq(0).sum())
        extra = f"; {no_sale} of them have no sale line" if no_sale else ""
        v.note(
            f"{int(drop.sum())} order(s) excluded: net amount <= 0 after returns (fully returned), "
            f"e.g. {dropped[0]!r}{extra}",
            out,
        )
    return out


def _check_period(freq) -> str:
    if not isinstance(freq, str) or freq not in PERIODS:
        raise ValueError(f"freq must be one of 'Y' (year), 'Q' (quarter) or 'M' (month), got {freq!r}")
    return freq


def _periods(transactions, freq, customer_col, date_col, name):
    v.require_frame(transactions, name)
    v.require_columns(transactions, [customer_col, date_col], name)
    v.require_no_missing(transactions, customer_col, name)
    dates = v.date_column(transactions, date_col, name)
    return dates.dt.to_period(freq)


def activity_by_period(
    transactions: pd.DataFrame,
    *,
    freq: str = "Y",
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
    margin_col: str | None = None,
) -> pd.DataFrame:
    """Active customers, retention rate (客户保留率), revenue and margin per period.

    A customer is *active* in a period when they have at least one row (order) in it.
    The retention rate of period t is the share of the customers active in t-1 who
    are active again in t (NaN for the first period). Use net orders
    (:func:`net_orders`) so that returns are netted.

    Parameters
    ----------
    transactions : DataFrame
        One row per order (or purchase line): customer, date, amount [, margin].
    freq : {"Y", "Q", "M"}
        Calendar year, quarter or month.
    customer_col, date_col, amount_col : str
        Column names.
    margin_col : str, optional
        Margin column; adds ``margin`` and ``margin_per_customer``.

    Returns
    -------
    DataFrame
        Indexed by ``period`` (pandas Period, every period from the first to the last,
        also empty ones), columns ``customers`` (active), ``retained`` (active in the
        previous period and in this one), ``retention`` (retained / previous customers),
        ``amount``, ``amount_per_customer`` [, ``margin``, ``margin_per_customer``].

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["A", "B", "C", "A", "C", "D"],
    ...                        "date": ["2024-02-01", "2024-05-01", "2024-07-01",
    ...                                 "2025-01-10", "2025-03-01", "2025-04-01"],
    ...                        "amount": [100.0, 50.0, 30.0, 120.0, 60.0, 20.0]})
    >>> activity_by_period(orders)  # doctest: +NORMALIZE_WHITESPACE
            customers  retained  retention  amount  amount_per_customer
    period
    2024            3         0        NaN   180.0            60.000000
    2025            3         2   0.666667   200.0            66.666667
    """
    name = "transactions"
    freq = _check_period(freq)
    cols = [amount_col] + ([margin_col] if margin_col else [])
    v.require_frame(transactions, name)
    v.require_columns(transactions, cols, name)
    period = _periods(transactions, freq, customer_col, date_col, name)
    data = pd.DataFrame({"customer": transactions[customer_col].to_numpy(), "period": period.to_numpy(),
                         "amount": v.numeric_column(transactions, amount_col, name).to_numpy()})
    if margin_col:
        data["margin"] = v.numeric_column(transactions, margin_col, name).to_numpy()
    full = pd.period_range(period.min(), period.max(), freq=freq, name="period")
    sums = data.groupby("period").sum(numeric_only=True).reindex(full, fill_value=0.0)
    active = data.groupby("period")["customer"].agg(lambda s: frozenset(s))
    sets = [active.get(p, frozenset()) for p in full]
    customers = np.array([len(s) for s in sets], dtype=np.int64)
    retained = np.array([0] + [len(sets[i] & sets[i - 1]) for i in range(1, len(sets))], dtype=np.int64)
    previous = np.concatenate([[0], customers[:-1]]).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        retention = np.where(previous > 0, retained / np.maximum(previous, 1), np.nan)
        per = np.where(customers > 0, 1 / np.maximum(customers, 1), np.nan)
    out = pd.DataFrame({"customers": customers, "retained": retained, "retention": retention,
                        "amount": sums["amount"].to_numpy(), "amount_per_customer": sums["amount"].to_numpy() * per},
                       index=full)
    out.loc[out.index[0], "retention"] = np.nan
    if margin_col:
        out["margin"] = sums["margin"].to_numpy()
        out["margin_per_customer"] = sums["margin"].to_numpy() * per
    return out


def recency_cell_retention(
    transactions: pd.DataFrame,
    *,
    freq: str = "Q",
    cells: int = 4,
    customer_col: str = "customer_id",
    date_col: str = "date",
) -> pd.DataFrame:
    """Purchase probability per recency cell, estimated from a transaction log (Dwyer 1989).

    At the start of each period a customer is in recency cell i when their last purchase
    was i periods ago (cell 1 = bought in the previous period). The retention probability
    of cell i is the share of customers in that cell who buy in the period, pooled over
    every period in which cells 1..``cells`` can be told apart (the period must lie at
    least ``cells`` periods after the first period of the data). Customers whose last
    purchase lies further back are not counted (they are "lost" in Dwyer's model).

    Parameters
    ----------
    transactions : DataFrame
        One row per order: customer and date.
    freq : {"Y", "Q", "M"}
        Length of one period.
    cells : int
        Number of recency cells, at least 1.
    customer_col, date_col : str
        Column names.

    Returns
    -------
    DataFrame
        Indexed by ``cell`` 1..cells: ``customers`` (customer-periods observed in the
        cell), ``buyers`` (of them, bought in the period) and ``retention`` (buyers /
        customers; NaN when the cell is empty). ``attrs["periods"]`` lists the periods used.

    Examples
    --------
    Quarters 2025Q1..Q4; cells can be told apart from 2025Q3 on (two cells):

    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["A", "A", "A", "B", "C", "C"],
    ...                        "date": ["2025-01-05", "2025-04-05", "2025-07-05",
    ...                                 "2025-01-20", "2025-05-01", "2025-11-03"]})
    >>> table = recency_cell_retention(orders, cells=2)
    >>> table.round(4)  # doctest: +NORMALIZE_WHITESPACE
          customers  buyers  retention
    cell
    1             3       1     0.3333
    2             2       1     0.5000
    >>> table.attrs["periods"]
    ['2025Q3', '2025Q4']
    """
    name = "transactions"
    freq = _check_period(freq)
    if isinstance(cells, bool) or not isinstance(cells, (int, np.integer)) or cells < 1:
        raise ValueError(f"cells must be a whole number of at least 1, got {cells!r}")
    period = _periods(transactions, freq, customer_col, date_col, name)
    first = period.min()
    ordinal = np.asarray(period.array.asi8, dtype=np.int64) - first.ordinal
    n_periods = int(ordinal.max()) + 1
    if n_periods <= cells:
        raise ValueError(
            f"transactions span {n_periods} {PERIODS[freq]}(s); {cells} recency cell(s) need at least "
            f"{cells + 1}: choose fewer cells or a shorter period"
        )
    codes, _ = pd.factorize(transactions[customer_col])
    bought = np.zeros((codes.max() + 1, n_periods), dtype=bool)
    bought[codes, ordinal] = True
    counts = np.zeros(cells, dtype=np.int64)
    buyers = np.zeros(cells, dtype=np.int64)
    used = []
    for t in range(cells, n_periods):
        last = np.full(bought.shape[0], -1)
        window = bought[:, t - cells:t]
        any_ = window.any(axis=1)
        # last purchase index within the window, counted back from t
        rev = window[:, ::-1]
        last[any_] = rev[any_].argmax(axis=1) + 1
        for i in range(1, cells + 1):
            in_cell = last == i
            counts[i - 1] += int(in_cell.sum())
            buyers[i - 1] += int((in_cell & bought[:, t]).sum())
        used.append(str(first + t))
    with np.errstate(invalid="ignore", divide="ignore"):
        retention = np.where(counts > 0, buyers / np.maximum(counts, 1), np.nan)
    out = pd.DataFrame({"customers": counts, "buyers": buyers, "retention": retention},
                       index=pd.RangeIndex(1, cells + 1, name="cell"))
    out.attrs["periods"] = used
    return out
