"""The RFM table: recency, frequency and monetary value per customer from transaction lines.

The transaction handling here (returns, end rule) is the lesson-07 version; it
moves to the shared transactions layer later (issue 6, item 2).
"""
from __future__ import annotations

import pandas as pd

from .. import _validate as v

__all__ = ["rfm_table"]


def rfm_table(
    transactions,
    end,
    *,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
    order_col: str | None = None,
) -> pd.DataFrame:
    """Recency, frequency and monetary value per customer from transaction lines.

    Parameters
    ----------
    transactions : DataFrame
        One row per transaction line (or order). Negative amounts are returns
        or cancellations.
    end : str, date or Timestamp
        Observation end, required (the kit never uses "today"). A date without
        a time of day covers the whole day: a purchase at 15:00 on ``end`` is in.
    customer_col, date_col, amount_col : str
        Column names of the customer id, the purchase date and the line amount.
    order_col : str, optional
        Column with the order id. When given, frequency counts distinct
        orders; when ``None``, it counts distinct purchase days (several
        lines on one day are one purchase).

    Returns
    -------
    DataFrame
        Indexed by customer id (index name = ``customer_col``), sorted by id,
        with columns

        - ``recency`` (int): whole days from the last purchase day to ``end``;
        - ``frequency`` (int): distinct orders (or purchase days) with a
          positive amount;
        - ``monetary`` (float): total net amount, returns netted.

        ``attrs["notes"]`` lists the treatments below.

    Notes
    -----
    - Purchases are the lines with a positive amount; only they count for
      recency and frequency. Negative lines (returns, cancellations) are
      netted into ``monetary``; how many lines and customers is reported with
      a ``CourseKitDataNote``. Zero-amount lines are ignored and reported.
    - Customers whose net monetary is ≤ 0 are excluded and reported: those
      who returned everything they bought, and, in a separate note, those
      without any purchase (only zero-amount or negative lines). The example
      id in a note is a plain Python value (``455``, not ``np.int64(455)``).

    Raises
    ------
    TypeError
        ``transactions`` is not a DataFrame, the amount is not numeric, the
        dates are numbers, or ``end`` is missing.
    ValueError
        No rows, a missing column, missing customer ids / dates / amounts /
        order ids, unparseable dates, dates after ``end``.

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
    2 return/cancellation line(s) (negative amount, total -80.00) netted into monetary of 2 customer(s)
    1 customer(s) excluded: net monetary ≤ 0 after returns (everything returned), e.g. 'C'
    """
    name = "transactions"
    v.require_frame(transactions, name)
    end_ts = v.as_timestamp(end, "end")
    cols = [customer_col, date_col, amount_col] + ([order_col] if order_col is not None else [])
    v.require_columns(transactions, cols, name)
    v.require_no_missing(transactions, customer_col, name)
    if order_col is not None:
        v.require_no_missing(transactions, order_col, name)
    amount = v.numeric_column(transactions, amount_col, name)
    # A date-only end covers the whole day.
    limit = end_ts + pd.Timedelta(days=1) - pd.Timedelta(1, "ns") if end_ts == end_ts.normalize() else end_ts
    dates = v.date_column(transactions, date_col, name, end=limit)

    work = pd.DataFrame(
        {
            "customer": transactions[customer_col].to_numpy(),
            "day": dates.dt.normalize().to_numpy(),
            "amount": amount.to_numpy(),
        }
    )
    if order_col is not None:
        work["order"] = transactions[order_col].to_numpy()
    else:
        work["order"] = work["day"]

    monetary = work.groupby("customer", sort=True)["amount"].sum()
    buys = work[work["amount"] > 0]
    last = buys.groupby("customer")["day"].max()
    freq = buys.groupby("customer")["order"].nunique()

    keep = monetary.index[monetary > 0]
    end_day = end_ts.normalize()
    out = pd.DataFrame(
        {
            "recency": (end_day - last.reindex(keep)).dt.days.astype("int64"),
            "frequency": freq.reindex(keep).astype("int64"),
            "monetary": monetary.reindex(keep).astype(float),
        },
        index=keep,
    )
    out.index.name = customer_col

    neg = work["amount"] < 0
    if neg.any():
        v.note(
            f"{int(neg.sum())} return/cancellation line(s) (negative amount, total "
            f"{work.loc[neg, 'amount'].sum():.2f}) netted into monetary of "
            f"{work.loc[neg, 'customer'].nunique()} customer(s)",
            out,
        )
    zero = work["amount"] == 0
    if zero.any():
        v.note(
            f"{int(zero.sum())} zero-amount line(s) ignored: neither a purchase nor a return",
            out,
        )
    dropped = monetary.index[monetary <= 0]
    bought = dropped.isin(last.index)
    returned, never = dropped[bought].tolist(), dropped[~bought].tolist()
    if returned:
        v.note(
            f"{len(returned)} customer(s) excluded: net monetary ≤ 0 after returns "
            f"(everything returned), e.g. {returned[0]!r}",
            out,
        )
    if never:
        v.note(
            f"{len(never)} customer(s) excluded: no purchase with a positive amount "
            f"(only zero-amount or negative lines), e.g. {never[0]!r}",
            out,
        )
    return out
