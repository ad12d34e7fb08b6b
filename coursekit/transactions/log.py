"""From transaction lines to purchases: the one place where a log is validated and returns are netted.

See :mod:`coursekit.transactions` for the rules. :func:`purchase_log` does the work on
numpy arrays (fast enough for 10 million lines); :func:`purchases` and :func:`net_orders`
return it as a table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = ["PurchaseLog", "purchase_log", "purchases", "net_orders", "returns_note"]

_NS_PER_DAY = 86_400_000_000_000
_NO_DAY = np.iinfo(np.int64).max


@dataclass
class PurchaseLog:
    """Purchases as arrays, sorted by customer, then day (then order).

    Attributes
    ----------
    ids : Index
        Customer ids, sorted, named after the customer column; ``customer`` indexes into it.
    customer, day : ndarray of int64
        Customer code and purchase day (days since 1970-01-01) of each purchase.
    amount, margin : ndarray of float or None
        Net amount and net margin of each purchase (``None`` when no column was given).
    order : ndarray or None
        Order id of each purchase when ``order_col`` was given.
    end_day : int
        The end as days since 1970-01-01.
    notes : list of str
        What was left out, netted or kept by rule, with counts.
    """

    ids: pd.Index
    customer: np.ndarray
    day: np.ndarray
    amount: np.ndarray | None
    margin: np.ndarray | None
    order: np.ndarray | None
    end_day: int
    notes: list[str] = field(default_factory=list)

    @property
    def end(self) -> pd.Timestamp:
        """The end as a Timestamp (midnight of the last included day)."""
        return pd.Timestamp(np.datetime64(int(self.end_day), "D"))

    def dates(self) -> np.ndarray:
        """Purchase days as ``datetime64[ns]``."""
        return (self.day * _NS_PER_DAY).astype("datetime64[ns]")

    def report(self, result) -> None:
        """Issue every note as a :class:`~coursekit.CourseKitDataNote` and keep it on ``result``."""
        for message in self.notes:
            v.note(message, result, stacklevel=4)

    def last_day(self) -> np.ndarray:
        """Each customer's last purchase day (days since 1970-01-01), -1 for a customer without one."""
        last = np.full(len(self.ids), -1, dtype=np.int64)
        np.maximum.at(last, self.customer, self.day)
        return last

    def report_customers_left_out(self, result, has_purchase: np.ndarray) -> None:
        """Note the customers of the log left without a purchase (everything returned)."""
        if not has_purchase.all():
            gone = self.ids[~has_purchase].tolist()  # plain values read better than np.int64(3)
            v.note(left_out_note(len(gone), gone[0]), result)


def _plain(value):
    """A numpy scalar as a plain Python value, so that notes read 455, not np.int64(455)."""
    return value.item() if isinstance(value, np.generic) else value


def returns_note(n_lines: int, total: float, n_into: int, into: str) -> str:
    """The one wording of a note on netted returns, shared by every function that nets them.

    Parameters
    ----------
    n_lines : int
        Number of return lines (negative amounts) netted.
    total : float
        Their total amount (a negative number).
    n_into : int
        Number of things they were netted into (purchases, months, groups ...).
    into : str
        What those things are, in the plural form "(s)", with any detail after it.

    Returns
    -------
    str
        ``"{n_lines} return line(s) (negative amount, total {total:.2f}) netted into {n_into} {into}"``.

    Examples
    --------
    >>> returns_note(2, -70.0, 2, "purchase(s) of their order, at its sale date")
    '2 return line(s) (negative amount, total -70.00) netted into 2 purchase(s) of their order, at its sale date'
    """
    return i18n._(
        "{n} return line(s) (negative amount, total {total}) netted into {into_n} {into}",
        n=int(n_lines),
        total=f"{total:.2f}",
        into_n=int(n_into),
        into=into,
    )


def after_end_note(n_lines: int, end: pd.Timestamp) -> str:
    """The one wording of the end rule's note: lines after ``end`` left out."""
    return i18n._(
        "{n} line(s) dated after the end {end} left out (end is a calendar day, inclusive)",
        n=int(n_lines),
        end=f"{end:%Y-%m-%d}",
    )


def left_out_note(n_customers: int, example, *, why: str | None = None) -> str:
    """The note on customers left without a purchase (after returns, or in a window)."""
    why = i18n._("no purchase after returns") if why is None else why
    return i18n._("{n} customer(s) left out: {why}, e.g. {example!r}", n=int(n_customers), why=why, example=example)


def _amount_array(transactions: pd.DataFrame, column: str, name: str) -> np.ndarray:
    raw = transactions[column]
    if pd.api.types.is_numeric_dtype(raw) and not pd.api.types.is_bool_dtype(raw):
        values = raw.to_numpy(dtype=float, na_value=np.nan)  # fast path for millions of rows
        if np.isnan(values).any():
            v.require_no_missing(transactions, column, name)
        if np.isinf(values).any():
            raise ValueError(f"{name} column {column!r} has infinite values")
        return values
    return v.numeric_column(transactions, column, name).to_numpy()


