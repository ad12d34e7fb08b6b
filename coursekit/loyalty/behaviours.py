"""Loyalty behaviours, types and dimensions (客户忠诚度): seeds 000 and 002."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = [
    "BEHAVIOUR_NAMES",
    "DIMENSION_NAMES",
    "LOYALTY_TYPE_NAMES",
    "loyalty_behaviours",
    "loyalty_dimensions",
    "loyalty_score",
    "loyalty_types",
]

#: The five loyalty behaviours of seed 000 (客户忠诚度评估), in the seed's order.
BEHAVIOUR_NAMES = i18n.define_names(
    "loyalty_behaviour",
    {
        "repurchase": "Keeps buying",
        "referrals": "Refers valuable customers",
        "sharing": "Shares resources",
        "suggestion": "Makes valuable suggestions",
        "advocacy": "Defends the company's image",
    },
)
#: The four loyalty types of seed 002: attitude (high/low) x repeat behaviour (high/low).
LOYALTY_TYPE_NAMES = i18n.define_names(
    "loyalty_type",
    {"ideal": "Ideal loyalty", "latent": "Latent loyalty", "spurious": "Spurious loyalty", "none": "No loyalty"},
    column="loyalty_type",
)
#: The four dimensions of loyalty of seed 002, first stage first.
DIMENSION_NAMES = i18n.define_names(
    "loyalty_dimension",
    {"cognitive": "Cognitive", "affective": "Affective", "conative": "Conative", "behavioural": "Behavioural"},
)

#: Engagement signals that count as each behaviour (engagement.csv, column ``signal``).
SIGNALS = {
    "sharing": ("resource_sharing", "co_development"),
    "suggestion": ("suggestion",),
    "advocacy": ("public_recommendation", "brand_defence"),
}


def _quarters_bought(orders: pd.DataFrame, end: pd.Timestamp, quarters: int) -> pd.Series:
    from ..transactions.log import purchase_log

    log = purchase_log(orders, end)
    dates = pd.DatetimeIndex(log.dates())
    q = pd.PeriodIndex(dates, freq="Q")
    last = end.to_period("Q")
    if last.end_time.normalize() > end:
        last = last - 1
    keep = (q > last - quarters) & (q <= last)
    pairs = pd.DataFrame({"customer": np.asarray(log.ids)[log.customer][keep], "q": q[keep]}).drop_duplicates()
    counts = pairs.groupby("customer").size()
    return (counts.reindex(pd.Index(log.ids)).fillna(0) / quarters).rename("repurchase")


def loyalty_behaviours(
    orders: pd.DataFrame,
    end,
    *,
    referrals: pd.DataFrame | None = None,
    engagement: pd.DataFrame | None = None,
    quarters: int = 4,
) -> pd.DataFrame:
    """The five loyalty behaviours of seed 000 per customer (客户忠诚度评估的五种行为).

    - ``repurchase`` (持续购买): share of the last ``quarters`` complete calendar quarters up
      to ``end`` with a purchase (0 to 1);
    - ``referrals`` (转介绍有价值客户): customers this one referred (``referrals``, relation
      ``referred``) that bought in those quarters;
    - ``sharing`` (开放资源共享): ``resource_sharing`` and ``co_development`` signals;
    - ``suggestion`` (提出有价值建议): ``suggestion`` signals;
    - ``advocacy`` (维护公司形象): ``public_recommendation`` and ``brand_defence`` signals.

    Engagement signals are counted over the same quarters.

    Parameters
    ----------
    orders : DataFrame
        Order lines (customer_id, date, amount; returns netted by the transactions layer).
    end : date-like
        Observation end, inclusive.
    referrals : DataFrame, optional
        Links ``source_id``, ``target_id``, ``relation``; without it ``referrals`` is 0.
    engagement : DataFrame, optional
        Events ``customer_id``, ``date``, ``signal``; without it the three signal counts are 0.
    quarters : int, default 4
        Complete calendar quarters looked at.

    Returns
    -------
    DataFrame
        Indexed by customer id (every customer with a purchase up to ``end``), one column per
        behaviour: ``repurchase`` (share) and four counts.

    Examples
    --------
    >>> import pandas as pd, warnings
    >>> orders = pd.DataFrame({"customer_id": ["A", "A", "B"], "amount": [1.0, 1.0, 1.0],
    ...                        "date": ["2025-02-01", "2025-11-01", "2025-05-05"]})
    >>> links = pd.DataFrame({"source_id": ["A"], "target_id": ["B"], "relation": ["referred"]})
    >>> events = pd.DataFrame({"customer_id": ["B"], "date": ["2025-06-01"], "signal": ["suggestion"]})
    >>> loyalty_behaviours(orders, "2025-12-31", referrals=links, engagement=events)  # doctest: +NORMALIZE_WHITESPACE
                 repurchase  referrals  sharing  suggestion  advocacy
    customer_id
    A                  0.50          1        0           0         0
    B                  0.25          0        0           1         0
    """
    v.require_frame(orders, "orders")
    end = v.as_timestamp(end)
    if isinstance(quarters, bool) or not isinstance(quarters, (int, np.integer)) or quarters < 1:
        raise ValueError(f"quarters must be a whole number of quarters, 1 or more, got {quarters!r}")
    out = _quarters_bought(orders, end, int(quarters)).to_frame()
    out.index.name = "customer_id"
    last = end.to_period("Q")
    if last.end_time.normalize() > end:
        last = last - 1
    start = (last - int(quarters) + 1).start_time
    stop = last.end_time.normalize()
    out["referrals"] = 0
    if referrals is not None:
        v.require_frame(referrals, "referrals", allow_empty=True)
        v.require_columns(referrals, ["source_id", "target_id", "relation"], "referrals")
        links = referrals[referrals["relation"] == "referred"]
        bought = set(out.index[out["repurchase"] > 0])
        links = links[links["target_id"].isin(bought)]
        out["referrals"] = links.groupby("source_id").size().reindex(out.index).fillna(0).astype("int64")
    for key in SIGNALS:
        out[key] = 0
    if engagement is not None:
        v.require_frame(engagement, "engagement", allow_empty=True)
        v.require_columns(engagement, ["customer_id", "date", "signal"], "engagement")
        dates = v.date_column(engagement, "date", "engagement")
        inside = engagement[(dates >= start) & (dates <= stop)]
        for key, signals in SIGNALS.items():
            hits = inside[inside["signal"].isin(signals)]
            out[key] = hits.groupby("customer_id").size().reindex(out.index).fillna(0).astype("int64")
    return out


def loyalty_score(table: pd.DataFrame, weights: dict | None = None) -> pd.Series:
    """Loyalty score 0-100 (忠诚度得分): weighted share of the five behaviours shown.

    ``repurchase`` counts with its share (0 to 1); each other behaviour counts 1 when shown
    at least once, else 0. Score = 100 x sum(weight x value) / sum(weights).

    Parameters
    ----------
    table : DataFrame
        :func:`loyalty_behaviours` result (the five behaviour columns).
    weights : dict, optional
        Weight per behaviour key; default equal weights. Non-negative, not all zero.

    Returns
    -------
    Series
        ``loyalty_score`` per customer, 0 to 100.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"repurchase": [1.0, 0.5], "referrals": [2, 0], "sharing": [0, 0],
    ...                   "suggestion": [1, 0], "advocacy": [0, 0]}, index=["A", "B"])
    >>> loyalty_score(t).tolist()
    [60.0, 10.0]
    >>> loyalty_score(t, weights={"repurchase": 3, "referrals": 1, "sharing": 0,
    ...                           "suggestion": 1, "advocacy": 0}).tolist()
    [100.0, 30.0]
    """
    v.require_frame(table, "table")
    keys = list(BEHAVIOUR_NAMES)
    v.require_columns(table, keys, "table")
    w = pd.Series(1.0, index=keys) if weights is None else pd.Series(weights, dtype=float)
    if set(w.index) != set(keys) or (w < 0).any() or w.sum() <= 0 or w.isna().any():
        raise ValueError(f"weights must give a non-negative number for each of {keys}, not all zero, got {weights!r}")
    values = pd.DataFrame(index=table.index)
    values["repurchase"] = table["repurchase"].astype(float).clip(0, 1)
    for key in keys[1:]:
        values[key] = (table[key] > 0).astype(float)
    score = values[keys].to_numpy() @ w[keys].to_numpy() / w.sum() * 100
    return pd.Series(np.round(score, 6), index=table.index, name="loyalty_score")


def loyalty_types(
    table: pd.DataFrame,
    *,
    attitude_col: str = "nps_score",
    repeat_col: str = "repurchase",
    attitude_cut: float = 9,
    repeat_cut: float = 0.75,
) -> pd.DataFrame:
    """The four loyalty types of seed 002 (理想、潜在、虚假、缺乏忠诚): attitude x repeat behaviour.

    High attitude = ``attitude_col >= attitude_cut``; high repeat = ``repeat_col >= repeat_cut``.
    ideal = high and high; latent = high attitude, low repeat; spurious = low attitude, high
    repeat; none = low and low. Rows without an attitude are left out (noted).

    Parameters
    ----------
    table : DataFrame
        One row per customer with an attitude and a repeat-behaviour column.
    attitude_col, repeat_col : str
        Column names (default: latest NPS answer 0-10, share of quarters with a purchase).
    attitude_cut, repeat_cut : float
        Lowest value that counts as high (default: NPS 9, a promoter; 3 of 4 quarters).

    Returns
    -------
    DataFrame
        The table with ``high_attitude``, ``high_repeat`` (bool) and ``loyalty_type`` (ordered
        categorical of ideal, latent, spurious, none).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"nps_score": [10, 9, 5, 3], "repurchase": [1.0, 0.25, 0.75, 0.0]},
    ...                  index=list("ABCD"))
    >>> loyalty_types(t)["loyalty_type"].tolist()
    ['ideal', 'latent', 'spurious', 'none']
    """
    v.require_frame(table, "table")
    v.require_columns(table, [attitude_col, repeat_col], "table")
    out = table.copy()
    missing = out[attitude_col].isna() | out[repeat_col].isna()
    if missing.any():
        v.note(i18n._("{n} customer(s) without an attitude or repeat value left out", n=int(missing.sum())))
        out = out[~missing].copy()
    out["high_attitude"] = out[attitude_col].astype(float) >= attitude_cut
    out["high_repeat"] = out[repeat_col].astype(float) >= repeat_cut
    keys = np.select(
        [out["high_attitude"] & out["high_repeat"], out["high_attitude"], out["high_repeat"]],
        ["ideal", "latent", "spurious"],
        default="none",
    )
    out["loyalty_type"] = pd.Categorical(keys, categories=list(LOYALTY_TYPE_NAMES), ordered=True)
    return out


def loyalty_dimensions(
    survey: pd.DataFrame, behaviours: pd.DataFrame | None = None, *, groups: pd.Series | None = None
) -> pd.DataFrame:
    """The four dimensions of loyalty (认知、情感、意向、行为忠诚), each on 0-100.

    - cognitive (认知): mean of the ``perf_*`` perceptions (1-10), as (x - 1) / 9 x 100;
    - affective (情感): ``overall_satisfaction`` (1-10), as (x - 1) / 9 x 100;
    - conative (意向): ``repurchase_intent`` (1-5), as (x - 1) / 4 x 100;
    - behavioural (行为): ``repurchase`` (0-1, :func:`loyalty_behaviours`) x 100.

    Parameters
    ----------
    survey : DataFrame
        Survey answers. With a ``customer_id`` column the latest answer per customer (by
        ``survey_date``) is used; otherwise one row per customer, indexed by customer id.
    behaviours : DataFrame, optional
        :func:`loyalty_behaviours` result; else ``survey`` must hold ``repurchase``.
    groups : Series, optional
        A group per customer (e.g. the loyalty type): the mean of each dimension per group.

    Returns
    -------
    DataFrame
        Per customer (or per group), columns ``cognitive``, ``affective``, ``conative``,
        ``behavioural`` (1 decimal).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"perf_price": [10], "perf_delivery": [4], "overall_satisfaction": [10],
    ...                   "repurchase_intent": [3], "repurchase": [0.25]}, index=["A"])
    >>> loyalty_dimensions(t).loc["A"].tolist()
    [66.7, 100.0, 50.0, 25.0]
    """
    v.require_frame(survey, "survey")
    table = survey
    if "customer_id" in table.columns:
        order = "survey_date" if "survey_date" in table.columns else "customer_id"
        table = table.sort_values(order).groupby("customer_id").last()
    if behaviours is not None:
        v.require_columns(behaviours, ["repurchase"], "behaviours")
        table = table.drop(columns=["repurchase"], errors="ignore").join(behaviours["repurchase"], how="inner")
    perf = [c for c in table.columns if str(c).startswith("perf_")]
    if not perf:
        raise ValueError("survey has no perf_* column (the survey's perceptions)")
    v.require_columns(table, ["overall_satisfaction", "repurchase_intent", "repurchase"], "survey")
    out = pd.DataFrame(index=table.index)
    out["cognitive"] = (table[perf].astype(float).mean(axis=1) - 1) / 9 * 100
    out["affective"] = (table["overall_satisfaction"].astype(float) - 1) / 9 * 100
    out["conative"] = (table["repurchase_intent"].astype(float) - 1) / 4 * 100
    out["behavioural"] = table["repurchase"].astype(float) * 100
    if groups is not None:
        v.require_series(groups, "groups")
        g = groups.reindex(out.index)
        keep = g.notna()
        out = out[keep].groupby(g[keep], observed=True).mean()
    return out.round(1)
