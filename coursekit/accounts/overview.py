"""The case company's tables at a glance (十张数据表): rows, columns, date range and meaning.

:func:`table_overview` describes Yunfeng's ten tables for the tour of lesson 00, with
:data:`DATE_COLUMNS` (the event date of each table) and :data:`TABLE_MEANINGS_ZH` (what one
row means, in Chinese; the English line is the data dictionary's description).
"""

from __future__ import annotations

import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = ["DATE_COLUMNS", "table_overview"]

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
    # datasets is imported here, not at the top: describing given tables needs no case data.
    from .. import datasets

    if tables is None:
        tables = {name: datasets.load(name) for name in datasets.TABLES}
    if not isinstance(tables, dict) or not tables:
        raise TypeError(f"tables must be a non-empty dict of name -> DataFrame, got {type(tables).__name__}")
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
        info = datasets.DATA_DICTIONARY.get(name, {})
        title = i18n.name("table", name) if info else str(name)
        meaning = i18n._(info["description"], context="table_description") if info else ""
        rows.append(
            {
                "table": name,
                "title": title,
                "rows": len(df),
                "columns": df.shape[1],
                "date_column": col if col is not None else "",
                "first_date": first,
                "last_date": last,
                "meaning": meaning,
            }
        )
    out = pd.DataFrame(rows).set_index("table")
    out["first_date"] = pd.to_datetime(out["first_date"])
    out["last_date"] = pd.to_datetime(out["last_date"])
    return out
