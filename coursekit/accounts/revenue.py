"""Net revenue (净收入: sales minus returns) per customer, product line, region or month.

- :func:`revenue_by`: net revenue per value of a column, up to ``end``;
- :func:`monthly_revenue`: net revenue per calendar month, in total or per group, with a
  ``complete`` flag so that a month cut by ``start`` or ``end`` does not look like a drop.

Both add up order *lines*, so a return line (negative amount) is netted into its own group
(or the month in which it was booked), also when its sale lies before the data. That keeps
the sums equal to ``orders[amount].sum()``, which a learner can check with plain pandas.
They follow the end rule of :mod:`coursekit.transactions`: ``end`` is a calendar day,
inclusive; lines after it are left out and counted in a note, never an error. Notes on
returns use the wording of :func:`coursekit.transactions.log.returns_note`.
"""

from __future__ import annotations

import pandas as pd

from .. import _validate as v
from .. import i18n
from ..transactions.log import after_end_note, returns_note
from ..transactions.periods import _incomplete_note

__all__ = ["monthly_revenue", "revenue_by"]


def _lines(orders, end, by, customers, *, customer_col, date_col, amount_col):
    """Validated order lines up to ``end``: (lines with ``amount``, ``day`` [, ``by``], end, notes)."""
    name = "orders"
    v.require_frame(orders, name)
    v.require_columns(orders, [date_col, amount_col], name)
    end_ts = v.as_timestamp(end, "end").normalize()
    amount = v.numeric_column(orders, amount_col, name)
    days = v.date_column(orders, date_col, name).dt.normalize()
    work = pd.DataFrame({"amount": amount.to_numpy(), "day": days.to_numpy()}, index=orders.index)
    if by is not None:
        if not isinstance(by, str):
            raise TypeError(f"by must be a column name, got {type(by).__name__}")
        if by in orders.columns:
            v.require_no_missing(orders, by, name)
            work[by] = orders[by].to_numpy()
        else:
            if customers is None:
                v.require_columns(orders, [by], name)
            v.require_frame(customers, "customers")
            v.require_columns(orders, [customer_col], name)
            v.require_columns(customers, [customer_col, by], "customers")
            v.require_unique(customers, customer_col, "customers")
            attr = customers.set_index(customer_col)[by]
            mapped = orders[customer_col].map(attr)
            unknown = mapped.isna() & ~orders[customer_col].isin(attr.index)
            if unknown.any():
                raise ValueError(
                    f"orders column {customer_col!r} has {int(unknown.sum())} line(s) whose customer "
                    f"is not in customers, e.g. {orders.loc[unknown, customer_col].iloc[0]!r}"
                )
            v.require_no_missing(mapped.to_frame(by), by, "customers")
            work[by] = mapped.to_numpy()
    notes = []
    late = (work["day"] > end_ts).to_numpy()
    if late.any():
        notes.append(after_end_note(int(late.sum()), end_ts))
        work = work[~late]
    if work.empty:
        raise ValueError(f"{name} has no line on or before the end {end_ts:%Y-%m-%d}")
    return work, end_ts, notes


