"""Reading and validating the case tables: one schema (the data dictionary), one reader.

The CSV files are package data (``coursekit._data``, the ``datasets/`` folder of
the repository mapped into the package by ``pyproject.toml``), read through
:mod:`importlib.resources`, so an editable install and a normal wheel behave alike.
"""

from __future__ import annotations

import importlib.resources
import unicodedata
from pathlib import Path

import pandas as pd

from .. import _validate as v
from .. import i18n
from ._dictionary import (
    _ALLOWED,
    _FALSE,
    _FUTURE_OK,
    _NULLABLE,
    _RANGES,
    _TRUE,
    CORE_DICTIONARY,
    FUNNEL_STAGES,
    OBSERVATION_END,
)
from ._extensions import (
    _COST_VARIANTS,
    _EXT_ALLOWED,
    _EXT_FUTURE_OK,
    _EXT_NULLABLE,
    _EXT_RANGES,
    EXTENSION_DICTIONARY,
    FOREIGN_KEYS,
    HAND_WRITTEN,
)

_DATA_PACKAGE = "coursekit._data"
#: Folder of the case CSVs (``datasets/`` in the repository, ``coursekit/_data`` in an installed wheel).
DATA_DIR = Path(str(importlib.resources.files(_DATA_PACKAGE)))

#: Data dictionary: table -> title, Chinese title, description, key and columns
#: (column -> (kind, unit, meaning)). Kinds: str, int, Int64 (integer with gaps),
#: float, bool, date, datetime. ``datasets/README.md`` documents the same columns.
DATA_DICTIONARY: dict[str, dict] = {**CORE_DICTIONARY, **EXTENSION_DICTIONARY}
#: The ten core case tables (lessons 00-08), in the order lesson 00 shows them.
TABLES = tuple(CORE_DICTIONARY)
#: Every table that :func:`load` knows: the core tables, then the extension tables.
ALL_TABLES = tuple(DATA_DICTIONARY)
# Titles and one-line meanings of the tables, shown by accounts.table_overview (Chinese in the catalog).
i18n.define_names("table", {t: info["title"] for t, info in DATA_DICTIONARY.items()})
i18n.define_names("table_description", {t: info["description"] for t, info in DATA_DICTIONARY.items()})
_ALLOWED = {**_ALLOWED, **_EXT_ALLOWED}
_RANGES = {**_RANGES, **_EXT_RANGES}
_NULLABLE = {**_NULLABLE, **_EXT_NULLABLE}
_FUTURE_OK = {**_FUTURE_OK, **_EXT_FUTURE_OK}


def _source(table: str, path=None):
    """The file to read: ``path`` when given, else the packaged resource ``coursekit._data/<table>.csv``."""
    if path is not None:
        return Path(path)
    return importlib.resources.files(_DATA_PACKAGE) / f"{table}.csv"


def _read(table: str, path=None) -> pd.DataFrame:
    """Read, convert and validate one case table."""
    if table not in DATA_DICTIONARY:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(ALL_TABLES)}")
    source = _source(table, path)
    name = f"{table} file {source.name}"
    if not source.is_file():
        hint = (
            "it is written by hand and shipped with the course"
            if table in HAND_WRITTEN
            else "run `python datasets/generate.py` to create it"
        )
        raise FileNotFoundError(f"{name} not found at {source}; {hint}")
    try:
        with source.open("r", encoding="utf-8") as fh:
            raw = pd.read_csv(fh, dtype=str, keep_default_na=False, na_values=[""])
    except (pd.errors.ParserError, UnicodeDecodeError) as err:
        raise ValueError(f"{name} could not be read as a UTF-8 CSV: {err}") from None
    v.require_frame(raw, name)
    spec = DATA_DICTIONARY[table]["columns"]
    v.require_columns(raw, list(spec), name)
    nullable = _NULLABLE.get(table, set())
    end_of_day = OBSERVATION_END + pd.Timedelta(days=1) - pd.Timedelta(1, "ns")
    out = {}
    for col, (kind, _unit, _meaning) in spec.items():
        missing_ok = col in nullable
        try:
            out[col] = _convert(
                raw, col, kind, name, missing_ok, end=None if col in _FUTURE_OK.get(table, ()) else end_of_day
            )
        except TypeError as err:  # numeric_column reports non-numbers as TypeError; a bad file is a ValueError
            raise ValueError(str(err)) from None
    df = pd.DataFrame(out, index=raw.index)
    extra = [c for c in raw.columns if c not in spec]
    for col in extra:  # kept as read, never dropped silently
        df[col] = raw[col]
    for col, allowed in _ALLOWED.get(table, {}).items():
        values = df[col].dropna()
        bad = ~values.isin(allowed)
        if bad.any():
            raise ValueError(
                f"{name} column {col!r} has {int(bad.sum())} value(s) outside "
                f"{sorted(map(str, allowed))}, e.g. {values[bad].iloc[0]!r}"
            )
    for col, (low, high) in _RANGES.get(table, {}).items():
        values = df[col].dropna().astype(float)
        bad = (values < low) if low is not None else pd.Series(False, index=values.index)
        if high is not None:
            bad |= values > high
        if bad.any():
            span = f"{low}..{high}" if high is not None else f">= {low}"
            raise ValueError(
                f"{name} column {col!r} has {int(bad.sum())} value(s) outside {span}, e.g. {values[bad].iloc[0]:g}"
            )
    v.require_unique(df, DATA_DICTIONARY[table]["key"], name)
    _check_foreign_keys(df, table, name)
    _CHECKS.get(table, lambda df, name: None)(df, name)
    df.attrs["table"] = table
    return df


