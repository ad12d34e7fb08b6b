"""The sales funnel (销售漏斗): how far opportunities get through the nine sales stages; lesson 03.

- :func:`funnel_counts` (:mod:`.stages`): opportunities reaching each stage, share and step rate;
- :func:`plot_funnel` (:mod:`.plotting`): the funnel chart.

Examples
--------
>>> import pandas as pd
>>> from coursekit import funnel
>>> opps = pd.DataFrame({"stage_reached": ["lead", "deal", "opportunity", "deal"]})
>>> funnel.funnel_counts(opps, stages=["opportunity", "lead", "deal"])["reached"].tolist()
[4, 3, 2]
"""

from __future__ import annotations

from .plotting import plot_funnel
from .stages import funnel_counts

__all__ = ["funnel_counts", "plot_funnel"]
