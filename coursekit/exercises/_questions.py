"""Question kinds: how each kind of answer is compared with the reference.

A question bank (``coursekit/questions/<module>.py``) builds a list of these
objects. The reference answer is a *callable* computed with ``coursekit`` on the
committed data; it is evaluated on first use and cached. Every ``compare`` returns
``(status, reason)`` with status ``"correct"``, ``"incorrect"`` or ``"invalid"``;
:meth:`Question.evaluate` wraps it so that nothing ever raises.
"""

from __future__ import annotations

import math
import numbers
import re
import warnings
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd

from ..i18n import tr
from ._describe import describe, plural, safe_repr

CORRECT, INCORRECT, INVALID, UNANSWERED = "correct", "incorrect", "invalid", "unanswered"
STATUSES = (CORRECT, INCORRECT, UNANSWERED, INVALID)

Text = tuple[str, str]  # (english, chinese)
_ID_RE = re.compile(r"^[A-Za-z0-9_.-]+$")


def _text(value, what: str) -> Text:
    if isinstance(value, str):
        return (value, value)
    if isinstance(value, (tuple, list)) and len(value) == 2 and all(isinstance(v, str) and v.strip() for v in value):
        return (value[0], value[1])
    raise TypeError(f"{what} must be a pair of non-empty strings (english, chinese), got {value!r}")


class Question:
    """One question of a bank: id, prompt, reference answer, hints.

    Parameters
    ----------
    qid : str
        Short id used in notebooks, e.g. ``"q1"``.
    prompt : (str, str)
        Short prompt in English and Chinese.
    expected : callable
        Function of no arguments returning the reference answer, computed with
        ``coursekit`` on the committed data. Called once, on the first check.
    hints : sequence of (str, str)
        Progressive hints (2–3), English and Chinese, from gentle to specific.
    """

    kind = "question"

    def __init__(self, qid: str, *, prompt, expected, hints: Sequence = ()):
        if not isinstance(qid, str) or not _ID_RE.match(qid):
            raise ValueError(f"question id must be a short name such as 'q1', got {qid!r}")
        self.qid = qid
        self.prompt = _text(prompt, f"{qid}: prompt")
        self.hints = tuple(_text(h, f"{qid}: hint {i + 1}") for i, h in enumerate(hints))
        self._expected = expected
        self._cache: list = []

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.qid!r})"

    def prompt_text(self) -> str:
        return tr(*self.prompt)

    def hint_texts(self) -> list[str]:
        return [tr(*h) for h in self.hints]

    def expected(self):
        """The reference answer (computed on first use, then cached)."""
        if not self._cache:
            # Data notes / warnings of the reference computation are not the learner's business:
            # they would show up in the check cell's output.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                value = self._expected() if callable(self._expected) else self._expected
                self._cache.append(self.prepare_expected(value))
        return self._cache[0]

    def prepare_expected(self, value):
        return value

    def evaluate(self, answer) -> tuple[str, str]:
        """Compare ``answer`` with the reference; never raises."""
        if answer is None or answer is Ellipsis:
            return UNANSWERED, ""
        try:
            expected = self.expected()
        except Exception as exc:  # an authoring problem, not the learner's
            return INVALID, tr(
                f"this question cannot be checked right now: the reference answer failed "
                f"({type(exc).__name__}: {safe_repr(str(exc), 80)}). Please tell your instructor.",
                f"暂时无法检查此题：参考答案计算失败（{type(exc).__name__}: {safe_repr(str(exc), 80)}）。请告诉讲师。",
            )
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # e.g. RuntimeWarning comparing odd values: no stderr
                status, reason = self.compare(answer, expected)
        except Exception:
            return INVALID, tr(
                f"your answer could not be compared: got {describe(answer)}.",
                f"无法比较你的答案：得到的是{describe(answer)}。",
            )
        return status, reason.replace("?.", "?").replace("？。", "？")

    def compare(self, answer, expected) -> tuple[str, str]:  # pragma: no cover - abstract
        raise NotImplementedError


