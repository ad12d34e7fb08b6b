"""Customer tiers and value concentration (客户分级与价值集中度).

- :func:`abc_classes`: ABC analysis (ABC 分类) by cumulative share of value;
- :func:`assign_tiers`: strategic / value / potential / ordinary customers
  (战略客户 / 价值客户 / 潜力客户 / 普通客户) by rank;
- :func:`lorenz_curve`, :func:`gini`, :func:`top_share`, :func:`plot_pareto`:
  how concentrated the value is (the Pareto or 80/20 rule, 二八法则).

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

import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter

from . import _validate as v
from .i18n import tr
from .plots import finish, new_axes

__all__ = [
    "TIER_LABELS",
    "abc_classes",
    "assign_tiers",
    "gini",
    "lorenz_curve",
    "plot_pareto",
    "top_share",
]

TIER_LABELS: dict[str, tuple[str, str]] = {
    "strategic": ("Strategic", "战略客户"),
    "value": ("Value", "价值客户"),
    "potential": ("Potential", "潜力客户"),
    "ordinary": ("Ordinary", "普通客户"),
}
"""Default tier names, best first, ``key -> (English, Chinese)``."""

# Cumulative shares within this distance of a threshold count as reaching it
# (float sums such as 0.1 + 0.2 + 0.5 are not exactly 0.8).
_TOL = 1e-12


def _values(values, name: str = "values") -> pd.Series:
    """Validate a Series of non-negative, finite values with a unique index; return it as float."""
    v.require_series(values, name)
    v.require_unique_index(values, name)
    col = values.name if values.name is not None else "value"
    frame = pd.DataFrame({col: values})
    try:
        out = v.numeric_column(frame, col, name, allow_negative=False)
    except ValueError as err:
        msg = str(err).replace(f" column {col!r}", "")
        raise ValueError(msg) from None
    except TypeError as err:
        raise TypeError(str(err).replace(f" column {col!r}", "")) from None
    return out


def _ranked(values: pd.Series) -> pd.Series:
    """Sort largest first; ties by index ascending (stable sort after sort_index)."""
    return values.sort_index(kind="stable").sort_values(ascending=False, kind="stable")


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
        and ``class`` ("A", "B" or "C").

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
            "class": cls,
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
        One name per band. Default (four bands only): 战略客户 / 价值客户 /
        潜力客户 / 普通客户 (Strategic / Value / Potential / Ordinary) in the
        current language.

    Returns
    -------
    DataFrame
        Indexed by customer id, sorted by rank, with columns ``score``,
        ``rank`` (1 = best) and ``tier`` (ordered categorical, best band first).

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
    {'Strategic': 5, 'Value': 20, 'Potential': 30, 'Ordinary': 45}
    >>> seven = pd.Series([9.0, 7.0, 7.0, 5.0, 3.0, 2.0, 1.0], index=list("ABCDEFG"))
    >>> assign_tiers(seven)["tier"].tolist()
    ['Strategic', 'Value', 'Potential', 'Potential', 'Ordinary', 'Ordinary', 'Ordinary']
    """
    s = _values_any(scores, "scores")
    shares = _shares(shares)
    if labels is None:
        if len(shares) != len(TIER_LABELS):
            raise ValueError(
                f"give labels for {len(shares)} bands: the default labels are for 4 bands"
            )
        labels = [tr(en, zh) for en, zh in TIER_LABELS.values()]
    else:
        if isinstance(labels, str) or len(labels) != len(shares):
            raise ValueError(
                f"labels must be a list of {len(shares)} names, one per share, got {labels!r}"
            )
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


