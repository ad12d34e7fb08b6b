"""RFM segments: the classic 11 segments, the Chinese eight classes, value levels, summaries.

Results hold stable keys (``"champions"``, ``"important_winback"``, ``"high"``)
as ordered categoricals, the same in every language. Names in the reader's
language come from :func:`display_names` (used by :func:`segment_summary` and
the charts); the name tables are the ``{key: (English, Chinese)}`` dicts below.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from .scores import _ASCENDING, _RAW, _check_bins, _score

__all__ = [
    "ACTIONS",
    "CLASSIC_SEGMENTS",
    "CN8_SEGMENTS",
    "VALUE_LEVELS",
    "classic_grid",
    "cn8_means",
    "display_names",
    "rfm_segments",
    "segment_summary",
    "value_level",
    "value_thresholds",
]

CLASSIC_SEGMENTS: dict[str, str] = i18n.define_names(
    "rfm_segment",
    column="segment",
    english={
        "champions": "Champions",
        "loyal": "Loyal Customers",
        "potential_loyalist": "Potential Loyalist",
        "new_customers": "New Customers",
        "promising": "Promising",
        "need_attention": "Need Attention",
        "about_to_sleep": "About To Go Dormant",
        "at_risk": "Slipping Regulars",
        "cant_lose": "Can't Lose Them",
        "hibernating": "Cooling Off",
        "lost": "Gone Cold",
    },
)
"""The 11 classic segments in display order, ``key -> (English, Chinese)``."""

CN8_SEGMENTS: dict[str, str] = i18n.define_names(
    "rfm_cn8_class",
    column="segment",
    english={
        "important_value": "Important value",
        "important_development": "Important development",
        "important_retention": "Important retention",
        "important_winback": "Important win-back",
        "general_value": "General value",
        "general_development": "General development",
        "general_retention": "General retention",
        "general_winback": "General win-back",
    },
)
"""The Chinese eight-class scheme in display order, ``key -> (English, Chinese)``."""

VALUE_LEVELS: dict[str, str] = i18n.define_names(
    "value_level",
    column="value_level",
    english={
        "high": "High value",
        "medium": "Medium value",
        "low": "Low value",
    },
)
"""The three value levels of :func:`value_level`, ``key -> (English, Chinese)``."""

ACTIONS: dict[str, str] = i18n.define_names(
    "rfm_action",
    column="action",
    english={
        "champions": "Reward, ask for referrals, early access",
        "loyal": "Upsell higher-value products, ask for reviews",
        "potential_loyalist": "Offer membership or a loyalty programme, recommend related products",
        "new_customers": "Onboard well: early support, build the relationship",
        "promising": "Build awareness, offer trials or samples",
        "need_attention": "Limited-time offers, recommendations based on past purchases",
        "about_to_sleep": "Reconnect: useful content, popular products at a discount",
        "at_risk": "Personalised re-engagement, renewal and repeat-order offers",
        "cant_lose": "Win them back personally: call, show newer products, keep them from competitors",
        "hibernating": "Relevant products and special discounts at low cost",
        "lost": "Low-cost reactivation campaign, otherwise no further spend",
        "important_value": "Keep and deepen: VIP service, dedicated account manager",
        "important_development": "Raise purchase frequency: loyalty programme, cross-selling",
        "important_retention": "Contact proactively and find out why they have not bought recently",
        "important_winback": "Win back with a personal call and a targeted offer",
        "general_value": "Upsell: bundles and higher-value products",
        "general_development": "Nurture towards a repeat purchase with a starter offer",
        "general_retention": "Low-cost reminders (e-mail, WeChat)",
        "general_winback": "Low-cost reactivation or no further spend",
        "high": "Differentiated VIP offer: dedicated service, priority delivery, volume rebates",
        "medium": "Regular follow-up visits, plus growth offers: bundles, cross-selling",
        "low": "Coupons through low-cost channels (WeChat, e-mail, SMS)",
    },
)
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

# The kinds of key this package returns (their names are in the catalog).
_KINDS = ("rfm_segment", "rfm_cn8_class", "value_level")

# cn8: (R high, F high, M high) -> key
_CN8_CLASSES = {
    (True, True, True): "important_value",
    (True, False, True): "important_development",
    (False, True, True): "important_retention",
    (False, False, True): "important_winback",
    (True, True, False): "general_value",
    (True, False, False): "general_development",
    (False, True, False): "general_retention",
    (False, False, False): "general_winback",
}


def _keys(keys, names: dict[str, str], index) -> pd.Series:
    """Keys as an ordered categorical in the order of ``names`` (best first)."""
    dtype = pd.CategoricalDtype(list(names), ordered=True)
    return pd.Series(pd.Categorical(keys, dtype=dtype), index=index)


def display_names(keys):
    """Names in the current language for RFM segment / class / level keys.

    The one function that turns the keys held by :func:`rfm_segments` and
    :func:`value_level` into names for a reader (:func:`coursekit.use`);
    :func:`segment_summary` and the charts use it.

    Parameters
    ----------
    keys : Series, Index or str
        Keys such as ``"champions"``. Other values are left as they are.

    Returns
    -------
    Series, Index or str
        The same kind of object; an ordered categorical keeps its order.

    Examples
    --------
    >>> import pandas as pd
    >>> from coursekit import i18n
    >>> display_names(pd.Series(["cant_lose", "important_winback", "high"])).tolist()
    ["Can't Lose Them", 'Important win-back', 'High value']
    >>> i18n.use("zh")
    >>> display_names("cant_lose")
    '重点召回客户'
    >>> i18n.use("en")
    """
    return i18n.display(keys, _KINDS)


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
    2    Slipping Regulars
    3    Loyal Customers
    4    Loyal Customers
    5          Champions
    Name: 5, dtype: object
    """
    if lang not in (None, "en", "zh"):
        raise ValueError(f"lang must be 'en', 'zh' or None, got {lang!r}")
    with i18n.language(lang or i18n.get_language()):
        names = i18n.names("rfm_segment")
    rows = {fm: [names[k] for k in keys] for fm, keys in _CLASSIC_GRID.items()}
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


