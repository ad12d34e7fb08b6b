"""The customer-event method (客户事件法): expected future events per customer, valued and discounted.

For each customer the method lists the events expected in the coming months, gives each event
its value (a purchase brings gross margin) or its cost (an order to pick and deliver, a visit,
a service ticket, priced at the activity-based cost rates of :mod:`coursekit.value`), discounts
them month by month and adds them up.

The expected purchases per month come from a fitted BG/NBD or Pareto/NBD model. The other
events follow the purchases: a customer keeps the mix of visits and tickets per order, and the
cost per order, visit and ticket, that :func:`coursekit.value.activity_counts` and
:func:`coursekit.value.cost_to_serve` measured in a past window (usually the last 12 months).
That is the method's main assumption, stated in every result.

Examples
--------
>>> EVENT_COLUMNS[-1]
'clv'
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from .formulas import customer_lifetime_value
from .summary import _check_summary

__all__ = ["EVENT_COLUMNS", "customer_events"]

#: Columns of :func:`customer_events`: expected counts, then discounted values (CNY), then the total.
EVENT_COLUMNS = (
    "purchases",
    "visits",
    "tickets",
    "purchase_margin",
    "order_handling",
    "visit_cost",
    "ticket_cost",
    "clv",
)
_COUNT_NEEDS = ("delivery", "visit", "ticket")
_COST_NEEDS = ("order_line", "delivery", "return_line", "visit", "ticket", "ticket_escalation")


def _per_order(numerator: pd.Series, orders: pd.Series) -> pd.Series:
    return (numerator / orders.where(orders > 0)).fillna(0.0)


def customer_events(
    bgf,
    ggf_or_value,
    summary: pd.DataFrame,
    counts: pd.DataFrame,
    cost: pd.DataFrame,
    *,
    months: int = 12,
    discount_rate: float = 0.0,
    unit: str | None = None,
    margin: float = 1.0,
) -> pd.DataFrame:
    """Customer-event method (客户事件法): discounted value of each customer's expected events.

    With E_t the model's expected purchases of a customer in month t (t = 1..``months``) and
    D = sum over t of E_t / (1 + discount_rate) ** t its discounted count:

    * ``purchases`` = sum of E_t; ``visits`` and ``tickets`` = ``purchases`` x the customer's
      visits and tickets per order in ``counts`` (expected counts, not discounted);
    * ``purchase_margin`` = D x value per purchase x ``margin``;
    * ``order_handling`` = -D x (order-line + delivery + return-line cost) per order;
    * ``visit_cost`` = -D x visit cost per order; ``ticket_cost`` = -D x (ticket + escalation
      cost) per order (both from ``cost``);
    * ``clv`` = the sum of the four values.

    Per order means divided by the customer's sales orders in the window (``counts["delivery"]``).
    A customer without an order in the window, or missing from ``counts``, has no service events
    (counted in a note).

    Parameters
    ----------
    bgf : fitted BetaGeoFitter or ParetoNBDFitter
        The purchase model, fitted on ``summary``'s time unit ``unit``.
    ggf_or_value : GammaGammaFitter, Series, array or float
        Fitted Gamma-Gamma model (its expected spend per purchase) or the value per purchase (CNY).
    summary : DataFrame
        Columns frequency, recency, T [, monetary_value], indexed by customer id.
    counts : DataFrame
        :func:`coursekit.value.activity_counts` for a past window: columns ``delivery``,
        ``visit``, ``ticket``.
    cost : DataFrame
        :func:`coursekit.value.cost_to_serve` for the same window (CNY per activity).
    months : int
        Horizon in months (a month is 30.4375 days, as everywhere in :mod:`coursekit.clv`).
    discount_rate : float
        Discount rate per month, e.g. ``discount_per_period(0.10, period="M")``.
    unit : {"D", "W", "M"}, default "D"
        Model time unit of ``summary``.
    margin : float
        Gross margin rate applied to the purchase value (0.21 = 21 %).

    Returns
    -------
    DataFrame
        Indexed like ``summary``, columns :data:`EVENT_COLUMNS` (counts, then CNY).

    Examples
    --------
    A model that expects 2 purchases a month; 2 months at 10 % a month, so D = 2 / 1.1 + 2 / 1.21
    = 3.4711 and 4 purchases are expected. In the past window the customer had 10 orders, 5 visits
    and 2 tickets; orders cost 310 CNY to handle, visits 1,750 CNY, tickets 500 CNY; a purchase is
    worth 1,000 CNY at a 25 % margin:

    >>> import pandas as pd
    >>> class Constant:
    ...     params_ = pd.Series({"rate": 2.0})
    ...     def conditional_expected_number_of_purchases_up_to_time(self, t, f, r, T):
    ...         return 2.0 * t + 0 * f
    >>> s = pd.DataFrame({"frequency": [3], "recency": [2.0], "T": [3.0]}, index=["A"])
    >>> counts = pd.DataFrame({"delivery": [10], "visit": [5], "ticket": [2]}, index=["A"])
    >>> cost = pd.DataFrame({"order_line": [60.0], "delivery": [250.0], "return_line": [0.0], "visit": [1750.0],
    ...                      "ticket": [300.0], "ticket_escalation": [200.0]}, index=["A"])
    >>> customer_events(Constant(), 1000.0, s, counts, cost, months=2, discount_rate=0.1, unit="M",
    ...                 margin=0.25).round(2).T  # doctest: +NORMALIZE_WHITESPACE
                           A
    purchases           4.00
    visits              2.00
    tickets             0.80
    purchase_margin   867.77
    order_handling   -107.60
    visit_cost       -607.44
    ticket_cost      -173.55
    clv               -20.83
    """
    _check_summary(summary)
    v.require_frame(counts, "counts")
    v.require_columns(counts, list(_COUNT_NEEDS), "counts")
    v.require_frame(cost, "cost")
    v.require_columns(cost, list(_COST_NEEDS), "cost")
    v.require_unique_index(counts, "counts")
    v.require_unique_index(cost, "cost")
    value_per_purchase = customer_lifetime_value(
        bgf, ggf_or_value, summary, time=months, discount_rate=discount_rate, unit=unit, margin=margin
    )
    discounted = customer_lifetime_value(bgf, 1.0, summary, time=months, discount_rate=discount_rate, unit=unit)
    expected = customer_lifetime_value(bgf, 1.0, summary, time=months, discount_rate=0.0, unit=unit)
    idx = summary.index
    c = counts.reindex(idx).fillna(0.0)
    k = cost.reindex(idx).fillna(0.0)
    orders = c["delivery"].astype(float)
    no_history = int((orders <= 0).sum())
    handling = _per_order(k["order_line"] + k["delivery"] + k["return_line"], orders)
    out = pd.DataFrame(
        {
            "purchases": expected,
            "visits": expected * _per_order(c["visit"].astype(float), orders),
            "tickets": expected * _per_order(c["ticket"].astype(float), orders),
            "purchase_margin": value_per_purchase,
            "order_handling": -discounted * handling,
            "visit_cost": -discounted * _per_order(k["visit"], orders),
            "ticket_cost": -discounted * _per_order(k["ticket"] + k["ticket_escalation"], orders),
        },
        index=idx,
    )
    out["clv"] = out[["purchase_margin", "order_handling", "visit_cost", "ticket_cost"]].sum(axis=1)
    out = out.astype(float)
    out[np.abs(out) < 1e-12] = 0.0
    if no_history:
        v.note(
            i18n._(
                "{n} customer(s) without a sales order in the cost window: no visits or tickets expected, "
                "no handling cost",
                n=no_history,
            ),
            out,
        )
    return out
