"""First and repeat purchases per week (CDNOW, lesson 08): the weekly chart of Fader, Hardie & Lee.

- :func:`weekly_purchases`: purchases per week up to ``end``, split into first and repeat purchases;
- :func:`plot_weekly_purchases`: their stacked bars (matplotlib imported inside the function).

Weeks are counted from ``start`` (week 1 = its first seven days), not calendar weeks, because
the CDNOW papers count weeks from the cohort's first day (1997-01-01, a Wednesday). The length
of a period is therefore always one week, and the function has no ``period=`` parameter (which
means a calendar period elsewhere) and no ``unit=`` (the model time unit).

To be moved into ``coursekit/clv/`` (``weekly.py`` and the plotting module) when the clv package lands.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from ..transactions.log import purchase_log

__all__ = ["weekly_purchases"]


def weekly_purchases(
    transactions: pd.DataFrame,
    end,
    *,
    start=None,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str | None = None,
) -> pd.DataFrame:
    """Purchases per week up to ``end``, split into first purchases (new customers) and repeat purchases.

    A purchase is defined by :func:`coursekit.transactions.purchase_log`: a distinct
    customer-day (several lines of one customer on one day count once, as in Fader,
    Hardie & Lee's CDNOW analyses). Lines after ``end`` are left out and counted in a note.

    Parameters
    ----------
    transactions : DataFrame
        One row per transaction line.
    end : date-like
        Last day of observation, inclusive. The weeks run to the week that holds
        ``end``; that week is flagged ``complete=False`` when ``end`` is not its last day.
    start : date-like, optional
        First day of week 1 (default: the first purchase day).
    customer_col, date_col : str
        Column names.
    amount_col : str, optional
        When given, returns (negative amounts) are netted into the customer's latest
        purchase on or before them, and a purchase fully returned is not a purchase
        (the rules of :mod:`coursekit.transactions`, reported in notes). Without it
        every customer-day with a line is a purchase.

    Returns
    -------
    DataFrame
        Indexed by ``week`` (1, 2, ...: days 0-6 after ``start`` are week 1),
        every week up to the one holding ``end``, with columns ``week_start``,
        ``first_purchases``, ``repeat_purchases``, ``purchases`` (their sum) and
        ``complete`` (the whole week lies on or before ``end``).

    Raises
    ------
    TypeError
        Not a DataFrame, dates that are numbers, amount not numeric.
    ValueError
        A missing column, unparseable dates, no purchase on or before ``end``,
        ``start`` after ``end`` or purchases before ``start``.

    Examples
    --------
    Customer 1 buys on day 0 (two lines: one purchase) and day 15; customer 2 on day 8.
    The end, 1997-01-17, is the third day of week 3:

    >>> import warnings
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": [1, 1, 2, 1],
    ...                    "date": ["1997-01-01", "1997-01-01", "1997-01-09", "1997-01-16"]})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     weekly = weekly_purchases(tx, "1997-01-17")
    >>> weekly  # doctest: +NORMALIZE_WHITESPACE
         week_start  first_purchases  repeat_purchases  purchases  complete
    week
    1    1997-01-01                1                 0          1      True
    2    1997-01-08                1                 0          1      True
    3    1997-01-15                0                 1          1     False
    >>> weekly.attrs["notes"]
    ['week 3 (from 1997-01-15) is not complete at the end 1997-01-17 (3 of 7 days): flagged complete=False']
    """
    name = "transactions"
    log = purchase_log(
        transactions, end, customer_col=customer_col, date_col=date_col, amount_col=amount_col, name=name
    )
    end_ts = log.end
    if len(log.day) == 0:
        raise ValueError(f"{name} has no purchase on or before the end {end_ts:%Y-%m-%d}")
    first_day = (
        v.as_timestamp(start, "start").normalize()
        if start is not None
        else pd.Timestamp(np.datetime64(int(log.day.min()), "D"))
    )
    if first_day > end_ts:
        raise ValueError(f"start {first_day.date()} is after end {end_ts.date()}")
    start_day = int(np.datetime64(first_day, "D").astype(np.int64))
    if (log.day < start_day).any():
        raise ValueError(f"{name} column {date_col!r} has dates before start {first_day.date()}")
    week = (log.day - start_day) // 7 + 1
    # the log is sorted by customer, then day: a customer's first purchase is the first of their rows
    first = np.ones(len(log.customer), dtype=bool)
    first[1:] = log.customer[1:] != log.customer[:-1]
    n_weeks = (int(log.end_day) - start_day) // 7 + 1
    weeks = pd.RangeIndex(1, n_weeks + 1, name="week")
    week_start = first_day + pd.to_timedelta((weeks.to_numpy() - 1) * 7, unit="D")
    out = pd.DataFrame(
        {
            "week_start": week_start,
            "first_purchases": np.bincount(week[first] - 1, minlength=n_weeks).astype("int64"),
            "repeat_purchases": np.bincount(week[~first] - 1, minlength=n_weeks).astype("int64"),
        },
        index=weeks,
    )
    out["purchases"] = out["first_purchases"] + out["repeat_purchases"]
    out["complete"] = week_start + pd.Timedelta(days=6) <= end_ts
    if not out["complete"].iloc[-1]:
        days = (end_ts - week_start[-1]).days + 1
        log.notes.append(
            i18n._(
                "week {week} (from {start}) is not complete at the end {end} ({days} of 7 days): flagged complete=False",
                week=n_weeks,
                start=f"{week_start[-1]:%Y-%m-%d}",
                end=f"{end_ts:%Y-%m-%d}",
                days=days,
            )
        )
    log.report(out)
    return out