def _score_column(scores: pd.DataFrame, col: str, low: int, high: int) -> pd.Series:
    values = v.numeric_column(scores, col, "scores")
    bad = (values < low) | (values > high) | (values != np.round(values))
    if bad.any():
        raise ValueError(
            f"scores column {col!r} must hold whole scores from {low} to {high}; "
            f"{int(bad.sum())} value(s) do not, e.g. {values[bad].iloc[0]:g}"
        )
    return values.astype("int64")


def _check_classic_bins(scores: pd.DataFrame, given: dict[str, pd.Series], bins: int) -> None:
    """Catch scores made with fewer bins: they also lie within 1 … 5.

    Nothing records ``bins`` on the scores (no ``attrs``). When the raw columns
    are present, the scores ``rfm_scores(table, bins)`` would give are known;
    if none of R, F, M reaches the top that those raw values give, the scores
    were made with fewer bins. Scores that match ``rfm_scores`` always pass.
    """
    if not set(_RAW.values()) <= set(scores.columns):
        return
    reached, possible = {}, {}
    for letter, col in _RAW.items():
        raw = v.numeric_column(scores, col, "scores", allow_negative=letter == "M")
        reached[letter] = int(given[letter].max())
        possible[letter] = int(_score(raw, bins, ascending=_ASCENDING[letter]).max())
    if all(reached[k] < possible[k] for k in _RAW):
        top = max(reached.values())
        raise ValueError(
            f"the classic segments need scores from 1 to {bins}, but R, F and M reach at most {top} "
            f"where their raw values would reach {max(possible.values())}: these scores look like "
            f"rfm_scores(table, bins={top}); use rfm_scores(table, bins={bins})"
        )


def cn8_means(table) -> pd.Series:
    """The means that split the Chinese eight classes: recency, frequency, monetary.

    Parameters
    ----------
    table : DataFrame
        Columns ``recency``, ``frequency``, ``monetary`` (output of
        :func:`rfm_table`, :func:`rfm_scores` or :func:`rfm_segments`).

    Returns
    -------
    Series
        Index ``recency``, ``frequency``, ``monetary``, name ``"mean"``.
        In :func:`rfm_segments` (``scheme="cn8"``) R is high below the mean
        recency, F and M above their means.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"recency": [5, 120, 25], "frequency": [6, 2, 1],
    ...                   "monetary": [900.0, 100.0, 200.0]})
    >>> cn8_means(t).to_dict()
    {'recency': 50.0, 'frequency': 3.0, 'monetary': 400.0}
    """
    return _means(table, "table")


