"""First looks at the data (数据初探): table overview, revenue by month, customer mix, funnel, weekly purchases.

The tour in lesson 00 uses these functions; later lessons reuse them for a
quick look before the real analysis.

- :func:`table_overview`: each case table with rows, columns, date range and meaning;
- :func:`transactions_overview`, :func:`returns_summary`: the size of a transaction
  table and how much of it is returns (退货);
- :func:`revenue_by`, :func:`monthly_revenue`, :func:`plot_monthly_revenue`:
  net revenue (净收入, sales minus returns) per customer, product line or month;
- :func:`customer_mix`, :func:`plot_customer_mix`, :func:`plot_ticket_types`:
  counts and shares of a category;
- :func:`funnel_counts`, :func:`plot_funnel`: how many opportunities reached each
  of the nine stages of the sales funnel (销售漏斗);
- :func:`weekly_purchases`, :func:`plot_weekly_purchases`: first and repeat
  purchases per week (CDNOW).

Category values (regions, product lines ...) are shown in the language chosen
with ``coursekit.use`` through :func:`category_label`.

Examples
--------
>>> import warnings
>>> import pandas as pd
>>> from coursekit import explore
>>> orders = pd.DataFrame({"customer_id": ["A", "A", "B"],
...                        "date": ["2025-01-05", "2025-02-01", "2025-02-10"],
...                        "amount": [100.0, -20.0, 50.0]})
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     explore.revenue_by(orders).to_dict()
{'A': 80.0, 'B': 50.0}
"""
from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd

from . import _validate as v
from .i18n import tr
from .plots import PALETTE, finish, new_axes

__all__ = [
    "CATEGORY_LABELS",
    "DATE_COLUMNS",
    "TABLE_MEANINGS_ZH",
    "category_label",
    "customer_mix",
    "funnel_counts",
    "monthly_revenue",
    "plot_customer_mix",
    "plot_funnel",
    "plot_monthly_revenue",
    "plot_ticket_types",
    "plot_weekly_purchases",
    "returns_summary",
    "revenue_by",
    "table_overview",
    "transactions_overview",
    "weekly_purchases",
]

#: Category values of the case data with their Chinese names: value -> (English, Chinese).
CATEGORY_LABELS: dict[str, tuple[str, str]] = {
    # regions
    "East China": ("East China", "华东"),
    "South China": ("South China", "华南"),
    "North China": ("North China", "华北"),
    "Central China": ("Central China", "华中"),
    "Southwest China": ("Southwest China", "西南"),
    "Northeast China": ("Northeast China", "东北"),
    "Northwest China": ("Northwest China", "西北"),
    # customer types
    "end user": ("end user", "终端用户"),
    "channel partner": ("channel partner", "渠道商"),
    "OEM": ("OEM", "OEM 主机厂"),
    # company size
    "small": ("small (<100)", "小型 (<100 人)"),
    "medium": ("medium (100-499)", "中型 (100-499 人)"),
    "large": ("large (500+)", "大型 (500+ 人)"),
    # product lines
    "bearings": ("bearings", "轴承"),
    "fasteners": ("fasteners", "紧固件"),
    "power tools": ("power tools", "电动工具"),
    "safety equipment": ("safety equipment", "安全防护用品"),
    "lubricants": ("lubricants", "润滑油"),
    "electrical parts": ("electrical parts", "电气元件"),
    # service ticket types
    "delivery delay": ("delivery delay", "交货延迟"),
    "quality issue": ("quality issue", "质量问题"),
    "invoice error": ("invoice error", "发票错误"),
    "technical question": ("technical question", "技术咨询"),
    "return request": ("return request", "退货申请"),
    "order change": ("order change", "订单变更"),
}

#: The event date of each case table (None: the table has no date), used by :func:`table_overview`.
DATE_COLUMNS: dict[str, str | None] = {
    "customers": "acquired_date",
    "orders": "date",
    "tickets": "opened_at",
    "survey": "survey_date",
    "feedback": "date",
    "referrals": "date",
    "credit": "application_date",
    "receivables": "invoice_date",
    "opportunities": "created_date",
    "kano": None,
}

#: One-line meaning of each case table in Chinese (the English line is the data dictionary's description).
TABLE_MEANINGS_ZH: dict[str, str] = {
    "customers": "每行一个企业客户（账户），含老客户与新客户。",
    "orders": "每行一条订单明细（一张订单中的一个产品线），含销售与退货。",
    "tickets": "每行一张客户提交的服务工单。",
    "survey": "每行一份满意度问卷答复；2023-2025 年每年 6 月一轮，抽样活跃客户。",
    "feedback": "每行一条客户原话（文字意见），已人工标注主题与情感。",
    "referrals": "每行一条两个客户之间的有向关系（推荐或依存）。",
    "credit": "每行一份授信申请，含 6C 特征和 12 个月内是否违约。",
    "receivables": "每行一张发票（每张销售订单一张），含到期日与付款日。",
    "opportunities": "每行一个销售机会，记录其到达的最远漏斗阶段。",
    "kano": "每行一位受访者对一项功能的正向与反向回答。",
}

