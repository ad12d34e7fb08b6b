"""Net Promoter Score (净推荐值, NPS): the score, its confidence interval and NPS by group."""

from __future__ import annotations

from statistics import NormalDist

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = ["NPS_GROUPS", "nps", "nps_by", "nps_group", "nps_interval", "survey_table"]

#: NPS groups by the answer to "How likely are you to recommend us?" (0-10), best first.
NPS_GROUPS = i18n.define_names(
    "nps_group",
    column="nps_group",
    english={"promoter": "Promoters (9-10)", "passive": "Passives (7-8)", "detractor": "Detractors (0-6)"},
)
#: Columns that :func:`survey_table` adds and :func:`nps_by` groups by, with their names (chart labels).
DIMENSIONS = {
    "year": i18n.N_("Survey year"),
    "nps_group": i18n.N_("NPS group"),
    "company_name": i18n.N_("Company"),
    "customer_type": i18n.N_("Customer type"),
    "size": i18n.N_("Company size"),
    "region": i18n.N_("Sales region"),
    "industry": i18n.N_("Industry"),
    "account_manager": i18n.N_("Account manager"),
}
#: Customer columns that :func:`survey_table` joins to the answers (those present are taken).
CUSTOMER_COLUMNS = ("company_name", "customer_type", "size", "region", "industry", "account_manager")


def _scores(scores, score_col: str, name: str = "scores") -> pd.Series:
    """The 0-10 answers as floats: a Series, or the ``score_col`` column of a DataFrame; blanks left out (noted)."""
    if isinstance(scores, pd.DataFrame):
        v.require_frame(scores, name)
        v.require_columns(scores, [score_col], name)
        values, label = scores[score_col], f"{name} column {score_col!r}"
    elif isinstance(scores, pd.Series):
        v.require_series(scores, name)
        values, label = scores, name
    else:
        raise TypeError(f"{name} must be a pandas Series or DataFrame, got {type(scores).__name__}")
    numbers = v.numeric_column(values.to_frame("score"), "score", label, allow_missing=True)
    missing = int(numbers.isna().sum())
    numbers = numbers.dropna()
    if numbers.empty:
        raise ValueError(f"{label} has no values: every answer is blank")
    bad = numbers[(numbers < 0) | (numbers > 10)]
    if len(bad):
        raise ValueError(
            f"{label} must hold answers from 0 to 10; {len(bad)} value(s) are outside, e.g. {bad.iloc[0]:g}"
        )
    bad = numbers[numbers % 1 != 0]
    if len(bad):
        raise ValueError(
            f"{label} must hold whole numbers (the 0-10 scale has no halves); {len(bad)} value(s) are not, "
            f"e.g. {bad.iloc[0]:g}"
        )
    if missing:
        v.note(i18n._("{n} blank answer(s) left out of the NPS", n=missing), stacklevel=4)
    return numbers


def nps_group(scores, *, score_col: str = "nps_score") -> pd.Series:
    """The NPS group of each answer: promoter (9-10), passive (7-8) or detractor (0-6).

    Parameters
    ----------
    scores : Series or DataFrame
        Answers to "How likely are you to recommend us?" on the 0-10 scale, or a table with
        them in ``score_col``.
    score_col : str, default "nps_score"
        Column of the answers when ``scores`` is a DataFrame.

    Returns
    -------
    Series
        Ordered categorical of the keys ``promoter``, ``passive``, ``detractor`` (names with
        ``coursekit.display``), on the index of the answers; blank answers are left out (noted).

    Raises
    ------
    TypeError
        Not a Series or DataFrame, or answers that are not numbers.
    ValueError
        Empty input, answers outside 0-10 or not whole numbers.

    Examples
    --------
    >>> import pandas as pd
    >>> nps_group(pd.Series([10, 8, 3])).tolist()
    ['promoter', 'passive', 'detractor']
    """
    numbers = _scores(scores, score_col)
    keys = np.select([numbers >= 9, numbers >= 7], ["promoter", "passive"], default="detractor")
    return pd.Series(
        pd.Categorical(keys, categories=list(NPS_GROUPS), ordered=True), index=numbers.index, name="nps_group"
    )


