"""The RFM table: recency, frequency and monetary value per customer from transaction lines.

Purchases come from the shared transactions layer (:mod:`coursekit.transactions`):
returns netted, lines after ``end`` left out, both counted in notes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from ..transactions.log import purchase_log

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
        Observation end, a calendar day, inclusive (the kit never uses "today"):
        a purchase at 15:00 on ``end`` is in, later lines are left out (noted).
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
        - ``frequency`` (int): purchases (orders, or purchase days);
        - ``monetary`` (float): total net amount of those purchases.

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
        order ids, unparseable dates.

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
    """
    log = purchase_log(
        transactions, end, customer_col=customer_col, date_col=date_col, amount_col=amount_col, order_col=order_col
    )
    n = len(log.ids)
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
    log.report(out)
    if not has.all():
        gone = log.ids[~has].tolist()  # plain Python values read better in a note than np.int64(3)
        v.note(f"{len(gone)} customer(s) left out: no purchase after returns, e.g. {gone[0]!r}", out)
    return out
