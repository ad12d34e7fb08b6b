"""The three principles of importance on the referral network (衡量客户重要度的三个原则).

1. The more people know you, the more important you are (越多的人认识你，你就越重要): ``degree``.
2. The more people depend on you, the more important you are (越多的人依赖你，你就越重要): ``dependants``.
3. The more important your neighbours, the more important you are (邻居越重要，你就越重要): ``pagerank``.
"""

from __future__ import annotations

import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = ["RELATIONS", "influence", "network_value"]

#: Kinds of link in the ``referrals`` table (key -> English name; Chinese in the catalog).
RELATIONS = i18n.define_names(
    "network_relation",
    {
        "referred": "Referred (source introduced target)",
        "depends_on": "Depends on (source buys through target)",
    },
    column="relation",
)

#: Result columns of :func:`influence`, in order.
COLUMNS = ["degree", "referred", "dependants", "pagerank"]


def _links(referrals, source_col: str, target_col: str, relation_col: str) -> pd.DataFrame:
    """Checked links: known relations, no missing ids, no self-links; repeated links dropped with a note."""
    v.require_frame(referrals, "referrals")
    v.require_columns(referrals, [source_col, target_col, relation_col], "referrals")
    for col in (source_col, target_col, relation_col):
        v.require_no_missing(referrals, col, "referrals")
    links = referrals[[source_col, target_col, relation_col]].astype(str)
    links.columns = ["source", "target", "relation"]
    unknown = sorted(set(links["relation"]) - set(RELATIONS))
    if unknown:
        raise ValueError(
            f"referrals column {relation_col!r} has unknown relation(s) {unknown}; known: {sorted(RELATIONS)}"
        )
    loops = links["source"] == links["target"]
    if loops.any():
        first = links.loc[loops, "source"].iloc[0]
        raise ValueError(f"referrals has {int(loops.sum())} link(s) from a customer to itself (first: {first!r})")
    repeated = links.duplicated()
    if repeated.any():
        links = links[~repeated]
        v.note(i18n._("{n} repeated link(s) counted once", n=int(repeated.sum())), stacklevel=4)
    return links.reset_index(drop=True)


def influence(
    referrals: pd.DataFrame,
    *,
    source_col: str = "source_id",
    target_col: str = "target_id",
    relation_col: str = "relation",
    alpha: float = 0.85,
) -> pd.DataFrame:
    """The three principles of importance, one row per customer with at least one link (客户影响力).

    Parameters
    ----------
    referrals : DataFrame
        One row per directed link: ``source_col``, ``target_col`` (customer ids) and ``relation_col``,
        ``"referred"`` (the source introduced the target as a new customer) or ``"depends_on"``
        (the source buys through, depends on, the target).
    source_col, target_col, relation_col : str
        Column names.
    alpha : float, default 0.85
        Damping factor of PageRank (the share of standing passed along links; the rest is shared
        equally by all customers).

    Returns
    -------
    DataFrame
        Indexed by ``customer_id`` (sorted), only customers with a link; columns

        - ``degree``: distinct neighbours, links counted in either direction ("the more people
          know you");
        - ``referred``: customers this one introduced (targets of its ``referred`` links);
        - ``dependants``: customers that depend on this one (sources of ``depends_on`` links
          pointing at it; "the more people depend on you");
        - ``pagerank``: PageRank on the links pointed at whoever gains standing, the one depended
          on or the referrer; sums to 1 ("the more important your neighbours").

    Raises
    ------
    TypeError
        ``referrals`` is not a DataFrame.
    ValueError
        Empty table, missing columns or ids, an unknown relation, a link from a customer to itself,
        ``alpha`` outside (0, 1).

    Notes
    -----
    Customers without any link are not in the result: their network value is *missing*, not zero.
    :func:`network_value` puts them back with empty cells. A repeated link counts once (noted).

    Examples
    --------
    A referred B and C; B and D depend on C:

    >>> import pandas as pd
    >>> links = pd.DataFrame({"source_id": ["A", "A", "B", "D"], "target_id": ["B", "C", "C", "C"],
    ...                       "relation": ["referred", "referred", "depends_on", "depends_on"]})
    >>> table = influence(links)
    >>> table[["degree", "referred", "dependants"]]  # doctest: +NORMALIZE_WHITESPACE
                 degree  referred  dependants
    customer_id
    A                 2         2           0
    B                 2         0           0
    C                 3         0           2
    D                 1         0           0
    >>> round(float(table["pagerank"].sum()), 6), table["pagerank"].idxmax()
    (1.0, 'A')
    """
    import networkx as nx

    v.require_in_range(alpha, "alpha", 0, 1, inclusive=False)
    links = _links(referrals, source_col, target_col, relation_col)
    ids = sorted(set(links["source"]) | set(links["target"]))
    pairs = links[["source", "target"]].copy()
    pairs = pd.concat([pairs, pairs.rename(columns={"source": "target", "target": "source"})]).drop_duplicates()
    degree = pairs["source"].value_counts()
    ref = links[links["relation"] == "referred"]
    dep = links[links["relation"] == "depends_on"]
    referred = ref.drop_duplicates(["source", "target"])["source"].value_counts()
    dependants = dep.drop_duplicates(["source", "target"])["target"].value_counts()
    # Standing flows to whoever gains it: a referred customer points at its referrer,
    # a dependent customer at the one it depends on.
    graph = nx.DiGraph()
    graph.add_nodes_from(ids)
    graph.add_edges_from(zip(ref["target"], ref["source"], strict=True))
    graph.add_edges_from(zip(dep["source"], dep["target"], strict=True))
    rank = nx.pagerank(graph, alpha=alpha, tol=1e-12, max_iter=1000)
    index = pd.Index(ids, name="customer_id")
    out = pd.DataFrame(
        {
            "degree": degree.reindex(index, fill_value=0).astype("int64"),
            "referred": referred.reindex(index, fill_value=0).astype("int64"),
            "dependants": dependants.reindex(index, fill_value=0).astype("int64"),
            "pagerank": pd.Series(rank).reindex(index).astype(float),
        },
        index=index,
    )
    out.attrs["notes"] = []
    return out