_UNITS = {"CNY": (1.0, "CNY", "元"), "CNY thousand": (1e3, "CNY thousand", "千元"),
          "CNY million": (1e6, "CNY million", "百万元")}

_MIX_TEXT = {
    "region": (("Customers by region", "各地区客户数"), ("Sales region", "销售区域")),
    "customer_type": (("Customers by type", "各类型客户数"), ("Customer type", "客户类型")),
    "size": (("Customers by company size", "各规模客户数"), ("Company size (employees)", "企业规模（员工人数）")),
    "industry": (("Customers by industry", "各行业客户数"), ("Industry", "行业")),
    "acquisition_channel": (("Customers by acquisition channel", "各获客渠道客户数"),
                            ("Acquisition channel", "获客渠道")),
    "account_manager": (("Customers by account manager", "各客户经理名下客户数"), ("Account manager", "客户经理")),
}


def category_label(value) -> str:
    """A category value of the case data (region, product line ...) in the current language.

    Unknown values are returned unchanged, as text.

    Parameters
    ----------
    value : object
        A category value, e.g. ``"East China"`` or ``"bearings"``.

    Returns
    -------
    str
        The English or Chinese label (see ``coursekit.use``), or ``str(value)``
        for a value not in :data:`CATEGORY_LABELS`.

    Examples
    --------
    >>> from coursekit import i18n
    >>> category_label("East China")
    'East China'
    >>> i18n.use("zh")
    >>> category_label("East China"), category_label("bearings"), category_label("Mars")
    ('华东', '轴承', 'Mars')
    >>> i18n.use("en")
    """
    pair = CATEGORY_LABELS.get(value) if isinstance(value, str) else None
    return tr(*pair) if pair else str(value)


# --------------------------------------------------------------------------- overview tables
def table_overview(tables: dict | None = None, *, date_columns: dict | None = None) -> pd.DataFrame:
    """Each case table at a glance: rows, columns, date range and what one row means.

    Parameters
    ----------
    tables : dict of str -> DataFrame, optional
        The tables to describe, by name. Default: the ten case tables, loaded
        with :func:`coursekit.datasets.load`.
    date_columns : dict of str -> str or None, optional
        The event date column of each table (None: no date range). Default
        :data:`DATE_COLUMNS`; a table missing from both has no date range.

    Returns
    -------
    DataFrame
        Indexed by ``table``, in the given order, with columns ``title``
        (English or Chinese, see ``coursekit.use``), ``rows``, ``columns``,
        ``date_column``, ``first_date``, ``last_date`` (NaT when the table has
        no date) and ``meaning`` (one line, current language).

    Raises
    ------
    TypeError
        ``tables`` is not a dict of DataFrames.
    ValueError
        A table is empty, lacks its date column or has values that are not dates.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"line_id": ["L1", "L2", "L3"],
    ...                        "date": ["2025-03-02", "2025-01-15", "2025-02-01"]})
    >>> out = table_overview({"orders": orders})
    >>> out[["rows", "columns", "first_date", "last_date"]]  # doctest: +NORMALIZE_WHITESPACE
            rows  columns first_date  last_date
    table
    orders     3        2 2025-01-15 2025-03-02
    >>> out.loc["orders", "title"]
    'Order lines'
    """
    if tables is None:
        from . import datasets

        tables = {name: datasets.load(name) for name in datasets.TABLES}
    if not isinstance(tables, dict) or not tables:
        raise TypeError(f"tables must be a non-empty dict of name -> DataFrame, got {type(tables).__name__}")
    from .datasets import DATA_DICTIONARY

    dates = dict(DATE_COLUMNS)
    if date_columns is not None:
        if not isinstance(date_columns, dict):
            raise TypeError(f"date_columns must be a dict of table -> column, got {type(date_columns).__name__}")
        dates.update(date_columns)
    rows = []
    for name, df in tables.items():
        v.require_frame(df, f"table {name!r}")
        col = dates.get(name)
        if col is not None:
            v.require_columns(df, [col], f"table {name!r}")
            when = v.date_column(df, col, f"table {name!r}", allow_missing=True).dt.normalize()
            first, last = when.min(), when.max()
        else:
            first = last = pd.NaT
        info = DATA_DICTIONARY.get(name, {})
        title = tr(info["title"], info["title_zh"]) if info else str(name)
        meaning = tr(info.get("description", ""), TABLE_MEANINGS_ZH.get(name, info.get("description", "")))
        rows.append({"table": name, "title": title, "rows": len(df), "columns": df.shape[1],
                     "date_column": col if col is not None else "", "first_date": first,
                     "last_date": last, "meaning": meaning})
    out = pd.DataFrame(rows).set_index("table")
    out["first_date"] = pd.to_datetime(out["first_date"])
    out["last_date"] = pd.to_datetime(out["last_date"])
    return out


