"""The nine-indicator customer value scorecard (客户价值评估 9 项指标), lesson 09.

Three groups of three indicators (seed 000), each computed from Yunfeng's case data by
:func:`nine_indicators`:

============ ============== ======================================================= =========
group        indicator      formula (window: the year to ``end``; events: 3 years)  direction
============ ============== ======================================================= =========
current 当前 profit 利润    net profit = gross margin - cost to serve (CNY)          up
current      volume 销量    net sales (CNY)                                         up
current      cost 服务成本  cost to serve (CNY, activity-based cost rates)          down
future 未来  credit 信用    latest credit grade, A = 5 ... E = 1 points; missing    up
                            without a credit application
future       loyalty 忠诚   latest survey answer "will you buy again next year?"    up
                            1-5; missing when never surveyed
future       trust 信任     framework contract years (0 for a spot buyer) +         up
                            resource-sharing events
social 社会  innovation 创新 suggestions + 3 x joint innovation projects            up
social       network 网络   distinct customers linked in ``referrals`` (either      up
                            direction); missing without a link (lesson 10 refines)
social       interaction 互动 event participations + public recommendations +      up
                            brand defences
============ ============== ======================================================= =========

Missing is missing, not zero: :func:`composite_score` spreads a missing indicator's weight over
the indicators the customer has (``missing="reweight"``); ``missing="zero"`` shows what the
wrong rule would do. :func:`normalise` maps every indicator to 0-1 in the right direction.

Examples
--------
>>> import pandas as pd, warnings
>>> table = pd.DataFrame({"profit": [100.0, 50.0, 0.0], "cost": [10.0, 20.0, 30.0],
...                       "credit": [5.0, None, 1.0]}, index=["A", "B", "C"])
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     scored = composite_score(normalise(table), pd.Series({"profit": 0.5, "cost": 0.25, "credit": 0.25}))
>>> scored["score"].round(1).to_dict()
{'A': 100.0, 'B': 50.0, 'C': 0.0}
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from .._validate import CourseKitDataNote

__all__ = ["INDICATORS", "assessment_table", "composite_score", "compare_weights", "coverage", "nine_indicators"]
__all__ += ["normalise", "readable", "six_haves", "tier_changes", "tier_table", "weight_editor"]

#: indicator key -> (group, direction): "up" = larger is better (benefit), "down" = cost.
INDICATORS = {
    "profit": ("current", "up"),
    "volume": ("current", "up"),
    "cost": ("current", "down"),
    "credit": ("future", "up"),
    "loyalty": ("future", "up"),
    "trust": ("future", "up"),
    "innovation": ("social", "up"),
    "network": ("social", "up"),
    "interaction": ("social", "up"),
}
INDICATOR_NAMES = i18n.define_names(
    "value_indicator",
    {
        "profit": "Profit value",
        "volume": "Volume value",
        "cost": "Service cost value",
        "credit": "Credit value",
        "loyalty": "Loyalty value",
        "trust": "Trust value",
        "innovation": "Innovation value",
        "network": "Network value",
        "interaction": "Interaction value",
    },
    column="indicator",
)
GROUP_NAMES = i18n.define_names(
    "value_group",
    {"current": "Current value", "future": "Future value", "social": "Social value"},
    column="group",
)
DIRECTION_NAMES = i18n.define_names(
    "indicator_direction",
    {"up": "Benefit: larger is better", "down": "Cost: smaller is better"},
    column="direction",
)
RULE_NAMES = i18n.define_names(
    "missing_rule",
    {"complete": "No data missing", "spread": "Weight spread over the other indicators"},
    column="rule",
)
SIX_HAVES = i18n.define_names(
    "six_haves",
    {
        "basis": "Has a foundation",
        "capability": "Has capability",
        "influence": "Has influence",
        "willingness": "Has willingness",
        "worth": "Has value",
        "outlook": "Has a future",
    },
    column="criterion",
)
#: Credit grade -> points of the credit indicator.
CREDIT_POINTS = {"A": 5, "B": 4, "C": 3, "D": 2, "E": 1}
#: Engagement signal -> (indicator, points per event).
SIGNALS = {
    "resource_sharing": ("trust", 1.0),
    "suggestion": ("innovation", 1.0),
    "co_development": ("innovation", 3.0),
    "event_participation": ("interaction", 1.0),
    "public_recommendation": ("interaction", 1.0),
    "brand_defence": ("interaction", 1.0),
}
EVENT_YEARS = 3


def _quiet_load(name):
    from .. import datasets

    return getattr(datasets, f"load_{name}")()


def nine_indicators(
    profit: pd.DataFrame,
    end,
    *,
    credit: pd.DataFrame | None = None,
    credit_grades: pd.DataFrame | None = None,
    survey: pd.DataFrame | None = None,
    trust: pd.DataFrame | None = None,
    engagement: pd.DataFrame | None = None,
    referrals: pd.DataFrame | None = None,
    customer_col: str = "customer_id",
) -> pd.DataFrame:
    """The nine indicators of customer value per customer, raw, with missing values kept missing.

    See the module docstring for the formulas. Tables not given are Yunfeng's (``datasets``).

    Parameters
    ----------
    profit : DataFrame
        :func:`net_profit` result for the year to ``end``: ``revenue``, ``cost_to_serve``,
        ``net_profit`` (CNY), indexed by customer id; these customers are scored.
    end : date-like
        Last day, inclusive: the latest credit application and survey answer on or before it;
        engagement events of the three years to it.
    credit, credit_grades, survey, trust, engagement, referrals : DataFrame, optional
        Yunfeng's tables of the same names.
    customer_col : str
        Customer id column of the tables.

    Returns
    -------
    DataFrame
        Indexed by customer id, one column per indicator of :data:`INDICATORS` (CNY, points,
        counts); NaN where a customer has no credit application, no survey answer or no link.

    Examples
    --------
    >>> import pandas as pd
    >>> profit = pd.DataFrame({"revenue": [1000.0, 500.0], "cost_to_serve": [100.0, 300.0],
    ...                        "net_profit": [150.0, -200.0]}, index=pd.Index(["A", "B"], name="customer_id"))
    >>> credit = pd.DataFrame({"application_id": ["X1"], "customer_id": ["A"], "application_date": ["2024-05-01"]})
    >>> grades = pd.DataFrame({"application_id": ["X1"], "final_grade": ["B"]})
    >>> survey = pd.DataFrame({"customer_id": ["B"], "survey_date": ["2025-06-10"], "repurchase_intent": [4]})
    >>> trust = pd.DataFrame({"customer_id": ["A", "B"], "contract_months": [24, None]})
    >>> events = pd.DataFrame({"customer_id": ["A", "A", "B"], "date": ["2025-03-01"] * 3,
    ...                        "signal": ["co_development", "suggestion", "resource_sharing"]})
    >>> links = pd.DataFrame({"source_id": ["A"], "target_id": ["C"], "relation": ["referred"]})
    >>> nine_indicators(profit, "2025-12-31", credit=credit, credit_grades=grades, survey=survey, trust=trust,
    ...                 engagement=events, referrals=links).T  # doctest: +NORMALIZE_WHITESPACE
    customer_id       A      B
    profit        150.0 -200.0
    volume       1000.0  500.0
    cost          100.0  300.0
    credit          4.0    NaN
    loyalty         NaN    4.0
    trust           2.0    1.0
    innovation      4.0    0.0
    network         1.0    NaN
    interaction     0.0    0.0
    """
    v.require_frame(profit, "profit")
    v.require_columns(profit, ["revenue", "cost_to_serve", "net_profit"], "profit")
    end = v.as_timestamp(end, "end").normalize()
    credit = _quiet_load("credit") if credit is None else credit
    credit_grades = _quiet_load("credit_grades") if credit_grades is None else credit_grades
    survey = _quiet_load("survey") if survey is None else survey
    trust = _quiet_load("trust") if trust is None else trust
    engagement = _quiet_load("engagement") if engagement is None else engagement
    referrals = _quiet_load("referrals") if referrals is None else referrals
    index = profit.index
    out = pd.DataFrame(index=index)
    out["profit"] = profit["net_profit"].astype(float)
    out["volume"] = profit["revenue"].astype(float)
    out["cost"] = profit["cost_to_serve"].astype(float)

    v.require_columns(credit, [customer_col, "application_id", "application_date"], "credit")
    v.require_columns(credit_grades, ["application_id", "final_grade"], "credit_grades")
    apps = credit.assign(_date=v.date_column(credit, "application_date", "credit"))
    apps = apps[apps["_date"] <= end].merge(credit_grades[["application_id", "final_grade"]], on="application_id")
    latest = apps.sort_values(["_date", "application_id"]).groupby(customer_col).last()
    out["credit"] = latest["final_grade"].map(CREDIT_POINTS).reindex(index).astype(float)

    v.require_columns(survey, [customer_col, "survey_date", "repurchase_intent"], "survey")
    answers = survey.assign(_date=v.date_column(survey, "survey_date", "survey"))
    answers = answers[answers["_date"] <= end].sort_values("_date").groupby(customer_col).last()
    out["loyalty"] = answers["repurchase_intent"].reindex(index).astype(float)

    v.require_columns(trust, [customer_col, "contract_months"], "trust")
    contract = pd.to_numeric(trust.set_index(customer_col)["contract_months"], errors="coerce")
    years = (contract / 12.0).fillna(0.0).reindex(index, fill_value=0.0)

    v.require_columns(engagement, [customer_col, "date", "signal"], "engagement")
    dates = v.date_column(engagement, "date", "engagement").dt.normalize()
    start = end - pd.DateOffset(years=EVENT_YEARS)
    window = engagement[(dates > start) & (dates <= end) & engagement["signal"].isin(list(SIGNALS))]
    points = window["signal"].map({s: p for s, (_, p) in SIGNALS.items()})
    target = window["signal"].map({s: k for s, (k, _) in SIGNALS.items()})
    events = points.groupby([window[customer_col], target]).sum().unstack(fill_value=0.0)
    for key in ("trust", "innovation", "interaction"):
        got = events[key] if key in events.columns else pd.Series(dtype=float)
        out[key] = got.reindex(index, fill_value=0.0).astype(float)
    out["trust"] = out["trust"] + years

    v.require_columns(referrals, ["source_id", "target_id"], "referrals")
    pairs = pd.concat(
        [
            referrals[["source_id", "target_id"]].set_axis(["a", "b"], axis=1),
            referrals[["target_id", "source_id"]].set_axis(["a", "b"], axis=1),
        ]
    )
    pairs = pairs[pairs["a"] != pairs["b"]]
    out["network"] = pairs.groupby("a")["b"].nunique().reindex(index).astype(float)
    return out[list(INDICATORS)]


def coverage(indicators: pd.DataFrame) -> pd.DataFrame:
    """Per indicator: its group, direction, how many customers have data and the missing rule.

    Parameters
    ----------
    indicators : DataFrame
        :func:`nine_indicators` result (or any subset of its columns).

    Returns
    -------
    DataFrame
        Indexed by ``indicator`` (keys): ``group``, ``direction``, ``customers`` (with data),
        ``missing`` (customers the rule touches), ``missing_share``, ``rule`` (``spread``: the
        weight of the missing indicator is spread over the others; ``complete``: none missing).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"profit": [1.0, 2.0], "credit": [5.0, None]})
    >>> coverage(t)[["customers", "missing", "rule"]]  # doctest: +NORMALIZE_WHITESPACE
               customers  missing      rule
    indicator
    profit             2        0  complete
    credit             1        1    spread
    """
    v.require_frame(indicators, "indicators")
    rows = []
    for col in indicators.columns:
        group, direction = INDICATORS.get(col, ("", "up"))
        have = int(indicators[col].notna().sum())
        miss = len(indicators) - have
        rows.append((col, group, direction, have, miss, miss / len(indicators), "spread" if miss else "complete"))
    out = pd.DataFrame(
        rows, columns=["indicator", "group", "direction", "customers", "missing", "missing_share", "rule"]
    ).set_index("indicator")
    out["rule"] = pd.Categorical(out["rule"], categories=list(RULE_NAMES), ordered=True)
    return out


def normalise(indicators: pd.DataFrame, *, cost=None) -> pd.DataFrame:
    """Min-max normalisation to 0-1 in the right direction (标准化): 1 is always the best.

    Benefit indicator: (x - min) / (max - min). Cost indicator (smaller is better):
    (max - x) / (max - min). Missing values stay missing; a constant column becomes 0 (noted).

    Parameters
    ----------
    indicators : DataFrame
        Raw indicators, one column each (e.g. :func:`nine_indicators`).
    cost : list of str, optional
        The cost columns; default the indicators of :data:`INDICATORS` with direction "down"
        that are present (``cost``, the service cost).

    Returns
    -------
    DataFrame
        Same shape, values in 0-1.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"volume": [100.0, 300.0, 200.0], "cost": [10.0, 30.0, None]})
    >>> normalise(t)  # doctest: +NORMALIZE_WHITESPACE
       volume  cost
    0     0.0   1.0
    1     1.0   0.0
    2     0.5   NaN
    """
    v.require_frame(indicators, "indicators")
    if cost is None:
        cost = [c for c in indicators.columns if INDICATORS.get(c, ("", "up"))[1] == "down"]
    unknown = [c for c in cost if c not in indicators.columns]
    if unknown:
        raise ValueError(f"cost names column(s) {unknown} that indicators does not have")
    out = pd.DataFrame(index=indicators.index)
    flat = []
    for col in indicators.columns:
        x = v.numeric_column(indicators, col, "indicators", allow_missing=True).astype(float)
        low, high = x.min(), x.max()
        if not high > low:
            flat.append(col)
            out[col] = x.where(x.isna(), 0.0)
            continue
        out[col] = (high - x) / (high - low) if col in cost else (x - low) / (high - low)
    if flat:
        v.note(
            i18n._(
                "{n} constant indicator(s) scored 0 for everyone: {names}", n=len(flat), names=", ".join(map(str, flat))
            ),
            out,
        )
    return out


def composite_score(normalised: pd.DataFrame, weights: pd.Series, *, missing: str = "reweight") -> pd.DataFrame:
    """Composite score 0-100 (综合得分): the weighted sum of the normalised indicators.

    Parameters
    ----------
    normalised : DataFrame
        Indicators in 0-1, 1 best (:func:`normalise`).
    weights : Series
        One weight per column of ``normalised`` (AHP, entropy ...); scaled to sum 1.
    missing : {"reweight", "zero"}
        ``reweight`` (the rule of the course): a customer's missing indicators are left out and
        their weight is spread over the indicators the customer has, in proportion,
        score = 100 x sum(w s) / sum(w of the indicators present). ``zero``: a missing
        indicator counts 0, the worst score (shown to compare; missing data is not bad data).

    Returns
    -------
    DataFrame
        Indexed like ``normalised``: ``score`` (0-100), ``indicators`` (how many were present)
        and ``weight_present`` (share of the weight they carry), sorted by score, best first.

    Examples
    --------
    >>> import pandas as pd, warnings
    >>> t = pd.DataFrame({"a": [1.0, 0.5], "b": [None, 1.0]}, index=["A", "B"])
    >>> w = pd.Series({"a": 0.75, "b": 0.25})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     fair, zero = composite_score(t, w), composite_score(t, w, missing="zero")
    >>> fair["score"].to_dict(), zero["score"].to_dict()
    ({'A': 100.0, 'B': 62.5}, {'A': 75.0, 'B': 62.5})
    """
    v.require_frame(normalised, "normalised")
    v.require_series(weights, "weights")
    if missing not in ("reweight", "zero"):
        raise ValueError(f"missing must be 'reweight' or 'zero', got {missing!r}")
    absent = [c for c in normalised.columns if c not in weights.index]
    if absent:
        raise ValueError(f"weights has no weight for the column(s) {absent}")
    w = weights.reindex(normalised.columns).astype(float)
    if (w < 0).any() or not w.sum() > 0:
        raise ValueError("weights must be non-negative with a positive sum")
    w = w / w.sum()
    present = normalised.notna()
    filled = normalised.fillna(0.0)
    total = filled.mul(w, axis=1).sum(axis=1)
    carried = present.mul(w, axis=1).sum(axis=1)
    if missing == "reweight":
        score = 100 * total / carried.where(carried > 0)
    else:
        score = 100 * total
    out = pd.DataFrame({"score": score, "indicators": present.sum(axis=1), "weight_present": carried})
    out = out.sort_values("score", ascending=False, kind="mergesort")
    gaps = int((out["indicators"] < normalised.shape[1]).sum())
    if gaps:
        if missing == "reweight":
            message = i18n._(
                "{n} customers lack at least one indicator (weights spread over the indicators present)", n=gaps
            )
        else:
            message = i18n._("{n} customers lack at least one indicator (missing scored 0)", n=gaps)
        v.note(message, out)
    return out


def tier_table(tiered: pd.DataFrame, *, revenue: pd.Series, profit: pd.Series | None = None) -> pd.DataFrame:
    """Customers, revenue and its share per tier of a :func:`coursekit.tiers.assign_tiers` result.

    Parameters
    ----------
    tiered : DataFrame
        ``assign_tiers`` result with ``tier``.
    revenue : Series
        Revenue per customer (CNY); customers not in it count 0.
    profit : Series, optional
        Net profit per customer (CNY), adds ``net_profit`` and ``profit_share``.

    Returns
    -------
    DataFrame
        Indexed by ``tier`` (keys, best first): ``customers``, ``customer_share``, ``revenue``,
        ``revenue_share`` [, ``net_profit``, ``profit_share``].

    Examples
    --------
    >>> import pandas as pd
    >>> from coursekit.tiers import assign_tiers
    >>> tiered = assign_tiers(pd.Series(range(20, 0, -1), index=[f"C{i:02d}" for i in range(20)], dtype=float))
    >>> rev = pd.Series(100.0, index=tiered.index)
    >>> tier_table(tiered, revenue=rev)["revenue_share"].tolist()
    [0.05, 0.2, 0.3, 0.45]
    """
    v.require_frame(tiered, "tiered")
    v.require_columns(tiered, ["tier"], "tiered")
    v.require_series(revenue, "revenue")
    groups = tiered.groupby("tier", observed=False)
    out = pd.DataFrame({"customers": groups.size()})
    out["customer_share"] = out["customers"] / out["customers"].sum()
    rev = revenue.reindex(tiered.index, fill_value=0.0).astype(float)
    out["revenue"] = rev.groupby(tiered["tier"], observed=False).sum()
    out["revenue_share"] = out["revenue"] / out["revenue"].sum()
    if profit is not None:
        v.require_series(profit, "profit")
        pro = profit.reindex(tiered.index, fill_value=0.0).astype(float)
        out["net_profit"] = pro.groupby(tiered["tier"], observed=False).sum()
        out["profit_share"] = out["net_profit"] / out["net_profit"].sum()
    out.index.name = "tier"
    return out


def tier_changes(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """Customers whose tier differs between two :func:`coursekit.tiers.assign_tiers` results.

    Parameters
    ----------
    before, after : DataFrame
        Two tierings of the same customers (e.g. AHP weights, then entropy weights).

    Returns
    -------
    DataFrame
        Indexed by customer id: ``tier_before``, ``tier_after``, ``rank_before``,
        ``rank_after``; only the customers who changed tier, sorted by ``rank_after``.

    Examples
    --------
    >>> import pandas as pd
    >>> from coursekit.tiers import assign_tiers
    >>> ids = [f"C{i:02d}" for i in range(20)]
    >>> a = assign_tiers(pd.Series(range(20, 0, -1), index=ids, dtype=float))
    >>> b = assign_tiers(pd.Series(range(20, 0, -1), index=ids[1:] + ids[:1], dtype=float))
    >>> tier_changes(a, b).index.tolist()
    ['C01', 'C05', 'C11', 'C00']
    """
    v.require_frame(before, "before")
    v.require_frame(after, "after")
    for name, table in (("before", before), ("after", after)):
        v.require_columns(table, ["tier", "rank"], name)
    both = before.index.intersection(after.index)
    out = pd.DataFrame(
        {
            "tier_before": before.loc[both, "tier"],
            "tier_after": after.loc[both, "tier"],
            "rank_before": before.loc[both, "rank"],
            "rank_after": after.loc[both, "rank"],
        }
    )
    out = out[out["tier_before"].astype(str) != out["tier_after"].astype(str)]
    return out.sort_values("rank_after", kind="mergesort")


def compare_weights(ahp: pd.Series, entropy: pd.Series) -> pd.DataFrame:
    """AHP and entropy weights side by side, with the rank of each indicator under each.

    Parameters
    ----------
    ahp, entropy : Series
        Weights per indicator (each summing to 1).

    Returns
    -------
    DataFrame
        Indexed by ``indicator``: ``ahp``, ``entropy``, ``ahp_rank``, ``entropy_rank``
        (1 = largest weight), ``difference`` (entropy - ahp).

    Examples
    --------
    >>> import pandas as pd
    >>> compare_weights(pd.Series({"profit": 0.7, "network": 0.3}), pd.Series({"profit": 0.2, "network": 0.8}))
               ahp  entropy  ahp_rank  entropy_rank  difference
    indicator
    profit     0.7      0.2         1             2        -0.5
    network    0.3      0.8         2             1         0.5
    """
    v.require_series(ahp, "ahp")
    v.require_series(entropy, "entropy")
    out = pd.DataFrame({"ahp": ahp.astype(float), "entropy": entropy.reindex(ahp.index).astype(float)})
    out["ahp_rank"] = out["ahp"].rank(ascending=False, method="min").astype(int)
    out["entropy_rank"] = out["entropy"].rank(ascending=False, method="min").astype(int)
    out["difference"] = (out["entropy"] - out["ahp"]).round(12)
    out.index.name = "indicator"
    return out


def _points(x: pd.Series) -> pd.Series:
    """1-5 points by rank among the customers with data (ties take the lowest rank)."""
    have = x.dropna()
    pts = np.ceil(5 * have.rank(method="min") / len(have)).clip(1, 5)
    return pts.reindex(x.index)


def six_haves(indicators: pd.DataFrame, *, customers=None) -> pd.DataFrame:
    """The "six haves" (六有) of an organisational relationship (seed 001), scored 1-5 from the data.

    Each criterion takes an indicator of :func:`nine_indicators` and gives 1-5 points by rank
    among the customers with data (5 = top fifth; equal values share the lower points):
    has a foundation (有基础) trust; has capability (有能力) volume; has influence (有影响)
    network; has willingness (有意愿) interaction; has value (有价值) profit; has a future
    (有未来) the mean points of credit and loyalty (those present). Missing stays missing.

    Parameters
    ----------
    indicators : DataFrame
        :func:`nine_indicators` result (all customers: the points are ranks among them).
    customers : list, optional
        The customers to show; default all.

    Returns
    -------
    DataFrame
        Indexed by customer id: one column per criterion (points 1-5, NaN when missing),
        ``total`` (mean points x 6, so a missing criterion is spread, out of 30) and ``fit``
        (True when every criterion present has at least 3 points and at most one is missing).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({k: [1.0, 2.0, 3.0, 4.0, 5.0] for k in
    ...                   ["trust", "volume", "network", "interaction", "profit", "credit", "loyalty"]},
    ...                  index=list("ABCDE"))
    >>> six_haves(t, customers=["E", "A"])[["basis", "outlook", "total", "fit"]]
       basis  outlook  total    fit
    E    5.0      5.0   30.0   True
    A    1.0      1.0    6.0  False
    """
    v.require_frame(indicators, "indicators")
    v.require_columns(
        indicators, ["trust", "volume", "network", "interaction", "profit", "credit", "loyalty"], "indicators"
    )
    out = pd.DataFrame(index=indicators.index)
    for key, col in (
        ("basis", "trust"),
        ("capability", "volume"),
        ("influence", "network"),
        ("willingness", "interaction"),
        ("worth", "profit"),
    ):
        out[key] = _points(indicators[col])
    future = pd.concat([_points(indicators["credit"]), _points(indicators["loyalty"])], axis=1)
    out["outlook"] = future.mean(axis=1)
    scored = out[list(SIX_HAVES)]
    out["total"] = (scored.mean(axis=1) * 6).round(1)
    out["fit"] = (scored.fillna(5) >= 3).all(axis=1) & (scored.isna().sum(axis=1) <= 1)
    if customers is not None:
        customers = list(customers)
        unknown = [c for c in customers if c not in out.index]
        if unknown:
            raise ValueError(f"customers not in indicators: {unknown}")
        out = out.loc[customers]
    return out


def assessment_table(indicators: pd.DataFrame, tiered: pd.DataFrame, *, customers) -> pd.DataFrame:
    """The customer value assessment table (客户价值评估表): the nine indicators, score and tier.

    Parameters
    ----------
    indicators : DataFrame
        :func:`nine_indicators` result (raw values, in their units).
    tiered : DataFrame
        ``assign_tiers`` result of the composite score: ``score``, ``rank``, ``tier``.
    customers : list
        Customer ids, in the order to show.

    Returns
    -------
    DataFrame
        Indexed by customer id: the nine indicators (CNY rounded to whole yuan, points and counts
        to 1 decimal), ``score`` (1 decimal), ``rank`` and ``tier``.

    Examples
    --------
    >>> import pandas as pd
    >>> ind = pd.DataFrame({"profit": [1234.567], "credit": [None]}, index=["A"])
    >>> tiered = pd.DataFrame({"score": [88.04], "rank": [1], "tier": ["strategic"]}, index=["A"])
    >>> assessment_table(ind, tiered, customers=["A"])
       profit  credit  score  rank       tier
    A  1235.0     NaN   88.0     1  strategic
    """
    v.require_frame(indicators, "indicators")
    v.require_frame(tiered, "tiered")
    v.require_columns(tiered, ["score", "rank", "tier"], "tiered")
    customers = list(customers)
    unknown = [c for c in customers if c not in indicators.index or c not in tiered.index]
    if unknown:
        raise ValueError(f"customers not scored: {unknown}")
    out = indicators.loc[customers].copy()
    for col in out.columns:
        out[col] = out[col].astype(float).round(0 if col in ("profit", "volume", "cost") else 1)
    out["score"] = tiered.loc[customers, "score"].round(1)
    out["rank"] = tiered.loc[customers, "rank"]
    out["tier"] = tiered.loc[customers, "tier"]
    return out


def readable(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`coursekit.display` plus indicator and six-haves column headers as names.

    Parameters
    ----------
    table : DataFrame
        A scorecard result whose columns include indicator keys or six-haves keys.

    Returns
    -------
    DataFrame
        Keys in cells and index shown as names; those columns renamed to their names.

    Examples
    --------
    >>> import pandas as pd
    >>> readable(pd.DataFrame({"profit": [1.0], "basis": [3.0]})).columns.tolist()
    ['Profit value', 'Has a foundation']
    """
    v.require_frame(table, "table")
    out = i18n.display(table)
    names = {**i18n.names("value_indicator"), **i18n.names("six_haves")}
    return out.rename(columns=lambda c: names.get(c, c))


