"""Case data of Yunfeng Industrial Supply Co., Ltd. (云峰工业品供应有限公司) and the real CDNOW data.

Yunfeng is a fictional B2B distributor of industrial MRO products (bearings,
fasteners, power tools, safety equipment, lubricants, electrical parts) based
in Suzhou, selling to 2,000 business customers across China. The ten core
tables (:data:`TABLES`) and eight extension tables are synthetic (made by
``datasets/generate.py``) and cover 2023-01-01 to :data:`OBSERVATION_END`
(2025-12-31); ``feedback_holdout`` is written by hand. Every loader reads its
CSV with explicit types, parses dates and booleans, and checks the file against
a schema: columns present, values of the right kind, keys unique, ids known in
the table they refer to, no event after the observation end. A damaged file
raises a ``ValueError`` that names the file and the column.

The CSVs are package data (``coursekit._data``), read through
:mod:`importlib.resources`, so the loaders work in a normal wheel too.

:func:`load_cdnow` returns the real CDNOW music-store transactions shipped
with the ``lifetimes`` package (1997-01-01 to 1998-06-30).

Examples
--------
>>> from coursekit import datasets
>>> datasets.TABLES[:3]
('customers', 'orders', 'tickets')
>>> datasets.EXTENSION_TABLES[:2]
('ticket_handling', 'opportunity_stages')
>>> datasets.OBSERVATION_END
Timestamp('2025-12-31 00:00:00')
>>> customers = datasets.load("customers")
>>> len(customers), customers["customer_id"].is_unique
(2000, True)
"""

from __future__ import annotations

from ._core import (
    load_cdnow,
    load_credit,
    load_customers,
    load_feedback,
    load_kano,
    load_opportunities,
    load_orders,
    load_receivables,
    load_referrals,
    load_survey,
    load_tickets,
)
from ._dictionary import (
    DATA_START,
    FUNNEL_STAGES,
    KANO_ANSWERS,
    KANO_FEATURES,
    OBSERVATION_END,
    PRODUCT_LINES,
    REGIONS,
    SURVEY_ATTRIBUTES,
)
from ._extensions import (
    COST_ACTIVITIES,
    CREDIT_GRADES,
    CREDIT_OVERRIDE_REASONS,
    ENGAGEMENT_SIGNALS,
    EXTENSION_TABLES,
    FOREIGN_KEYS,
    HAND_WRITTEN,
    PAYMENT_EXCUSES,
    VISIT_KINDS,
)
from ._io import ALL_TABLES, DATA_DICTIONARY, DATA_DIR, TABLES, describe, load
from ._more import (
    load_cost_rates,
    load_credit_grades,
    load_engagement,
    load_feedback_holdout,
    load_opportunity_stages,
    load_payment_excuses,
    load_ticket_handling,
    load_trust,
    load_visits,
)

__all__ = [
    "ALL_TABLES",
    "COST_ACTIVITIES",
    "CREDIT_GRADES",
    "CREDIT_OVERRIDE_REASONS",
    "DATA_DICTIONARY",
    "DATA_DIR",
    "DATA_START",
    "ENGAGEMENT_SIGNALS",
    "EXTENSION_TABLES",
    "FOREIGN_KEYS",
    "FUNNEL_STAGES",
    "HAND_WRITTEN",
    "KANO_ANSWERS",
    "KANO_FEATURES",
    "OBSERVATION_END",
    "PAYMENT_EXCUSES",
    "PRODUCT_LINES",
    "REGIONS",
    "SURVEY_ATTRIBUTES",
    "TABLES",
    "VISIT_KINDS",
    "describe",
    "load",
    "load_cdnow",
    "load_cost_rates",
    "load_credit",
    "load_credit_grades",
    "load_customers",
    "load_engagement",
    "load_feedback",
    "load_feedback_holdout",
    "load_kano",
    "load_opportunities",
    "load_opportunity_stages",
    "load_orders",
    "load_payment_excuses",
    "load_receivables",
    "load_referrals",
    "load_survey",
    "load_ticket_handling",
    "load_tickets",
    "load_trust",
    "load_visits",
]