def revenue_by(
    orders: pd.DataFrame,
    end,
    *,
    by: str = "customer_id",
    customers: pd.DataFrame | None = None,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
) -> pd.Series:
    """Net revenue (净收入: sales minus returns) per customer, product line, region ... up to ``end``.

    Parameters
    ----------
    orders : DataFrame
        Order lines; negative amounts are returns and are netted into their group.
    end : date-like
        Last day of the period, inclusive. Lines after it are left out and counted in a note.
    by : str, default "customer_id"
        A column of ``orders`` or, with ``customers``, a column of the
        customer table (``region``, ``size`` ...) joined on ``customer_col``.
    customers : DataFrame, optional
        Customer table with ``customer_col`` (unique) and ``by``.
    customer_col, date_col, amount_col : str
        Column names.

    Returns
    -------
    Series
        Named ``net_revenue``, indexed by the values of ``by`` (index name
        ``by``), sorted by index. Lines left out after ``end`` and netted
        return lines are reported with a ``CourseKitDataNote`` and in
        ``attrs["notes"]``.

    Raises
    ------
    TypeError
        Not a DataFrame, amount not numeric, dates given as numbers, ``by`` not a name.
    ValueError
        A missing column (named), missing group values, unreadable dates, order
        lines whose customer is not in ``customers``, or no line on or before ``end``.

    Examples
    --------
    >>> import warnings
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["A", "A", "B", "C", "C"],
    ...                        "date": ["2025-01-05", "2025-02-01", "2025-02-10", "2025-03-01", "2026-01-02"],
    ...                        "product_line": ["bearings", "bearings", "fasteners", "bearings", "bearings"],
    ...                        "amount": [100.0, -20.0, 50.0, 30.0, 99.0]})
    >>> customers = pd.DataFrame({"customer_id": ["A", "B", "C"], "region": ["East", "East", "North"]})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     by_line = revenue_by(orders, "2025-12-31", by="product_line")
    ...     by_region = revenue_by(orders, "2025-12-31", by="region", customers=customers)
    >>> by_line.to_dict(), by_region.to_dict()
    ({'bearings': 110.0, 'fasteners': 50.0}, {'East': 130.0, 'North': 30.0})
    >>> print(*by_line.attrs["notes"], sep="\\n")
    1 line(s) dated after the end 2025-12-31 left out (end is a calendar day, inclusive)
    1 return line(s) (negative amount, total -20.00) netted into 1 product_line group(s) (net revenue per product_line)
    """
    work, _, notes = _lines(
        orders, end, by, customers, customer_col=customer_col, date_col=date_col, amount_col=amount_col
    )
    out = work.groupby(by, sort=True)["amount"].sum().rename("net_revenue")
    out.index.name = by
    neg = work["amount"] < 0
    if neg.any():
        notes.append(
            returns_note(
                int(neg.sum()),
                work.loc[neg, "amount"].sum(),
                work.loc[neg, by].nunique(),
                i18n._("{by} group(s) (net revenue per {by})", by=by),
            )
        )
    for message in notes:
        v.note(message, out, stacklevel=3)
    return out