# --------------------------------------------------------------------------- numeric
def _fmt(x: float) -> str:
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    return f"{x:.6g}"


def _as_number(answer):
    """Return ``(float, None)`` or ``(None, reason)`` for a learner's numeric answer."""
    value = answer
    if isinstance(value, pd.DataFrame):
        if value.shape == (1, 1):
            value = value.iloc[0, 0]
        else:
            return None, tr(
                f"expected a number, got {describe(answer)} — select one value with .loc[row, column].",
                f"需要一个数字，得到的是{describe(answer)} —— 用 .loc[行, 列] 取出一个值。",
            )
    elif isinstance(value, (pd.Series, pd.Index, np.ndarray)):
        size = value.size
        if size == 1:
            value = value.iloc[0] if isinstance(value, pd.Series) else np.asarray(value).reshape(-1)[0]
        elif size == 0:
            return None, tr(
                f"expected a number, got {describe(answer)} (empty) — your selection matched nothing.",
                f"需要一个数字，得到的是{describe(answer)}（为空）—— 你的筛选条件没有选中任何值。",
            )
        else:
            return None, tr(
                f"expected a number, got {describe(answer)} — pick one value with .loc[...] "
                f"or summarise them (e.g. .sum(), .mean()).",
                f"需要一个数字，得到的是{describe(answer)} —— 用 .loc[...] 取出一个值，"
                f"或做汇总（例如 .sum()、.mean()）。",
            )
    if isinstance(value, (bool, np.bool_)):
        return None, tr(f"expected a number, got {describe(value)}.", f"需要一个数字，得到的是{describe(value)}。")
    if value is pd.NA or value is pd.NaT or value is None:
        return None, tr(
            "your answer is a missing value (NA) — check for missing data.", "你的答案是缺失值（NA）—— 请检查缺失数据。"
        )
    if isinstance(value, str):
        return None, tr(
            f"expected a number, got {describe(value)} — remove the quotes.",
            f"需要一个数字，得到的是{describe(value)} —— 去掉引号。",
        )
    if isinstance(value, (pd.Timedelta, np.timedelta64)):
        return None, tr(
            "expected a number, got a time span (Timedelta) — use .days to get the number of days.",
            "需要一个数字，得到的是时间间隔（Timedelta）—— 用 .days 取天数。",
        )
    if isinstance(value, (complex, np.complexfloating)):
        return None, tr(f"expected a real number, got {describe(value)}.", f"需要一个实数，得到的是{describe(value)}。")
    if isinstance(value, (numbers.Real, np.integer, np.floating, Decimal, Fraction)):
        return float(value), None
    return None, tr(f"expected a number, got {describe(answer)}.", f"需要一个数字，得到的是{describe(answer)}。")