def lorenz_curve(values) -> pd.DataFrame:
    """Cumulative share of customers vs cumulative share of value, top customer first.

    This is the Pareto (concentration) curve used for the 80/20 rule; the
    classic Lorenz curve, which starts from the smallest customer, is its
    mirror image through the point (0.5, 0.5).

    Parameters
    ----------
    values : Series
        Non-negative value per customer, indexed by customer id.

    Returns
    -------
    DataFrame
        *n* + 1 rows indexed by ``rank`` 0 … *n*: row 0 is the start (0, 0),
        row *k* adds the *k*-th largest customer. Columns ``customer``
        (customer id, missing in row 0), ``customer_share`` and
        ``value_share`` (both 0–1).

    Examples
    --------
    >>> import pandas as pd
    >>> lorenz_curve(pd.Series([1.0, 3.0], index=["x", "y"]))  # doctest: +NORMALIZE_WHITESPACE
         customer  customer_share  value_share
    rank
    0         NaN             0.0         0.00
    1           y             0.5         0.75
    2           x             1.0         1.00
    """
    s = _values(values)
    total = s.sum()
    if total == 0:
        raise ValueError("values are all zero: there is no value to share")
    ranked = _ranked(s)
    n = len(ranked)
    value_share = np.concatenate([[0.0], ranked.cumsum().to_numpy() / total])
    value_share[-1] = 1.0
    out = pd.DataFrame(
        {
            "customer": [np.nan] + list(ranked.index),
            "customer_share": np.arange(n + 1) / n,
            "value_share": value_share,
        },
        index=pd.RangeIndex(n + 1, name="rank"),
    )
    out["customer"] = out["customer"].astype(object)
    return out


def gini(values) -> float:
    """Gini coefficient of value across customers (0 = all equal, near 1 = one customer has all).

    Uses the population definition
    ``G = Σ_i Σ_j |x_i − x_j| / (2 n² · mean)``, computed from the values
    sorted ascending as ``G = 2 Σ_i i·x_(i) / (n Σ x) − (n + 1) / n``. It
    equals twice the area between the Lorenz curve and the diagonal. With
    one customer holding everything, ``G = (n − 1) / n``.

    Parameters
    ----------
    values : Series
        Non-negative value per customer.

    Returns
    -------
    float

    Examples
    --------
    >>> import pandas as pd
    >>> gini(pd.Series([5.0, 5.0, 5.0]))
    0.0
    >>> gini(pd.Series([0.0, 0.0, 0.0, 8.0]))
    0.75
    >>> round(gini(pd.Series([1.0, 2.0, 3.0])), 4)
    0.2222
    """
    s = _values(values)
    total = s.sum()
    if total == 0:
        raise ValueError("values are all zero: the Gini coefficient is undefined")
    x = np.sort(s.to_numpy())
    n = len(x)
    i = np.arange(1, n + 1)
    g = 2 * np.sum(i * x) / (n * total) - (n + 1) / n
    return float(max(g, 0.0)) if abs(g) > 1e-12 else 0.0


def top_share(values, fraction: float = 0.2) -> float:
    """Share of total value held by the top ``fraction`` of customers (e.g. top 20 %).

    Parameters
    ----------
    values : Series
        Non-negative value per customer.
    fraction : float, default 0.2
        Share of customers, ``0 < fraction ≤ 1``.

    Returns
    -------
    float
        Read off the Pareto curve (:func:`lorenz_curve`) with linear
        interpolation: when ``fraction × n`` is a whole number *k* it is
        exactly the share of the top *k* customers; otherwise the next
        customer counts with the fractional part.

    Examples
    --------
    >>> import pandas as pd
    >>> values = pd.Series([50.0, 30.0, 10.0, 5.0, 5.0])
    >>> top_share(values, fraction=0.4)
    0.8
    >>> round(top_share(values, fraction=0.3), 4)
    0.65
    """
    fraction = v.require_in_range(fraction, "fraction", 0, 1)
    if fraction <= 0:
        raise ValueError(f"fraction must be greater than 0, got {fraction:g}")
    curve = lorenz_curve(values)
    return float(np.interp(fraction, curve["customer_share"], curve["value_share"]))


