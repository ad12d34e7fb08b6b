"""Personas by k-means (客户画像): standardised features, the choice of k, names, stability.

k-means (scikit-learn) puts each customer in the group whose centre is nearest. Distances only
mean something when the features are on one scale, so :func:`persona_features` takes logs of
the skewed counts and money and standardises every column to mean 0 and standard deviation 1
(z-scores). Each fit runs ``n_init`` starts from seeded random centres and keeps the best.

scikit-learn's k-means uses OpenMP threads; on a small shared machine (a Binder pod, a
workshop laptop) the threads fight for the cores and one fit of 2,000 customers takes seconds
instead of a tenth of a second. The fits here run on one thread (``threadpoolctl``) for that
reason; the result is the same.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = [
    "CLUSTER_FEATURES",
    "PERSONAS",
    "choose_k",
    "persona_centres",
    "persona_features",
    "personas",
    "stability",
]

#: Features of the clustering and how each is transformed before standardising.
CLUSTER_FEATURES = {
    "revenue": "log",
    "orders": "log",
    "days_since": "log",
    "product_lines": "none",
    "tickets": "log",
    "visits": "log",
    "engagement": "log",
    "employees": "log",
    "tenure_years": "none",
}

#: Persona keys with the names a sales team uses, and the centre each one is recognised by
#: (the sign of the standardised features that define it).
PERSONAS = i18n.define_names(
    "persona",
    {
        "busy_regulars": "Busy regulars",
        "engaged_majors": "Engaged major accounts",
        "loyal_veterans": "Loyal veterans",
        "occasional_newcomers": "Occasional newcomers",
        "silent": "Silent accounts",
        "group_6": "Group 6",
        "group_7": "Group 7",
        "group_8": "Group 8",
    },
    column="persona",
)
_SIGNATURES = {
    "busy_regulars": {"orders": 1.0, "tickets": 1.0, "product_lines": 0.5},
    "engaged_majors": {"engagement": 1.0, "employees": 1.0, "visits": 0.5},
    "loyal_veterans": {"tenure_years": 1.0},
    "occasional_newcomers": {"tenure_years": -1.0, "orders": -0.2, "days_since": -0.2},
    "silent": {"days_since": 1.0, "orders": -1.0},
}


def _one_thread():
    from threadpoolctl import threadpool_limits

    return threadpool_limits(1)


def persona_features(profile: pd.DataFrame, *, features: dict | None = None) -> pd.DataFrame:
    """The standardised feature table k-means works on (z-scores, one column per feature).

    A ``log`` feature becomes ln(1 + x) first (money and counts are skewed: a few customers
    would otherwise decide every distance). A missing ``days_since`` (a customer who never
    ordered) gets the largest value seen plus one day. Then every column is standardised:
    z = (x − mean) / standard deviation (population, ddof 0).

    Parameters
    ----------
    profile : DataFrame
        Output of :func:`coursekit.personas.customer_profile`.
    features : dict, optional
        ``{column: "log" or "none"}``; default :data:`CLUSTER_FEATURES`.

    Returns
    -------
    DataFrame
        Same index, one z-score column per feature.

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"orders": [0, 3, 8], "tenure_years": [1.0, 2.0, 3.0]})
    >>> persona_features(p, features={"orders": "log", "tenure_years": "none"}).round(3)
       orders  tenure_years
    0  -1.317        -1.225
    1   0.211         0.000
    2   1.105         1.225
    """
    name = "profile"
    v.require_frame(profile, name)
    features = dict(CLUSTER_FEATURES if features is None else features)
    if not features:
        raise ValueError("features is empty: name at least one column")
    v.require_columns(profile, list(features), name)
    out = pd.DataFrame(index=profile.index)
    for col, how in features.items():
        if how not in ("log", "none"):
            raise ValueError(f"feature {col!r}: transform must be 'log' or 'none', got {how!r}")
        allow_missing = col == "days_since"
        x = v.numeric_column(profile, col, name, allow_missing=allow_missing, allow_negative=how == "none")
        x = x.astype(float)
        if allow_missing and x.isna().any():
            x = x.fillna(x.max() + 1)
        if how == "log":
            x = np.log1p(x)
        sd = x.std(ddof=0)
        out[col] = (x - x.mean()) / sd if sd > 0 else 0.0
    return out


def _kmeans(z: pd.DataFrame, k: int, random_state: int, n_init: int):
    from sklearn.cluster import KMeans

    with _one_thread():
        return KMeans(n_clusters=k, n_init=n_init, random_state=random_state).fit(z.to_numpy())


def _check_k(k, n) -> int:
    k = int(v.require_in_range(k, "k", 2, None))
    if k >= n:
        raise ValueError(f"k = {k} needs more than {k} customers, got {n}")
    return k


def choose_k(table: pd.DataFrame, *, k_values=range(2, 9), random_state: int = 0, n_init: int = 10) -> pd.DataFrame:
    """The two usual criteria for the number of personas k: inertia (elbow) and silhouette.

    *Inertia* is the sum of squared distances of the customers to their centre: it always falls
    as k grows; the "elbow" is where it stops falling fast. The *silhouette* (轮廓系数) of a
    customer is (b − a) / max(a, b), a the mean distance to its own group and b to the nearest
    other group; its mean over the customers is between −1 and 1, higher is better separated.

    Parameters
    ----------
    table : DataFrame
        Output of :func:`persona_features`.
    k_values : iterable of int
        The k to try (each at least 2).
    random_state : int
        Seed of the k-means starts.
    n_init : int
        Starts per fit.

    Returns
    -------
    DataFrame
        Indexed by ``k``: ``inertia`` (rounded to 1) and ``silhouette`` (rounded to 3).

    Examples
    --------
    >>> import pandas as pd
    >>> z = pd.DataFrame({"x": [0.0, 0.1, 5.0, 5.1, 9.0, 9.1]})
    >>> choose_k(z, k_values=[2, 3])  # doctest: +NORMALIZE_WHITESPACE
       inertia  silhouette
    k
    2     16.0       0.715
    3      0.0       0.977
    """
    from sklearn.metrics import silhouette_score

    v.require_frame(table, "table")
    ks = [_check_k(k, len(table)) for k in k_values]
    if not ks:
        raise ValueError("k_values is empty: give at least one k")
    rows = []
    for k in ks:
        fit = _kmeans(table, k, random_state, n_init)
        rows.append((k, round(float(fit.inertia_), 1), round(float(silhouette_score(table, fit.labels_)), 3)))
    return pd.DataFrame(rows, columns=["k", "inertia", "silhouette"]).set_index("k")


def _name_clusters(centres: pd.DataFrame) -> dict:
    """Cluster number -> persona key: best match of centres and signatures, then group_6 ..."""
    from scipy.optimize import linear_sum_assignment

    keys = list(_SIGNATURES)
    score = np.array(
        [
            [sum(w * centres.loc[c, f] for f, w in _SIGNATURES[key].items() if f in centres) for key in keys]
            for c in centres.index
        ]
    )
    rows, cols = linear_sum_assignment(-score)
    names = {int(centres.index[r]): keys[c] for r, c in zip(rows, cols)}
    spare = iter(["group_6", "group_7", "group_8"])
    for c in centres.index:
        if int(c) not in names:
            try:
                names[int(c)] = next(spare)
            except StopIteration:
                raise ValueError("at most 8 personas can be named; choose a smaller k") from None
    return names


def personas(table: pd.DataFrame, k: int = 5, *, random_state: int = 0, n_init: int = 10) -> pd.DataFrame:
    """k-means personas: each customer's cluster and the persona name a sales team would use.

    The clusters are named by matching their centres to the five persona signatures of
    :data:`PERSONAS` (busy regulars: many orders and tickets; engaged major accounts: many
    engagement events, large companies; loyal veterans: long tenure; occasional newcomers:
    short tenure; silent accounts: long since the last order) with the assignment that fits
    best overall; clusters beyond five are "Group 6" ... Read the centres before you believe a
    name (:func:`persona_centres`).

    Parameters
    ----------
    table : DataFrame
        Output of :func:`persona_features`.
    k : int
        Number of clusters (2-8).
    random_state : int
        Seed of the k-means starts.
    n_init : int
        Starts; the best (lowest inertia) is kept.

    Returns
    -------
    DataFrame
        Indexed like ``table``: ``cluster`` (0 .. k−1, as k-means numbered them) and ``persona``
        (ordered categorical over all keys of :data:`PERSONAS`, so that tables show the names).

    Examples
    --------
    >>> import pandas as pd
    >>> z = pd.DataFrame({"days_since": [2.0, 2.1, -1.0, -1.1], "orders": [-2.0, -2.0, 1.0, 1.0]},
    ...                  index=["A", "B", "C", "D"])
    >>> personas(z, k=2)["persona"].tolist()
    ['silent', 'silent', 'busy_regulars', 'busy_regulars']
    """
    v.require_frame(table, "table")
    k = _check_k(k, len(table))
    if k > 8:
        raise ValueError(f"k = {k}: at most 8 personas can be named")
    fit = _kmeans(table, k, random_state, n_init)
    centres = pd.DataFrame(fit.cluster_centers_, columns=table.columns)
    names = _name_clusters(centres)
    out = pd.DataFrame({"cluster": fit.labels_.astype(int)}, index=table.index)
    out["persona"] = pd.Categorical([names[c] for c in out["cluster"]], categories=list(PERSONAS), ordered=True)
    return out


def persona_centres(table: pd.DataFrame, clusters: pd.DataFrame | None = None) -> pd.DataFrame:
    """Mean z-score of every feature per persona: how each group differs from the average customer.

    0 is the average customer; +1 is one standard deviation above. A persona is described by
    its largest positive and negative values.

    Parameters
    ----------
    table : DataFrame
        Output of :func:`persona_features`.
    clusters : DataFrame
        Output of :func:`personas` (column ``persona``), same index; required.

    Returns
    -------
    DataFrame
        One row per persona (in the order of :data:`PERSONAS`), one column per feature, rounded to 2.

    Examples
    --------
    >>> import pandas as pd
    >>> z = pd.DataFrame({"orders": [1.0, 0.0, -1.0]}, index=["A", "B", "C"])
    >>> c = pd.DataFrame({"persona": ["busy_regulars", "silent", "silent"]}, index=["A", "B", "C"])
    >>> persona_centres(z, c)
                   orders
    persona
    busy_regulars     1.0
    silent         -0.5
    """
    v.require_frame(table, "table")
    v.require_frame(clusters, "clusters")
    v.require_columns(clusters, ["persona"], "clusters")
    if not table.index.equals(clusters.index):
        raise ValueError("table and clusters must have the same index (the same customers in the same order)")
    out = table.groupby(clusters["persona"], observed=True, sort=True).mean().round(2)
    out.index = pd.Index(out.index.astype(object), name="persona")
    return out


def stability(
    table: pd.DataFrame, k: int = 5, *, seeds=range(1, 6), base_seed: int = 0, n_init: int = 10
) -> pd.DataFrame:
    """Do the personas survive another random start? Adjusted Rand index against ``base_seed``.

    The adjusted Rand index (ARI, 调整兰德指数) compares two groupings of the same customers,
    whatever their numbering: 1 means identical, about 0 means no better than chance. Above
    0.9 the personas are stable; well below, a different seed tells a different story.

    Parameters
    ----------
    table : DataFrame
        Output of :func:`persona_features`.
    k : int
        Number of clusters.
    seeds : iterable of int
        The other seeds to try.
    base_seed : int
        The seed of the personas in use.
    n_init : int
        Starts per fit.

    Returns
    -------
    DataFrame
        Indexed by ``seed``: ``ari`` (rounded to 3) and ``moved`` (customers not in the persona
        of the base run, after matching clusters).

    Examples
    --------
    >>> import pandas as pd
    >>> z = pd.DataFrame({"x": [0.0, 0.1, 5.0, 5.1]})
    >>> stability(z, k=2, seeds=[1, 2])
          ari  moved
    seed
    1     1.0      0
    2     1.0      0
    """
    from sklearn.metrics import adjusted_rand_score

    v.require_frame(table, "table")
    k = _check_k(k, len(table))
    base = _kmeans(table, k, base_seed, n_init).labels_
    rows = []
    for seed in seeds:
        other = _kmeans(table, k, int(seed), n_init).labels_
        matched = pd.crosstab(base, other).to_numpy()
        from scipy.optimize import linear_sum_assignment

        r, c = linear_sum_assignment(-matched)
        moved = len(table) - int(matched[r, c].sum())
        rows.append((int(seed), round(float(adjusted_rand_score(base, other)), 3), moved))
    if not rows:
        raise ValueError("seeds is empty: give at least one other seed")
    return pd.DataFrame(rows, columns=["seed", "ari", "moved"]).set_index("seed")
