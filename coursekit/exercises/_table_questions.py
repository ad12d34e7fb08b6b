"""Question kinds that compare tables: a Series or a DataFrame aligned on its labels.

Split from :mod:`._questions` (one file per family of answers); the base class and the
status values are there.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import i18n
from ._describe import describe, plural, safe_repr
from ._questions import CORRECT, INCORRECT, INVALID, Question, _plain


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
    noun_en = noun_zh = i18n._("row") if rows else i18n._("column")
    if ans_index.has_duplicates:
        dup = ans_index[ans_index.duplicated()][0]
        return INVALID, i18n._(
            "{noun_en} label {label_dup} appears more than once in your answer.",
            noun_en=noun_en,
            label_dup=_label(dup),
            noun_zh=noun_zh,
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
                return INCORRECT, i18n._(
                    "none of your row labels match: yours are {type_a0___name} such as {label_a0}, the expected labels are {type_e0___name} — did you call reset_index() or forget set_index(...)?",
                    type_a0___name=type(a0).__name__,
                    label_a0=_label(a0),
                    type_e0___name=type(e0).__name__,
                )
        parts = []
        if missing:
            parts.append(i18n._("{rows} missing", rows=plural(len(missing), "row"), n=len(missing)))
        if extra:
            parts.append(
                i18n._(
                    "{rows}, e.g. {example}",
                    rows=plural(len(extra), "extra row"),
                    n=len(extra),
                    example=_label(extra[0]),
                )
            )
        head = i18n._(
            "your answer has {rows}, {expected} expected: ",
            rows=plural(len(ans_index), "row"),
            n=len(ans_index),
            expected=len(exp_index),
        )
        return INCORRECT, head + i18n.sentence(parts)
    parts = []
    if missing:
        names = ", ".join(_label(c) for c in missing[:5])
        if len(missing) == 1:
            parts.append(i18n._("missing column {names}", names=names))
        else:
            parts.append(i18n._("missing columns {names}", names=names))
    if extra:
        names = ", ".join(_label(c) for c in extra[:5])
        if len(extra) == 1:
            parts.append(i18n._("extra column {names}", names=names))
        else:
            parts.append(i18n._("extra columns {names}", names=names))
    return INCORRECT, i18n.sentence(parts, capitalize=True)


def _values_problem(ans: pd.Series, exp: pd.Series, *, rtol: float, atol: float, where: str = ""):
    """Compare aligned Series values; return a reason or None."""
    where_en = where_zh = i18n._(" in column {where}", where=where) if where else ""
    if _numeric(exp) and not _numeric(ans) and len(ans):
        sample = next((v for v in ans.tolist() if not _scalar_equal(v, np.nan)), ans.iloc[0])
        return i18n._(
            "your values{where_en} are not numbers (e.g. {safe_repr__plain_sam}); expected numbers — use pd.to_numeric or pick the numeric column.",
            where_en=where_en,
            safe_repr__plain_sam=safe_repr(_plain(sample)),
            where_zh=where_zh,
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
    return i18n._(
        "{len_bad} of {len_exp} values differ{where_en}; first at row {label}: yours {yours}, expected {ref}.",
        len_bad=len(bad),
        len_exp=len(exp),
        where_en=where_en,
        label=label,
        yours=yours,
        ref=ref,
        where_zh=where_zh,
    )


def _order_problem(ans_index, exp_index):
    pos = next(i for i, (a, b) in enumerate(zip(ans_index, exp_index)) if not _scalar_equal(a, b))
    return i18n._(
        "the right values, but the row order differs from position {pos_1} ({label_ans_index_pos}) — check the sort order.",
        pos_1=pos + 1,
        label_ans_index_pos=_label(ans_index[pos]),
    )


class SeriesQuestion(Question):
    """A pandas Series compared label by label with the reference.

    Rows are aligned on the index (order ignored unless ``ignore_order=False``);
    numbers compare with ``rtol``/``atol``; the Series name is ignored.
    """

    kind = "series"

    def __init__(
        self,
        qid,
        *,
        prompt,
        expected,
        hints=(),
        ignore_order: bool = True,
        rtol: float = 1e-6,
        atol: float = 1e-9,
        judgement=False,
    ):
        super().__init__(qid, prompt=prompt, expected=expected, hints=hints, judgement=judgement)
        self.ignore_order, self.rtol, self.atol = bool(ignore_order), float(rtol), float(atol)

    def prepare_expected(self, value):
        if not isinstance(value, pd.Series):
            raise TypeError(f"reference answer of {self.qid} is not a Series: {describe(value)}")
        return value

    def compare(self, answer, expected):
        if isinstance(answer, pd.DataFrame):
            return INVALID, i18n._(
                'expected a Series with {plural_len_expected_}, got {describe_answer} — select one column with df["name"].',
                plural_len_expected_=plural(len(expected), "value"),
                describe_answer=describe(answer),
                len_expected=len(expected),
            )
        if not isinstance(answer, pd.Series):
            return INVALID, i18n._(
                "expected a Series with {plural_len_expected_}, got {describe_answer}.",
                plural_len_expected_=plural(len(expected), "value"),
                describe_answer=describe(answer),
                len_expected=len(expected),
            )
        if len(answer) == 0 and len(expected):
            return INCORRECT, i18n._(
                "your Series is empty; {plural_len_expected_} expected.",
                plural_len_expected_=plural(len(expected), "value"),
                len_expected=len(expected),
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
        judgement=False,
    ):
        super().__init__(qid, prompt=prompt, expected=expected, hints=hints, judgement=judgement)
        self.ignore_order, self.ignore_column_order = bool(ignore_order), bool(ignore_column_order)
        self.extra_columns, self.rtol, self.atol = bool(extra_columns), float(rtol), float(atol)

    def prepare_expected(self, value):
        if not isinstance(value, pd.DataFrame):
            raise TypeError(f"reference answer of {self.qid} is not a DataFrame: {describe(value)}")
        return value

    def compare(self, answer, expected):
        r, c = expected.shape
        shape_en = shape_zh = i18n._("{rows} × {columns}", rows=plural(r, "row"), columns=plural(c, "column"), r=r, c=c)
        if isinstance(answer, pd.Series):
            return INVALID, i18n._(
                "expected a table (DataFrame) of {shape_en}, got {describe_answer} — use .to_frame() or select columns with df[[...]] (double brackets).",
                shape_en=shape_en,
                describe_answer=describe(answer),
                shape_zh=shape_zh,
            )
        if not isinstance(answer, pd.DataFrame):
            return INVALID, i18n._(
                "expected a table (DataFrame) of {shape_en}, got {describe_answer}.",
                shape_en=shape_en,
                describe_answer=describe(answer),
                shape_zh=shape_zh,
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
                    i18n._(
                        "wrong shape: yours {plural_ar_row} × {plural_ac_column}, expected {shape_en}. ",
                        plural_ar_row=plural(ar, "row"),
                        plural_ac_column=plural(ac, "column"),
                        shape_en=shape_en,
                        ar=ar,
                        ac=ac,
                        shape_zh=shape_zh,
                    )
                    + reason
                )
            return status, reason
        if len(answer) == 0 and r:
            return INCORRECT, i18n._(
                "your table has no rows; {plural_r_row} expected.", plural_r_row=plural(r, "row"), r=r
            )
        problem = _index_problem(answer.index, expected.index, rows=True)
        if problem:
            status, reason = problem
            if ar != r:
                reason = (
                    i18n._(
                        "wrong shape: yours {plural_ar_row} × {plural_ac_column}, expected {shape_en}. ",
                        plural_ar_row=plural(ar, "row"),
                        plural_ac_column=plural(ac, "column"),
                        shape_en=shape_en,
                        ar=ar,
                        ac=ac,
                        shape_zh=shape_zh,
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
            return INCORRECT, i18n._(
                "the right columns, but in a different order; expected {join__label_x_for_x_}.",
                join__label_x_for_x_=", ".join(_label(x) for x in expected.columns),
            )
        if not self.ignore_order and not answer.index.equals(expected.index):
            return INCORRECT, _order_problem(answer.index, expected.index)
        return CORRECT, ""
