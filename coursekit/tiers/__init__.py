"""Customer tiers and value concentration (客户分级与价值集中度).

- :func:`abc_classes`: ABC analysis (ABC 分类) by cumulative share of value;
- :func:`assign_tiers`: strategic / value / potential / ordinary customers
  (战略客户 / 价值客户 / 潜力客户 / 普通客户) by rank;
- :func:`lorenz_curve`, :func:`gini`, :func:`top_share`, :func:`plot_pareto`:
  how concentrated the value is (the Pareto or 80/20 rule, 二八法则).

Modules: :mod:`.classes` (ABC classes, tiers, :func:`display_names`),
:mod:`.concentration` (curve, Gini, top share) and :mod:`.plotting`
(:func:`plot_pareto`, :func:`plot_abc_curves`, matplotlib imported only when drawing),
:mod:`.compare` (:func:`abc_compare`, :func:`abc_shift`: ABC on revenue and on margin). Classes and tiers
are stable keys (``"A"``, ``"strategic"``); names come from :func:`display_names`.

Every function takes a Series of non-negative values (revenue, profit, CLV
...) indexed by customer id. Customers are ordered by value, largest first;
**ties are broken by customer id, ascending** (a stable sort on value
descending after sorting the index), so results never depend on row order.

Examples
--------
>>> import pandas as pd
>>> from coursekit import tiers
>>> revenue = pd.Series([50.0, 30.0, 10.0, 5.0, 5.0], index=list("ABCDE"), name="revenue")
>>> tiers.abc_classes(revenue)["class"].tolist()
['A', 'A', 'B', 'B', 'C']
>>> round(tiers.gini(revenue), 3)
0.46
>>> tiers.top_share(revenue, fraction=0.2)
0.5
"""

from __future__ import annotations

from .classes import ABC_CLASSES, TIER_LABELS, abc_classes, assign_tiers, display_names
from .compare import MOVES, abc_compare, abc_shift
from .concentration import gini, lorenz_curve, top_share
from .plotting import plot_abc_curves, plot_pareto

__all__ = [
    "ABC_CLASSES",
    "MOVES",
    "TIER_LABELS",
    "abc_classes",
    "abc_compare",
    "abc_shift",
    "assign_tiers",
    "display_names",
    "gini",
    "lorenz_curve",
    "plot_abc_curves",
    "plot_pareto",
    "top_share",
]
