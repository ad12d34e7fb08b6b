"""The satisfaction measures of the outline (seed 002) per year, and complaint statistics (投诉统计)."""

from __future__ import annotations

import pandas as pd

from .. import _validate as v
from .. import i18n
from ..transactions.log import purchases

__all__ = ["MEASURES", "complaint_stats", "satisfaction_measures"]

#: The measures of seed 002 (美誉度、回头率、投诉率、购买额、对价格的敏感度), as computed here.
MEASURES = i18n.define_names(
    "satisfaction_measure",
    {
        "reputation_pct": "Reputation: promoters (9-10) among survey answers (%)",
        "repurchase_pct": "Repurchase rate: last year's buyers who bought again (%)",
        "complaint_rate": "Complaint rate: complaints per 100 orders",
        "purchase_amount": "Purchase amount: net CNY per buying customer",
        "price_sensitivity_pct": "Price sensitivity: answers rating price importance 9-10 (%)",
    },
)


def satisfaction_measures(
    survey: pd.DataFrame,
    orders: pd.DataFrame,
    end,
    *,
    tickets: pd.DataFrame,
    order_col: str | None = "order_id",
    date_col: str = "survey_date",
) -> pd.DataFrame:
    """The five satisfaction measures of the outline per calendar year, from survey, orders and tickets.

    - ``reputation_pct`` (美誉度): % of the year's survey answers that are promoters (9-10);
    - ``repurchase_pct`` (回头率): % of the customers who bought in the previous year that bought
      again in this year (empty for the first year of the orders: no previous year);
    - ``complaint_rate`` (投诉率): complaints (tickets filed as complaints) per 100 orders;
    - ``purchase_amount`` (购买额): net revenue per buying customer, CNY;
    - ``price_sensitivity_pct`` (对价格的敏感度): % of the year's answers that rate the importance
      of price 9 or 10.

    Parameters
    ----------
    survey : DataFrame
        Answers with ``date_col``, ``nps_score`` and ``imp_price``.
    orders : DataFrame
        Order lines (customer_id, date, amount; returns netted).
    end : date-like
        Observation end, inclusive.
    tickets : DataFrame
        Service tickets with ``opened_at`` and ``is_complaint``.
    order_col : str or None, default "order_id"
        Order id column (an order is a purchase); None counts purchase days.
    date_col : str, default "survey_date"
        Date of the answer.

    Returns
    -------
    DataFrame
        One row per measure (index ``measure``: the keys of :data:`MEASURES`, names with
        ``coursekit.display``), one column per calendar year of the orders.

    Raises
    ------
    TypeError, ValueError
        Tables or columns of the wrong kind, empty or missing.

    Examples
    --------
    >>> import pandas as pd, warnings
    >>> answers = pd.DataFrame({"survey_date": ["2024-06-01", "2025-06-01"], "nps_score": [10, 5],
    ...                         "imp_price": [9, 4]})
    >>> lines = pd.DataFrame({"customer_id": ["A", "B", "A"], "order_id": ["O1", "O2", "O3"],
    ...                       "date": ["2024-02-01", "2024-03-01", "2025-02-01"], "amount": [100.0, 50.0, 80.0]})
    >>> ticket = pd.DataFrame({"opened_at": ["2025-02-03 09:00"], "is_complaint": [True]})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     table = satisfaction_measures(answers, lines, "2025-12-31", tickets=ticket)
    >>> table[2025].tolist()  # 1 of 2 buyers of 2024 came back; 1 complaint on 1 order
    [0.0, 50.0, 100.0, 80.0, 0.0]
    """
    v.require_frame(survey, "survey")
    v.require_columns(survey, [date_col, "nps_score", "imp_price"], "survey")
    v.require_frame(tickets, "tickets")
    v.require_columns(tickets, ["opened_at", "is_complaint"], "tickets")
    end_ts = v.as_timestamp(end)
    bought = purchases(orders, end_ts, order_col=order_col)
    bought = bought.assign(year=bought["date"].dt.year)
    years = sorted(bought["year"].unique())
    answer_year = v.date_column(survey, date_col, "survey").dt.year
    scores = v.numeric_column(survey, "nps_score", "survey")
    price = v.numeric_column(survey, "imp_price", "survey")
    opened = v.date_column(tickets, "opened_at", "tickets")
    complaint_year = opened[tickets["is_complaint"].astype(bool) & (opened < end_ts + pd.Timedelta(days=1))].dt.year
    rows = {}
    for year in years:
        this = bought[bought["year"] == year]
        buyers = set(this["customer_id"])
        previous = set(bought.loc[bought["year"] == year - 1, "customer_id"])
        in_year = answer_year == year
        rows[int(year)] = {
            "reputation_pct": 100.0 * float((scores[in_year] >= 9).mean()) if in_year.any() else float("nan"),
            "repurchase_pct": 100.0 * len(buyers & previous) / len(previous) if previous else float("nan"),
            "complaint_rate": 100.0 * float((complaint_year == year).sum()) / len(this),
            "purchase_amount": float(this["amount"].sum()) / len(buyers),
            "price_sensitivity_pct": 100.0 * float((price[in_year] >= 9).mean()) if in_year.any() else float("nan"),
        }
    out = pd.DataFrame(rows)
    out.index = pd.CategoricalIndex(list(MEASURES), categories=list(MEASURES), ordered=True, name="measure")
    out.columns.name = "year"
    return out