def _means(df, name: str) -> pd.Series:
    v.require_frame(df, name)
    v.require_columns(df, list(_RAW.values()), name)
    means = {col: float(v.numeric_column(df, col, name).mean()) for col in _RAW.values()}
    return pd.Series(means, name="mean")


def rfm_segments(scores, scheme: str = "classic", bins: int = 5) -> pd.DataFrame:
    """Segment every customer: the classic 11 segments or the Chinese 8 classes.

    Parameters
    ----------
    scores : DataFrame
        ``"classic"``: output of :func:`rfm_scores` with ``bins=5`` (columns
        ``R``, ``F``, ``M``). ``"cn8"``: any table with the raw columns
        ``recency``, ``frequency``, ``monetary`` (output of :func:`rfm_table`
        or :func:`rfm_scores`).
    scheme : {"classic", "cn8"}
        Which segment scheme to apply.
    bins : int, default 5
        The ``bins`` the scores were made with. The classic grid is defined
        for 5 only; any other value is refused. ``"cn8"`` uses the raw values
        and ignores it.

    Returns
    -------
    DataFrame
        A copy of ``scores`` with the column ``segment``: the segment **key**
        (``"champions"``, ``"important_winback"`` …) as an ordered
        categorical in the scheme's display order (the order of
        :data:`CLASSIC_SEGMENTS` / :data:`CN8_SEGMENTS`, best first), the same
        in every language. :func:`display_names` gives the names.
        ``"cn8"`` also adds the booleans ``R_high``, ``F_high``, ``M_high``;
        the means behind them are :func:`cn8_means`.

    Notes
    -----
    **classic** — the R × FM grid of the public RFM guides (11 segments). R
    is the recency score; FM is the average of the F and M scores, put on the
    1–5 grid as ``FM = ceil((F + M) / 2)`` (the guides give the ranges as
    intervals such as "FM 4–5", read as 4 < FM ≤ 5, so 4.5 belongs to row 5).
    Every one of the 125 combinations of R, F, M in 1–5 falls in exactly one
    cell:

    ======  =================  =================  ===================  ==================  ==================
    FM \\ R  1                  2                  3                    4                   5
    ======  =================  =================  ===================  ==================  ==================
    5       Can't Lose Them    Slipping Regulars  Loyal Customers      Loyal Customers     Champions
    4       Slipping Regulars  Slipping Regulars  Loyal Customers      Loyal Customers     Loyal Customers
    3       Slipping Regulars  Slipping Regulars  Need Attention       Potential Loyalist  Potential Loyalist
    2       Gone Cold          Cooling Off        About To Go Dormant  Potential Loyalist  Potential Loyalist
    1       Gone Cold          Gone Cold          About To Go Dormant  Promising           New Customers
    ======  =================  =================  ===================  ==================  ==================

    As rules: Champions R = 5, F + M ≥ 9; Loyal Customers R ≥ 3, F + M ≥ 7
    (not Champions); Potential Loyalist R ≥ 4, 3 ≤ F + M ≤ 6; New Customers
    R = 5, F + M = 2; Promising R = 4, F + M = 2; Need Attention R = 3,
    5 ≤ F + M ≤ 6; About To Go Dormant R = 3, F + M ≤ 4; Slipping Regulars R ≤ 2,
    F + M ≥ 5 (not Can't Lose Them); Can't Lose Them R = 1, F + M ≥ 9;
    Cooling Off R = 2, 3 ≤ F + M ≤ 4; Gone Cold R = 1, F + M ≤ 4 or R = 2,
    F + M = 2. The grid is also returned by :func:`classic_grid`.

    **cn8** — the Chinese eight-class RFM scheme (RFM 八类客户). Each of R, F,
    M is "high" when the customer is strictly *better* than the mean of the
    raw column over all customers in the table (:func:`cn8_means`):

    - R high: ``recency`` strictly **below** the mean recency (bought recently);
    - F high: ``frequency`` strictly above the mean frequency;
    - M high: ``monetary`` strictly above the mean monetary.

    A customer exactly at a mean counts as low.

    ======  ======  ======  =================  =====================
    R       F       M       Class              Key
    ======  ======  ======  =================  =====================
    high    high    high    重要价值客户       important_value
    high    low     high    重要发展客户       important_development
    low     high    high    重要保持客户       important_retention
    low     low     high    重要挽留客户       important_winback
    high    high    low     一般价值客户       general_value
    high    low     low     一般发展客户       general_development
    low     high    low     一般保持客户       general_retention
    low     low     low     一般挽留客户       general_winback
    ======  ======  ======  =================  =====================

    Raises
    ------
    ValueError
        Unknown scheme, missing columns, scores outside 1 … ``bins``,
        ``bins`` other than 5 with the classic scheme, or (classic, raw
        columns present) scores that were made with fewer bins.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"R": [5, 1, 3], "F": [5, 5, 3], "M": [4, 5, 3]},
    ...                  index=pd.Index(["A", "B", "C"], name="customer_id"))
    >>> rfm_segments(s)["segment"].tolist()
    ['champions', 'cant_lose', 'need_attention']

    The Chinese scheme on raw values (means: recency 50, frequency 3, monetary 400):

    >>> t = pd.DataFrame({"recency": [5, 120, 25], "frequency": [6, 2, 1],
    ...                   "monetary": [900.0, 100.0, 200.0]},
    ...                  index=pd.Index(["A", "B", "C"], name="customer_id"))
    >>> rfm_segments(t, scheme="cn8")[["R_high", "F_high", "M_high", "segment"]]  # doctest: +NORMALIZE_WHITESPACE
                 R_high  F_high  M_high              segment
    customer_id
    A              True    True    True      important_value
    B             False   False   False      general_winback
    C              True   False   False  general_development
    """
    name = "scores"
    v.require_frame(scores, name)
    if scheme not in _SCHEMES:
        raise ValueError(f"scheme must be one of {tuple(_SCHEMES)}, got {scheme!r}")
    bins = _check_bins(bins)
    v.require_unique_index(scores, name)
    out = scores.copy()
    if scheme == "classic":
        if bins != 5:
            raise ValueError(
                f"the classic segments are defined on scores from 1 to 5, got bins={bins} "
                "(use rfm_scores(table, bins=5))"
            )
        v.require_columns(scores, ["R", "F", "M"], name)
        given = {letter: _score_column(scores, letter, 1, bins) for letter in ("R", "F", "M")}
        _check_classic_bins(scores, given, bins)
        fm = (given["F"] + given["M"] + 1) // 2  # = ceil((F + M) / 2)
        keys = [_CLASSIC_GRID[a][b - 1] for a, b in zip(fm.to_numpy(), given["R"].to_numpy())]
    else:
        means = _means(scores, name)
        r_high = v.numeric_column(scores, "recency", name) < means["recency"]
        f_high = v.numeric_column(scores, "frequency", name) > means["frequency"]
        m_high = v.numeric_column(scores, "monetary", name) > means["monetary"]
        keys = [_CN8_CLASSES[k] for k in zip(r_high, f_high, m_high)]
        out["R_high"] = r_high.to_numpy()
        out["F_high"] = f_high.to_numpy()
        out["M_high"] = m_high.to_numpy()
    out["segment"] = _keys(keys, _SCHEMES[scheme], scores.index)
    return out


