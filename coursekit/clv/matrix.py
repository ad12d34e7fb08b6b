"""The course's CLV matrix (客户价值矩阵): cost to serve x current profit x future profit.

Each customer lands in one of eight cells. Results hold language-neutral cell keys
(``star``, ``costly_star``, ...) as an ordered categorical, the same under
``coursekit.i18n.use("en")`` and ``use("zh")``; the names and suggested actions a
learner reads are in :data:`CLV_CELL_NAMES` and :data:`CLV_CELL_ACTIONS`
(``{key: (english, chinese)}``) and appear only where the result is displayed.

Examples
--------
>>> list(CLV_CELL_NAMES)[:3]
['star', 'costly_star', 'cash_cow']
>>> CLV_CELL_NAMES["loss_maker"]
'Loss maker'
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = ["CLV_QUADRANT_CELLS", "CLV_CELL_NAMES", "CLV_CELL_ACTIONS", "clv_quadrant", "clv_quadrant_summary"]

#: The eight cells of the CLV matrix in the course's order (cell 1 first):
#: (cost to serve, current profit, future profit) level -> cell key.
CLV_QUADRANT_CELLS = {
    ("low", "high", "high"): "star",
    ("high", "high", "high"): "costly_star",
    ("low", "high", "low"): "cash_cow",
    ("high", "high", "low"): "declining_heavy_user",
    ("low", "low", "high"): "growth_prospect",
    ("high", "low", "high"): "costly_prospect",
    ("low", "low", "low"): "low_value",
    ("high", "low", "low"): "loss_maker",
}

#: Display names of the cells, ``{key: English}`` (Chinese in the catalog).
CLV_CELL_NAMES = i18n.define_names(
    "clv_cell",
    column="cell",
    english={
        "star": "Star",
        "costly_star": "Costly star",
        "cash_cow": "Cash cow",
        "declining_heavy_user": "Declining heavy user",
        "growth_prospect": "Growth prospect",
        "costly_prospect": "Costly prospect",
        "low_value": "Long tail",
        "loss_maker": "Loss maker",
    },
)

#: Suggested action per cell, ``{key: (english, chinese)}``.
CLV_CELL_ACTIONS = i18n.define_names(
    "clv_cell_action",
    column="action",
    english={
        "star": "Retain and grow: first claim on service and key-account care",
        "costly_star": "Keep, but lower the cost to serve (bundled deliveries, e-ordering)",
        "cash_cow": "Maintain efficiently and harvest current profit",
        "declining_heavy_user": "Cut cost to serve and watch for churn",
        "growth_prospect": "Invest: cross-sell and up-sell",
        "costly_prospect": "Invest selectively while cutting cost to serve",
        "low_value": "Serve at minimum cost (standard terms, self-service)",
        "loss_maker": "Re-price, change service terms or let go",
    },
)

_CELL_KEYS = list(CLV_QUADRANT_CELLS.values())
_CELL_DTYPE = pd.CategoricalDtype(_CELL_KEYS, ordered=True)
_LEVEL_DTYPE = pd.CategoricalDtype(["low", "high"], ordered=True)
i18n.define_names("clv_level", {"low": "Low", "high": "High"})
_LEVEL_COLUMNS = ("cost_level", "current_level", "future_level")


def clv_quadrant(
    df: pd.DataFrame,
    *,
    cost_col: str = "cost_to_serve",
    current_col: str = "current_profit",
    future_col: str = "future_profit",
    customer_col: str | None = None,
    cost_threshold: float | None = None,
    current_threshold: float | None = None,
    future_threshold: float | None = None,
) -> pd.DataFrame:
    """Place each customer in the course's CLV matrix: cost to serve x current profit x future profit.

    Each dimension is split at a threshold (default: its median) into "high" (above the
    threshold) and "low" (at or below it), which gives 2 x 2 x 2 = 8 cells
    (:data:`CLV_QUADRANT_CELLS`). Their names and suggested actions for display are in
    :data:`CLV_CELL_NAMES` and :data:`CLV_CELL_ACTIONS`.

    Parameters
    ----------
    df : DataFrame
        One row per customer.
    cost_col, current_col, future_col : str
        Columns with cost to serve, current profit and future profit (e.g. the CLV), CNY.
    customer_col : str, optional
        Column with the customer id; default: the index of ``df``.
    cost_threshold, current_threshold, future_threshold : float, optional
        Split points; ``None`` uses the median of the column.

    Returns
    -------
    DataFrame
        Indexed by customer id: ``cost_level``, ``current_level``, ``future_level``
        (ordered categoricals "low" < "high") and ``cell``, the cell key as an ordered
        categorical in the course's order (``star`` first, ``loss_maker`` last), the same
        in every language. The thresholds used are in ``attrs["thresholds"]``.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"cost_to_serve": [10, 50, 20, 60], "current_profit": [900, 800, 100, 50],
    ...                    "future_profit": [700, 100, 900, 20]}, index=["A", "B", "C", "D"])
    >>> clv_quadrant(df)  # doctest: +NORMALIZE_WHITESPACE
      cost_level current_level future_level                  cell
    A        low          high         high                  star
    B       high          high          low  declining_heavy_user
    C        low           low         high       growth_prospect
    D       high           low          low            loss_maker
    >>> CLV_CELL_ACTIONS["growth_prospect"]
    'Invest: cross-sell and up-sell'
    """
    name = "df"
    v.require_frame(df, name)
    cols = [cost_col, current_col, future_col] + ([customer_col] if customer_col else [])
    v.require_columns(df, cols, name)
    if customer_col:
        v.require_no_missing(df, customer_col, name)
        v.require_unique(df, customer_col, name)
        df = df.set_index(customer_col)
    else:
        v.require_unique_index(df, name)
    thresholds = {}
    levels = {}
    for key, col, thr in (
        ("cost", cost_col, cost_threshold),
        ("current", current_col, current_threshold),
        ("future", future_col, future_threshold),
    ):
        values = v.numeric_column(df, col, name)
        t = float(values.median()) if thr is None else v.require_in_range(thr, f"{key}_threshold")
        thresholds[col] = t
        levels[key] = np.where(values > t, "high", "low")
    cells = [CLV_QUADRANT_CELLS[k] for k in zip(levels["cost"], levels["current"], levels["future"])]
    out = pd.DataFrame(
        {
            "cost_level": pd.Categorical(levels["cost"], dtype=_LEVEL_DTYPE),
            "current_level": pd.Categorical(levels["current"], dtype=_LEVEL_DTYPE),
            "future_level": pd.Categorical(levels["future"], dtype=_LEVEL_DTYPE),
            "cell": pd.Categorical(cells, dtype=_CELL_DTYPE),
        },
        index=df.index,
    )
    out.attrs["thresholds"] = thresholds
    return out


def clv_quadrant_summary(quadrant: pd.DataFrame) -> pd.DataFrame:
    """Count table of a :func:`clv_quadrant` result: all 8 cells, also the empty ones.

    Parameters
    ----------
    quadrant : DataFrame
        Output of :func:`clv_quadrant` (one row per customer, with column ``cell``
        holding cell keys).

    Returns
    -------
    DataFrame
        Indexed by ``cell`` (the 8 keys as an ordered categorical, ``star`` first): the
        three levels, ``customers``, ``share`` (of all customers) and ``action`` (the
        cell's key, of kind ``clv_cell_action``: ``coursekit.display`` shows its text).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"cost_to_serve": [10, 50, 20, 60], "current_profit": [900, 800, 100, 50],
    ...                    "future_profit": [700, 100, 900, 20]}, index=["A", "B", "C", "D"])
    >>> clv_quadrant_summary(clv_quadrant(df))["customers"].tolist()
    [1, 0, 0, 1, 1, 0, 0, 1]
    """
    v.require_frame(quadrant, "quadrant")
    v.require_columns(quadrant, ["cell"], "quadrant")
    cells = quadrant["cell"]
    unknown = pd.Index(cells.dropna().unique()).difference(pd.Index(_CELL_KEYS)).tolist()
    if unknown or cells.isna().any():
        raise ValueError(
            f"quadrant column 'cell' must hold the cell keys of clv_quadrant ({', '.join(_CELL_KEYS)}); "
            f"got {unknown[0] if unknown else None!r}"
        )
    counts = cells.astype(object).value_counts()
    levels = pd.DataFrame(list(CLV_QUADRANT_CELLS), columns=list(_LEVEL_COLUMNS))
    out = pd.DataFrame(
        {col: pd.Categorical(levels[col], dtype=_LEVEL_DTYPE) for col in _LEVEL_COLUMNS},
        index=pd.CategoricalIndex(_CELL_KEYS, dtype=_CELL_DTYPE, name="cell"),
    )
    out["customers"] = [int(counts.get(key, 0)) for key in _CELL_KEYS]
    out["share"] = out["customers"] / len(quadrant)
    out["action"] = pd.Categorical(_CELL_KEYS, categories=_CELL_KEYS)
    return out
