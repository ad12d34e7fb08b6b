"""Who the customers are (客户构成): counts and shares per category, and category names in two languages.

- :func:`customer_mix`: number and share of customers per region, type, size ...;
- :data:`CATEGORY_LABELS`, :func:`category_label`: the category values of the case data
  (regions, customer types, sizes, product lines, ticket types) in the language chosen with
  ``coursekit.use``.
"""

from __future__ import annotations

import pandas as pd

from .. import _validate as v
from .. import i18n
from ..datasets._dictionary import CATEGORY_LABELS  # the names of the data's categories live with the data

__all__ = ["CATEGORY_LABELS", "category_label", "customer_mix"]


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
    return i18n.name("category", value) if isinstance(value, str) and value in CATEGORY_LABELS else str(value)


def _counts(table, column, name) -> pd.DataFrame:
    """Rows per value of ``column``, largest first, ties by name (also used for service tickets)."""
    v.require_frame(table, name)
    v.require_columns(table, [column], name)
    v.require_no_missing(table, column, name)
    counts = table[column].value_counts()
    counts = counts.rename_axis(column).reset_index(name="count")
    counts = counts.sort_values(column, key=lambda s: s.astype(str), kind="stable")
    counts = counts.sort_values("count", ascending=False, kind="stable").set_index(column)
    return counts


def customer_mix(customers: pd.DataFrame, *, by: str = "region") -> pd.DataFrame:
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

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        An empty table, a missing column (named) or missing values in ``by``.

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
    return pd.DataFrame(
        {"customers": counts["count"].astype("int64"), "share": counts["count"] / counts["count"].sum()}
    )
