"""Customer service (客户服务): service tickets (服务工单) of the case company; lesson 02.

- :func:`plot_ticket_types` (:mod:`.plotting`): tickets per type (or another column).

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

from .plotting import plot_ticket_types

__all__ = ["plot_ticket_types"]
