"""Cost to serve (服务成本) and net profit (净利润) per customer, from activity-based cost rates.

Activity-based costing: every piece of work a customer causes is counted and priced at a rate
in CNY. The activities and what drives them (Yunfeng's ``cost_rates.csv``):

===================== ===================================== ============================
activity              one unit is                           variant (rate depends on)
===================== ===================================== ============================
``order_line``        one sale line (picking, packing)      ``all``
``delivery``          one sales order delivered             the customer's region
``return_line``       one return line (reverse logistics)   ``all``
``ticket``            one service ticket                    the ticket type
``ticket_escalation`` one escalated ticket (on top)         ``all``
``visit``             one visit of Yunfeng staff            the visit kind
``account_management`` one account for one year             the customer's tier
===================== ===================================== ============================

:func:`activity_counts` counts the units per customer in a window, :func:`cost_to_serve`
prices them (CNY per activity and in total), :func:`net_profit` subtracts the cost to serve from
the gross margin (毛利). Lesson 08 uses the cost in the CLV matrix and the customer-event
method; lesson 09 uses net profit as the direct measure of current value.

Examples
--------
>>> import pandas as pd, warnings
>>> orders = pd.DataFrame({"order_id": ["O1", "O1", "O2", "O1"], "customer_id": ["A", "A", "B", "A"],
...                        "date": ["2025-03-01", "2025-03-01", "2025-05-02", "2025-03-20"],
...                        "amount": [100.0, 50.0, 80.0, -30.0], "margin": [30.0, 10.0, 20.0, -6.0]})
>>> rates = pd.DataFrame({"activity": ["order_line", "return_line"], "variant": ["all", "all"],
...                       "rate_cny": [6.0, 40.0]})
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     cost = cost_to_serve(orders, "2025-12-31", rates=rates)
...     profit = net_profit(orders, "2025-12-31", cost=cost)
>>> cost["cost_to_serve"].tolist(), profit["net_profit"].tolist()
([52.0, 6.0], [14.0, -18.0])
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from .._validate import CourseKitDataNote

__all__ = ["ACTIVITIES", "activity_counts", "cost_to_serve", "net_profit", "rate_table"]

#: The activities of the cost model, in the order of the result columns.
ACTIVITIES = (
    "order_line",
    "delivery",
    "return_line",
    "ticket",
    "ticket_escalation",
    "visit",
    "account_management",
)
#: Days in one year of account management (a window of 365 days is one account-year).
YEAR_DAYS = 365.0
_TIER_KEYS = ("strategic", "value", "potential", "ordinary")


def _window(end, start) -> tuple[pd.Timestamp, pd.Timestamp]:
    end = v.as_timestamp(end, "end").normalize()
    if start is None:
        start = end - pd.DateOffset(years=1) + pd.Timedelta(days=1)
    else:
        start = v.as_timestamp(start, "start").normalize()
    if start > end:
        raise ValueError(f"start {start:%Y-%m-%d} is after the end {end:%Y-%m-%d}")
    return start, end


def _in_window(df: pd.DataFrame, col: str, name: str, start, end) -> pd.DataFrame:
    v.require_frame(df, name, allow_empty=True)
    v.require_columns(df, [col], name)
    dates = v.date_column(df, col, name).dt.normalize()
    return df[(dates >= start) & (dates <= end)]


def _count(df: pd.DataFrame, customer_col: str, by: str | None = None) -> pd.Series | pd.DataFrame:
    if by is None:
        return df.groupby(customer_col, observed=True).size()
    return df.groupby([customer_col, by], observed=True).size().unstack(fill_value=0)


def _orders_in_window(orders, start, end, customer_col, date_col, amount_col, order_col):
    v.require_frame(orders, "orders")
    v.require_columns(orders, [customer_col, date_col, amount_col, order_col], "orders")
    v.require_no_missing(orders, customer_col, "orders")
    amount = v.numeric_column(orders, amount_col, "orders")
    dates = v.date_column(orders, date_col, "orders").dt.normalize()
    keep = (dates >= start) & (dates <= end)
    return orders[keep], amount[keep]


def _tiers_by_sales(sales: pd.Series, customers: pd.Index) -> pd.Series:
    from ..tiers import assign_tiers

    scores = sales.reindex(customers, fill_value=0.0).astype(float)
    return assign_tiers(scores)["tier"].astype(str).reindex(customers)


def activity_counts(
    orders: pd.DataFrame,
    end,
    *,
    start=None,
    customers: pd.DataFrame | None = None,
    tickets: pd.DataFrame | None = None,
    ticket_handling: pd.DataFrame | None = None,
    visits: pd.DataFrame | None = None,
    tier: pd.Series | None = None,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
    order_col: str = "order_id",
    ticket_date_col: str = "opened_at",
    ticket_id_col: str = "ticket_id",
    escalated_col: str = "escalated",
) -> pd.DataFrame:
    """How many units of each cost activity every customer caused from ``start`` to ``end``.

    Counts, per customer, in the window ``start`` .. ``end`` (both days included):
    ``order_line`` sale lines (amount > 0) and ``return_line`` return lines (amount < 0) of
    ``orders``; ``delivery`` distinct sales orders with a sale line; ``ticket`` tickets opened;
    ``ticket_escalation`` of those, the escalated ones (from ``ticket_handling``); ``visit``
    visits; ``account_management`` account-years: window days / 365 for every customer with any
    of these activities in the window (an account being served), else 0.

    Parameters
    ----------
    orders : DataFrame
        Order lines: customer, date, amount (negative on return lines), order id.
    end : date-like
        Last day of the window, inclusive (e.g. ``datasets.OBSERVATION_END``).
    start : date-like, optional
        First day of the window, inclusive; default one year before ``end`` (2025-01-01 for an
        end of 2025-12-31).
    customers, tickets, ticket_handling, visits : DataFrame, optional
        The other tables (Yunfeng's ``customers``, ``tickets``, ``ticket_handling``, ``visits``).
        ``customers`` is not needed for counting (it gives the region that prices deliveries in
        :func:`cost_to_serve`). Without ``tickets`` or ``visits`` those activities count 0 (noted).
    tier : Series, optional
        Not used for counting; accepted so that the same arguments serve both functions.
    customer_col, date_col, amount_col, order_col : str
        Columns of ``orders`` (``customer_col`` also in the other tables; ``date_col`` in visits).
    ticket_date_col, ticket_id_col, escalated_col : str
        Opening date and id of ``tickets``; the escalation flag of ``ticket_handling``.

    Returns
    -------
    DataFrame
        Indexed by customer id (every customer with an activity in the window), one column per
        activity of :data:`ACTIVITIES`: whole counts, ``account_management`` in account-years.

    Examples
    --------
    >>> import pandas as pd, warnings
    >>> orders = pd.DataFrame({"order_id": ["O1", "O1", "O2", "O3"], "customer_id": ["A", "A", "A", "B"],
    ...                        "date": ["2025-03-01", "2025-03-01", "2025-05-02", "2024-05-02"],
    ...                        "amount": [100.0, 50.0, 80.0, 20.0]})
    >>> visits = pd.DataFrame({"customer_id": ["B"], "date": ["2025-06-01"], "kind": ["routine"]})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     counts = activity_counts(orders, "2025-12-31", visits=visits)
    >>> counts[["order_line", "delivery", "visit", "account_management"]]  # doctest: +NORMALIZE_WHITESPACE
                 order_line  delivery  visit  account_management
    customer_id
    A                     3         2      0                 1.0
    B                     0         0      1                 1.0
    """
    start, end = _window(end, start)
    window, amount = _orders_in_window(orders, start, end, customer_col, date_col, amount_col, order_col)
    sales, returns = window[amount > 0], window[amount < 0]
    parts = {
        "order_line": _count(sales, customer_col),
        "delivery": sales.groupby(customer_col, observed=True)[order_col].nunique(),
        "return_line": _count(returns, customer_col),
    }
    notes = []
    if tickets is not None:
        opened = _in_window(tickets, ticket_date_col, "tickets", start, end)
        v.require_columns(opened, [customer_col, ticket_id_col], "tickets")
        parts["ticket"] = _count(opened, customer_col)
        if ticket_handling is not None:
            v.require_frame(ticket_handling, "ticket_handling")
            v.require_columns(ticket_handling, [ticket_id_col, escalated_col], "ticket_handling")
            escalated = set(
                ticket_handling.loc[ticket_handling[escalated_col].fillna(False).astype(bool), ticket_id_col]
            )
            parts["ticket_escalation"] = _count(opened[opened[ticket_id_col].isin(escalated)], customer_col)
        else:
            notes.append("ticket_handling not given: escalations not counted")
    else:
        notes.append("tickets not given: tickets and escalations not counted")
    if visits is not None:
        seen = _in_window(visits, date_col, "visits", start, end)
        v.require_columns(seen, [customer_col], "visits")
        parts["visit"] = _count(seen, customer_col)
    else:
        notes.append("visits not given: visits not counted")
    index = pd.Index(sorted(set().union(*(p.index for p in parts.values()))), name=customer_col)
    out = pd.DataFrame(
        {a: parts.get(a, pd.Series(dtype="int64")).reindex(index, fill_value=0) for a in ACTIVITIES[:-1]}
    )
    out = out.fillna(0).astype("int64")
    out["account_management"] = ((end - start).days + 1) / YEAR_DAYS
    out.index.name = customer_col
    for message in notes:
        v.note(message, out)
    return out


def _rates(rates) -> dict[str, dict[str, float]]:
    if rates is None:
        from ..datasets import load_cost_rates

        rates = load_cost_rates()
    v.require_frame(rates, "rates")
    v.require_columns(rates, ["activity", "variant", "rate_cny"], "rates")
    values = v.numeric_column(rates, "rate_cny", "rates")
    if (values < 0).any():
        raise ValueError("rates column 'rate_cny' must not be negative")
    v.require_unique(rates, ["activity", "variant"], "rates")
    table: dict[str, dict[str, float]] = {}
    for activity, variant, rate in zip(rates["activity"], rates["variant"], values):
        table.setdefault(str(activity), {})[str(variant)] = float(rate)
    unknown = sorted(set(table) - set(ACTIVITIES))
    if unknown:
        raise ValueError(f"rates column 'activity' has unknown activities {unknown}; known: {', '.join(ACTIVITIES)}")
    return table


def _price(keys: pd.Series, table: dict[str, float], activity: str) -> pd.Series:
    if "all" in table and len(table) == 1:
        return pd.Series(table["all"], index=keys.index)
    missing = sorted(set(keys.dropna().astype(str)) - set(table))
    if missing:
        raise ValueError(f"rates has no rate for activity {activity!r}, variant {missing[0]!r}")
    return keys.astype(str).map(table).astype(float)


def cost_to_serve(
    orders: pd.DataFrame,
    end,
    *,
    start=None,
    rates: pd.DataFrame | None = None,
    customers: pd.DataFrame | None = None,
    tickets: pd.DataFrame | None = None,
    ticket_handling: pd.DataFrame | None = None,
    visits: pd.DataFrame | None = None,
    tier: pd.Series | None = None,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
    order_col: str = "order_id",
    region_col: str = "region",
    ticket_date_col: str = "opened_at",
    ticket_id_col: str = "ticket_id",
    ticket_type_col: str = "ticket_type",
    escalated_col: str = "escalated",
    visit_kind_col: str = "kind",
) -> pd.DataFrame:
    """Cost to serve (服务成本) per customer in CNY, by activity, from ``start`` to ``end``.

    Each unit counted by :func:`activity_counts` is priced at its rate (``rate_cny``) in
    ``rates``: an order line and a return line at the ``all`` rate, a delivery (one sales
    order) at the rate of the customer's region, a ticket at the rate of its type plus the
    escalation rate when it was escalated, a visit at the rate of its kind, and account
    management at the rate of the customer's tier per account-year (window days / 365).
    An activity whose table is not given costs 0 and is named in a note.

    Parameters
    ----------
    orders : DataFrame
        Order lines: customer, date, amount (negative on return lines), order id.
    end : date-like
        Last day of the window, inclusive.
    start : date-like, optional
        First day of the window, inclusive; default one year before ``end``.
    rates : DataFrame, optional
        Columns ``activity``, ``variant``, ``rate_cny``; default Yunfeng's 2025 rates
        (``datasets.load_cost_rates()``). An activity missing from it costs 0 (noted).
    customers : DataFrame, optional
        Customer id and region (prices deliveries); without it deliveries cost 0 (noted).
    tickets, ticket_handling, visits : DataFrame, optional
        Service tickets (id, customer, opening date, type), their handling (id, escalated) and
        visits (customer, date, kind).
    tier : Series, optional
        Tier key per customer (``strategic``, ``value``, ``potential``, ``ordinary``) for the
        account-management rate. Default: :func:`coursekit.tiers.assign_tiers` on each served
        customer's net sales in the window (top 5 % strategic, 20 % value, 30 % potential,
        45 % ordinary).
    customer_col, date_col, amount_col, order_col, region_col : str
        Column names (``customer_col`` in every table, ``region_col`` in customers).
    ticket_date_col, ticket_id_col, ticket_type_col, escalated_col, visit_kind_col : str
        Column names of tickets, ticket_handling and visits.

    Returns
    -------
    DataFrame
        Indexed by customer id (every customer with an activity in the window): one column per
        activity of :data:`ACTIVITIES` in CNY and ``cost_to_serve``, their sum.
        ``attrs["window"]`` holds the first and last day.

    Examples
    --------
    A customer in North China (delivery 50 CNY) with one order of two lines (6 CNY each), one
    escalated quality ticket (150 + 200 CNY) and one routine visit (350 CNY):

    >>> import pandas as pd, warnings
    >>> orders = pd.DataFrame({"order_id": ["O1", "O1"], "customer_id": ["A", "A"],
    ...                        "date": ["2025-03-01", "2025-03-01"], "amount": [100.0, 50.0]})
    >>> customers = pd.DataFrame({"customer_id": ["A"], "region": ["North China"]})
    >>> tickets = pd.DataFrame({"ticket_id": ["T1"], "customer_id": ["A"], "opened_at": ["2025-04-01"],
    ...                         "ticket_type": ["quality issue"]})
    >>> handling = pd.DataFrame({"ticket_id": ["T1"], "escalated": [True]})
    >>> visits = pd.DataFrame({"customer_id": ["A"], "date": ["2025-06-01"], "kind": ["routine"]})
    >>> rates = pd.DataFrame({"activity": ["order_line", "delivery", "ticket", "ticket_escalation", "visit"],
    ...                       "variant": ["all", "North China", "quality issue", "all", "routine"],
    ...                       "rate_cny": [6.0, 50.0, 150.0, 200.0, 350.0]})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     cost = cost_to_serve(orders, "2025-12-31", rates=rates, customers=customers, tickets=tickets,
    ...                          ticket_handling=handling, visits=visits)
    >>> cost.loc["A"].tolist()
    [12.0, 50.0, 0.0, 150.0, 200.0, 350.0, 0.0, 762.0]
    """
    start, end = _window(end, start)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)  # its notes are reported once, below
        counts = activity_counts(
            orders,
            end,
            start=start,
            tickets=tickets,
            ticket_handling=ticket_handling,
            visits=visits,
            customer_col=customer_col,
            date_col=date_col,
            amount_col=amount_col,
            order_col=order_col,
            ticket_date_col=ticket_date_col,
            ticket_id_col=ticket_id_col,
            escalated_col=escalated_col,
        )
    table = _rates(rates)
    notes = list(counts.attrs.get("notes", []))
    out = pd.DataFrame(0.0, index=counts.index, columns=list(ACTIVITIES))
    for activity in ("order_line", "return_line", "ticket_escalation"):
        if counts[activity].any():
            if activity not in table:
                notes.append(f"rates has no rate for {activity!r}: it costs 0")
                continue
            out[activity] = counts[activity] * _price(pd.Series("all", index=counts.index), table[activity], activity)
    if counts["delivery"].any():
        if "delivery" not in table:
            notes.append("rates has no rate for 'delivery': it costs 0")
        elif customers is None:
            notes.append("customers not given: deliveries cost 0 (the rate depends on the region)")
        else:
            v.require_frame(customers, "customers")
            v.require_columns(customers, [customer_col, region_col], "customers")
            v.require_unique(customers, customer_col, "customers")
            region = customers.set_index(customer_col)[region_col].reindex(counts.index)
            unknown = region.isna() & (counts["delivery"] > 0)
            if unknown.any():
                raise ValueError(
                    f"customers has no {region_col!r} for {int(unknown.sum())} customer(s) with deliveries, "
                    f"e.g. {region.index[unknown][0]!r}"
                )
            price = _price(region.fillna(next(iter(table["delivery"]))), table["delivery"], "delivery")
            out["delivery"] = counts["delivery"] * price
    if tickets is not None and counts["ticket"].any():
        opened = _in_window(tickets, ticket_date_col, "tickets", start, end)
        v.require_columns(opened, [ticket_type_col], "tickets")
        if "ticket" not in table:
            notes.append("rates has no rate for 'ticket': it costs 0")
        else:
            price = _price(opened[ticket_type_col], table["ticket"], "ticket")
            out["ticket"] = price.groupby(opened[customer_col].to_numpy()).sum().reindex(counts.index, fill_value=0.0)
    if visits is not None and counts["visit"].any():
        seen = _in_window(visits, date_col, "visits", start, end)
        v.require_columns(seen, [visit_kind_col], "visits")
        if "visit" not in table:
            notes.append("rates has no rate for 'visit': it costs 0")
        else:
            price = _price(seen[visit_kind_col], table["visit"], "visit")
            out["visit"] = price.groupby(seen[customer_col].to_numpy()).sum().reindex(counts.index, fill_value=0.0)
    if "account_management" in table:
        if tier is None:
            window, amount = _orders_in_window(orders, start, end, customer_col, date_col, amount_col, order_col)
            sales = amount.groupby(window[customer_col].to_numpy()).sum()
            tier_of = _tiers_by_sales(sales, counts.index)
        else:
            v.require_series(tier, "tier")
            tier_of = tier.astype(object).reindex(counts.index)
            if tier_of.isna().any():
                raise ValueError(
                    f"tier has no value for {int(tier_of.isna().sum())} customer(s) served in the window, "
                    f"e.g. {tier_of.index[tier_of.isna()][0]!r}"
                )
        out["account_management"] = counts["account_management"] * _price(
            tier_of, table["account_management"], "account_management"
        )
    else:
        notes.append("rates has no rate for 'account_management': it costs 0")
    out["cost_to_serve"] = out[list(ACTIVITIES)].sum(axis=1)
    out = out.round(2)
    out.attrs["window"] = (start, end)
    for message in notes:
        v.note(message, out)
    return out


def net_profit(
    orders: pd.DataFrame,
    end,
    *,
    cost: pd.DataFrame | pd.Series | None = None,
    start=None,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
    margin_col: str = "margin",
    order_col: str = "order_id",
) -> pd.DataFrame:
    """Net profit (净利润) per customer: gross margin (毛利) minus cost to serve, from ``start`` to ``end``.

    Revenue and gross margin are the sums of ``amount`` and ``margin`` over the order lines
    dated in the window (a return line is negative and counts on its own date). The cost to
    serve is ``cost`` (a :func:`cost_to_serve` result or a Series in CNY); customers with cost
    but no order in the window have a negative net profit.

    Parameters
    ----------
    orders : DataFrame
        Order lines: customer, date, amount, margin (gross margin in CNY), order id.
    end : date-like
        Last day of the window, inclusive.
    cost : DataFrame or Series, optional
        Cost to serve per customer for the same window: a :func:`cost_to_serve` result (its
        ``cost_to_serve`` column is used) or a Series. Default: ``cost_to_serve(orders, end,
        start=start)``, which costs only order lines and return lines (noted).
    start : date-like, optional
        First day of the window, inclusive; default one year before ``end``.
    customer_col, date_col, amount_col, margin_col, order_col : str
        Column names of ``orders``.

    Returns
    -------
    DataFrame
        Indexed by customer id: ``revenue``, ``gross_margin``, ``cost_to_serve``, ``net_profit``
        (CNY), sorted by net profit, highest first (ties by customer id).

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"order_id": ["O1", "O2"], "customer_id": ["A", "B"],
    ...                        "date": ["2025-03-01", "2025-04-01"], "amount": [1000.0, 400.0],
    ...                        "margin": [250.0, 90.0]})
    >>> cost = pd.Series({"A": 100.0, "B": 150.0, "C": 350.0})
    >>> net_profit(orders, "2025-12-31", cost=cost)  # doctest: +NORMALIZE_WHITESPACE
                 revenue  gross_margin  cost_to_serve  net_profit
    customer_id
    A             1000.0         250.0          100.0       150.0
    B              400.0          90.0          150.0       -60.0
    C                0.0           0.0          350.0      -350.0
    """
    start, end = _window(end, start)
    window, amount = _orders_in_window(orders, start, end, customer_col, date_col, amount_col, order_col)
    v.require_columns(orders, [margin_col], "orders")
    margin = v.numeric_column(orders, margin_col, "orders").loc[window.index]
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
    if isinstance(cost, pd.DataFrame):
        v.require_columns(cost, ["cost_to_serve"], "cost")
        cost = cost["cost_to_serve"]
    v.require_series(cost, "cost", allow_empty=True)
    v.require_unique_index(cost, "cost")
    cost = v.numeric_column(cost.rename("cost_to_serve").to_frame(), "cost_to_serve", "cost")
    keys = window[customer_col].to_numpy()
    revenue = amount.groupby(keys).sum()
    gross = margin.groupby(keys).sum()
    index = revenue.index.union(cost.index)
    out = pd.DataFrame(
        {
            "revenue": revenue.reindex(index, fill_value=0.0),
            "gross_margin": gross.reindex(index, fill_value=0.0),
            "cost_to_serve": cost.reindex(index, fill_value=0.0),
        }
    )
    out["net_profit"] = out["gross_margin"] - out["cost_to_serve"]
    out = out.round(2).sort_index()
    out = out.iloc[np.argsort(-out["net_profit"].to_numpy(), kind="stable")]
    out.index.name = customer_col
    return out


#: Names of the activities and units of ``cost_rates.csv`` for the reader (catalog entries, no keys).
_ACTIVITY_NAMES = {
    "order_line": i18n.N_("Order line"),
    "delivery": i18n.N_("Delivery (one sales order)"),
    "return_line": i18n.N_("Return line"),
    "ticket": i18n.N_("Service ticket"),
    "ticket_escalation": i18n.N_("Ticket escalation"),
    "visit": i18n.N_("Customer visit"),
    "account_management": i18n.N_("Account management"),
}
_UNIT_NAMES = {
    "per order line": i18n.N_("per order line"),
    "per delivery (one sales order)": i18n.N_("per delivery (one sales order)"),
    "per return line": i18n.N_("per return line"),
    "per ticket": i18n.N_("per ticket"),
    "per escalated ticket": i18n.N_("per escalated ticket"),
    "per visit": i18n.N_("per visit"),
    "per account per year": i18n.N_("per account per year"),
}


def rate_table(rates=None) -> pd.DataFrame:
    """The cost rates as the reader sees them: activity, variant and unit as names, rate in CNY.

    A table to read, not to compute with (:func:`cost_to_serve` takes the rates with their
    keys): the activity, the variant (region, ticket type, visit kind or tier; ``all`` when the
    rate does not depend on one) and the unit are shown in the language in use.

    Parameters
    ----------
    rates : DataFrame, optional
        Columns activity, variant, unit, rate_cny (Yunfeng's ``cost_rates.csv`` by default).

    Returns
    -------
    DataFrame
        Columns activity, variant, unit, rate_cny, one row per rate, in the order of ``rates``.

    Examples
    --------
    >>> import pandas as pd
    >>> rates = pd.DataFrame({"activity": ["order_line", "visit"], "variant": ["all", "routine"],
    ...                       "unit": ["per order line", "per visit"], "rate_cny": [6.0, 350.0]})
    >>> rate_table(rates)["variant"].tolist()
    ['All', 'Routine visit']
    """
    from .. import accounts, datasets, tiers  # noqa: F401 - they register the names of the variants

    if rates is None:
        from ..datasets import load_cost_rates

        rates = load_cost_rates()
    v.require_frame(rates, "rates")
    v.require_columns(rates, ["activity", "variant", "unit", "rate_cny"], "rates")
    out = rates[["activity", "variant", "unit", "rate_cny"]].copy()
    out["activity"] = [i18n._(_ACTIVITY_NAMES.get(a, a)) for a in out["activity"]]
    out["unit"] = [i18n._(_UNIT_NAMES.get(u, u)) for u in out["unit"]]
    variants = i18n.display(out["variant"].astype(object), ["category", "visit_kind", "value_tier"])
    out["variant"] = [i18n._("All") if x == "all" else x for x in variants]
    return out