def complaint_stats(tickets: pd.DataFrame, *, by: str = "year") -> pd.DataFrame:
    """Complaint statistics (投诉统计): how many tickets are complaints and how well complaints are handled.

    Parameters
    ----------
    tickets : DataFrame
        Service tickets with ``opened_at``, ``is_complaint``, ``first_contact_resolved``,
        ``resolution_hours`` and ``satisfaction_after`` (1-5, blank when not rated).
    by : str, default "year"
        ``"year"`` (of ``opened_at``) or a column such as ``"ticket_type"`` or ``"channel"``.

    Returns
    -------
    DataFrame
        One row per group: ``tickets``, ``complaints``, ``complaint_pct`` (% of tickets),
        ``fcr_pct`` (% of complaints solved at the first contact), ``resolution_hours``
        (median, complaints) and ``rating_after`` (mean 1-5 rating of rated complaints).

    Raises
    ------
    TypeError, ValueError
        Not a DataFrame, empty, a missing column.

    Examples
    --------
    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"opened_at": ["2025-01-02 10:00", "2025-03-04 11:00"],
    ...                         "is_complaint": [True, False], "first_contact_resolved": [False, True],
    ...                         "resolution_hours": [30.0, 2.0], "satisfaction_after": [2, None]})
    >>> complaint_stats(tickets).iloc[0].tolist()
    [2.0, 1.0, 50.0, 0.0, 30.0, 2.0]
    """
    v.require_frame(tickets, "tickets")
    needed = ["opened_at", "is_complaint", "first_contact_resolved", "resolution_hours", "satisfaction_after"]
    v.require_columns(tickets, needed + ([] if by == "year" else [by]), "tickets")
    if by == "year":
        groups = v.date_column(tickets, "opened_at", "tickets").dt.year.rename("year")
    else:
        v.require_no_missing(tickets, by, "tickets")
        groups = tickets[by]
    complaint = tickets["is_complaint"].astype(bool)
    frame = pd.DataFrame(
        {
            "group": groups,
            "complaint": complaint,
            "fcr": tickets["first_contact_resolved"].astype(bool),
            "hours": v.numeric_column(tickets, "resolution_hours", "tickets", allow_missing=True),
            "rating": v.numeric_column(tickets, "satisfaction_after", "tickets", allow_missing=True),
        }
    )
    grouped = frame.groupby("group", observed=True, sort=True)
    only = frame[frame["complaint"]].groupby("group", observed=True, sort=True)
    out = pd.DataFrame(
        {
            "tickets": grouped.size().astype(float),
            "complaints": grouped["complaint"].sum().astype(float),
        }
    )
    out["complaint_pct"] = 100.0 * out["complaints"] / out["tickets"]
    out["fcr_pct"] = 100.0 * only["fcr"].mean()
    out["resolution_hours"] = only["hours"].median()
    out["rating_after"] = only["rating"].mean()
    out.index.name = by
    return out
