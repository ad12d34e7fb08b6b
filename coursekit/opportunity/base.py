"""The customer base as three tasks (获得、留住、激活) and how customers came to us."""

from __future__ import annotations

import pandas as pd

from .. import _validate as v
from .. import i18n
from ..loyalty.status import customer_status
from ._lines import add_notes, window_lines

__all__ = ["CHANNELS", "INBOUND", "TASKS", "base_tasks", "channel_summary", "reactivation_list"]

#: The three tasks of the outline, with the customers each is for.
TASKS = i18n.define_names(
    "base_task",
    column="task",
    english={
        "acquire": "Acquire: prospects with an opportunity",
        "retain": "Retain: active and at-risk accounts",
        "reactivate": "Reactivate: dormant and lost accounts",
    },
)
#: Acquisition channels of the case data.
CHANNELS = i18n.define_names(
    "acquisition_channel",
    column="acquisition_channel",
    english={
        "referral": "referral",
        "online": "online",
        "trade show": "trade show",
        "tender": "tender",
        "cold call": "cold call",
    },
)
#: Channels through which the customer came to us on its own (如何让用户主动找我们).
INBOUND = ("referral", "online")
_TASK_OF = {"active": "retain", "at_risk": "retain", "dormant": "reactivate", "lost": "reactivate"}


def _last_year_revenue(lines: pd.DataFrame, customer_col: str, end: pd.Timestamp) -> pd.Series:
    recent = lines["_date"] > end - pd.Timedelta(days=365)
    return lines.loc[recent, "_amount"].groupby(lines.loc[recent, customer_col]).sum()


def base_tasks(
    orders: pd.DataFrame,
    end,
    *,
    opportunities: pd.DataFrame | None = None,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
    order_col: str | None = None,
) -> pd.DataFrame:
    """The customer base as the outline's three tasks: acquire, retain, reactivate (获得、留住、激活).

    Every account is placed by its status (:func:`coursekit.loyalty.customer_status`): active and at
    risk are *retain*, dormant and lost are *reactivate*. Prospects are the ids in ``opportunities``
    that never ordered: *acquire*.

    Parameters
    ----------
    orders : DataFrame
        Order lines (customer, date, amount; returns as negative amounts).
    end : date-like
        The observation end, inclusive.
    opportunities : DataFrame, optional
        Sales opportunities (``customer_id``, ``status``, ``expected_value``): adds the prospects and
        the open opportunities of each task.
    customer_col, date_col, amount_col, order_col : str
        Column names of ``orders``.

    Returns
    -------
    DataFrame
        Indexed by ``task`` (ordered categorical: acquire, retain, reactivate) with ``accounts``,
        ``revenue_12m`` (net CNY in the 365 days up to ``end``), ``open_opportunities`` and
        ``open_value`` (expected CNY of the open opportunities).

    Raises
    ------
    TypeError, ValueError
        Bad tables (named), as in the transactions layer.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["A", "B", "C"], "date": ["2025-12-01", "2025-09-01", "2024-01-05"],
    ...                        "amount": [100.0, 50.0, 70.0]})
    >>> base_tasks(orders, "2025-12-31")[["accounts", "revenue_12m"]]
                accounts  revenue_12m
    task
    acquire            0          0.0
    retain             2        150.0
    reactivate         1          0.0
    """
    notes: list = []
    lines, end = window_lines(
        orders, end, None, customer_col=customer_col, date_col=date_col, amount_col=amount_col, result_notes=notes
    )
    status = customer_status(
        orders, end, customer_col=customer_col, date_col=date_col, amount_col=amount_col, order_col=order_col
    )
    task = status["status"].astype(str).map(_TASK_OF)
    revenue = _last_year_revenue(lines, customer_col, end).reindex(status.index, fill_value=0.0)
    keys = list(TASKS)
    accounts = task.value_counts().reindex(keys, fill_value=0)
    out = pd.DataFrame(
        {
            "accounts": accounts.astype("int64").to_numpy(),
            "revenue_12m": revenue.groupby(task).sum().reindex(keys, fill_value=0.0).to_numpy(dtype=float),
        },
        index=pd.CategoricalIndex(keys, categories=keys, ordered=True, name="task"),
    )
    if opportunities is not None:
        name = "opportunities"
        v.require_frame(opportunities, name)
        v.require_columns(opportunities, [customer_col, "status", "expected_value"], name)
        value = v.numeric_column(opportunities, "expected_value", name, allow_missing=True)
        ids = opportunities[customer_col]
        of = ids.map(task).fillna("acquire")
        out.loc["acquire", "accounts"] = int(ids[of == "acquire"].nunique())
        is_open = opportunities["status"] == "open"
        out["open_opportunities"] = is_open.groupby(of).sum().reindex(keys, fill_value=0).astype("int64").to_numpy()
        out["open_value"] = (
            value[is_open].groupby(of[is_open]).sum().reindex(keys, fill_value=0.0).to_numpy(dtype=float)
        )
    return add_notes(out, notes)


