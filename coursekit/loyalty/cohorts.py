"""Cohort retention (客户群组保留): Dwyer's lost-for-good (永久流失型) view of retention."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from ..transactions.log import purchase_log
from ..transactions.periods import PERIODS, _check_period

__all__ = ["cohort_retention"]


def cohort_retention(
    transactions: pd.DataFrame,
    end,
    *,
    period: str = "Q",
    cohort: pd.Series | None = None,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str | None = "amount",
) -> pd.DataFrame:
    """Share of each cohort that buys in each period since it was won (客户群组保留率).

    A cohort is the customers won in one calendar period: the period of their first
    purchase in the log, or the period of ``cohort`` (a date per customer, such as
    ``acquired_date``). The value in row c, column k is the share of cohort c that made a
    purchase in its k-th period after the cohort period (k = 0 is the cohort period itself,
    1.0 when cohorts come from the log). A period that is not complete at ``end``, or that
    lies before the first purchase in the log, is missing (NaN), not 0: nobody could have
    been seen buying in it.

    Parameters
    ----------
    transactions : DataFrame
        Order lines or orders (returns netted by the transactions layer).
    end : date-like
        Last day of observation, inclusive; later lines are left out (noted).
    period : {"Y", "Q", "M"}
        Calendar year, quarter or month.
    cohort : Series, optional
        A date per customer (index = customer id), e.g. ``customers.set_index("customer_id")
        ["acquired_date"]``. Customers of the log missing from it are left out (noted);
        customers in it without a purchase still count in their cohort's size.
    customer_col, date_col, amount_col : str
        Column names.

    Returns
    -------
    DataFrame
        Indexed by ``cohort`` (Period), one column per period since (0, 1, 2 ...), plus
        ``customers`` (the cohort's size) as the first column.

    Examples
    --------
    Quarterly cohorts: A and B start in 2025Q1, C in 2025Q2. A buys again in Q2, B in Q3,
    C in Q3. The log ends on 2025-11-15, so 2025Q4 is not complete:

    >>> import pandas as pd, warnings
    >>> orders = pd.DataFrame({"customer_id": ["A", "B", "A", "C", "B", "C"],
    ...                        "date": ["2025-01-10", "2025-02-01", "2025-04-03", "2025-05-05",
    ...                                 "2025-08-01", "2025-08-20"],
    ...                        "amount": [1.0] * 6})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     table = cohort_retention(orders, "2025-11-15")
    >>> table  # doctest: +NORMALIZE_WHITESPACE
            customers    0    1    2   3
    cohort
    2025Q1          2  1.0  0.5  0.5 NaN
    2025Q2          1  1.0  1.0  NaN NaN
    """
    period = _check_period(period)
    log = purchase_log(transactions, end, customer_col=customer_col, date_col=date_col, amount_col=amount_col)
    if len(log.day) == 0:
        raise ValueError(f"transactions has no purchase on or before the end {log.end:%Y-%m-%d}")
    bought = pd.PeriodIndex(pd.DatetimeIndex(log.dates()), freq=period).asi8.astype(np.int64)
    first_seen = int(bought.min())
    last_complete = log.end.to_period(period)
    if last_complete.end_time.normalize() > log.end:
        log.notes.append(
            i18n._(
                "{period_name} {period} is not complete at the end {end}: shown as missing",
                period_name=PERIODS[period],
                period=str(last_complete),
                end=f"{log.end:%Y-%m-%d}",
            )
        )
        last_complete = last_complete - 1
    last_ordinal = last_complete.ordinal
    end_ordinal = log.end.to_period(period).ordinal
    n = len(log.ids)
    ids = pd.Index(log.ids)
    if cohort is None:
        start = np.full(n, np.iinfo(np.int64).max)
        np.minimum.at(start, log.customer, bought)
        members = np.flatnonzero(start < np.iinfo(np.int64).max)
        member_start = start[members]
    else:
        if not isinstance(cohort, pd.Series):
            raise TypeError(
                f"cohort must be a pandas Series of dates indexed by customer id, got {type(cohort).__name__}"
            )
        v.require_unique_index(cohort, "cohort")
        dates = v.date_column(cohort.rename("cohort").to_frame(), "cohort", "cohort", allow_missing=True)
        if dates.isna().any():
            v.note(i18n._("{n} customer(s) without a cohort date left out", n=int(dates.isna().sum())), None)
            dates = dates.dropna()
        outside = ~ids.isin(dates.index)
        if outside.any():
            log.notes.append(
                i18n._(
                    "{n} customer(s) of the log have no cohort date and are left out, e.g. {example!r}",
                    n=int(outside.sum()),
                    example=ids[outside].tolist()[0],
                )
            )
        # every customer with a cohort date belongs to its cohort, bought or not
        ids = ids.append(dates.index[~dates.index.isin(ids)])
        member_start = pd.PeriodIndex(pd.DatetimeIndex(dates.reindex(ids).to_numpy()), freq=period).asi8
        members = np.flatnonzero(ids.isin(dates.index))
        member_start = np.asarray(member_start, dtype=np.int64)[members]
    cohorts = np.unique(member_start)
    cohorts = cohorts[cohorts <= end_ordinal]
    width = int(end_ordinal - cohorts.min()) + 1 if len(cohorts) else 1
    sizes = np.zeros(len(cohorts), dtype=np.int64)
    buyers = np.zeros((len(cohorts), width), dtype=np.int64)
    row_of = {c: i for i, c in enumerate(cohorts)}
    start_of = np.full(len(ids), np.iinfo(np.int64).min)
    start_of[members] = member_start
    for s in member_start:
        if s in row_of:
            sizes[row_of[s]] += 1
    # one count per customer and period: the distinct (customer, period) pairs of the log
    pairs = np.unique(np.stack([log.customer, bought], axis=1), axis=0)
    for customer, p in pairs:
        s = start_of[customer]
        if s in row_of and s <= p <= end_ordinal:
            buyers[row_of[s], p - s] += 1
    shares = buyers / np.maximum(sizes, 1)[:, None]
    since = np.arange(width)[None, :]
    calendar = cohorts[:, None] + since
    shares = np.where((calendar > last_ordinal) | (calendar < first_seen), np.nan, shares)
    out = pd.DataFrame(shares, columns=list(range(width)))
    out.insert(0, "customers", sizes)
    out.index = pd.PeriodIndex.from_ordinals(cohorts, freq=period).rename("cohort")
    log.report(out)
    return out