def _check_foreign_keys(df: pd.DataFrame, table: str, name: str) -> None:
    """Every id must exist in the shipped table it refers to (read as one text column, so it is quick)."""
    for col, (other, other_col) in FOREIGN_KEYS.get(table, {}).items():
        with _source(other).open("r", encoding="utf-8") as fh:
            known = pd.read_csv(fh, dtype=str, usecols=[other_col], keep_default_na=False)[other_col]
        bad = ~df[col].isin(set(known))
        if bad.any():
            raise ValueError(
                f"{name} column {col!r} has {int(bad.sum())} id(s) not found in {other}.{other_col}, "
                f"e.g. {df[col][bad].iloc[0]!r}"
            )


def _check_stages(df: pd.DataFrame, name: str) -> None:
    order = {s: i for i, s in enumerate(FUNNEL_STAGES)}
    idx = df["stage"].map(order)
    gaps = idx.groupby(df["opportunity_id"]).agg(lambda s: list(s) != list(range(len(s))))
    if gaps.any():
        raise ValueError(
            f"{name} column 'stage': opportunity {gaps.index[gaps][0]!r} does not run through the "
            f"stages in order from 'opportunity' ({int(gaps.sum())} opportunities)"
        )
    back = df["exited_date"] < df["entered_date"]
    if back.any():
        raise ValueError(f"{name} column 'exited_date' has {int(back.sum())} date(s) before 'entered_date'")


def _check_costs(df: pd.DataFrame, name: str) -> None:
    ok = [var in _COST_VARIANTS[act] for act, var in zip(df["activity"], df["variant"])]
    bad = ~pd.Series(ok, index=df.index)
    if bad.any():
        r = df[bad].iloc[0]
        raise ValueError(
            f"{name} column 'variant' has {int(bad.sum())} value(s) that do not fit their activity, "
            f"e.g. {r['variant']!r} for {r['activity']!r}"
        )


def _check_grades(df: pd.DataFrame, name: str) -> None:
    overridden = df["override_reason"].notna()
    partial = (df[["override_date", "approved_by"]].notna().ne(overridden, axis=0)).any(axis=1)
    same = (df["final_grade"] == df["model_grade"]).ne(~overridden)
    if partial.any() or same.any():
        raise ValueError(
            f"{name}: {int((partial | same).sum())} row(s) are inconsistent: an override needs "
            "override_reason, override_date and approved_by and changes the grade; without one, "
            "final_grade equals model_grade"
        )


_CHECKS = {"opportunity_stages": _check_stages, "cost_rates": _check_costs, "credit_grades": _check_grades}