def reactivation_list(
    orders: pd.DataFrame,
    end,
    *,
    statuses=("dormant",),
    customers: pd.DataFrame | None = None,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
    order_col: str | None = None,
) -> pd.DataFrame:
    """Accounts to reactivate (激活休眠客户), ranked by what they used to be worth.

    *Worth* is the account's net revenue in the 365 days up to and including its last purchase: what
    a year of its business brought when it still bought. The status comes from
    :func:`coursekit.loyalty.customer_status` (dormant: 181-365 days without an order).

    Parameters
    ----------
    orders : DataFrame
        Order lines (customer, date, amount).
    end : date-like
        The observation end, inclusive.
    statuses : sequence of str, default ("dormant",)
        Status keys to list (``active``, ``at_risk``, ``dormant``, ``lost``).
    customers : DataFrame, optional
        Customer table: adds ``company_name`` and ``account_manager`` when it has them.
    customer_col, date_col, amount_col, order_col : str
        Column names of ``orders`` (``order_col`` counts orders, not purchase days).

    Returns
    -------
    DataFrame
        Indexed by customer id, largest ``worth`` first: ``last_purchase``, ``days_since``,
        ``status``, ``worth`` (CNY) and ``orders_year`` (purchases in that year).

    Raises
    ------
    TypeError, ValueError
        Bad tables, or a status that is not a status key.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["A", "A", "B", "C"],
    ...                        "date": ["2024-12-01", "2025-05-01", "2025-04-01", "2025-12-01"],
    ...                        "amount": [100.0, 50.0, 80.0, 70.0]})
    >>> reactivation_list(orders, "2025-12-31")[["days_since", "worth", "orders_year"]]
                 days_since  worth  orders_year
    customer_id
    A                   244  150.0            2
    B                   274   80.0            1
    """
    from ..loyalty.status import STATUS_NAMES

    chosen = [statuses] if isinstance(statuses, str) else list(statuses)
    unknown = [s for s in chosen if s not in STATUS_NAMES]
    if unknown or not chosen:
        raise ValueError(f"statuses must be status keys ({', '.join(STATUS_NAMES)}), got {chosen!r}")
    notes: list = []
    extra = [order_col] if order_col else []
    lines, end = window_lines(
        orders,
        end,
        None,
        customer_col=customer_col,
        date_col=date_col,
        amount_col=amount_col,
        extra=extra,
        result_notes=notes,
    )
    status = customer_status(
        orders, end, customer_col=customer_col, date_col=date_col, amount_col=amount_col, order_col=order_col
    )
    picked = status[status["status"].isin(chosen)]
    last = lines[customer_col].map(picked["last_purchase"])
    in_year = last.notna() & (lines["_date"] <= last) & (lines["_date"] > last - pd.Timedelta(days=365))
    year = lines[in_year]
    worth = year["_amount"].groupby(year[customer_col]).sum()
    count_col = order_col if order_col else "_date"
    sales = year[year["_amount"] > 0]
    orders_year = sales.groupby(customer_col)[count_col].nunique()
    out = picked.assign(
        worth=worth.reindex(picked.index, fill_value=0.0).astype(float),
        orders_year=orders_year.reindex(picked.index, fill_value=0).astype("int64"),
    )
    out = out.sort_values(["worth"], ascending=False, kind="stable")
    if customers is not None:
        v.require_frame(customers, "customers")
        v.require_columns(customers, [customer_col], "customers")
        cols = [c for c in ("company_name", "account_manager") if c in customers.columns]
        out = out.join(customers.set_index(customer_col)[cols])
    return add_notes(out, notes)


