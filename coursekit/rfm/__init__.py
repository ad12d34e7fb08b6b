"""RFM analysis (RFM 分析): recency, frequency and monetary value per customer.

The workflow of the lesson, one function per step::

    table    = rfm_table(transactions, "2025-12-31")       # recency / frequency / monetary
    scores   = rfm_scores(table)                           # R, F, M from 1 to 5, "RFM" code, RFM_sum
    cuts     = rfm_cut_points(table)                       # the value at which each score starts
    counts   = score_counts(scores)                        # customers per score (0 = swallowed by a tie)
    segs     = rfm_segments(scores, scheme="classic")      # 11 segment keys (or scheme="cn8")
    summary  = segment_summary(segs)                       # size, revenue, means, action, by name
    plot_segments(summary); plot_rfm_heatmap(scores)
    levels   = value_level(scores)                         # high / medium / low value
    annual   = rfm_table(transactions, "2025-12-31", annualise=True)  # per year of tenure
    checked  = with_open_tickets(call_list, tickets, "2025-12-31")    # tickets before calling

Modules: :mod:`.table` (:func:`rfm_table`), :mod:`.scores` (:func:`rfm_scores`,
:func:`rfm_cut_points`), :mod:`.segments` (schemes, :func:`rfm_segments`,
:func:`value_level`, :func:`segment_summary`, :func:`display_names`) and
:mod:`.plotting` (``plot_*``, matplotlib imported only when drawing) and :mod:`.tickets`
(:func:`with_open_tickets`).

Definitions
-----------
recency (最近一次消费, R)
    Whole calendar days from the customer's last purchase day to the
    observation end ``end`` (a purchase on ``end`` itself has recency 0).
frequency (消费频率, F)
    Number of distinct orders (``order_col``) or, when there is no order id,
    number of distinct purchase days.
monetary (消费金额, M)
    Total *net* amount: returns and cancellations (negative lines) are
    subtracted.

Segments, classes and levels are stable keys (``"champions"``); names in the
reader's language come from :func:`display_names`.

Examples
--------
B and C both bought once, so they get the same F score:

>>> import pandas as pd
>>> from coursekit import rfm
>>> tx = pd.DataFrame({
...     "customer_id": ["A", "A", "B", "C"],
...     "date": ["2025-12-01", "2025-12-20", "2025-11-30", "2025-06-30"],
...     "amount": [100.0, 50.0, 400.0, 20.0],
... })
>>> table = rfm.rfm_table(tx, "2025-12-31")
>>> table  # doctest: +NORMALIZE_WHITESPACE
             recency  frequency  monetary
customer_id
A                 11          2     150.0
B                 31          1     400.0
C                184          1      20.0
>>> rfm.rfm_scores(table, bins=3)[["R", "F", "M", "RFM", "RFM_sum"]]  # doctest: +NORMALIZE_WHITESPACE
             R  F  M  RFM  RFM_sum
customer_id
A            3  3  2  332        8
B            2  1  3  213        6
C            1  1  1  111        3
"""

from __future__ import annotations

from .plotting import plot_rfm_heatmap, plot_segments
from .scores import rfm_cut_points, rfm_scores, score_counts
from .segments import (
    ACTIONS,
    CLASSIC_SEGMENTS,
    CN8_SEGMENTS,
    VALUE_LEVELS,
    classic_grid,
    cn8_means,
    display_names,
    rfm_segments,
    segment_summary,
    value_level,
    value_thresholds,
)
from .table import DAYS_PER_YEAR, rfm_table
from .tickets import with_open_tickets

__all__ = [
    "ACTIONS",
    "DAYS_PER_YEAR",
    "CLASSIC_SEGMENTS",
    "CN8_SEGMENTS",
    "VALUE_LEVELS",
    "classic_grid",
    "cn8_means",
    "display_names",
    "plot_rfm_heatmap",
    "plot_segments",
    "rfm_cut_points",
    "rfm_scores",
    "rfm_segments",
    "rfm_table",
    "score_counts",
    "segment_summary",
    "value_level",
    "value_thresholds",
    "with_open_tickets",
]
