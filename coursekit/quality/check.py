"""A general data-quality checker (数据质量检查): every problem of a table, counted, with examples.

Seven problems, each with one stated rule (lesson 03 uses it on a customer table, lesson 14 on
any table):

- ``missing_key``: the key is empty (NaN or blank text);
- ``duplicate_row``: a row repeats an earlier row in every column (the later copies count);
- ``duplicate_key``: a key repeats with different content (every row after the first counts);
- ``missing_value``: a required column is empty;
- ``inconsistent_spelling``: one value written in several ways (case, spaces, punctuation); the most
  frequent spelling is taken as right and every row with another spelling counts;
- ``impossible_date``: a date that cannot be read or lies outside the allowed range;
- ``wrong_unit``: a number outside its plausible range that lands inside it when multiplied or divided
  by a common unit factor (months vs days, 万元 vs 元);
- ``outlier``: a number outside its plausible range that no unit factor explains, or far outside
  the others (Tukey fences, k = 3, on the log scale, for positive columns without a range).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = ["PROBLEMS", "UNIT_FACTORS", "check_quality", "find_issues", "named"]

#: Problem keys in the order of the report, with their English names (Chinese in the catalog).
PROBLEMS = i18n.define_names(
    "quality_problem",
    column="problem",
    english={
        "missing_key": "Missing key",
        "duplicate_row": "Duplicate row",
        "duplicate_key": "Duplicate key",
        "missing_value": "Missing value",
        "inconsistent_spelling": "Inconsistent spelling",
        "impossible_date": "Impossible date",
        "wrong_unit": "Wrong unit",
        "outlier": "Outlier",
    },
)
#: Unit factors tried for ``wrong_unit``: weeks/days, months/years, months/days, per cent, thousands, 万.
UNIT_FACTORS = (7, 12, 30, 100, 1000, 10000)

_PUNCT = re.compile(r"[\s\.\,\-_·'\"()（），。、]+")


def _normalise(value) -> str:
    return _PUNCT.sub("", str(value)).casefold()


def _blank(series: pd.Series) -> pd.Series:
    return series.isna() | series.astype(str).str.strip().isin(["", "nan", "None", "NaT", "<NA>"])


def _issue(rows, column, problem, values, details) -> pd.DataFrame:
    return pd.DataFrame(
        {"row": list(rows), "column": column, "problem": problem, "value": list(values), "detail": list(details)}
    )


def find_issues(
    table: pd.DataFrame,
    *,
    key_col: str | None = None,
    required: tuple | list = (),
    spelling_cols: tuple | list = (),
    date_cols: tuple | list = (),
    date_range: tuple = ("1990-01-01", "2025-12-31"),
    ranges: dict | None = None,
    outlier_cols: tuple | list = (),
    factors: tuple = UNIT_FACTORS,
) -> pd.DataFrame:
    """Every problem found in ``table``, one row per problem cell (or row, for duplicates).

    Parameters
    ----------
    table : DataFrame
        The table to check; its index labels identify the rows in the result (e.g. row numbers).
    key_col : str, optional
        The key column: checked for missing keys and duplicate keys.
    required : list of str
        Columns that must not be empty (``missing_value``).
    spelling_cols : list of str
        Text columns checked for one value written in several ways.
    date_cols : list of str
        Date columns: a value that cannot be read as a date, or outside ``date_range``, is impossible.
    date_range : (first, last)
        Allowed dates, inclusive (default 1990-01-01 to the course's observation end 2025-12-31).
    ranges : dict, optional
        ``{column: (low, high)}``: the plausible range of a number, inclusive. Outside it, a value
        that one of ``factors`` brings inside is a ``wrong_unit``, any other an ``outlier``.
    outlier_cols : list of str
        Positive numeric columns without a known range: outliers by Tukey fences (k = 3) on log10.
    factors : tuple of numbers
        Unit factors tried for ``wrong_unit`` (multiplied and divided).

    Returns
    -------
    DataFrame
        Columns ``row`` (index label of ``table``), ``column``, ``problem`` (ordered categorical of
        the keys of :data:`PROBLEMS`), ``value`` (as found) and ``detail`` (the rule's finding, e.g.
        the spelling taken as right or the unit factor). Sorted by problem, then row.

    Raises
    ------
    TypeError
        ``table`` is not a DataFrame, or a ranged column is not numeric.
    ValueError
        An empty table or a column that is not in it.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"id": ["A", "B", "B"], "terms_days": [30, 2, 60]}, index=[1, 2, 3])
    >>> find_issues(t, key_col="id", ranges={"terms_days": (7, 180)})[["row", "problem", "detail"]]
       row        problem    detail
    0    3  duplicate_key  key B
    1    2     wrong_unit  x 30 = 60
    """
    name = "table"
    v.require_frame(table, name)
    ranges = dict(ranges or {})
    columns = [c for c in [key_col, *required, *spelling_cols, *date_cols, *ranges, *outlier_cols] if c is not None]
    v.require_columns(table, list(dict.fromkeys(columns)), name)
    labels = table.index
    table = table.reset_index(drop=True)  # rows by position here; labels put back at the end
    parts = []
    if key_col is not None:
        keys = table[key_col]
        blank = _blank(keys)
        parts.append(_issue(table.index[blank], key_col, "missing_key", keys[blank], [""] * int(blank.sum())))
    full_dup = table.duplicated(keep="first")
    parts.append(
        _issue(
            table.index[full_dup],
            "",
            "duplicate_row",
            [""] * int(full_dup.sum()),
            ["same as an earlier row"] * int(full_dup.sum()),
        )
    )
    if key_col is not None:
        keyed = table[~blank & ~full_dup]
        dup_key = keyed[key_col].duplicated(keep="first")
        parts.append(
            _issue(
                keyed.index[dup_key],
                key_col,
                "duplicate_key",
                keyed.loc[dup_key, key_col],
                [f"key {k}" for k in keyed.loc[dup_key, key_col]],
            )
        )
    for col in required:
        miss = _blank(table[col])
        parts.append(_issue(table.index[miss], col, "missing_value", table.loc[miss, col], [""] * int(miss.sum())))
    for col in spelling_cols:
        values = table[col][~_blank(table[col])].astype(str)
        norm = values.map(_normalise)
        for _, group in values.groupby(norm, sort=True):
            counts = group.value_counts(sort=False)
            if len(counts) < 2:
                continue
            # the most frequent spelling is taken as right; ties go to the first seen
            right = counts.index[int(np.argmax(counts.to_numpy()))]
            wrong = group[group != right]
            parts.append(_issue(wrong.index, col, "inconsistent_spelling", wrong, [f"{right!r}?"] * len(wrong)))
    lo, hi = (v.as_timestamp(d, "date_range") for d in date_range)
    for col in date_cols:
        raw = table[col]
        filled = ~_blank(raw)
        parsed = pd.to_datetime(raw.where(filled).astype(object), errors="coerce", format="mixed")
        unreadable = filled & parsed.isna()
        outside = parsed.notna() & ((parsed < lo) | (parsed > hi))
        details = np.where(unreadable, "not a date", np.where(parsed < lo, f"before {lo.date()}", f"after {hi.date()}"))
        bad = unreadable | outside
        parts.append(_issue(table.index[bad], col, "impossible_date", raw[bad], details[bad.to_numpy()]))
    for col, (low, high) in ranges.items():
        values = v.numeric_column(table, col, name, allow_missing=True)
        out = values.notna() & ((values < low) | (values > high))
        inside = values[values.notna() & ~out]
        typical = (
            float(inside.median()) if len(inside) and inside.median() > 0 else float(np.sqrt(max(low, 1e-9) * high))
        )
        for row, x in values[out].items():
            # of the unit factors that bring x into the range, the one closest to the typical value
            fits = [
                (abs(np.log10(y / typical)), f"{op} {f:g} = {y:g}")
                for f in factors
                for op, y in (("x", x * f), ("/", x / f))
                if low <= y <= high and x != 0
            ]
            fix = min(fits)[1] if fits else None
            problem = "outlier" if fix is None else "wrong_unit"
            parts.append(_issue([row], col, problem, [x], [fix or f"outside {low:g}-{high:g}"]))
    for col in outlier_cols:
        values = v.numeric_column(table, col, name, allow_missing=True)
        logs = np.log10(values[values > 0])
        q1, q3 = logs.quantile(0.25), logs.quantile(0.75)
        k = 3 * (q3 - q1)
        out = (logs < q1 - k) | (logs > q3 + k)
        rows = logs.index[out]
        parts.append(
            _issue(
                rows, col, "outlier", values[rows], [f"outside {10 ** (q1 - k):,.0f}-{10 ** (q3 + k):,.0f}"] * len(rows)
            )
        )
    issues = pd.concat(parts, ignore_index=True)
    keys = list(PROBLEMS)
    issues["problem"] = pd.Categorical(issues["problem"], categories=keys, ordered=True)
    issues = issues.sort_values(["problem", "row"], kind="stable").reset_index(drop=True)
    issues["row"] = labels[issues["row"].astype("int64").to_numpy()]
    return issues


def check_quality(table: pd.DataFrame, *, examples: int = 3, **rules) -> pd.DataFrame:
    """Count of each problem of ``table`` with the columns and examples: the checker's summary.

    Parameters
    ----------
    table : DataFrame
        The table to check.
    examples : int, default 3
        How many example rows to show per problem.
    **rules
        The rules of :func:`find_issues` (``key_col``, ``required``, ``spelling_cols``,
        ``date_cols``, ``date_range``, ``ranges``, ``outlier_cols``, ``factors``).

    Returns
    -------
    DataFrame
        Indexed by ``problem`` (ordered categorical, every problem of :data:`PROBLEMS`, 0 when
        none was found) with ``rows`` (how many rows have it), ``columns`` (the columns affected)
        and ``examples`` (``row: value`` for the first rows). ``attrs["issues"]`` holds the full
        list of :func:`find_issues`.

    Raises
    ------
    TypeError, ValueError
        As :func:`find_issues`; ``examples`` not a whole number from 1 to 20.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"id": ["A", "A", None], "city": ["Suzhou", "Suzhou", "suzhou "]})
    >>> check_quality(t, key_col="id", spelling_cols=["city"]).loc[["missing_key", "duplicate_row"]]
                   rows columns examples
    problem
    missing_key       1      id   2: nan
    duplicate_row     1               1
    """
    if isinstance(examples, bool) or not isinstance(examples, (int, np.integer)) or not 1 <= examples <= 20:
        raise ValueError(f"examples must be a whole number from 1 to 20, got {examples!r}")
    issues = find_issues(table, **rules)
    rows, cols, shown = [], [], []
    for key in PROBLEMS:
        part = issues[issues["problem"] == key]
        rows.append(int(part["row"].nunique()))
        cols.append(", ".join(dict.fromkeys(c for c in part["column"] if c)))
        first = part.drop_duplicates("row").head(examples)
        shown.append(
            "; ".join(
                f"{r}: {val}" if c else f"{r}" for r, c, val in zip(first["row"], first["column"], first["value"])
            )
        )
    index = pd.CategoricalIndex(list(PROBLEMS), categories=list(PROBLEMS), ordered=True, name="problem")
    out = pd.DataFrame({"rows": rows, "columns": cols, "examples": shown}, index=index)
    out.attrs["issues"] = issues
    return out


def named(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with every value that is a known key shown by its name (in the language in use); others as found.

    :func:`coursekit.display` names a column only when all its values are keys; a table with problems
    has values that are not (``east china``), so this shows the keys by name and leaves the rest alone,
    for the learner to see. Use it for showing only: check the table itself.

    Parameters
    ----------
    table : DataFrame
        A table of keys and raw values.

    Returns
    -------
    DataFrame
        A copy; in each text column, the values of the kind that holds most of them are replaced by names.

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        An empty table.

    Examples
    --------
    >>> import pandas as pd
    >>> from coursekit import accounts  # registers the region names
    >>> named(pd.DataFrame({"region": ["East China", "east china"]}))["region"].tolist()
    ['East China', 'east china']
    """
    v.require_frame(table, "table")
    out = table.copy()
    kinds = i18n.kinds()
    for col in out.columns:
        values = out[col]
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
            continue
        seen = set(values.dropna().astype(str))
        best = max(kinds, key=lambda k: len(seen & set(map(str, kinds[k]))), default=None)
        if best is None or not seen & set(map(str, kinds[best])):
            continue
        keys = {str(k): k for k in kinds[best]}
        out[col] = values.map(
            lambda x, keys=keys, kind=best: i18n.name(kind, keys[x]) if isinstance(x, str) and x in keys else x
        )
    return out
