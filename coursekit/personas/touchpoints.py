"""Connection points (客户连接点): which channels and touchpoints each persona uses, from the data.

Three tables record a contact between Yunfeng and a customer: service tickets (by channel:
phone, WeChat, email, on-site visit; the customer starts them), visits (routine, key-account,
executive; Yunfeng starts them) and engagement events (suggestions, joint development, resource
sharing, events, public recommendations, defending Yunfeng's name; the customer takes part).
:func:`touchpoints` counts them per customer of each persona over a window; :func:`show`
gives any table of this package readable headers in the language in use.
"""

from __future__ import annotations

import pandas as pd

from .. import _validate as v
from .. import datasets as _datasets  # noqa: F401  (registers the visit and engagement names)
from .. import i18n
from .. import service as _service  # noqa: F401  (registers the ticket channel names)

__all__ = ["HEADERS", "header", "show", "touchpoints"]

#: Readable headers of the result columns of this package (translated by :func:`show`).
HEADERS = {
    "customer_type": i18n.N_("Customer type"),
    "size": i18n.N_("Company size"),
    "region": i18n.N_("Sales region"),
    "employees": i18n.N_("Employees (persons)"),
    "tenure_years": i18n.N_("Tenure (years)"),
    "orders": i18n.N_("Orders, last 12 months"),
    "revenue": i18n.N_("Revenue, last 12 months (CNY)"),
    "avg_order": i18n.N_("Average order (CNY)"),
    "margin_pct": i18n.N_("Gross margin (%)"),
    "days_since": i18n.N_("Days since last order"),
    "product_lines": i18n.N_("Product lines bought"),
    "tickets": i18n.N_("Service tickets, last 12 months"),
    "complaints": i18n.N_("Complaints, last 12 months"),
    "visits": i18n.N_("Visits, last 12 months"),
    "engagement": i18n.N_("Engagement events, last 12 months"),
    "nps_score": i18n.N_("Latest NPS answer (0-10)"),
    "customers": i18n.N_("Customers"),
    "customer_share": i18n.N_("Share of customers"),
    "revenue_share": i18n.N_("Share of revenue"),
    "revenue_median": i18n.N_("Median revenue (CNY)"),
    "orders_median": i18n.N_("Median orders"),
    "days_since_median": i18n.N_("Median days since last order"),
    "tickets_mean": i18n.N_("Tickets per customer"),
    "visits_mean": i18n.N_("Visits per customer"),
    "engagement_mean": i18n.N_("Engagement events per customer"),
    "nps_mean": i18n.N_("Mean NPS answer (surveyed)"),
    "surveyed": i18n.N_("Customers surveyed"),
    "persona": i18n.N_("Persona"),
    "cluster": i18n.N_("Cluster number"),
    "inertia": i18n.N_("Inertia (sum of squared distances)"),
    "silhouette": i18n.N_("Silhouette (-1 to 1)"),
    "ari": i18n.N_("Adjusted Rand index vs seed 0"),
    "moved": i18n.N_("Customers in another persona"),
    "propensity": i18n.N_("Propensity (0-1)"),
    "ordered_next": i18n.N_("Ordered next quarter (1 = yes)"),
    "expected_revenue": i18n.N_("Expected revenue next quarter (CNY)"),
    "company_name": i18n.N_("Company"),
    "account_manager": i18n.N_("Account manager"),
    "buyers": i18n.N_("Buyers"),
    "buyer_rate": i18n.N_("Buyer rate"),
    "contacted_share": i18n.N_("Share of list called"),
    "gain": i18n.N_("Cumulative gain"),
    "lift": i18n.N_("Cumulative lift"),
    "weight": i18n.N_("Weight (log-odds per SD)"),
    "k": i18n.N_("Number of personas k"),
    "seed": i18n.N_("Seed"),
    "group": i18n.N_("Score group (1 = highest)"),
    "segment": i18n.N_("Segment"),
    "status": i18n.N_("Status"),
}

#: Touchpoint sources: (table, date column, column of the touchpoint, kind naming its keys).
_SOURCES = (
    ("tickets", "opened_at", "channel", "ticket_channel"),
    ("visits", "date", "kind", "visit_kind"),
    ("engagement", "date", "signal", "engagement_signal"),
)
_KINDS = tuple(source[3] for source in _SOURCES)


def _touchpoint_kind(key):
    for kind in _KINDS:
        if key in i18n.kinds().get(kind, {}):
            return kind
    return None


def header(col):
    """The readable header of a result column in the language in use (the column itself when unknown).

    Parameters
    ----------
    col : str
        A column name of a result of this package, or a touchpoint key.

    Returns
    -------
    str

    Examples
    --------
    >>> header("days_since"), header("WeChat"), header("other")
    ('Days since last order', 'WeChat', 'other')
    """
    if col in HEADERS:
        return i18n._(HEADERS[col])
    kind = _touchpoint_kind(col)
    if kind:
        return i18n.name(kind, col)
    return col


