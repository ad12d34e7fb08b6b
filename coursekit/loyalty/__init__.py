"""Loyalty, status and retention of customers (客户忠诚、状态与保持), lessons 03, 07, 08 and 12.

- :func:`customer_status` (:mod:`.status`): active, at risk, dormant (休眠) or lost (流失),
  the one definition every lesson uses.
- :func:`cohort_retention` (:mod:`.cohorts`): the share of each cohort that buys in each
  period since it was won; Dwyer's lost-for-good (永久流失型) view of retention.

Examples
--------
>>> import pandas as pd, warnings
>>> from coursekit import loyalty
>>> orders = pd.DataFrame({"customer_id": ["A", "B", "C"],
...                        "date": ["2025-12-01", "2025-08-01", "2024-06-30"],
...                        "amount": [10.0, 20.0, 30.0]})
>>> loyalty.customer_status(orders, "2025-12-31")["status"].tolist()
['active', 'at_risk', 'lost']
"""

from __future__ import annotations

from .cohorts import cohort_retention
from .status import STATUS_NAMES, STATUS_THRESHOLDS, customer_status

__all__ = ["STATUS_NAMES", "STATUS_THRESHOLDS", "cohort_retention", "customer_status"]
