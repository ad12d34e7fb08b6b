"""Customer satisfaction index (CSI), expectation gaps and key drivers (关键驱动因素) of satisfaction.

The survey holds, per attribute ``a`` (product quality, delivery ...), three 1-10 answers:
``perf_a`` (perceived performance, 感知), ``exp_a`` (expectation, 期望) and ``imp_a`` (stated
importance, 自述重要性).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = ["IPA_QUADRANTS", "csi", "csi_by", "csi_weights", "expectation_gaps", "key_drivers"]

#: Cells of the importance-performance matrix (重要性-绩效矩阵), with what to do in each.
IPA_QUADRANTS = i18n.define_names(
    "ipa_quadrant",
    column="quadrant",
    english={
        "concentrate": "Concentrate here (important, weak)",
        "keep_up": "Keep up the good work (important, strong)",
        "low_priority": "Low priority (less important, weak)",
        "overkill": "Possible overkill (less important, strong)",
    },
)
WEIGHT_METHODS = ("stated", "derived", "equal")


def _attributes(survey: pd.DataFrame, attributes, kinds=("perf",)) -> list[str]:
    if attributes is None:
        from ..datasets import SURVEY_ATTRIBUTES  # the six attributes of the case survey

        attributes = list(SURVEY_ATTRIBUTES)
    attributes = [str(a) for a in attributes]
    if not attributes:
        raise ValueError("attributes must name at least one attribute, e.g. ['delivery']")
    v.require_frame(survey, "survey")
    v.require_columns(survey, [f"{k}_{a}" for a in attributes for k in kinds], "survey")
    return attributes


def _column(survey: pd.DataFrame, column: str) -> pd.Series:
    values = v.numeric_column(survey, column, "survey")
    bad = values[(values < 1) | (values > 10)]
    if len(bad):
        raise ValueError(f"survey column {column!r} must hold scores from 1 to 10; {len(bad)} value(s) do not")
    return values


def _index(attributes) -> pd.Index:
    return pd.Index(attributes, name="attribute")


def _regression(survey: pd.DataFrame, attributes, target: str) -> pd.Series:
    """Standardised coefficients of the least-squares regression of ``target`` on the perceptions."""
    x = np.column_stack([_column(survey, f"perf_{a}").to_numpy() for a in attributes])
    y = _column(survey, target).to_numpy()
    sd = x.std(axis=0)
    if (sd == 0).any() or y.std() == 0:
        raise ValueError("survey has a perception or the target with no variation: importance cannot be derived")
    xz = (x - x.mean(axis=0)) / sd
    yz = (y - y.mean()) / y.std()
    design = np.column_stack([np.ones(len(yz)), xz])
    coef, *_ = np.linalg.lstsq(design, yz, rcond=None)
    return pd.Series(coef[1:], index=_index(attributes))


def csi_weights(
    survey: pd.DataFrame, method: str = "stated", *, attributes=None, target: str = "overall_satisfaction"
) -> pd.Series:
    """Weights of the attributes in the CSI, summing to 1.

    - ``"stated"``: each attribute's mean stated importance (``imp_``), divided by their sum;
    - ``"derived"``: the standardised regression coefficients of overall satisfaction on the
      perceptions (see :func:`key_drivers`), negative ones set to 0, divided by their sum;
    - ``"equal"``: 1 / number of attributes.

    Parameters
    ----------
    survey : DataFrame
        One row per answer with ``perf_<attribute>`` (and ``imp_`` or ``target``) columns.
    method : {"stated", "derived", "equal"}, default "stated"
    attributes : list of str, optional
        Attribute keys (default: the six of the case survey).
    target : str, default "overall_satisfaction"
        Overall satisfaction, for the derived weights.

    Returns
    -------
    Series
        Weight per attribute key (index ``attribute``), summing to 1.

    Raises
    ------
    TypeError, ValueError
        Not a DataFrame, empty, missing or out-of-range columns, an unknown method.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({"perf_price": [5, 7], "imp_price": [9, 9], "perf_delivery": [8, 6],
    ...                         "imp_delivery": [3, 3]})
    >>> csi_weights(answers, attributes=["price", "delivery"]).round(2).tolist()
    [0.75, 0.25]
    """
    if method not in WEIGHT_METHODS:
        raise ValueError(f"method must be one of {', '.join(WEIGHT_METHODS)}, got {method!r}")
    kinds = ("perf", "imp") if method == "stated" else ("perf",)
    attributes = _attributes(survey, attributes, kinds)
    if method == "stated":
        raw = pd.Series([_column(survey, f"imp_{a}").mean() for a in attributes], index=_index(attributes))
    elif method == "derived":
        v.require_columns(survey, [target], "survey")
        raw = _regression(survey, attributes, target).clip(lower=0)
        if raw.sum() == 0:
            raise ValueError("no perception has a positive derived importance: use method='stated'")
    else:
        raw = pd.Series(1.0, index=_index(attributes))
    return (raw / raw.sum()).rename("weight")


def _weights(survey, weights, attributes) -> pd.Series:
    if weights is None or isinstance(weights, str):
        return csi_weights(survey, weights or "stated", attributes=attributes)
    weights = pd.Series(weights, dtype=float)
    missing = [a for a in attributes if a not in weights.index]
    if missing:
        raise ValueError(f"weights has no weight for {', '.join(missing)}")
    weights = weights.reindex(attributes)
    if (weights < 0).any() or weights.sum() <= 0:
        raise ValueError("weights must not be negative and must not all be 0")
    return (weights / weights.sum()).rename("weight").rename_axis("attribute")


def csi(survey: pd.DataFrame, weights=None, *, attributes=None) -> float:
    """Customer satisfaction index (客户满意度指数, CSI) on a 0-100 scale: weighted attribute performance.

    CSI = sum over attributes of weight x (mean perception - 1) / 9 x 100, so a perception of 1
    on every attribute gives 0 and 10 gives 100. The weights are stated with the result: by
    default each attribute's share of the mean stated importance (:func:`csi_weights`).

    Parameters
    ----------
    survey : DataFrame
        One row per answer with ``perf_<attribute>`` columns (1-10).
    weights : {"stated", "derived", "equal"}, dict or Series, optional
        A method of :func:`csi_weights` (default "stated"), or a weight per attribute (scaled to sum 1).
    attributes : list of str, optional
        Attribute keys (default: the six of the case survey).

    Returns
    -------
    float
        The CSI, 0-100.

    Raises
    ------
    TypeError, ValueError
        Not a DataFrame, empty, missing or out-of-range columns, bad weights.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({"perf_price": [10, 10], "perf_delivery": [1, 1]})
    >>> csi(answers, {"price": 3, "delivery": 1}, attributes=["price", "delivery"])
    75.0
    """
    attributes = _attributes(survey, attributes)
    w = _weights(survey, weights, attributes)
    scaled = pd.Series([(_column(survey, f"perf_{a}").mean() - 1) / 9 * 100 for a in attributes], index=w.index)
    return float((w * scaled).sum())


def csi_by(survey: pd.DataFrame, by, weights=None, *, attributes=None) -> pd.DataFrame:
    """CSI per group (year, segment ...), with the same weights for every group.

    Parameters
    ----------
    survey : DataFrame
        One row per answer, e.g. :func:`~coursekit.satisfaction.survey_table`.
    by : str or list of str
        Column(s) to group by.
    weights : optional
        As in :func:`csi`; a method is computed once on the whole survey, so groups compare.
    attributes : list of str, optional
        Attribute keys (default: the six of the case survey).

    Returns
    -------
    DataFrame
        ``responses`` and ``csi`` (0-100) per group.

    Raises
    ------
    TypeError, ValueError
        As :func:`csi`, and a missing group column.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({"year": [2024, 2025], "perf_price": [1, 10]})
    >>> csi_by(answers, "year", "equal", attributes=["price"])["csi"].tolist()
    [0.0, 100.0]
    """
    attributes = _attributes(survey, attributes)
    columns = [by] if isinstance(by, str) else list(by)
    v.require_columns(survey, columns, "survey")
    for col in columns:
        v.require_no_missing(survey, col, "survey")
    w = _weights(survey, weights, attributes)
    rows = {
        key: {"responses": int(len(group)), "csi": csi(group, w, attributes=attributes)}
        for key, group in survey.groupby(columns if len(columns) > 1 else columns[0], observed=True, sort=True)
    }
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index = (
        pd.MultiIndex.from_tuples(out.index, names=columns) if len(columns) > 1 else out.index.rename(columns[0])
    )
    return out


def expectation_gaps(survey: pd.DataFrame, *, attributes=None) -> pd.DataFrame:
    """Expectation vs perception (期望与感知的差距) per attribute, largest shortfall first.

    Parameters
    ----------
    survey : DataFrame
        One row per answer with ``exp_<attribute>`` and ``perf_<attribute>`` (1-10).
    attributes : list of str, optional
        Attribute keys (default: the six of the case survey).

    Returns
    -------
    DataFrame
        Indexed by attribute key: ``expectation`` and ``perception`` (mean score, 1-10),
        ``gap`` = perception - expectation (negative: the customers got less than they
        expected), ``short_pct`` (% of answers with perception below expectation); sorted by
        ``gap``, most negative first.

    Raises
    ------
    TypeError, ValueError
        Not a DataFrame, empty, missing or out-of-range columns.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({"exp_price": [8, 8], "perf_price": [6, 9]})
    >>> expectation_gaps(answers, attributes=["price"]).round(1).iloc[0].tolist()
    [8.0, 7.5, -0.5, 50.0]
    """
    attributes = _attributes(survey, attributes, ("exp", "perf"))
    rows = {}
    for a in attributes:
        expected, perceived = _column(survey, f"exp_{a}"), _column(survey, f"perf_{a}")
        rows[a] = {
            "expectation": expected.mean(),
            "perception": perceived.mean(),
            "gap": perceived.mean() - expected.mean(),
            "short_pct": 100.0 * float((perceived < expected).mean()),
        }
    out = pd.DataFrame.from_dict(rows, orient="index").rename_axis("attribute")
    return out.sort_values("gap", kind="stable")


def key_drivers(
    survey: pd.DataFrame, *, attributes=None, target: str = "overall_satisfaction", importance: str = "derived"
) -> pd.DataFrame:
    """Key-driver analysis: stated vs derived importance, performance and the importance-performance cell.

    *Stated* importance is what customers say (mean ``imp_``, 1-10). *Derived* importance is what
    moves overall satisfaction: the standardised coefficients of the least-squares regression of
    ``target`` on all perceptions at once (``derived``), and each perception's Pearson
    correlation with ``target`` (``correlation``, which ignores overlap between attributes).
    ``derived_pct`` is each positive coefficient's share of their sum (%). The matrix cell
    (``quadrant``) compares each attribute's importance (``derived_pct``, or the stated mean with
    ``importance="stated"``) and performance with the mean over the attributes: above both is
    *keep up*, important but weak is *concentrate here* ...

    Parameters
    ----------
    survey : DataFrame
        One row per answer with ``perf_``, ``exp_`` and ``imp_`` columns and ``target``.
    attributes : list of str, optional
        Attribute keys (default: the six of the case survey).
    target : str, default "overall_satisfaction"
        Overall satisfaction (1-10).
    importance : {"derived", "stated"}, default "derived"
        Which importance places the attribute in the matrix.

    Returns
    -------
    DataFrame
        Indexed by attribute key: ``stated`` (1-10), ``stated_rank``, ``correlation``,
        ``derived``, ``derived_pct`` (%), ``derived_rank``, ``performance`` (mean
        perception, 1-10), ``gap`` (perception - expectation) and ``quadrant`` (ordered
        categorical of :data:`IPA_QUADRANTS` keys); sorted by ``derived_rank``.

    Raises
    ------
    TypeError, ValueError
        Not a DataFrame, empty, missing or out-of-range columns, no variation.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({"overall_satisfaction": [2, 4, 6, 8], "perf_a": [1, 2, 3, 4],
    ...                         "perf_b": [5, 3, 4, 4], "imp_a": [5, 5, 5, 5], "imp_b": [9, 9, 9, 9],
    ...                         "exp_a": [5, 5, 5, 5], "exp_b": [5, 5, 5, 5]})
    >>> key_drivers(answers, attributes=["a", "b"])[["stated", "derived_pct", "quadrant"]].round(1)
    ... # doctest: +NORMALIZE_WHITESPACE
               stated  derived_pct      quadrant
    attribute
    a             5.0        100.0   concentrate
    b             9.0          0.0      overkill
    """
    if importance not in ("derived", "stated"):
        raise ValueError(f"importance must be 'derived' or 'stated', got {importance!r}")
    attributes = _attributes(survey, attributes, ("perf", "exp", "imp"))
    v.require_columns(survey, [target], "survey")
    overall = _column(survey, target)
    derived = _regression(survey, attributes, target)
    positive = derived.clip(lower=0)
    out = pd.DataFrame(
        {
            "stated": [_column(survey, f"imp_{a}").mean() for a in attributes],
            "correlation": [float(np.corrcoef(_column(survey, f"perf_{a}"), overall)[0, 1]) for a in attributes],
            "derived": derived.to_numpy(),
            "derived_pct": (100.0 * positive / positive.sum()).to_numpy() if positive.sum() > 0 else 0.0,
            "performance": [_column(survey, f"perf_{a}").mean() for a in attributes],
            "gap": [_column(survey, f"perf_{a}").mean() - _column(survey, f"exp_{a}").mean() for a in attributes],
        },
        index=_index(attributes),
    )
    out.insert(1, "stated_rank", out["stated"].rank(ascending=False, method="min").astype("int64"))
    out.insert(5, "derived_rank", out["derived"].rank(ascending=False, method="min").astype("int64"))
    weight = out["derived_pct"] if importance == "derived" else out["stated"]
    high = weight >= weight.mean()
    strong = out["performance"] >= out["performance"].mean()
    keys = np.select(
        [high & ~strong, high & strong, ~high & ~strong], ["concentrate", "keep_up", "low_priority"], "overkill"
    )
    out["quadrant"] = pd.Categorical(keys, categories=list(IPA_QUADRANTS), ordered=True)
    out.attrs["importance"] = importance
    return out.sort_values("derived_rank", kind="stable")
