"""Customer data analysis (客户数据分析): one profile row per customer from five tables.

The customer table (客户档案) gives who the customer is; orders, tickets, visits, engagement
events and survey answers give how it behaves. :func:`customer_profile` joins them at a fixed
``end`` over a look-back ``window`` (default 365 days), and :func:`profile_by` sums the profile up
by one attribute.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from ..transactions.log import purchases

__all__ = ["customer_profile", "profile_by"]


def _events_in_window(table, name, customer_col, date_col, start, end) -> pd.Series:
    """Events per customer with start < date <= end (whole days)."""
    if table is None:
        return pd.Series(dtype=float)
    v.require_frame(table, name)
    v.require_columns(table, [customer_col, date_col], name)
    days = v.date_column(table, date_col, name).dt.normalize()
    inside = (days > start) & (days <= end)
    return table.loc[inside, customer_col].value_counts()


def customer_profile(
    customers: pd.DataFrame,
    end,
    *,
    orders: pd.DataFrame | None = None,
    tickets: pd.DataFrame | None = None,
    visits: pd.DataFrame | None = None,
    engagement: pd.DataFrame | None = None,
    survey: pd.DataFrame | None = None,
    window: int = 365,
    customer_col: str = "customer_id",
) -> pd.DataFrame:
    """One row per customer: profile attributes and behaviour over the ``window`` days up to ``end``.

    Orders go through :func:`coursekit.transactions.purchases` (returns netted into their order);
    tickets are dated by ``opened_at``, visits and engagement events by ``date``, survey answers
    by ``survey_date``. Counts are whole numbers (0 when a customer had none); ``nps_score`` is
    the customer's latest answer on or before ``end`` and stays missing (NaN) for the customers
    never surveyed (missing is not zero). Customers acquired after ``end`` are left out (noted).

    Parameters
    ----------
    customers : DataFrame
        The customer table: ``customer_col``, ``customer_type``, ``size``, ``region``,
        ``employees``, ``acquired_date``.
    end : date-like
        Last day of the window, inclusive.
    orders : DataFrame
        Order lines, required (``customer_id``, ``order_id``, ``date``, ``amount``, ``margin``,
        ``product_line``).
    tickets, visits, engagement, survey : DataFrame, optional
        The other tables of the case data; a missing table gives a column of zeros (NaN for NPS).
    window : int
        Look-back in days (default 365: the last twelve months).
    customer_col : str
        Customer id column of every table.

    Returns
    -------
    DataFrame
        Indexed by customer id, the profile columns (see :data:`coursekit.personas.HEADERS`; ``days_since`` counts
        from the last order of 2023-25 at any time up to ``end``; NaN for a customer without
        orders; ``margin_pct`` is NaN without revenue).

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"customer_id": ["A", "B"], "customer_type": ["OEM", "end user"],
    ...     "size": ["large", "small"], "region": ["East China", "North China"],
    ...     "employees": [800, 40], "acquired_date": ["2020-01-01", "2025-01-01"]})
    >>> orders = pd.DataFrame({"customer_id": ["A", "A", "B"], "order_id": ["1", "2", "3"],
    ...     "date": ["2025-03-01", "2025-12-01", "2024-06-01"], "amount": [100.0, 300.0, 50.0],
    ...     "margin": [20.0, 60.0, 10.0], "product_line": ["bearings", "lubricants", "bearings"]})
    >>> p = customer_profile(customers, "2025-12-31", orders=orders)
    >>> p[["orders", "revenue", "avg_order", "margin_pct", "days_since", "product_lines"]]
    ... # doctest: +NORMALIZE_WHITESPACE
                 orders  revenue  avg_order  margin_pct  days_since  product_lines
    customer_id
    A                 2    400.0      200.0        20.0        30.0              2
    B                 0      0.0        NaN         NaN       578.0              0
    """
    name = "customers"
    v.require_frame(customers, name)
    needed = [customer_col, "customer_type", "size", "region", "employees", "acquired_date"]
    v.require_columns(customers, needed, name)
    v.require_unique(customers, customer_col, name)
    end = v.as_timestamp(end)
    window = int(v.require_in_range(window, "window", 1, None))
    start = end - pd.Timedelta(days=window)
    acquired = v.date_column(customers, "acquired_date", name)
    later = acquired > end
    base = customers.loc[~later].set_index(customer_col)
    out = base[["customer_type", "size", "region"]].copy()
    out["employees"] = v.numeric_column(base, "employees", name, allow_negative=False)
    out["tenure_years"] = ((end - acquired[~later]).dt.days / 365.25).round(2).to_numpy()

    v.require_frame(orders, "orders")
    v.require_columns(orders, [customer_col, "order_id", "date", "amount", "margin", "product_line"], "orders")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", v.CourseKitDataNote)  # reported once on the profile, below
        bought = purchases(orders, end, customer_col=customer_col, order_col="order_id", margin_col="margin")
    recent = bought[bought["date"] > start]
    out["orders"] = recent[customer_col].value_counts().reindex(out.index, fill_value=0).astype(int)
    revenue = recent.groupby(customer_col)["amount"].sum().reindex(out.index, fill_value=0.0)
    margin = recent.groupby(customer_col)["margin"].sum().reindex(out.index, fill_value=0.0)
    out["revenue"] = revenue.round(2)
    out["avg_order"] = (revenue / out["orders"].replace(0, np.nan)).round(2)
    out["margin_pct"] = (100 * margin / revenue.where(revenue > 0)).round(2)
    last = bought.groupby(customer_col)["date"].max().reindex(out.index)
    out["days_since"] = (end - last).dt.days.astype(float)
    lines = orders[[customer_col, "date", "product_line", "amount"]]
    days = v.date_column(orders, "date", "orders").dt.normalize()
    sold = lines[(days > start) & (days <= end) & (lines["amount"] > 0)]
    out["product_lines"] = sold.groupby(customer_col)["product_line"].nunique().reindex(out.index, fill_value=0)
    out["product_lines"] = out["product_lines"].astype(int)

    tk = _events_in_window(tickets, "tickets", customer_col, "opened_at", start, end)
    out["tickets"] = tk.reindex(out.index, fill_value=0).astype(int)
    if tickets is not None:
        v.require_columns(tickets, ["is_complaint"], "tickets")
        complaint = tickets[tickets["is_complaint"].astype(bool)]
        cp = _events_in_window(complaint, "tickets", customer_col, "opened_at", start, end)
    else:
        cp = pd.Series(dtype=float)
    out["complaints"] = cp.reindex(out.index, fill_value=0).astype(int)
    vs = _events_in_window(visits, "visits", customer_col, "date", start, end)
    out["visits"] = vs.reindex(out.index, fill_value=0).astype(int)
    eg = _events_in_window(engagement, "engagement", customer_col, "date", start, end)
    out["engagement"] = eg.reindex(out.index, fill_value=0).astype(int)
    if survey is not None:
        v.require_frame(survey, "survey")
        v.require_columns(survey, [customer_col, "survey_date", "nps_score"], "survey")
        when = v.date_column(survey, "survey_date", "survey")
        answered = survey[when <= end].assign(_when=when[when <= end]).sort_values("_when")
        out["nps_score"] = answered.groupby(customer_col)["nps_score"].last().reindex(out.index).astype(float)
    else:
        out["nps_score"] = np.nan
    out.index.name = customer_col
    for message in bought.attrs.get("notes", []):  # returns netted, orders left out: the profile says so
        v.note(message, out)
    if later.any():
        example = customers.loc[later, customer_col].iloc[0]
        v.note(
            i18n._(
                "{n} customer(s) acquired after the end left out (e.g. {example})", n=int(later.sum()), example=example
            ),
            out,
        )
    return out


def profile_by(profile: pd.DataFrame, by: str = "customer_type") -> pd.DataFrame:
    """Sum a profile up by one attribute: customers, revenue share and the typical behaviour.

    Parameters
    ----------
    profile : DataFrame
        Output of :func:`customer_profile` (or one with a ``persona`` column).
    by : str
        The column to group by (``customer_type``, ``size``, ``region``, ``persona`` ...).

    Returns
    -------
    DataFrame
        One row per value of ``by``: ``customers``, ``customer_share`` and ``revenue_share`` (0-1),
        the medians of ``revenue``, ``orders``, ``days_since``, the means of ``tickets``, ``visits``
        and ``engagement`` per customer, the mean ``nps_score`` over the surveyed customers and
        ``surveyed`` (how many answered).

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"customer_type": ["OEM", "OEM", "end user"], "revenue": [300.0, 100.0, 100.0],
    ...     "orders": [3, 1, 2], "days_since": [10.0, 40.0, 5.0], "tickets": [1, 0, 2],
    ...     "visits": [2, 0, 0], "engagement": [0, 0, 1], "nps_score": [9.0, None, 7.0]})
    >>> profile_by(p)[["customers", "revenue_share", "revenue_median", "nps_mean", "surveyed"]]
    ... # doctest: +NORMALIZE_WHITESPACE
                   customers  revenue_share  revenue_median  nps_mean  surveyed
    customer_type
    OEM                    2            0.8           200.0       9.0         1
    end user               1            0.2           100.0       7.0         1
    """
    name = "profile"
    v.require_frame(profile, name)
    cols = ["revenue", "orders", "days_since", "tickets", "visits", "engagement", "nps_score"]
    v.require_columns(profile, [by] + cols, name)
    total = float(profile["revenue"].sum())
    grouped = profile.groupby(by, observed=True, sort=True)
    out = pd.DataFrame({"customers": grouped.size()})
    out["customer_share"] = (out["customers"] / len(profile)).round(4)
    out["revenue_share"] = (grouped["revenue"].sum() / total).round(4) if total else np.nan
    out["revenue_median"] = grouped["revenue"].median().round(0)
    out["orders_median"] = grouped["orders"].median()
    out["days_since_median"] = grouped["days_since"].median()
    for col in ("tickets", "visits", "engagement"):
        out[f"{col}_mean"] = grouped[col].mean().round(2)
    out["nps_mean"] = grouped["nps_score"].mean().round(2)
    out["surveyed"] = grouped["nps_score"].count().astype(int)
    return out
