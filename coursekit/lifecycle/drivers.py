"""What drives customer profit (客户获利因素): the figures behind each bone of the fishbone (鱼骨图).

Customer profit = net revenue × gross-margin rate − cost to serve. Seed 004 analyses the factors
of customer profit with a fishbone diagram; :func:`profit_drivers` gives each bone its numbers,
taken from the order book and :func:`coursekit.value.cost_to_serve`, and
:func:`coursekit.lifecycle.plot_fishbone` draws it.
"""

from __future__ import annotations

import warnings

import pandas as pd

from .. import _validate as v
from .. import i18n
from .._validate import CourseKitDataNote

__all__ = ["BONES", "DRIVERS", "UNITS", "profit_drivers"]

BONES: dict[str, str] = i18n.define_names(
    "profit_bone",
    column="bone",
    english={
        "volume": "Volume",
        "price_mix": "Price and product mix",
        "returns": "Returns",
        "orders_delivery": "Order handling and delivery",
        "service": "Service handling",
        "account_care": "Visits and account management",
        "result": "Customer profit",
    },
)
"""The bones of the fishbone (the last, ``result``, is its head), ``key -> English name``."""

DRIVERS: dict[str, str] = i18n.define_names(
    "profit_driver",
    column="driver",
    english={
        "revenue_total": "Net revenue",
        "order_count": "Order count",
        "margin_total": "Gross margin earned",
        "margin_percent": "Gross margin rate",
        "returned_sales": "Sales returned",
        "return_percent": "Return rate",
        "order_delivery_cost": "Order lines and deliveries",
        "cost_per_order": "Cost per order",
        "ticket_cost_total": "Service ticket cost",
        "escalation_cost": "Escalations",
        "visit_cost_total": "Visits",
        "account_cost": "Account management",
        "profit_total": "Net profit",
        "loss_customers": "Customers with a loss",
    },
)
"""Each figure of :func:`profit_drivers`, ``key -> English name`` (Chinese in the catalog)."""

#: Units of the figures of :func:`profit_drivers` (the ``unit`` column).
UNITS = ("CNY", "percent", "count")

_BONE_OF = {
    "revenue_total": "volume",
    "order_count": "volume",
    "margin_total": "price_mix",
    "margin_percent": "price_mix",
    "returned_sales": "returns",
    "return_percent": "returns",
    "order_delivery_cost": "orders_delivery",
    "cost_per_order": "orders_delivery",
    "ticket_cost_total": "service",
    "escalation_cost": "service",
    "visit_cost_total": "account_care",
    "account_cost": "account_care",
    "profit_total": "result",
    "loss_customers": "result",
}
_UNIT = {"order_count": "count", "loss_customers": "count", "margin_percent": "percent", "return_percent": "percent"}
_COST_COLUMNS = ("order_line", "delivery", "return_line", "ticket", "ticket_escalation", "visit", "account_management")


