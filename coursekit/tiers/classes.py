"""Customer classes by rank: ABC analysis and strategic / value / potential / ordinary tiers.

Results hold stable keys (``"A"``, ``"strategic"``) as ordered categoricals;
:func:`display_names` gives the names in the reader's language.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from .concentration import _TOL, _ranked, _values

__all__ = ["ABC_CLASSES", "TIER_LABELS", "abc_classes", "assign_tiers", "display_names"]

TIER_LABELS: dict[str, str] = i18n.define_names(
    "value_tier",
    column="tier",
    english={
        "strategic": "Strategic",
        "value": "Value",
        "potential": "Potential",
        "ordinary": "Ordinary",
    },
)
"""Default tier keys, best first, ``key -> English name`` (Chinese in the catalog)."""

ABC_CLASSES: dict[str, str] = i18n.define_names(
    "abc_class",
    column="class",
    english={
        "A": "Class A",
        "B": "Class B",
        "C": "Class C",
    },
)
"""ABC class keys, best first, ``key -> English name`` (Chinese in the catalog)."""

_KINDS = ("value_tier", "abc_class")


def display_names(keys):
    """Names in the current language for tier and ABC class keys.

    Parameters
    ----------
    keys : Series, Index or str
        Keys such as ``"strategic"`` or ``"A"``; other values (custom tier
        labels) are left as they are.

    Returns
    -------
    Series, Index or str
        The same kind of object; an ordered categorical keeps its order.

    Examples
    --------
    >>> import pandas as pd
    >>> from coursekit import i18n
    >>> display_names(pd.Series(["strategic", "A", "top"])).tolist()
    ['Strategic', 'Class A', 'top']
    >>> i18n.use("zh")
    >>> display_names("ordinary")
    '普通客户'
    >>> i18n.use("en")
    """
    return i18n.display(keys, _KINDS)


def abc_classes(values, a: float = 0.8, b: float = 0.95) -> pd.DataFrame:
    """ABC analysis: A = top customers up to share ``a`` of value, B up to ``b``, C the rest.

    Parameters
    ----------
    values : Series
        Non-negative value (revenue, profit ...) per customer, indexed by
        customer id.
    a, b : float
        Cumulative-share thresholds, ``0 < a < b ≤ 1`` (default 80 % / 95 %).

    Returns
    -------
    DataFrame
        Indexed by customer id, sorted by rank, with columns ``value``,
        ``share`` (of the total), ``cumulative_share``, ``rank`` (1 = largest)
        and ``class``: the key ``"A"``, ``"B"`` or ``"C"`` as an ordered
        categorical (A first), the same in every language;
        :func:`display_names` gives the names.

    Notes
    -----
    Customers are ordered by value, largest first, ties by customer id. Class
    A is the *smallest* set of top customers whose cumulative share reaches
    ``a`` (≥ ``a``): the customer who crosses the threshold is in A. Class B
    continues in the same way up to ``b``; class C is the rest (including
    customers with zero value). B is empty when A already reaches ``b``.
    Shares within 1e-12 of a threshold count as reaching it.

    Raises
    ------
    TypeError
        ``values`` is not a Series of numbers.
    ValueError
        Empty, missing (NaN) or negative values, all values zero, duplicated
        customer ids, or thresholds outside ``0 < a < b ≤ 1``.

    Examples
    --------
    50 + 30 = 80 % of 100, so the first two customers are A; adding 10 gives
    90 % and adding 5 gives 95 %, so C and D are B; E is C:

    >>> import pandas as pd
    >>> values = pd.Series([5.0, 30.0, 5.0, 50.0, 10.0], index=list("EBDAC"))
    >>> abc_classes(values)  # doctest: +NORMALIZE_WHITESPACE
       value  share  cumulative_share  rank class
    A   50.0   0.50              0.50     1     A
    B   30.0   0.30              0.80     2     A
    C   10.0   0.10              0.90     3     B
    D    5.0   0.05              0.95     4     B
    E    5.0   0.05              1.00     5     C
    """
    s = _values(values)
    a = v.require_in_range(a, "a", 0, 1, inclusive=False)
    b = v.require_in_range(b, "b", 0, 1)
    if b <= 0:
        raise ValueError(f"b must be between 0 and 1, got {b:g}")
    if not a < b:
        raise ValueError(f"thresholds must satisfy 0 < a < b <= 1, got a={a:g}, b={b:g}")
    total = s.sum()
    if total == 0:
        raise ValueError("values are all zero: there is no value to classify")
    ranked = _ranked(s)
    share = ranked / total
    cum = share.cumsum().to_numpy(copy=True)
    cum[-1] = 1.0  # exact, whatever the float rounding
    n_a = int(np.argmax(cum >= a - _TOL)) + 1
    n_b = int(np.argmax(cum >= b - _TOL)) + 1
    cls = np.array(["C"] * len(ranked), dtype=object)
    cls[:n_a] = "A"
    cls[n_a:n_b] = "B"
    out = pd.DataFrame(
        {
            "value": ranked.to_numpy(),
            "share": share.to_numpy(),
            "cumulative_share": cum,
            "rank": np.arange(1, len(ranked) + 1, dtype="int64"),
            "class": pd.Categorical(cls, categories=list(ABC_CLASSES), ordered=True),
        },
        index=ranked.index,
    )
    return out


def _band_sizes(n: int, shares: np.ndarray) -> np.ndarray:
    """Band sizes from cumulative shares, rounded half up; every band ≥ 1 when n ≥ bands."""
    k = len(shares)
    cum = np.cumsum(shares)
    bounds = np.floor(cum * n + 0.5 + 1e-9).astype(int)
    bounds[-1] = n
    if n >= k:
        for i in range(k):  # forward: each band at least one customer
            low = bounds[i - 1] + 1 if i else 1
            bounds[i] = max(bounds[i], low)
        for i in range(k - 2, -1, -1):  # backward: leave room for the bands below
            bounds[i] = min(bounds[i], bounds[i + 1] - 1)
    else:  # fewer customers than bands: one each, best bands first
        bounds = np.minimum(np.arange(1, k + 1), n)
    return np.diff(np.concatenate([[0], bounds]))


def assign_tiers(scores, shares=(0.05, 0.20, 0.30, 0.45), labels=None) -> pd.DataFrame:
    """Strategic / value / potential / ordinary customers (客户分级) by rank.

    Parameters
    ----------
    scores : Series
        A "higher is better" value per customer (revenue, CLV, RFM_sum ...),
        indexed by customer id; numeric, no NaN (may be negative).
    shares : sequence of float, default (0.05, 0.20, 0.30, 0.45)
        Share of customers in each band, best band first; positive, summing
        to 1 (tolerance 1e-9).
    labels : sequence of str, optional
        One key per band, best first. Default (four bands only): the keys
        ``strategic``, ``value``, ``potential``, ``ordinary`` of
        :data:`TIER_LABELS` (战略客户 / 价值客户 / 潜力客户 / 普通客户).

    Returns
    -------
    DataFrame
        Indexed by customer id, sorted by rank, with columns ``score``,
        ``rank`` (1 = best) and ``tier``: the band's key as an ordered categorical, best band
        first, the same in every language; :func:`display_names` gives the
        names.

    Notes
    -----
    Customers are ranked by score, highest first, ties by customer id. Band
    *k* holds ranks ``c[k-1] + 1 … c[k]`` where the boundaries are the
    cumulative shares times *n* **rounded half up**,
    ``c[k] = floor(cum_share[k] * n + 0.5)`` (``c[0] = 0``, last = *n*).
    When *n* is at least the number of bands, every band gets at least one
    customer: a boundary that would leave a band empty is moved by one (first
    pass top-down, then bottom-up to leave room for the bands below). So
    n = 100 gives 5 / 20 / 30 / 45 and n = 7 gives 1 / 1 / 2 / 3 (rounding
    alone gives 0 / 2 / 2 / 3). With fewer customers than bands, the best
    bands get one customer each and the rest stay empty (n = 3: 1 / 1 / 1 / 0).

    Examples
    --------
    >>> import pandas as pd
    >>> clv = pd.Series(range(100, 0, -1), index=[f"C{i:03d}" for i in range(100)], dtype=float)
    >>> assign_tiers(clv)["tier"].value_counts(sort=False).to_dict()
    {'strategic': 5, 'value': 20, 'potential': 30, 'ordinary': 45}
    >>> seven = pd.Series([9.0, 7.0, 7.0, 5.0, 3.0, 2.0, 1.0], index=list("ABCDEFG"))
    >>> assign_tiers(seven)["tier"].tolist()
    ['strategic', 'value', 'potential', 'potential', 'ordinary', 'ordinary', 'ordinary']
    >>> display_names(assign_tiers(seven)["tier"]).tolist()[:2]
    ['Strategic', 'Value']
    """
    s = _values_any(scores, "scores")
    shares = _shares(shares)
    if labels is None:
        if len(shares) != len(TIER_LABELS):
            raise ValueError(f"give labels for {len(shares)} bands: the default labels are for 4 bands")
        labels = list(TIER_LABELS)
    else:
        if isinstance(labels, str) or len(labels) != len(shares):
            raise ValueError(f"labels must be a list of {len(shares)} names, one per share, got {labels!r}")
        labels = [str(x) for x in labels]
        if len(set(labels)) != len(labels):
            raise ValueError(f"labels must be distinct, got {labels!r}")
    ranked = _ranked(s)
    sizes = _band_sizes(len(ranked), shares)
    tier = np.repeat(np.array(labels, dtype=object), sizes)
    return pd.DataFrame(
        {
            "score": ranked.to_numpy(),
            "rank": np.arange(1, len(ranked) + 1, dtype="int64"),
            "tier": pd.Categorical(tier, categories=labels, ordered=True),
        },
        index=ranked.index,
    )


def _values_any(values, name: str) -> pd.Series:
    """Like :func:`_values` but negative scores are allowed."""
    v.require_series(values, name)
    v.require_unique_index(values, name)
    frame = pd.DataFrame({"score": values})
    try:
        return v.numeric_column(frame, "score", name)
    except (TypeError, ValueError) as err:
        raise type(err)(str(err).replace(" column 'score'", "")) from None


def _shares(shares) -> np.ndarray:
    if isinstance(shares, (str, bytes)) or not hasattr(shares, "__len__") or len(shares) < 2:
        raise TypeError(f"shares must be a sequence of at least two numbers, got {shares!r}")
    arr = np.array([v.require_in_range(x, "each share") for x in shares], dtype=float)
    if (arr <= 0).any():
        raise ValueError(f"each share must be positive, got {list(shares)}")
    if abs(arr.sum() - 1) > 1e-9:
        raise ValueError(f"shares must sum to 1, got {list(shares)} (sum {arr.sum():g})")
    return arr