def transactions_overview(transactions, *, customer_col: str = "customer_id", date_col: str = "date",
                          amount_col: str = "amount") -> pd.Series:
    """Size of a transaction table: lines, customers, purchase days, period and total amount.

    Parameters
    ----------
    transactions : DataFrame
        One row per transaction line; negative amounts are returns.
    customer_col, date_col, amount_col : str
        Column names.

    Returns
    -------
    Series
        ``lines``, ``customers``, ``purchase_days`` (distinct customer-days with a
        positive amount), ``first_date`` and ``last_date`` (``datetime.date``) and
        ``total_amount`` (net, rounded to 2 decimals).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": [1, 1, 1, 2], "amount": [10.0, 5.0, 7.5, 3.0],
    ...                    "date": ["1997-01-01", "1997-01-01", "1997-03-10", "1997-02-02"]})
    >>> transactions_overview(tx)  # doctest: +NORMALIZE_WHITESPACE
    lines                              4
    customers                          2
    purchase_days                      3
    first_date        1997-01-01
    last_date         1997-03-10
    total_amount                    25.5
    dtype: object
    """
    name = "transactions"
    v.require_frame(transactions, name)
    v.require_columns(transactions, [customer_col, date_col, amount_col], name)
    v.require_no_missing(transactions, customer_col, name)
    amount = v.numeric_column(transactions, amount_col, name)
    dates = v.date_column(transactions, date_col, name)
    days = pd.DataFrame({"c": transactions[customer_col].to_numpy(), "d": dates.dt.normalize().to_numpy()})
    buys = days[amount.to_numpy() > 0]
    return pd.Series({
        "lines": int(len(transactions)),
        "customers": int(transactions[customer_col].nunique()),
        "purchase_days": int(len(buys.drop_duplicates())),
        "first_date": dates.min().date(),
        "last_date": dates.max().date(),
        "total_amount": round(float(amount.sum()), 2),
    }, dtype=object)


def returns_summary(orders, *, amount_col: str = "amount") -> pd.Series:
    """Sales, returns and net revenue of an order-line table (returns are negative lines).

    Parameters
    ----------
    orders : DataFrame
        One row per order line; a negative amount is a return (退货).
    amount_col : str
        Column with the line amount.

    Returns
    -------
    Series (dtype object)
        ``sale_lines`` and ``return_lines`` (counts of positive / negative
        lines), ``gross_sales`` (sum of positive amounts), ``returns`` (sum of
        negative amounts, a negative number), ``net_revenue`` (their sum) and
        ``return_share`` (returns as a share of gross sales, 0-1). Money is
        rounded to 2 decimals, the share to 4.

    Examples
    --------
    >>> import pandas as pd
    >>> returns_summary(pd.DataFrame({"amount": [100.0, 300.0, -40.0, 0.0]}))  # doctest: +NORMALIZE_WHITESPACE
    sale_lines          2
    return_lines        1
    gross_sales     400.0
    returns         -40.0
    net_revenue     360.0
    return_share      0.1
    dtype: object
    """
    v.require_frame(orders, "orders")
    v.require_columns(orders, [amount_col], "orders")
    amount = v.numeric_column(orders, amount_col, "orders")
    gross = float(amount[amount > 0].sum())
    back = float(amount[amount < 0].sum())
    return pd.Series({
        "sale_lines": int((amount > 0).sum()),
        "return_lines": int((amount < 0).sum()),
        "gross_sales": round(gross, 2),
        "returns": round(back, 2),
        "net_revenue": round(gross + back, 2),
        "return_share": round(-back / gross, 4) if gross else np.nan,
    }, dtype=object)


# --------------------------------------------------------------------------- revenue
def _lines(orders, by, customers, amount_col, customer_col, extra=()):
    """Validated order lines with the grouping column(s); joins customer attributes when needed."""
    name = "orders"
    v.require_frame(orders, name)
    v.require_columns(orders, [amount_col, *extra], name)
    amount = v.numeric_column(orders, amount_col, name)
    work = pd.DataFrame({"amount": amount.to_numpy()}, index=orders.index)
    for col in extra:
        work[col] = orders[col]
    if by is None:
        return work
    if not isinstance(by, str):
        raise TypeError(f"by must be a column name, got {type(by).__name__}")
    if by in orders.columns:
        v.require_no_missing(orders, by, name)
        work[by] = orders[by].to_numpy()
        return work
    if customers is None:
        v.require_columns(orders, [by], name)
    v.require_frame(customers, "customers")
    v.require_columns(orders, [customer_col], name)
    v.require_columns(customers, [customer_col, by], "customers")
    v.require_unique(customers, customer_col, "customers")
    attr = customers.set_index(customer_col)[by]
    mapped = orders[customer_col].map(attr)
    unknown = mapped.isna() & ~orders[customer_col].isin(attr.index)
    if unknown.any():
        raise ValueError(f"orders column {customer_col!r} has {int(unknown.sum())} line(s) whose customer is not "
                         f"in customers, e.g. {orders.loc[unknown, customer_col].iloc[0]!r}")
    v.require_no_missing(mapped.to_frame(by), by, "customers")
    work[by] = mapped.to_numpy()
    return work


