"""The sales funnel (销售漏斗): how far opportunities get through the nine sales stages; lesson 03.

- :func:`funnel_counts` (:mod:`.stages`): opportunities reaching each stage, share and step rate;
- :func:`stage_conversion`, :func:`time_in_stage`, :func:`lost_by_stage`, :func:`lost_reasons`
  (:mod:`.history`): conversion per stage, days in each stage, where and why deals are lost;
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

from .history import LOST_REASONS, lost_by_stage, lost_reasons, stage_conversion, time_in_stage
from .plotting import plot_funnel
from .stages import funnel_counts

__all__ = [
    "LOST_REASONS",
    "funnel_counts",
    "lost_by_stage",
    "lost_reasons",
    "plot_funnel",
    "stage_conversion",
    "time_in_stage",
]