class NumericQuestion(Question):
    """A single number; correct when ``|answer - expected| <= max(atol, rtol * |expected|)``.

    Accepts ints, floats, numpy scalars, Decimals and one-element Series / arrays /
    1×1 DataFrames. ``rtol`` defaults to 1e-6 (an answer may be rounded to 6 significant
    digits); give a larger ``rtol`` or ``atol`` when the prompt asks for rounding.
    """

    kind = "numeric"

    def __init__(self, qid, *, prompt, expected, hints=(), rtol: float = 1e-6, atol: float = 1e-9):
        super().__init__(qid, prompt=prompt, expected=expected, hints=hints)
        if rtol < 0 or atol < 0:
            raise ValueError(f"{qid}: rtol and atol must not be negative")
        self.rtol, self.atol = float(rtol), float(atol)

    def prepare_expected(self, value):
        number, reason = _as_number(value)
        if number is None:
            raise TypeError(f"reference answer of {self.qid} is not a number: {describe(value)}")
        return number

    def compare(self, answer, expected):
        value, reason = _as_number(answer)
        if value is None:
            return INVALID, reason
        if math.isnan(value):
            return INCORRECT, tr(
                "your answer is NaN (not a number) — a missing value or a division by zero "
                "crept in; check the rows you used.",
                "你的答案是 NaN（非数字）—— 可能混入了缺失值或除以零；检查你用到的行。",
            )
        if math.isinf(value):
            return INCORRECT, tr(
                "your answer is infinite — probably a division by zero.", "你的答案是无穷大 —— 很可能除以了零。"
            )
        if abs(value - expected) <= max(self.atol, self.rtol * abs(expected)):
            return CORRECT, ""
        shown = _fmt(value)
        if expected != 0:
            ratio = value / expected
            for factor, applies, en, zh in (
                (
                    100.0,
                    abs(expected) <= 1,
                    "as a percentage; give it as a fraction (e.g. 0.25, not 25)",
                    "写成了百分数；请写成小数（例如 0.25，而不是 25）",
                ),
                (
                    0.01,
                    abs(value) <= 1,
                    "as a fraction; give it as a percentage (e.g. 25, not 0.25)",
                    "写成了小数；请写成百分数（例如 25，而不是 0.25）",
                ),
                (-1.0, True, "with the wrong sign", "正负号反了"),
            ):
                if applies and abs(ratio - factor) <= max(self.rtol, 1e-9) * abs(factor):
                    return INCORRECT, tr(
                        f"your value {shown} looks like the right number {en}.",
                        f"你的值 {shown} 看起来是正确的数，但{zh}。",
                    )
            if abs(ratio - 1) <= 0.01:
                return INCORRECT, tr(
                    f"your value {shown} is close but not within the tolerance — "
                    f"check rounding (don't round intermediate results) and the rows you used.",
                    f"你的值 {shown} 很接近但不在容差之内 —— 检查取整（不要对中间结果取整）以及你用到的行。",
                )
        direction = tr("too high", "偏大") if value > expected else tr("too low", "偏小")
        return INCORRECT, tr(f"your value {shown} is {direction}.", f"你的值 {shown} {direction}。")


# --------------------------------------------------------------------------- choice
def _norm(s) -> str:
    return " ".join(str(s).split()).casefold()


