"""Customer lifecycle stages (客户生命周期阶段) located in the order book by a stated rule.

Seed 002 names six stages: potential (潜在客户期), development (开发期), growth (成长期),
mature (成熟期), decline (衰退期) and termination (终止期). :func:`lifecycle_stages` puts every
customer (and every prospect) in one of them at ``end``; :func:`stage_summary` counts customers
and revenue per stage.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from .._validate import CourseKitDataNote

__all__ = ["STAGES", "lifecycle_stages", "stage_summary"]

STAGES: dict[str, str] = i18n.define_names(
    "lifecycle_stage",
    column="stage",
    english={
        "potential": "Potential stage",
        "development": "Development stage",
        "growth": "Growth stage",
        "mature": "Mature stage",
        "decline": "Decline stage",
        "termination": "Termination stage",
    },
)
"""Lifecycle stage keys in lifecycle order, ``key -> English name`` (Chinese in the catalog)."""


def lifecycle_stages(
    orders: pd.DataFrame,
    end,
    *,
    prospects=None,
    band: float = 0.2,
    window_days: int = 365,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """The lifecycle stage of every customer at ``end``, by a stated rule on the order book.

    With L = net revenue in the last ``window_days`` up to ``end`` and P = net revenue in the
    ``window_days`` before that, and the status of :func:`coursekit.loyalty.customer_status`,
    the rules are applied in this order:

    1. **potential** (潜在客户期): a prospect (in ``prospects``) with no purchase up to ``end``;
    2. **termination** (终止期): status *lost*, no purchase for more than 365 days;
    3. **development** (开发期): first purchase within the last ``window_days``: a new account;
    4. **decline** (衰退期): status *dormant* (181–365 days without a purchase), or
       L < (1 − ``band``) · P;
    5. **growth** (成长期): L > (1 + ``band``) · P;
    6. **mature** (成熟期): the rest, L within ± ``band`` of P.

    Parameters
    ----------
    orders : DataFrame
        Order lines: customer, date, amount (negative on returns, netted into purchases by
        :func:`coursekit.transactions.purchases`).
    end : date-like
        Last day, inclusive (e.g. ``datasets.OBSERVATION_END``).
    prospects : list, Index or Series of ids, optional
        Prospects (e.g. the ``P…`` ids of the opportunities table). Ids that bought are customers.
    band : float, default 0.2
        Change of revenue that counts as growth or decline (0.2 = 20 %), 0 < band < 1.
    window_days : int, default 365
        Length of each of the two revenue windows, in days.
    customer_col, date_col, amount_col : str
        Column names of ``orders``.

    Returns
    -------
    DataFrame
        Indexed by customer id: ``first_purchase``, ``last_purchase`` (dates, missing for a
        prospect), ``revenue_last`` (L), ``revenue_prior`` (P), both in CNY, ``status`` and
        ``stage`` (key, ordered categorical in lifecycle order, :data:`STAGES`).

    Raises
    ------
    TypeError
        ``orders`` is not a DataFrame.
    ValueError
        Empty table, missing columns, ``band`` outside (0, 1) or ``window_days`` < 1.

    Examples
    --------
    A grew (120 → 300), B fell (300 → 100), C is new, D has not bought for 400 days, P is a prospect:

    >>> import pandas as pd, warnings
    >>> orders = pd.DataFrame({
    ...     "customer_id": ["A", "A", "B", "B", "C", "D"],
    ...     "date": ["2024-06-01", "2025-11-15", "2024-06-01", "2025-11-01", "2025-10-01", "2024-11-20"],
    ...     "amount": [120.0, 300.0, 300.0, 100.0, 50.0, 80.0]})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     table = lifecycle_stages(orders, "2025-12-31", prospects=["P1"])
    >>> table["stage"].astype(str).to_dict()
    {'A': 'growth', 'B': 'decline', 'C': 'development', 'D': 'termination', 'P1': 'potential'}
    """
    from ..loyalty import customer_status
    from ..transactions import purchases

    v.require_frame(orders, "orders")
    v.require_columns(orders, [customer_col, date_col, amount_col], "orders")
    band = v.require_in_range(band, "band", 0, 1, inclusive=False)
    if int(window_days) != window_days or window_days < 1:
        raise ValueError(f"window_days must be a whole number of days >= 1, got {window_days!r}")
    end_ts = v.as_timestamp(end, "end").normalize()
    kw = {"customer_col": customer_col, "date_col": date_col, "amount_col": amount_col}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)  # reported once, below
        bought = purchases(orders, end_ts, **kw)
        status = customer_status(orders, end_ts, **kw)["status"]
    days = (end_ts - bought[date_col]).dt.days.to_numpy()
    ids = bought[customer_col].to_numpy()
    amount = bought[amount_col].to_numpy(dtype=float)
    last = pd.Series(np.where(days < window_days, amount, 0.0)).groupby(ids).sum()
    prior = pd.Series(np.where((days >= window_days) & (days < 2 * window_days), amount, 0.0)).groupby(ids).sum()
    dates = bought.groupby(customer_col)[date_col]
    out = pd.DataFrame(
        {
            "first_purchase": dates.min(),
            "last_purchase": dates.max(),
            "revenue_last": last,
            "revenue_prior": prior,
        }
    )
    out["status"] = status.reindex(out.index).astype(str)
    new = (end_ts - out["first_purchase"]).dt.days < window_days
    lo, hi = (1 - band) * out["revenue_prior"], (1 + band) * out["revenue_prior"]
    stage = np.select(
        [
            out["status"] == "lost",
            new,
            (out["status"] == "dormant") | (out["revenue_last"] < lo),
            out["revenue_last"] > hi,
        ],
        ["termination", "development", "decline", "growth"],
        default="mature",
    )
    out["stage"] = stage
    if prospects is not None:
        if isinstance(prospects, (str, bytes)):
            raise TypeError("prospects must be a list, Index or Series of ids, not a single string")
        extra = pd.Index(pd.unique(pd.Index(prospects).dropna())).difference(out.index)
        if len(extra):
            pot = pd.DataFrame(
                {
                    "first_purchase": pd.NaT,
                    "last_purchase": pd.NaT,
                    "revenue_last": 0.0,
                    "revenue_prior": 0.0,
                    "status": pd.NA,
                    "stage": "potential",
                },
                index=extra,
            )
            out = pd.concat([out, pot.astype({"first_purchase": "datetime64[ns]", "last_purchase": "datetime64[ns]"})])
    out["stage"] = pd.Categorical(out["stage"], categories=list(STAGES), ordered=True)
    out[["revenue_last", "revenue_prior"]] = out[["revenue_last", "revenue_prior"]].round(2)
    out.index.name = customer_col
    for message in bought.attrs.get("notes", []):
        v.note(message, out)
    return out


def stage_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Customers and revenue per lifecycle stage: where the money sits in the lifecycle.

    Parameters
    ----------
    table : DataFrame
        A :func:`lifecycle_stages` result (columns ``stage``, ``revenue_last``, ``revenue_prior``).

    Returns
    -------
    DataFrame
        One row per stage of :data:`STAGES` (index ``stage``, key, in lifecycle order, empty stages
        included): ``customers``, ``customer_share`` (0–1), ``revenue_last`` (CNY, last window),
        ``revenue_share`` (0–1 of the last window's revenue) and ``revenue_prior`` (CNY, the window
        before).

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"stage": ["growth", "mature", "mature", "termination"],
    ...                       "revenue_last": [300.0, 100.0, 100.0, 0.0],
    ...                       "revenue_prior": [120.0, 100.0, 90.0, 80.0]})
    >>> summary = stage_summary(table)
    >>> summary.loc[["growth", "mature", "termination"], ["customers", "revenue_share", "revenue_prior"]]
    ... # doctest: +NORMALIZE_WHITESPACE
                 customers  revenue_share  revenue_prior
    stage
    growth               1            0.6          120.0
    mature               2            0.4          190.0
    termination          1            0.0           80.0
    """
    v.require_frame(table, "table")
    v.require_columns(table, ["stage", "revenue_last", "revenue_prior"], "table")
    unknown = sorted(set(table["stage"].dropna().astype(str)) - set(STAGES))
    if unknown:
        raise ValueError(f"table column 'stage' has unknown stages {unknown}; known: {', '.join(STAGES)}")
    last = v.numeric_column(table, "revenue_last", "table")
    prior = v.numeric_column(table, "revenue_prior", "table")
    stage = pd.Categorical(table["stage"].astype(str), categories=list(STAGES), ordered=True)
    groups = pd.DataFrame({"stage": stage, "last": last.to_numpy(), "prior": prior.to_numpy()})
    g = groups.groupby("stage", observed=False)
    total = float(last.sum())
    out = pd.DataFrame(
        {
            "customers": g.size().astype("int64"),
            "customer_share": g.size() / len(table),
            "revenue_last": g["last"].sum().round(2),
            "revenue_share": g["last"].sum() / total if total else 0.0,
            "revenue_prior": g["prior"].sum().round(2),
        }
    )
    out.index = pd.CategoricalIndex(out.index, categories=list(STAGES), ordered=True, name="stage")
    return out