def weight_editor(normalised: pd.DataFrame, weights: pd.Series, *, missing: str = "reweight", show: int = 8):
    """A slider per indicator weight; re-ranks the customers live and lists who changes tier.

    Parameters
    ----------
    normalised : DataFrame
        Indicators in 0-1 (:func:`normalise`).
    weights : Series
        Starting weights; the tiers they give are the reference.
    missing : {"reweight", "zero"}
        As in :func:`composite_score`.
    show : int
        How many of the customers who change tier to list.

    Returns
    -------
    ipywidgets.VBox
        The sliders and an HTML summary: how many customers change tier, and the first of them.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"profit": [1.0, 0.0, 0.5, 0.2], "volume": [0.0, 1.0, 0.4, 0.3]}, index=list("ABCD"))
    >>> box = weight_editor(t, pd.Series({"profit": 0.5, "volume": 0.5}))
    >>> box.children[-1].value.startswith("0 ")
    True
    """
    import ipywidgets as widgets

    from ..tiers import assign_tiers

    def tiers_for(w):
        with warnings.catch_warnings():
            # the notes were shown with the first ranking; a slider move must not print them again
            warnings.simplefilter("ignore", CourseKitDataNote)
            return assign_tiers(composite_score(normalised, w, missing=missing)["score"])

    reference = tiers_for(weights)
    sliders = {
        k: widgets.FloatSlider(
            value=round(float(w), 3),
            min=0.0,
            max=0.5,
            step=0.01,
            readout_format=".2f",
            description=i18n.name("value_indicator", k) if k in INDICATORS else str(k),
            style={"description_width": "initial"},
        )
        for k, w in weights.items()
    }
    out = widgets.HTML()

    def update(change=None):
        w = pd.Series({k: s.value for k, s in sliders.items()})
        if not w.sum() > 0:
            out.value = i18n._("Give at least one indicator a weight.")
            return
        moved = tier_changes(reference, tiers_for(w))
        lines = [
            f"{c}: {i18n.name('value_tier', str(r['tier_before']))} → {i18n.name('value_tier', str(r['tier_after']))}"
            for c, r in moved.head(show).iterrows()
        ]
        out.value = i18n._("{n} customers change tier", n=len(moved)) + ("<br>" + "<br>".join(lines) if lines else "")

    for s in sliders.values():
        s.observe(update, names="value")
    update()
    return widgets.VBox([*sliders.values(), out])
