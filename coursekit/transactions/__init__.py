"""Transaction logs (交易记录): one definition of a purchase for every lesson.

Every function that reads a transaction log (RFM, CLV summaries, tiers, activity
and retention by period) goes through :func:`purchases`, so that validation,
the end-date rule and the treatment of returns are the same everywhere:

- **End.** ``end`` is a calendar day, inclusive. Lines dated after it are left
  out and counted in a note, never an error.
- **Purchase.** A customer's purchase is one calendar day of lines, or one order
  when ``order_col=`` is given.
- **Returns and cancellations** (negative amounts) are netted into their order
  (with ``order_col``) or into the customer's latest purchase on or before the
  return date (without). A purchase whose net amount is then zero or below was
  fully returned and is not a purchase; a return with nothing to net into is
  left out. Both are counted in a note.
- **Zero amounts.** A purchase whose lines add up to exactly 0 with no return
  (a free replacement, a promotion) is a purchase worth 0, and counted in a note.

:func:`transactions_overview` and :func:`returns_summary` describe a whole table as
delivered (no ``end``): its size, first and last date, and how much of it is returns.

Calendar periods (``period=``: year, quarter, month) are handled by
:func:`activity_by_period` and :func:`recency_cell_retention`; a period not
complete at ``end`` is reported as incomplete, never as a drop.

Examples
--------
>>> import pandas as pd, warnings
>>> lines = pd.DataFrame({"order_id": ["O1", "O1", "O2", "O1"],
...                       "customer_id": ["A", "A", "B", "A"],
...                       "date": ["2025-03-01", "2025-03-01", "2025-03-02", "2025-03-20"],
...                       "amount": [100.0, 50.0, 80.0, -30.0]})
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     net = net_orders(lines, "2025-12-31")
>>> net  # doctest: +NORMALIZE_WHITESPACE
         customer_id       date  amount
order_id
O1                 A 2025-03-01   120.0
O2                 B 2025-03-02    80.0
"""

from __future__ import annotations

from .log import PurchaseLog, net_orders, purchase_log, purchases
from .overview import returns_summary, transactions_overview
from .periods import PERIODS, activity_by_period, recency_cell_retention

__all__ = [
    "PERIODS",
    "PurchaseLog",
    "activity_by_period",
    "net_orders",
    "purchase_log",
    "purchases",
    "recency_cell_retention",
    "returns_summary",
    "transactions_overview",
]
