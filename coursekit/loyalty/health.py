"""Customer health score (客户健康度, seed 003) and the quarterly review (季度复盘)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = ["HEALTH_BAND_NAMES", "HEALTH_DRIVER_NAMES", "HEALTH_WEIGHTS", "health_review", "health_score"]

#: The five drivers of the health score, each scored 0-100.
HEALTH_DRIVER_NAMES = i18n.define_names(
    "health_driver",
    {
        "recency": "Recent purchase",
        "trend": "Revenue trend",
        "service": "Service without complaints",
        "satisfaction": "Satisfaction (latest NPS answer)",
        "engagement": "Engagement",
    },
)
#: Default weights of the drivers (sum 1).
HEALTH_WEIGHTS = {"recency": 0.30, "trend": 0.25, "service": 0.15, "satisfaction": 0.15, "engagement": 0.15}
#: Health bands: healthy (score >= 70), watch (40 to under 70), critical (under 40).
HEALTH_BAND_NAMES = i18n.define_names(
    "health_band", {"healthy": "Healthy", "watch": "Watch", "critical": "Critical"}, column="band"
)
_STATUS_POINTS = {"active": 100.0, "at_risk": 60.0, "dormant": 20.0, "lost": 0.0}


def health_score(
    orders: pd.DataFrame,
    end,
    *,
    tickets: pd.DataFrame | None = None,
    survey: pd.DataFrame | None = None,
    engagement: pd.DataFrame | None = None,
    weights: dict | None = None,
) -> pd.DataFrame:
    """Health score 0-100 per customer at ``end`` (客户健康度) with its five drivers.

    Drivers, each 0-100, over the 365 days up to ``end`` (the *year*) and the year before:

    - ``recency``: status (:func:`customer_status`) active 100, at risk 60, dormant 20, lost 0;
    - ``trend``: net revenue of the year / net revenue of the year before x 100, capped at 100
      (100 when both are 0 or the year before is 0 and the year is positive; 0 when the year is 0);
    - ``service``: 100 - 25 per complaint ticket in the year, at least 0;
    - ``satisfaction``: latest NPS answer up to ``end`` x 10 (50, neutral, when never surveyed);
    - ``engagement``: 100 with at least one engagement signal in the year, else 0.

    Score = weighted mean of the drivers; band healthy (>= 70), watch (40 to < 70), critical (< 40).

    Parameters
    ----------
    orders : DataFrame
        Order lines (customer_id, date, amount).
    end : date-like
        Day of the review, inclusive.
    tickets, survey, engagement : DataFrame, optional
        ``tickets`` (customer_id, opened_at, is_complaint), ``survey`` (customer_id,
        survey_date, nps_score), ``engagement`` (customer_id, date); a missing table gives its
        driver the neutral value 50 for everyone (noted).
    weights : dict, optional
        Weight per driver; default :data:`HEALTH_WEIGHTS`.

    Returns
    -------
    DataFrame
        Indexed by customer id (customers with a purchase up to ``end``): the five drivers,
        ``score`` (1 decimal) and ``band`` (ordered categorical healthy, watch, critical).

    Examples
    --------
    A bought 100 CNY in each year, B 50 CNY last year and nothing since (lost: > 365 days):

    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["A", "A", "B"], "amount": [100.0, 100.0, 50.0],
    ...                        "date": ["2024-11-01", "2025-11-01", "2024-06-01"]})
    >>> survey = pd.DataFrame({"customer_id": ["A"], "survey_date": ["2025-06-01"], "nps_score": [8]})
    >>> tickets = pd.DataFrame({"customer_id": ["A"], "opened_at": ["2025-03-01 09:00"], "is_complaint": [True]})
    >>> events = pd.DataFrame({"customer_id": ["A"], "date": ["2025-07-01"]})
    >>> health_score(orders, "2025-12-31", tickets=tickets, survey=survey, engagement=events)
    ... # doctest: +NORMALIZE_WHITESPACE
                 recency  trend  service  satisfaction  engagement  score     band
    customer_id
    A              100.0  100.0     75.0          80.0       100.0   93.2  healthy
    B                0.0    0.0    100.0          50.0         0.0   22.5 critical
    """
    import warnings

    from .status import customer_status

    v.require_frame(orders, "orders")
    end = v.as_timestamp(end)
    w = pd.Series(HEALTH_WEIGHTS if weights is None else weights, dtype=float)
    keys = list(HEALTH_DRIVER_NAMES)
    if set(w.index) != set(keys) or w.isna().any() or (w < 0).any() or w.sum() <= 0:
        raise ValueError(f"weights must give a non-negative number for each of {keys}, not all zero, got {weights!r}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", v.CourseKitDataNote)
        status = customer_status(orders, end)
    out = pd.DataFrame(index=status.index)
    out.index.name = "customer_id"
    out["recency"] = status["status"].astype(str).map(_STATUS_POINTS).astype(float)
    year_start = end - pd.Timedelta(days=365)
    prior_start = end - pd.Timedelta(days=730)
    dates = pd.to_datetime(orders["date"])
    amount = orders["amount"].astype(float)
    now = amount[(dates > year_start) & (dates <= end)].groupby(orders["customer_id"]).sum()
    before = amount[(dates > prior_start) & (dates <= year_start)].groupby(orders["customer_id"]).sum()
    now, before = now.reindex(out.index).fillna(0.0), before.reindex(out.index).fillna(0.0)
    ratio = np.where(before > 0, 100 * now / before.where(before > 0, 1), np.where(now > 0, 100.0, 0.0))
    out["trend"] = np.clip(np.where(now <= 0, 0.0, ratio), 0, 100).round(1)
    missing = []
    if tickets is None:
        out["service"] = 50.0
        missing.append("tickets")
    else:
        v.require_columns(tickets, ["customer_id", "opened_at", "is_complaint"], "tickets")
        opened = pd.to_datetime(tickets["opened_at"])
        inside = tickets[
            (opened > year_start) & (opened <= end + pd.Timedelta(days=1)) & tickets["is_complaint"].astype(bool)
        ]
        complaints = inside.groupby("customer_id").size().reindex(out.index).fillna(0)
        out["service"] = (100 - 25 * complaints).clip(lower=0).astype(float)
    if survey is None:
        out["satisfaction"] = 50.0
        missing.append("survey")
    else:
        v.require_columns(survey, ["customer_id", "survey_date", "nps_score"], "survey")
        answered = survey[pd.to_datetime(survey["survey_date"]) <= end].sort_values("survey_date")
        latest = answered.groupby("customer_id")["nps_score"].last().reindex(out.index)
        out["satisfaction"] = (latest.astype(float) * 10).fillna(50.0)
    if engagement is None:
        out["engagement"] = 50.0
        missing.append("engagement")
    else:
        v.require_columns(engagement, ["customer_id", "date"], "engagement")
        edates = pd.to_datetime(engagement["date"])
        engaged = set(engagement.loc[(edates > year_start) & (edates <= end), "customer_id"])
        out["engagement"] = np.where(out.index.isin(engaged), 100.0, 0.0)
    if missing:
        v.note(i18n._("No {tables}: their drivers are set to the neutral 50", tables=", ".join(missing)))
    out["score"] = (out[keys].to_numpy() @ w[keys].to_numpy() / w.sum()).round(1)
    bands = np.select([out["score"] >= 70, out["score"] >= 40], ["healthy", "watch"], default="critical")
    out["band"] = pd.Categorical(bands, categories=list(HEALTH_BAND_NAMES), ordered=True)
    return out


def health_review(before: pd.DataFrame, after: pd.DataFrame, *, groups: pd.Series | None = None) -> pd.DataFrame:
    """The quarterly review (季度复盘): health at two dates side by side, largest fall first.

    Parameters
    ----------
    before, after : DataFrame
        :func:`health_score` results at the start and the end of the quarter.
    groups : Series, optional
        A group per customer (e.g. the tier), added as a column named like the Series.

    Returns
    -------
    DataFrame
        Customers of ``after``: ``score_before`` (missing for a customer new in the quarter),
        ``score_after``, ``change`` (points), ``band_before``, ``band_after`` and ``driver``,
        the driver that fell most (its weighted fall; missing when none fell), sorted by
        change, largest fall first.

    Examples
    --------
    >>> import pandas as pd
    >>> cols = ["recency", "trend", "service", "satisfaction", "engagement"]
    >>> b = pd.DataFrame([[100, 100, 100, 80, 100, 95.5, "healthy"]], index=["A"], columns=cols + ["score", "band"])
    >>> a = pd.DataFrame([[60, 100, 75, 80, 100, 79.8, "healthy"]], index=["A"], columns=cols + ["score", "band"])
    >>> health_review(b, a)[["change", "driver"]]  # doctest: +NORMALIZE_WHITESPACE
       change   driver
    A   -15.7  recency
    """
    v.require_frame(before, "before")
    v.require_frame(after, "after")
    keys = list(HEALTH_DRIVER_NAMES)
    v.require_columns(before, [*keys, "score", "band"], "before")
    v.require_columns(after, [*keys, "score", "band"], "after")
    out = pd.DataFrame(index=after.index)
    out["score_before"] = before["score"].reindex(after.index)
    out["score_after"] = after["score"]
    out["change"] = (out["score_after"] - out["score_before"]).round(1)
    out["band_before"] = before["band"].reindex(after.index)
    out["band_after"] = after["band"]
    fall = (after[keys] - before[keys].reindex(after.index)) * pd.Series(HEALTH_WEIGHTS)[keys]
    worst = fall.fillna(0.0).idxmin(axis=1).where(fall.min(axis=1) < 0)
    out["driver"] = pd.Categorical(worst, categories=keys)
    if groups is not None:
        v.require_series(groups, "groups")
        out[groups.name or "group"] = groups.reindex(out.index)
    return out.sort_values(["change", "score_after"], na_position="last")
