"""Loyalty, churn and retention of customers (客户忠诚、流失与保持), lessons 03, 07, 08 and 12.

- :func:`customer_status` (:mod:`.status`): active, at risk, dormant (休眠) or lost (流失),
  the one definition every lesson uses.
- :func:`cohort_retention` (:mod:`.cohorts`): the share of each cohort that buys in each
  period since it was won; Dwyer's lost-for-good (永久流失型) view of retention.
- :mod:`.behaviours`: the five loyalty behaviours of seed 000, a loyalty score, the four loyalty
  types and the four dimensions of seed 002.
- :mod:`.churn`: churn and retention rates by the seed's formula, active vs passive churn, causes.
- :mod:`.survival`: Kaplan-Meier survival curves (lifelines).
- :mod:`.health`: the customer health score (客户健康度, seed 003) and the quarterly review.
- :mod:`.plotting`: the loyalty matrix and survival curves.

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

from .behaviours import (
    BEHAVIOUR_NAMES,
    DIMENSION_NAMES,
    LOYALTY_TYPE_NAMES,
    loyalty_behaviours,
    loyalty_dimensions,
    loyalty_score,
    loyalty_types,
)
from .churn import CAUSE_SOURCE_NAMES, CHURN_KIND_NAMES, churn_causes, churn_kinds, churn_rates
from .cohorts import cohort_retention
from .health import HEALTH_BAND_NAMES, HEALTH_DRIVER_NAMES, HEALTH_WEIGHTS, health_review, health_score
from .plotting import plot_loyalty_matrix, plot_survival
from .status import STATUS_NAMES, STATUS_THRESHOLDS, customer_status
from .survival import kaplan_meier, survival_table

__all__ = [
    "BEHAVIOUR_NAMES",
    "CAUSE_SOURCE_NAMES",
    "CHURN_KIND_NAMES",
    "DIMENSION_NAMES",
    "HEALTH_BAND_NAMES",
    "HEALTH_DRIVER_NAMES",
    "HEALTH_WEIGHTS",
    "LOYALTY_TYPE_NAMES",
    "STATUS_NAMES",
    "STATUS_THRESHOLDS",
    "churn_causes",
    "churn_kinds",
    "churn_rates",
    "cohort_retention",
    "customer_status",
    "health_review",
    "health_score",
    "kaplan_meier",
    "loyalty_behaviours",
    "loyalty_dimensions",
    "loyalty_score",
    "loyalty_types",
    "plot_loyalty_matrix",
    "plot_survival",
    "survival_table",
]
