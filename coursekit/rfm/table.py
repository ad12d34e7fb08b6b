"""The RFM table: recency, frequency and monetary value per customer from transaction lines.

Purchases come from the shared transactions layer (:mod:`coursekit.transactions`):
returns netted, lines after ``end`` left out, both counted in notes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from ..transactions.log import left_out_note, purchase_log

__all__ = ["DAYS_PER_YEAR", "rfm_table"]

#: Days per year when frequency and monetary are annualised (the kit's one year, as in ``clv``).
DAYS_PER_YEAR = 365.25


def rfm_table(
    transactions,
    end,
    *,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
    order_col: str | None = None,
    start=None,
    annualise: bool = False,
    first_purchase=None,
    min_tenure_days: int = 90,
) -> pd.DataFrame:
    """Recency, frequency and monetary value per customer from transaction lines.

    Parameters
    ----------
    transactions : DataFrame
        One row per transaction line (or order). Negative amounts are returns
        or cancellations.
    end : str, date or Timestamp
        Observation end, a calendar day, inclusive (the kit never uses "today"):
        a purchase at 15:00 on ``end`` is in, later lines are left out (noted).
    customer_col, date_col, amount_col : str
        Column names of the customer id, the purchase date and the line amount.
    order_col : str, optional
        Column with the order id. When given, frequency counts distinct
        orders; when ``None``, it counts distinct purchase days (several
        lines on one day are one purchase).
    start : str, date or Timestamp, optional
        First day of the window, inclusive. Purchases before it are left out
        (noted), so ``start="2025-01-01"`` gives the net revenue of the last 12
        months as ``monetary``. Default: no lower bound; the window starts on
        the first purchase day in the log.
    annualise : bool, default False
        When True, ``frequency`` and ``monetary`` are **per year of tenure in
        the window** (purchases per year, revenue per year), so that accounts
        won late in the window are comparable with long-standing ones. Tenure
        starts at ``max(first purchase, window start)`` and ends at ``end``
        (both days counted), in years of 365.25 days.
    first_purchase : Series, optional
        First purchase date per customer id (e.g. ``customers["acquired_date"]``
        indexed by customer id), used for the tenure start with
        ``annualise=True``; the earlier of it and the first purchase in the log
        counts. Default: the first purchase in the window.
    min_tenure_days : int, default 90
        With ``annualise=True``, tenures shorter than this are counted as this
        many days (noted), so that one order in the last week does not become
        50 orders a year.

    Returns
    -------
    DataFrame
        Indexed by customer id (index name = ``customer_col``), sorted by id,
        with columns

        - ``recency`` (int): whole days from the last purchase day to ``end``;
        - ``frequency`` (int): purchases (orders, or purchase days);
        - ``monetary`` (float): total net amount of those purchases.

        With ``annualise=True``, ``frequency`` (float) and ``monetary`` are per
        year of tenure and a column ``tenure_years`` (float) is added.
        ``attrs["notes"]`` lists what was netted or left out.

    Notes
    -----
    The rules of :mod:`coursekit.transactions`: returns (negative lines) are netted
    into their order (with ``order_col``) or into the customer's latest purchase on
    or before the return; a fully returned purchase is not a purchase; a customer
    left without a purchase is excluded. Each is counted in a note.

    Raises
    ------
    TypeError
        ``transactions`` is not a DataFrame, the amount is not numeric, the
        dates are numbers, or ``end`` is missing.
    ValueError
        No rows, a missing column, missing customer ids / dates / amounts /
        order ids, unparseable dates, ``start`` after ``end``, a negative
        ``min_tenure_days``.

    Examples
    --------
    Customer A returns 30 of a 130 purchase; B buys twice on one day (one
    purchase day) and once more; C only buys and returns (excluded):

    >>> import warnings
    >>> import pandas as pd
    >>> tx = pd.DataFrame({
    ...     "customer_id": ["A", "A", "B", "B", "B", "C", "C"],
    ...     "date": ["2025-12-01", "2025-12-05", "2025-12-30", "2025-12-30",
    ...              "2025-10-01", "2025-11-01", "2025-11-02"],
    ...     "amount": [130.0, -30.0, 20.0, 5.0, 10.0, 50.0, -50.0],
    ... })
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     table = rfm_table(tx, end="2025-12-31")
    >>> table  # doctest: +NORMALIZE_WHITESPACE
                 recency  frequency  monetary
    customer_id
    A                 30          1     100.0
    B                  1          2      35.0
    >>> for n in table.attrs["notes"]:
    ...     print(n)
    2 return line(s) (negative amount, total -80.00) netted into 2 purchase(s) (the customer's latest purchase on or before the return date)
    1 purchase(s) excluded: net amount <= 0 after returns (fully returned), e.g. 'C' on 2025-11-01
    1 customer(s) left out: no purchase after returns, e.g. 'C'

    Annualised: A has bought since 2023-01-01 (three years), N was won on
    2025-07-02 (half a year). Over the window N has spent less; per year of
    tenure it spends more:

    >>> tx = pd.DataFrame({"customer_id": ["A", "A", "A", "N", "N"],
    ...                    "date": ["2023-01-01", "2024-06-01", "2025-12-01", "2025-07-02", "2025-12-02"],
    ...                    "amount": [300.0, 300.0, 300.0, 400.0, 400.0]})
    >>> rfm_table(tx, "2025-12-31")  # doctest: +NORMALIZE_WHITESPACE
                 recency  frequency  monetary
    customer_id
    A                 30          3     900.0
    N                 29          2     800.0
    >>> rfm_table(tx, "2025-12-31", annualise=True).round(2)  # doctest: +NORMALIZE_WHITESPACE
                 recency  frequency  monetary  tenure_years
    customer_id
    A                 30       1.00    299.93           3.0
    N                 29       3.99   1596.72           0.5
    """
    if not isinstance(annualise, (bool, np.bool_)):
        raise TypeError(f"annualise must be True or False, got {annualise!r}")
    if isinstance(min_tenure_days, bool) or not isinstance(min_tenure_days, (int, np.integer)):
        raise TypeError(f"min_tenure_days must be a whole number of days, got {min_tenure_days!r}")
    if min_tenure_days < 1:
        raise ValueError(f"min_tenure_days must be at least 1, got {min_tenure_days}")
    log = purchase_log(
        transactions, end, customer_col=customer_col, date_col=date_col, amount_col=amount_col, order_col=order_col
    )
    n = len(log.ids)
    notes_after: list[str] = []
    if start is not None:
        start_ts = v.as_timestamp(start, "start").normalize()
        start_day = int(np.datetime64(start_ts, "D").astype(np.int64))
        if start_day > log.end_day:
            raise ValueError(f"start {start_ts:%Y-%m-%d} is after end {log.end:%Y-%m-%d}")
        keep = log.day >= start_day
        if not keep.all():
            notes_after.append(
                i18n._(
                    "{n} purchase(s) before the start {start} left out (window {start} to {end})",
                    n=int((~keep).sum()),
                    start=f"{start_ts:%Y-%m-%d}",
                    end=f"{log.end:%Y-%m-%d}",
                )
            )
            log.customer, log.day = log.customer[keep], log.day[keep]
            log.amount = log.amount[keep] if log.amount is not None else None
        window_start = start_day
    else:
        window_start = int(log.day.min()) if len(log.day) else log.end_day
    counts = np.bincount(log.customer, minlength=n)
    has = counts > 0
    last = np.full(n, -1, dtype=np.int64)
    np.maximum.at(last, log.customer, log.day)
    out = pd.DataFrame(
        {
            "recency": (log.end_day - last[has]).astype("int64"),
            "frequency": counts[has].astype("int64"),
            "monetary": np.bincount(log.customer, weights=log.amount, minlength=n)[has],
        },
        index=log.ids[has],
    )
    if annualise:
        _annualise(out, log, has, window_start, first_purchase, min_tenure_days, customer_col, notes_after)
    log.report(out)
    if not has.all():
        gone = log.ids[~has].tolist()  # plain Python values read better in a note than np.int64(3)
        why = None if start is None else i18n._("no purchase in the window")
        v.note(left_out_note(len(gone), gone[0], why=why), out)
    for message in notes_after:
        v.note(message, out)
    return out


def _annualise(out, log, has, window_start, first_purchase, min_tenure_days, customer_col, notes) -> None:
    """Divide frequency and monetary by the years of tenure in the window (in place)."""
    n = len(log.ids)
    first = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first, log.customer, log.day)
    first = first[has]
    if first_purchase is not None:
        if not isinstance(first_purchase, pd.Series):
            raise TypeError(
                f"first_purchase must be a Series of dates indexed by {customer_col}, got {type(first_purchase).__name__}"
            )
        given = v.date_column(
            first_purchase.to_frame("first_purchase"), "first_purchase", "first_purchase", allow_missing=True
        )
        given = given[~given.index.duplicated()].reindex(out.index)
        known = given.notna().to_numpy()
        given_day = given.to_numpy().astype("datetime64[D]").astype(np.int64)
        first = np.where(known, np.minimum(given_day, first), first)
        if not known.all():
            notes.append(
                i18n._(
                    "{n} customer(s) without a first_purchase date: tenure starts at their first purchase in the "
                    "window, e.g. {example!r}",
                    n=int((~known).sum()),
                    example=out.index[~known][0],
                )
            )
    tenure_start = np.maximum(first, window_start)
    days = (log.end_day - tenure_start + 1).astype("int64")
    short = days < min_tenure_days
    if short.any():
        notes.append(
            i18n._(
                "{n} customer(s) with less than {days} days of tenure counted as {days} days when annualising, "
                "e.g. {example!r}",
                n=int(short.sum()),
                days=min_tenure_days,
                example=out.index[short][0],
            )
        )
    years = np.maximum(days, min_tenure_days) / DAYS_PER_YEAR
    out["frequency"] = out["frequency"] / years
    out["monetary"] = out["monetary"] / years
    out["tenure_years"] = years