def plot_pareto(values, ax=None, currency: str = "CNY"):
    """Pareto chart: value per customer (bars, largest first) and cumulative share (line).

    Marks the 80 % value line and the top 20 % of customers and annotates
    what share of customers reaches 80 % of value and what share of value the
    top 20 % hold.

    Parameters
    ----------
    values : Series
        Non-negative value per customer (e.g. revenue), indexed by customer id.
    ax : matplotlib Axes, optional
        Axes for the bars (default: a new one); the cumulative line is drawn
        on a twin axis, available as ``ax.right_ax``.
    currency : str, default "CNY"
        Unit of ``values`` for the bar axis.

    Returns
    -------
    Axes
        The bar axes (x: share of customers in %, y: value per customer).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> ax = plot_pareto(pd.Series([50.0, 30.0, 10.0, 5.0, 5.0], index=list("ABCDE")))
    >>> ax.right_ax.get_ylabel()
    'Cumulative share of value (%)'
    """
    s = _values(values)
    curve = lorenz_curve(s)
    n = len(s)
    ranked = _ranked(s)
    if ax is None:
        _, ax = new_axes()
    width = 100.0 / n
    bar_label = tr(f"Value per customer ({currency})", f"单个客户价值 ({currency})")
    if n <= 200:
        x_mid = (np.arange(n) + 0.5) * width
        ax.bar(x_mid, ranked.to_numpy(), width=width * (0.9 if n <= 50 else 1.0),
               color="#1f5aa6", alpha=0.75, linewidth=0, label=bar_label)
    else:
        # Thousands of one-pixel bars are slow to draw and look the same as a filled step curve.
        edges = np.arange(n + 1) * width
        heights = np.append(ranked.to_numpy(), ranked.iloc[-1])
        ax.fill_between(edges, heights, step="post", color="#1f5aa6", alpha=0.75, linewidth=0,
                        label=bar_label)
    # Plain thousands separators instead of matplotlib's "1e6" offset text.
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.0f}"))
    ax.set_xlim(0, 100)
    right = ax.twinx()
    xs = curve["customer_share"].to_numpy() * 100
    ys = curve["value_share"].to_numpy() * 100
    right.plot(xs, ys, color="#e07b39", linewidth=2, label=tr("Cumulative share", "累计占比"))
    right.set_ylim(0, 105)
    right.grid(False)
    right.set_ylabel(tr("Cumulative share of value (%)", "累计价值占比 (%)"))

    # 80 % of value: where the curve reaches it.
    reach80 = float(np.interp(80.0, ys, xs))
    right.axhline(80, color="#7f7f7f", linestyle="--", linewidth=1)
    right.annotate(
        tr(f"80 % of value: top {reach80:.0f} % of customers", f"80% 价值：前 {reach80:.0f}% 客户"),
        xy=(reach80, 80),
        xytext=(reach80 + 5, 65),
        arrowprops={"arrowstyle": "->", "color": "#7f7f7f"},
        fontsize=9,
    )
    # Top 20 % of customers: their share of value.
    top20 = float(np.interp(20.0, xs, ys))
    right.axvline(20, color="#3a9d5d", linestyle=":", linewidth=1)
    right.annotate(
        tr(f"Top 20 % of customers: {top20:.0f} % of value", f"前 20% 客户：{top20:.0f}% 价值"),
        xy=(20, top20),
        xytext=(25, max(top20 - 35, 10)),
        arrowprops={"arrowstyle": "->", "color": "#3a9d5d"},
        fontsize=9,
    )
    ax.right_ax = right
    finish(
        ax,
        tr("Pareto chart of customer value", "客户价值帕累托图"),
        tr("Share of customers, largest first (%)", "客户占比（按价值从高到低）(%)"),
        tr(f"Value per customer ({currency})", f"单个客户价值 ({currency})"),
        legend=False,
    )
    handles = ax.get_legend_handles_labels()[0] + right.get_legend_handles_labels()[0]
    ax.legend(handles=handles, loc="center right")
    return ax
