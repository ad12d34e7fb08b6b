"""Indicator weights (指标权重): the analytic hierarchy process (层次分析法, AHP) and the entropy method (熵权法).

- :func:`ahp_weights`: weights from a pairwise comparison matrix (判断矩阵) by the principal
  eigenvector, with Saaty's consistency ratio (一致性比率, CR);
- :func:`pairwise_matrix`: the full reciprocal matrix from the judgements above the diagonal;
- :func:`combine_weights`: group weights times the weights within each group (two-level AHP);
- :func:`entropy_weights`: weights from how much each indicator separates the customers;
- :func:`ahp_editor`: a slider per judgement, showing the weights and CR as they change.

AHP asks people (judgement, 主观赋权); the entropy method asks the data (客观赋权). Saaty's scale:
1 equal, 3 moderately, 5 strongly, 7 very strongly, 9 extremely more important; 1/3 ... 1/9 the
other way round. A CR above 0.10 means the judgements contradict each other too much to use.

Examples
--------
>>> import numpy as np
>>> result = ahp_weights(np.array([[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]]))
>>> result.weights.round(3).tolist(), round(result.consistency_ratio, 3)
([0.637, 0.258, 0.105], 0.033)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = ["RANDOM_INDEX", "AHPResult", "ahp_editor", "ahp_weights", "combine_weights", "entropy_weights"]
__all__ += ["pairwise_matrix"]

#: Saaty's random consistency index RI by matrix size n (1 to 15).
RANDOM_INDEX = {
    1: 0.0,
    2: 0.0,
    3: 0.58,
    4: 0.90,
    5: 1.12,
    6: 1.24,
    7: 1.32,
    8: 1.41,
    9: 1.45,
    10: 1.49,
    11: 1.51,
    12: 1.48,
    13: 1.56,
    14: 1.57,
    15: 1.59,
}
#: The consistency ratio above which judgements should be revised (Saaty).
CR_LIMIT = 0.10
#: Saaty's 1-9 scale as slider labels, weakest to strongest.
SAATY_SCALE = ["1/9", "1/7", "1/5", "1/3", "1", "3", "5", "7", "9"]


@dataclass
class AHPResult:
    """Result of :func:`ahp_weights`.

    Attributes
    ----------
    weights : Series
        The principal eigenvector scaled to sum 1, indexed by the matrix labels.
    lambda_max : float
        The principal eigenvalue (n for a perfectly consistent matrix).
    consistency_index : float
        CI = (lambda_max - n) / (n - 1); 0 for n <= 2.
    consistency_ratio : float
        CR = CI / RI (Saaty's random index); 0 for n <= 2. Above 0.10: revise the judgements.
    """

    weights: pd.Series
    lambda_max: float
    consistency_index: float
    consistency_ratio: float

    @property
    def consistent(self) -> bool:
        """True when the consistency ratio is at most 0.10."""
        return self.consistency_ratio <= CR_LIMIT


def ahp_weights(matrix) -> AHPResult:
    """AHP weights and consistency ratio of a pairwise comparison matrix (判断矩阵).

    Entry (i, j) says how many times more important indicator i is than indicator j on Saaty's
    1-9 scale; the matrix is positive and reciprocal, a[j, i] = 1 / a[i, j].

    Parameters
    ----------
    matrix : DataFrame or numpy array
        Square, positive, reciprocal (within a relative 1e-6). A DataFrame's row labels become
        the labels of the weights (its columns must be the same labels); an array's are 0..n-1.

    Returns
    -------
    AHPResult
        ``weights`` (principal eigenvector, summing to 1), ``lambda_max``,
        ``consistency_index`` and ``consistency_ratio`` (CI / RI with Saaty's random index
        :data:`RANDOM_INDEX`; a 1x1 or 2x2 matrix is consistent by definition, CR 0).

    Raises
    ------
    TypeError
        When ``matrix`` is neither a DataFrame nor a numpy array.
    ValueError
        When it is empty, not square, has a non-positive or missing entry, is not reciprocal, has
        other column labels than row labels, or is larger than 15 x 15.

    Examples
    --------
    Saaty's example: three criteria, the first moderately (3) more important than the second
    and strongly (5) more than the third.

    >>> import pandas as pd
    >>> m = pd.DataFrame([[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]],
    ...                  index=["price", "quality", "service"], columns=["price", "quality", "service"])
    >>> result = ahp_weights(m)
    >>> result.weights.round(3).to_dict()
    {'price': 0.637, 'quality': 0.258, 'service': 0.105}
    >>> round(result.lambda_max, 3), round(result.consistency_ratio, 3), result.consistent
    (3.039, 0.033, True)
    """
    if isinstance(matrix, pd.DataFrame):
        if matrix.empty:
            raise ValueError("matrix is empty: it has no rows")
        if matrix.shape[0] != matrix.shape[1]:
            raise ValueError(f"matrix must be square, got {matrix.shape[0]} rows and {matrix.shape[1]} columns")
        if list(matrix.index) != list(matrix.columns):
            raise ValueError(
                f"matrix must have the same labels on rows and columns, got rows {list(matrix.index)} "
                f"and columns {list(matrix.columns)}"
            )
        labels = matrix.index
        values = matrix.to_numpy()
    elif isinstance(matrix, np.ndarray):
        if matrix.size == 0:
            raise ValueError("matrix is empty: it has no rows")
        if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
            raise ValueError(f"matrix must be square, got shape {matrix.shape}")
        labels = pd.RangeIndex(matrix.shape[0])
        values = matrix
    else:
        raise TypeError(f"matrix must be a pandas DataFrame or a numpy array, got {type(matrix).__name__}")
    try:
        a = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise ValueError("matrix must hold numbers only") from None
    n = a.shape[0]
    if n > max(RANDOM_INDEX):
        raise ValueError(f"matrix has {n} rows: Saaty's random index is tabulated up to {max(RANDOM_INDEX)}")
    if not np.all(np.isfinite(a)) or np.any(a <= 0):
        i, j = np.argwhere(~(np.isfinite(a) & (a > 0)))[0]
        raise ValueError(f"matrix must be positive: entry ({labels[i]}, {labels[j]}) is {a[i, j]}")
    bad = ~np.isclose(a * a.T, 1.0, rtol=1e-6, atol=0.0)
    if bad.any():
        i, j = np.argwhere(bad)[0]
        raise ValueError(
            f"matrix must be reciprocal (a[j, i] = 1 / a[i, j]): entry ({labels[i]}, {labels[j]}) is {a[i, j]:g} "
            f"but ({labels[j]}, {labels[i]}) is {a[j, i]:g}"
        )
    eigenvalues, eigenvectors = np.linalg.eig(a)
    k = int(np.argmax(eigenvalues.real))
    vector = np.abs(eigenvectors[:, k].real)
    weights = pd.Series(vector / vector.sum(), index=labels, name="weight")
    lambda_max = float(eigenvalues[k].real)
    if n <= 2:
        return AHPResult(weights, float(n), 0.0, 0.0)
    ci = max((lambda_max - n) / (n - 1), 0.0)
    return AHPResult(weights, lambda_max, ci, ci / RANDOM_INDEX[n])


def _saaty(value) -> float:
    if isinstance(value, str):
        text = value.strip()
        if "/" in text:
            top, bottom = text.split("/", 1)
            return float(top) / float(bottom)
        return float(text)
    return float(value)


def pairwise_matrix(judgements: dict, labels=None) -> pd.DataFrame:
    """The full reciprocal comparison matrix from the judgements above its diagonal.

    Parameters
    ----------
    judgements : dict
        ``{(a, b): value}``: how many times more important ``a`` is than ``b`` (Saaty's scale,
        a number or a text such as ``"1/3"``). Each unordered pair at most once; pairs not
        given count 1 (equally important).
    labels : list, optional
        The order of rows and columns; default the labels in the order they first appear.

    Returns
    -------
    DataFrame
        Square, with ``a[b, a] = 1 / a[a, b]`` and 1 on the diagonal; rows and columns labelled.

    Examples
    --------
    >>> pairwise_matrix({("profit", "volume"): 3, ("profit", "cost"): 5, ("volume", "cost"): "3"}).round(3)
            profit  volume  cost
    profit   1.000   3.000   5.0
    volume   0.333   1.000   3.0
    cost     0.200   0.333   1.0
    """
    if not isinstance(judgements, dict):
        raise TypeError(f"judgements must be a dict {{(a, b): value}}, got {type(judgements).__name__}")
    if labels is None:
        labels = list(dict.fromkeys(x for pair in judgements for x in pair))
    labels = list(labels)
    if not labels:
        raise ValueError("judgements is empty: give at least one pair or the labels")
    out = pd.DataFrame(np.ones((len(labels), len(labels))), index=labels, columns=labels)
    seen = set()
    for pair, value in judgements.items():
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise ValueError(f"judgements keys must be pairs (a, b), got {pair!r}")
        a, b = pair
        if a not in out.index or b not in out.index:
            raise ValueError(f"judgement {pair!r} names a label that is not in {labels}")
        if a == b or frozenset(pair) in seen:
            raise ValueError(f"judgement {pair!r} repeats a pair or compares a label with itself")
        seen.add(frozenset(pair))
        x = _saaty(value)
        if not x > 0:
            raise ValueError(f"judgement {pair!r} must be positive, got {value!r}")
        out.loc[a, b], out.loc[b, a] = x, 1.0 / x
    return out


def combine_weights(groups: pd.Series, within: dict) -> pd.Series:
    """Two-level AHP: each indicator's weight = its group's weight x its weight within the group.

    Parameters
    ----------
    groups : Series
        Weight per group, summing to 1 (e.g. ``ahp_weights(...).weights``).
    within : dict
        ``{group: Series of weights within the group, summing to 1}``, one per group.

    Returns
    -------
    Series
        One weight per indicator (name ``weight``), in the order of the groups, summing to 1.

    Examples
    --------
    >>> import pandas as pd
    >>> g = pd.Series({"current": 0.6, "future": 0.4})
    >>> w = {"current": pd.Series({"profit": 0.75, "volume": 0.25}), "future": pd.Series({"credit": 1.0})}
    >>> combine_weights(g, w).round(2).to_dict()
    {'profit': 0.45, 'volume': 0.15, 'credit': 0.4}
    """
    v.require_series(groups, "groups")
    if not isinstance(within, dict):
        raise TypeError(f"within must be a dict {{group: Series}}, got {type(within).__name__}")
    missing = [g for g in groups.index if g not in within]
    if missing:
        raise ValueError(f"within has no weights for the group(s) {missing}")
    parts = []
    for group, weight in groups.items():
        local = v.require_series(within[group], f"within[{group!r}]")
        if not np.isclose(local.sum(), 1.0, atol=1e-6):
            raise ValueError(f"the weights within {group!r} sum to {local.sum():.4f}, not 1")
        parts.append(local.astype(float) * float(weight))
    out = pd.concat(parts)
    if out.index.duplicated().any():
        raise ValueError(f"an indicator is in two groups: {sorted(set(out.index[out.index.duplicated()]))}")
    if not np.isclose(out.sum(), 1.0, atol=1e-6):
        raise ValueError(f"the group weights sum to {groups.sum():.4f}, not 1")
    return out.rename("weight")


def entropy_weights(table: pd.DataFrame) -> pd.Series:
    """Entropy weights (熵权法): indicators that separate the customers more get more weight.

    For each column with n values (missing values left out): p = x / column sum,
    e = -sum(p ln p) / ln n with 0 ln 0 = 0, and the weights are (1 - e) / sum(1 - e). A column
    with equal values everywhere (e = 1) gets weight 0; a column whose values sit on a few
    customers gets a high weight.

    Parameters
    ----------
    table : DataFrame
        One column per indicator, non-negative values as given (normalise first where a
        larger value is worse, e.g. with :func:`normalise`); missing values are left out.

    Returns
    -------
    Series
        Weight per column (name ``weight``), summing to 1.

    Raises
    ------
    ValueError
        For an empty table, a non-numeric column, a negative value, a column summing to 0,
        a column with fewer than 2 values, or when every column is constant.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"a": [1.0, 1.0, 2.0], "b": [0.0, 1.0, 1.0], "c": [5.0, 5.0, 5.0]})
    >>> entropy_weights(t).round(4).to_dict()
    {'a': 0.1268, 'b': 0.8732, 'c': 0.0}
    """
    v.require_frame(table, "table")
    weights = {}
    for col in table.columns:
        x = v.numeric_column(table, col, "table", allow_missing=True).dropna().astype(float)
        if (x < 0).any():
            raise ValueError(
                f"table column {col!r} has {int((x < 0).sum())} negative value(s): entropy weights need values >= 0"
            )
        if len(x) < 2:
            raise ValueError(f"table column {col!r} has fewer than 2 values")
        total = x.sum()
        if total == 0:
            raise ValueError(f"table column {col!r} sums to 0: its shares p = x / sum are undefined")
        p = (x / total).to_numpy()
        plogp = np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0)
        e = -plogp.sum() / np.log(len(x))
        weights[col] = max(1.0 - e, 0.0) if not np.isclose(e, 1.0, rtol=0, atol=1e-12) else 0.0
    out = pd.Series(weights, name="weight", dtype=float)
    if out.sum() == 0:
        raise ValueError("every column of table is constant: the entropy method gives no weights")
    return out / out.sum()


def ahp_editor(judgements: dict, labels=None):
    """A slider per judgement on Saaty's scale; the weights and CR update as a slider moves.

    Parameters
    ----------
    judgements : dict
        Starting judgements ``{(a, b): value}`` as in :func:`pairwise_matrix`; each value is
        moved to the nearest point of the scale 1/9 ... 9.
    labels : list, optional
        Row order, as in :func:`pairwise_matrix`.

    Returns
    -------
    ipywidgets.VBox
        One slider per pair and an HTML line with the weights (names via the catalog) and the
        consistency ratio, marked when it is above 0.10.

    Examples
    --------
    >>> box = ahp_editor({("profit", "volume"): 3, ("profit", "cost"): 5, ("volume", "cost"): 3})
    >>> "CR = 0.033" in box.children[-1].value
    True
    """
    import ipywidgets as widgets

    start = pairwise_matrix(judgements, labels)
    points = np.array([_saaty(s) for s in SAATY_SCALE])
    sliders = {}
    for (a, b), value in judgements.items():
        nearest = SAATY_SCALE[int(np.argmin(np.abs(np.log(points) - np.log(_saaty(value)))))]
        sliders[(a, b)] = widgets.SelectionSlider(
            options=SAATY_SCALE,
            value=nearest,
            description=f"{_label(a)} : {_label(b)}",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="420px"),
        )
    out = widgets.HTML()

    def update(change=None):
        matrix = pairwise_matrix({pair: s.value for pair, s in sliders.items()}, list(start.index))
        result = ahp_weights(matrix)
        shown = ", ".join(f"{_label(k)} {w:.1%}" for k, w in result.weights.items())
        verdict = (
            i18n._("consistent")
            if result.consistent
            else "<b style='color:#b22222'>" + i18n._("inconsistent: revise a judgement") + "</b>"
        )
        out.value = f"{shown}<br>CR = {result.consistency_ratio:.3f} ({verdict})"

    for s in sliders.values():
        s.observe(update, names="value")
    update()
    return widgets.VBox([*sliders.values(), out])


def _label(key) -> str:
    """The name of an indicator or group key (its key when it has none)."""
    for kind in ("value_indicator", "value_group"):
        try:
            return i18n.name(kind, key)
        except ValueError:
            continue
    return str(key)