def network_value(influence: pd.DataFrame, customer_ids) -> pd.DataFrame:
    """The network columns for every customer, for the value scorecard (lesson 09; 网络价值).

    Parameters
    ----------
    influence : DataFrame
        The result of :func:`influence` (indexed by customer id).
    customer_ids : sequence, Index or DataFrame
        All customers of the scorecard; a DataFrame gives its ``customer_id`` column, or its index.

    Returns
    -------
    DataFrame
        Indexed by ``customer_id`` in the order given: ``linked`` (True when the customer has a
        link) and ``degree``, ``dependants``, ``pagerank``, empty (NaN) for customers without a
        link: missing network data, not zero. The count of unlinked customers is noted.

    Examples
    --------
    >>> import pandas as pd, warnings
    >>> links = pd.DataFrame({"source_id": ["A"], "target_id": ["B"], "relation": ["referred"]})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     feed = network_value(influence(links), ["A", "B", "C"])
    >>> feed["linked"].tolist(), feed["degree"].tolist()
    ([True, True, False], [1.0, 1.0, nan])
    """
    v.require_frame(influence, "influence")
    v.require_columns(influence, ["degree", "dependants", "pagerank"], "influence")
    if isinstance(customer_ids, pd.DataFrame):
        ids = customer_ids["customer_id"] if "customer_id" in customer_ids.columns else customer_ids.index
    else:
        ids = customer_ids
    if isinstance(ids, (str, bytes)) or not hasattr(ids, "__iter__"):
        raise TypeError(f"customer_ids must be a list, Index or DataFrame of ids, got {type(ids).__name__}")
    index = pd.Index(list(ids), name="customer_id").astype(str)
    if index.empty:
        raise ValueError("customer_ids is empty: it has no ids")
    if index.has_duplicates:
        raise ValueError(f"customer_ids has repeated ids (first: {index[index.duplicated()][0]!r})")
    out = influence[["degree", "dependants", "pagerank"]].reindex(index).astype(float)
    out.insert(0, "linked", index.isin(influence.index))
    missing = int((~out["linked"]).sum())
    if missing:
        v.note(
            i18n._(
                "{n} of {total} customers have no link: their network value is missing, not zero",
                n=missing,
                total=len(index),
            ),
            out,
        )
    return out