def _note_returns(work, result, what):
    neg = work["amount"] < 0
    if neg.any():
        v.note(f"{int(neg.sum())} return line(s) (negative amount, total {work.loc[neg, 'amount'].sum():.2f}) "
               f"netted into {what}", result, stacklevel=4)


def revenue_by(orders, by: str = "customer_id", *, customers=None, amount_col: str = "amount",
               customer_col: str = "customer_id") -> pd.Series:
    """Net revenue (净收入: sales minus returns) per customer, product line, region ...

    Parameters
    ----------
    orders : DataFrame
        Order lines; negative amounts are returns and are netted.
    by : str, default "customer_id"
        A column of ``orders`` or, with ``customers``, a column of the
        customer table (``region``, ``size`` ...) joined on ``customer_col``.
    customers : DataFrame, optional
        Customer table with ``customer_col`` (unique) and ``by``.
    amount_col, customer_col : str
        Column names.

    Returns
    -------
    Series
        Named ``net_revenue``, indexed by the values of ``by`` (index name
        ``by``), sorted by index. Netted return lines are reported with a
        ``CourseKitDataNote`` and in ``attrs["notes"]``.

    Raises
    ------
    TypeError
        Not a DataFrame, amount not numeric.
    ValueError
        A missing column (named), missing group values, or order lines whose
        customer is not in ``customers``.

    Examples
    --------
    >>> import warnings
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["A", "A", "B", "C"],
    ...                        "product_line": ["bearings", "bearings", "fasteners", "bearings"],
    ...                        "amount": [100.0, -20.0, 50.0, 30.0]})
    >>> customers = pd.DataFrame({"customer_id": ["A", "B", "C"], "region": ["East", "East", "North"]})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     by_line = revenue_by(orders, "product_line")
    ...     by_region = revenue_by(orders, "region", customers=customers)
    >>> by_line.to_dict(), by_region.to_dict()
    ({'bearings': 110.0, 'fasteners': 50.0}, {'East': 130.0, 'North': 30.0})
    >>> by_line.attrs["notes"]
    ['1 return line(s) (negative amount, total -20.00) netted into net revenue per product_line (1 product_line value(s) with returns)']
    """
    work = _lines(orders, by, customers, amount_col, customer_col)
    out = work.groupby(by, sort=True)["amount"].sum().rename("net_revenue")
    out.index.name = by
    neg = work["amount"] < 0
    _note_returns(work, out, f"net revenue per {by} ({work.loc[neg, by].nunique()} {by} value(s) with returns)")
    return out


def monthly_revenue(orders, by: str | None = None, *, customers=None, date_col: str = "date",
                    amount_col: str = "amount", customer_col: str = "customer_id",
                    start=None, end=None) -> pd.DataFrame:
    """Net revenue per calendar month, in total or per product line (or another column).

    Parameters
    ----------
    orders : DataFrame
        Order lines; a negative amount is a return, netted into the month in
        which the return was booked.
    by : str, optional
        Split the revenue by this column (e.g. ``"product_line"``), of
        ``orders`` or, with ``customers``, of the customer table.
    customers : DataFrame, optional
        Customer table for a ``by`` column that is not in ``orders``.
    date_col, amount_col, customer_col : str
        Column names.
    start, end : date, optional
        Keep lines from ``start`` to ``end`` (inclusive); the months run from
        the month of ``start`` (default: first line) to that of ``end``
        (default: last line), months without sales are 0.

    Returns
    -------
    DataFrame
        Indexed by ``month`` (Timestamp of the first day of the month), one
        column per value of ``by`` (sorted by name) or a single column
        ``net_revenue``. Netted return lines are reported with a
        ``CourseKitDataNote`` and in ``attrs["notes"]``.

    Raises
    ------
    TypeError
        Not a DataFrame, amount not numeric, dates that are numbers.
    ValueError
        A missing column (named), unparseable dates, ``start`` after ``end``,
        or no line in the period.

    Examples
    --------
    A return booked in March is netted into March; February has no sales:

    >>> import warnings
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"date": ["2025-01-05", "2025-01-20", "2025-03-02", "2025-03-09"],
    ...                        "product_line": ["bearings", "fasteners", "bearings", "bearings"],
    ...                        "amount": [100.0, 40.0, 60.0, -30.0]})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     monthly_revenue(orders, by="product_line")  # doctest: +NORMALIZE_WHITESPACE
    product_line  bearings  fasteners
    month
    2025-01-01       100.0       40.0
    2025-02-01         0.0        0.0
    2025-03-01        30.0        0.0
    """
    work = _lines(orders, by, customers, amount_col, customer_col, extra=(date_col,))
    dates = v.date_column(orders, date_col, "orders")
    work["month"] = dates.dt.to_period("M").dt.to_timestamp().to_numpy()
    lo = v.as_timestamp(start, "start") if start is not None else dates.min()
    hi = v.as_timestamp(end, "end") if end is not None else dates.max()
    if lo > hi:
        raise ValueError(f"start {lo.date()} is after end {hi.date()}")
    hi_day = hi.normalize() + pd.Timedelta(days=1)
    keep = (dates >= lo.normalize()).to_numpy() & (dates < hi_day).to_numpy()
    work = work[keep]
    if work.empty:
        raise ValueError(f"orders has no line between {lo.date()} and {hi.date()}")
    months = pd.date_range(lo.to_period("M").to_timestamp(), hi.to_period("M").to_timestamp(), freq="MS",
                           name="month")
    if by is None:
        out = work.groupby("month")["amount"].sum().reindex(months, fill_value=0.0).to_frame("net_revenue")
    else:
        out = (work.groupby(["month", by])["amount"].sum().unstack(by, fill_value=0.0)
               .reindex(months, fill_value=0.0))
        out = out[sorted(out.columns, key=str)]
        out.columns.name = by
    out.index.name = "month"
    out = out.astype(float)
    _note_returns(work, out, "the month in which each return was booked")
    return out


