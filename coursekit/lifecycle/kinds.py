"""Kinds of customer (客户类型) after seed 004, with their attributes measured on the order book."""

from __future__ import annotations

import warnings

import pandas as pd

from .. import _validate as v
from .. import i18n
from .._validate import CourseKitDataNote

__all__ = ["CUSTOMER_KINDS", "YUNFENG_KINDS", "kind_profile"]

CUSTOMER_KINDS: dict[str, str] = i18n.define_names(
    "customer_kind",
    column="kind",
    english={
        "consumer": "Final buyer",
        "b2b": "B2B customer",
        "channel": "Channel partner (resells)",
        "internal": "Internal customer",
    },
)
"""The four kinds of customer of seed 004, ``key -> English name`` (Chinese in the catalog).

*Final buyer* (a): buys the end product for its own use (a household, or a plant using the parts);
*B2B* (b): builds our product into its own and sells it on; *channel* (c): resells or represents
us locally, without being paid by us; *internal* (d): a department of our own company that needs
our work to reach its goals.
"""

#: Yunfeng's ``customer_type`` -> seed-004 kind. Internal customers place no orders.
YUNFENG_KINDS = {"end user": "consumer", "OEM": "b2b", "channel partner": "channel"}


def kind_profile(
    orders: pd.DataFrame,
    end,
    *,
    customers: pd.DataFrame | None = None,
    kinds: dict | None = None,
    start=None,
    customer_col: str = "customer_id",
    type_col: str = "customer_type",
    date_col: str = "date",
    amount_col: str = "amount",
    margin_col: str = "margin",
    order_col: str = "order_id",
) -> pd.DataFrame:
    """The attributes of each kind of customer from ``start`` to ``end``: size, value, buying pattern.

    Parameters
    ----------
    orders : DataFrame
        Order lines: customer, date, amount, margin (gross margin, CNY), order id.
    end : date-like
        Last day, inclusive.
    customers : DataFrame
        The customer table with ``customer_col`` and ``type_col`` (required).
    kinds : dict, optional
        ``type -> kind key`` of :data:`CUSTOMER_KINDS`; default :data:`YUNFENG_KINDS`.
    start : date-like, optional
        First day, inclusive; default one year before ``end``.
    customer_col, type_col, date_col, amount_col, margin_col, order_col : str
        Column names.

    Returns
    -------
    DataFrame
        One row per kind of :data:`CUSTOMER_KINDS` (index ``kind``, key; a kind without customers
        shows 0): ``customers`` (in the customer table), ``buying`` (with a purchase in the window),
        ``revenue`` (net, CNY), ``revenue_share`` (0–1), ``margin_rate`` (gross margin / revenue,
        0–1), ``orders_per_customer`` and ``order_value`` (net revenue per order, CNY).

    Raises
    ------
    TypeError
        ``orders`` or ``customers`` is not a DataFrame.
    ValueError
        Empty tables, missing columns, ``customers`` not given, a type without a kind.

    Examples
    --------
    >>> import pandas as pd, warnings
    >>> orders = pd.DataFrame({"order_id": ["O1", "O2", "O3"], "customer_id": ["A", "A", "B"],
    ...                        "date": ["2025-02-01", "2025-03-01", "2025-04-01"],
    ...                        "amount": [100.0, 300.0, 600.0], "margin": [20.0, 60.0, 60.0]})
    >>> customers = pd.DataFrame({"customer_id": ["A", "B", "C"],
    ...                           "customer_type": ["end user", "channel partner", "end user"]})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     table = kind_profile(orders, "2025-12-31", customers=customers)
    >>> table[["customers", "buying", "revenue_share", "margin_rate", "order_value"]]
    ... # doctest: +NORMALIZE_WHITESPACE
              customers  buying  revenue_share  margin_rate  order_value
    kind
    consumer          2       1            0.4          0.2        200.0
    b2b               0       0            0.0          NaN          NaN
    channel           1       1            0.6          0.1        600.0
    internal          0       0            0.0          NaN          NaN
    """
    from ..transactions import net_orders
    from ..value.cost import _window

    v.require_frame(orders, "orders")
    if customers is None:
        raise ValueError("customers is needed: the kind comes from the customer table's type column")
    v.require_frame(customers, "customers")
    v.require_columns(customers, [customer_col, type_col], "customers")
    v.require_unique(customers, customer_col, "customers")
    kinds = dict(YUNFENG_KINDS if kinds is None else kinds)
    bad = sorted(set(kinds.values()) - set(CUSTOMER_KINDS))
    if bad:
        raise ValueError(f"kinds has unknown kind keys {bad}; known: {', '.join(CUSTOMER_KINDS)}")
    types = customers.set_index(customer_col)[type_col]
    missing = sorted(set(types.dropna().astype(str)) - set(kinds))
    if missing:
        raise ValueError(f"customers column {type_col!r} has types without a kind: {missing}; pass kinds=")
    start, end = _window(end, start)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)  # reported once, below
        table = net_orders(
            orders,
            end,
            order_col=order_col,
            customer_col=customer_col,
            date_col=date_col,
            amount_col=amount_col,
            margin_col=margin_col,
        )
    table = table[(table[date_col] >= start) & (table[date_col] <= end)]
    kind_of = types.astype(str).map(kinds)
    order_kind = table[customer_col].map(kind_of)
    if order_kind.isna().any():
        raise ValueError(
            f"orders has customers that are not in customers, e.g. {table[customer_col][order_kind.isna()].iloc[0]!r}"
        )
    cat = pd.CategoricalDtype(list(CUSTOMER_KINDS), ordered=True)
    g = table.groupby(order_kind.astype(cat), observed=False)
    out = pd.DataFrame(
        {
            "customers": kind_of.astype(cat).value_counts().reindex(list(CUSTOMER_KINDS), fill_value=0),
            "buying": g[customer_col].nunique(),
            "revenue": g[amount_col].sum().round(2),
            "orders": g.size(),
            "margin": g[margin_col].sum(),
        }
    )
    total = out["revenue"].sum()
    out["revenue_share"] = out["revenue"] / total if total else 0.0
    out["margin_rate"] = out["margin"] / out["revenue"].where(out["revenue"] != 0)
    out["orders_per_customer"] = out["orders"] / out["buying"].where(out["buying"] > 0)
    out["order_value"] = out["revenue"] / out["orders"].where(out["orders"] > 0)
    out = out.drop(columns=["orders", "margin"]).astype({"customers": "int64", "buying": "int64"})
    out.index = pd.CategoricalIndex(list(CUSTOMER_KINDS), dtype=cat, name="kind")
    for message in table.attrs.get("notes", []):
        v.note(message, out)
    return out
