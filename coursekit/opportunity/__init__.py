"""Opportunities in the customers we have (目标客户商机挖掘); lesson 03.

- :func:`base_tasks`, :func:`reactivation_list`, :func:`channel_summary` (:mod:`.base`): acquire,
  retain, reactivate; dormant accounts ranked by what they used to be worth; how customers came to us;
- :func:`cross_sell_summary`, :func:`cross_sell_targets` (:mod:`.crosssell`): cross-sell gaps by
  product line;
- :func:`pip_table`, :func:`pip_value` (:mod:`.pip`): the customer profit improvement proposal (PIP).

Examples
--------
>>> from coursekit import opportunity
>>> float(opportunity.pip_value({"downtime": 100_000.0}, savings={"downtime": 0.5}, extra_revenue=20_000, margin_rate=0.25)["customer_net_gain"])
30000.0
"""

from __future__ import annotations

from .base import CHANNELS, TASKS, base_tasks, channel_summary, reactivation_list
from .crosssell import cross_sell_summary, cross_sell_targets
from .pip import PIP_MEASURES, pip_table, pip_value

__all__ = [
    "CHANNELS",
    "PIP_MEASURES",
    "TASKS",
    "base_tasks",
    "channel_summary",
    "cross_sell_summary",
    "cross_sell_targets",
    "pip_table",
    "pip_value",
    "reactivation_list",
]