def plot_monthly_revenue(monthly, ax=None, *, unit: str = "CNY million", stacked: bool = True):
    """Chart of :func:`monthly_revenue`: stacked areas per column (or one line), in ``unit``.

    Parameters
    ----------
    monthly : DataFrame
        Output of :func:`monthly_revenue` (index: month; one column per group
        or ``net_revenue``).
    ax : matplotlib Axes, optional
    unit : {"CNY", "CNY thousand", "CNY million"}
        Unit of the y axis.
    stacked : bool, default True
        Stack the groups (the top edge is the total); False draws one line per group.

    Returns
    -------
    Axes

    Raises
    ------
    TypeError
        Not a DataFrame, not indexed by month, values not numeric.
    ValueError
        An empty table (no rows or no columns), or an unknown ``unit``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> monthly = pd.DataFrame({"bearings": [1e6, 2e6]},
    ...                        index=pd.DatetimeIndex(["2025-01-01", "2025-02-01"], name="month"))
    >>> plot_monthly_revenue(monthly).get_ylabel()
    'Net revenue (CNY million)'
    """
    v.require_frame(monthly, "monthly")
    if monthly.shape[1] == 0:
        raise ValueError("monthly is empty: it has no columns")
    if not isinstance(monthly.index, pd.DatetimeIndex):
        raise TypeError("monthly must be indexed by month (a DatetimeIndex): use monthly_revenue()")
    if unit not in _UNITS:
        raise ValueError(f"unit must be one of {', '.join(map(repr, _UNITS))}, got {unit!r}")
    values = pd.DataFrame({c: v.numeric_column(monthly, c, "monthly") for c in monthly.columns},
                          index=monthly.index)
    scale, unit_en, unit_zh = _UNITS[unit]
    values = values / scale
    if ax is None:
        _, ax = new_axes()
    x = values.index
    single = list(values.columns) == ["net_revenue"]
    labels = [tr("Net revenue", "净收入") if single else category_label(c) for c in values.columns]
    colors = [PALETTE[i % len(PALETTE)] for i in range(values.shape[1])]
    if stacked and not single:
        ax.stackplot(x, values.T.to_numpy(), labels=labels, colors=colors, alpha=0.85, linewidth=0)
    else:
        for col, lab, color in zip(values.columns, labels, colors):
            ax.plot(x, values[col], label=lab, color=color, linewidth=2)
    ax.set_xlim(x.min(), x.max())
    ax.set_ylim(bottom=0)
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    finish(ax, tr("Net revenue per month", "月度净收入"), tr("Month", "月份"),
           tr(f"Net revenue ({unit_en})", f"净收入（{unit_zh}）"), legend=False)
    if not single:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9)
        ax.figure.tight_layout()
    return ax


# --------------------------------------------------------------------------- categories
def _counts(table, column, name) -> pd.DataFrame:
    v.require_frame(table, name)
    v.require_columns(table, [column], name)
    v.require_no_missing(table, column, name)
    counts = table[column].value_counts()
    counts = counts.rename_axis(column).reset_index(name="count")
    counts = counts.sort_values(column, key=lambda s: s.astype(str), kind="stable")
    counts = counts.sort_values("count", ascending=False, kind="stable").set_index(column)
    return counts


