"""Receivables and collection (应收账款与回款); lesson 11, seed 001's 销售回款与催款.

- :func:`aging`: open receivables at a date by aging bucket (账龄);
- :func:`dso`: days sales outstanding (应收账款周转天数) at a date;
- :func:`debt_classes`: paid on time, slow debt (呆账) and bad debt (坏账), in money;
- :func:`payment_changes`: the customers whose payment behaviour changed between two years;
- :func:`excuse_frequencies`: how often each of the ten common payment excuses was given.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from ..datasets import PAYMENT_EXCUSES

__all__ = [
    "AGING_BUCKETS",
    "DEBT_CLASSES",
    "aging",
    "debt_classes",
    "dso",
    "excuse_frequencies",
    "payment_changes",
]

#: Aging buckets of open invoices: days past the due date at the observation end.
AGING_BUCKETS = i18n.define_names(
    "aging_bucket",
    {
        "not_due": "Not yet due",
        "d1_30": "1-30 days overdue",
        "d31_60": "31-60 days overdue",
        "d61_90": "61-90 days overdue",
        "d91_180": "91-180 days overdue",
        "over_180": "Over 180 days overdue",
    },
    column="bucket",
)
_AGING_EDGES = [0, 30, 60, 90, 180]

#: How an invoice was (or is being) paid.
DEBT_CLASSES = i18n.define_names(
    "debt_class",
    {
        "timely": "Paid on time or not yet due",
        "slow": "Slow debt: paid late or overdue",
        "bad": "Bad debt: unpaid long after due",
    },
    column="debt_class",
)


def _prepare(receivables, end, invoice_date_col, due_col, paid_col, amount_col, extra=()):
    v.require_frame(receivables, "receivables")
    v.require_columns(receivables, [invoice_date_col, due_col, paid_col, amount_col, *extra], "receivables")
    end = v.as_timestamp(end)
    df = receivables.copy()
    for col in (invoice_date_col, due_col, paid_col):
        df[col] = pd.to_datetime(df[col])
    v.numeric_column(df, amount_col, "receivables")
    later = df[invoice_date_col] > end
    if later.any():
        df = df[~later]
        from ..plots import format_date  # the chart module, imported only when a note needs a date

        v.note(i18n._("{n} invoice(s) issued after {end} left out", n=int(later.sum()), end=format_date(end)), None)
    if df.empty:
        raise ValueError(f"receivables has no invoices issued on or before {end.date()}")
    df["open"] = df[paid_col].isna() | (df[paid_col] > end)
    return df, end


def aging(
    receivables: pd.DataFrame,
    end,
    *,
    amount_col: str = "amount",
    invoice_date_col: str = "invoice_date",
    due_col: str = "due_date",
    paid_col: str = "paid_date",
) -> pd.DataFrame:
    """Open receivables at ``end`` by aging bucket (账龄): not yet due, 1-30 ... over 180 days overdue.

    An invoice is open when it was issued on or before ``end`` and not paid by then.

    Parameters
    ----------
    receivables : DataFrame
        One row per invoice (``datasets.load_receivables()``).
    end : date-like
        The date of the aging report (inclusive).
    amount_col, invoice_date_col, due_col, paid_col : str

    Returns
    -------
    DataFrame
        Indexed by bucket (ordered keys of :data:`AGING_BUCKETS`): ``invoices``, ``amount`` (CNY),
        ``share_pct`` (of the open amount).

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        An empty table, a missing column, no invoice issued by ``end``.

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"invoice_date": ["2025-10-01", "2025-11-01", "2025-12-01"], "amount": [100.0, 50.0, 50.0],
    ...     "due_date": ["2025-10-31", "2025-12-01", "2026-01-01"], "paid_date": [None, None, None]})
    >>> aging(r, "2025-12-31")[["invoices", "amount"]]
              invoices  amount
    bucket
    not_due          1    50.0
    d1_30            1    50.0
    d31_60           0     0.0
    d61_90           1   100.0
    d91_180          0     0.0
    over_180         0     0.0
    """
    df, end = _prepare(receivables, end, invoice_date_col, due_col, paid_col, amount_col)
    df = df[df["open"]]
    days = (end - df[due_col]).dt.days.to_numpy()
    keys = list(AGING_BUCKETS)
    bucket = pd.Categorical(
        np.asarray(keys)[np.searchsorted(_AGING_EDGES, days, side="left")], categories=keys, ordered=True
    )
    grouped = df.groupby(bucket, observed=False)[amount_col]
    out = pd.DataFrame({"invoices": grouped.size(), "amount": grouped.sum().round(2)})
    total = out["amount"].sum()
    out["share_pct"] = 100 * out["amount"] / total if total else 0.0
    out.index = pd.CategoricalIndex(out.index, categories=keys, ordered=True, name="bucket")
    return out


def dso(
    receivables: pd.DataFrame,
    end,
    *,
    days: int = 365,
    amount_col: str = "amount",
    invoice_date_col: str = "invoice_date",
    due_col: str = "due_date",
    paid_col: str = "paid_date",
) -> float:
    """Days sales outstanding (DSO, 应收账款周转天数): open receivables at ``end`` / credit sales × days.

    Credit sales are the invoices issued in the ``days`` days up to and including ``end``.

    Parameters
    ----------
    receivables : DataFrame
        One row per invoice.
    end : date-like
        The date (inclusive).
    days : int, default 365
        Length of the sales window in days.
    amount_col, invoice_date_col, due_col, paid_col : str

    Returns
    -------
    float
        DSO in days.

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        An empty table, a missing column, no sales in the window.

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"invoice_date": ["2025-01-10", "2025-12-01"], "amount": [300.0, 65.0],
    ...     "due_date": ["2025-02-10", "2026-01-01"], "paid_date": ["2025-02-01", None]})
    >>> dso(r, "2025-12-31")
    65.0
    """
    v.require_in_range(days, "days", 1, None)
    df, end = _prepare(receivables, end, invoice_date_col, due_col, paid_col, amount_col)
    window = df[invoice_date_col] > end - pd.Timedelta(days=int(days))
    sales = df.loc[window, amount_col].sum()
    if sales <= 0:
        raise ValueError(f"receivables has no sales in the {days} days up to {end.date()}")
    return float(round(df.loc[df["open"], amount_col].sum() / sales * days, 6))


def debt_classes(
    receivables: pd.DataFrame,
    end,
    *,
    bad_after: int = 180,
    rate: float = 0.05,
    margin: float = 0.25,
    amount_col: str = "amount",
    invoice_date_col: str = "invoice_date",
    due_col: str = "due_date",
    paid_col: str = "paid_date",
) -> pd.DataFrame:
    """Slow debt (呆账) against bad debt (坏账), in money: which costs Yunfeng more?

    - ``timely``: paid by the due date, or open and not yet due;
    - ``slow``: paid after the due date, or open and at most ``bad_after`` days overdue. It costs
      the financing of the days late: amount × days late / 365 × ``rate``;
    - ``bad``: open and more than ``bad_after`` days overdue at ``end``. It costs the whole amount.

    ``sales_to_recover`` is the cost divided by the gross ``margin``: the extra sales needed to earn
    the loss back.

    Parameters
    ----------
    receivables : DataFrame
        One row per invoice.
    end : date-like
        Observation end (inclusive).
    bad_after : int, default 180
        Days overdue after which an open invoice counts as bad debt.
    rate : float, default 0.05
        Yearly financing cost of money owed (5 %).
    margin : float, default 0.25
        Gross margin on sales (25 %).
    amount_col, invoice_date_col, due_col, paid_col : str

    Returns
    -------
    DataFrame
        Indexed by class (keys of :data:`DEBT_CLASSES`): ``invoices``, ``amount`` (CNY),
        ``days_late`` (mean days after due, 0 for on time), ``cost`` (CNY), ``sales_to_recover`` (CNY).

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        An empty table, a missing column, ``rate`` or ``margin`` out of range.

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"invoice_date": ["2025-01-01"] * 3, "amount": [1000.0, 3650.0, 500.0],
    ...     "due_date": ["2025-01-31"] * 3, "paid_date": ["2025-01-20", "2025-03-02", None]})
    >>> debt_classes(r, "2025-12-31")[["invoices", "days_late", "cost", "sales_to_recover"]]
             invoices  days_late   cost  sales_to_recover
    class
    timely          1        0.0    0.0               0.0
    slow            1       30.0   15.0              60.0
    bad             1      334.0  500.0            2000.0
    """
    v.require_in_range(bad_after, "bad_after", 0, None)
    v.require_in_range(rate, "rate", 0, 1)
    v.require_in_range(margin, "margin", 0, 1, inclusive=False)
    df, end = _prepare(receivables, end, invoice_date_col, due_col, paid_col, amount_col)
    paid_by = df[paid_col].where(~df["open"], end)
    late = (paid_by - df[due_col]).dt.days.clip(lower=0)
    cls = np.where(late == 0, "timely", np.where(df["open"] & (late > bad_after), "bad", "slow"))
    cost = np.where(cls == "bad", df[amount_col], np.where(cls == "slow", df[amount_col] * late / 365 * rate, 0.0))
    frame = pd.DataFrame(
        {
            "cls": pd.Categorical(cls, categories=list(DEBT_CLASSES), ordered=True),
            "amount": df[amount_col].to_numpy(),
            "late": late.to_numpy(),
            "cost": cost,
        }
    )
    out = frame.groupby("cls", observed=False).agg(
        invoices=("amount", "size"), amount=("amount", "sum"), days_late=("late", "mean"), cost=("cost", "sum")
    )
    out["days_late"] = out["days_late"].fillna(0.0).round(1)
    out["amount"] = out["amount"].round(2)
    out["cost"] = out["cost"].round(2)
    out["sales_to_recover"] = (out["cost"] / margin).round(2)
    out.index = pd.CategoricalIndex(out.index, categories=list(DEBT_CLASSES), ordered=True, name="class")
    return out


def payment_changes(
    receivables: pd.DataFrame,
    end,
    *,
    before: int = 2024,
    after: int = 2025,
    min_invoices: int = 3,
    threshold: float = 15,
    customer_col: str = "customer_id",
    amount_col: str = "amount",
    invoice_date_col: str = "invoice_date",
    due_col: str = "due_date",
    paid_col: str = "paid_date",
) -> pd.DataFrame:
    """The customers whose payment behaviour changed: median days late of invoices due in two years.

    Days late = payment date − due date (negative when early); an invoice still open at ``end``
    counts its days overdue so far. Only invoices due on or before ``end`` count.

    Parameters
    ----------
    receivables : DataFrame
        One row per invoice.
    end : date-like
        Observation end (inclusive).
    before, after : int, default 2024 and 2025
        The two years compared (by due date).
    min_invoices : int, default 3
        Invoices a customer needs in each year.
    threshold : float, default 15
        Change in median days late that counts (either way).
    customer_col, amount_col, invoice_date_col, due_col, paid_col : str

    Returns
    -------
    DataFrame
        Indexed by customer: ``invoices_before``, ``invoices_after``, ``late_before``, ``late_after``
        (median days), ``change`` (days, + = slower), ``open_amount`` (CNY at ``end``); only
        customers whose change reaches ``threshold``; slowest change first.

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        An empty table, a missing column, ``after`` not after ``before``.

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"customer_id": ["A"] * 4, "amount": [10.0] * 4,
    ...     "invoice_date": ["2024-01-01", "2024-02-01", "2025-01-01", "2025-02-01"],
    ...     "due_date": ["2024-02-01", "2024-03-01", "2025-02-01", "2025-03-01"],
    ...     "paid_date": ["2024-02-01", "2024-03-01", "2025-03-03", "2025-04-10"]})
    >>> payment_changes(r, "2025-12-31", min_invoices=2)[["late_before", "late_after", "change"]]
                 late_before  late_after  change
    customer_id
    A                    0.0        35.0    35.0
    """
    if after <= before:
        raise ValueError(f"after ({after}) must be a later year than before ({before})")
    v.require_in_range(threshold, "threshold", 0, None)
    df, end = _prepare(receivables, end, invoice_date_col, due_col, paid_col, amount_col, extra=(customer_col,))
    df = df[df[due_col] <= end]
    df["late"] = (df[paid_col].where(~df["open"], end) - df[due_col]).dt.days
    df["year"] = df[due_col].dt.year
    stats = {}
    for label, year in (("before", before), ("after", after)):
        g = df[df["year"] == year].groupby(customer_col)["late"]
        stats[f"invoices_{label}"] = g.size()
        stats[f"late_{label}"] = g.median()
    out = pd.DataFrame(stats).dropna()
    out = out[(out["invoices_before"] >= min_invoices) & (out["invoices_after"] >= min_invoices)]
    out["invoices_before"] = out["invoices_before"].astype(int)
    out["invoices_after"] = out["invoices_after"].astype(int)
    out["change"] = out["late_after"] - out["late_before"]
    opened = df[df["open"]].groupby(customer_col)[amount_col].sum()
    out["open_amount"] = opened.reindex(out.index).fillna(0.0).round(2)
    out = out[out["change"].abs() >= threshold].sort_values(["change", "open_amount"], ascending=False)
    out.index.name = customer_col
    return out


def excuse_frequencies(excuses: pd.DataFrame, *, excuse_col: str = "excuse") -> pd.DataFrame:
    """How often each of the ten common payment excuses (常见的客户十大付款借口, seed 001) was given.

    Parameters
    ----------
    excuses : DataFrame
        One row per collection contact (``datasets.load_payment_excuses()``); an empty excuse
        means the customer gave none (noted, counted in the shares' base).
    excuse_col : str, default "excuse"

    Returns
    -------
    DataFrame
        Indexed by excuse (keys of ``datasets.PAYMENT_EXCUSES``), most frequent first:
        ``contacts``, ``share_pct`` (of all contacts, with or without an excuse).

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        An empty table, a missing column, an unknown excuse.

    Examples
    --------
    >>> import pandas as pd, warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     t = excuse_frequencies(pd.DataFrame({"excuse": ["boss_away", "boss_away", "in_approval", None]}))
    >>> t.head(2)
                 contacts  share_pct
    excuse
    boss_away           2       50.0
    in_approval         1       25.0
    """
    v.require_frame(excuses, "excuses")
    v.require_columns(excuses, [excuse_col], "excuses")
    given = excuses[excuse_col].dropna()
    unknown = set(given) - set(PAYMENT_EXCUSES)
    if unknown:
        raise ValueError(f"excuses column {excuse_col!r} has unknown excuse(s) {sorted(unknown)}")
    counts = given.value_counts().reindex(list(PAYMENT_EXCUSES), fill_value=0)
    order = sorted(PAYMENT_EXCUSES, key=lambda k: (-counts[k], list(PAYMENT_EXCUSES).index(k)))
    out = pd.DataFrame({"contacts": counts[order].astype(int)})
    out["share_pct"] = 100 * out["contacts"] / len(excuses)
    out.index = pd.Index(order, name="excuse")
    none = len(excuses) - len(given)
    if none:
        v.note(
            i18n._(
                "{n} contact(s) ({pct} %) with no excuse given: counted in the base",
                n=none,
                pct=f"{100 * none / len(excuses):.1f}",
            ),
            out,
        )
    return out