class ChoiceQuestion(Question):
    """Multiple choice: one option (``expected="B"``) or several (``expected={"A", "C"}``).

    ``options`` lists the allowed options (e.g. ``"ABCD"`` or ``["recency", "frequency"]``).
    Answers are case- and whitespace-insensitive; for multi-select a learner may give a
    set/list/tuple of options or a string such as ``"A, C"`` (or ``"AC"`` when all options
    are single letters).
    """

    kind = "choice"

    def __init__(self, qid, *, prompt, options: Iterable[str], expected, hints=()):
        super().__init__(qid, prompt=prompt, expected=expected, hints=hints)
        self.options = tuple(str(o).strip() for o in options)
        if len(self.options) < 2:
            raise ValueError(f"{qid}: a choice question needs at least two options")
        self._canon = {_norm(o): o for o in self.options}
        if len(self._canon) != len(self.options):
            raise ValueError(f"{qid}: options must be distinct (ignoring case and spaces)")

    def prepare_expected(self, value):
        items = [value] if isinstance(value, str) else list(value)
        chosen = set()
        for item in items:
            key = _norm(item)
            if key not in self._canon:
                raise ValueError(f"reference answer {item!r} of {self.qid} is not one of the options {self.options}")
            chosen.add(self._canon[key])
        return (isinstance(value, str), frozenset(chosen))

    def _options_text(self) -> str:
        return ", ".join(self.options)

    def _parse(self, answer, single: bool):
        """Learner's answer as a set of canonical options, or ``(None, reason)``."""
        if isinstance(answer, (bool, np.bool_)) or not (
            isinstance(answer, (str, int, np.integer, list, tuple, set, frozenset))
        ):
            return None, tr(
                f"expected {'an option' if single else 'one or more options'} such as "
                f'"{self.options[0]}", got {describe(answer)}.',
                f'需要{"一个选项" if single else "一个或多个选项"}，例如 "{self.options[0]}"，'
                f"得到的是{describe(answer)}。",
            )
        if isinstance(answer, (int, np.integer)):
            answer = str(int(answer))
        if isinstance(answer, str):
            key = _norm(answer)
            if key in self._canon:
                items = [key]
            elif single:
                items = [key]
            else:
                items = [p for p in re.split(r"[\s,;/]+", key) if p]
                if len(items) == 1 and all(len(o) == 1 for o in self._canon):
                    items = list(items[0])
        else:
            items = []
            for item in answer:
                if not isinstance(item, (str, int, np.integer)) or isinstance(item, (bool, np.bool_)):
                    return None, tr(
                        f'each option should be text such as "{self.options[0]}", got {describe(item)}.',
                        f'每个选项应是文本，例如 "{self.options[0]}"，得到的是{describe(item)}。',
                    )
                items.append(_norm(item))
        unknown = [i for i in items if i not in self._canon]
        if unknown:
            return None, tr(
                f"{safe_repr(unknown[0])} is not one of the options {self._options_text()}.",
                f"{safe_repr(unknown[0])} 不是选项之一（{self._options_text()}）。",
            )
        if not items:
            return None, tr(
                f"choose from the options {self._options_text()}.", f"请从选项 {self._options_text()} 中选择。"
            )
        return {self._canon[i] for i in items}, None

    def compare(self, answer, expected):
        single, right = expected
        chosen, reason = self._parse(answer, single)
        if chosen is None:
            return INVALID, reason
        if single and len(chosen) > 1:
            return INVALID, tr("choose only one option.", "只能选择一个选项。")
        if chosen == right:
            return CORRECT, ""
        if single:
            return INCORRECT, tr(
                f"{', '.join(sorted(chosen))} is not the best answer.", f"{', '.join(sorted(chosen))} 不是最佳答案。"
            )
        wrong, missing = len(chosen - right), len(right - chosen)
        parts_en, parts_zh = [], []
        if wrong:
            parts_en.append(f"{wrong} of your choices {'is' if wrong == 1 else 'are'} not right")
            parts_zh.append(f"你的选择中有 {wrong} 个不对")
        if missing:
            parts_en.append(
                f"{missing} correct option{'' if missing == 1 else 's'} {'is' if missing == 1 else 'are'} missing"
            )
            parts_zh.append(f"还缺少 {missing} 个正确选项")
        return INCORRECT, tr("; ".join(parts_en) + ".", "；".join(parts_zh) + "。")


# --------------------------------------------------------------------------- ids
def _plain(x):
    return x.item() if isinstance(x, np.generic) else x


