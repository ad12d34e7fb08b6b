"""Input validation shared by every public ``coursekit`` function.

Every check raises a ``TypeError`` (wrong kind of object) or a ``ValueError``
(right kind, wrong content) whose message names the table, the column and the
problem, so that a learner can fix the input without reading a traceback.

Where a function excludes or nets rows by rule (returns, cancellations, rows
with no repeat purchase ...), it calls :func:`note`: the message is issued as a
:class:`CourseKitDataNote` warning *and* kept on the result in
``result.attrs["notes"]``. Nothing is dropped silently.

Examples
--------
>>> import pandas as pd
>>> from coursekit._validate import require_columns
>>> require_columns(pd.DataFrame({"a": [1]}), ["a", "b"], name="orders")
Traceback (most recent call last):
...
ValueError: orders is missing column 'b' (columns present: 'a')
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd


class CourseKitDataNote(UserWarning):
    """Rows were excluded, netted or otherwise treated by rule; says how many and why."""


def note(message: str, result=None, *, stacklevel: int = 3) -> None:
    """Report a data treatment: a ``CourseKitDataNote`` warning plus ``result.attrs["notes"]``.

    Parameters
    ----------
    message : str
        What happened, with counts, e.g. ``"12 return lines (negative amount) netted into 9 orders"``.
    result : DataFrame or Series, optional
        Object returned to the user; the message is appended to its ``attrs["notes"]`` list.

    Examples
    --------
    >>> import pandas as pd, warnings
    >>> df = pd.DataFrame({"x": [1]})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     note("3 rows excluded: cancelled", df)
    >>> df.attrs["notes"]
    ['3 rows excluded: cancelled']
    """
    if result is not None:
        result.attrs.setdefault("notes", []).append(message)
    warnings.warn(message, CourseKitDataNote, stacklevel=stacklevel)


def _quote_list(items: Iterable) -> str:
    items = [repr(str(i)) for i in items]
    if len(items) > 12:
        items = items[:12] + ["..."]
    return ", ".join(items)


def require_frame(df, name: str = "data", *, allow_empty: bool = False) -> pd.DataFrame:
    """Check that ``df`` is a non-empty pandas DataFrame.

    Examples
    --------
    >>> require_frame([1, 2], name="orders")
    Traceback (most recent call last):
    ...
    TypeError: orders must be a pandas DataFrame, got list
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, got {type(df).__name__}")
    if not allow_empty and len(df) == 0:
        raise ValueError(f"{name} is empty: it has no rows")
    return df


def require_series(values, name: str = "values", *, allow_empty: bool = False) -> pd.Series:
    """Check that ``values`` is a pandas Series (non-empty unless ``allow_empty``).

    Examples
    --------
    >>> require_series(pd.Series([], dtype=float), name="revenue")
    Traceback (most recent call last):
    ...
    ValueError: revenue is empty: it has no values
    """
    if not isinstance(values, pd.Series):
        raise TypeError(f"{name} must be a pandas Series, got {type(values).__name__}")
    if not allow_empty and len(values) == 0:
        raise ValueError(f"{name} is empty: it has no values")
    return values


def require_columns(df: pd.DataFrame, columns: Sequence[str], name: str = "data") -> None:
    """Raise ``ValueError`` naming the first missing column.

    Examples
    --------
    >>> require_columns(pd.DataFrame({"date": []}), ["date"], name="orders")
    """
    for col in columns:
        if col not in df.columns:
            raise ValueError(f"{name} is missing column {col!r} (columns present: {_quote_list(df.columns)})")


def require_no_missing(df: pd.DataFrame, column: str, name: str = "data") -> None:
    """Raise ``ValueError`` when ``column`` has missing values (NaN/None/NaT).

    Examples
    --------
    >>> require_no_missing(pd.DataFrame({"customer_id": [1, None]}), "customer_id", "orders")
    Traceback (most recent call last):
    ...
    ValueError: orders column 'customer_id' has 1 missing value(s) (first at row 1)
    """
    missing = df[column].isna()
    if missing.any():
        first = df.index[missing.to_numpy()][0]
        raise ValueError(f"{name} column {column!r} has {int(missing.sum())} missing value(s) (first at row {first})")


def require_unique(df: pd.DataFrame, column: str | Sequence[str], name: str = "data") -> None:
    """Raise ``ValueError`` when the key column(s) repeat.

    Examples
    --------
    >>> require_unique(pd.DataFrame({"customer_id": [1, 1]}), "customer_id", "customers")
    Traceback (most recent call last):
    ...
    ValueError: customers column 'customer_id' has duplicated keys: 1 repeated value(s), e.g. 1
    """
    dup = df.duplicated(subset=column, keep="first")
    if dup.any():
        example = df.loc[dup, column].iloc[0]
        if isinstance(example, pd.Series):
            example = tuple(example)
        raise ValueError(
            f"{name} column {column!r} has duplicated keys: {int(dup.sum())} repeated value(s), e.g. {example}"
        )


def require_unique_index(obj, name: str = "data") -> None:
    """Raise ``ValueError`` when the index (customer ids) repeats."""
    dup = obj.index.duplicated()
    if dup.any():
        raise ValueError(
            f"{name} index has duplicated keys: {int(dup.sum())} repeated value(s), e.g. {obj.index[dup][0]!r}"
        )