def monthly_revenue(
    orders: pd.DataFrame,
    end,
    *,
    by: str | None = None,
    customers: pd.DataFrame | None = None,
    start=None,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """Net revenue per calendar month up to ``end``, in total or per product line (or another column).

    Parameters
    ----------
    orders : DataFrame
        Order lines; a negative amount is a return, netted into the month in
        which the return was booked.
    end : date-like
        Last day of the period, inclusive. Lines after it are left out (noted); the
        months run to the month of ``end``, which is flagged ``complete=False`` when
        ``end`` is not its last day.
    by : str, optional
        Split the revenue by this column (e.g. ``"product_line"``), of
        ``orders`` or, with ``customers``, of the customer table.
    customers : DataFrame, optional
        Customer table for a ``by`` column that is not in ``orders``.
    start : date-like, optional
        First day, inclusive (default: the first line). Lines before it are left
        out (noted); a month that begins before ``start`` is flagged ``complete=False``.
    customer_col, date_col, amount_col : str
        Column names.

    Returns
    -------
    DataFrame
        Indexed by ``month`` (Timestamp of the first day of the month), every month
        starting with the month of ``start``, up to that of ``end`` (months without sales are 0),
        one column per value of ``by`` (sorted by name) or a single column
        ``net_revenue``, then ``complete`` (bool: the whole month lies between
        ``start`` and ``end``; a partial month is not a drop). Left-out lines, netted
        return lines and partial months are reported with a ``CourseKitDataNote`` and
        in ``attrs["notes"]``.

    Raises
    ------
    TypeError
        Not a DataFrame, amount not numeric, dates that are numbers.
    ValueError
        A missing column (named), unparseable dates, ``start`` after ``end``,
        no line in the period, or a ``by`` value named ``complete``.

    Examples
    --------
    A return booked in March is netted into March; February has no sales; the
    end cuts March after 15 days:

    >>> import warnings
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"date": ["2025-01-05", "2025-01-20", "2025-03-02", "2025-03-09", "2025-03-20"],
    ...                        "product_line": ["bearings", "fasteners", "bearings", "bearings", "bearings"],
    ...                        "amount": [100.0, 40.0, 60.0, -30.0, 70.0]})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     monthly = monthly_revenue(orders, "2025-03-15", by="product_line")
    >>> monthly  # doctest: +NORMALIZE_WHITESPACE
    product_line  bearings  fasteners  complete
    month
    2025-01-01       100.0       40.0      True
    2025-02-01         0.0        0.0      True
    2025-03-01        30.0        0.0     False
    >>> print(*monthly.attrs["notes"], sep="\\n")
    1 line(s) dated after the end 2025-03-15 left out (end is a calendar day, inclusive)
    1 return line(s) (negative amount, total -30.00) netted into 1 month(s) (the month in which each return was booked)
    month 2025-03 is not complete at the end 2025-03-15 (15 of 31 days): flagged complete=False
    """
    v.require_frame(orders, "orders")
    if start is not None:
        # checked before the lines are read, so that swapped dates get the clearer message
        lo = v.as_timestamp(start, "start").normalize()
        if lo > v.as_timestamp(end, "end").normalize():
            raise ValueError(f"start {lo.date()} is after end {v.as_timestamp(end, 'end').date()}")
    work, end_ts, notes = _lines(
        orders, end, by, customers, customer_col=customer_col, date_col=date_col, amount_col=amount_col
    )
    if by is not None and "complete" in set(work[by].astype(str)):
        raise ValueError(
            f"by column {by!r} has a value 'complete', the name of the column that flags "
            "partial months: rename that value"
        )
    if start is not None:
        early = (work["day"] < lo).to_numpy()
        if early.any():
            notes.insert(0, f"{int(early.sum())} line(s) dated before the start {lo:%Y-%m-%d} left out")
            work = work[~early]
        if work.empty:
            raise ValueError(f"orders has no line between {lo.date()} and {end_ts.date()}")
    else:
        # without a start the data begin in the first month: it is not cut, it is where the table starts
        lo = work["day"].min().to_period("M").to_timestamp()
    work = work.assign(month=work["day"].dt.to_period("M").dt.to_timestamp())
    months = pd.date_range(
        lo.to_period("M").to_timestamp(), end_ts.to_period("M").to_timestamp(), freq="MS", name="month"
    )
    if by is None:
        out = work.groupby("month")["amount"].sum().reindex(months, fill_value=0.0).to_frame("net_revenue")
    else:
        out = work.groupby(["month", by])["amount"].sum().unstack(by, fill_value=0.0).reindex(months, fill_value=0.0)
        out = out[sorted(out.columns, key=str)]
        out.columns.name = by
    out.index.name = "month"
    out = out.astype(float)
    neg = work["amount"] < 0
    if neg.any():
        notes.append(
            returns_note(
                int(neg.sum()),
                work.loc[neg, "amount"].sum(),
                work.loc[neg, "month"].nunique(),
                i18n._("month(s) (the month in which each return was booked)"),
            )
        )
    periods = months.to_period("M")
    first_days = periods.start_time.normalize()
    last_days = periods.end_time.normalize()
    out["complete"] = (first_days >= lo) & (last_days <= end_ts)
    if first_days[0] < lo:
        first = periods[0]
        inside = (min(last_days[0], end_ts) - lo).days + 1
        notes.append(
            i18n._(
                "month {period} is not complete after the start {start} ({days} of {total} days): "
                "flagged complete=False",
                period=str(first),
                start=f"{lo:%Y-%m-%d}",
                days=inside,
                total=first.days_in_month,
            )
        )
    if last_days[-1] > end_ts:
        notes.append(_incomplete_note(periods[-1], end_ts))
    for message in notes:
        v.note(message, out, stacklevel=3)
    return out
