"""Activity and retention by calendar period (年度/季度/月度活跃与保留).

- :func:`activity_by_period`: active customers, retention rate (客户保留率),
  revenue and margin per customer by year, quarter or month.
- :func:`recency_cell_retention`: purchase probability per recency cell, the
  input of Dwyer's customer-migration model (顾客迁移模型, :func:`coursekit.clv.dwyer_migration`).

Both read purchases through :func:`coursekit.transactions.purchases`, so lines after
``end`` are left out (noted), and a period that is not complete at ``end`` is flagged,
never shown as a drop.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import i18n
from .log import purchase_log

__all__ = ["PERIODS", "activity_by_period", "recency_cell_retention"]

#: Calendar period codes accepted as ``period=``.
PERIODS = {"Y": "year", "Q": "quarter", "M": "month"}


def _check_period(period) -> str:
    if not isinstance(period, str) or period not in PERIODS:
        raise ValueError(f"period must be one of 'Y' (year), 'Q' (quarter) or 'M' (month), got {period!r}")
    return period


_INCOMPLETE = i18n.N_(
    "{period_name} {period} is not complete at the end {end} ({days} of {total} days): flagged complete=False"
)


def _incomplete_note(last: pd.Period, end: pd.Timestamp, message: str = _INCOMPLETE) -> str:
    """A period cut by ``end``: which, and how many of its days are in (``message`` from the catalog)."""
    days = (end - last.start_time.normalize()).days + 1
    total = (last.end_time.normalize() - last.start_time.normalize()).days + 1
    return i18n._(
        message,
        period_name=PERIODS[last.freqstr[0]],
        period=str(last),
        end=f"{end:%Y-%m-%d}",
        days=days,
        total=total,
    )


def activity_by_period(
    transactions: pd.DataFrame,
    end,
    *,
    period: str = "Y",
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
    margin_col: str | None = None,
) -> pd.DataFrame:
    """Active customers, retention rate (客户保留率), revenue and margin per calendar period.

    A customer is *active* in a period when they made at least one purchase in it. The
    retention rate of period t is the share of the customers active in t-1 who are active
    again in t (NaN for the first period). Purchases come from
    :func:`coursekit.transactions.purchases` (returns netted, lines after ``end`` left out).
    The last period is flagged ``complete=False`` when ``end`` falls before its last day:
    its retention is NaN, since customers still have time to come back in it.

    Parameters
    ----------
    transactions : DataFrame
        One row per order or line: customer, date, amount [, margin].
    end : date-like
        Last day of the period of observation, inclusive.
    period : {"Y", "Q", "M"}
        Calendar year, quarter or month.
    customer_col, date_col, amount_col : str
        Column names.
    margin_col : str, optional
        Margin column; adds ``margin`` and ``margin_per_customer``.

    Returns
    -------
    DataFrame
        Indexed by ``period`` (pandas Period, every period from the first purchase to
        ``end``, also empty ones), columns ``customers`` (active), ``retained`` (active in
        the previous period and in this one), ``retention`` (retained / previous customers),
        ``amount``, ``amount_per_customer`` [, ``margin``, ``margin_per_customer``] and
        ``complete`` (the whole period lies on or before ``end``).

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["A", "B", "C", "A", "C", "D"],
    ...                        "date": ["2024-02-01", "2024-05-01", "2024-07-01",
    ...                                 "2025-01-10", "2025-03-01", "2025-04-01"],
    ...                        "amount": [100.0, 50.0, 30.0, 120.0, 60.0, 20.0]})
    >>> activity_by_period(orders, "2025-12-31")  # doctest: +NORMALIZE_WHITESPACE
            customers  retained  retention  amount  amount_per_customer  complete
    period
    2024            3         0        NaN   180.0            60.000000      True
    2025            3         2   0.666667   200.0            66.666667      True
    """
    name = "transactions"
    period = _check_period(period)
    log = purchase_log(
        transactions,
        end,
        customer_col=customer_col,
        date_col=date_col,
        amount_col=amount_col,
        margin_col=margin_col,
        name=name,
    )
    if len(log.day) == 0:
        raise ValueError(f"{name} has no purchase on or before the end {log.end:%Y-%m-%d}")
    periods = pd.PeriodIndex(pd.DatetimeIndex(log.dates()), freq=period)
    data = pd.DataFrame({"customer": log.customer, "period": periods, "amount": log.amount})
    if margin_col:
        data["margin"] = log.margin
    end_ts = log.end
    full = pd.period_range(periods.min(), end_ts.to_period(period), freq=period, name="period")
    sums = data.groupby("period").sum(numeric_only=True).reindex(full, fill_value=0.0)
    active = data.groupby("period")["customer"].agg(lambda s: frozenset(s))
    sets = [active.get(p, frozenset()) for p in full]
    customers = np.array([len(s) for s in sets], dtype=np.int64)
    retained = np.array([0] + [len(sets[i] & sets[i - 1]) for i in range(1, len(sets))], dtype=np.int64)
    previous = np.concatenate([[0], customers[:-1]]).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        retention = np.where(previous > 0, retained / np.maximum(previous, 1), np.nan)
        per = np.where(customers > 0, 1 / np.maximum(customers, 1), np.nan)
    complete = np.array([p.end_time.normalize() <= end_ts for p in full])
    retention[0] = np.nan
    retention[~complete] = np.nan
    out = pd.DataFrame(
        {
            "customers": customers,
            "retained": retained,
            "retention": retention,
            "amount": sums["amount"].to_numpy(),
            "amount_per_customer": sums["amount"].to_numpy() * per,
        },
        index=full,
    )
    if margin_col:
        out["margin"] = sums["margin"].to_numpy()
        out["margin_per_customer"] = sums["margin"].to_numpy() * per
    out["complete"] = complete
    if not complete[-1]:
        log.notes.append(
            _incomplete_note(
                full[-1],
                end_ts,
                i18n.N_(
                    "{period_name} {period} is not complete at the end {end} ({days} of {total} days): "
                    "flagged complete=False, retention not computed"
                ),
            )
        )
    log.report(out)
    return out


def recency_cell_retention(
    transactions: pd.DataFrame,
    end,
    *,
    period: str = "Q",
    cells: int = 4,
    customer_col: str = "customer_id",
    date_col: str = "date",
) -> pd.DataFrame:
    """Purchase probability per recency cell, estimated from a transaction log (Dwyer 1989).

    At the start of each period a customer is in recency cell i when their last purchase
    was i periods ago (cell 1 = bought in the previous period). The retention probability
    of cell i is the share of customers in that cell who buy in the period, pooled over
    every complete period in which cells 1..``cells`` can be told apart (the period must lie
    at least ``cells`` periods after the first period of the data). Customers whose last
    purchase lies further back are not counted (they are "lost" in Dwyer's model). A last
    period that is not complete at ``end`` is left out (noted): customers still have time
    to buy in it.

    Parameters
    ----------
    transactions : DataFrame
        One row per order: customer and date.
    end : date-like
        Last day of observation, inclusive.
    period : {"Y", "Q", "M"}
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
    >>> table = recency_cell_retention(orders, "2025-12-31", cells=2)
    >>> table.round(4)  # doctest: +NORMALIZE_WHITESPACE
          customers  buyers  retention
    cell
    1             3       1     0.3333
    2             2       1     0.5000
    >>> table.attrs["periods"]
    ['2025Q3', '2025Q4']
    """
    name = "transactions"
    period = _check_period(period)
    if isinstance(cells, bool) or not isinstance(cells, (int, np.integer)) or cells < 1:
        raise ValueError(f"cells must be a whole number of at least 1, got {cells!r}")
    log = purchase_log(transactions, end, customer_col=customer_col, date_col=date_col, amount_col=None, name=name)
    if len(log.day) == 0:
        raise ValueError(f"{name} has no purchase on or before the end {log.end:%Y-%m-%d}")
    periods = pd.PeriodIndex(pd.DatetimeIndex(log.dates()), freq=period)
    first = periods.min()
    last = log.end.to_period(period)
    if last.end_time.normalize() > log.end:
        log.notes.append(
            _incomplete_note(
                last,
                log.end,
                i18n.N_(
                    "{period_name} {period} is not complete at the end {end} ({days} of {total} days): "
                    "flagged complete=False, left out of the estimate"
                ),
            )
        )
        last = last - 1
    ordinal = np.asarray(periods.asi8, dtype=np.int64) - first.ordinal
    n_periods = last.ordinal - first.ordinal + 1
    if n_periods <= cells:
        raise ValueError(
            f"transactions span {max(n_periods, 0)} complete {PERIODS[period]}(s); {cells} recency cell(s) need "
            f"at least {cells + 1}: choose fewer cells or a shorter period"
        )
    inside = ordinal < n_periods
    bought = np.zeros((len(log.ids), n_periods), dtype=bool)
    bought[log.customer[inside], ordinal[inside]] = True
    counts = np.zeros(cells, dtype=np.int64)
    buyers = np.zeros(cells, dtype=np.int64)
    used = []
    for t in range(cells, n_periods):
        last_buy = np.full(bought.shape[0], -1)
        window = bought[:, t - cells : t]
        any_ = window.any(axis=1)
        # last purchase index within the window, counted back from t
        rev = window[:, ::-1]
        last_buy[any_] = rev[any_].argmax(axis=1) + 1
        for i in range(1, cells + 1):
            in_cell = last_buy == i
            counts[i - 1] += int(in_cell.sum())
            buyers[i - 1] += int((in_cell & bought[:, t]).sum())
        used.append(str(first + t))
    with np.errstate(invalid="ignore", divide="ignore"):
        retention = np.where(counts > 0, buyers / np.maximum(counts, 1), np.nan)
    out = pd.DataFrame(
        {"customers": counts, "buyers": buyers, "retention": retention}, index=pd.RangeIndex(1, cells + 1, name="cell")
    )
    out.attrs["periods"] = used
    log.report(out)
    return out
