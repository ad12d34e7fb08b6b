"""One-stop service and complaint handling measured from the service tickets (服务工单); lesson 02.

- :func:`ticket_table`: one row per ticket with the handling joined and the service flags
  (one-stop, answered within the standard, failed, hours to close, still open);
- :func:`one_stop_summary`: first-contact resolution, hand-offs and response time per group;
- :func:`handling_quality`: reopened, escalated, time to close and rating per group;
- :func:`complaint_causes`: complaints per ticket type, mapped to the causes of seed 002;
- :func:`failed_customers`: the customers the service failed at least twice;
- :func:`status_by_failures`: customer status of those customers against the others with tickets.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = [
    "CHANNEL_NAMES",
    "COMPLAINT_CAUSES",
    "FAILURE_GROUPS",
    "STANDARD_HOURS",
    "TICKET_KINDS",
    "TYPE_CAUSES",
    "complaint_causes",
    "failed_customers",
    "handling_quality",
    "one_stop_summary",
    "status_by_failures",
    "ticket_table",
]

#: The response standard of seed 003 (标准化服务 SOP: 响应时效<4小时), in hours.
STANDARD_HOURS = 4.0

#: Kind of ticket: a complaint (投诉) or any other service request.
TICKET_KINDS = i18n.define_names("ticket_kind", {"complaint": "Complaint", "request": "Other request"}, column="kind")

#: Contact channels of the tickets, with their names (for ``coursekit.display``).
CHANNEL_NAMES = i18n.define_names(
    "ticket_channel",
    {"phone": "Phone", "WeChat": "WeChat", "email": "Email", "on-site visit": "On-site visit"},
    column="channel",
)

#: The first cause of complaints of seed 002 (产品或服务的质量问题), split by what the ticket
#: type records: the product itself, or the service around it. The other two causes of the
#: seed (service attitude or manner; being misled) are not ticket types: the lesson reads
#: them from the handling and the customer's own words.
COMPLAINT_CAUSES = i18n.define_names(
    "complaint_cause",
    {"product": "Product problem", "service": "Service problem"},
    column="cause",
)

#: The cause each ticket type of the case data records.
TYPE_CAUSES = {
    "quality issue": "product",
    "return request": "product",
    "delivery delay": "service",
    "invoice error": "service",
    "order change": "service",
    "technical question": "service",
}

#: The two groups of :func:`status_by_failures`.
FAILURE_GROUPS = i18n.define_names(
    "failure_group",
    {"failed_twice": "Failed at least twice", "other_tickets": "Other customers with tickets"},
    column="group",
)

_HOUR = pd.Timedelta(hours=1)


def ticket_table(
    tickets: pd.DataFrame,
    end,
    *,
    handling: pd.DataFrame | None = None,
    standard_hours: float = STANDARD_HOURS,
    ticket_col: str = "ticket_id",
    customer_col: str = "customer_id",
    opened_col: str = "opened_at",
    response_col: str = "response_hours",
    complaint_col: str = "is_complaint",
    handoffs_col: str = "handoffs",
    reopened_col: str = "reopened",
    escalated_col: str = "escalated",
    closed_col: str = "closed_at",
) -> pd.DataFrame:
    """One row per service ticket with its handling and the service flags of lesson 02.

    Parameters
    ----------
    tickets : DataFrame
        One row per ticket (``datasets.load_tickets()``).
    end : date-like
        Observation end, a calendar day, inclusive. Tickets opened later are left out (noted);
        a ticket closed after ``end`` counts as open.
    handling : DataFrame, optional
        How each ticket was handled (``datasets.load_ticket_handling()``), joined on the ticket id.
        Without it, ``tickets`` must already hold the handling columns.
    standard_hours : float, default 4
        The response standard (seed 003: 响应时效<4小时): a ticket is ``on_time`` when its first
        answer came in **less** than this many hours.
    ticket_col, customer_col, opened_col, response_col, complaint_col : str
        Columns of ``tickets``.
    handoffs_col, reopened_col, escalated_col, closed_col : str
        Columns of the handling.

    Returns
    -------
    DataFrame
        Indexed by ticket id, in the order of ``tickets``: the columns of both tables and

        - ``kind``: ``complaint`` or ``request`` (keys; ``coursekit.display`` shows names);
        - ``year`` (int): the year the ticket was opened;
        - ``one_stop`` (bool): no hand-off, one person solved it (一站式服务);
        - ``on_time`` (bool): first answer within the standard;
        - ``failed`` (bool): reopened or escalated (the service failed the customer);
        - ``hours_to_close`` (float): opening to final closure in hours, NaN while open;
        - ``open_at_end`` (bool): not closed by the end of ``end``.

    Raises
    ------
    TypeError
        Not a DataFrame; a flag column not True/False.
    ValueError
        An empty table, a missing column, a duplicate ticket id, a ticket without handling,
        a negative response time or hand-off count, a standard not above 0.

    Examples
    --------
    >>> import pandas as pd
    >>> tickets = pd.DataFrame({
    ...     "ticket_id": ["T1", "T2"], "customer_id": ["A", "B"],
    ...     "opened_at": ["2025-12-01 09:00", "2025-12-30 10:00"],
    ...     "response_hours": [1.5, 6.0], "is_complaint": [False, True]})
    >>> handling = pd.DataFrame({
    ...     "ticket_id": ["T1", "T2"], "handoffs": [0, 2], "reopened": [False, True],
    ...     "escalated": [False, False], "closed_at": ["2025-12-01 12:00", None]})
    >>> t = ticket_table(tickets, "2025-12-31", handling=handling)
    >>> t[["kind", "one_stop", "on_time", "failed", "hours_to_close", "open_at_end"]]
              kind  one_stop  on_time  failed  hours_to_close  open_at_end
    ticket_id
    T1         request      True     True   False             3.0        False
    T2       complaint     False    False    True             NaN         True
    """
    v.require_frame(tickets, "tickets")
    standard = v.require_in_range(standard_hours, "standard_hours", low=0, inclusive=False)
    end_ts = v.as_timestamp(end, "end").normalize()
    after_end = end_ts + pd.Timedelta(days=1)
    v.require_columns(tickets, [ticket_col, customer_col, opened_col, response_col, complaint_col], "tickets")
    v.require_unique(tickets, ticket_col, "tickets")
    v.require_no_missing(tickets, customer_col, "tickets")
    handling_cols = [handoffs_col, reopened_col, escalated_col, closed_col]
    table = tickets.copy()
    if handling is not None:
        v.require_frame(handling, "handling")
        v.require_columns(handling, [ticket_col, *handling_cols], "handling")
        v.require_unique(handling, ticket_col, "handling")
        missing = ~tickets[ticket_col].isin(handling[ticket_col])
        if missing.any():
            first = tickets.loc[missing, ticket_col].iloc[0]
            raise ValueError(f"handling has no row for {int(missing.sum())} ticket(s), e.g. {first!r}")
        table = table.drop(columns=[c for c in handling_cols if c in table.columns])
        table = table.merge(handling[[ticket_col, *handling_cols]], on=ticket_col, how="left")
    else:
        v.require_columns(tickets, handling_cols, "tickets")
    opened = v.date_column(table, opened_col, "tickets")
    later = opened >= after_end
    if later.any():
        table, opened = table[~later].copy(), opened[~later]
        v.note(i18n._("{n} ticket(s) opened after {end} left out", n=int(later.sum()), end=str(end_ts.date())), table)
    response = v.numeric_column(table, response_col, "tickets", allow_negative=False)
    handoffs = v.numeric_column(table, handoffs_col, "handling", allow_negative=False)
    flags = {}
    for col in (complaint_col, reopened_col, escalated_col):
        if not pd.api.types.is_bool_dtype(table[col]):
            raise TypeError(f"column {col!r} must hold True/False, got {table[col].dtype}")
        v.require_no_missing(table, col, "tickets")
        flags[col] = table[col].astype(bool)
    closed = v.date_column(table, closed_col, "handling", allow_missing=True)
    open_at_end = closed.isna() | (closed >= after_end)
    notes = table.attrs.get("notes", [])
    table = table.assign(
        kind=pd.Categorical(np.where(flags[complaint_col], "complaint", "request"), categories=list(TICKET_KINDS)),
        year=opened.dt.year.astype(int),
        one_stop=(handoffs == 0).to_numpy(),
        on_time=(response < standard).to_numpy(),
        failed=(flags[reopened_col] | flags[escalated_col]).to_numpy(),
        hours_to_close=((closed - opened) / _HOUR).where(~open_at_end).round(1),
        open_at_end=open_at_end.to_numpy(),
    ).set_index(ticket_col)
    table.attrs["notes"] = notes
    return table


def _check_table(table, columns) -> None:
    v.require_frame(table, "table")
    v.require_columns(table, columns, "table")


def _groups(table: pd.DataFrame, by):
    """Group keys of ``table`` (one group ``all`` when ``by`` is None), kept in category order."""
    if by is None:
        return pd.Series("all", index=table.index, name="group")
    if not isinstance(by, str):
        raise TypeError(f"by must be a column name or None, got {type(by).__name__}")
    v.require_columns(table, [by], "table")
    v.require_no_missing(table, by, "table")
    return table[by]


def one_stop_summary(table: pd.DataFrame, *, by: str | None = None) -> pd.DataFrame:
    """First-contact resolution, hand-offs and response time, per group of tickets (一站式服务).

    Parameters
    ----------
    table : DataFrame
        The result of :func:`ticket_table`.
    by : str, optional
        Column to group by (``ticket_type``, ``channel``, ``kind``, ``year`` ...); None: all tickets.

    Returns
    -------
    DataFrame
        One row per group (``all`` without ``by``), columns:
        ``tickets``; ``first_contact_rate`` (share solved at first contact, 0-1);
        ``handoffs_mean`` (hand-offs per ticket); ``two_plus_handoffs`` (share passed on twice or more);
        ``response_median`` (hours to the first answer, median); ``on_time_rate`` (share answered
        within the standard, 0-1).

    Raises
    ------
    TypeError
        Not a DataFrame, ``by`` not a column name.
    ValueError
        An empty table, a missing column.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"channel": ["phone", "phone", "email"], "first_contact_resolved": [True, False, False],
    ...                   "handoffs": [0, 1, 3], "response_hours": [1.0, 5.0, 3.0], "on_time": [True, False, True]})
    >>> print(one_stop_summary(t, by="channel").to_string())
             tickets  first_contact_rate  handoffs_mean  two_plus_handoffs  response_median  on_time_rate
    channel
    email          1                 0.0            3.0                1.0              3.0           1.0
    phone          2                 0.5            0.5                0.0              3.0           0.5
    """
    cols = ["first_contact_resolved", "handoffs", "response_hours", "on_time"]
    _check_table(table, cols)
    keys = _groups(table, by)
    frame = table[cols].assign(two_plus=table["handoffs"] >= 2)
    grouped = frame.groupby(keys, observed=True, sort=True)
    out = pd.DataFrame(
        {
            "tickets": grouped.size(),
            "first_contact_rate": grouped["first_contact_resolved"].mean(),
            "handoffs_mean": grouped["handoffs"].mean(),
            "two_plus_handoffs": grouped["two_plus"].mean(),
            "response_median": grouped["response_hours"].median(),
            "on_time_rate": grouped["on_time"].mean(),
        }
    )
    out.index.name = by or "group"
    return out


def handling_quality(table: pd.DataFrame, *, by: str | None = "kind") -> pd.DataFrame:
    """Quality of handling per group of tickets: reopened, escalated, time to close, rating.

    Parameters
    ----------
    table : DataFrame
        The result of :func:`ticket_table` (with ``satisfaction_after``, the 1-5 rating).
    by : str or None, default "kind"
        Column to group by: ``kind`` (complaints against other requests), ``year``,
        ``ticket_type`` ...; None: all tickets.

    Returns
    -------
    DataFrame
        One row per group, columns: ``tickets``; ``reopened_rate`` and ``escalated_rate``
        (shares, 0-1); ``close_median`` (hours from opening to final closure, median over the
        closed tickets); ``open_at_end`` (tickets still open); ``rating_mean`` (mean rating
        1-5 over the rated tickets) and ``rated`` (rated tickets).

    Raises
    ------
    TypeError
        Not a DataFrame, ``by`` not a column name.
    ValueError
        An empty table, a missing column.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"kind": ["complaint", "complaint", "request"], "reopened": [True, False, False],
    ...                   "escalated": [True, True, False], "hours_to_close": [30.0, None, 2.0],
    ...                   "open_at_end": [False, True, False], "satisfaction_after": [2, None, 5]})
    >>> print(handling_quality(t).to_string())
               tickets  reopened_rate  escalated_rate  close_median  open_at_end  rating_mean  rated
    kind
    complaint        2            0.5             1.0          30.0            1          2.0      1
    request          1            0.0             0.0           2.0            0          5.0      1
    """
    cols = ["reopened", "escalated", "hours_to_close", "open_at_end", "satisfaction_after"]
    _check_table(table, cols)
    keys = _groups(table, by)
    frame = table[cols].assign(satisfaction_after=pd.to_numeric(table["satisfaction_after"]).astype(float))
    grouped = frame.groupby(keys, observed=True, sort=True)
    out = pd.DataFrame(
        {
            "tickets": grouped.size(),
            "reopened_rate": grouped["reopened"].mean(),
            "escalated_rate": grouped["escalated"].mean(),
            "close_median": grouped["hours_to_close"].median(),
            "open_at_end": grouped["open_at_end"].sum().astype(int),
            "rating_mean": grouped["satisfaction_after"].mean(),
            "rated": grouped["satisfaction_after"].count(),
        }
    )
    out.index.name = by or "group"
    return out


def complaint_causes(table: pd.DataFrame, *, type_col: str = "ticket_type") -> pd.DataFrame:
    """Complaints per ticket type, with the cause of seed 002 each type records (投诉原因).

    Parameters
    ----------
    table : DataFrame
        The result of :func:`ticket_table` (``kind`` and the ticket type).
    type_col : str, default "ticket_type"
        Column of the ticket type; types not in :data:`TYPE_CAUSES` get the cause ``service``.

    Returns
    -------
    DataFrame
        One row per ticket type, most complaints first (ties by name): ``cause`` (key of
        :data:`COMPLAINT_CAUSES`), ``tickets``, ``complaints``, ``complaint_rate`` (share of the
        type's tickets filed as complaints, 0-1) and ``complaint_share`` (share of all complaints, 0-1).

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        An empty table, a missing column, no complaint at all.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"ticket_type": ["quality issue", "quality issue", "order change", "invoice error"],
    ...                   "kind": ["complaint", "request", "complaint", "complaint"]})
    >>> complaint_causes(t)
                   cause  tickets  complaints  complaint_rate  complaint_share
    ticket_type
    invoice error  service        1           1             1.0         0.333333
    order change   service        1           1             1.0         0.333333
    quality issue  product        2           1             0.5         0.333333
    """
    _check_table(table, [type_col, "kind"])
    v.require_no_missing(table, type_col, "table")
    complaint = table["kind"].astype(str) == "complaint"
    if not complaint.any():
        raise ValueError("table has no complaint (kind 'complaint'): nothing to attribute to a cause")
    grouped = complaint.groupby(table[type_col].astype(str), sort=True)
    out = pd.DataFrame({"tickets": grouped.size(), "complaints": grouped.sum().astype(int)})
    out["complaint_rate"] = out["complaints"] / out["tickets"]
    out["complaint_share"] = out["complaints"] / int(complaint.sum())
    causes = [TYPE_CAUSES.get(t, "service") for t in out.index]
    out.insert(0, "cause", pd.Categorical(causes, categories=list(COMPLAINT_CAUSES)))
    out = out.sort_values("complaints", ascending=False, kind="stable")
    out.index.name = type_col
    return out


def failed_customers(
    table: pd.DataFrame, *, min_failed: int = 2, customer_col: str = "customer_id", opened_col: str = "opened_at"
) -> pd.DataFrame:
    """The customers the service failed at least ``min_failed`` times (reopened or escalated tickets).

    Parameters
    ----------
    table : DataFrame
        The result of :func:`ticket_table` (``failed``, ``kind`` and the opening time).
    min_failed : int, default 2
        Failed tickets a customer needs to be listed ("failed twice").
    customer_col, opened_col : str
        Columns of ``table``.

    Returns
    -------
    DataFrame
        Indexed by customer id, most failed tickets first (ties: latest failure first, then id):
        ``tickets``, ``failed``, ``complaints``, ``last_failure`` (date-time of the latest failed
        ticket's opening).

    Raises
    ------
    TypeError
        Not a DataFrame; ``min_failed`` not a whole number.
    ValueError
        An empty table, a missing column, ``min_failed`` below 1.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"customer_id": ["A", "A", "A", "B", "B"], "failed": [True, True, False, True, False],
    ...                   "kind": ["complaint", "request", "complaint", "complaint", "request"],
    ...                   "opened_at": pd.to_datetime(["2025-01-05", "2025-03-01", "2025-04-01", "2025-02-01", "2025-05-01"])})
    >>> failed_customers(t)
                 tickets  failed  complaints last_failure
    customer_id
    A                  3       2           2   2025-03-01
    """
    _check_table(table, [customer_col, "failed", "kind", opened_col])
    if isinstance(min_failed, bool) or not isinstance(min_failed, (int, np.integer)):
        raise TypeError(f"min_failed must be a whole number of tickets, got {min_failed!r}")
    if min_failed < 1:
        raise ValueError(f"min_failed must be at least 1, got {min_failed}")
    failed = table["failed"].astype(bool)
    frame = pd.DataFrame(
        {
            "failed": failed,
            "complaint": table["kind"].astype(str) == "complaint",
            "failure_at": pd.to_datetime(table[opened_col]).where(failed),
        }
    )
    grouped = frame.groupby(table[customer_col], sort=True)
    out = pd.DataFrame(
        {
            "tickets": grouped.size(),
            "failed": grouped["failed"].sum().astype(int),
            "complaints": grouped["complaint"].sum().astype(int),
            "last_failure": grouped["failure_at"].max(),
        }
    )
    out = out[out["failed"] >= min_failed]
    out = out.sort_values("last_failure", ascending=False, kind="stable")
    out = out.sort_values("failed", ascending=False, kind="stable")
    out.index.name = customer_col
    return out


def status_by_failures(
    table: pd.DataFrame, *, status: pd.DataFrame | None = None, min_failed: int = 2, customer_col: str = "customer_id"
) -> pd.DataFrame:
    """Customer status of the customers the service failed twice, against the other customers with tickets.

    Parameters
    ----------
    table : DataFrame
        The result of :func:`ticket_table`.
    status : DataFrame
        Required: ``loyalty.customer_status`` (indexed by customer id, with ``status``).
    min_failed : int, default 2
        Failed tickets that put a customer in the group ``failed_twice``.
    customer_col : str
        Customer column of ``table``.

    Returns
    -------
    DataFrame
        Two rows, ``failed_twice`` and ``other_tickets`` (keys of :data:`FAILURE_GROUPS`): ``customers``,
        the share of each status (``active_share``, ``at_risk_share``, ``dormant_share``, ``lost_share``, 0-1) and ``churned`` (dormant or lost:
        no purchase for more than 180 days, the case data's churn rule). Customers with tickets
        but no status (no purchase left after returns) are left out with a note.

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        An empty table, a missing column, ``min_failed`` below 1.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"customer_id": ["A", "A", "B", "C"], "failed": [True, True, True, False],
    ...                   "kind": ["complaint"] * 4, "opened_at": pd.to_datetime(["2025-01-01"] * 4)})
    >>> status = pd.DataFrame({"status": ["lost", "active", "dormant"]}, index=["A", "B", "C"])
    >>> status_by_failures(t, status=status)[["customers", "active_share", "churned"]]
                   customers  active_share  churned
    group
    failed_twice           1           0.0      1.0
    other_tickets          2           0.5      0.5
    """
    failing = failed_customers(table, min_failed=min_failed, customer_col=customer_col)
    v.require_frame(status, "status")
    v.require_columns(status, ["status"], "status")
    customers = pd.Index(table[customer_col].unique())
    known = customers.isin(status.index)
    out_rows = {}
    customers = customers[known]
    group = pd.Series(np.where(customers.isin(failing.index), "failed_twice", "other_tickets"), index=customers)
    keys = ["active", "at_risk", "dormant", "lost"]
    st = status.loc[customers, "status"].astype(str)
    for g in FAILURE_GROUPS:
        members = st[group == g]
        row = {"customers": len(members)}
        for key in keys:
            row[f"{key}_share"] = float((members == key).mean()) if len(members) else np.nan
        row["churned"] = row["dormant_share"] + row["lost_share"]
        out_rows[g] = row
    out = pd.DataFrame.from_dict(out_rows, orient="index")
    out.index = pd.CategoricalIndex(out.index, categories=list(FAILURE_GROUPS), ordered=True, name="group")
    if not known.all():
        v.note(i18n._("{n} customer(s) with tickets but no status left out", n=int((~known).sum())), out)
    return out