def nps(scores, *, score_col: str = "nps_score") -> float:
    """Net Promoter Score (净推荐值): % promoters (9-10) minus % detractors (0-6), from -100 to 100.

    Parameters
    ----------
    scores : Series or DataFrame
        Answers to "How likely are you to recommend us?" on the 0-10 scale (whole numbers), or
        a table with them in ``score_col``. Blank answers are left out (noted).
    score_col : str, default "nps_score"
        Column of the answers when ``scores`` is a DataFrame.

    Returns
    -------
    float
        The NPS in points: 100 means every respondent is a promoter, -100 every one a detractor.

    Raises
    ------
    TypeError
        Not a Series or DataFrame, or answers that are not numbers.
    ValueError
        Empty input, answers outside 0-10, or answers that are not whole numbers.

    Examples
    --------
    >>> import pandas as pd
    >>> nps(pd.Series([10, 9, 8, 7, 6, 0]))  # (2 promoters - 2 detractors) / 6 answers
    0.0
    >>> round(nps(pd.Series([10, 10, 9, 5])), 1)  # 75 % - 25 %
    50.0
    """
    numbers = _scores(scores, score_col)
    return float(100.0 * ((numbers >= 9).mean() - (numbers <= 6).mean()))


def nps_interval(scores, level: float = 0.95, *, score_col: str = "nps_score") -> pd.Series:
    """NPS with a confidence interval from the variance of the promoter-minus-detractor difference.

    Method (normal approximation, a Wald interval): with n answers, promoter share p and
    detractor share d, each answer scores +1 (promoter), 0 (passive) or -1 (detractor); NPS is
    100 x their mean p - d, and its variance is Var = (p + d - (p - d)^2) / n. The interval is
    NPS +/- z x 100 x sqrt(Var), z the normal quantile of ``level``, cut at -100 and 100. The
    answers are assumed to be a random sample of the customers; with few answers (under about
    30) or an NPS near +/-100 the approximation is rough.

    Parameters
    ----------
    scores : Series or DataFrame
        Answers on the 0-10 scale, or a table with them in ``score_col``.
    level : float, default 0.95
        Confidence level, between 0 and 1 (exclusive).
    score_col : str, default "nps_score"
        Column of the answers when ``scores`` is a DataFrame.

    Returns
    -------
    Series
        ``responses`` (n), ``nps``, ``std_error`` (points), ``margin`` (z x std_error, points),
        ``low`` and ``high`` (points).

    Raises
    ------
    TypeError
        Not a Series or DataFrame, answers or ``level`` not numbers.
    ValueError
        Empty input, answers outside 0-10 or not whole numbers, ``level`` not in (0, 1).

    Examples
    --------
    >>> import pandas as pd
    >>> nps_interval(pd.Series([10, 9, 8, 7, 6, 0])).round(2)
    responses     6.00
    nps           0.00
    std_error    33.33
    margin       65.33
    low         -65.33
    high         65.33
    dtype: float64
    """
    v.require_in_range(level, "level", 0, 1, inclusive=False)
    numbers = _scores(scores, score_col)
    return _interval(numbers, level)


def _interval(numbers: pd.Series, level: float) -> pd.Series:
    n = len(numbers)
    p = float((numbers >= 9).mean())
    d = float((numbers <= 6).mean())
    score = 100.0 * (p - d)
    std_error = 100.0 * np.sqrt(max(p + d - (p - d) ** 2, 0.0) / n)
    margin = NormalDist().inv_cdf(0.5 + level / 2) * std_error
    return pd.Series(
        {
            "responses": float(n),
            "nps": score,
            "std_error": std_error,
            "margin": margin,
            "low": max(score - margin, -100.0),
            "high": min(score + margin, 100.0),
        }
    )