def _convert(raw: pd.DataFrame, col: str, kind: str, name: str, missing_ok: bool, end) -> pd.Series:
    if kind in ("date", "datetime"):
        return v.date_column(raw, col, name, end=end, allow_missing=missing_ok)
    if kind == "float":
        return v.numeric_column(raw, col, name, allow_missing=missing_ok)
    if kind in ("int", "Int64"):
        values = v.numeric_column(raw, col, name, allow_missing=missing_ok or kind == "Int64")
        if kind == "int":
            v.require_no_missing(values.to_frame(col), col, name)
        frac = values.dropna() % 1 != 0
        if frac.any():
            raise ValueError(
                f"{name} column {col!r} must hold whole numbers; {int(frac.sum())} value(s) do not, "
                f"e.g. {values.dropna()[frac].iloc[0]:g}"
            )
        return values.astype("Int64" if kind == "Int64" else "int64")
    if kind == "bool":
        v.require_no_missing(raw, col, name)
        text = raw[col].str.strip()
        bad = ~text.isin(_TRUE | _FALSE)
        if bad.any():
            raise ValueError(
                f"{name} column {col!r} must be True/False; {int(bad.sum())} value(s) are not, "
                f"e.g. {raw[col][bad].iloc[0]!r}"
            )
        return text.isin(_TRUE).astype(bool)
    if not missing_ok:
        v.require_no_missing(raw, col, name)
    return raw[col].astype("str")


def load(name: str, *, path=None) -> pd.DataFrame:
    """Load a case table by name (one of :data:`ALL_TABLES`: the core and the extension tables).

    Parameters
    ----------
    name : str
        Table name, e.g. ``"orders"``.
    path : str or Path, optional
        Read this CSV instead of the shipped file (same columns).

    Returns
    -------
    DataFrame
        Typed and validated table; see :func:`describe` for the columns.

    Examples
    --------
    >>> from coursekit.datasets import load
    >>> load("kano").shape
    (2400, 5)
    >>> load("sales")
    Traceback (most recent call last):
    ...
    ValueError: unknown table 'sales'; choose one of customers, orders, tickets, survey, feedback, referrals, credit, receivables, opportunities, kano, ticket_handling, opportunity_stages, cost_rates, visits, engagement, trust, credit_grades, payment_excuses, feedback_holdout
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a table name such as 'orders', got {type(name).__name__}")
    return _read(name, path)


def describe(table: str | None = None) -> None:
    """Print the data dictionary: every column with its type, unit and meaning, in the language in use.

    In Chinese (``i18n.use("zh")``) the title, description, units and meanings come from the
    catalog; column names and types stay as in the code.

    Parameters
    ----------
    table : str, optional
        One table (see :data:`ALL_TABLES`); all tables when omitted.

    Examples
    --------
    >>> from coursekit.datasets import describe
    >>> describe("referrals")  # doctest: +NORMALIZE_WHITESPACE
    referrals.csv - Referral and dependency network (推荐与依存关系网络)
      One row per directed link between two customers. Key: source_id, target_id, relation
      source_id    str           Customer id at the start of the link
      target_id    str           Customer id at the end of the link
      relation     str           'referred': source introduced target as a new customer; 'depends_on': source buys through / depends on target (a channel partner)
      date         date          Date the link began (for 'referred': the target's acquired_date); may precede 2023
    """
    if table is not None and table not in DATA_DICTIONARY:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(ALL_TABLES)}")
    names = ALL_TABLES if table is None else (table,)
    for k, t in enumerate(names):
        info = DATA_DICTIONARY[t]
        if k:
            print()
        title = i18n.name("table", t)
        if i18n.get_language() == "en":  # the English dictionary names each table in both languages
            with i18n.language("zh"):
                title += f" ({i18n.name('table', t)})"
        print(f"{t}.csv - {title}")
        print(
            "  "
            + i18n._(
                "{description} Key: {key}",
                description=i18n.name("table_description", t),
                key=", ".join(info["key"]),
            )
        )
        width = max(len(c) for c in info["columns"]) + 1
        for col, (kind, unit, meaning) in info["columns"].items():
            typ = kind + (f" [{column_unit(unit)}]" if unit else "")
            print(f"  {col:<{width}}{_pad(typ, 14)}{column_meaning(meaning)}")


def column_meaning(meaning: str) -> str:
    """A column meaning of :data:`DATA_DICTIONARY` in the language in use (catalog context ``data_dictionary``).

    >>> with i18n.language("zh"):
    ...     column_meaning("Head count")
    '员工人数'
    """
    return i18n._(meaning, context="data_dictionary")


def column_unit(unit: str) -> str:
    """A unit of :data:`DATA_DICTIONARY` in the language in use ("CNY" -> "元"); ranges such as "0-10" stay.

    >>> with i18n.language("zh"):
    ...     column_unit("CNY"), column_unit("0-10")
    ('元', '0-10')
    """
    return i18n._(unit, context="unit") if unit else unit


def _pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal columns (a Chinese character takes two), then at least one space."""
    wide = sum(unicodedata.east_asian_width(ch) in "WF" for ch in text)
    return text + " " * max(width - len(text) - wide, 1)
