"""Customers (客户): who they are and what they bring in; the first look of lessons 00 and 01.

- :func:`revenue_by`, :func:`monthly_revenue` (:mod:`.revenue`): net revenue (净收入, sales
  minus returns) per customer, product line, region or month, up to ``end``;
- :func:`customer_mix`, :data:`CATEGORY_LABELS`, :func:`category_label` (:mod:`.mix`):
  counts and shares per category, category names in the reader's language;
- :func:`plot_monthly_revenue`, :func:`plot_customer_mix` (:mod:`.plotting`);
- :func:`annual_churn`, :func:`churn_table` (:mod:`.churn`): the annual churn rate (年流失率)
  of the customers active a year earlier, from ``coursekit.loyalty.customer_status``;
- :func:`table_overview`, :data:`DATE_COLUMNS` (:mod:`.overview`):
  the case company's ten tables at a glance.

The size of a transaction table and its returns are in :mod:`coursekit.transactions`
(``transactions_overview``, ``returns_summary``).

Examples
--------
>>> import warnings
>>> import pandas as pd
>>> from coursekit import accounts
>>> orders = pd.DataFrame({"customer_id": ["A", "A", "B"],
...                        "date": ["2025-01-05", "2025-02-01", "2025-02-10"],
...                        "amount": [100.0, -20.0, 50.0]})
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     accounts.revenue_by(orders, "2025-12-31").to_dict()
{'A': 80.0, 'B': 50.0}
"""

from __future__ import annotations

from .churn import annual_churn, churn_table
from .mix import CATEGORY_LABELS, category_label, customer_mix
from .overview import DATE_COLUMNS, table_overview
from .plotting import plot_customer_mix, plot_monthly_revenue
from .revenue import monthly_revenue, revenue_by

__all__ = [
    "CATEGORY_LABELS",
    "DATE_COLUMNS",
    "annual_churn",
    "category_label",
    "churn_table",
    "customer_mix",
    "monthly_revenue",
    "plot_customer_mix",
    "plot_monthly_revenue",
    "revenue_by",
    "table_overview",
]