class IdsQuestion(Question):
    """A collection of ids, e.g. "which customers ...": list, set, tuple, Index, array or Series of ids.

    Order is ignored unless ``ordered=True`` (e.g. "the top 5 customers, best first").
    """

    kind = "ids"

    def __init__(self, qid, *, prompt, expected, hints=(), ordered: bool = False):
        super().__init__(qid, prompt=prompt, expected=expected, hints=hints)
        self.ordered = bool(ordered)

    def prepare_expected(self, value):
        items, reason = self._items(value)
        if items is None:
            raise TypeError(f"reference answer of {self.qid} is not a collection of ids: {reason}")
        return items

    @staticmethod
    def _items(answer):
        if isinstance(answer, str):
            return None, tr(
                f'expected a list of ids, got {describe(answer)} — put the ids in a list, e.g. ["C0001", "C0002"].',
                f'需要一个 id 列表，得到的是{describe(answer)} —— 把 id 放进列表，例如 ["C0001", "C0002"]。',
            )
        if isinstance(answer, pd.DataFrame):
            return None, tr(
                f"expected a list of ids, got {describe(answer)} — the ids are probably its "
                f"index: use .index.tolist().",
                f"需要一个 id 列表，得到的是{describe(answer)} —— id 很可能在它的索引里：用 .index.tolist()。",
            )
        if isinstance(answer, pd.Series):
            if pd.api.types.is_bool_dtype(answer):
                return None, tr(
                    "expected a list of ids, got a True/False mask — use df.index[mask] to turn it into ids.",
                    "需要一个 id 列表，得到的是 True/False 掩码 —— 用 df.index[mask] 取出 id。",
                )
            values = list(answer.tolist())
        elif isinstance(answer, pd.Index):
            values = list(answer.tolist())
        elif isinstance(answer, np.ndarray):
            if answer.ndim != 1:
                return None, tr(
                    f"expected a flat list of ids, got {describe(answer)}.",
                    f"需要一个一维的 id 列表，得到的是{describe(answer)}。",
                )
            values = answer.tolist()
        elif isinstance(answer, (list, tuple, set, frozenset)):
            values = list(answer)
        else:
            return None, tr(
                f"expected a list of ids, got {describe(answer)}.", f"需要一个 id 列表，得到的是{describe(answer)}。"
            )
        values = [_plain(v) for v in values]
        for v in values:
            try:
                hash(v)
            except TypeError:
                return None, tr(
                    f"each id should be a single value, got {describe(v)} inside your list.",
                    f"每个 id 应是单个值，你的列表里有{describe(v)}。",
                )
            if isinstance(v, (list, tuple, dict, set)):
                return None, tr(
                    f"each id should be a single value, got {describe(v)} inside your list.",
                    f"每个 id 应是单个值，你的列表里有{describe(v)}。",
                )
        return values, None

    def compare(self, answer, expected):
        items, reason = self._items(answer)
        if items is None:
            return INVALID, reason
        if not items and expected:
            return INCORRECT, tr(
                f"your list is empty; {plural(len(expected), 'id')} expected.",
                f"你的列表是空的；应有 {len(expected)} 个 id。",
            )
        seen, dups = set(), []
        for v in items:
            if v in seen:
                dups.append(v)
            seen.add(v)
        if dups:
            return INCORRECT, tr(
                f"{plural(len(dups), 'id')} appear{'s' if len(dups) == 1 else ''} more than once, e.g. {safe_repr(dups[0])} — "
                f"use .unique() or drop duplicated rows.",
                f"有 {len(dups)} 个 id 重复出现，例如 {safe_repr(dups[0])} —— 用 .unique() 或删除重复行。",
            )
        exp_set = set(expected)
        missing = [v for v in expected if v not in seen]
        extra = [v for v in items if v not in exp_set]
        if missing or extra:
            if not (seen & exp_set) and items and expected and type(items[0]) is not type(expected[0]):
                return INCORRECT, tr(
                    f"none of your ids match: yours are {type(items[0]).__name__} such as "
                    f"{safe_repr(items[0])}, the expected ids are {type(expected[0]).__name__}.",
                    f"没有一个 id 匹配：你的 id 是 {type(items[0]).__name__}，例如 {safe_repr(items[0])}，"
                    f"而应为 {type(expected[0]).__name__}。",
                )
            en, zh = [], []
            if missing:
                en.append(f"{plural(len(missing), 'expected id')} missing")
                zh.append(f"缺少 {len(missing)} 个应有的 id")
            if extra:
                en.append(f"{plural(len(extra), 'id')} should not be there, e.g. {safe_repr(extra[0])}")
                zh.append(f"多出 {len(extra)} 个不该有的 id，例如 {safe_repr(extra[0])}")
            return INCORRECT, tr(
                f"you gave {plural(len(items), 'id')}, {len(expected)} expected: " + "; ".join(en) + ".",
                f"你给出 {len(items)} 个 id，应为 {len(expected)} 个：" + "；".join(zh) + "。",
            )
        if self.ordered and list(items) != list(expected):
            pos = next(i for i, (a, b) in enumerate(zip(items, expected)) if a != b)
            return INCORRECT, tr(
                f"the right ids, but the order differs from position {pos + 1} "
                f"({safe_repr(items[pos])}) — check the sort order.",
                f"id 正确，但从第 {pos + 1} 个（{safe_repr(items[pos])}）起顺序不对 —— 检查排序。",
            )
        return CORRECT, ""


