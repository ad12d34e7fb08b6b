"""Plain-language descriptions of whatever object a learner passed as an answer.

Every function here is defensive: it never raises, whatever the object does in
``len()``, ``repr()`` or ``==``.
"""

from __future__ import annotations

import inspect
import numbers

import numpy as np
import pandas as pd

from ..i18n import tr

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
        return tr(f"an object of type {type(value).__name__}", f"一个 {type(value).__name__} 类型的对象")


def _describe(value) -> str:
    if isinstance(value, pd.DataFrame):
        r, c = value.shape
        return tr(f"a DataFrame with {plural(r, 'row')} and {plural(c, 'column')}", f"一个 {r} 行 {c} 列的 DataFrame")
    if isinstance(value, pd.Series):
        return tr(f"a Series with {plural(len(value), 'value')}", f"一个含 {len(value)} 个值的 Series")
    if isinstance(value, pd.Index):
        return tr(f"an Index with {plural(len(value), 'label')}", f"一个含 {len(value)} 个标签的 Index")
    if isinstance(value, (bool, np.bool_)):
        return tr(f"the True/False value {bool(value)}", f"布尔值 {bool(value)}")
    if isinstance(value, str):
        return tr(f"text {safe_repr(value)}", f"文本 {safe_repr(value)}")
    if isinstance(value, (pd.Timedelta, np.timedelta64)):
        return tr("a time span (Timedelta)", "一个时间间隔（Timedelta）")
    if isinstance(value, (pd.Timestamp, np.datetime64)):
        return tr("a date (Timestamp)", "一个日期（Timestamp）")
    if isinstance(value, numbers.Number) or isinstance(value, np.number):
        return tr(f"the number {safe_repr(value)}", f"数字 {safe_repr(value)}")
    if isinstance(value, np.ndarray):
        return tr(f"a numpy array of shape {value.shape}", f"一个形状为 {value.shape} 的 numpy 数组")
    if isinstance(value, dict):
        return tr(f"a dict with {plural(len(value), 'key')}", f"一个含 {len(value)} 个键的字典（dict）")
    if isinstance(value, (list, tuple, set, frozenset)):
        kind = type(value).__name__
        zh = {"list": "列表", "tuple": "元组", "set": "集合", "frozenset": "集合"}[kind]
        return tr(f"a {kind} with {plural(len(value), 'item')}", f"一个含 {len(value)} 个元素的{zh}（{kind}）")
    if inspect.isgenerator(value) or (hasattr(value, "__next__") and hasattr(value, "__iter__")):
        return tr("a generator (wrap it in list(...) to keep the values)", "一个生成器（用 list(...) 把值保存下来）")
    if callable(value):
        return tr(
            "a function or method — did you forget the parentheses ()?", "一个函数或方法 —— 是不是忘了加括号 ()？"
        )
    n = _len(value)
    if n is not None:
        return tr(
            f"an object of type {type(value).__name__} with {plural(n, 'item')}",
            f"一个含 {n} 个元素的 {type(value).__name__} 对象",
        )
    return tr(f"an object of type {type(value).__name__}", f"一个 {type(value).__name__} 类型的对象")
