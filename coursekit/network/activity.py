"""The social activity model (客户社交活跃度模型), the influence model (顾客影响力模型) and the
referral programme: what a referral is worth and whom to invite (转介绍)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from ..transactions.log import purchases
from .graph import _links

__all__ = ["ACTIVITY_LEVELS", "invite_list", "referral_value", "referred_customers", "social_activity"]

#: Social activity levels (key -> English name; Chinese in the catalog), lowest first.
ACTIVITY_LEVELS = i18n.define_names(
    "social_activity_level",
    {"low": "Low social activity", "medium": "Medium social activity", "high": "High social activity"},
    column="activity_level",
)


def social_activity(
    engagement: pd.DataFrame,
    end,
    *,
    window_days: int = 365,
    thresholds: tuple = (2, 6),
    customer_col: str = "customer_id",
    date_col: str = "date",
    signal_col: str = "signal",
) -> pd.DataFrame:
    """The social activity model: how often each customer takes part, in the last ``window_days``.

    Parameters
    ----------
    engagement : DataFrame
        One row per engagement event: customer, date, signal (suggestion, event participation,
        resource sharing, public recommendation, co-development, brand defence).
    end : date-like
        Observation end, inclusive (the case data: 2025-12-31).
    window_days : int, default 365
        Length of the window ending at ``end``, in days.
    thresholds : (int, int), default (2, 6)
        Events in the window from which a customer is *medium* and *high*; below the first, *low*.
    customer_col, date_col, signal_col : str
        Column names.

    Returns
    -------
    DataFrame
        Indexed by ``customer_id``, customers with at least one event in the window (sorted by id):
        ``events`` (count), ``signal_kinds`` (distinct signals), ``days_since_last`` (days from the
        last event to ``end``) and ``activity_level`` (ordered categorical: low, medium, high).

    Examples
    --------
    >>> import pandas as pd
    >>> events = pd.DataFrame({"customer_id": ["A", "A", "B"],
    ...                        "date": ["2025-12-01", "2025-12-31", "2024-06-01"],
    ...                        "signal": ["suggestion", "event_participation", "suggestion"]})
    >>> social_activity(events, "2025-12-31", thresholds=(2, 3))  # doctest: +NORMALIZE_WHITESPACE
                 events  signal_kinds  days_since_last activity_level
    customer_id
    A                 2             2                0         medium
    """
    v.require_frame(engagement, "engagement")
    v.require_columns(engagement, [customer_col, date_col, signal_col], "engagement")
    v.require_no_missing(engagement, customer_col, "engagement")
    end = v.as_timestamp(end)
    v.require_in_range(window_days, "window_days", 1, None)
    low, high = thresholds
    if not 1 <= low < high:
        raise ValueError(f"thresholds must be two whole numbers 1 <= medium < high, got {thresholds}")
    dates = v.date_column(engagement, date_col, "engagement")
    start = end - pd.Timedelta(days=int(window_days) - 1)
    inside = (dates >= start) & (dates <= end)
    later = int((dates > end).sum())
    if later:
        v.note(i18n._("{n} event(s) after the end {end} left out", n=later, end=end.date()), stacklevel=3)
    events = engagement.loc[inside, [customer_col, signal_col]].assign(_date=dates[inside])
    grouped = events.groupby(customer_col)
    out = pd.DataFrame(
        {
            "events": grouped.size().astype("int64"),
            "signal_kinds": grouped[signal_col].nunique().astype("int64"),
            "days_since_last": (end - grouped["_date"].max()).dt.days.astype("int64"),
        }
    )
    out.index = out.index.astype(str).rename("customer_id")
    level = np.where(out["events"] >= high, "high", np.where(out["events"] >= low, "medium", "low"))
    out["activity_level"] = pd.Categorical(level, categories=list(ACTIVITY_LEVELS), ordered=True)
    return out.sort_index()


def referred_customers(
    referrals: pd.DataFrame,
    orders: pd.DataFrame,
    end,
    *,
    source_col: str = "source_id",
    target_col: str = "target_id",
    relation_col: str = "relation",
    order_col: str | None = "order_id",
) -> pd.DataFrame:
    """One row per customer won by referral, with its referrer and its net revenue and margin.

    Parameters
    ----------
    referrals : DataFrame
        The links (see :func:`coursekit.network.influence`); only ``"referred"`` links are used.
    orders : DataFrame
        Order lines: ``customer_id``, ``date``, ``amount``, ``margin`` (returns negative, netted).
    end : date-like
        Observation end, inclusive.
    source_col, target_col, relation_col, order_col : str
        Column names of the two tables.

    Returns
    -------
    DataFrame
        Indexed by ``customer_id`` (the referred customer): ``referrer``, ``revenue`` and
        ``margin`` (gross margin), net CNY up to ``end``; 0 for a referred customer without orders.

    Examples
    --------
    >>> import pandas as pd
    >>> links = pd.DataFrame({"source_id": ["A"], "target_id": ["B"], "relation": ["referred"]})
    >>> lines = pd.DataFrame({"order_id": ["O1", "O2"], "customer_id": ["B", "A"],
    ...                       "date": ["2025-05-01", "2025-06-01"], "amount": [1000.0, 500.0],
    ...                       "margin": [250.0, 100.0]})
    >>> referred_customers(links, lines, "2025-12-31")  # doctest: +NORMALIZE_WHITESPACE
                referrer  revenue  margin
    customer_id
    B                  A   1000.0   250.0
    """
    links = _links(referrals, source_col, target_col, relation_col)
    ref = links[links["relation"] == "referred"]
    if ref.empty:
        raise ValueError("referrals has no 'referred' link")
    doubled = ref["target"].duplicated()
    if doubled.any():
        raise ValueError(f"a customer is referred by two customers (first: {ref.loc[doubled, 'target'].iloc[0]!r})")
    bought = purchases(orders, end, order_col=order_col, margin_col="margin")
    totals = bought.groupby("customer_id")[["amount", "margin"]].sum()
    out = pd.DataFrame({"referrer": ref["source"].to_numpy()}, index=pd.Index(ref["target"], name="customer_id"))
    out["revenue"] = totals["amount"].reindex(out.index, fill_value=0.0).round(2)
    out["margin"] = totals["margin"].reindex(out.index, fill_value=0.0).round(2)
    return out.sort_index()


def referral_value(
    referrals: pd.DataFrame,
    orders: pd.DataFrame,
    end,
    *,
    source_col: str = "source_id",
    target_col: str = "target_id",
    relation_col: str = "relation",
    order_col: str | None = "order_id",
) -> pd.DataFrame:
    """The influence model in money: per referrer, the customers it brought and what they bought.

    Parameters
    ----------
    referrals, orders, end, source_col, target_col, relation_col, order_col
        As in :func:`referred_customers`.

    Returns
    -------
    DataFrame
        Indexed by ``customer_id`` (the referrer), largest ``referred_margin`` first (ties by id):
        ``referred`` (customers introduced), ``referred_revenue`` and ``referred_margin`` (their net
        revenue and gross margin up to ``end``, CNY) and ``margin_per_referral`` (CNY).

    Examples
    --------
    >>> import pandas as pd
    >>> links = pd.DataFrame({"source_id": ["A", "A", "C"], "target_id": ["B", "D", "E"],
    ...                       "relation": ["referred"] * 3})
    >>> lines = pd.DataFrame({"order_id": ["O1", "O2", "O3"], "customer_id": ["B", "D", "E"],
    ...                       "date": ["2025-05-01"] * 3, "amount": [1000.0, 600.0, 900.0],
    ...                       "margin": [250.0, 150.0, 300.0]})
    >>> referral_value(links, lines, "2025-12-31")["margin_per_referral"].tolist()
    [200.0, 300.0]
    """
    each = referred_customers(
        referrals,
        orders,
        end,
        source_col=source_col,
        target_col=target_col,
        relation_col=relation_col,
        order_col=order_col,
    )
    grouped = each.groupby("referrer")
    out = pd.DataFrame(
        {
            "referred": grouped.size().astype("int64"),
            "referred_revenue": grouped["revenue"].sum().round(2),
            "referred_margin": grouped["margin"].sum().round(2),
        }
    )
    out["margin_per_referral"] = (out["referred_margin"] / out["referred"]).round(2)
    out.index = out.index.rename("customer_id")
    out = out.sort_index().sort_values("referred_margin", ascending=False, kind="stable")
    return out


def invite_list(
    influence: pd.DataFrame,
    activity: pd.DataFrame | None = None,
    *,
    n: int = 10,
    min_events: int = 1,
) -> pd.DataFrame:
    """Whom to invite to a referral programme: the most influential customers that are socially active.

    Parameters
    ----------
    influence : DataFrame
        The result of :func:`coursekit.network.influence`.
    activity : DataFrame, optional
        The result of :func:`social_activity`; when given, only customers with at least
        ``min_events`` events in its window are invited, and its columns are added.
    n : int, default 10
        How many customers to invite.
    min_events : int, default 1
        Events needed in the activity window.

    Returns
    -------
    DataFrame
        The ``n`` customers with the highest ``pagerank`` (ties by id), with the influence
        columns [and ``events`` and ``activity_level``], indexed by ``customer_id``.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"degree": [3, 1, 2], "dependants": [0, 0, 1], "pagerank": [0.5, 0.2, 0.3]},
    ...                      index=pd.Index(["A", "B", "C"], name="customer_id"))
    >>> invite_list(table, n=2).index.tolist()
    ['A', 'C']
    """
    v.require_frame(influence, "influence")
    v.require_columns(influence, ["degree", "dependants", "pagerank"], "influence")
    v.require_in_range(n, "n", 1, None)
    out = influence.sort_index().sort_values("pagerank", ascending=False, kind="stable")
    if activity is not None:
        v.require_frame(activity, "activity", allow_empty=True)
        v.require_columns(activity, ["events", "activity_level"], "activity")
        out = out.join(activity[["events", "activity_level"]], how="inner")
        out = out[out["events"] >= min_events]
    return out.head(int(n))
