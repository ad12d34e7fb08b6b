"""Churn and retention (客户流失与客户保持): the seed's churn rate, active vs passive churn, causes."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from .status import customer_status

__all__ = ["CAUSE_SOURCE_NAMES", "CHURN_KIND_NAMES", "churn_causes", "churn_kinds", "churn_rates"]

#: Active churn (主动流失: the customer moved to another supplier) and passive churn (被动流失:
#: Yunfeng ended the relationship, e.g. over unpaid debts), seed 002.
CHURN_KIND_NAMES = i18n.define_names(
    "churn_kind", {"active": "Active churn", "passive": "Passive churn"}, column="churn_kind"
)

#: Where a churn cause is seen: complaint tickets or negative remarks in the feedback.
CAUSE_SOURCE_NAMES = i18n.define_names(
    "cause_source", {"complaint": "Complaint ticket", "feedback": "Negative remark"}, column="source"
)


def _quiet_status(transactions, end):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", v.CourseKitDataNote)
        return customer_status(transactions, end)


def churn_rates(transactions: pd.DataFrame, years=None, *, groups: pd.Series | None = None) -> pd.DataFrame:
    """Churn rate and retention rate per year (客户流失率、客户保持率), by the seed's formula.

    For year Y the customers (消费人数) are those not *lost* at the end of Y - 1 (a purchase in
    the 365 days before Y began, :func:`customer_status`); the lost customers (流失数) are
    those of them who are *lost* at the end of Y. Churn rate = lost / customers x 100 %
    (seed 002: 顾客流失率 = 顾客流失数 / 消费人数 x 100 %); retention rate = 100 % - churn rate.

    Parameters
    ----------
    transactions : DataFrame
        Order lines (customer_id, date, amount).
    years : int or list of int, optional
        Calendar years; the log must start before each year (a year whose base year has no
        purchase raises). Default: every year after the first year of the log.
    groups : Series, optional
        A group per customer (e.g. the tier); rates per year and group.

    Returns
    -------
    DataFrame
        One row per year (and group): ``customers``, ``lost``, ``churn_pct``, ``retention_pct``
        (1 decimal).

    Examples
    --------
    A and B buy in 2024; A buys again in 2025, B does not. C only buys in 2025 (not counted):

    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["A", "B", "A", "C"], "amount": [1.0] * 4,
    ...                        "date": ["2024-03-01", "2024-06-01", "2025-02-01", "2025-05-01"]})
    >>> churn_rates(orders, 2025)  # doctest: +NORMALIZE_WHITESPACE
          customers  lost  churn_pct  retention_pct
    year
    2025          2     1       50.0           50.0
    """
    v.require_frame(transactions, "transactions")
    if years is None:
        first, last = pd.to_datetime(transactions["date"]).agg(["min", "max"])
        years = list(range(first.year + 1, last.year + 1))
    years = [years] if isinstance(years, (int, np.integer)) else list(years)
    if not years or any(isinstance(y, bool) or not isinstance(y, (int, np.integer)) for y in years):
        raise ValueError(f"years must be a calendar year or a list of them, got {years!r}")
    if groups is not None:
        v.require_series(groups, "groups")
    rows = []
    for year in years:
        before = _quiet_status(transactions, f"{year - 1}-12-31")
        base = before.index[before["status"] != "lost"]
        if len(base) == 0:
            raise ValueError(f"no customer bought in the 365 days before {year}: no churn rate for {year}")
        after = _quiet_status(transactions, f"{year}-12-31")
        lost = pd.Series(after["status"].reindex(base).astype(str).eq("lost").to_numpy(), index=base)
        frame = pd.DataFrame({"lost": lost})
        if groups is None:
            parts = [((year,), frame)]
        else:
            g = groups.reindex(base)
            parts = [((year, key), frame[g.to_numpy() == key]) for key in pd.unique(groups.dropna())]
            if isinstance(groups.dtype, pd.CategoricalDtype):
                parts = [((year, key), frame[g.to_numpy() == key]) for key in groups.cat.categories]
        for key, part in parts:
            n, k = len(part), int(part["lost"].sum())
            churn = round(100 * k / n, 1) if n else np.nan
            rows.append((*key, n, k, churn, round(100 - churn, 1) if n else np.nan))
    names = ["year"] if groups is None else ["year", groups.name or "group"]
    out = pd.DataFrame(rows, columns=[*names, "customers", "lost", "churn_pct", "retention_pct"])
    if groups is not None and isinstance(groups.dtype, pd.CategoricalDtype):
        out[names[1]] = pd.Categorical(out[names[1]], categories=groups.cat.categories, ordered=groups.cat.ordered)
    return out.set_index(names)


def churn_kinds(status: pd.DataFrame, end, *, receivables: pd.DataFrame, overdue_days: int = 180) -> pd.DataFrame:
    """Active or passive churn (主动流失、被动流失) of the lost customers (seed 002).

    A lost customer with an invoice still unpaid more than ``overdue_days`` after its due date
    at ``end`` churned *passively*: Yunfeng stopped supplying (恶意欠款等原因被企业解除服务合同).
    Every other lost customer churned *actively*: the customer chose to buy elsewhere.

    Parameters
    ----------
    status : DataFrame
        :func:`customer_status` result (index customer id, column ``status``).
    end : date-like
        Observation end.
    receivables : DataFrame
        Invoices ``customer_id``, ``due_date``, ``paid_date`` (empty = unpaid).
    overdue_days : int, default 180
        Days past due from which an unpaid invoice counts as a bad debt.

    Returns
    -------
    DataFrame
        The lost customers: ``days_since`` and ``churn_kind`` (active / passive).

    Examples
    --------
    >>> import pandas as pd
    >>> status = pd.DataFrame({"days_since": [400, 500, 10], "status": ["lost", "lost", "active"]},
    ...                       index=["A", "B", "C"])
    >>> invoices = pd.DataFrame({"customer_id": ["B", "C"], "due_date": ["2024-09-01", "2025-12-01"],
    ...                          "paid_date": [None, None]})
    >>> churn_kinds(status, "2025-12-31", receivables=invoices)["churn_kind"].tolist()
    ['active', 'passive']
    """
    v.require_frame(status, "status")
    v.require_columns(status, ["status"], "status")
    end = v.as_timestamp(end)
    v.require_frame(receivables, "receivables", allow_empty=True)
    v.require_columns(receivables, ["customer_id", "due_date", "paid_date"], "receivables")
    due = pd.to_datetime(receivables["due_date"])
    paid = pd.to_datetime(receivables["paid_date"])
    bad = receivables.loc[paid.isna() & ((end - due).dt.days > overdue_days), "customer_id"]
    lost = status[status["status"].astype(str) == "lost"].copy()
    keys = np.where(lost.index.isin(set(bad)), "passive", "active")
    lost["churn_kind"] = pd.Categorical(keys, categories=list(CHURN_KIND_NAMES))
    return lost.drop(columns=[c for c in lost.columns if c not in ("days_since", "churn_kind")])


def churn_causes(churned: pd.Series, *, tickets: pd.DataFrame, feedback: pd.DataFrame) -> pd.DataFrame:
    """What the churned customers said and reported, beside the customers who stayed (流失原因).

    For each ticket type (complaints only) and each theme of negative feedback: the share of
    churned and of staying customers with at least one, and the ratio churned / stayed
    (above 1 = more common among leavers).

    Parameters
    ----------
    churned : Series of bool
        Per customer id: True = churned, False = stayed.
    tickets : DataFrame
        ``customer_id``, ``ticket_type``, ``is_complaint``.
    feedback : DataFrame
        ``customer_id``, ``theme``, ``sentiment``.

    Returns
    -------
    DataFrame
        Indexed by ``cause`` (a ticket type or a feedback theme): ``source`` (complaint or
        feedback), ``churned_pct``, ``stayed_pct`` (1 decimal) and
        ``ratio`` (2 decimals; missing when no staying customer has it), sorted by
        ``churned_pct``, highest first.

    Examples
    --------
    >>> import pandas as pd
    >>> churned = pd.Series([True, True, False, False], index=list("ABCD"))
    >>> tickets = pd.DataFrame({"customer_id": ["A", "B", "C"], "is_complaint": [True, True, True],
    ...                         "ticket_type": ["quality issue", "quality issue", "delivery delay"]})
    >>> feedback = pd.DataFrame({"customer_id": ["A"], "theme": ["price"], "sentiment": ["negative"]})
    >>> churn_causes(churned, tickets=tickets, feedback=feedback)["churned_pct"].tolist()
    [100.0, 50.0, 0.0]
    """
    from ..voc import tagger  # noqa: F401  (registers the feedback themes' names for display)

    v.require_series(churned, "churned")
    v.require_columns(tickets, ["customer_id", "ticket_type", "is_complaint"], "tickets")
    v.require_columns(feedback, ["customer_id", "theme", "sentiment"], "feedback")
    flag = churned.astype(bool)
    n_churned, n_stayed = int(flag.sum()), int((~flag).sum())
    if n_churned == 0 or n_stayed == 0:
        raise ValueError("churned must hold both churned (True) and staying (False) customers")
    complaints = tickets[tickets["is_complaint"].astype(bool)][["customer_id", "ticket_type"]]
    negative = feedback[feedback["sentiment"] == "negative"][["customer_id", "theme"]]
    rows = []
    for source, table, col in (("complaint", complaints, "ticket_type"), ("feedback", negative, "theme")):
        table = table[table["customer_id"].isin(flag.index)].drop_duplicates()
        for cause, part in table.groupby(col, sort=True):
            who = flag.reindex(part["customer_id"].unique())
            c = 100 * int(who.sum()) / n_churned
            s = 100 * int((~who).sum()) / n_stayed
            rows.append((source, cause, round(c, 1), round(s, 1), round(c / s, 2) if s else np.nan))
    out = pd.DataFrame(rows, columns=["source", "cause", "churned_pct", "stayed_pct", "ratio"])
    out["source"] = pd.Categorical(out["source"], categories=list(CAUSE_SOURCE_NAMES))
    return out.sort_values(["churned_pct", "ratio"], ascending=False).set_index("cause")