def customer_mix(customers, by: str = "region") -> pd.DataFrame:
    """Number and share of customers per value of a customer attribute (region, type, size ...).

    Parameters
    ----------
    customers : DataFrame
        One row per customer.
    by : str, default "region"
        Column to count.

    Returns
    -------
    DataFrame
        Indexed by the values of ``by``, largest group first (ties by name),
        with columns ``customers`` (count) and ``share`` (0-1).

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"customer_id": ["A", "B", "C", "D"],
    ...                           "size": ["small", "large", "small", "medium"]})
    >>> customer_mix(customers, by="size")  # doctest: +NORMALIZE_WHITESPACE
            customers  share
    size
    small           2   0.50
    large           1   0.25
    medium          1   0.25
    """
    counts = _counts(customers, by, "customers")
    out = pd.DataFrame({"customers": counts["count"].astype("int64"),
                        "share": counts["count"] / counts["count"].sum()})
    return out


def _bar_counts(counts: pd.Series, ax, title, xlabel, ylabel):
    if ax is None:
        _, ax = new_axes()
    labels = [category_label(k) for k in counts.index]
    positions = np.arange(len(counts))[::-1]
    ax.barh(positions, counts.to_numpy(), color=PALETTE[0], alpha=0.85)
    ax.set_yticks(positions)
    ax.set_yticklabels(labels)
    total = counts.sum()
    for pos, n in zip(positions, counts.to_numpy()):
        ax.text(n, pos, f" {n:,} ({n / total:.0%})", va="center", fontsize=9)
    ax.set_xlim(0, counts.max() * 1.2)
    ax.grid(axis="y", visible=False)
    return finish(ax, title, xlabel, ylabel)


def plot_customer_mix(customers, by: str = "region", ax=None):
    """Horizontal bar chart of :func:`customer_mix`: customers per region, type, size ...

    Parameters
    ----------
    customers : DataFrame
        One row per customer.
    by : str, default "region"
        Column to count.
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes
        Largest group at the top; each bar is labelled with its count and share.

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        An empty table, a missing column (named) or missing values in ``by``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> ax = plot_customer_mix(pd.DataFrame({"region": ["East China", "East China", "North China"]}))
    >>> ax.get_title(), ax.get_xlabel()
    ('Customers by region', 'Customers (count)')
    """
    mix = customer_mix(customers, by)
    title, ylabel = _MIX_TEXT.get(by, ((f"Customers by {by}", f"按 {by} 的客户数"), (by, by)))
    return _bar_counts(mix["customers"], ax, tr(*title), tr("Customers (count)", "客户数（个）"), tr(*ylabel))


def plot_ticket_types(tickets, by: str = "ticket_type", ax=None):
    """Horizontal bar chart of service tickets (服务工单) per type (or another column).

    Parameters
    ----------
    tickets : DataFrame
        One row per service ticket.
    by : str, default "ticket_type"
        Column to count.
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes
        Most frequent value at the top; each bar is labelled with its count and share.

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        An empty table, a missing column (named) or missing values in ``by``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> ax = plot_ticket_types(pd.DataFrame({"ticket_type": ["quality issue", "delivery delay", "quality issue"]}))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['quality issue', 'delivery delay']
    """
    counts = _counts(tickets, by, "tickets")["count"]
    what = (tr("Ticket type", "工单类型") if by == "ticket_type" else by)
    return _bar_counts(counts, ax, tr("Service tickets by type", "各类型服务工单数") if by == "ticket_type"
                       else tr(f"Service tickets by {by}", f"按 {by} 的服务工单数"),
                       tr("Tickets (count)", "工单数（张）"), what)