def numeric_column(
    df: pd.DataFrame,
    column: str,
    name: str = "data",
    *,
    allow_negative: bool = True,
    allow_missing: bool = False,
) -> pd.Series:
    """Return ``df[column]`` as float, raising on non-numeric, missing or (optionally) negative values.

    Examples
    --------
    >>> numeric_column(pd.DataFrame({"amount": ["12", "x"]}), "amount", "orders")
    Traceback (most recent call last):
    ...
    TypeError: orders column 'amount' must be numeric; 1 value(s) are not numbers, e.g. 'x'
    >>> numeric_column(pd.DataFrame({"amount": [1, -2]}), "amount", "orders", allow_negative=False)
    Traceback (most recent call last):
    ...
    ValueError: orders column 'amount' must not be negative; 1 value(s) are, e.g. -2.0
    """
    raw = df[column]
    if pd.api.types.is_bool_dtype(raw):
        raise TypeError(f"{name} column {column!r} must be numeric, got booleans")
    if pd.api.types.is_numeric_dtype(raw):
        values = raw.astype(float)
    else:
        values = pd.to_numeric(raw, errors="coerce")
        bad = values.isna() & raw.notna()
        if bad.any():
            raise TypeError(
                f"{name} column {column!r} must be numeric; {int(bad.sum())} value(s) are not numbers, "
                f"e.g. {raw[bad].iloc[0]!r}"
            )
        values = values.astype(float)
    if not allow_missing:
        require_no_missing(values.to_frame(column), column, name)
    if np.isinf(values).any():
        raise ValueError(f"{name} column {column!r} has infinite values")
    if not allow_negative and (values < 0).any():
        neg = values[values < 0]
        raise ValueError(f"{name} column {column!r} must not be negative; {len(neg)} value(s) are, e.g. {neg.iloc[0]}")
    return values


def as_timestamp(value, name: str = "end") -> pd.Timestamp:
    """Parse one date (string, date, Timestamp) or raise a clear error.

    Examples
    --------
    >>> as_timestamp("2025-12-31")
    Timestamp('2025-12-31 00:00:00')
    >>> as_timestamp("31/31/2025")
    Traceback (most recent call last):
    ...
    ValueError: end could not be read as a date: '31/31/2025'
    """
    if value is None:
        raise TypeError(f"{name} is required: give a date such as '2025-12-31' (never 'today')")
    if isinstance(value, bool) or isinstance(value, (int, float, np.number)):
        raise TypeError(f"{name} must be a date such as '2025-12-31', got {type(value).__name__}")
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise ValueError(f"{name} could not be read as a date: {value!r}") from None
    if ts is pd.NaT:
        raise ValueError(f"{name} could not be read as a date: {value!r}")
    if ts.tzinfo is not None:
        ts = ts.tz_convert(None)
    return ts


def date_column(
    df: pd.DataFrame,
    column: str,
    name: str = "data",
    *,
    end: pd.Timestamp | None = None,
    allow_missing: bool = False,
) -> pd.Series:
    """Return ``df[column]`` as ``datetime64``; raise on unparseable dates or dates after ``end``.

    Examples
    --------
    >>> date_column(pd.DataFrame({"date": ["2025-01-02", "soon"]}), "date", "orders")
    Traceback (most recent call last):
    ...
    ValueError: orders column 'date' has 1 value(s) that are not dates, e.g. 'soon'
    >>> date_column(pd.DataFrame({"date": ["2026-01-02"]}), "date", "orders",
    ...             end=pd.Timestamp("2025-12-31"))
    Traceback (most recent call last):
    ...
    ValueError: orders column 'date' has 1 date(s) after the observation end 2025-12-31, e.g. 2026-01-02
    """
    raw = df[column]
    if pd.api.types.is_datetime64_any_dtype(raw):
        dates = raw
        if getattr(dates.dt, "tz", None) is not None:
            dates = dates.dt.tz_convert(None)
    else:
        if pd.api.types.is_numeric_dtype(raw) or pd.api.types.is_bool_dtype(raw):
            raise TypeError(f"{name} column {column!r} must hold dates (e.g. '2025-03-01'), got numbers")
        dates = pd.to_datetime(raw, errors="coerce", format="mixed")
        bad = dates.isna() & raw.notna()
        if bad.any():
            raise ValueError(
                f"{name} column {column!r} has {int(bad.sum())} value(s) that are not dates, e.g. {raw[bad].iloc[0]!r}"
            )
    dates = dates.astype("datetime64[ns]")
    if not allow_missing:
        require_no_missing(dates.to_frame(column), column, name)
    if end is not None:
        late = dates > end
        if late.any():
            raise ValueError(
                f"{name} column {column!r} has {int(late.sum())} date(s) after the observation end "
                f"{end.date()}, e.g. {dates[late].iloc[0].date()}"
            )
    return dates


def require_in_range(value, name: str, low=None, high=None, *, inclusive: bool = True) -> float:
    """Check a scalar parameter is a number within ``[low, high]`` (or open when ``inclusive=False``).

    Examples
    --------
    >>> require_in_range(1.2, "retention", 0, 1)
    Traceback (most recent call last):
    ...
    ValueError: retention must be between 0 and 1, got 1.2
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, np.number)):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    value = float(value)
    if np.isnan(value):
        raise ValueError(f"{name} must be a number, got NaN")
    too_low = low is not None and (value < low if inclusive else value <= low)
    too_high = high is not None and (value > high if inclusive else value >= high)
    if too_low or too_high:
        if low is not None and high is not None:
            span = f"between {low} and {high}" + ("" if inclusive else " (exclusive)")
        elif low is not None:
            span = f"{'at least' if inclusive else 'greater than'} {low}"
        else:
            span = f"{'at most' if inclusive else 'less than'} {high}"
        raise ValueError(f"{name} must be {span}, got {value:g}")
    return value