def show(table):
    """A copy for the reader: keys as names (:func:`coursekit.display`) and readable column headers.

    Parameters
    ----------
    table : DataFrame or Series
        A result of this package.

    Returns
    -------
    DataFrame or Series
        Same values; known headers (:data:`HEADERS`, touchpoints) and keys (personas ...) in the language in use.

    Examples
    --------
    >>> import pandas as pd
    >>> show(pd.DataFrame({"persona": ["silent"], "orders": [0]})).columns.tolist()
    ['Persona', 'Orders, last 12 months']
    >>> show(pd.DataFrame({"persona": ["silent"]}))["Persona"].tolist()
    ['Silent accounts']
    """
    from ..i18n import display

    if not isinstance(table, pd.DataFrame | pd.Series):
        raise TypeError(f"table must be a pandas DataFrame or Series, got {type(table).__name__}")
    if len(table) == 0:
        raise ValueError("table is empty: it has no rows")
    out = display(table)
    label = header
    if isinstance(out, pd.Series):
        out = out.rename(label(out.name)) if isinstance(out.name, str) else out
    else:
        out = out.rename(columns=label)
        out.columns.name = label(out.columns.name) if isinstance(out.columns.name, str) else out.columns.name
    if all(isinstance(i, str) and i in HEADERS for i in out.index):  # feature names as rows
        out = out.rename(index=label)
    out.index.name = label(out.index.name) if isinstance(out.index.name, str) else out.index.name
    return out


def touchpoints(
    table: pd.DataFrame,
    end,
    *,
    tickets: pd.DataFrame | None = None,
    visits: pd.DataFrame | None = None,
    engagement: pd.DataFrame | None = None,
    window: int = 365,
    persona_col: str = "persona",
    customer_col: str = "customer_id",
) -> pd.DataFrame:
    """Contacts per customer of each persona in the ``window`` days up to ``end``, by touchpoint.

    Parameters
    ----------
    table : DataFrame
        Indexed by customer id with a ``persona_col`` column (:func:`coursekit.personas.personas`).
    end : date-like
        Last day of the window, inclusive.
    tickets, visits, engagement : DataFrame, optional
        The contact tables (at least one); dated by ``opened_at`` / ``date`` / ``date``.
    window : int
        Days (default 365).
    persona_col, customer_col : str
        Column names.

    Returns
    -------
    DataFrame
        One row per persona, one column per touchpoint key (ticket channel, visit kind, engagement signal): contacts per
        customer of the persona, rounded to 2. Contacts of customers without a persona are
        left out (noted).

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"persona": ["silent", "busy_regulars", "busy_regulars"]},
    ...                  index=pd.Index(["A", "B", "C"], name="customer_id"))
    >>> t = pd.DataFrame({"customer_id": ["B", "B", "C"], "opened_at": ["2025-05-01"] * 3,
    ...                   "channel": ["phone", "WeChat", "phone"]})
    >>> touchpoints(p, "2025-12-31", tickets=t)  # doctest: +NORMALIZE_WHITESPACE
                   phone  WeChat
    persona
    silent         0.0     0.0
    busy_regulars    1.0     0.5
    """
    name = "table"
    v.require_frame(table, name)
    v.require_columns(table, [persona_col], name)
    end = v.as_timestamp(end)
    window = int(v.require_in_range(window, "window", 1, None))
    start = end - pd.Timedelta(days=window)
    given = {"tickets": tickets, "visits": visits, "engagement": engagement}
    if all(t is None for t in given.values()):
        raise ValueError("give at least one of tickets, visits, engagement")
    persona = table[persona_col]
    sizes = persona.value_counts(sort=False)
    sizes = sizes[sizes > 0]
    parts = []
    outside = 0
    for source, date_col, kind_col, kind in _SOURCES:
        events = given[source]
        if events is None:
            continue
        v.require_frame(events, source)
        v.require_columns(events, [customer_col, date_col, kind_col], source)
        days = v.date_column(events, date_col, source).dt.normalize()
        inside = events[(days > start) & (days <= end)]
        known = inside[customer_col].isin(table.index)
        outside += int((~known).sum())
        inside = inside[known]
        counts = pd.crosstab(persona.reindex(inside[customer_col]).to_numpy(), inside[kind_col].to_numpy())
        known_keys = list(i18n.kinds().get(kind, {}))
        order = [key for key in known_keys if key in counts.columns] + [
            c for c in counts.columns if c not in known_keys
        ]
        parts.append(counts[order])
    out = pd.concat(parts, axis=1).reindex(sizes.index).fillna(0)
    out = out.div(sizes, axis=0).round(2)
    out.index.name = persona_col
    out.columns.name = None
    if isinstance(persona.dtype, pd.CategoricalDtype):
        out = out.reindex([c for c in persona.cat.categories if c in out.index])
    out.index = pd.Index(out.index.astype(object), name=persona_col)
    if outside:
        v.note(i18n._("{n} contact(s) of customers without a persona left out", n=outside), out)
    return out
