"""How long customers stay: a Kaplan-Meier survival curve (生存曲线) with lifelines."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .status import customer_status

__all__ = ["kaplan_meier", "survival_table"]

DAYS_PER_MONTH = 365.25 / 12


def survival_table(
    orders: pd.DataFrame, end, *, customers: pd.DataFrame | None = None, observed_from=None
) -> pd.DataFrame:
    """Each customer's time as a customer, in months, and whether the relationship ended (lost).

    The relationship starts at ``acquired_date`` (without ``customers``: at the first purchase
    in the log). A customer who is *lost* at ``end``
    (:func:`customer_status`: no purchase for more than 365 days) left at the last purchase:
    ``months`` runs to it and ``lost`` is True. Every other customer is still a customer:
    ``months`` runs to ``end`` and ``lost`` is False (censored, 删失). Orders start at
    ``observed_from`` (default: the first order in the log); a customer won before it enters
    observation then (``entry``, months since acquired), so long-standing customers who left
    before the log began are not counted as survivors (left truncation).

    Parameters
    ----------
    orders : DataFrame
        Order lines (customer_id, date, amount).
    end : date-like
        Observation end.
    customers : DataFrame, optional
        ``customer_id`` and ``acquired_date``.
    observed_from : date-like, optional
        First day of the order log.

    Returns
    -------
    DataFrame
        Indexed by customer id (customers with a purchase): ``entry``, ``months`` (1 decimal)
        and ``lost`` (bool).

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"customer_id": ["A", "B"], "acquired_date": ["2023-01-01", "2024-01-01"]})
    >>> orders = pd.DataFrame({"customer_id": ["A", "B"], "amount": [1.0, 1.0],
    ...                        "date": ["2023-07-02", "2025-06-01"]})
    >>> survival_table(orders, "2025-12-31", customers=customers, observed_from="2023-01-01")  # doctest: +NORMALIZE_WHITESPACE
                 entry  months   lost
    customer_id
    A              0.0     6.0   True
    B              0.0    24.0  False
    """
    v.require_frame(orders, "orders")
    end = v.as_timestamp(end)
    status = customer_status(orders, end)
    if observed_from is None:
        start = pd.to_datetime(orders["date"]).min()
    else:
        start = v.as_timestamp(observed_from, "observed_from")
    if customers is None:
        dates = pd.to_datetime(orders["date"])
        acquired = dates[dates <= end].groupby(orders["customer_id"]).min().reindex(status.index)
    else:
        v.require_frame(customers, "customers")
        v.require_columns(customers, ["customer_id", "acquired_date"], "customers")
        acquired = pd.to_datetime(customers.set_index("customer_id")["acquired_date"]).reindex(status.index)
    if acquired.isna().any():
        raise ValueError(f"customers has no acquired_date for {int(acquired.isna().sum())} buying customer(s)")
    lost = status["status"].astype(str).eq("lost")
    stop = status["last_purchase"].where(lost, end)
    months = (stop - acquired).dt.days / DAYS_PER_MONTH
    entry = ((start - acquired).dt.days / DAYS_PER_MONTH).clip(lower=0)
    out = pd.DataFrame(
        {"entry": entry.round(1), "months": months.round(1), "lost": lost.to_numpy()}, index=status.index
    )
    out.index.name = "customer_id"
    return out


def kaplan_meier(table: pd.DataFrame, groups: pd.Series | None = None, *, months=(12, 24, 36, 60)) -> pd.DataFrame:
    """Kaplan-Meier estimate of the share of customers still with Yunfeng after t months.

    Fitted with ``lifelines.KaplanMeierFitter`` on ``months`` and ``lost``, with ``entry`` for
    the customers who entered observation late (left truncation).

    Parameters
    ----------
    table : DataFrame
        :func:`survival_table` result.
    groups : Series, optional
        A group per customer (e.g. the tier); one column per group.
    months : sequence of float
        The times at which the survival share is read.

    Returns
    -------
    DataFrame
        Index ``months``; one column per group (``all`` without groups): the survival share in
        % (1 decimal).

    Examples
    --------
    Four customers observed from the start: one leaves after 6 months, one after 18; two stay
    24 months. After 12 months 3 of 4 remain (75 %), after 24 months 3/4 x 2/3 = 50 %:

    >>> import pandas as pd
    >>> t = pd.DataFrame({"entry": [0.0] * 4, "months": [6.0, 18.0, 24.0, 24.0],
    ...                   "lost": [True, True, False, False]}, index=list("ABCD"))
    >>> kaplan_meier(t, months=[12, 24])["all"].tolist()
    [75.0, 50.0]
    """
    from lifelines import KaplanMeierFitter

    v.require_frame(table, "table")
    v.require_columns(table, ["entry", "months", "lost"], "table")
    if groups is None:
        parts = {"all": table}
    else:
        v.require_series(groups, "groups")
        g = groups.reindex(table.index)
        keys = list(groups.cat.categories) if isinstance(groups.dtype, pd.CategoricalDtype) else list(pd.unique(groups))
        parts = {key: table[g.to_numpy() == key] for key in keys}
    times = np.asarray(list(months), dtype=float)
    out = {}
    for key, part in parts.items():
        if part.empty:
            out[key] = np.full(len(times), np.nan)
            continue
        fitter = KaplanMeierFitter()
        fitter.fit(part["months"], event_observed=part["lost"], entry=part["entry"])
        out[key] = np.round(100 * fitter.survival_function_at_times(times).to_numpy(), 1)
    result = pd.DataFrame(out, index=pd.Index(times, name="months"))
    if groups is not None and isinstance(groups.dtype, pd.CategoricalDtype):
        result.columns = pd.CategoricalIndex(result.columns, categories=groups.cat.categories, ordered=True)
    return result
