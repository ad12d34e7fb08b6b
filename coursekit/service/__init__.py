"""Customer service (客户服务): one-stop service and complaint handling from the service tickets; lesson 02.

- :mod:`.measures`: :func:`ticket_table` (tickets with their handling and the service flags),
  :func:`one_stop_summary` (first-contact resolution, hand-offs, response time against the
  4-hour standard of seed 003), :func:`handling_quality` (reopened, escalated, time to close),
  :func:`complaint_causes`, :func:`failed_customers` and :func:`status_by_failures` (the
  customers the service failed twice);
- :mod:`.plotting`: :func:`plot_ticket_types`, :func:`plot_response_times`.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import pandas as pd
>>> from coursekit import service
>>> ax = service.plot_ticket_types(pd.DataFrame({"ticket_type": ["quality issue", "invoice error"]}))
>>> ax.get_title()
'Service tickets by type'
"""

from __future__ import annotations

from .measures import (
    CHANNEL_NAMES,
    COMPLAINT_CAUSES,
    FAILURE_GROUPS,
    STANDARD_HOURS,
    TICKET_KINDS,
    TYPE_CAUSES,
    complaint_causes,
    failed_customers,
    handling_quality,
    one_stop_summary,
    status_by_failures,
    ticket_table,
)
from .plotting import plot_response_times, plot_ticket_types

__all__ = [
    "CHANNEL_NAMES",
    "COMPLAINT_CAUSES",
    "FAILURE_GROUPS",
    "STANDARD_HOURS",
    "TICKET_KINDS",
    "TYPE_CAUSES",
    "complaint_causes",
    "failed_customers",
    "handling_quality",
    "one_stop_summary",
    "plot_response_times",
    "plot_ticket_types",
    "status_by_failures",
    "ticket_table",
]
