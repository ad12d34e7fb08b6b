"""Customer data analysis and personas (客户数据分析与客户画像); lesson 06.

The workflow of the lesson, one function per step::

    profile  = customer_profile(customers, "2025-12-31", orders=..., tickets=..., visits=...,
                                engagement=..., survey=...)        # one row per customer
    profile_by(profile, "customer_type")                           # who is who
    z        = persona_features(profile)                           # logs, then z-scores
    choose_k(z); plot_choose_k(...)                                # elbow and silhouette
    groups   = personas(z, k=5, random_state=0)                    # k-means + persona names
    persona_centres(z, groups); stability(z, k=5)                  # describe; check other seeds
    touchpoints(groups, "2025-12-31", tickets=..., visits=..., engagement=...)  # connection points
    train    = propensity_table(customers, "2025-06-30", orders=...)  # features + next quarter
    model    = fit_propensity(train); auc(...); gain_table(...); call_list(...)

- :mod:`.profiling`: :func:`customer_profile`, :func:`profile_by`;
- :mod:`.clustering`: :func:`persona_features`, :func:`choose_k`, :func:`personas`,
  :func:`persona_centres`, :func:`stability`;
- :mod:`.propensity`: :func:`propensity_table`, :func:`fit_propensity`, :func:`score_propensity`,
  :func:`model_weights`, :func:`auc`, :func:`gain_table`, :func:`call_list`;
- :mod:`.touchpoints`: :func:`touchpoints`, :func:`show` (readable headers);
- :mod:`.plotting`: ``plot_*`` (matplotlib imported only when drawing).

Examples
--------
>>> from coursekit import personas
>>> import pandas as pd
>>> personas.show(pd.DataFrame({"orders": [3]})).columns.tolist()
['Orders, last 12 months']
"""

from __future__ import annotations

from .clustering import CLUSTER_FEATURES, PERSONAS, choose_k, persona_centres, persona_features, personas, stability
from .plotting import plot_choose_k, plot_gain, plot_persona_centres, plot_persona_shares, plot_touchpoints
from .profiling import customer_profile, profile_by
from .propensity import (
    PROPENSITY_FEATURES,
    auc,
    call_list,
    fit_propensity,
    gain_table,
    model_weights,
    propensity_table,
    score_propensity,
)
from .touchpoints import HEADERS, header, show, touchpoints

__all__ = [
    "CLUSTER_FEATURES",
    "HEADERS",
    "PERSONAS",
    "PROPENSITY_FEATURES",
    "auc",
    "call_list",
    "choose_k",
    "customer_profile",
    "fit_propensity",
    "gain_table",
    "header",
    "model_weights",
    "persona_centres",
    "persona_features",
    "personas",
    "plot_choose_k",
    "plot_gain",
    "plot_persona_centres",
    "plot_persona_shares",
    "plot_touchpoints",
    "profile_by",
    "propensity_table",
    "score_propensity",
    "show",
    "stability",
    "touchpoints",
]