# --------------------------------------------------------------------------- Series / DataFrame
def _numeric(s: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s)


def _scalar_equal(a, b) -> bool:
    try:
        na_a, na_b = pd.isna(a), pd.isna(b)
        if isinstance(na_a, (bool, np.bool_)) and isinstance(na_b, (bool, np.bool_)) and (na_a or na_b):
            return bool(na_a and na_b)
        result = a == b
        if isinstance(result, (bool, np.bool_)):
            return bool(result)
        return False
    except Exception:
        return False


def _label(x) -> str:
    return safe_repr(_plain(x), 30)


def _index_problem(ans_index: pd.Index, exp_index: pd.Index, *, rows: bool):
    """Message about duplicated / missing / extra labels, or None when the labels match as sets."""
    noun_en, noun_zh = ("row", "行") if rows else ("column", "列")
    if ans_index.has_duplicates:
        dup = ans_index[ans_index.duplicated()][0]
        return INVALID, tr(
            f"{noun_en} label {_label(dup)} appears more than once in your answer.",
            f"你的答案中{noun_zh}标签 {_label(dup)} 出现了不止一次。",
        )
    exp_set = set(exp_index)
    ans_set = set(ans_index)
    missing = [x for x in exp_index if x not in ans_set]
    extra = [x for x in ans_index if x not in exp_set]
    if not missing and not extra:
        return None
    if rows:
        if len(ans_index) and not (ans_set & exp_set):
            a0, e0 = _plain(ans_index[0]), _plain(exp_index[0])
            if type(a0) is not type(e0):
                return INCORRECT, tr(
                    f"none of your row labels match: yours are {type(a0).__name__} such as {_label(a0)}, "
                    f"the expected labels are {type(e0).__name__} — did you call reset_index() or "
                    f"forget set_index(...)?",
                    f"没有一个行标签匹配：你的是 {type(a0).__name__}，例如 {_label(a0)}，而应为 "
                    f"{type(e0).__name__} —— 是否调用了 reset_index() 或忘了 set_index(...)？",
                )
        en, zh = [], []
        if missing:
            en.append(f"{plural(len(missing), 'row')} missing")
            zh.append(f"缺少 {len(missing)} 行")
        if extra:
            en.append(f"{plural(len(extra), 'extra row')}, e.g. {_label(extra[0])}")
            zh.append(f"多出 {len(extra)} 行，例如 {_label(extra[0])}")
        return INCORRECT, tr(
            f"your answer has {plural(len(ans_index), 'row')}, {len(exp_index)} expected: " + "; ".join(en) + ".",
            f"你的答案有 {len(ans_index)} 行，应为 {len(exp_index)} 行：" + "；".join(zh) + "。",
        )
    en, zh = [], []
    if missing:
        names = ", ".join(_label(c) for c in missing[:5])
        en.append(f"missing {'column' if len(missing) == 1 else 'columns'} {names}")
        zh.append(f"缺少列 {names}")
    if extra:
        names = ", ".join(_label(c) for c in extra[:5])
        en.append(f"extra {'column' if len(extra) == 1 else 'columns'} {names}")
        zh.append(f"多出列 {names}")
    return INCORRECT, tr("; ".join(en).capitalize() + ".", "；".join(zh) + "。")


