"""Validating a credit scorecard and adjusting its grades by rules; lesson 11, steps 2-4 of the outline.

- :func:`auc_ks`: accuracy, the AUC and the KS statistic of scores against outcomes;
- :func:`bootstrap_auc_ks`: the same with bootstrap intervals (few defaults, so wide intervals);
- :func:`psi_table`: stability, the population stability index (PSI) between two periods;
- :func:`grade_summary`: applications, defaults and default rate per grade;
- :func:`override_effect`: the recorded manual overrides (``credit_grades``), the effect of each rule counted;
- :func:`apply_overrides`: the final grade when only some kinds of override are accepted.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.stats import rankdata

from .. import _validate as v
from .. import i18n
from ..datasets import CREDIT_OVERRIDE_REASONS

__all__ = [
    "OVERRIDE_GROUPS",
    "PSI_LEVELS",
    "apply_overrides",
    "auc_ks",
    "bootstrap_auc_ks",
    "grade_summary",
    "override_effect",
    "psi_table",
]

#: Groups of the recorded overrides (by direction and by what the override rests on).
OVERRIDE_GROUPS = i18n.define_names(
    "override_group",
    {
        "none": "Not overridden",
        "commercial_up": "Upgraded for the relationship",
        "evidence_up": "Upgraded on new evidence",
        "evidence_down": "Downgraded on new evidence",
    },
    column="group",
)

#: The usual reading of the PSI: below 0.1 stable, 0.1-0.25 watch, above 0.25 rebuild.
PSI_LEVELS = i18n.define_names(
    "psi_level",
    {"stable": "Stable (PSI < 0.1)", "watch": "Some shift (0.1-0.25)", "shifted": "Major shift (PSI > 0.25)"},
    column="level",
)

_GRADES = ["A", "B", "C", "D", "E"]


def _scores_outcomes(scores, bad):
    v.require_series(scores, "scores")
    if not isinstance(bad, (pd.Series, np.ndarray, list)):
        raise TypeError(f"bad must be a pandas Series or an array of 0/1, got {type(bad).__name__}")
    s = scores.to_numpy(dtype=float)
    b = np.asarray(bad.reindex(scores.index) if isinstance(bad, pd.Series) else bad, dtype=float)
    if len(s) != len(b):
        raise ValueError(f"scores and bad must have the same length, got {len(s)} and {len(b)}")
    if np.isnan(s).any() or np.isnan(b).any():
        raise ValueError("scores and bad must have no missing values (is bad indexed like scores?)")
    if not set(np.unique(b)) <= {0.0, 1.0}:
        raise ValueError("bad must hold only 0 (good) and 1 (bad, a default)")
    if b.min() == b.max():
        raise ValueError("bad must hold both goods (0) and bads (1) to measure accuracy")
    return s, b.astype(int)


def _auc_ks(s: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    goods, bads = (b == 0), (b == 1)
    n_good, n_bad = goods.sum(), bads.sum()
    ranks = rankdata(s)
    auc = (ranks[goods].sum() - n_good * (n_good + 1) / 2) / (n_good * n_bad)
    order = np.sort(np.unique(s))
    cum_bad = np.searchsorted(np.sort(s[bads]), order, side="right") / n_bad
    cum_good = np.searchsorted(np.sort(s[goods]), order, side="right") / n_good
    return float(auc), float(np.max(np.abs(cum_bad - cum_good)))


def auc_ks(score: pd.Series, bad) -> pd.Series:
    """Accuracy of a score (higher = better): the AUC and the Kolmogorov-Smirnov statistic (KS).

    AUC: the chance that a random good score above a random bad (ties count half); 0.5 is a coin,
    1 is perfect; Gini = 2 × AUC − 1. KS: the largest gap between the cumulative score
    distributions of bads and goods (0 to 1).

    Parameters
    ----------
    score : Series
        One score per applicant.
    bad : Series or array
        1 for a default, 0 for a good (a Series is aligned on the index of ``score``).

    Returns
    -------
    Series
        ``auc``, ``ks``, ``applications``, ``bads``.

    Raises
    ------
    TypeError
        ``score`` not a Series.
    ValueError
        No values, lengths differ, missing values, no goods or no bads.

    Examples
    --------
    >>> import pandas as pd
    >>> auc_ks(pd.Series([1.0, 2.0, 3.0, 4.0]), [1, 0, 1, 0]).round(3).tolist()
    [0.75, 0.5, 4.0, 2.0]
    """
    s, b = _scores_outcomes(score, bad)
    auc, ks = _auc_ks(s, b)
    return pd.Series({"auc": auc, "ks": ks, "applications": float(len(s)), "bads": float(b.sum())})


def bootstrap_auc_ks(score: pd.Series, bad, *, n_boot: int = 1000, level: float = 0.9, seed: int = 11) -> pd.DataFrame:
    """AUC and KS with percentile bootstrap intervals (applicants drawn with replacement).

    Parameters
    ----------
    score : Series
    bad : Series or array
        As for :func:`auc_ks`.
    n_boot : int, default 1000
        Number of bootstrap samples (a sample without a good or a bad is drawn again).
    level : float, default 0.9
        Coverage of the interval (0.9 = 5th to 95th percentile).
    seed : int, default 11
        Random seed (deterministic).

    Returns
    -------
    DataFrame
        Rows ``auc`` and ``ks``; columns ``value`` (on all data), ``low``, ``high``.

    Raises
    ------
    TypeError
        ``score`` not a Series.
    ValueError
        As :func:`auc_ks`; ``n_boot`` below 10; ``level`` not between 0 and 1.

    Examples
    --------
    >>> import pandas as pd
    >>> t = bootstrap_auc_ks(pd.Series(range(20), dtype=float), [1, 0] * 10, n_boot=200)
    >>> float(round(t.loc["auc", "value"], 3)), bool(t.loc["auc", "low"] < 0.55 < t.loc["auc", "high"])
    (0.55, True)
    """
    s, b = _scores_outcomes(score, bad)
    v.require_in_range(n_boot, "n_boot", 10, None)
    v.require_in_range(level, "level", 0, 1, inclusive=False)
    rng = np.random.default_rng(seed)
    draws = []
    while len(draws) < n_boot:
        idx = rng.integers(0, len(s), len(s))
        if 0 < b[idx].sum() < len(idx):
            draws.append(_auc_ks(s[idx], b[idx]))
    draws = np.asarray(draws)
    tail = (1 - level) / 2
    low, high = np.quantile(draws, tail, axis=0), np.quantile(draws, 1 - tail, axis=0)
    value = _auc_ks(s, b)
    return pd.DataFrame({"value": value, "low": low, "high": high}, index=pd.Index(["auc", "ks"], name="measure"))


def psi_table(base: pd.Series, compare: pd.Series, *, bins: int = 10, smoothing: float | None = None) -> pd.DataFrame:
    """Stability: the population stability index (PSI) of a score between two periods.

    Bins are the quantiles of ``base``; PSI = Σ (share now − share before) × ln(share now / share before).

    Parameters
    ----------
    base : Series
        Scores of the earlier period (e.g. the training year).
    compare : Series
        Scores of the later period.
    bins : int, default 10
        Number of quantile bins of ``base`` (deciles).
    smoothing : float, optional
        A count added to every bin of both periods; without it an empty bin is an error.

    Returns
    -------
    DataFrame
        One row per score band (``"< 560"`` ... ``"≥ 610"``): ``base_pct``, ``compare_pct``, ``psi``;
        ``attrs["psi"]`` the total and ``attrs["level"]`` its reading (:data:`PSI_LEVELS`).

    Raises
    ------
    TypeError
        Not a Series.
    ValueError
        No values, missing scores, bins below 2, an empty bin without smoothing.

    Examples
    --------
    >>> import pandas as pd
    >>> t = psi_table(pd.Series([1.0, 2, 3, 4]), pd.Series([1.0, 1, 2, 4]), bins=2)
    >>> t.round(3)
            base_pct  compare_pct    psi
    band
    < 2.5       50.0         75.0  0.101
    ≥ 2.5       50.0         25.0  0.173
    >>> round(t.attrs["psi"], 3), t.attrs["level"]
    (0.275, 'shifted')
    """
    v.require_series(base, "base")
    v.require_series(compare, "compare")
    v.require_in_range(bins, "bins", 2, None)
    for name, s in (("base", base), ("compare", compare)):
        if s.isna().any():
            raise ValueError(f"{name} has {int(s.isna().sum())} missing score(s)")
    qs = np.quantile(base.to_numpy(dtype=float), np.linspace(0, 1, int(bins) + 1)[1:-1])
    edges = sorted({float(f"{q:.4g}") for q in qs})
    fmt = [f"{e:g}" for e in edges]
    labels = [f"< {fmt[0]}"] + [f"{a}–{b}" for a, b in zip(fmt[:-1], fmt[1:])] + [f"≥ {fmt[-1]}"]

    def counts(s):
        codes = np.searchsorted(edges, s.to_numpy(dtype=float), side="right")
        return np.bincount(codes, minlength=len(labels)).astype(float)

    before, after = counts(base), counts(compare)
    if smoothing is None:
        empty = [labels[i] for i in range(len(labels)) if before[i] == 0 or after[i] == 0]
        if empty:
            raise ValueError(f"band(s) {empty} are empty in one period: use fewer bins or pass smoothing=0.5")
    else:
        v.require_in_range(smoothing, "smoothing", 0, None)
        before, after = before + smoothing, after + smoothing
    p, q = before / before.sum(), after / after.sum()
    out = pd.DataFrame(
        {"base_pct": 100 * p, "compare_pct": 100 * q, "psi": (q - p) * np.log(q / p)},
        index=pd.Index(labels, name="band"),
    )
    total = float(out["psi"].sum())
    out.attrs["psi"] = total
    out.attrs["level"] = "stable" if total < 0.1 else ("watch" if total <= 0.25 else "shifted")
    return out


def grade_summary(grades: pd.Series, bad) -> pd.DataFrame:
    """Applications, defaults and the default rate per grade (A to E), to check that grades are monotone.

    Parameters
    ----------
    grades : Series
        Grade A-E per application.
    bad : Series or array
        1 for a default (a Series is aligned on the index of ``grades``).

    Returns
    -------
    DataFrame
        Indexed by grade A-E: ``applications``, ``defaults``, ``default_rate_pct`` (NaN for an empty grade).

    Raises
    ------
    TypeError
        Not a Series.
    ValueError
        No values, a grade other than A-E, lengths differ.

    Examples
    --------
    >>> import pandas as pd
    >>> grade_summary(pd.Series(["A", "A", "B", "E"]), [0, 0, 0, 1])["default_rate_pct"].tolist()
    [0.0, 0.0, nan, nan, 100.0]
    """
    v.require_series(grades, "grades")
    b = np.asarray(bad.reindex(grades.index) if isinstance(bad, pd.Series) else bad, dtype=float)
    if len(b) != len(grades):
        raise ValueError(f"grades and bad must have the same length, got {len(grades)} and {len(b)}")
    unknown = set(grades.astype(str)) - set(_GRADES)
    if unknown:
        raise ValueError(f"grades must be A to E, found {sorted(unknown)}")
    frame = pd.DataFrame({"grade": pd.Categorical(grades.astype(str), categories=_GRADES, ordered=True), "bad": b})
    out = frame.groupby("grade", observed=False)["bad"].agg(applications="count", defaults="sum")
    out["defaults"] = out["defaults"].astype(int)
    out["default_rate_pct"] = 100 * out["defaults"] / out["applications"].where(out["applications"] > 0)
    return out


def _grades_outcome(grades, credit, id_col, target_col):
    v.require_frame(grades, "grades")
    v.require_frame(credit, "credit")
    v.require_columns(grades, [id_col, "model_grade", "final_grade", "override_reason"], "grades")
    v.require_columns(credit, [id_col, target_col], "credit")
    merged = grades.merge(credit[[id_col, target_col]], on=id_col, how="left", validate="one_to_one")
    if merged[target_col].isna().any():
        raise ValueError(f"{int(merged[target_col].isna().sum())} graded application(s) are not in credit")
    unknown = set(merged["override_reason"].dropna()) - set(CREDIT_OVERRIDE_REASONS)
    if unknown:
        raise ValueError(f"grades column 'override_reason' has unknown reason(s) {sorted(unknown)}")
    return merged


def _group(reason) -> str:
    if not isinstance(reason, str):
        return "none"
    direction, basis = CREDIT_OVERRIDE_REASONS[reason]
    return f"{basis}_{direction}"


def override_effect(
    grades: pd.DataFrame,
    credit: pd.DataFrame,
    *,
    by: str = "group",
    id_col: str = "application_id",
    target_col: str = "default_12m",
) -> pd.DataFrame:
    """Step 4, the effect of each override rule: how many grades it moved and how those applicants paid.

    ``expected_pct`` is the default rate the applicants would have had at their **model** grade
    (the default rate of the applications that were not overridden, per model grade); ``excess_pts``
    = actual − expected, in percentage points. An override that works moves applicants whose
    default rate differs from their model grade's in the direction of the move.

    Parameters
    ----------
    grades : DataFrame
        ``datasets.load_credit_grades()``: model grade, final grade, override reason.
    credit : DataFrame
        ``datasets.load_credit()``: the outcome.
    by : {"group", "reason"}, default "group"
        Rows per override group (:data:`OVERRIDE_GROUPS`) or per recorded reason.
    id_col, target_col : str

    Returns
    -------
    DataFrame
        Indexed by group or reason (keys): ``applications``, ``notches`` (mean grades moved, + = up),
        ``defaults``, ``default_rate_pct``, ``expected_pct``, ``excess_pts``.

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        An empty table, a missing column, an unknown reason, an application without an outcome.

    Examples
    --------
    >>> import pandas as pd
    >>> grades = pd.DataFrame({"application_id": ["a", "b", "c", "d"], "model_grade": ["B", "B", "C", "B"],
    ...     "final_grade": ["B", "B", "B", "B"], "override_reason": [None, None, "strategic_customer", None]})
    >>> credit = pd.DataFrame({"application_id": ["a", "b", "c", "d"], "default_12m": [0, 1, 1, 0]})
    >>> override_effect(grades, credit)[["applications", "notches", "default_rate_pct"]].round(1)
                   applications  notches  default_rate_pct
    group
    none                      3      0.0              33.3
    commercial_up             1      1.0             100.0
    """
    if by not in ("group", "reason"):
        raise ValueError(f"by must be 'group' or 'reason', got {by!r}")
    m = _grades_outcome(grades, credit, id_col, target_col)
    rank = {g: i for i, g in enumerate(_GRADES)}
    m["notches"] = m["model_grade"].map(rank) - m["final_grade"].map(rank)
    m["group"] = m["override_reason"].map(_group)
    m["reason"] = m["override_reason"]
    base = m[m["group"] == "none"].groupby("model_grade")[target_col].mean()
    m["expected"] = m["model_grade"].map(base)
    key = by
    rows = m.dropna(subset=[key]) if by == "reason" else m
    out = rows.groupby(key).agg(
        applications=(target_col, "size"),
        notches=("notches", "mean"),
        defaults=(target_col, "sum"),
        default_rate_pct=(target_col, "mean"),
        expected_pct=("expected", "mean"),
    )
    out["default_rate_pct"] *= 100
    out["expected_pct"] *= 100
    out["excess_pts"] = out["default_rate_pct"] - out["expected_pct"]
    out["defaults"] = out["defaults"].astype(int)
    order = list(OVERRIDE_GROUPS) if by == "group" else list(CREDIT_OVERRIDE_REASONS)
    out = out.reindex([k for k in order if k in out.index])
    out.index.name = key
    return out


def apply_overrides(
    grades: pd.DataFrame, *, accept=("evidence_up", "evidence_down"), id_col: str = "application_id"
) -> pd.Series:
    """The final grade when only the accepted kinds of override stand (the others fall back to the model grade).

    Parameters
    ----------
    grades : DataFrame
        ``datasets.load_credit_grades()``.
    accept : list of str, default evidence up and down
        Override groups kept (keys of :data:`OVERRIDE_GROUPS` other than ``none``).
    id_col : str

    Returns
    -------
    Series
        Grade A-E per application (ordered categorical), indexed by ``id_col``.

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        An empty table, a missing column, an unknown group in ``accept``.

    Examples
    --------
    >>> import pandas as pd
    >>> grades = pd.DataFrame({"application_id": ["a", "b"], "model_grade": ["C", "B"],
    ...     "final_grade": ["B", "C"], "override_reason": ["strategic_customer", "legal_dispute"]})
    >>> apply_overrides(grades).tolist()
    ['C', 'C']
    """
    v.require_frame(grades, "grades")
    v.require_columns(grades, [id_col, "model_grade", "final_grade", "override_reason"], "grades")
    accept = list(accept)
    unknown = set(accept) - (set(OVERRIDE_GROUPS) - {"none"})
    if unknown:
        raise ValueError(
            f"accept has unknown override group(s) {sorted(unknown)}; known: commercial_up, evidence_up, evidence_down"
        )
    keep = grades["override_reason"].map(_group).isin(accept)
    out = grades["final_grade"].where(keep, grades["model_grade"])
    return pd.Series(
        pd.Categorical(out, categories=_GRADES, ordered=True),
        index=pd.Index(grades[id_col], name=id_col),
        name="grade",
    )
