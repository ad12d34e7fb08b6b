"""Order lines in a window, validated (shared by the opportunity functions)."""

from __future__ import annotations

import pandas as pd

from .. import _validate as v
from .. import i18n


def window_lines(orders, end, start, *, customer_col, date_col, amount_col, extra=(), result_notes=None):
    """Lines with ``start <= date <= end`` (``start`` None: from the first line); later lines noted."""
    name = "orders"
    v.require_frame(orders, name)
    v.require_columns(orders, [customer_col, date_col, amount_col, *extra], name)
    end = v.as_timestamp(end, "end")
    dates = v.date_column(orders, date_col, name)
    amount = v.numeric_column(orders, amount_col, name)
    after = dates > end
    if after.any() and result_notes is not None:
        result_notes.append(
            i18n._("{n} lines after the end {end} are left out", n=int(after.sum()), end=str(end.date()))
        )
    keep = ~after
    if start is not None:
        keep &= dates >= v.as_timestamp(start, "start")
    lines = orders.loc[keep, [customer_col, *extra]].copy()
    lines["_date"] = dates[keep]
    lines["_amount"] = amount[keep]
    return lines, end


def add_notes(result: pd.DataFrame, notes: list) -> pd.DataFrame:
    for message in notes:
        v.note(message, result, stacklevel=4)
    return result