def _values_problem(ans: pd.Series, exp: pd.Series, *, rtol: float, atol: float, where: str = ""):
    """Compare aligned Series values; return a reason or None."""
    where_en = f" in column {where}" if where else ""
    where_zh = f"（列 {where}）" if where else ""
    if _numeric(exp) and not _numeric(ans) and len(ans):
        sample = next((v for v in ans.tolist() if not _scalar_equal(v, np.nan)), ans.iloc[0])
        return tr(
            f"your values{where_en} are not numbers (e.g. {safe_repr(_plain(sample))}); "
            f"expected numbers — use pd.to_numeric or pick the numeric column.",
            f"你的值{where_zh}不是数字（例如 {safe_repr(_plain(sample))}）；应为数字 —— 用 pd.to_numeric 或选数值列。",
        )
    if _numeric(exp) and _numeric(ans):
        a = ans.to_numpy(dtype=float, na_value=np.nan)
        e = exp.to_numpy(dtype=float, na_value=np.nan)
        ok = np.isclose(a, e, rtol=rtol, atol=atol, equal_nan=True)
    else:
        ok = np.array([_scalar_equal(x, y) for x, y in zip(ans.tolist(), exp.tolist())], dtype=bool)
    if ok.all():
        return None
    bad = np.flatnonzero(~ok)
    i = bad[0]
    label = _label(exp.index[i])
    yours = safe_repr(_plain(ans.iloc[i]), 30)
    ref = safe_repr(_plain(exp.iloc[i]), 30)
    return tr(
        f"{len(bad)} of {len(exp)} values differ{where_en}; first at row {label}: yours {yours}, expected {ref}.",
        f"{len(exp)} 个值中有 {len(bad)} 个不同{where_zh}；第一个在行 {label}：你的是 {yours}，应为 {ref}。",
    )


def _order_problem(ans_index, exp_index):
    pos = next(i for i, (a, b) in enumerate(zip(ans_index, exp_index)) if not _scalar_equal(a, b))
    return tr(
        f"the right values, but the row order differs from position {pos + 1} "
        f"({_label(ans_index[pos])}) — check the sort order.",
        f"值正确，但从第 {pos + 1} 行（{_label(ans_index[pos])}）起顺序不对 —— 检查排序。",
    )


class SeriesQuestion(Question):
    """A pandas Series compared label by label with the reference.

    Rows are aligned on the index (order ignored unless ``ignore_order=False``);
    numbers compare with ``rtol``/``atol``; the Series name is ignored.
    """

    kind = "series"

    def __init__(
        self, qid, *, prompt, expected, hints=(), ignore_order: bool = True, rtol: float = 1e-6, atol: float = 1e-9
    ):
        super().__init__(qid, prompt=prompt, expected=expected, hints=hints)
        self.ignore_order, self.rtol, self.atol = bool(ignore_order), float(rtol), float(atol)

    def prepare_expected(self, value):
        if not isinstance(value, pd.Series):
            raise TypeError(f"reference answer of {self.qid} is not a Series: {describe(value)}")
        return value

    def compare(self, answer, expected):
        if isinstance(answer, pd.DataFrame):
            return INVALID, tr(
                f"expected a Series with {plural(len(expected), 'value')}, got {describe(answer)} — "
                f'select one column with df["name"].',
                f'需要一个含 {len(expected)} 个值的 Series，得到的是{describe(answer)} —— 用 df["列名"] 选出一列。',
            )
        if not isinstance(answer, pd.Series):
            return INVALID, tr(
                f"expected a Series with {plural(len(expected), 'value')}, got {describe(answer)}.",
                f"需要一个含 {len(expected)} 个值的 Series，得到的是{describe(answer)}。",
            )
        if len(answer) == 0 and len(expected):
            return INCORRECT, tr(
                f"your Series is empty; {plural(len(expected), 'value')} expected.",
                f"你的 Series 是空的；应有 {len(expected)} 个值。",
            )
        problem = _index_problem(answer.index, expected.index, rows=True)
        if problem:
            return problem
        reason = _values_problem(answer.reindex(expected.index), expected, rtol=self.rtol, atol=self.atol)
        if reason:
            return INCORRECT, reason
        if not self.ignore_order and not answer.index.equals(expected.index):
            return INCORRECT, _order_problem(answer.index, expected.index)
        return CORRECT, ""