# --------------------------------------------------------------------------- funnel
def funnel_counts(opportunities, *, stage_col: str = "stage_reached", stages=None) -> pd.DataFrame:
    """How many opportunities reached (at least) each stage of the sales funnel (销售漏斗).

    Parameters
    ----------
    opportunities : DataFrame
        One row per opportunity with the furthest stage it reached.
    stage_col : str, default "stage_reached"
    stages : dict or sequence, optional
        The stages in order (default :data:`coursekit.datasets.FUNNEL_STAGES`,
        the nine stages with their Chinese names).

    Returns
    -------
    DataFrame
        Indexed by ``stage`` in funnel order, with columns ``stage_zh``,
        ``furthest`` (opportunities that stopped at this stage), ``reached``
        (reached this stage or a later one), ``share_of_first`` (``reached`` /
        opportunities, 0-1) and ``step_rate`` (``reached`` / ``reached`` of the
        previous stage; 1 for the first stage).

    Raises
    ------
    ValueError
        A missing column, or a stage that is not in ``stages``.

    Examples
    --------
    >>> import pandas as pd
    >>> opps = pd.DataFrame({"stage_reached": ["lead", "deal", "opportunity", "deal"]})
    >>> funnel_counts(opps, stages=["opportunity", "lead", "deal"])  # doctest: +NORMALIZE_WHITESPACE
                stage_zh  furthest  reached  share_of_first  step_rate
    stage
    opportunity                  1        4            1.00   1.000000
    lead                         1        3            0.75   0.750000
    deal                         2        2            0.50   0.666667
    """
    from .datasets import FUNNEL_STAGES

    stages = FUNNEL_STAGES if stages is None else stages
    if isinstance(stages, dict):
        names, zh = list(stages), [str(x) for x in stages.values()]
    else:
        if isinstance(stages, str) or len(stages) < 2:
            raise TypeError(f"stages must be a sequence of at least two stage names, got {stages!r}")
        names, zh = [str(s) for s in stages], [""] * len(stages)
    name = "opportunities"
    v.require_frame(opportunities, name)
    v.require_columns(opportunities, [stage_col], name)
    v.require_no_missing(opportunities, stage_col, name)
    values = opportunities[stage_col].astype(str)
    bad = ~values.isin(names)
    if bad.any():
        raise ValueError(f"{name} column {stage_col!r} has {int(bad.sum())} value(s) that are not funnel stages, "
                         f"e.g. {values[bad].iloc[0]!r} (stages: {', '.join(names)})")
    furthest = values.value_counts().reindex(names, fill_value=0).astype("int64")
    reached = furthest[::-1].cumsum()[::-1].astype("int64")
    prev = reached.shift(1)
    out = pd.DataFrame({
        "stage_zh": zh,
        "furthest": furthest.to_numpy(),
        "reached": reached.to_numpy(),
        "share_of_first": reached.to_numpy() / reached.iloc[0],
        "step_rate": (reached / prev).fillna(1.0).to_numpy(),
    }, index=pd.Index(names, name="stage"))
    return out


def plot_funnel(funnel, ax=None):
    """Funnel chart of :func:`funnel_counts`: centred bars, widest stage at the top.

    Parameters
    ----------
    funnel : DataFrame
        Output of :func:`funnel_counts` (indexed by stage, with columns
        ``reached`` and ``share_of_first``; ``stage_zh`` is used when present).
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes

    Raises
    ------
    TypeError
        Not a DataFrame, ``reached`` not numeric.
    ValueError
        An empty table, a missing column (named) or negative counts.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> ax = plot_funnel(funnel_counts(pd.DataFrame({"stage_reached": ["lead", "deal", "service"]})))
    >>> len(ax.get_yticklabels()), ax.get_xlabel()
    (9, 'Opportunities (count)')
    """
    v.require_frame(funnel, "funnel")
    v.require_columns(funnel, ["reached", "share_of_first"], "funnel")
    reached = v.numeric_column(funnel, "reached", "funnel", allow_negative=False)
    if ax is None:
        _, ax = new_axes(figsize=(8, 5))
    n = len(funnel)
    positions = np.arange(n)[::-1]
    widths = reached.to_numpy()
    ax.barh(positions, widths, left=-widths / 2, color=PALETTE[0], alpha=0.85)
    zh = funnel["stage_zh"] if "stage_zh" in funnel.columns else pd.Series([""] * n, index=funnel.index)
    labels = [tr(f"{s} · {z}" if z else str(s), z or str(s)) for s, z in zip(funnel.index, zh)]
    ax.set_yticks(positions)
    ax.set_yticklabels(labels)
    top = max(float(widths.max()), 1.0)
    for pos, n_reached, share in zip(positions, widths, funnel["share_of_first"].to_numpy()):
        ax.text(top / 2 * 1.02, pos, f"{int(n_reached):,} ({share:.0%})", va="center", fontsize=9)
    ax.set_xlim(-top / 2 * 1.05, top / 2 * 1.45)
    ax.grid(axis="y", visible=False)
    ticks = ax.get_xticks()
    ax.set_xticks(ticks)
    ax.set_xticklabels([f"{abs(t):,.0f}" for t in ticks])
    ax.set_xlim(-top / 2 * 1.05, top / 2 * 1.45)
    return finish(ax, tr("Sales funnel: opportunities reaching each stage", "销售漏斗：到达各阶段的销售机会"),
                  tr("Opportunities (count)", "销售机会数（个）"), tr("Funnel stage", "漏斗阶段"))