def _customer_codes(customers: pd.Series, customer_col: str) -> tuple[np.ndarray, pd.Index]:
    """Codes that follow the sorted customer ids (hash factorize, then renumber: fast)."""
    codes, ids = pd.factorize(customers, sort=False)
    ids = pd.Index(ids, name=customer_col)
    try:
        by_id = ids.argsort()
    except TypeError:  # ids of mixed types: keep the order of appearance
        by_id = np.arange(len(ids))
    rank = np.empty(len(ids), dtype=np.int64)
    rank[by_id] = np.arange(len(ids))
    return rank[codes], ids[by_id]


def _unique_keys(key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted unique int64 keys and, per input row, the position of its key among them."""
    n = len(key)
    if n == 0:
        return key, np.zeros(0, dtype=np.int64)
    nbits = max(int(n - 1).bit_length(), 1)
    if int(key.max()).bit_length() + nbits <= 62 and key.min() >= 0:
        # argsort by sorting values: (key, row) packed into one int64 sorts several times faster
        packed = (key << nbits) | np.arange(n, dtype=np.int64)
        packed.sort()
        order = packed & ((1 << nbits) - 1)
        skey = packed >> nbits
    else:
        order = np.argsort(key, kind="stable")
        skey = key[order]
    new = np.empty(n, dtype=bool)
    new[0] = True
    np.not_equal(skey[1:], skey[:-1], out=new[1:])
    group = np.cumsum(new) - 1
    inverse = np.empty(n, dtype=np.int64)
    inverse[order] = group
    return skey[new], inverse


def purchase_log(
    transactions: pd.DataFrame,
    end,
    *,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str | None = "amount",
    order_col: str | None = None,
    margin_col: str | None = None,
    name: str = "transactions",
) -> PurchaseLog:
    """Validate a transaction log once and turn its lines into purchases (arrays).

    Parameters
    ----------
    transactions : DataFrame
        One row per line: customer, date, amount (negative on returns), optionally order id
        and margin. A time of day is ignored.
    end : date-like
        Last day of the observation period, inclusive. Lines after it are left out (noted).
    customer_col, date_col : str
        Column names.
    amount_col : str or None
        Amount column; ``None`` counts purchases without amounts (no netting possible).
    order_col : str, optional
        Order id column: a purchase is an order (returns carry their sale's order id).
        Without it a purchase is a customer's calendar day.
    margin_col : str, optional
        Margin column, netted like the amount.
    name : str
        How the table is called in error messages.

    Returns
    -------
    PurchaseLog
        Arrays sorted by customer and day, with the notes to report.

    Raises
    ------
    TypeError
        Not a DataFrame; amount or margin not numeric; dates given as numbers.
    ValueError
        Empty table, missing or repeated column names, missing ids or dates, unreadable
        dates, infinite amounts, an order id that belongs to two customers.

    Examples
    --------
    >>> import pandas as pd
    >>> lines = pd.DataFrame({"customer_id": ["A", "A", "A", "B"],
    ...                       "date": ["2025-01-01", "2025-01-01", "2025-01-09", "2026-01-02"],
    ...                       "amount": [10.0, 5.0, -3.0, 7.0]})
    >>> log = purchase_log(lines, "2025-12-31")
    >>> log.amount, log.notes[0]
    (array([12.]), '1 line(s) dated after the end 2025-12-31 left out (end is a calendar day, inclusive)')
    """
    v.require_frame(transactions, name)
    cols = [c for c in (customer_col, date_col, amount_col, order_col, margin_col) if c is not None]
    if len(set(cols)) != len(cols):
        raise ValueError(f"customer_col, date_col, amount_col, order_col and margin_col must differ, got {cols}")
    if margin_col is not None and amount_col is None:
        raise ValueError("margin_col needs amount_col: margins are netted like amounts")
    v.require_columns(transactions, cols, name)
    v.require_no_missing(transactions, customer_col, name)
    if order_col is not None:
        v.require_no_missing(transactions, order_col, name)
    end_ts = v.as_timestamp(end, "end").normalize()
    end_day = int(np.datetime64(end_ts, "D").astype(np.int64))
    dates = v.date_column(transactions, date_col, name)
    days = dates.to_numpy().astype("datetime64[ns]").view(np.int64) // _NS_PER_DAY
    amount = _amount_array(transactions, amount_col, name) if amount_col is not None else None
    margin = v.numeric_column(transactions, margin_col, name).to_numpy() if margin_col is not None else None
    notes: list[str] = []

    inside = days <= end_day
    if not inside.all():
        notes.append(after_end_note(int((~inside).sum()), end_ts))
    codes, ids = _customer_codes(transactions[customer_col], customer_col)
    orders = transactions[order_col].to_numpy() if order_col is not None else None
    if not inside.all():
        days, codes = days[inside], codes[inside]
        amount = amount[inside] if amount is not None else None
        margin = margin[inside] if margin is not None else None
        orders = orders[inside] if orders is not None else None
    is_return = amount < 0 if amount is not None else np.zeros(len(days), dtype=bool)

    if orders is not None:
        order_codes, order_ids = pd.factorize(orders, sort=False)
        n = len(order_ids)
        owner_low = np.full(n, np.iinfo(np.int64).max)
        owner_high = np.full(n, -1)
        np.minimum.at(owner_low, order_codes, codes)
        np.maximum.at(owner_high, order_codes, codes)
        shared = owner_low != owner_high
        if shared.any():
            raise ValueError(
                f"{name} column {order_col!r}: order {order_ids[np.flatnonzero(shared)[0]]!r} belongs to more "
                f"than one {customer_col}; {int(shared.sum())} order id(s) do"
            )
        group, p_customer = order_codes, owner_low
        p_day = np.full(n, _NO_DAY)
        np.minimum.at(p_day, group[~is_return], days[~is_return])
        p_order = np.asarray(order_ids, dtype=object)
        unmatched_lines = p_day[group] == _NO_DAY
        where_netted = i18n.N_("purchase(s) of their order, at its sale date")
        no_match = i18n.N_(
            "{n} return line(s) (total {total}) left out: no sale line of their order in the data to net them into"
        )
    else:
        day0 = int(days.min()) if len(days) else 0
        span = np.int64(int(days.max()) - day0 + 1) if len(days) else np.int64(1)
        key = codes * span + (days - day0)
        ukey, sale_group = _unique_keys(key[~is_return])
        n = len(ukey)
        p_customer, p_day, p_order = ukey // span, ukey % span + day0, None
        group = np.empty(len(days), dtype=np.int64)
        group[~is_return] = sale_group
        if is_return.any():
            # a return without order id: the customer's latest purchase on or before its date
            at = np.searchsorted(ukey, key[is_return], side="right") - 1
            same = (at >= 0) & (ukey[np.maximum(at, 0)] // span == codes[is_return])
            group[is_return] = np.where(same, at, -1)
        unmatched_lines = group < 0
        where_netted = i18n.N_("purchase(s) (the customer's latest purchase on or before the return date)")
        no_match = i18n.N_(
            "{n} return line(s) (total {total}) left out: no earlier purchase of the customer in the data to net "
            "them into"
        )

    keep_line = ~unmatched_lines
    if unmatched_lines.any():
        total = amount[unmatched_lines].sum() if amount is not None else 0.0
        notes.append(i18n._(no_match, n=int(unmatched_lines.sum()), total=f"{total:.2f}"))
    p_amount = p_margin = None
    if amount is not None:
        p_amount = np.bincount(group[keep_line], weights=amount[keep_line], minlength=n)
        if margin is not None:
            p_margin = np.bincount(group[keep_line], weights=margin[keep_line], minlength=n)
    netted = is_return & keep_line
    has_return = np.bincount(group[netted], minlength=n) > 0
    if netted.any():
        notes.append(returns_note(int(netted.sum()), amount[netted].sum(), int(has_return.sum()), i18n._(where_netted)))

    valid = p_day != _NO_DAY
    if p_amount is not None:
        gone = valid & has_return & (p_amount <= 1e-9)
        if gone.any():
            first = np.flatnonzero(gone)[0]
            example = (
                repr(_plain(p_order[first]))
                if p_order is not None
                else i18n._(
                    "{customer!r} on {date}",
                    customer=_plain(ids[p_customer[first]]),
                    date=np.datetime64(int(p_day[first]), "D"),
                )
            )
            notes.append(
                i18n._(
                    "{n} purchase(s) excluded: net amount <= 0 after returns (fully returned), e.g. {example}",
                    n=int(gone.sum()),
                    example=example,
                )
            )
        zero = valid & ~has_return & (p_amount == 0)
        if zero.any():
            notes.append(
                i18n._(
                    "{n} purchase(s) with a total of 0 and no return kept as purchases worth 0 (e.g. free replacements)",
                    n=int(zero.sum()),
                )
            )
        valid &= ~gone
    sel = np.flatnonzero(valid)
    sort = np.lexsort((sel, p_day[sel], p_customer[sel]))
    sel = sel[sort]
    return PurchaseLog(
        ids=ids,
        customer=p_customer[sel].astype(np.int64),
        day=p_day[sel].astype(np.int64),
        amount=p_amount[sel] if p_amount is not None else None,
        margin=p_margin[sel] if p_margin is not None else None,
        order=p_order[sel] if p_order is not None else None,
        end_day=end_day,
        notes=notes,
    )


def _purchase_table(
    transactions, end, customer_col, date_col, amount_col, order_col, margin_col
) -> tuple[PurchaseLog, pd.DataFrame]:
    """The purchase log and its table (indexed by order id with ``order_col``); notes not yet reported."""
    log = purchase_log(
        transactions,
        end,
        customer_col=customer_col,
        date_col=date_col,
        amount_col=amount_col,
        order_col=order_col,
        margin_col=margin_col,
    )
    data = {customer_col: log.ids.to_numpy()[log.customer], date_col: log.dates()}
    if log.amount is not None:
        data[amount_col] = log.amount
    if log.margin is not None:
        data[margin_col] = log.margin
    out = pd.DataFrame(data)
    if order_col is not None:
        out.index = pd.Index(log.order, name=order_col)
    return log, out


def purchases(
    transactions: pd.DataFrame,
    end,
    *,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str | None = "amount",
    order_col: str | None = None,
    margin_col: str | None = None,
) -> pd.DataFrame:
    """One row per purchase up to ``end``, returns netted in (购买记录).

    Parameters
    ----------
    transactions : DataFrame
        One row per line: customer, date, amount (negative on returns) [, order id, margin].
    end : date-like
        Last day of the period, inclusive; later lines are left out and counted in a note.
    customer_col, date_col, amount_col, order_col, margin_col : str
        Column names; see :func:`purchase_log` for what ``order_col`` changes.

    Returns
    -------
    DataFrame
        Columns ``customer_col``, ``date_col`` (purchase day) [, ``amount_col``, ``margin_col``],
        sorted by customer and date; indexed by order id when ``order_col`` is given.
        ``attrs["notes"]`` lists what was netted or left out.

    Examples
    --------
    B's return of 30 on 5 March is netted into B's purchase of 2 March:

    >>> import pandas as pd, warnings
    >>> lines = pd.DataFrame({"customer_id": ["A", "B", "B", "A"],
    ...                       "date": ["2025-03-01", "2025-03-02", "2025-03-05", "2025-03-09"],
    ...                       "amount": [100.0, 80.0, -30.0, 0.0]})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     table = purchases(lines, "2025-12-31")
    >>> table  # doctest: +NORMALIZE_WHITESPACE
      customer_id       date  amount
    0           A 2025-03-01   100.0
    1           A 2025-03-09     0.0
    2           B 2025-03-02    50.0
    >>> print(*table.attrs["notes"], sep="\\n")
    1 return line(s) (negative amount, total -30.00) netted into 1 purchase(s) (the customer's latest purchase on or before the return date)
    1 purchase(s) with a total of 0 and no return kept as purchases worth 0 (e.g. free replacements)
    """
    log, out = _purchase_table(transactions, end, customer_col, date_col, amount_col, order_col, margin_col)
    log.report(out)
    return out


def net_orders(
    transactions: pd.DataFrame,
    end,
    *,
    order_col: str = "order_id",
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
    margin_col: str | None = None,
) -> pd.DataFrame:
    """One row per order at its sale date, with returns netted in (净订单).

    :func:`purchases` with ``order_col``, sorted by date as an order book is. Return lines
    carry the order id of the original sale, a negative amount and a later date; the order
    keeps the date of its sale. Orders fully returned are excluded, and lines after ``end``
    left out; both are counted in notes.

    Parameters
    ----------
    transactions : DataFrame
        One row per order line: order id, customer id, date, amount [, margin].
    end : date-like
        Last day of the period, inclusive.
    order_col, customer_col, date_col, amount_col : str
        Column names.
    margin_col : str, optional
        Margin column (negative on return lines), netted the same way.

    Returns
    -------
    DataFrame
        Indexed by order id, sorted by date then order id, with columns ``customer_col``,
        ``date_col`` (sale date), ``amount_col`` (net amount > 0) [, ``margin_col``].

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
    ...     net = net_orders(lines, "2025-12-31", margin_col="margin")
    >>> net  # doctest: +NORMALIZE_WHITESPACE
             customer_id       date  amount  margin
    order_id
    O1                 A 2025-03-01   120.0    24.0
    O2                 B 2025-03-02    80.0    16.0
    >>> for line in net.attrs["notes"]:
    ...     print(line)
    2 return line(s) (negative amount, total -70.00) netted into 2 purchase(s) of their order, at its sale date
    1 purchase(s) excluded: net amount <= 0 after returns (fully returned), e.g. 'O3'
    """
    log, out = _purchase_table(transactions, end, customer_col, date_col, amount_col, order_col, margin_col)
    out = out.reset_index().sort_values([date_col, order_col], kind="stable").set_index(order_col)
    log.report(out)
    return out
