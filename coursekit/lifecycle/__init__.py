"""Who the customers are (客户认知), lesson 01: kinds, lifecycle stages and what drives their profit.

- :func:`kind_profile` (:mod:`.kinds`): the four kinds of customer of seed 004 (final buyer, B2B,
  channel, internal) with their attributes measured on the order book;
- :func:`lifecycle_stages`, :func:`stage_summary` (:mod:`.stages`): the six lifecycle stages of
  seed 002 (potential, development, growth, mature, decline, termination), each located by a
  stated rule, and the revenue at each stage;
- :func:`profit_drivers` (:mod:`.drivers`): the figures behind each bone of the customer-profit
  fishbone (鱼骨图), from gross margin and :func:`coursekit.value.cost_to_serve`;
- :func:`plot_fishbone`, :func:`plot_stage_revenue` (:mod:`.plotting`, matplotlib imported only
  when drawing).

Stages, kinds, bones and drivers are stable keys; learners see names via ``coursekit.display``.

Examples
--------
>>> import pandas as pd, warnings
>>> from coursekit import lifecycle
>>> orders = pd.DataFrame({"customer_id": ["A", "A"], "date": ["2024-10-01", "2025-10-01"],
...                        "amount": [100.0, 105.0]})
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     lifecycle.lifecycle_stages(orders, "2025-12-31")["stage"].tolist()
['mature']
"""

from __future__ import annotations

from .drivers import BONES, DRIVERS, UNITS, profit_drivers
from .kinds import CUSTOMER_KINDS, YUNFENG_KINDS, kind_profile
from .plotting import plot_fishbone, plot_stage_revenue
from .stages import STAGES, lifecycle_stages, stage_summary

__all__ = [
    "BONES",
    "CUSTOMER_KINDS",
    "DRIVERS",
    "STAGES",
    "UNITS",
    "YUNFENG_KINDS",
    "kind_profile",
    "lifecycle_stages",
    "plot_fishbone",
    "plot_stage_revenue",
    "profit_drivers",
    "stage_summary",
]
