"""RFM analysis (RFM 分析): recency, frequency and monetary value per customer.

The workflow of the lesson, one function per step::

    table    = rfm_table(transactions, end="2025-12-31")   # recency / frequency / monetary
    scores   = rfm_scores(table)                           # R, F, M from 1 to 5, "RFM" code, RFM_sum
    segs     = rfm_segments(scores, scheme="classic")      # 11 named segments (or scheme="cn8")
    summary  = segment_summary(segs)                       # size, revenue, means, recommended action
    plot_segments(summary); plot_rfm_heatmap(scores)
    levels   = value_level(scores)                         # high / medium / low value

Definitions
-----------
recency (最近一次消费, R)
    Whole calendar days from the customer's last purchase day to the
    observation end ``end`` (a purchase on ``end`` itself has recency 0).
frequency (消费频率, F)
    Number of distinct orders (``order_col``) or, when there is no order id,
    number of distinct purchase days.
monetary (消费金额, M)
    Total *net* amount: returns and cancellations (negative lines) are
    subtracted.

Examples
--------
>>> import pandas as pd
>>> from coursekit import rfm
>>> tx = pd.DataFrame({
...     "customer_id": ["A", "A", "B", "C"],
...     "date": ["2025-12-01", "2025-12-20", "2025-11-30", "2025-06-30"],
...     "amount": [100.0, 50.0, 400.0, 20.0],
... })
>>> table = rfm.rfm_table(tx, end="2025-12-31")
>>> table  # doctest: +NORMALIZE_WHITESPACE
             recency  frequency  monetary
customer_id
A                 11          2     150.0
B                 31          1     400.0
C                184          1      20.0
>>> rfm.rfm_scores(table, bins=3)[["R", "F", "M", "RFM", "RFM_sum"]]  # doctest: +NORMALIZE_WHITESPACE
             R  F  M  RFM  RFM_sum
customer_id
A            3  3  2  332        8
B            2  1  3  213        6
C            1  2  1  121        4
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import _validate as v
from .i18n import tr
from .plots import finish, new_axes

__all__ = [
    "ACTIONS",
    "CLASSIC_SEGMENTS",
    "CN8_SEGMENTS",
    "VALUE_LEVELS",
    "classic_grid",
    "plot_rfm_heatmap",
    "plot_segments",
    "rfm_scores",
    "rfm_segments",
    "rfm_table",
    "segment_summary",
    "value_level",
]

# --------------------------------------------------------------------------------------
# Segment names and recommended actions: key -> (English, Chinese)
# --------------------------------------------------------------------------------------
CLASSIC_SEGMENTS: dict[str, tuple[str, str]] = {
    "champions": ("Champions", "冠军客户"),
    "loyal": ("Loyal Customers", "忠诚客户"),
    "potential_loyalist": ("Potential Loyalist", "潜在忠诚客户"),
    "new_customers": ("New Customers", "新客户"),
    "promising": ("Promising", "有潜力客户"),
    "need_attention": ("Need Attention", "需要关注客户"),
    "about_to_sleep": ("About To Sleep", "即将沉睡客户"),
    "at_risk": ("At Risk", "有流失风险客户"),
    "cant_lose": ("Can't Lose Them", "不能失去的客户"),
    "hibernating": ("Hibernating", "休眠客户"),
    "lost": ("Lost", "流失客户"),
}
"""The 11 classic segments in display order, ``key -> (English, Chinese)``."""

CN8_SEGMENTS: dict[str, tuple[str, str]] = {
    "important_value": ("Important value", "重要价值客户"),
    "important_development": ("Important development", "重要发展客户"),
    "important_retention": ("Important retention", "重要保持客户"),
    "important_winback": ("Important win-back", "重要挽留客户"),
    "general_value": ("General value", "一般价值客户"),
    "general_development": ("General development", "一般发展客户"),
    "general_retention": ("General retention", "一般保持客户"),
    "general_winback": ("General win-back", "一般挽留客户"),
}
"""The Chinese eight-class scheme in display order, ``key -> (English, Chinese)``."""

VALUE_LEVELS: dict[str, tuple[str, str]] = {
    "high": ("High value", "高价值客户"),
    "medium": ("Medium value", "中价值客户"),
    "low": ("Low value", "低价值客户"),
}
"""The three value levels of :func:`value_level`, ``key -> (English, Chinese)``."""

ACTIONS: dict[str, tuple[str, str]] = {
    # classic
    "champions": ("Reward, ask for referrals, early access", "给予奖励，邀请推荐，新品抢先体验"),
    "loyal": ("Upsell higher-value products, ask for reviews", "向上销售高价值产品，邀请评价"),
    "potential_loyalist": (
        "Offer membership or a loyalty programme, recommend related products",
        "邀请加入会员或忠诚度计划，推荐相关产品",
    ),
    "new_customers": (
        "Onboard well: early support, build the relationship",
        "做好新客引导与早期支持，建立关系",
    ),
    "promising": ("Build awareness, offer trials or samples", "提升品牌认知，提供试用或样品"),
    "need_attention": (
        "Limited-time offers, recommendations based on past purchases",
        "限时优惠，基于历史购买进行推荐",
    ),
    "about_to_sleep": (
        "Reconnect: useful content, popular products at a discount",
        "重新建立联系：分享实用资讯，热门产品折扣",
    ),
    "at_risk": (
        "Personalised re-engagement, renewal and repeat-order offers",
        "个性化召回沟通，提供续订和复购优惠",
    ),
    "cant_lose": (
        "Win them back personally: call, show newer products, keep them from competitors",
        "专人回访挽回，介绍新产品，防止流向竞争对手",
    ),
    "hibernating": (
        "Relevant products and special discounts at low cost",
        "以低成本推荐相关产品和专项折扣",
    ),
    "lost": ("Low-cost reactivation campaign, otherwise no further spend", "低成本唤回活动，否则不再投入"),
    # cn8
    "important_value": (
        "Keep and deepen: VIP service, dedicated account manager",
        "保持并深化关系：VIP 服务，专属客户经理",
    ),
    "important_development": (
        "Raise purchase frequency: loyalty programme, cross-selling",
        "提高购买频次：会员计划，交叉销售",
    ),
    "important_retention": (
        "Contact proactively and find out why they have not bought recently",
        "主动联系，了解近期未购买的原因",
    ),
    "important_winback": (
        "Win back with a personal call and a targeted offer",
        "专人电话回访并提供针对性优惠，挽回客户",
    ),
    "general_value": ("Upsell: bundles and higher-value products", "向上销售：组合套餐和更高价值产品"),
    "general_development": (
        "Nurture towards a repeat purchase with a starter offer",
        "用新客优惠培育二次购买",
    ),
    "general_retention": ("Low-cost reminders (e-mail, WeChat)", "低成本提醒（邮件、微信）"),
    "general_winback": ("Low-cost reactivation or no further spend", "低成本唤回，或不再投入"),
    # value levels
    "high": (
        "Differentiated VIP offer: dedicated service, priority delivery, volume rebates",
        "差异化 VIP 方案：专属服务、优先发货、批量返利",
    ),
    "medium": ("Growth offers: bundles, cross-selling, loyalty points", "成长方案：组合优惠、交叉销售、积分"),
    "low": ("Standard offers through low-cost channels", "通过低成本渠道提供标准优惠"),
}
"""Recommended action per segment / level key, ``key -> (English, Chinese)``."""

# The R x FM grid of the classic scheme: _CLASSIC_GRID[fm][r - 1], fm = ceil((F + M) / 2).
_CLASSIC_GRID: dict[int, tuple[str, ...]] = {
    5: ("cant_lose", "at_risk", "loyal", "loyal", "champions"),
    4: ("at_risk", "at_risk", "loyal", "loyal", "loyal"),
    3: ("at_risk", "at_risk", "need_attention", "potential_loyalist", "potential_loyalist"),
    2: ("lost", "hibernating", "about_to_sleep", "potential_loyalist", "potential_loyalist"),
    1: ("lost", "lost", "about_to_sleep", "promising", "new_customers"),
}

_SCHEMES = {"classic": CLASSIC_SEGMENTS, "cn8": CN8_SEGMENTS}


def _label_lookup() -> dict[str, str]:
    """Map every English or Chinese segment / level name to its key."""
    lookup = {}
    for table in (CLASSIC_SEGMENTS, CN8_SEGMENTS, VALUE_LEVELS):
        for key, (en, zh) in table.items():
            lookup[en] = key
            lookup[zh] = key
            lookup[key] = key
    return lookup


def _categorical(keys: pd.Series, names: dict[str, tuple[str, str]], which: int | None) -> pd.Series:
    """Keys -> labels (0 = English, 1 = Chinese, None = current language), ordered as ``names``."""
    if which is None:
        mapping = {k: tr(en, zh) for k, (en, zh) in names.items()}
    else:
        mapping = {k: pair[which] for k, pair in names.items()}
    cats = pd.CategoricalDtype(list(mapping.values()), ordered=True)
    return keys.map(mapping).astype(cats)


# --------------------------------------------------------------------------------------
# RFM table and scores
# --------------------------------------------------------------------------------------
def rfm_table(
    transactions,
    end,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
    order_col: str | None = None,
) -> pd.DataFrame:
    """Recency, frequency and monetary value per customer from transaction lines.

    Parameters
    ----------
    transactions : DataFrame
        One row per transaction line (or order). Negative amounts are returns
        or cancellations.
    end : str, date or Timestamp
        Observation end, required (the kit never uses "today"). A date without
        a time of day covers the whole day: a purchase at 15:00 on ``end`` is in.
    customer_col, date_col, amount_col : str
        Column names of the customer id, the purchase date and the line amount.
    order_col : str, optional
        Column with the order id. When given, frequency counts distinct
        orders; when ``None``, it counts distinct purchase days (several
        lines on one day are one purchase).

    Returns
    -------
    DataFrame
        Indexed by customer id (index name = ``customer_col``), sorted by id,
        with columns

        - ``recency`` (int): whole days from the last purchase day to ``end``;
        - ``frequency`` (int): distinct orders (or purchase days) with a
          positive amount;
        - ``monetary`` (float): total net amount, returns netted.

        ``attrs["notes"]`` lists the treatments below.

    Notes
    -----
    - Purchases are the lines with a positive amount; only they count for
      recency and frequency. Negative lines (returns, cancellations) are
      netted into ``monetary``; how many lines and customers is reported with
      a ``CourseKitDataNote``. Zero-amount lines are ignored and reported.
    - Customers whose net monetary is ≤ 0 are excluded and reported: those
      who returned everything they bought, and, in a separate note, those
      without any purchase (only zero-amount or negative lines). The example
      id in a note is a plain Python value (``455``, not ``np.int64(455)``).

    Raises
    ------
    TypeError
        ``transactions`` is not a DataFrame, the amount is not numeric, the
        dates are numbers, or ``end`` is missing.
    ValueError
        No rows, a missing column, missing customer ids / dates / amounts /
        order ids, unparseable dates, dates after ``end``.

    Examples
    --------
    Customer A returns 30 of a 130 purchase; B buys twice on one day (one
    purchase day) and once more; C only buys and returns (excluded):

    >>> import warnings
    >>> import pandas as pd
    >>> tx = pd.DataFrame({
    ...     "customer_id": ["A", "A", "B", "B", "B", "C", "C"],
    ...     "date": ["2025-12-01", "2025-12-05", "2025-12-30", "2025-12-30",
    ...              "2025-10-01", "2025-11-01", "2025-11-02"],
    ...     "amount": [130.0, -30.0, 20.0, 5.0, 10.0, 50.0, -50.0],
    ... })
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     table = rfm_table(tx, end="2025-12-31")
    >>> table  # doctest: +NORMALIZE_WHITESPACE
                 recency  frequency  monetary
    customer_id
    A                 30          1     100.0
    B                  1          2      35.0
    >>> for n in table.attrs["notes"]:
    ...     print(n)
    2 return/cancellation line(s) (negative amount, total -80.00) netted into monetary of 2 customer(s)
    1 customer(s) excluded: net monetary ≤ 0 after returns (everything returned), e.g. 'C'
    """
    name = "transactions"
    v.require_frame(transactions, name)
    end_ts = v.as_timestamp(end, "end")
    cols = [customer_col, date_col, amount_col] + ([order_col] if order_col is not None else [])
    v.require_columns(transactions, cols, name)
    v.require_no_missing(transactions, customer_col, name)
    if order_col is not None:
        v.require_no_missing(transactions, order_col, name)
    amount = v.numeric_column(transactions, amount_col, name)
    # A date-only end covers the whole day.
    limit = end_ts + pd.Timedelta(days=1) - pd.Timedelta(1, "ns") if end_ts == end_ts.normalize() else end_ts
    dates = v.date_column(transactions, date_col, name, end=limit)

    work = pd.DataFrame(
        {
            "customer": transactions[customer_col].to_numpy(),
            "day": dates.dt.normalize().to_numpy(),
            "amount": amount.to_numpy(),
        }
    )
    if order_col is not None:
        work["order"] = transactions[order_col].to_numpy()
    else:
        work["order"] = work["day"]

    monetary = work.groupby("customer", sort=True)["amount"].sum()
    buys = work[work["amount"] > 0]
    last = buys.groupby("customer")["day"].max()
    freq = buys.groupby("customer")["order"].nunique()

    keep = monetary.index[monetary > 0]
    end_day = end_ts.normalize()
    out = pd.DataFrame(
        {
            "recency": (end_day - last.reindex(keep)).dt.days.astype("int64"),
            "frequency": freq.reindex(keep).astype("int64"),
            "monetary": monetary.reindex(keep).astype(float),
        },
        index=keep,
    )
    out.index.name = customer_col

    neg = work["amount"] < 0
    if neg.any():
        v.note(
            f"{int(neg.sum())} return/cancellation line(s) (negative amount, total "
            f"{work.loc[neg, 'amount'].sum():.2f}) netted into monetary of "
            f"{work.loc[neg, 'customer'].nunique()} customer(s)",
            out,
        )
    zero = work["amount"] == 0
    if zero.any():
        v.note(
            f"{int(zero.sum())} zero-amount line(s) ignored: neither a purchase nor a return",
            out,
        )
    dropped = monetary.index[monetary <= 0]
    bought = dropped.isin(last.index)
    returned, never = dropped[bought].tolist(), dropped[~bought].tolist()
    if returned:
        v.note(
            f"{len(returned)} customer(s) excluded: net monetary ≤ 0 after returns "
            f"(everything returned), e.g. {returned[0]!r}",
            out,
        )
    if never:
        v.note(
            f"{len(never)} customer(s) excluded: no purchase with a positive amount "
            f"(only zero-amount or negative lines), e.g. {never[0]!r}",
            out,
        )
    return out


def _equal_groups(values: pd.Series, bins: int, *, ascending: bool) -> pd.Series:
    """Scores 1..bins in equal-sized groups by rank; ``bins`` = best.

    ``ascending=True``: larger value is better. Ties are broken by order of
    appearance (``rank(method="first")``).
    """
    n = len(values)
    ranks = values.rank(method="first", ascending=ascending).to_numpy()  # 1 = worst
    score = np.floor((ranks - 1) * bins / n).astype("int64") + 1
    return pd.Series(score, index=values.index)


def rfm_scores(table, bins: int = 5) -> pd.DataFrame:
    """Score recency, frequency and monetary from 1 to ``bins`` in equal-sized groups.

    Parameters
    ----------
    table : DataFrame
        Output of :func:`rfm_table` (columns ``recency``, ``frequency``,
        ``monetary``), indexed by customer id.
    bins : int, default 5
        Number of score groups, 2 to 10 (5 = quintiles, the usual choice).

    Returns
    -------
    DataFrame
        A copy of ``table`` with added columns

        - ``R``, ``F``, ``M`` (int, 1 … ``bins``): ``bins`` is best, i.e. the
          most recent (smallest recency), most frequent, highest spending;
        - ``RFM`` (str): the three scores as a code, e.g. ``"545"``; with
          ``bins=10`` the scores are joined by ``"-"``, e.g. ``"10-4-7"``;
        - ``RFM_sum`` (int): R + F + M.

        ``attrs["rfm_bins"]`` records ``bins``.

    Notes
    -----
    Scores are equal-sized groups **by rank**, not by value. Each column is
    ranked with ``rank(method="first")`` (rank 1 = worst), and the customer
    of rank *r* among *n* gets ``floor((r - 1) * bins / n) + 1``; group sizes
    differ by at most one. Value-based quantile cuts fail on frequency, where
    most customers share a handful of values (1, 2, 3 orders).

    **Ties** are broken by order of appearance in ``table`` (the index order;
    :func:`rfm_table` sorts by customer id): among customers with equal
    values, the one listed first gets the lower rank and so the lower or equal
    score. Two customers with the same frequency can therefore receive
    different F scores when they sit on a group boundary.

    Examples
    --------
    Six customers, four of them with one order, in three groups of two each; among
    the tied frequencies B and C (listed first) get F = 1, D and F get F = 2:

    >>> import pandas as pd
    >>> t = pd.DataFrame({"recency": [5, 40, 40, 90, 10, 200],
    ...                   "frequency": [3, 1, 1, 1, 2, 1],
    ...                   "monetary": [300.0, 50.0, 80.0, 20.0, 150.0, 10.0]},
    ...                  index=pd.Index(list("ABCDEF"), name="customer_id"))
    >>> s = rfm_scores(t, bins=3)
    >>> s[["R", "F", "M", "RFM", "RFM_sum"]]  # doctest: +NORMALIZE_WHITESPACE
                 R  F  M  RFM  RFM_sum
    customer_id
    A            3  3  3  333        9
    B            2  1  2  212        5
    C            2  1  2  212        5
    D            1  2  1  121        4
    E            3  3  3  333        9
    F            1  2  1  121        4
    >>> s["F"].value_counts().sort_index().tolist()
    [2, 2, 2]
    """
    name = "table"
    v.require_frame(table, name)
    if isinstance(bins, bool) or not isinstance(bins, (int, np.integer)):
        raise TypeError(f"bins must be a whole number between 2 and 10, got {bins!r}")
    if not 2 <= bins <= 10:
        raise ValueError(f"bins must be between 2 and 10, got {bins}")
    v.require_columns(table, ["recency", "frequency", "monetary"], name)
    v.require_unique_index(table, name)
    out = table.copy()
    recency = v.numeric_column(table, "recency", name, allow_negative=False)
    frequency = v.numeric_column(table, "frequency", name, allow_negative=False)
    monetary = v.numeric_column(table, "monetary", name)
    out["R"] = _equal_groups(recency, bins, ascending=False)
    out["F"] = _equal_groups(frequency, bins, ascending=True)
    out["M"] = _equal_groups(monetary, bins, ascending=True)
    sep = "-" if bins >= 10 else ""
    out["RFM"] = (
        out["R"].astype(str) + sep + out["F"].astype(str) + sep + out["M"].astype(str)
    ).astype(object)
    out["RFM_sum"] = (out["R"] + out["F"] + out["M"]).astype("int64")
    out.attrs["rfm_bins"] = int(bins)
    return out


# --------------------------------------------------------------------------------------
# Segments
# --------------------------------------------------------------------------------------
def classic_grid(lang: str | None = None) -> pd.DataFrame:
    """The classic R × FM segment grid as a table (rows FM = 5 … 1, columns R = 1 … 5).

    Parameters
    ----------
    lang : {"en", "zh"}, optional
        Language of the names (default: the current :func:`coursekit.use` language).

    Examples
    --------
    >>> classic_grid("en").loc[5]
    R
    1    Can't Lose Them
    2            At Risk
    3    Loyal Customers
    4    Loyal Customers
    5          Champions
    Name: 5, dtype: object
    """
    if lang not in (None, "en", "zh"):
        raise ValueError(f"lang must be 'en', 'zh' or None, got {lang!r}")
    rows = {}
    for fm, keys in _CLASSIC_GRID.items():
        if lang is None:
            rows[fm] = [tr(*CLASSIC_SEGMENTS[k]) for k in keys]
        else:
            rows[fm] = [CLASSIC_SEGMENTS[k][0 if lang == "en" else 1] for k in keys]
    grid = pd.DataFrame.from_dict(rows, orient="index", columns=[1, 2, 3, 4, 5]).astype(object)
    grid.index.name = "FM"
    grid.columns.name = "R"
    return grid


def _score_column(scores: pd.DataFrame, col: str, low: int, high: int) -> pd.Series:
    values = v.numeric_column(scores, col, "scores")
    bad = (values < low) | (values > high) | (values != np.round(values))
    if bad.any():
        raise ValueError(
            f"scores column {col!r} must hold whole scores from {low} to {high}; "
            f"{int(bad.sum())} value(s) do not, e.g. {values[bad].iloc[0]:g}"
        )
    return values.astype("int64")


def rfm_segments(scores, scheme: str = "classic") -> pd.DataFrame:
    """Name a segment for every customer: the classic 11 segments or the Chinese 8 classes.

    Parameters
    ----------
    scores : DataFrame
        ``"classic"``: output of :func:`rfm_scores` with ``bins=5`` (columns
        ``R``, ``F``, ``M``). ``"cn8"``: any table with the raw columns
        ``recency``, ``frequency``, ``monetary`` (output of :func:`rfm_table`
        or :func:`rfm_scores`).
    scheme : {"classic", "cn8"}
        Which segment scheme to apply.

    Returns
    -------
    DataFrame
        A copy of ``scores`` with added columns

        - ``segment``: the name in the current language (``coursekit.use``),
        - ``segment_en``, ``segment_zh``: the English and Chinese names,

        all three ordered categoricals in the scheme's display order (the
        order of :data:`CLASSIC_SEGMENTS` / :data:`CN8_SEGMENTS`), so that
        summaries and charts list segments from best to worst. ``"cn8"`` also
        adds the booleans ``R_high``, ``F_high``, ``M_high`` and keeps the
        three means in ``attrs["cn8_means"]``.

    Notes
    -----
    **classic** — the R × FM grid of the public RFM guides (11 segments). R
    is the recency score; FM is the average of the F and M scores, put on the
    1–5 grid as ``FM = ceil((F + M) / 2)`` (the guides give the ranges as
    intervals such as "FM 4–5", read as 4 < FM ≤ 5, so 4.5 belongs to row 5).
    Every one of the 125 combinations of R, F, M in 1–5 falls in exactly one
    cell:

    ======  ===============  ============  ===============  ==================  ==================
    FM \\ R  1                2             3                4                   5
    ======  ===============  ============  ===============  ==================  ==================
    5       Can't Lose Them  At Risk       Loyal Customers  Loyal Customers     Champions
    4       At Risk          At Risk       Loyal Customers  Loyal Customers     Loyal Customers
    3       At Risk          At Risk       Need Attention   Potential Loyalist  Potential Loyalist
    2       Lost             Hibernating   About To Sleep   Potential Loyalist  Potential Loyalist
    1       Lost             Lost          About To Sleep   Promising           New Customers
    ======  ===============  ============  ===============  ==================  ==================

    As rules: Champions R = 5, F + M ≥ 9; Loyal Customers R ≥ 3, F + M ≥ 7
    (not Champions); Potential Loyalist R ≥ 4, 3 ≤ F + M ≤ 6; New Customers
    R = 5, F + M = 2; Promising R = 4, F + M = 2; Need Attention R = 3,
    5 ≤ F + M ≤ 6; About To Sleep R = 3, F + M ≤ 4; At Risk R ≤ 2,
    F + M ≥ 5 (not Can't Lose Them); Can't Lose Them R = 1, F + M ≥ 9;
    Hibernating R = 2, 3 ≤ F + M ≤ 4; Lost R = 1, F + M ≤ 4 or R = 2,
    F + M = 2. The grid is also returned by :func:`classic_grid`.

    **cn8** — the Chinese eight-class RFM scheme (RFM 八类客户). Each of R, F,
    M is "high" when the customer is strictly *better* than the mean of the
    raw column over all customers in the table:

    - R high: ``recency`` strictly **below** the mean recency (bought recently);
    - F high: ``frequency`` strictly above the mean frequency;
    - M high: ``monetary`` strictly above the mean monetary.

    A customer exactly at a mean counts as low.

    ======  ======  ======  =================  ======================
    R       F       M       Class              English
    ======  ======  ======  =================  ======================
    high    high    high    重要价值客户       Important value
    high    low     high    重要发展客户       Important development
    low     high    high    重要保持客户       Important retention
    low     low     high    重要挽留客户       Important win-back
    high    high    low     一般价值客户       General value
    high    low     low     一般发展客户       General development
    low     high    low     一般保持客户       General retention
    low     low     low     一般挽留客户       General win-back
    ======  ======  ======  =================  ======================

    Raises
    ------
    ValueError
        Unknown scheme, missing columns, scores outside 1–5 or made with
        ``bins`` other than 5 (classic).

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"R": [5, 1, 3], "F": [5, 5, 3], "M": [4, 5, 3]},
    ...                  index=pd.Index(["A", "B", "C"], name="customer_id"))
    >>> rfm_segments(s)["segment_en"].tolist()
    ['Champions', "Can't Lose Them", 'Need Attention']

    The Chinese scheme on raw values (means: recency 50, frequency 3, monetary 400):

    >>> t = pd.DataFrame({"recency": [5, 120, 25], "frequency": [6, 2, 1],
    ...                   "monetary": [900.0, 100.0, 200.0]},
    ...                  index=pd.Index(["A", "B", "C"], name="customer_id"))
    >>> rfm_segments(t, scheme="cn8")[["R_high", "F_high", "M_high", "segment_zh"]]  # doctest: +NORMALIZE_WHITESPACE
                 R_high  F_high  M_high segment_zh
    customer_id
    A              True    True    True     重要价值客户
    B             False   False   False     一般挽留客户
    C              True   False   False     一般发展客户
    """
    name = "scores"
    v.require_frame(scores, name)
    if scheme not in _SCHEMES:
        raise ValueError(f"scheme must be one of {tuple(_SCHEMES)}, got {scheme!r}")
    v.require_unique_index(scores, name)
    out = scores.copy()
    if scheme == "classic":
        v.require_columns(scores, ["R", "F", "M"], name)
        bins = scores.attrs.get("rfm_bins")
        if bins is not None and bins != 5:
            raise ValueError(
                f"the classic segments need scores from 1 to 5; these were made with bins={bins} "
                "(use rfm_scores(table, bins=5))"
            )
        r = _score_column(scores, "R", 1, 5)
        f = _score_column(scores, "F", 1, 5)
        m = _score_column(scores, "M", 1, 5)
        fm = (f + m + 1) // 2  # = ceil((F + M) / 2)
        keys = pd.Series(
            [_CLASSIC_GRID[a][b - 1] for a, b in zip(fm.to_numpy(), r.to_numpy())],
            index=scores.index,
            dtype=object,
        )
    else:
        v.require_columns(scores, ["recency", "frequency", "monetary"], name)
        rec = v.numeric_column(scores, "recency", name)
        frq = v.numeric_column(scores, "frequency", name)
        mon = v.numeric_column(scores, "monetary", name)
        means = {"recency": rec.mean(), "frequency": frq.mean(), "monetary": mon.mean()}
        r_high = rec < means["recency"]
        f_high = frq > means["frequency"]
        m_high = mon > means["monetary"]
        table = {
            (True, True, True): "important_value",
            (True, False, True): "important_development",
            (False, True, True): "important_retention",
            (False, False, True): "important_winback",
            (True, True, False): "general_value",
            (True, False, False): "general_development",
            (False, True, False): "general_retention",
            (False, False, False): "general_winback",
        }
        keys = pd.Series(
            [table[k] for k in zip(r_high, f_high, m_high)], index=scores.index, dtype=object
        )
        out["R_high"] = r_high.to_numpy()
        out["F_high"] = f_high.to_numpy()
        out["M_high"] = m_high.to_numpy()
        out.attrs["cn8_means"] = {k: float(x) for k, x in means.items()}
    names = _SCHEMES[scheme]
    out["segment"] = _categorical(keys, names, None)
    out["segment_en"] = _categorical(keys, names, 0)
    out["segment_zh"] = _categorical(keys, names, 1)
    out.attrs["segment_scheme"] = scheme
    return out


def value_level(scores, thresholds: tuple[float, float] | None = None) -> pd.DataFrame:
    """High / medium / low customer value (高/中/低价值客户) from ``RFM_sum``.

    Parameters
    ----------
    scores : DataFrame
        Output of :func:`rfm_scores` (column ``RFM_sum``).
    thresholds : (float, float), optional
        ``(low_max, medium_max)``: low when ``RFM_sum ≤ low_max``, high when
        ``RFM_sum > medium_max``, medium in between. Default: the terciles of
        ``RFM_sum`` (``Series.quantile`` at 1/3 and 2/3, linear interpolation),
        so roughly a third of customers per level.

    Returns
    -------
    DataFrame
        A copy of ``scores`` with ``value_level`` (current language),
        ``value_level_en`` and ``value_level_zh``: ordered categoricals
        high → medium → low. ``attrs["value_thresholds"]`` holds the cut points.

    Notes
    -----
    Customers with the same ``RFM_sum`` always get the same level, so with
    many ties the three levels are not exactly equal in size (a level can
    even be empty). ``segment_summary(levels, segment_col="value_level")``
    gives the size, revenue and recommended offer per level.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"RFM_sum": [15, 12, 9, 9, 6, 3]},
    ...                  index=pd.Index(list("ABCDEF"), name="customer_id"))
    >>> value_level(s)["value_level_en"].tolist()
    ['High value', 'High value', 'Medium value', 'Medium value', 'Low value', 'Low value']
    >>> value_level(s, thresholds=(8, 11)).attrs["value_thresholds"]
    (8.0, 11.0)
    """
    name = "scores"
    v.require_frame(scores, name)
    v.require_columns(scores, ["RFM_sum"], name)
    total = v.numeric_column(scores, "RFM_sum", name)
    if thresholds is None:
        low_max, medium_max = float(total.quantile(1 / 3)), float(total.quantile(2 / 3))
    else:
        if not isinstance(thresholds, (tuple, list)) or len(thresholds) != 2:
            raise TypeError(f"thresholds must be a pair (low_max, medium_max), got {thresholds!r}")
        low_max = v.require_in_range(thresholds[0], "thresholds[0] (low_max)")
        medium_max = v.require_in_range(thresholds[1], "thresholds[1] (medium_max)", low=low_max)
    keys = pd.Series(
        np.where(total > medium_max, "high", np.where(total <= low_max, "low", "medium")),
        index=scores.index,
        dtype=object,
    )
    out = scores.copy()
    out["value_level"] = _categorical(keys, VALUE_LEVELS, None)
    out["value_level_en"] = _categorical(keys, VALUE_LEVELS, 0)
    out["value_level_zh"] = _categorical(keys, VALUE_LEVELS, 1)
    out.attrs["value_thresholds"] = (low_max, medium_max)
    return out


def segment_summary(
    segmented,
    segment_col: str = "segment",
    monetary_col: str = "monetary",
) -> pd.DataFrame:
    """Size, revenue, mean RFM and recommended action per segment.

    Parameters
    ----------
    segmented : DataFrame
        One row per customer, e.g. from :func:`rfm_segments` or :func:`value_level`.
    segment_col : str, default "segment"
        Column with the segment (or level) name.
    monetary_col : str, default "monetary"
        Column with each customer's revenue (net monetary).

    Returns
    -------
    DataFrame
        Indexed by segment (scheme order for categorical segments, else by
        revenue, largest first; empty segments are left out), with columns

        - ``customers`` (int) and ``customer_share`` (0–1);
        - ``revenue`` (sum of ``monetary_col``) and ``revenue_share`` (0–1);
        - ``recency_mean``, ``frequency_mean``, ``monetary_mean``: means of
          the raw columns that are present;
        - ``R_mean``, ``F_mean``, ``M_mean``: mean scores, when present;
        - ``action``: recommended action in the current language (empty for
          a segment name the kit does not know).

    Examples
    --------
    >>> import pandas as pd
    >>> seg = pd.DataFrame({"segment": ["Champions", "Lost", "Champions", "Lost"],
    ...                     "monetary": [600.0, 50.0, 300.0, 50.0]},
    ...                    index=pd.Index(list("ABCD"), name="customer_id"))
    >>> summary = segment_summary(seg)
    >>> summary[["customers", "customer_share", "revenue", "revenue_share"]]  # doctest: +NORMALIZE_WHITESPACE
               customers  customer_share  revenue  revenue_share
    segment
    Champions          2             0.5    900.0            0.9
    Lost               2             0.5    100.0            0.1
    >>> summary.loc["Champions", "action"]
    'Reward, ask for referrals, early access'
    """
    name = "segmented"
    v.require_frame(segmented, name)
    v.require_columns(segmented, [segment_col, monetary_col], name)
    v.require_no_missing(segmented, segment_col, name)
    revenue = v.numeric_column(segmented, monetary_col, name)
    work = pd.DataFrame({"segment": segmented[segment_col], "revenue": revenue})
    means = {}
    for col in ("recency", "frequency", "monetary", "R", "F", "M"):
        if col in segmented.columns:
            work[col] = v.numeric_column(segmented, col, name)
            means[col] = f"{col}_mean"
    grouped = work.groupby("segment", sort=True, observed=True)
    out = pd.DataFrame({"customers": grouped.size().astype("int64")})
    out["customer_share"] = out["customers"] / len(work)
    out["revenue"] = grouped["revenue"].sum()
    total = work["revenue"].sum()
    out["revenue_share"] = out["revenue"] / total if total != 0 else np.nan
    for col, mean_name in means.items():
        out[mean_name] = grouped[col].mean()
    if not isinstance(work["segment"].dtype, pd.CategoricalDtype):
        out = out.sort_values("revenue", ascending=False, kind="stable")
    lookup = _label_lookup()
    out["action"] = [
        tr(*ACTIONS[lookup[str(s)]]) if str(s) in lookup else "" for s in out.index
    ]
    out.index = pd.Index(out.index.astype(object), name=segment_col)
    return out


# --------------------------------------------------------------------------------------
# Charts
# --------------------------------------------------------------------------------------
def plot_segments(summary, ax=None):
    """Horizontal bars: share of customers vs share of revenue per segment.

    Parameters
    ----------
    summary : DataFrame
        Output of :func:`segment_summary` (``customer_share``, ``revenue_share``).
    ax : matplotlib Axes, optional
        Axes to draw on (default: a new one).

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> summary = pd.DataFrame({"customer_share": [0.2, 0.8], "revenue_share": [0.7, 0.3]},
    ...                        index=pd.Index(["Champions", "Lost"], name="segment"))
    >>> ax = plot_segments(summary)
    >>> ax.get_xlabel()
    'Share (%)'
    """
    name = "summary"
    v.require_frame(summary, name)
    v.require_columns(summary, ["customer_share", "revenue_share"], name)
    cust = v.numeric_column(summary, "customer_share", name, allow_negative=False) * 100
    rev = v.numeric_column(summary, "revenue_share", name, allow_missing=True) * 100
    if ax is None:
        _, ax = new_axes()
    pos = np.arange(len(summary))
    height = 0.4
    ax.barh(pos - height / 2, cust.to_numpy(), height, label=tr("Customers", "客户数"), color="#1f5aa6")
    ax.barh(pos + height / 2, rev.to_numpy(), height, label=tr("Revenue", "收入"), color="#e07b39")
    ax.set_yticks(pos, [str(s) for s in summary.index])
    ax.invert_yaxis()  # first segment on top
    return finish(
        ax,
        tr("Share of customers and revenue by segment", "各细分的客户占比与收入占比"),
        tr("Share (%)", "占比 (%)"),
        tr("Segment", "客户细分"),
    )


def plot_rfm_heatmap(scores, ax=None, monetary_col: str = "monetary", currency: str = "CNY"):
    """Heatmap of mean monetary value for every R × F score pair.

    Parameters
    ----------
    scores : DataFrame
        Output of :func:`rfm_scores` (columns ``R``, ``F`` and ``monetary_col``).
    ax : matplotlib Axes, optional
        Axes to draw on (default: a new one).
    monetary_col : str, default "monetary"
        Column averaged in each cell.
    currency : str, default "CNY"
        Unit shown on the colour bar.

    Returns
    -------
    Axes
        Rows R (best, 5, at the top), columns F; empty cells are blank.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> s = pd.DataFrame({"R": [1, 2, 2], "F": [1, 1, 2], "monetary": [10.0, 30.0, 50.0]})
    >>> plot_rfm_heatmap(s).get_ylabel()
    'Recency score R (1 = longest ago)'
    """
    import seaborn as sns

    name = "scores"
    v.require_frame(scores, name)
    v.require_columns(scores, ["R", "F", monetary_col], name)
    r = v.numeric_column(scores, "R", name).astype("int64")
    f = v.numeric_column(scores, "F", name).astype("int64")
    mon = v.numeric_column(scores, monetary_col, name)
    grid = pd.DataFrame({"R": r.to_numpy(), "F": f.to_numpy(), "m": mon.to_numpy()}).pivot_table(
        index="R", columns="F", values="m", aggfunc="mean"
    )
    top = int(max(r.max(), f.max(), scores.attrs.get("rfm_bins", 0)))
    grid = grid.reindex(index=range(top, 0, -1), columns=range(1, top + 1))
    if ax is None:
        _, ax = new_axes(figsize=(7, 5.5))
    sns.heatmap(
        grid,
        ax=ax,
        annot=True,
        fmt=",.0f",
        cmap="Blues",
        cbar_kws={"label": tr(f"Mean monetary ({currency})", f"平均消费金额 ({currency})")},
    )
    return finish(
        ax,
        tr("Mean monetary value by R and F score", "按 R、F 得分的平均消费金额"),
        tr("Frequency score F (1 = fewest purchases)", "频率得分 F（1 = 购买最少）"),
        tr("Recency score R (1 = longest ago)", "最近度得分 R（1 = 最久未购买）"),
    )
