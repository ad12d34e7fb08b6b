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
import unicodedata
import warnings
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd

from .. import i18n
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
    judgement : bool
        True when the question tests judgement (predict-then-check, decide under a budget,
        spot the error) rather than one more call of a function; the lesson standard asks
        for at least three per lesson.
    """

    kind = "question"

    def __init__(self, qid: str, *, prompt, expected, hints: Sequence = (), judgement: bool = False):
        if not isinstance(judgement, bool):
            raise TypeError(f"{qid}: judgement must be True or False, got {judgement!r}")
        self.judgement = judgement
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
        return i18n.pair(self.prompt)

    def hint_texts(self) -> list[str]:
        return [i18n.pair(h) for h in self.hints]

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
            return INVALID, i18n._(
                "this question cannot be checked right now: the reference answer failed ({type_exc___name}: {safe_repr_str_exc_80}). Please tell your instructor.",
                type_exc___name=type(exc).__name__,
                safe_repr_str_exc_80=safe_repr(str(exc), 80),
            )
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # e.g. RuntimeWarning comparing odd values: no stderr
                status, reason = self.compare(answer, expected)
        except Exception:
            return INVALID, i18n._(
                "your answer could not be compared: got {describe_answer}.", describe_answer=describe(answer)
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
            return None, i18n._(
                "expected a number, got {describe_answer} — select one value with .loc[row, column].",
                describe_answer=describe(answer),
            )
    elif isinstance(value, (pd.Series, pd.Index, np.ndarray)):
        size = value.size
        if size == 1:
            value = value.iloc[0] if isinstance(value, pd.Series) else np.asarray(value).reshape(-1)[0]
        elif size == 0:
            return None, i18n._(
                "expected a number, got {describe_answer} (empty) — your selection matched nothing.",
                describe_answer=describe(answer),
            )
        else:
            return None, i18n._(
                "expected a number, got {describe_answer} — pick one value with .loc[...] or summarise them (e.g. .sum(), .mean()).",
                describe_answer=describe(answer),
            )
    if isinstance(value, (bool, np.bool_)):
        return None, i18n._("expected a number, got {describe_value}.", describe_value=describe(value))
    if value is pd.NA or value is pd.NaT or value is None:
        return None, i18n._("your answer is a missing value (NA) — check for missing data.")
    if isinstance(value, str):
        return None, i18n._(
            "expected a number, got {describe_value} — remove the quotes.", describe_value=describe(value)
        )
    if isinstance(value, (pd.Timedelta, np.timedelta64)):
        return None, i18n._("expected a number, got a time span (Timedelta) — use .days to get the number of days.")
    if isinstance(value, (complex, np.complexfloating)):
        return None, i18n._("expected a real number, got {describe_value}.", describe_value=describe(value))
    if isinstance(value, (numbers.Real, np.integer, np.floating, Decimal, Fraction)):
        return float(value), None
    return None, i18n._("expected a number, got {describe_answer}.", describe_answer=describe(answer))


class NumericQuestion(Question):
    """A single number; correct when ``|answer - expected| <= max(atol, rtol * |expected|)``.

    Accepts ints, floats, numpy scalars, Decimals and one-element Series / arrays /
    1×1 DataFrames. ``rtol`` defaults to 1e-6 (an answer may be rounded to 6 significant
    digits); give a larger ``rtol`` or ``atol`` when the prompt asks for rounding.
    """

    kind = "numeric"

    def __init__(self, qid, *, prompt, expected, hints=(), rtol: float = 1e-6, atol: float = 1e-9, judgement=False):
        super().__init__(qid, prompt=prompt, expected=expected, hints=hints, judgement=judgement)
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
            return INCORRECT, i18n._(
                "your answer is NaN (not a number) — a missing value or a division by zero crept in; check the rows you used."
            )
        if math.isinf(value):
            return INCORRECT, i18n._("your answer is infinite — probably a division by zero.")
        if abs(value - expected) <= max(self.atol, self.rtol * abs(expected)):
            return CORRECT, ""
        shown = _fmt(value)
        if expected != 0:
            ratio = value / expected
            for factor, applies, reason in (
                (100.0, abs(expected) <= 1, i18n.N_("as a percentage; give it as a fraction (e.g. 0.25, not 25)")),
                (0.01, abs(value) <= 1, i18n.N_("as a fraction; give it as a percentage (e.g. 25, not 0.25)")),
                (-1.0, True, i18n.N_("with the wrong sign")),
            ):
                if applies and abs(ratio - factor) <= max(self.rtol, 1e-9) * abs(factor):
                    said = i18n._(reason)
                    return INCORRECT, i18n._(
                        "your value {shown} looks like the right number {en}.", shown=shown, en=said, zh=said
                    )
            if abs(ratio - 1) <= 0.01:
                return INCORRECT, i18n._(
                    "your value {shown} is close but not within the tolerance — check rounding (don't round intermediate results) and the rows you used.",
                    shown=shown,
                )
        direction = i18n._("too high") if value > expected else i18n._("too low")
        return INCORRECT, i18n._("your value {shown} is {direction}.", shown=shown, direction=direction)


# --------------------------------------------------------------------------- choice
#: Separators between several options or ids typed as text: the ASCII ones and, after NFKC
#: (which turns full-width "，", "；", "／" and the ideographic space into ASCII), the enumeration
#: comma "、" and the ideographic full stop "。" of a Chinese keyboard.
_SEPARATORS = re.compile(r"[\s,;/、。]+")


def _nfkc(s) -> str:
    """Text as typed on any keyboard, made comparable: full-width letters, digits, punctuation and
    spaces become their ASCII forms ("Ａ，Ｃ" -> "A,C"); surrounding spaces are dropped.

    >>> _nfkc("Ｃ０１　")
    'C01'
    """
    return unicodedata.normalize("NFKC", str(s)).strip()


def _norm(s) -> str:
    return " ".join(_nfkc(s).split()).casefold()


def _split(text: str) -> list[str]:
    """Several options or ids in one text: "A, C", "A，C", "A、C", "Ａ，Ｃ" -> ["A", "C"] (after NFKC)."""
    return [p for p in _SEPARATORS.split(_nfkc(text)) if p]


class ChoiceQuestion(Question):
    """Multiple choice: one option (``expected="B"``) or several (``expected={"A", "C"}``).

    ``options`` lists the allowed options (e.g. ``"ABCD"`` or ``["recency", "frequency"]``).
    Answers are case- and whitespace-insensitive and normalised with NFKC, so that a Chinese
    keyboard's full-width letters and punctuation count as typed ("Ａ" is "A"); for multi-select
    a learner may give a set/list/tuple of options or a string such as ``"A, C"``, ``"A，C"``,
    ``"A、C"``, ``"Ａ，Ｃ"`` (or ``"AC"`` when all options are single letters).
    """

    kind = "choice"

    def __init__(self, qid, *, prompt, options: Iterable[str], expected, hints=(), judgement=False):
        super().__init__(qid, prompt=prompt, expected=expected, hints=hints, judgement=judgement)
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
            what = i18n._("an option") if single else i18n._("one or more options")
            return None, i18n._(
                'expected {what} such as "{example}", got {describe_answer}.',
                what=what,
                example=self.options[0],
                describe_answer=describe(answer),
            )
        if isinstance(answer, (int, np.integer)):
            answer = str(int(answer))
        if isinstance(answer, str):
            key = _norm(answer)
            if key in self._canon:
                items = [key]
            else:
                items = [_norm(p) for p in _split(key)]
                if not single and len(items) == 1 and all(len(o) == 1 for o in self._canon):
                    items = list(items[0])
        else:
            items = []
            for item in answer:
                if not isinstance(item, (str, int, np.integer)) or isinstance(item, (bool, np.bool_)):
                    return None, i18n._(
                        'each option should be text such as "{self_options_0}", got {describe_item}.',
                        self_options_0=self.options[0],
                        describe_item=describe(item),
                    )
                items.append(_norm(item))
        unknown = [i for i in items if i not in self._canon]
        if unknown:
            return None, i18n._(
                "{safe_repr_unknown_0} is not one of the options {self__options_text}.",
                safe_repr_unknown_0=safe_repr(unknown[0]),
                self__options_text=self._options_text(),
            )
        if not items:
            return None, i18n._(
                "choose from the options {self__options_text}.", self__options_text=self._options_text()
            )
        return {self._canon[i] for i in items}, None

    def compare(self, answer, expected):
        single, right = expected
        chosen, reason = self._parse(answer, single)
        if chosen is None:
            return INVALID, reason
        if single and len(chosen) > 1:
            return INVALID, i18n._("choose only one option.")
        if chosen == right:
            return CORRECT, ""
        if single:
            return INCORRECT, i18n._(
                "{join_sorted_chosen} is not the best answer.", join_sorted_chosen=", ".join(sorted(chosen))
            )
        wrong, missing = len(chosen - right), len(right - chosen)
        parts = []
        if wrong == 1:
            parts.append(i18n._("{n} of your choices is not right", n=wrong))
        elif wrong:
            parts.append(i18n._("{n} of your choices are not right", n=wrong))
        if missing == 1:
            parts.append(i18n._("{n} correct option is missing", n=missing))
        elif missing:
            parts.append(i18n._("{n} correct options are missing", n=missing))
        return INCORRECT, i18n.sentence(parts)


# --------------------------------------------------------------------------- ids
def _plain(x):
    return x.item() if isinstance(x, np.generic) else x


class IdsQuestion(Question):
    """A collection of ids, e.g. "which customers ...": list, set, tuple, Index, array or Series of ids.

    Order is ignored unless ``ordered=True`` (e.g. "the top 5 customers, best first").
    Text ids are normalised with NFKC (full-width "Ｃ０１" is "C01"), and several ids typed as one
    text with separators ("C01, C02", "C01，C02", "C01、C02") count as a list.
    """

    kind = "ids"

    def __init__(self, qid, *, prompt, expected, hints=(), ordered: bool = False, judgement=False):
        super().__init__(qid, prompt=prompt, expected=expected, hints=hints, judgement=judgement)
        self.ordered = bool(ordered)

    def prepare_expected(self, value):
        items, reason = self._items(value)
        if items is None:
            raise TypeError(f"reference answer of {self.qid} is not a collection of ids: {reason}")
        return items

    @staticmethod
    def _text_items(answer: str, expected) -> list | None:
        """Ids typed as one text with separators ("C01, C02", "C01、C02", "Ｃ０１，Ｃ０２"), or None.

        A single id without a separator stays a mistake (a list is asked for). Ids are numbers
        when every expected id is an integer and every typed one is made of digits.
        """
        parts = _split(answer)
        if len(parts) < 2:
            return None
        if expected and all(isinstance(e, (int, np.integer)) and not isinstance(e, bool) for e in expected):
            if all(p.lstrip("-").isdigit() for p in parts):
                return [int(p) for p in parts]
        return parts

    @staticmethod
    def _items(answer):
        if isinstance(answer, str):
            return None, i18n._(
                'expected a list of ids, got {describe_answer} — put the ids in a list, e.g. ["C0001", "C0002"].',
                describe_answer=describe(answer),
            )
        if isinstance(answer, pd.DataFrame):
            return None, i18n._(
                "expected a list of ids, got {describe_answer} — the ids are probably its index: use .index.tolist().",
                describe_answer=describe(answer),
            )
        if isinstance(answer, pd.Series):
            if pd.api.types.is_bool_dtype(answer):
                return None, i18n._(
                    "expected a list of ids, got a True/False mask — use df.index[mask] to turn it into ids."
                )
            values = list(answer.tolist())
        elif isinstance(answer, pd.Index):
            values = list(answer.tolist())
        elif isinstance(answer, np.ndarray):
            if answer.ndim != 1:
                return None, i18n._(
                    "expected a flat list of ids, got {describe_answer}.", describe_answer=describe(answer)
                )
            values = answer.tolist()
        elif isinstance(answer, (list, tuple, set, frozenset)):
            values = list(answer)
        else:
            return None, i18n._("expected a list of ids, got {describe_answer}.", describe_answer=describe(answer))
        values = [_nfkc(v) if isinstance(v, str) else _plain(v) for v in values]
        for v in values:
            try:
                hash(v)
            except TypeError:
                return None, i18n._(
                    "each id should be a single value, got {describe_v} inside your list.", describe_v=describe(v)
                )
            if isinstance(v, (list, tuple, dict, set)):
                return None, i18n._(
                    "each id should be a single value, got {describe_v} inside your list.", describe_v=describe(v)
                )
        return values, None

    def compare(self, answer, expected):
        if isinstance(answer, str):
            answer = self._text_items(answer, expected) or answer
        items, reason = self._items(answer)
        if items is None:
            return INVALID, reason
        if not items and expected:
            return INCORRECT, i18n._(
                "your list is empty; {plural_len_expected_} expected.",
                plural_len_expected_=plural(len(expected), "id"),
                len_expected=len(expected),
            )
        seen, dups = set(), []
        for v in items:
            if v in seen:
                dups.append(v)
            seen.add(v)
        if dups:
            return INCORRECT, i18n._(
                "{plural_len_dups_id} appear{s_if_len_dups_1_else} more than once, e.g. {safe_repr_dups_0} — use .unique() or drop duplicated rows.",
                plural_len_dups_id=plural(len(dups), "id"),
                s_if_len_dups_1_else="s" if len(dups) == 1 else "",
                safe_repr_dups_0=safe_repr(dups[0]),
                len_dups=len(dups),
            )
        exp_set = set(expected)
        missing = [v for v in expected if v not in seen]
        extra = [v for v in items if v not in exp_set]
        if missing or extra:
            if not (seen & exp_set) and items and expected and type(items[0]) is not type(expected[0]):
                return INCORRECT, i18n._(
                    "none of your ids match: yours are {type_items_0___name} such as {safe_repr_items_0}, the expected ids are {type_expected_0___na}.",
                    type_items_0___name=type(items[0]).__name__,
                    safe_repr_items_0=safe_repr(items[0]),
                    type_expected_0___na=type(expected[0]).__name__,
                )
            parts = []
            if missing:
                parts.append(i18n._("{ids} missing", ids=plural(len(missing), "expected id"), n=len(missing)))
            if extra:
                parts.append(
                    i18n._(
                        "{ids} should not be there, e.g. {example}",
                        ids=plural(len(extra), "id"),
                        n=len(extra),
                        example=safe_repr(extra[0]),
                    )
                )
            head = i18n._(
                "you gave {ids}, {expected} expected: ",
                ids=plural(len(items), "id"),
                n=len(items),
                expected=len(expected),
            )
            return INCORRECT, head + i18n.sentence(parts)
        if self.ordered and list(items) != list(expected):
            pos = next(i for i, (a, b) in enumerate(zip(items, expected)) if a != b)
            return INCORRECT, i18n._(
                "the right ids, but the order differs from position {pos_1} ({safe_repr_items_pos}) — check the sort order.",
                pos_1=pos + 1,
                safe_repr_items_pos=safe_repr(items[pos]),
            )
        return CORRECT, ""
