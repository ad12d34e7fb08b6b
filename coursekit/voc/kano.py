"""Kano analysis (KANO 模型): the category of each answer pair, and per feature the better/worse coefficients.

The standard Kano evaluation table (Berger et al. 1993), functional answer in rows, dysfunctional
answer in columns, answers in the order like, must-be, neutral, live-with, dislike::

                  like  must-be  neutral  live-with  dislike
    like           Q      A        A         A          O
    must-be        R      I        I         I          M
    neutral        R      I        I         I          M
    live-with      R      I        I         I          M
    dislike        R      R        R         R          Q

A attractive, O one-dimensional, M must-be, I indifferent, R reverse, Q questionable.
"""

from __future__ import annotations

import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = ["KANO_CATEGORIES", "EVALUATION_TABLE", "evaluation_table", "kano_category", "kano_summary"]

#: Kano categories, in the tie-break order of :func:`kano_summary` (must-be first).
KANO_CATEGORIES = i18n.define_names(
    "kano_category",
    {
        "must_be": "Must-be quality",
        "one_dimensional": "One-dimensional quality",
        "attractive": "Attractive quality",
        "indifferent": "Indifferent quality",
        "reverse": "Reverse quality",
        "questionable": "Questionable answer",
    },
    column="category",
)
ANSWERS = ("like", "must-be", "neutral", "live-with", "dislike")
_ROWS = {
    "like": ("questionable", "attractive", "attractive", "attractive", "one_dimensional"),
    "must-be": ("reverse", "indifferent", "indifferent", "indifferent", "must_be"),
    "neutral": ("reverse", "indifferent", "indifferent", "indifferent", "must_be"),
    "live-with": ("reverse", "indifferent", "indifferent", "indifferent", "must_be"),
    "dislike": ("reverse", "reverse", "reverse", "reverse", "questionable"),
}
#: The evaluation table as a DataFrame: functional answer (rows) x dysfunctional answer (columns).
EVALUATION_TABLE = pd.DataFrame(_ROWS, index=list(ANSWERS)).T.rename_axis(index="functional", columns="dysfunctional")


def evaluation_table() -> pd.DataFrame:
    """The standard Kano evaluation table for reading: answers and categories as names in the language in use.

    Returns
    -------
    DataFrame
        Functional answer (rows) x dysfunctional answer (columns), each cell the category name;
        :data:`EVALUATION_TABLE` holds the same table with keys.

    Examples
    --------
    >>> evaluation_table().loc["I like it", "I dislike it"]
    'One-dimensional quality'
    """
    answers = i18n.names("kano_answer")
    table = EVALUATION_TABLE.apply(lambda col: col.map(lambda key: i18n.name("kano_category", key)))
    table = table.rename(index=answers, columns=answers)
    table.index.name, table.columns.name = i18n._("Functional answer"), i18n._("Dysfunctional answer")
    return table


def _answers(values, name: str) -> pd.Series:
    series = values if isinstance(values, pd.Series) else pd.Series([values])
    if series.isna().any():
        raise ValueError(f"{name} has {int(series.isna().sum())} missing answer(s)")
    text = series.astype(str).str.strip().str.lower()
    unknown = sorted(set(text) - set(ANSWERS))
    if unknown:
        raise ValueError(f"{name} has unknown answer(s) {unknown}; the answers are {', '.join(ANSWERS)}")
    return text


