"""Cross-check a call list against the service tickets before anyone picks up the phone."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v

__all__ = ["with_open_tickets"]

_NS_PER_HOUR = 3_600_000_000_000


def with_open_tickets(
    call_list,
    tickets,
    end,
    *,
    days: int = 30,
    customer_col: str = "customer_id",
    opened_col: str = "opened_at",
    resolution_col: str | None = "resolution_hours",
    closed_col: str | None = None,
    complaint_col: str = "is_complaint",
) -> pd.DataFrame:
    """Add each account's recent tickets, complaints and open tickets to a call list.

    A customer who went quiet right after a complaint needs the problem fixed and an
    apology, not a discount. This puts the tickets next to each name on the list.

    Parameters
    ----------
    call_list : DataFrame
        One row per customer, indexed by customer id (e.g. RFM segments). When it has a
        ``recency`` column (days from the last purchase to ``end``), tickets are counted
        from ``days`` days **before the last purchase** to ``end``: the complaints around the
        time the customer stopped, and everything since. Without ``recency``, tickets of
        the last ``days`` days up to ``end`` are counted.
    tickets : DataFrame
        One row per ticket (``datasets.load_tickets()``).
    end : str, date or Timestamp
        Observation end, a calendar day, inclusive. Tickets opened later are ignored.
    days : int, default 30
        Days before the last purchase (or before ``end``) where the count starts.
    customer_col, opened_col, complaint_col : str
        Columns of ``tickets``: customer id, opening time, complaint flag (True/False).
    resolution_col : str or None, default "resolution_hours"
        Hours from opening to resolution; a ticket is **open** when it was not resolved by
        the end of ``end`` (or has no resolution time).
    closed_col : str, optional
        Closing time instead (``ticket_handling.closed_at``, which counts reopened
        tickets); missing = still open. Takes precedence over ``resolution_col``.

    Returns
    -------
    DataFrame
        A copy of ``call_list`` (same rows and order) with

        - ``tickets`` (int): tickets opened in the window;
        - ``complaints`` (int): those filed as complaints;
        - ``open_tickets`` (int): tickets of the customer still open at ``end`` (any age);
        - ``last_ticket`` (date): opening day of the customer's latest ticket (NaT: none);
        - ``check_first`` (bool): a complaint in the window or an open ticket — read the
          tickets and fix the problem before offering anything.

    Raises
    ------
    TypeError
        ``call_list`` or ``tickets`` is not a DataFrame, a wrong kind of column, ``days``
        not a whole number.
    ValueError
        An empty table, a missing column, a negative ``days``, a ``recency`` below 0.

    Examples
    --------
    Customer A last bought 40 days before the end and complained 10 days before that; B
    has an old, closed question and a ticket still open:

    >>> import pandas as pd
    >>> calls = pd.DataFrame({"recency": [40, 200]}, index=pd.Index(["A", "B"], name="customer_id"))
    >>> tickets = pd.DataFrame({
    ...     "customer_id": ["A", "B", "B"],
    ...     "opened_at": ["2025-11-11 09:00", "2024-03-01 10:00", "2025-12-30 16:00"],
    ...     "resolution_hours": [5.0, 2.0, 40.0],
    ...     "is_complaint": [True, False, False]})
    >>> print(with_open_tickets(calls, tickets, "2025-12-31").to_string())  # doctest: +NORMALIZE_WHITESPACE
                 recency  tickets  complaints  open_tickets last_ticket  check_first
    customer_id
    A                 40        1           1             0  2025-11-11         True
    B                200        1           0             1  2025-12-30         True
    """
    v.require_frame(call_list, "call_list")
    v.require_unique_index(call_list, "call_list")
    v.require_frame(tickets, "tickets")
    if isinstance(days, bool) or not isinstance(days, (int, np.integer)):
        raise TypeError(f"days must be a whole number of days, got {days!r}")
    if days < 0:
        raise ValueError(f"days must not be negative, got {days}")
    cols = [customer_col, opened_col, complaint_col] + [c for c in (resolution_col, closed_col) if c is not None]
    v.require_columns(tickets, cols, "tickets")
    v.require_no_missing(tickets, customer_col, "tickets")
    end_ts = v.as_timestamp(end, "end").normalize()
    after_end = end_ts + pd.Timedelta(days=1)  # end is a calendar day, inclusive
    opened = v.date_column(tickets, opened_col, "tickets")
    complaint = tickets[complaint_col]
    if not pd.api.types.is_bool_dtype(complaint):
        raise TypeError(f"tickets column {complaint_col!r} must hold True/False, got {complaint.dtype}")
    complaint = complaint.fillna(False).astype(bool)
    if closed_col is not None:
        closed = v.date_column(tickets, closed_col, "tickets", allow_missing=True)
    else:
        hours = v.numeric_column(tickets, resolution_col, "tickets", allow_negative=False, allow_missing=True)
        closed = opened + pd.to_timedelta(hours, unit="h")
    known = opened < after_end
    is_open = known & (closed.isna() | (closed >= after_end))

    ids = call_list.index
    if "recency" in call_list.columns:
        recency = v.numeric_column(call_list, "recency", "call_list", allow_negative=False)
        last_purchase = end_ts - pd.to_timedelta(recency.to_numpy(), unit="D")
        window_start = pd.Series(last_purchase - pd.Timedelta(days=days), index=ids)
    else:
        window_start = pd.Series(end_ts - pd.Timedelta(days=days - 1), index=ids) if days else None
    customer = tickets[customer_col]
    on_list = customer.isin(ids) & known
    frame = pd.DataFrame(
        {
            "customer": customer[on_list].to_numpy(),
            "opened": opened[on_list].to_numpy(),
            "complaint": complaint[on_list].to_numpy(),
            "open": is_open[on_list].to_numpy(),
        }
    )
    if window_start is not None:
        frame["in_window"] = frame["opened"].to_numpy() >= window_start.reindex(frame["customer"]).to_numpy()
    else:
        frame["in_window"] = False
    frame["complaint_in_window"] = frame["in_window"] & frame["complaint"]
    grouped = frame.groupby("customer", sort=False)
    out = call_list.copy()
    out["tickets"] = grouped["in_window"].sum().reindex(ids, fill_value=0).astype("int64").to_numpy()
    out["complaints"] = grouped["complaint_in_window"].sum().reindex(ids, fill_value=0).astype("int64").to_numpy()
    out["open_tickets"] = grouped["open"].sum().reindex(ids, fill_value=0).astype("int64").to_numpy()
    out["last_ticket"] = grouped["opened"].max().dt.normalize().reindex(ids).to_numpy()
    out["check_first"] = (out["complaints"] > 0) | (out["open_tickets"] > 0)
    return out
