"""Plain-language descriptions of whatever object a learner passed as an answer.

Every function here is defensive: it never raises, whatever the object does in
``len()``, ``repr()`` or ``==``.
"""

from __future__ import annotations

import inspect
import numbers

import numpy as np
import pandas as pd

from .. import i18n

_MAX_REPR = 40


def safe_repr(value, limit: int = _MAX_REPR) -> str:
    """``repr(value)`` shortened to ``limit`` characters; never raises."""
    try:
        if isinstance(value, (float, np.floating)) and np.isfinite(value):
            text = f"{float(value):.6g}"
        elif isinstance(value, np.generic):
            text = repr(value.item())
        else:
            text = repr(value)
    except Exception:
        text = f"<{type(value).__name__}>"
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def plural(n: int, word: str, words: str | None = None) -> str:
    """``"1 row"``, ``"3 rows"``."""
    return f"{n} {word if n == 1 else (words or word + 's')}"


def _len(value):
    try:
        return len(value)
    except Exception:
        return None


def describe(value) -> str:
    """What the object is, for messages: "a DataFrame with 3 rows and 2 columns", "text '42'" ..."""
    try:
        return _describe(value)
    except Exception:
        return i18n._("an object of type {type_value___name}", type_value___name=type(value).__name__)


i18n.define_names("python_container", {"list": "list", "tuple": "tuple", "set": "set", "frozenset": "set"})


def _describe(value) -> str:
    if isinstance(value, pd.DataFrame):
        r, c = value.shape
        return i18n._(
            "a DataFrame with {plural_r_row} and {plural_c_column}",
            plural_r_row=plural(r, "row"),
            plural_c_column=plural(c, "column"),
            r=r,
            c=c,
        )
    if isinstance(value, pd.Series):
        return i18n._(
            "a Series with {plural_len_value_val}",
            plural_len_value_val=plural(len(value), "value"),
            len_value=len(value),
        )
    if isinstance(value, pd.Index):
        return i18n._(
            "an Index with {plural_len_value_lab}",
            plural_len_value_lab=plural(len(value), "label"),
            len_value=len(value),
        )
    if isinstance(value, (bool, np.bool_)):
        return i18n._("the True/False value {bool_value}", bool_value=bool(value))
    if isinstance(value, str):
        return i18n._("text {safe_repr_value}", safe_repr_value=safe_repr(value))
    if isinstance(value, (pd.Timedelta, np.timedelta64)):
        return i18n._("a time span (Timedelta)")
    if isinstance(value, (pd.Timestamp, np.datetime64)):
        return i18n._("a date (Timestamp)")
    if isinstance(value, numbers.Number) or isinstance(value, np.number):
        return i18n._("the number {safe_repr_value}", safe_repr_value=safe_repr(value))
    if isinstance(value, np.ndarray):
        return i18n._("a numpy array of shape {value_shape}", value_shape=value.shape)
    if isinstance(value, dict):
        return i18n._(
            "a dict with {plural_len_value_key}", plural_len_value_key=plural(len(value), "key"), len_value=len(value)
        )
    if isinstance(value, (list, tuple, set, frozenset)):
        kind = type(value).__name__
        zh = i18n.name("python_container", kind)
        return i18n._(
            "a {kind} with {plural_len_value_ite}",
            kind=kind,
            plural_len_value_ite=plural(len(value), "item"),
            len_value=len(value),
            zh=zh,
        )
    if inspect.isgenerator(value) or (hasattr(value, "__next__") and hasattr(value, "__iter__")):
        return i18n._("a generator (wrap it in list(...) to keep the values)")
    if callable(value):
        return i18n._("a function or method — did you forget the parentheses ()?")
    n = _len(value)
    if n is not None:
        return i18n._(
            "an object of type {type_value___name} with {plural_n_item}",
            type_value___name=type(value).__name__,
            plural_n_item=plural(n, "item"),
            n=n,
        )
    return i18n._("an object of type {type_value___name}", type_value___name=type(value).__name__)