def value_thresholds(scores) -> tuple[float, float]:
    """Default cut points of :func:`value_level`: the terciles of ``RFM_sum``.

    Parameters
    ----------
    scores : DataFrame
        Output of :func:`rfm_scores` (column ``RFM_sum``).

    Returns
    -------
    (float, float)
        ``(low_max, medium_max)``: ``Series.quantile`` at 1/3 and 2/3 (linear
        interpolation).

    Examples
    --------
    >>> import pandas as pd
    >>> value_thresholds(pd.DataFrame({"RFM_sum": [15, 12, 9, 9, 6, 3]}))
    (8.0, 10.0)
    """
    name = "scores"
    v.require_frame(scores, name)
    v.require_columns(scores, ["RFM_sum"], name)
    total = v.numeric_column(scores, "RFM_sum", name)
    return float(total.quantile(1 / 3)), float(total.quantile(2 / 3))


def value_level(scores, thresholds: tuple[float, float] | None = None) -> pd.DataFrame:
    """High / medium / low customer value (高/中/低价值客户) from ``RFM_sum``.

    Parameters
    ----------
    scores : DataFrame
        Output of :func:`rfm_scores` (column ``RFM_sum``).
    thresholds : (float, float), optional
        ``(low_max, medium_max)``: low when ``RFM_sum ≤ low_max``, high when
        ``RFM_sum > medium_max``, medium in between. Default:
        :func:`value_thresholds`, the terciles of ``RFM_sum``, so roughly a
        third of customers per level.

    Returns
    -------
    DataFrame
        A copy of ``scores`` with ``value_level``: the key ``"high"``,
        ``"medium"`` or ``"low"`` as an ordered categorical (high first), the
        same in every language; :func:`display_names` gives the names.

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
    >>> value_level(s)["value_level"].tolist()
    ['high', 'high', 'medium', 'medium', 'low', 'low']
    >>> value_level(s, thresholds=(8, 11))["value_level"].tolist()
    ['high', 'high', 'medium', 'medium', 'low', 'low']
    """
    name = "scores"
    v.require_frame(scores, name)
    v.require_columns(scores, ["RFM_sum"], name)
    total = v.numeric_column(scores, "RFM_sum", name)
    if thresholds is None:
        low_max, medium_max = value_thresholds(scores)
    else:
        if not isinstance(thresholds, (tuple, list)) or len(thresholds) != 2:
            raise TypeError(f"thresholds must be a pair (low_max, medium_max), got {thresholds!r}")
        low_max = v.require_in_range(thresholds[0], "thresholds[0] (low_max)")
        medium_max = v.require_in_range(thresholds[1], "thresholds[1] (medium_max)", low=low_max)
    keys = np.where(total > medium_max, "high", np.where(total <= low_max, "low", "medium"))
    out = scores.copy()
    out["value_level"] = _keys(keys, VALUE_LEVELS, scores.index)
    return out


