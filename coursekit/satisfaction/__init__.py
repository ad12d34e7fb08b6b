"""Customer satisfaction (客户满意度), lesson 04: NPS, CSI, expectation gaps, key drivers and the satisfaction trap.

- :mod:`.nps`: :func:`nps` (净推荐值), :func:`nps_interval` (its confidence interval, method
  stated), :func:`nps_group`, :func:`nps_by` (per segment or year), :func:`survey_table`;
- :mod:`.drivers`: :func:`csi` and :func:`csi_weights` (客户满意度指数 as weighted attribute
  performance), :func:`csi_by`, :func:`expectation_gaps` (期望与感知), :func:`key_drivers` (stated
  vs derived importance and the importance-performance cell);
- :mod:`.measures`: :func:`satisfaction_measures` (the measures of seed 002: reputation,
  repurchase rate, complaint rate, purchase amount, price sensitivity), :func:`complaint_stats`;
- :mod:`.signals`: :func:`customer_signals` and :func:`signal_summary` (satisfaction against
  status, stickiness, referrals and complaints: the satisfaction trap, 满意陷阱);
- :mod:`.plotting`: :func:`plot_nps_by`, :func:`plot_importance_performance`.

Examples
--------
>>> import pandas as pd
>>> from coursekit import satisfaction
>>> satisfaction.nps(pd.Series([10, 9, 8, 7, 6, 0]))
0.0
"""

from __future__ import annotations

from .drivers import IPA_QUADRANTS, csi, csi_by, csi_weights, expectation_gaps, key_drivers
from .measures import MEASURES, complaint_stats, satisfaction_measures
from .nps import NPS_GROUPS, nps, nps_by, nps_group, nps_interval, survey_table
from .plotting import plot_importance_performance, plot_nps_by
from .signals import customer_signals, signal_summary

__all__ = [
    "IPA_QUADRANTS",
    "MEASURES",
    "NPS_GROUPS",
    "complaint_stats",
    "csi",
    "csi_by",
    "csi_weights",
    "customer_signals",
    "expectation_gaps",
    "key_drivers",
    "nps",
    "nps_by",
    "nps_group",
    "nps_interval",
    "plot_importance_performance",
    "plot_nps_by",
    "satisfaction_measures",
    "signal_summary",
    "survey_table",
]
