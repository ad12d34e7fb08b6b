"""The customer profit improvement proposal (客户利润增长提案, PIP): the customer's gain and ours."""

from __future__ import annotations

import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = ["PIP_MEASURES", "pip_table", "pip_value"]

#: The measures of :func:`pip_value`, in the order of the calculation.
PIP_MEASURES = i18n.define_names(
    "pip_measure",
    english={
        "cost_today": "Customer's cost today",
        "customer_saving": "Saving from the proposal",
        "cost_after": "Customer's cost after the proposal",
        "customer_pays_more": "Customer pays us more",
        "customer_net_gain": "Customer's net gain",
        "customer_return": "Customer's return on the extra spend",
        "our_extra_revenue": "Our extra revenue",
        "our_gain": "Our extra gross margin",
    },
)


def _costs(costs) -> pd.Series:
    if isinstance(costs, dict):
        costs = pd.Series(costs, dtype="float64")
    series = v.require_series(costs, "costs")
    if not pd.api.types.is_numeric_dtype(series):
        raise TypeError("costs must hold numbers (CNY per year)")
    if series.isna().any() or (series < 0).any():
        raise ValueError("costs must be zero or more CNY per year, without missing values")
    if not series.index.is_unique:
        raise ValueError("costs has a cost item twice")
    return series.astype("float64")


def pip_table(costs, *, savings: dict) -> pd.DataFrame:
    """Cost item by cost item: the customer's cost today, the share the proposal saves, the cost after.

    Parameters
    ----------
    costs : Series or dict
        The customer's yearly cost per item today (CNY per year), e.g. ``{"downtime": 120000}``.
    savings : dict
        Share of each item's cost the proposal saves (0-1); items not named save nothing. A
        negative share is an extra cost the proposal brings (e.g. a service fee as its own item).

    Returns
    -------
    DataFrame
        Indexed by item: ``today`` (cost today), ``saving_share``, ``saving`` and ``after`` (cost after
        the proposal), CNY per year.

    Raises
    ------
    TypeError
        ``costs`` is not a Series or dict of numbers.
    ValueError
        Empty or negative costs, a saving for an unknown item or a share above 1.

    Examples
    --------
    >>> pip_table({"downtime": 100_000.0, "stock": 50_000.0}, savings={"downtime": 0.4})
                 today  saving_share   saving    after
    downtime  100000.0           0.4  40000.0  60000.0
    stock      50000.0           0.0      0.0  50000.0
    """
    cost = _costs(costs)
    unknown = [k for k in savings if k not in cost.index]
    if unknown:
        raise ValueError(f"savings names an item that is not in costs: {unknown[0]!r}")
    share = pd.Series(savings, dtype="float64").reindex(cost.index, fill_value=0.0)
    if (share > 1).any() or share.isna().any():
        raise ValueError("savings must be shares of the cost, at most 1")
    saving = cost * share
    return pd.DataFrame({"today": cost, "saving_share": share, "saving": saving, "after": cost - saving})


def pip_value(costs, *, savings: dict, extra_revenue: float, margin_rate: float) -> pd.Series:
    """The PIP in one column: the customer's cost today -> the proposal -> the customer's gain and ours.

    The customer saves ``sum(cost x saving share)`` a year and pays us ``extra_revenue`` more a
    year; its **net gain** is the saving minus the extra spend, and its **return** is the net gain
    per yuan of extra spend. Our gain is the extra revenue times our gross margin rate. A proposal
    is worth making when both gains are positive.

    Parameters
    ----------
    costs : Series or dict
        The customer's yearly cost per item today (CNY per year).
    savings : dict
        Share of each item's cost the proposal saves (0-1).
    extra_revenue : float
        What the customer pays Yunfeng more per year under the proposal (CNY per year, >= 0).
    margin_rate : float
        Yunfeng's gross margin rate on that revenue (0-1).

    Returns
    -------
    Series
        Indexed by the keys of :data:`PIP_MEASURES` (CNY per year; ``customer_return`` a ratio,
        NaN when there is no extra spend).

    Raises
    ------
    TypeError, ValueError
        As :func:`pip_table`; a negative extra revenue or a margin rate outside 0-1.

    Examples
    --------
    >>> pip_value({"downtime": 100_000.0}, savings={"downtime": 0.5}, extra_revenue=20_000, margin_rate=0.25)
    cost_today            100000.0
    customer_saving        50000.0
    cost_after             50000.0
    customer_pays_more     20000.0
    customer_net_gain      30000.0
    customer_return            1.5
    our_extra_revenue      20000.0
    our_gain                5000.0
    dtype: float64
    """
    table = pip_table(costs, savings=savings)
    extra = v.require_in_range(extra_revenue, "extra_revenue", 0)
    rate = v.require_in_range(margin_rate, "margin_rate", 0, 1)
    saving = float(table["saving"].sum())
    net = saving - extra
    return pd.Series(
        {
            "cost_today": float(table["today"].sum()),
            "customer_saving": saving,
            "cost_after": float(table["after"].sum()),
            "customer_pays_more": extra,
            "customer_net_gain": net,
            "customer_return": net / extra if extra > 0 else float("nan"),
            "our_extra_revenue": extra,
            "our_gain": extra * rate,
        },
        dtype="float64",
    )