# --------------------------------------------------------------------------- weekly purchases
def weekly_purchases(transactions, *, customer_col: str = "customer_id", date_col: str = "date",
                     amount_col: str | None = None, start=None) -> pd.DataFrame:
    """Purchases per week, split into first purchases (new customers) and repeat purchases.

    A purchase is a distinct customer-day: several lines of one customer on one
    day count once (as in Fader, Hardie & Lee's CDNOW analyses).

    Parameters
    ----------
    transactions : DataFrame
        One row per transaction line.
    customer_col, date_col : str
        Column names.
    amount_col : str, optional
        When given, only lines with a positive amount are purchases (returns
        and zero lines are left out and reported with a ``CourseKitDataNote``).
    start : date, optional
        First day of week 1 (default: the first transaction date).

    Returns
    -------
    DataFrame
        Indexed by ``week`` (1, 2, ...: days 0-6 after ``start`` are week 1),
        every week up to the last transaction, with columns ``week_start``,
        ``first_purchases``, ``repeat_purchases`` and ``purchases`` (their sum).

    Raises
    ------
    ValueError
        A missing column, unparseable dates, or transactions before ``start``.

    Examples
    --------
    Customer 1 buys on day 0 (two lines: one purchase) and day 15; customer 2 on day 8:

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": [1, 1, 2, 1],
    ...                    "date": ["1997-01-01", "1997-01-01", "1997-01-09", "1997-01-16"]})
    >>> weekly_purchases(tx)  # doctest: +NORMALIZE_WHITESPACE
         week_start  first_purchases  repeat_purchases  purchases
    week
    1    1997-01-01                1                 0          1
    2    1997-01-08                1                 0          1
    3    1997-01-15                0                 1          1
    """
    name = "transactions"
    v.require_frame(transactions, name)
    cols = [customer_col, date_col] + ([amount_col] if amount_col is not None else [])
    v.require_columns(transactions, cols, name)
    v.require_no_missing(transactions, customer_col, name)
    dates = v.date_column(transactions, date_col, name).dt.normalize()
    work = pd.DataFrame({"c": transactions[customer_col].to_numpy(), "d": dates.to_numpy()})
    if amount_col is not None:
        amount = v.numeric_column(transactions, amount_col, name)
        keep = (amount > 0).to_numpy()
        if not keep.all():
            v.note(f"{int((~keep).sum())} line(s) with an amount ≤ 0 (returns) are not purchases", None,
                   stacklevel=3)
        work = work[keep]
        if work.empty:
            raise ValueError(f"{name} has no line with a positive {amount_col!r}")
    first_day = v.as_timestamp(start, "start").normalize() if start is not None else work["d"].min()
    if (work["d"] < first_day).any():
        raise ValueError(f"{name} column {date_col!r} has dates before start {first_day.date()}")
    days = work.drop_duplicates().sort_values(["c", "d"], kind="stable")
    days["week"] = ((days["d"] - first_day).dt.days // 7 + 1).astype("int64")
    days["first"] = ~days["c"].duplicated()
    weeks = pd.RangeIndex(1, int(days["week"].max()) + 1, name="week")
    first = days[days["first"]].groupby("week").size().reindex(weeks, fill_value=0)
    repeat = days[~days["first"]].groupby("week").size().reindex(weeks, fill_value=0)
    out = pd.DataFrame({
        "week_start": first_day + pd.to_timedelta((weeks.to_numpy() - 1) * 7, unit="D"),
        "first_purchases": first.astype("int64").to_numpy(),
        "repeat_purchases": repeat.astype("int64").to_numpy(),
    }, index=weeks)
    out["purchases"] = out["first_purchases"] + out["repeat_purchases"]
    return out


def plot_weekly_purchases(weekly, ax=None):
    """Stacked bars of :func:`weekly_purchases`: first and repeat purchases per week.

    Parameters
    ----------
    weekly : DataFrame
        Output of :func:`weekly_purchases` (indexed by week number, with columns
        ``first_purchases`` and ``repeat_purchases``).
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes

    Raises
    ------
    TypeError
        Not a DataFrame, counts not numeric.
    ValueError
        An empty table, a missing column (named) or negative counts.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> weekly = weekly_purchases(pd.DataFrame({"customer_id": [1, 2, 1],
    ...                                         "date": ["1997-01-01", "1997-01-03", "1997-02-01"]}))
    >>> plot_weekly_purchases(weekly).get_ylabel()
    'Purchases (count)'
    """
    v.require_frame(weekly, "weekly")
    v.require_columns(weekly, ["first_purchases", "repeat_purchases"], "weekly")
    first = v.numeric_column(weekly, "first_purchases", "weekly", allow_negative=False)
    repeat = v.numeric_column(weekly, "repeat_purchases", "weekly", allow_negative=False)
    if ax is None:
        _, ax = new_axes()
    x = np.asarray(weekly.index, dtype=float)
    ax.bar(x, first.to_numpy(), width=0.9, color=PALETTE[1], label=tr("First purchase", "首次购买"))
    ax.bar(x, repeat.to_numpy(), width=0.9, bottom=first.to_numpy(), color=PALETTE[0],
           label=tr("Repeat purchase", "重复购买"))
    ax.set_xlim(x.min() - 1, x.max() + 1)
    return finish(ax, tr("Purchases per week", "每周购买次数"), tr("Week", "周"),
                  tr("Purchases (count)", "购买次数（次）"))
