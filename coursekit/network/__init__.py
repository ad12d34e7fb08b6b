"""Social value: the customer network (客户社交价值), lesson 10.

The three principles of importance (衡量客户重要度的三个原则), on the ``referrals`` table:

- :func:`influence`: ``degree`` (the more people know you), ``dependants`` (the more people
  depend on you) and ``pagerank`` (the more important your neighbours), one row per linked customer;
- :func:`network_value`: those columns for every customer, empty where a customer has no link
  (missing network data for the value scorecard of lesson 09);
- :func:`social_activity`: the social activity model (客户社交活跃度模型) on engagement events;
- :func:`referred_customers`, :func:`referral_value`: the influence model (顾客影响力模型) in
  money, what the customers a referrer brought have bought;
- :func:`invite_list`: whom to invite to a referral programme;
- :func:`plot_network`: the network diagram with its hubs (matplotlib and networkx imported when drawing).

Results are indexed by ``customer_id`` so that they join the other tables of the kit.

Examples
--------
>>> import pandas as pd
>>> from coursekit import network
>>> links = pd.DataFrame({"source_id": ["A", "B"], "target_id": ["B", "C"], "relation": ["referred", "depends_on"]})
>>> network.influence(links)["degree"].tolist()
[1, 2, 1]
"""

from __future__ import annotations

from .activity import ACTIVITY_LEVELS, invite_list, referral_value, referred_customers, social_activity
from .graph import RELATIONS, influence, network_value
from .plotting import plot_network

__all__ = [
    "ACTIVITY_LEVELS",
    "RELATIONS",
    "influence",
    "invite_list",
    "network_value",
    "plot_network",
    "referral_value",
    "referred_customers",
    "social_activity",
]
