"""Satisfaction against behaviour, per customer: the satisfaction trap (满意陷阱), stickiness (粘性),
referrals (转介绍), complaints and key accounts (重点客户)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from ..loyalty.status import customer_status
from ..transactions.log import purchases
from .nps import NPS_GROUPS, nps_group

__all__ = ["customer_signals", "signal_summary"]

#: Statuses that count as "left" (no purchase for more than 180 days: dormant or lost).
LEFT_STATUSES = ("dormant", "lost")


def customer_signals(
    survey: pd.DataFrame,
    orders: pd.DataFrame,
    end,
    *,
    tickets: pd.DataFrame | None = None,
    referrals: pd.DataFrame | None = None,
    key_share: float = 0.05,
    order_col: str | None = "order_id",
    date_col: str = "survey_date",
) -> pd.DataFrame:
    """Each surveyed customer's latest answer beside what the customer did: status, stickiness, referrals.

    Parameters
    ----------
    survey : DataFrame
        One row per answer: ``customer_id``, ``date_col``, ``nps_score`` (and
        ``overall_satisfaction`` when present).
    orders : DataFrame
        Order lines (customer_id, date, amount; returns netted by the transactions layer).
    end : date-like
        Observation end, inclusive (the case data: 2025-12-31).
    tickets : DataFrame, optional
        Service tickets (``customer_id``, ``opened_at``, ``is_complaint``): adds ``complaints_12m``.
    referrals : DataFrame, optional
        Links (``source_id``, ``relation``): adds ``referrals``, the customers this one referred.
    key_share : float, default 0.05
        Share of all buying customers, by net revenue up to ``end``, that are key accounts
        (重点客户; seed 003: strategic customers are the top 5 %).
    order_col : str or None, default "order_id"
        Order id column (a purchase is an order); None counts purchase days.
    date_col : str, default "survey_date"
        Date of the answer.

    Returns
    -------
    DataFrame
        Indexed by customer id (surveyed customers that bought up to ``end``): ``survey_date``,
        ``nps_score``, ``nps_group`` [, ``overall_satisfaction``] of the latest answer;
        ``status`` (:func:`coursekit.loyalty.customer_status`), ``left`` (dormant or lost:
        no purchase for more than 180 days), ``revenue`` (net CNY up to ``end``),
        ``key_account`` (bool), ``active_months_12m`` (months with a purchase in the 12 months to
        ``end``, 0-12: stickiness) [, ``complaints_12m``, ``referrals``].

    Raises
    ------
    TypeError, ValueError
        Tables or columns of the wrong kind, empty or missing; ``key_share`` outside (0, 1].

    Examples
    --------
    >>> import pandas as pd, warnings
    >>> answers = pd.DataFrame({"customer_id": ["A", "B"], "survey_date": ["2025-06-01"] * 2,
    ...                         "nps_score": [10, 4]})
    >>> lines = pd.DataFrame({"customer_id": ["A", "B"], "date": ["2025-01-10", "2025-12-01"],
    ...                       "amount": [500.0, 100.0]})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     signals = customer_signals(answers, lines, "2025-12-31", order_col=None, key_share=0.5)
    >>> signals[["nps_group", "status", "left", "key_account"]]  # doctest: +NORMALIZE_WHITESPACE
                 nps_group   status   left  key_account
    customer_id
    A             promoter  dormant   True         True
    B            detractor   active  False        False
    """
    v.require_frame(survey, "survey")
    v.require_columns(survey, ["customer_id", date_col, "nps_score"], "survey")
    v.require_in_range(key_share, "key_share", 0, 1, inclusive=True)
    if key_share == 0:
        raise ValueError("key_share must be above 0, e.g. 0.05 for the top 5 %")
    end_ts = v.as_timestamp(end)
    answers = survey.assign(**{date_col: v.date_column(survey, date_col, "survey", end=end_ts)})
    answers = answers.sort_values([date_col, "customer_id"], kind="stable")
    latest = answers.drop_duplicates("customer_id", keep="last").set_index("customer_id").sort_index()
    keep = [date_col, "nps_score"] + (["overall_satisfaction"] if "overall_satisfaction" in latest else [])
    out = latest[keep].copy()
    out["nps_group"] = nps_group(latest["nps_score"])
    status = customer_status(orders, end_ts, order_col=order_col)
    bought = purchases(orders, end_ts, order_col=order_col)
    revenue = bought.groupby("customer_id")["amount"].sum()
    n_key = max(1, int(np.ceil(key_share * len(revenue))))
    key_ids = revenue.sort_values(ascending=False, kind="stable").index[:n_key]
    out = out[out.index.isin(status.index)]
    out["status"] = status["status"].reindex(out.index)
    out["left"] = out["status"].isin(LEFT_STATUSES).astype(bool)
    out["revenue"] = revenue.reindex(out.index).to_numpy()
    out["key_account"] = out.index.isin(key_ids)
    recent = bought[bought["date"] > end_ts - pd.DateOffset(months=12)]
    months = recent.assign(month=recent["date"].dt.to_period("M")).groupby("customer_id")["month"].nunique()
    out["active_months_12m"] = months.reindex(out.index, fill_value=0).astype("int64").to_numpy()
    if tickets is not None:
        v.require_frame(tickets, "tickets")
        v.require_columns(tickets, ["customer_id", "opened_at", "is_complaint"], "tickets")
        opened = v.date_column(tickets, "opened_at", "tickets")
        window = (opened > end_ts - pd.DateOffset(months=12)) & (opened < end_ts + pd.Timedelta(days=1))
        complaints = tickets.loc[window & tickets["is_complaint"].astype(bool), "customer_id"].value_counts()
        out["complaints_12m"] = complaints.reindex(out.index, fill_value=0).astype("int64").to_numpy()
    if referrals is not None:
        v.require_frame(referrals, "referrals")
        v.require_columns(referrals, ["source_id", "relation"], "referrals")
        made = referrals.loc[referrals["relation"] == "referred", "source_id"].value_counts()
        out["referrals"] = made.reindex(out.index, fill_value=0).astype("int64").to_numpy()
    out.index.name = "customer_id"
    return out


def signal_summary(signals: pd.DataFrame, *, by: str = "nps_group") -> pd.DataFrame:
    """Behaviour per satisfaction group: how many left, how sticky, how many refer and complain.

    Parameters
    ----------
    signals : DataFrame
        Output of :func:`customer_signals`.
    by : str, default "nps_group"
        Column to group by (``nps_group``, ``key_account``, ``status`` ...).

    Returns
    -------
    DataFrame
        One row per group: ``customers``, ``left_pct`` (% dormant or lost), ``active_months``
        (mean months with a purchase in the last 12), ``referrers_pct`` (% who referred at
        least one customer) and ``complaints_mean`` (complaints per customer in the last 12
        months) when those columns are present, ``revenue`` (net CNY, sum).

    Raises
    ------
    TypeError, ValueError
        Not a DataFrame, empty, a missing column.

    Examples
    --------
    >>> import pandas as pd
    >>> signals = pd.DataFrame({"nps_group": ["promoter", "promoter", "detractor"], "left": [True, False, True],
    ...                         "active_months_12m": [2, 10, 0], "revenue": [5.0, 10.0, 1.0]})
    >>> signal_summary(signals)[["customers", "left_pct", "active_months"]]  # doctest: +NORMALIZE_WHITESPACE
               customers  left_pct  active_months
    nps_group
    promoter           2      50.0            6.0
    detractor          1     100.0            0.0
    """
    v.require_frame(signals, "signals")
    v.require_columns(signals, [by, "left", "active_months_12m", "revenue"], "signals")
    groups = signals[by]
    if by == "nps_group" and not isinstance(groups.dtype, pd.CategoricalDtype):
        groups = pd.Categorical(groups, categories=list(NPS_GROUPS), ordered=True)
    grouped = signals.groupby(groups, observed=True, sort=True)
    out = pd.DataFrame(
        {
            "customers": grouped.size().astype("int64"),
            "left_pct": 100.0 * grouped["left"].mean().astype(float),
            "active_months": grouped["active_months_12m"].mean(),
        }
    )
    if "referrals" in signals:
        out["referrers_pct"] = 100.0 * grouped["referrals"].apply(lambda s: float((s > 0).mean()))
    if "complaints_12m" in signals:
        out["complaints_mean"] = grouped["complaints_12m"].mean()
    out["revenue"] = grouped["revenue"].sum()
    out.index.name = by
    return out