def kano_category(functional, dysfunctional):
    """The Kano category of a functional/dysfunctional answer pair, by the standard evaluation table.

    Parameters
    ----------
    functional : str or Series
        Answer to "if Yunfeng offers this, how do you feel?", coded as in ``kano.csv``: ``like``,
        ``must-be``, ``neutral``, ``live-with``, ``dislike``.
    dysfunctional : str or Series
        Answer to "if Yunfeng does not offer this, how do you feel?", same codes (same length
        and index as ``functional`` for Series).

    Returns
    -------
    str or Series
        One of ``attractive``, ``one_dimensional``, ``must_be``, ``indifferent``, ``reverse``,
        ``questionable``; a Series (categorical, same index) when a Series is given.

    Raises
    ------
    ValueError
        An unknown or missing answer, or Series of different lengths.
    TypeError
        An answer that is neither a str nor a Series.

    Examples
    --------
    >>> kano_category("like", "dislike"), kano_category("neutral", "dislike"), kano_category("like", "neutral")
    ('one_dimensional', 'must_be', 'attractive')
    >>> import pandas as pd
    >>> kano_category(pd.Series(["like", "dislike"]), pd.Series(["like", "like"])).tolist()
    ['questionable', 'reverse']
    """
    for value, name in ((functional, "functional"), (dysfunctional, "dysfunctional")):
        if not isinstance(value, (str, pd.Series)):
            raise TypeError(f"{name} must be a str or a pandas Series, got {type(value).__name__}")
    single = isinstance(functional, str) and isinstance(dysfunctional, str)
    f = _answers(functional, "functional")
    d = _answers(dysfunctional, "dysfunctional")
    if isinstance(functional, pd.Series) and isinstance(dysfunctional, pd.Series):
        if len(f) != len(d):
            raise ValueError(f"functional has {len(f)} answers but dysfunctional {len(d)}: give one pair per row")
        d.index = f.index
    elif isinstance(functional, pd.Series):
        d = pd.Series(d.iloc[0], index=f.index)
    elif isinstance(dysfunctional, pd.Series):
        f = pd.Series(f.iloc[0], index=d.index)
    column = {a: i for i, a in enumerate(ANSWERS)}
    cats = [_ROWS[a][column[b]] for a, b in zip(f, d)]
    if single:
        return cats[0]
    return pd.Series(pd.Categorical(cats, categories=list(KANO_CATEGORIES)), index=f.index, name="category")


def kano_summary(
    answers: pd.DataFrame,
    *,
    feature_col: str = "feature",
    functional_col: str = "functional",
    dysfunctional_col: str = "dysfunctional",
) -> pd.DataFrame:
    """One row per feature: answers per Kano category, the most frequent category, better and worse.

    Parameters
    ----------
    answers : DataFrame
        One row per respondent and feature (``kano.csv``).
    feature_col, functional_col, dysfunctional_col : str
        Column names.

    Returns
    -------
    DataFrame
        Indexed by feature (in order of first appearance): the counts ``must_be``,
        ``one_dimensional``, ``attractive``, ``indifferent``, ``reverse``, ``questionable``,
        ``respondents``; ``category`` (the most frequent category; a tie goes to the first in the
        order must-be, one-dimensional, attractive, indifferent, reverse, questionable);
        ``better`` = (A + O) / (A + O + M + I) and ``worse`` = −(O + M) / (A + O + M + I).
        Reverse and questionable answers count in neither coefficient (NaN when A + O + M + I = 0).

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        Empty table, missing column, unknown answer.

    Examples
    --------
    >>> import pandas as pd
    >>> a = pd.DataFrame({"feature": ["f"] * 4, "functional": ["like", "like", "neutral", "dislike"],
    ...                   "dysfunctional": ["dislike", "neutral", "dislike", "dislike"]})
    >>> s = kano_summary(a)
    >>> s.loc["f", ["one_dimensional", "attractive", "must_be", "questionable"]].tolist()
    [1, 1, 1, 1]
    >>> float(round(s.loc["f", "better"], 3)), float(round(s.loc["f", "worse"], 3)), s.loc["f", "category"]
    (0.667, -0.667, 'must_be')
    """
    v.require_frame(answers, "answers")
    v.require_columns(answers, [feature_col, functional_col, dysfunctional_col], "answers")
    v.require_no_missing(answers, feature_col, "answers")
    cats = kano_category(answers[functional_col], answers[dysfunctional_col])
    features = pd.Index(pd.unique(answers[feature_col]), name=feature_col)
    counts = (
        pd.crosstab(answers[feature_col].to_numpy(), cats.to_numpy())
        .reindex(index=features, columns=list(KANO_CATEGORIES), fill_value=0)
        .astype(int)
    )
    counts.index.name, counts.columns.name = feature_col, None
    out = counts.copy()
    out["respondents"] = counts.sum(axis=1)
    out["category"] = pd.Categorical(counts.idxmax(axis=1), categories=list(KANO_CATEGORIES))
    a, o, m, i = (counts[k] for k in ("attractive", "one_dimensional", "must_be", "indifferent"))
    base = (a + o + m + i).where(lambda s: s > 0)
    out["better"] = (a + o) / base
    out["worse"] = -(o + m) / base
    return out
