"""RFM scores from 1 to ``bins`` by rank, with equal values always scored equally.

Rule (issue 6, item 4): ``score = 1 + floor(bins × (rank − 1) / n)``, where
*rank* is the ascending rank of the value with ties at their lowest rank
(``rank(method="min")``). Recency is ranked descending, so that the most recent
customers score highest.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v

__all__ = ["rfm_cut_points", "rfm_scores", "score_counts"]

_RAW = {"R": "recency", "F": "frequency", "M": "monetary"}
# R is better when recency is small: rank it descending so that the largest recency has rank 1.
_ASCENDING = {"R": False, "F": True, "M": True}


def _check_bins(bins) -> int:
    if isinstance(bins, bool) or not isinstance(bins, (int, np.integer)):
        raise TypeError(f"bins must be a whole number between 2 and 10, got {bins!r}")
    if not 2 <= bins <= 10:
        raise ValueError(f"bins must be between 2 and 10, got {bins}")
    return int(bins)


def _raw_columns(table, name: str = "table") -> dict[str, pd.Series]:
    """Validate an RFM table and return its recency, frequency and monetary columns by letter."""
    v.require_frame(table, name)
    v.require_columns(table, list(_RAW.values()), name)
    v.require_unique_index(table, name)
    return {
        "R": v.numeric_column(table, "recency", name, allow_negative=False),
        "F": v.numeric_column(table, "frequency", name, allow_negative=False),
        "M": v.numeric_column(table, "monetary", name),
    }


def _score(values: pd.Series, bins: int, *, ascending: bool) -> pd.Series:
    """``1 + floor(bins * (rank - 1) / n)`` with ``rank(method="min")``; ``bins`` = best.

    Whole-number arithmetic, so that a rank exactly on a boundary is never
    pushed across it by float rounding.
    """
    n = len(values)
    ranks = values.rank(method="min", ascending=ascending).to_numpy().astype("int64")
    return pd.Series(1 + (bins * (ranks - 1)) // n, index=values.index, dtype="int64")


def rfm_scores(table, bins: int = 5) -> pd.DataFrame:
    """Score recency, frequency and monetary from 1 to ``bins`` by rank; equal values score equally.

    Parameters
    ----------
    table : DataFrame
        Output of :func:`rfm_table` (columns ``recency``, ``frequency``,
        ``monetary``), indexed by customer id.
    bins : int, default 5
        Number of scores, 2 to 10 (5 = quintiles, the usual choice).

    Returns
    -------
    DataFrame
        A copy of ``table`` with added columns

        - ``R``, ``F``, ``M`` (int, 1 … ``bins``): ``bins`` is best, i.e. the
          most recent (smallest recency), most frequent, highest spending;
        - ``RFM`` (str): the three scores as a code, e.g. ``"545"``; with
          ``bins=10`` the scores are joined by ``"-"``, e.g. ``"10-4-7"``;
        - ``RFM_sum`` (int): R + F + M.

        Nothing is stored in ``attrs``: pass the same ``bins`` on to
        :func:`rfm_segments`. :func:`rfm_cut_points` shows where each score
        starts.

    Notes
    -----
    Each column is ranked ascending (recency descending, so that a recent
    purchase is good), **ties at their lowest rank** (``rank(method="min")``).
    A customer of rank *r* among *n* scores ``1 + floor(bins × (r − 1) / n)``.
    Hence

    - customers with equal values get equal scores, and scores never fall
      as the value improves;
    - the worst value scores 1; a unique best value scores ``bins`` (when
      there are at least ``bins`` customers);
    - without ties the groups differ in size by at most one. A tie that
      straddles a boundary stays together in the **lower** score, so that
      group grows and the next one shrinks or disappears. On CDNOW, where
      half of the customers bought once, all of them get F = 1 and F = 2 is
      empty.

    Cutting at values (``pd.qcut``) fails on such data with duplicate edges;
    splitting ties by customer id (``rank(method="first")``, this kit before
    issue 6) keeps the groups equal but gives two customers who bought
    equally often different scores.

    Examples
    --------
    Six customers, four of them with one order, in three scores. The four
    single-order customers all get F = 1 (ranks 1–4 out of 6 all start at
    rank 1); F = 2 stays empty:

    >>> import pandas as pd
    >>> t = pd.DataFrame({"recency": [5, 40, 40, 90, 10, 200],
    ...                   "frequency": [3, 1, 1, 1, 2, 1],
    ...                   "monetary": [300.0, 50.0, 80.0, 20.0, 150.0, 10.0]},
    ...                  index=pd.Index(list("ABCDEF"), name="customer_id"))
    >>> s = rfm_scores(t, bins=3)
    >>> s[["R", "F", "M", "RFM", "RFM_sum"]]  # doctest: +NORMALIZE_WHITESPACE
                 R  F  M  RFM  RFM_sum
    customer_id
    A            3  3  3  333        9
    B            2  1  2  212        5
    C            2  1  2  212        5
    D            1  1  1  111        3
    E            3  3  3  333        9
    F            1  1  1  111        3
    >>> s["F"].value_counts().reindex([1, 2, 3], fill_value=0).tolist()
    [4, 0, 2]
    """
    bins = _check_bins(bins)
    raw = _raw_columns(table)
    out = table.copy()
    for letter, values in raw.items():
        out[letter] = _score(values, bins, ascending=_ASCENDING[letter])
    sep = "-" if bins >= 10 else ""
    out["RFM"] = (out["R"].astype(str) + sep + out["F"].astype(str) + sep + out["M"].astype(str)).astype(object)
    out["RFM_sum"] = (out["R"] + out["F"] + out["M"]).astype("int64")
    return out


def rfm_cut_points(table, bins: int = 5) -> pd.DataFrame:
    """The value at which each R, F and M score starts, as :func:`rfm_scores` assigns them.

    Parameters
    ----------
    table : DataFrame
        Output of :func:`rfm_table` (columns ``recency``, ``frequency``,
        ``monetary``).
    bins : int, default 5
        Number of scores, as in :func:`rfm_scores`.

    Returns
    -------
    DataFrame
        Indexed by ``score`` 1 … ``bins``, columns ``R``, ``F``, ``M`` with raw
        values (days, purchases, money):

        - ``F``, ``M``: the smallest frequency / monetary with that score; the
          score covers values from there up to the next score's start;
        - ``R``: the largest recency (oldest purchase) with that score, since
          R runs the other way: the score covers recencies from there down.

        A score that no customer gets (swallowed by a tie on the boundary)
        is missing. Integer columns stay integers (nullable ``Int64``).

    Examples
    --------
    Frequencies 1, 1, 1, 2, 5 in five scores: the three single buyers share
    F = 1, so F = 2 and F = 3 are empty, 2 purchases start F = 4:

    >>> import pandas as pd
    >>> t = pd.DataFrame({"recency": [300, 200, 100, 30, 10],
    ...                   "frequency": [1, 1, 1, 2, 5],
    ...                   "monetary": [50.0, 20.0, 80.0, 150.0, 900.0]},
    ...                  index=pd.Index(list("ABCDE"), name="customer_id"))
    >>> rfm_cut_points(t)  # doctest: +NORMALIZE_WHITESPACE
             R     F      M
    score
    1      300     1   20.0
    2      200  <NA>   50.0
    3      100  <NA>   80.0
    4       30     2  150.0
    5       10     5  900.0
    """
    bins = _check_bins(bins)
    raw = _raw_columns(table)
    columns = {}
    for letter, values in raw.items():
        score = _score(values, bins, ascending=_ASCENDING[letter])
        grouped = values.groupby(score.to_numpy())
        start = grouped.max() if letter == "R" else grouped.min()
        start = start.reindex(range(1, bins + 1))
        integer = pd.api.types.is_integer_dtype(table[_RAW[letter]].dtype)
        columns[letter] = start.astype("Int64" if integer else "float64")
    out = pd.DataFrame(columns)
    out.index = pd.RangeIndex(1, bins + 1, name="score")
    return out


def score_counts(scores, bins: int = 5) -> pd.DataFrame:
    """How many customers get each R, F and M score; a score nobody gets shows 0.

    Parameters
    ----------
    scores : DataFrame
        Output of :func:`rfm_scores` (columns ``R``, ``F``, ``M``).
    bins : int, default 5
        The ``bins`` the scores were made with: rows 1 … ``bins``.

    Returns
    -------
    DataFrame
        Indexed by ``score`` 1 … ``bins``, columns ``R``, ``F``, ``M``: number of
        customers (int). With equal values scored equally, a tie on a boundary makes
        one score larger and the next one smaller or empty (0).

    Raises
    ------
    ValueError
        Missing columns, or scores outside 1 … ``bins``.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"R": [1, 2, 3, 3], "F": [1, 1, 1, 3], "M": [1, 2, 3, 3]})
    >>> score_counts(s, bins=3)  # doctest: +NORMALIZE_WHITESPACE
           R  F  M
    score
    1      1  3  1
    2      1  0  1
    3      2  1  2
    """
    bins = _check_bins(bins)
    v.require_frame(scores, "scores")
    v.require_columns(scores, list(_RAW), "scores")
    out = {}
    for letter in _RAW:
        values = v.numeric_column(scores, letter, "scores")
        bad = (values < 1) | (values > bins) | (values != np.round(values))
        if bad.any():
            raise ValueError(
                f"scores column {letter!r} must hold whole scores from 1 to {bins}; "
                f"{int(bad.sum())} value(s) do not, e.g. {values[bad].iloc[0]:g}"
            )
        out[letter] = values.astype("int64").value_counts().reindex(range(1, bins + 1), fill_value=0).to_numpy()
    return pd.DataFrame(out, index=pd.RangeIndex(1, bins + 1, name="score")).astype("int64")