def profit_drivers(
    orders: pd.DataFrame,
    end,
    *,
    cost: pd.DataFrame | None = None,
    start=None,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
    margin_col: str = "margin",
    order_col: str = "order_id",
) -> pd.DataFrame:
    """The figures of each bone of the customer-profit fishbone, from ``start`` to ``end``.

    ============== ================================================================
    bone           figures (CNY unless said)
    ============== ================================================================
    volume         net revenue; orders (count, sales orders with a sale line)
    price_mix      gross margin; gross margin rate (%, of net revenue)
    returns        sales returned; return rate (%, of gross sales); return lines are
                   also a cost to serve, counted in ``orders_delivery``
    orders_delivery cost of order lines, return lines and deliveries; that cost per order
    service        cost of service tickets; cost of escalations
    account_care   cost of visits; cost of account management
    result         net profit = gross margin − cost to serve; customers with a loss (count)
    ============== ================================================================

    Parameters
    ----------
    orders : DataFrame
        Order lines: customer, date, amount and margin (negative on returns), order id.
    end : date-like
        Last day of the window, inclusive.
    cost : DataFrame, optional
        A :func:`coursekit.value.cost_to_serve` result for the same window (its activity
        columns are used). Default: ``cost_to_serve(orders, end, start=start)``, which prices
        only order lines and return lines (noted).
    start : date-like, optional
        First day, inclusive; default one year before ``end``.
    customer_col, date_col, amount_col, margin_col, order_col : str
        Column names of ``orders``.

    Returns
    -------
    DataFrame
        Indexed by ``driver`` (key of :data:`DRIVERS`, in bone order): ``bone`` (key of
        :data:`BONES`), ``value`` and ``unit`` (``"CNY"``, ``"percent"`` or ``"count"``).

    Examples
    --------
    Two customers; A earns 250 of margin and costs 100, B earns 90 and costs 150:

    >>> import pandas as pd
    >>> orders = pd.DataFrame({"order_id": ["O1", "O2", "O2"], "customer_id": ["A", "B", "B"],
    ...                        "date": ["2025-03-01", "2025-04-01", "2025-05-01"],
    ...                        "amount": [1000.0, 500.0, -100.0], "margin": [250.0, 110.0, -20.0]})
    >>> cost = pd.DataFrame({"order_line": [10.0, 10.0], "delivery": [40.0, 40.0],
    ...                      "return_line": [0.0, 50.0], "ticket": [0.0, 50.0],
    ...                      "ticket_escalation": [0.0, 0.0], "visit": [50.0, 0.0],
    ...                      "account_management": [0.0, 0.0], "cost_to_serve": [100.0, 150.0]},
    ...                     index=["A", "B"])
    >>> d = profit_drivers(orders, "2025-12-31", cost=cost)
    >>> d.loc[["revenue_total", "margin_percent", "return_percent", "cost_per_order", "profit_total", "loss_customers"],
    ...       "value"].round(2).tolist()
    [1400.0, 24.29, 6.67, 75.0, 90.0, 1.0]
    """
    from ..value import cost_to_serve, net_profit
    from ..value.cost import _orders_in_window, _window

    start, end = _window(end, start)
    window, amount = _orders_in_window(orders, start, end, customer_col, date_col, amount_col, order_col)
    v.require_columns(orders, [margin_col], "orders")
    if cost is None:
        cost = cost_to_serve(
            orders,
            end,
            start=start,
            customer_col=customer_col,
            date_col=date_col,
            amount_col=amount_col,
            order_col=order_col,
        )
    v.require_frame(cost, "cost")
    v.require_columns(cost, list(_COST_COLUMNS) + ["cost_to_serve"], "cost")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)
        profit = net_profit(
            orders,
            end,
            cost=cost,
            start=start,
            customer_col=customer_col,
            date_col=date_col,
            amount_col=amount_col,
            margin_col=margin_col,
            order_col=order_col,
        )
    sales = float(amount[amount > 0].sum())
    returned = float(-amount[amount < 0].sum())
    revenue = float(profit["revenue"].sum())
    gross = float(profit["gross_margin"].sum())
    n_orders = int(window.loc[amount > 0, order_col].nunique())
    handling = float(cost[["order_line", "delivery", "return_line"]].to_numpy().sum())
    values = {
        "revenue_total": revenue,
        "order_count": n_orders,
        "margin_total": gross,
        "margin_percent": 100 * gross / revenue if revenue else float("nan"),
        "returned_sales": returned,
        "return_percent": 100 * returned / sales if sales else float("nan"),
        "order_delivery_cost": handling,
        "cost_per_order": handling / n_orders if n_orders else float("nan"),
        "ticket_cost_total": float(cost["ticket"].sum()),
        "escalation_cost": float(cost["ticket_escalation"].sum()),
        "visit_cost_total": float(cost["visit"].sum()),
        "account_cost": float(cost["account_management"].sum()),
        "profit_total": float(profit["net_profit"].sum()),
        "loss_customers": int((profit["net_profit"] < 0).sum()),
    }
    out = pd.DataFrame(
        {
            "bone": pd.Categorical([_BONE_OF[k] for k in DRIVERS], categories=list(BONES), ordered=True),
            "value": [float(values[k]) for k in DRIVERS],
            "unit": [_UNIT.get(k, "CNY") for k in DRIVERS],
        },
        index=pd.Index(list(DRIVERS), name="driver"),
    )
    for message in cost.attrs.get("notes", []):
        v.note(message, out)
    return out
