"""Applying customer value (客户价值应用), lesson 13.

- :mod:`.view`: one customer view joining RFM, CLV, tier, credit grade, loyalty and health;
  service levels by tier (seed 003); the industry figures of seed 003 beside the company's own.
- :mod:`.retention`: the retention value P(churn) x success rate x CLV - cost, a retention plan
  under a budget, a precision-marketing target list, the dedicated team of seed 001, costed.
- :mod:`.plotting`: the summary dashboard.

Examples
--------
>>> from coursekit import actions
>>> actions.retention_value(0.5, 100_000, 0.2, 3_000)
7000.0
"""

from __future__ import annotations

from .plotting import plot_dashboard
from .retention import dedicated_team, retention_plan, retention_value, target_list
from .view import (
    BENCHMARK_NAMES,
    SERVICE_LEVEL_NAMES,
    customer_view,
    industry_comparison,
    latest_credit_grades,
    service_levels,
)

__all__ = [
    "BENCHMARK_NAMES",
    "SERVICE_LEVEL_NAMES",
    "customer_view",
    "dedicated_team",
    "industry_comparison",
    "latest_credit_grades",
    "plot_dashboard",
    "retention_plan",
    "retention_value",
    "service_levels",
    "target_list",
]