def channel_summary(
    orders: pd.DataFrame,
    end,
    *,
    customers: pd.DataFrame | None = None,
    channel_col: str = "acquisition_channel",
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """How customers came to us (客户来源), and how the accounts of each channel buy now.

    Referral and online are *inbound* (the customer found us: 用户主动找我们); trade show, tender and
    cold call are *outbound* (we found the customer).

    Parameters
    ----------
    orders : DataFrame
        Order lines (customer, date, amount).
    end : date-like
        The observation end, inclusive.
    customers : DataFrame
        Customer table with the acquisition channel (required).
    channel_col, customer_col, date_col, amount_col : str
        Column names.

    Returns
    -------
    DataFrame
        Indexed by ``acquisition_channel`` (keys, inbound first, then by accounts) with ``accounts``,
        ``share`` (0-1), ``inbound`` (bool), ``active_share`` (0-1 of the channel's accounts that are
        active at ``end``) and ``revenue_12m_per_account`` (net CNY in the 365 days up to ``end``,
        per account of the channel).

    Raises
    ------
    TypeError, ValueError
        Bad tables or a missing column (named).

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"customer_id": ["A", "B", "C"], "acquisition_channel": ["referral", "tender", "tender"]})
    >>> orders = pd.DataFrame({"customer_id": ["A", "B", "C"], "date": ["2025-12-01", "2025-12-20", "2024-01-01"],
    ...                        "amount": [100.0, 60.0, 40.0]})
    >>> channel_summary(orders, "2025-12-31", customers=customers)[["accounts", "inbound", "active_share", "revenue_12m_per_account"]]
                         accounts  inbound  active_share  revenue_12m_per_account
    acquisition_channel
    referral                    1     True           1.0                    100.0
    tender                      2    False           0.5                     30.0
    """
    notes: list = []
    lines, end = window_lines(
        orders, end, None, customer_col=customer_col, date_col=date_col, amount_col=amount_col, result_notes=notes
    )
    v.require_frame(customers, "customers")
    v.require_columns(customers, [customer_col, channel_col], "customers")
    v.require_no_missing(customers, channel_col, "customers")
    status = customer_status(orders, end, customer_col=customer_col, date_col=date_col, amount_col=amount_col)
    table = customers.set_index(customer_col)
    channel = table[channel_col].astype(str)
    revenue = _last_year_revenue(lines, customer_col, end).reindex(table.index, fill_value=0.0)
    active = (status["status"] == "active").reindex(table.index, fill_value=False).astype(bool)
    grouped = pd.DataFrame({"channel": channel, "revenue": revenue, "active": active}).groupby("channel")
    out = pd.DataFrame(
        {
            "accounts": grouped.size().astype("int64"),
            "share": grouped.size() / len(table),
            "inbound": [c in INBOUND for c in grouped.size().index],
            "active_share": grouped["active"].mean(),
            "revenue_12m_per_account": grouped["revenue"].mean(),
        }
    )
    out = out.sort_values(["inbound", "accounts"], ascending=[False, False], kind="stable")
    out.index.name = channel_col
    return add_notes(out, notes)
