"""Customer value in money (客户价值): cost to serve (服务成本) and net profit (净利润), lessons 08 and 09.

- :func:`activity_counts` (:mod:`.cost`): how many order lines, deliveries, returns, tickets,
  escalations, visits and account-years each customer caused in a window;
- :func:`cost_to_serve`: those activities priced at activity-based cost rates (Yunfeng's
  ``cost_rates.csv`` by default), CNY per activity and in total;
- :func:`net_profit`: gross margin (毛利) minus cost to serve, per customer;
- :func:`rate_table`: the cost rates with activities, variants and units as names, to read;
- the nine-indicator scorecard (:mod:`.scorecard`, lesson 09): :func:`nine_indicators`,
  :func:`coverage`, :func:`normalise`, :func:`composite_score`, :func:`tier_table`,
  :func:`tier_changes`, :func:`six_haves`, :func:`assessment_table`, :func:`weight_editor`;
- weights (:mod:`.weights`): :func:`ahp_weights` (AHP, 层次分析法), :func:`pairwise_matrix`,
  :func:`combine_weights`, :func:`entropy_weights` (熵权法), :func:`ahp_editor`;
- :func:`plot_weights` (:mod:`.plotting`): AHP and entropy weights side by side.

Gross margin is sales minus the cost of goods; it is not net profit. Net profit here is gross
margin minus the cost to serve the customer (order handling, delivery, returns, service
tickets, visits, account management); overheads that no customer causes are not allocated.

Examples
--------
>>> import pandas as pd
>>> from coursekit import value
>>> orders = pd.DataFrame({"order_id": ["O1"], "customer_id": ["A"], "date": ["2025-03-01"],
...                        "amount": [1000.0], "margin": [250.0]})
>>> value.net_profit(orders, "2025-12-31", cost=pd.Series({"A": 100.0}))["net_profit"].tolist()
[150.0]
"""

from __future__ import annotations

from .cost import ACTIVITIES, activity_counts, cost_to_serve, net_profit, rate_table
from .plotting import plot_weights
from .scorecard import (
    INDICATORS,
    assessment_table,
    compare_weights,
    composite_score,
    coverage,
    nine_indicators,
    normalise,
    readable,
    six_haves,
    tier_changes,
    tier_table,
    weight_editor,
)
from .weights import RANDOM_INDEX, AHPResult, ahp_editor, ahp_weights, combine_weights, entropy_weights, pairwise_matrix

__all__ = [
    "ACTIVITIES",
    "INDICATORS",
    "RANDOM_INDEX",
    "AHPResult",
    "activity_counts",
    "ahp_editor",
    "ahp_weights",
    "assessment_table",
    "combine_weights",
    "compare_weights",
    "composite_score",
    "cost_to_serve",
    "coverage",
    "entropy_weights",
    "net_profit",
    "nine_indicators",
    "normalise",
    "pairwise_matrix",
    "plot_weights",
    "rate_table",
    "readable",
    "six_haves",
    "tier_changes",
    "tier_table",
    "weight_editor",
]
