"""The network diagram. matplotlib, networkx and :mod:`coursekit.plots` are imported inside the
function, so that ``from coursekit import network`` stays light."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from .graph import _links
from .graph import influence as _influence

__all__ = ["plot_network"]


def plot_network(
    referrals: pd.DataFrame,
    *,
    hubs: int = 5,
    groups: int = 8,
    seed: int = 7,
    ax=None,
    source_col: str = "source_id",
    target_col: str = "target_id",
    relation_col: str = "relation",
):
    """Network diagram of the largest groups of linked customers, the hubs of the whole network marked and labelled.

    Parameters
    ----------
    referrals : DataFrame
        The links (see :func:`coursekit.network.influence`).
    hubs : int, default 5
        How many customers with the highest PageRank to mark and label as hubs.
    groups : int, default 8
        How many connected groups (components) to draw, largest first (ties by smallest id); the group
        of a hub outside them is drawn as well.
    seed : int, default 7
        Seed of the spring layout (the picture is the same on every run).
    ax : matplotlib Axes, optional
        Where to draw (default: a new one).
    source_col, target_col, relation_col : str
        Column names.

    Returns
    -------
    Axes
        Dot size grows with PageRank; solid lines are referrals, dashed lines dependencies.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> links = pd.DataFrame({"source_id": ["A", "A", "B"], "target_id": ["B", "C", "D"],
    ...                       "relation": ["referred", "referred", "depends_on"]})
    >>> plot_network(links, hubs=1).get_title()
    'Customer network: hubs by PageRank'
    """
    import networkx as nx
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D

    from ..plots import finish, new_axes

    v.require_in_range(hubs, "hubs", 0, None)
    v.require_in_range(groups, "groups", 1, None)
    links = _links(referrals, source_col, target_col, relation_col)
    table = _influence(referrals, source_col=source_col, target_col=target_col, relation_col=relation_col)
    graph = nx.Graph()
    graph.add_edges_from(zip(links["source"], links["target"], strict=True))
    # Hubs are the top of the whole network; a hub outside the largest groups brings its own group along.
    top = table.sort_index().sort_values("pagerank", ascending=False, kind="stable").head(int(hubs))
    ordered = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c)))
    parts = [c for i, c in enumerate(ordered) if i < int(groups) or not c.isdisjoint(top.index)]
    keep = sorted(set().union(*parts))
    sub = graph.subgraph(keep)
    pos = nx.spring_layout(sub, seed=int(seed), k=1.2 / np.sqrt(max(len(keep), 1)), iterations=100)
    if ax is None:
        _, ax = new_axes(figsize=(8, 6))
    shown = links[links["source"].isin(keep)]
    for relation, style, color in (("referred", "-", "#1f5aa6"), ("depends_on", "--", "#e08a00")):
        rows = shown[shown["relation"] == relation]
        segments = [(pos[s], pos[t]) for s, t in zip(rows["source"], rows["target"], strict=True)]
        if segments:
            ax.add_collection(
                LineCollection(segments, colors=color, linestyles=style, linewidths=1.3, alpha=0.85, zorder=2)
            )
    rank = table["pagerank"].reindex(keep).to_numpy()
    size = 15 + 1500 * rank / rank.max()
    xy = np.array([pos[c] for c in keep])
    is_hub = np.isin(keep, top.index)
    ax.scatter(xy[~is_hub, 0], xy[~is_hub, 1], s=size[~is_hub], color="#7f8c9a", alpha=0.8, zorder=3)
    ax.scatter(xy[is_hub, 0], xy[is_hub, 1], s=size[is_hub], color="#c0392b", alpha=0.9, zorder=4)
    for customer in top.index:
        x, y = pos[customer]
        ax.annotate(customer, (x, y), xytext=(6, 6), textcoords="offset points", fontsize=9, zorder=5)
    handles = [
        Line2D([], [], color="#1f5aa6", linestyle="-", label=i18n._("Referral (referrer ← referred)")),
        Line2D([], [], color="#e08a00", linestyle="--", label=i18n._("Dependency (depends on →)")),
        Line2D(
            [], [], marker="o", linestyle="", color="#c0392b", label=i18n._("Hub (top {n} by PageRank)", n=len(top))
        ),
        Line2D([], [], marker="o", linestyle="", color="#7f8c9a", label=i18n._("Other linked customer")),
    ]
    ax.set_xticks([])
    ax.set_yticks([])
    finish(
        ax,
        i18n._("Customer network: hubs by PageRank"),
        i18n._("Layout position (no unit; {n} customers in {k} groups)", n=len(keep), k=len(parts)),
        i18n._("Layout position (no unit)"),
        legend=False,
    )
    ax.legend(handles=handles, loc="best", fontsize=8)
    return ax