class FrameQuestion(Question):
    """A pandas DataFrame compared with the reference: columns, rows (index), then values.

    ``ignore_order`` ignores the row order, ``ignore_column_order`` the column order;
    ``extra_columns=True`` accepts additional columns. Numbers compare with ``rtol``/``atol``.
    """

    kind = "frame"

    def __init__(
        self,
        qid,
        *,
        prompt,
        expected,
        hints=(),
        ignore_order: bool = True,
        ignore_column_order: bool = True,
        extra_columns: bool = False,
        rtol: float = 1e-6,
        atol: float = 1e-9,
    ):
        super().__init__(qid, prompt=prompt, expected=expected, hints=hints)
        self.ignore_order, self.ignore_column_order = bool(ignore_order), bool(ignore_column_order)
        self.extra_columns, self.rtol, self.atol = bool(extra_columns), float(rtol), float(atol)

    def prepare_expected(self, value):
        if not isinstance(value, pd.DataFrame):
            raise TypeError(f"reference answer of {self.qid} is not a DataFrame: {describe(value)}")
        return value

    def compare(self, answer, expected):
        r, c = expected.shape
        shape_en = f"{plural(r, 'row')} × {plural(c, 'column')}"
        shape_zh = f"{r} 行 × {c} 列"
        if isinstance(answer, pd.Series):
            return INVALID, tr(
                f"expected a table (DataFrame) of {shape_en}, got {describe(answer)} — "
                f"use .to_frame() or select columns with df[[...]] (double brackets).",
                f"需要一个 {shape_zh} 的表（DataFrame），得到的是{describe(answer)} —— "
                f"用 .to_frame() 或用 df[[...]]（双层方括号）选列。",
            )
        if not isinstance(answer, pd.DataFrame):
            return INVALID, tr(
                f"expected a table (DataFrame) of {shape_en}, got {describe(answer)}.",
                f"需要一个 {shape_zh} 的表（DataFrame），得到的是{describe(answer)}。",
            )
        ar, ac = answer.shape
        if answer.columns.has_duplicates:
            return _index_problem(answer.columns, expected.columns, rows=False)
        cols = answer.columns
        if self.extra_columns:
            cols = pd.Index([col for col in answer.columns if col in set(expected.columns)])
        problem = _index_problem(cols, expected.columns, rows=False)
        if problem:
            status, reason = problem
            if ac != c and not self.extra_columns:
                reason = (
                    tr(
                        f"wrong shape: yours {plural(ar, 'row')} × {plural(ac, 'column')}, expected {shape_en}. ",
                        f"形状不对：你的是 {ar} 行 × {ac} 列，应为 {shape_zh}。",
                    )
                    + reason
                )
            return status, reason
        if len(answer) == 0 and r:
            return INCORRECT, tr(
                f"your table has no rows; {plural(r, 'row')} expected.", f"你的表没有行；应有 {r} 行。"
            )
        problem = _index_problem(answer.index, expected.index, rows=True)
        if problem:
            status, reason = problem
            if ar != r:
                reason = (
                    tr(
                        f"wrong shape: yours {plural(ar, 'row')} × {plural(ac, 'column')}, expected {shape_en}. ",
                        f"形状不对：你的是 {ar} 行 × {ac} 列，应为 {shape_zh}。",
                    )
                    + reason
                )
            return status, reason
        aligned = answer.reindex(index=expected.index)
        for col in expected.columns:
            reason = _values_problem(aligned[col], expected[col], rtol=self.rtol, atol=self.atol, where=_label(col))
            if reason:
                return INCORRECT, reason
        if not self.ignore_column_order and list(cols) != list(expected.columns):
            return INCORRECT, tr(
                f"the right columns, but in a different order; expected "
                f"{', '.join(_label(x) for x in expected.columns)}.",
                f"列正确但顺序不同；应为 {', '.join(_label(x) for x in expected.columns)}。",
            )
        if not self.ignore_order and not answer.index.equals(expected.index):
            return INCORRECT, _order_problem(answer.index, expected.index)
        return CORRECT, ""


KINDS: dict[str, type[Question]] = {
    cls.kind: cls for cls in (NumericQuestion, ChoiceQuestion, IdsQuestion, SeriesQuestion, FrameQuestion)
}
