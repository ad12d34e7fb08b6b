"""ABC analysis on two measures (revenue and gross margin): who changes class when margin is ranked."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from .classes import ABC_CLASSES, abc_classes
from .concentration import _ranked

__all__ = ["MOVES", "abc_compare", "abc_shift"]


def abc_compare(
    table: pd.DataFrame,
    *,
    first: str = "revenue",
    second: str = "gross_margin",
    a: float = 0.8,
    b: float = 0.95,
) -> pd.DataFrame:
    """ABC classes of every customer on two measures, side by side (e.g. revenue and gross margin).

    Parameters
    ----------
    table : DataFrame
        Indexed by customer id, with the numeric columns ``first`` and ``second`` (e.g. a
        :func:`coursekit.value.net_profit` result: ``revenue``, ``gross_margin``).
    first, second : str
        The two measures.
    a, b : float
        Cumulative-share thresholds of :func:`abc_classes` (default 80 % / 95 %).

    Returns
    -------
    DataFrame
        Indexed by customer id, ranked by ``first``: the two measures, ``class_first`` and
        ``class_second`` (keys ``"A"``, ``"B"``, ``"C"``, ordered categoricals) and ``moved``:
        ``"up"``, ``"same"`` or ``"down"`` (class on ``second`` compared with ``first``).

    Notes
    -----
    A customer with zero or negative value on a measure counts as 0 for that measure: class C
    (noted with the count), so the shares are shares of the positive total.

    Raises
    ------
    TypeError
        ``table`` is not a DataFrame, or a measure is not numeric.
    ValueError
        Empty table, a missing column, the same column twice, duplicated ids, no positive value.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"revenue": [50.0, 30.0, 10.0, 5.0, 5.0],
    ...                       "gross_margin": [5.0, 9.0, 4.0, 1.0, 1.0]}, index=list("ABCDE"))
    >>> abc_compare(table)[["class_first", "class_second", "moved"]]  # doctest: +NORMALIZE_WHITESPACE
      class_first class_second  moved
    A           A            A   same
    B           A            A   same
    C           B            A     up
    D           B            B   same
    E           C            C   same
    """
    v.require_frame(table, "table")
    if first == second:
        raise ValueError(f"first and second must be two different columns, got {first!r} twice")
    v.require_columns(table, [first, second], "table")
    v.require_unique_index(table, "table")
    out = pd.DataFrame(index=table.index)
    notes = []
    for col, key in ((first, "class_first"), (second, "class_second")):
        values = v.numeric_column(table, col, "table")
        low = int((values <= 0).sum())
        if low:
            notes.append(
                i18n._(
                    "{n} customer(s) with zero or negative {column} counted as 0 (class C)",
                    n=low,
                    column=col,
                )
            )
        classes = abc_classes(values.clip(lower=0).rename(col), a=a, b=b)
        out[col] = values
        out[key] = classes["class"].reindex(out.index)
    out = out.loc[_ranked(out[first]).index]
    rank = {k: i for i, k in enumerate(ABC_CLASSES)}
    diff = out["class_first"].astype(str).map(rank) - out["class_second"].astype(str).map(rank)
    out["moved"] = pd.Categorical(
        np.select([diff > 0, diff < 0], ["up", "down"], default="same"), categories=list(MOVES), ordered=True
    )
    for message in notes:
        v.note(message, out)
    return out


MOVES: dict[str, str] = i18n.define_names(
    "abc_move", column="moved", english={"up": "Moves up", "same": "Same class", "down": "Moves down"}
)


def abc_shift(table: pd.DataFrame) -> pd.DataFrame:
    """How many customers of each class on the first measure land in each class on the second.

    Parameters
    ----------
    table : DataFrame
        An :func:`abc_compare` result.

    Returns
    -------
    DataFrame
        Counts: rows = class on the first measure (index ``class``, keys A, B, C), columns ``A``,
        ``B``, ``C`` = class on the second measure, and ``total``.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"revenue": [50.0, 30.0, 10.0, 5.0, 5.0],
    ...                       "gross_margin": [5.0, 9.0, 4.0, 1.0, 1.0]}, index=list("ABCDE"))
    >>> abc_shift(abc_compare(table))  # doctest: +NORMALIZE_WHITESPACE
           A  B  C  total
    class
    A      2  0  0      2
    B      1  1  0      2
    C      0  0  1      1
    """
    v.require_frame(table, "table")
    v.require_columns(table, ["class_first", "class_second"], "table")
    cat = pd.CategoricalDtype(list(ABC_CLASSES), ordered=True)
    counts = pd.crosstab(table["class_first"].astype(cat), table["class_second"].astype(cat), dropna=False)
    counts = counts.reindex(index=list(ABC_CLASSES), columns=list(ABC_CLASSES), fill_value=0).astype("int64")
    counts["total"] = counts.sum(axis=1)
    counts.index = pd.CategoricalIndex(list(ABC_CLASSES), dtype=cat, name="class")
    counts.columns = pd.Index(list(counts.columns), name=None)
    return counts