def segment_summary(
    segmented,
    *,
    segment_col: str = "segment",
    monetary_col: str = "monetary",
) -> pd.DataFrame:
    """Size, revenue, mean RFM and recommended action per segment (show it with ``coursekit.display``).

    Parameters
    ----------
    segmented : DataFrame
        One row per customer, e.g. from :func:`rfm_segments` or :func:`value_level`.
    segment_col : str, default "segment"
        Column with the segment (or level) key.
    monetary_col : str, default "monetary"
        Column with each customer's revenue (net monetary).

    Returns
    -------
    DataFrame
        Indexed by the segment key (the same in every language), in scheme order
        for categorical segments, else by revenue, largest first; empty segments
        are left out. Columns

        - ``customers`` (int) and ``customer_share`` (0–1);
        - ``revenue`` (sum of ``monetary_col``) and ``revenue_share`` (0–1);
        - ``recency_mean``, ``frequency_mean``, ``monetary_mean``: means of
          the raw columns that are present;
        - ``R_mean``, ``F_mean``, ``M_mean``: mean scores, when present;
        - ``action``: the recommended action, as a key of kind ``rfm_action``
          (missing for a segment the kit does not know); ``coursekit.display``
          shows its text.

    Examples
    --------
    >>> import pandas as pd
    >>> seg = pd.DataFrame({"segment": ["champions", "lost", "champions", "lost"],
    ...                     "monetary": [600.0, 50.0, 300.0, 50.0]},
    ...                    index=pd.Index(list("ABCD"), name="customer_id"))
    >>> summary = segment_summary(seg)
    >>> summary[["customers", "customer_share", "revenue", "revenue_share"]]  # doctest: +NORMALIZE_WHITESPACE
               customers  customer_share  revenue  revenue_share
    segment
    champions          2             0.5    900.0            0.9
    lost               2             0.5    100.0            0.1
    >>> from coursekit import display
    >>> display(summary).loc["Champions", "action"]
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
    keys = out.index.astype(object)
    # the action of a segment is a key too (the segment's key, of kind rfm_action), so that
    # coursekit.display shows it as text in the reader's language
    out["action"] = pd.Categorical([k if k in ACTIONS else None for k in keys], categories=list(ACTIONS))
    out.index.name = segment_col
    return out