def nps_by(survey: pd.DataFrame, by, *, score_col: str = "nps_score", level: float = 0.95) -> pd.DataFrame:
    """NPS per group (segment, year ...), with the group's shares and confidence interval.

    Parameters
    ----------
    survey : DataFrame
        One row per answer, e.g. :func:`survey_table` (which adds ``year`` and customer columns).
    by : str or list of str
        Column(s) to group by, e.g. ``"year"`` or ``["customer_type", "year"]``.
    score_col : str, default "nps_score"
        Column of the 0-10 answers.
    level : float, default 0.95
        Confidence level of the interval (method in :func:`nps_interval`).

    Returns
    -------
    DataFrame
        One row per group (indexed by ``by``): ``responses``, ``promoters_pct``,
        ``passives_pct``, ``detractors_pct`` (% of the group's answers), ``nps``, ``low`` and
        ``high`` (points).

    Raises
    ------
    TypeError
        Not a DataFrame, answers not numbers.
    ValueError
        An empty table, a missing column (named), missing group values, answers outside 0-10
        or not whole numbers.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({"year": [2024, 2024, 2025, 2025], "nps_score": [10, 3, 9, 9]})
    >>> nps_by(answers, "year")[["responses", "nps"]]  # doctest: +NORMALIZE_WHITESPACE
          responses    nps
    year
    2024          2    0.0
    2025          2  100.0
    """
    v.require_frame(survey, "survey")
    columns = [by] if isinstance(by, str) else list(by)
    if not columns:
        raise ValueError("by must name at least one column, e.g. 'year'")
    v.require_columns(survey, columns + [score_col], "survey")
    for col in columns:
        v.require_no_missing(survey, col, "survey")
    v.require_in_range(level, "level", 0, 1, inclusive=False)
    numbers = _scores(survey, score_col, "survey")
    table = survey.loc[numbers.index, columns].assign(_score=numbers)
    rows = {}
    for key, group in table.groupby(columns if len(columns) > 1 else columns[0], observed=True, sort=True):
        scores = group["_score"]
        interval = _interval(scores, level)
        rows[key] = {
            "responses": int(len(scores)),
            "promoters_pct": 100.0 * float((scores >= 9).mean()),
            "passives_pct": 100.0 * float(((scores >= 7) & (scores <= 8)).mean()),
            "detractors_pct": 100.0 * float((scores <= 6).mean()),
            "nps": interval["nps"],
            "low": interval["low"],
            "high": interval["high"],
        }
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index = (
        pd.MultiIndex.from_tuples(out.index, names=columns) if len(columns) > 1 else out.index.rename(columns[0])
    )
    return out


def survey_table(survey: pd.DataFrame, customers: pd.DataFrame | None = None, *, date_col: str = "survey_date"):
    """The survey answers with ``year``, ``nps_group`` and the customer's type, size, region ... joined.

    Parameters
    ----------
    survey : DataFrame
        One row per answer with ``customer_id``, ``date_col`` and ``nps_score``.
    customers : DataFrame, optional
        One row per customer (``customer_id`` and any of company_name, customer_type, size,
        region, industry, account_manager); those columns are joined to each answer.
    date_col : str, default "survey_date"
        Column of the answer date.

    Returns
    -------
    DataFrame
        The answers (same rows and index) with ``year`` (int), ``nps_group`` (ordered
        categorical of keys) and the customer columns.

    Raises
    ------
    TypeError
        Not a DataFrame, dates or answers of the wrong type.
    ValueError
        An empty table, a missing column (named), a survey customer not in ``customers``.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({"customer_id": ["C1"], "survey_date": ["2025-06-03"], "nps_score": [9]})
    >>> table = survey_table(answers, pd.DataFrame({"customer_id": ["C1"], "size": ["small"]}))
    >>> table[["year", "nps_group", "size"]].iloc[0].astype(str).tolist()
    ['2025', 'promoter', 'small']
    """
    v.require_frame(survey, "survey")
    v.require_columns(survey, ["customer_id", date_col, "nps_score"], "survey")
    dates = v.date_column(survey, date_col, "survey")
    out = survey.copy()
    out[date_col] = dates
    out["year"] = dates.dt.year.astype("int64")
    out["nps_group"] = nps_group(survey["nps_score"], score_col="nps_score").reindex(out.index)
    if customers is not None:
        v.require_frame(customers, "customers")
        v.require_columns(customers, ["customer_id"], "customers")
        v.require_unique(customers, "customer_id", "customers")
        lookup = customers.set_index("customer_id")
        unknown = ~out["customer_id"].isin(lookup.index)
        if unknown.any():
            raise ValueError(
                f"survey has {int(unknown.sum())} answer(s) from customers not in customers, "
                f"e.g. {out.loc[unknown, 'customer_id'].iloc[0]!r}"
            )
        for col in CUSTOMER_COLUMNS:
            if col in lookup.columns:
                out[col] = lookup[col].reindex(out["customer_id"]).to_numpy()
    return out
