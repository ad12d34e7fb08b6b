"""Cross-sell gaps by product line (交叉销售缺口): what our accounts buy elsewhere."""

from __future__ import annotations

import pandas as pd

from .. import i18n
from ._lines import add_notes, window_lines

__all__ = ["cross_sell_summary", "cross_sell_targets"]


def _line_matrix(orders, end, start, customer_col, date_col, amount_col, product_col, notes):
    lines, end = window_lines(
        orders,
        end,
        start,
        customer_col=customer_col,
        date_col=date_col,
        amount_col=amount_col,
        extra=[product_col],
        result_notes=notes,
    )
    matrix = lines.pivot_table(
        index=customer_col, columns=product_col, values="_amount", aggfunc="sum", fill_value=0.0, observed=True
    )
    # customers whose net revenue in the window is not positive have no wallet to share
    total = matrix.sum(axis=1)
    if (total <= 0).any():
        notes.append(
            i18n._("{n} customers with no positive net revenue in the window are left out", n=int((total <= 0).sum()))
        )
    return matrix[total > 0]


def cross_sell_summary(
    orders: pd.DataFrame,
    end,
    *,
    start="2025-01-01",
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
    product_col: str = "product_line",
) -> pd.DataFrame:
    """Per product line: how many buying accounts buy it, and what the others might buy.

    A customer *buys* a line when its net revenue in the line from ``start`` to ``end`` is positive.
    For a non-buyer, the **potential** is its total net revenue in the window times the median share
    of the line in the spend of the buyers (assumption: a non-buyer would give the line the same
    share of its spend as the typical buyer does).

    Parameters
    ----------
    orders : DataFrame
        Order lines with a product line.
    end : date-like
        Last day of the window, inclusive.
    start : date-like or None, default "2025-01-01"
        First day of the window (None: all lines up to ``end``).
    customer_col, date_col, amount_col, product_col : str
        Column names.

    Returns
    -------
    DataFrame
        Indexed by product line (keys), largest potential first: ``buyers``, ``non_buyers``,
        ``buyer_share`` (0-1 of the accounts with revenue in the window), ``median_share`` (0-1)
        and ``potential`` (CNY over the window's length).

    Raises
    ------
    TypeError, ValueError
        Bad table, a missing column, or no customer with revenue in the window.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["A", "A", "B"], "date": ["2025-03-01"] * 3,
    ...                        "product_line": ["bearings", "fasteners", "bearings"], "amount": [60.0, 40.0, 200.0]})
    >>> cross_sell_summary(orders, "2025-12-31")
               buyers  non_buyers  buyer_share  median_share  potential
    product_line
    fasteners       1           1          0.5           0.4       80.0
    bearings        2           0          1.0           0.8        0.0
    """
    notes: list = []
    matrix = _line_matrix(orders, end, start, customer_col, date_col, amount_col, product_col, notes)
    if matrix.empty:
        raise ValueError("orders has no customer with positive net revenue in the window")
    total = matrix.sum(axis=1)
    buys = matrix > 0
    share = matrix.div(total, axis=0)
    median_share = share.where(buys).median()
    potential = (~buys).mul(total, axis=0).mul(median_share, axis=1).sum()
    out = pd.DataFrame(
        {
            "buyers": buys.sum().astype("int64"),
            "non_buyers": (~buys).sum().astype("int64"),
            "buyer_share": buys.mean(),
            "median_share": median_share,
            "potential": potential.astype(float),
        }
    ).sort_values("potential", ascending=False, kind="stable")
    out.index.name = product_col
    return add_notes(out, notes)


def cross_sell_targets(
    orders: pd.DataFrame,
    end,
    *,
    line: str | None = None,
    n: int = 10,
    start="2025-01-01",
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
    product_col: str = "product_line",
) -> pd.DataFrame:
    """The ``n`` accounts that do not buy ``line``, with the largest potential in it (see :func:`cross_sell_summary`).

    Parameters
    ----------
    orders : DataFrame
        Order lines with a product line.
    end : date-like
        Last day of the window, inclusive.
    line : str, optional
        The product line to offer (a value of ``product_col``); default the line with the largest
        potential in :func:`cross_sell_summary`.
    n : int, default 10
        How many accounts.
    start : date-like or None, default "2025-01-01"
        First day of the window.
    customer_col, date_col, amount_col, product_col : str
        Column names.

    Returns
    -------
    DataFrame
        Indexed by customer id, largest potential first: ``revenue`` (net CNY in the window),
        ``lines_bought`` (number of product lines bought) and ``potential`` (CNY).

    Raises
    ------
    TypeError, ValueError
        Bad table, an unknown ``line`` or ``n`` not a positive whole number.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["A", "A", "B", "C"], "date": ["2025-03-01"] * 4,
    ...                        "product_line": ["bearings", "fasteners", "bearings", "bearings"],
    ...                        "amount": [60.0, 40.0, 200.0, 50.0]})
    >>> cross_sell_targets(orders, "2025-12-31", line="fasteners")
                 revenue  lines_bought  potential
    customer_id
    B              200.0             1       80.0
    C               50.0             1       20.0
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be a positive whole number, got {n!r}")
    notes: list = []
    matrix = _line_matrix(orders, end, start, customer_col, date_col, amount_col, product_col, notes)
    if matrix.empty:
        raise ValueError("orders has no customer with positive net revenue in the window")
    if line is None:
        total, buys = matrix.sum(axis=1), matrix > 0
        potential = (~buys).mul(total, axis=0).mul(matrix.div(total, axis=0).where(buys).median(), axis=1).sum()
        line = potential.sort_values(ascending=False, kind="stable").index[0]
    if line not in matrix.columns:
        raise ValueError(
            f"orders column {product_col!r} has no line {line!r}; lines: {', '.join(map(str, matrix.columns))}"
        )
    total = matrix.sum(axis=1)
    buys = matrix > 0
    median_share = (matrix[line] / total)[buys[line]].median()
    out = pd.DataFrame(
        {"revenue": total, "lines_bought": buys.sum(axis=1).astype("int64"), "potential": total * median_share}
    )
    out = out[~buys[line]].sort_values("potential", ascending=False, kind="stable").head(n)
    out.index.name = customer_col
    return add_notes(out, notes)
