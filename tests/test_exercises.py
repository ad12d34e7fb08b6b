"""Unit tests of the exercise machinery: question kinds, feedback, hints, progress, language."""

from __future__ import annotations

import ast
import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import coursekit
from coursekit import exercises as exmod
from coursekit.exercises import (
    STATUSES,
    ChoiceQuestion,
    FrameQuestion,
    IdsQuestion,
    Lesson,
    NumericQuestion,
    SeriesQuestion,
    dashboard,
    validate_bank,
)
from coursekit.exercises._display import Feedback
from coursekit.questions import REGISTRY, bank_module, lesson_ids
from coursekit.questions.demo import orders as demo_orders

ROOT = Path(__file__).resolve().parents[1]
HINTS = [("first", "第一"), ("second", "第二")]


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """Progress goes to a temporary COURSEKIT_HOME; language back to English afterwards."""
    folder = tmp_path / "ckhome"
    monkeypatch.setenv("COURSEKIT_HOME", str(folder))
    coursekit.use("en")
    yield folder
    coursekit.use("en")


@pytest.fixture
def ex():
    return Lesson("demo")


def revenue():
    return demo_orders().groupby("customer_id")["amount"].sum()


def rev_frame():
    return demo_orders().groupby("customer_id").agg(revenue=("amount", "sum"), orders=("amount", "size"))


class Boom:
    """An object that fails at everything: ==, bool, len, repr, iter, float."""

    def __eq__(self, other):
        raise RuntimeError("eq")

    __ne__ = __lt__ = __gt__ = __eq__

    def __bool__(self):
        raise RuntimeError("bool")

    def __len__(self):
        raise RuntimeError("len")

    def __repr__(self):
        raise RuntimeError("repr")

    def __iter__(self):
        raise RuntimeError("iter")

    def __float__(self):
        raise RuntimeError("float")

    __hash__ = object.__hash__


def weird_objects():
    return [
        [1, 2, 3],
        "a string",
        {"a": 1},
        (x for x in range(3)),
        Boom(),
        object(),
        np.array([[1, 2], [3, 4]]),
        pd.Series([np.nan, np.nan]),
        pd.DataFrame(),
        pd.DataFrame({"a": [1], "b": [2]}),
        float("nan"),
        pd.NA,
        pd.NaT,
        True,
        lambda: 1,
        {1, 2},
        b"bytes",
        3 + 4j,
        pd.Timedelta("3D"),
        [Boom()],
        pd.Series([Boom()]),
        np.float64("inf"),
        pd.Index([]),
        (),
        [[1, 2]],
        pd.Series(["C01"], index=[Boom()]),
    ]


# --------------------------------------------------------------------------- every kind, every answer
@pytest.mark.parametrize("qid", ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "nope"])
@pytest.mark.parametrize("i", range(len(weird_objects())))
def test_weird_answers_never_raise(ex, qid, i):
    answer = weird_objects()[i]
    result = ex.check(qid, answer)
    assert result.status in STATUSES
    assert result.status != "correct"
    assert isinstance(result.message, str) and result.message
    assert "Traceback" not in result.text
    assert result.qid == qid
    assert result.text.startswith(("✗", "⚠"))


@pytest.mark.parametrize("qid", ["q1", "q2", "q3", "q4", "q5", "q6", "q7"])
@pytest.mark.parametrize("empty", [None, ...])
def test_unanswered(ex, qid, empty):
    result = ex.check(qid, empty)
    assert result.status == "unanswered"
    assert result.text == f"… {qid} not answered yet"
    assert result.message == ""


CASES = [
    # numeric
    ("q1", lambda: 600, "correct", ""),
    ("q1", lambda: 600.0000001, "correct", ""),
    ("q1", lambda: np.int64(600), "correct", ""),
    ("q1", lambda: np.float32(600), "correct", ""),
    ("q1", lambda: pd.Series([600.0]), "correct", ""),
    ("q1", lambda: pd.DataFrame({"x": [600]}), "correct", ""),
    ("q1", lambda: np.array([600]), "correct", ""),
    ("q1", lambda: 500, "incorrect", "too low"),
    ("q1", lambda: 700, "incorrect", "too high"),
    ("q1", lambda: 597, "incorrect", "close"),
    ("q1", lambda: -600, "incorrect", "sign"),
    ("q1", lambda: float("nan"), "incorrect", "NaN"),
    ("q1", lambda: np.inf, "incorrect", "infinite"),
    ("q1", lambda: "600", "invalid", "remove the quotes"),
    ("q1", lambda: True, "invalid", "True/False"),
    ("q1", lambda: demo_orders(), "invalid", "a DataFrame with 6 rows and 2 columns — select one value with .loc"),
    (
        "q1",
        lambda: demo_orders()[["amount", "customer_id", "amount"]].set_axis(["a", "b", "c"], axis=1),
        "invalid",
        "3 columns",
    ),
    ("q1", lambda: demo_orders()["amount"], "invalid", "Series with 6 values"),
    ("q1", lambda: demo_orders()["amount"].iloc[:0], "invalid", "matched nothing"),
    ("q1", lambda: demo_orders()["amount"].sum, "invalid", "parentheses"),
    ("q1", lambda: pd.Timedelta("3D"), "invalid", ".days"),
    ("q1", lambda: [600], "invalid", "list with 1 item"),
    # single choice
    ("q2", lambda: "A", "correct", ""),
    ("q2", lambda: "  a ", "correct", ""),
    ("q2", lambda: "B", "incorrect", "not the best answer"),
    ("q2", lambda: "E", "invalid", "not one of the options A, B, C"),
    ("q2", lambda: ["A", "B"], "invalid", "only one"),
    ("q2", lambda: 2.5, "invalid", "option"),
    # multi choice
    ("q3", lambda: {"A", "C", "D"}, "correct", ""),
    ("q3", lambda: "a, c, d", "correct", ""),
    ("q3", lambda: "dca", "correct", ""),
    ("q3", lambda: ["d", " C", "a"], "correct", ""),
    ("q3", lambda: {"A", "C"}, "incorrect", "1 correct option is missing"),
    ("q3", lambda: {"A", "B", "C", "D"}, "incorrect", "1 of your choices is not right"),
    ("q3", lambda: "A, X", "invalid", "not one of the options"),
    # typed on a Chinese keyboard: full-width letters and punctuation, 、 and ，as separators (NFKC)
    ("q2", lambda: "Ａ", "correct", ""),
    ("q2", lambda: "ａ。", "correct", ""),
    ("q2", lambda: "A，B", "invalid", "only one"),
    ("q3", lambda: "Ａ，Ｃ，Ｄ", "correct", ""),
    ("q3", lambda: "A，C，D", "correct", ""),
    ("q3", lambda: "A、C、D", "correct", ""),
    ("q3", lambda: "Ａ　Ｃ　Ｄ", "correct", ""),
    ("q3", lambda: "ＡＣＤ", "correct", ""),
    ("q3", lambda: "A；C；D", "correct", ""),
    ("q3", lambda: ["Ａ", "ｃ", "D"], "correct", ""),
    ("q3", lambda: "A、C", "incorrect", "1 correct option is missing"),
    ("q3", lambda: "A、X", "invalid", "'x' is not one of the options"),
    ("q3", lambda: ["A", 1.5], "invalid", "each option"),
    # series
    ("q4", revenue, "correct", ""),
    ("q4", lambda: revenue().sort_values(), "correct", ""),
    ("q4", lambda: revenue().rename("x"), "correct", ""),
    ("q4", lambda: revenue().astype("Float64"), "correct", ""),
    ("q4", lambda: revenue() * 2, "incorrect", "3 of 3 values differ; first at row 'C01': yours 400"),
    ("q4", lambda: revenue().iloc[:2], "incorrect", "1 row missing"),
    ("q4", lambda: pd.concat([revenue(), pd.Series({"C99": 1.0})]), "incorrect", "extra row, e.g. 'C99'"),
    ("q4", lambda: revenue().reset_index(drop=True), "incorrect", "reset_index"),
    ("q4", lambda: revenue().reset_index(), "invalid", "select one column"),
    ("q4", lambda: revenue().astype(str), "incorrect", "not numbers"),
    ("q4", lambda: revenue().iloc[:0], "incorrect", "empty"),
    ("q4", lambda: pd.concat([revenue(), revenue().iloc[:1]]), "invalid", "more than once"),
    ("q4", lambda: revenue().where(revenue() < 250), "incorrect", "1 of 3 values differ"),
    ("q4", lambda: 600, "invalid", "expected a Series with 3 values, got the number 600"),
    # frame
    ("q5", rev_frame, "correct", ""),
    ("q5", lambda: rev_frame()[["orders", "revenue"]].iloc[::-1], "correct", ""),
    (
        "q5",
        lambda: rev_frame()[["revenue"]],
        "incorrect",
        "wrong shape: yours 3 rows × 1 column, expected 3 rows × 2 columns",
    ),
    ("q5", lambda: rev_frame().assign(x=1), "incorrect", "Extra column 'x'"),
    ("q5", lambda: rev_frame().iloc[:2], "incorrect", "wrong shape: yours 2 rows"),
    ("q5", lambda: rev_frame().reset_index(), "incorrect", "column 'customer_id'"),
    ("q5", lambda: rev_frame().assign(orders=lambda d: d.orders + 1), "incorrect", "in column 'orders'"),
    ("q5", lambda: rev_frame()["revenue"], "invalid", "to_frame"),
    ("q5", lambda: {"revenue": 1}, "invalid", "dict"),
    # ids (unordered / ordered)
    ("q6", lambda: ["C01", "C02"], "correct", ""),
    ("q6", lambda: {"C02", "C01"}, "correct", ""),
    ("q6", lambda: pd.Index(["C02", "C01"]), "correct", ""),
    ("q6", lambda: np.array(["C01", "C02"]), "correct", ""),
    ("q6", lambda: pd.Series(["C02", "C01"]), "correct", ""),
    ("q6", lambda: ("C01", "C02"), "correct", ""),
    ("q6", lambda: ["C01"], "incorrect", "1 expected id missing"),
    ("q6", lambda: ["C01", "C02", "C03"], "incorrect", "1 id should not be there, e.g. 'C03'"),
    ("q6", lambda: ["C01", "C01", "C02"], "incorrect", "more than once"),
    ("q6", lambda: [1, 2], "incorrect", "none of your ids match"),
    ("q6", lambda: [], "incorrect", "empty"),
    ("q6", lambda: "C01", "invalid", "put the ids in a list"),
    ("q6", lambda: "C01, C02", "correct", ""),
    ("q6", lambda: "C01、C02", "correct", ""),
    ("q6", lambda: "Ｃ０１，Ｃ０２", "correct", ""),
    ("q6", lambda: ["Ｃ０２", "C01 "], "correct", ""),
    ("q6", lambda: "C01、C03", "incorrect", "1 id should not be there, e.g. 'C03'"),
    ("q7", lambda: "C02、C01、C03", "correct", ""),
    ("q7", lambda: "C01，C02，C03", "incorrect", "order differs from position 1"),
    ("q6", lambda: revenue() > 100, "invalid", "mask"),
    ("q6", lambda: revenue()[revenue() > 100].to_frame(), "invalid", ".index.tolist()"),
    ("q6", lambda: (x for x in ["C01", "C02"]), "invalid", "list(...)"),
    ("q7", lambda: ["C02", "C01", "C03"], "correct", ""),
    ("q7", lambda: ["C01", "C02", "C03"], "incorrect", "order differs from position 1"),
]


@pytest.mark.parametrize("qid,make,status,fragment", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_answers(ex, qid, make, status, fragment):
    result = ex.check(qid, make())
    assert result.status == status, result.text
    assert fragment in result.message, result.text
    if status == "correct":
        assert result.text == f"✓ {qid} correct"
        assert result.correct


# --------------------------------------------------------------------------- kinds in isolation
def test_numeric_tolerance_edges():
    rel = NumericQuestion("t", prompt="p", expected=lambda: 100.0, hints=HINTS, rtol=0.01, atol=0)
    les = Lesson("t", questions=[rel], record=False)
    assert les.check("t", 101.0).status == "correct"  # exactly at the edge
    assert les.check("t", 99.0).status == "correct"
    assert les.check("t", 101.001).status == "incorrect"
    absq = NumericQuestion("z", prompt="p", expected=lambda: 0.0, hints=HINTS, rtol=0.5, atol=1e-3)
    les = Lesson("t", questions=[absq], record=False)
    assert les.check("z", 0.001).status == "correct"
    assert les.check("z", -0.0011).status == "incorrect"
    frac = NumericQuestion("f", prompt="p", expected=lambda: 0.25, hints=HINTS)
    msg = Lesson("t", questions=[frac], record=False).check("f", 25).message
    assert "percentage" in msg
    pct = NumericQuestion("p", prompt="p", expected=lambda: 25, hints=HINTS)
    assert "fraction" in Lesson("t", questions=[pct], record=False).check("p", 0.25).message


def test_expected_is_lazy_and_cached():
    calls = []

    def expected():
        calls.append(1)
        return 3

    q = NumericQuestion("q", prompt="p", expected=expected, hints=HINTS)
    les = Lesson("t", questions=[q], record=False)
    assert calls == []
    les.check("q", None)
    assert calls == []  # unanswered never computes the reference
    les.check("q", 3)
    les.check("q", 4)
    assert calls == [1]


def test_failing_reference_is_reported_not_raised():
    q = NumericQuestion("q", prompt="p", expected=lambda: 1 / 0, hints=HINTS)
    result = Lesson("t", questions=[q], record=False).check("q", 3)
    assert result.status == "invalid"
    assert "instructor" in result.message and "ZeroDivisionError" in result.message


def test_series_options():
    exp = pd.Series([3.0, 2.0, np.nan], index=["a", "b", "c"])
    ordered = SeriesQuestion("s", prompt="p", expected=lambda: exp, hints=HINTS, ignore_order=False, rtol=1e-3)
    les = Lesson("t", questions=[ordered], record=False)
    assert les.check("s", exp.copy()).status == "correct"  # NaN == NaN at the same label
    assert les.check("s", exp * 1.0001).status == "correct"
    r = les.check("s", exp.iloc[::-1])
    assert r.status == "incorrect" and "order" in r.message
    cat = SeriesQuestion(
        "c", prompt="p", expected=lambda: pd.Series(["x", "y"], index=[1, 2], dtype="category"), hints=HINTS
    )
    les = Lesson("t", questions=[cat], record=False)
    assert les.check("c", pd.Series(["y", "x"], index=[2, 1])).status == "correct"
    assert "first at row 2" in les.check("c", pd.Series(["x", "z"], index=[1, 2])).message


def test_frame_options():
    exp = pd.DataFrame({"a": [1, 2], "b": [3.0, 4.0]}, index=["x", "y"])
    strict = FrameQuestion(
        "f", prompt="p", expected=lambda: exp, hints=HINTS, ignore_column_order=False, ignore_order=False
    )
    les = Lesson("t", questions=[strict], record=False)
    assert les.check("f", exp.copy()).status == "correct"
    assert "different order" in les.check("f", exp[["b", "a"]]).message
    assert "order differs" in les.check("f", exp.iloc[::-1]).message
    loose = FrameQuestion("g", prompt="p", expected=lambda: exp, hints=HINTS, extra_columns=True)
    les = Lesson("t", questions=[loose], record=False)
    assert les.check("g", exp.assign(c=0)).status == "correct"
    r = les.check("g", exp.drop(columns="b"))
    assert r.status == "incorrect" and "Missing column 'b'" in r.message
    dup = pd.DataFrame([[1, 3.0]], columns=["a", "a"])
    assert les.check("g", dup).status == "invalid"


def test_choice_words_and_validation():
    q = ChoiceQuestion(
        "c", prompt="p", options=["recency", "frequency", "monetary value"], expected="monetary value", hints=HINTS
    )
    les = Lesson("t", questions=[q], record=False)
    assert les.check("c", "  Monetary   Value ").status == "correct"
    assert les.check("c", "recency").status == "incorrect"
    with pytest.raises(ValueError):
        ChoiceQuestion("c", prompt="p", options=["A"], expected="A", hints=HINTS)
    bad = ChoiceQuestion("c", prompt="p", options="AB", expected="Z", hints=HINTS)
    assert Lesson("t", questions=[bad], record=False).check("c", "A").status == "invalid"


def test_ids_of_numbers():
    q = IdsQuestion("i", prompt="p", expected=lambda: pd.Index([3, 1, 2]), hints=HINTS, ordered=True)
    les = Lesson("t", questions=[q], record=False)
    assert les.check("i", [np.int64(3), 1, 2]).status == "correct"
    assert les.check("i", np.array([3, 1, 2])).status == "correct"
    assert les.check("i", [1, 2, 3]).status == "incorrect"


# --------------------------------------------------------------------------- banks and registry
def test_validate_bank_rejects_bad_banks():
    with pytest.raises(ValueError, match="used twice"):
        validate_bank([NumericQuestion("a", prompt="p", expected=1, hints=HINTS)] * 2)
    with pytest.raises(ValueError, match="2-3 hints"):
        validate_bank([NumericQuestion("a", prompt="p", expected=1, hints=HINTS[:1])])
    with pytest.raises(ValueError, match="no QUESTIONS"):
        validate_bank([])
    with pytest.raises(TypeError, match="english, chinese"):
        NumericQuestion("a", prompt=("only english",), expected=1, hints=HINTS)
    with pytest.raises(ValueError):
        NumericQuestion("bad id", prompt="p", expected=1, hints=HINTS)


def test_unknown_lesson_is_a_clear_error():
    with pytest.raises(LookupError, match="no question bank for lesson '42-nothing'"):
        Lesson("42-nothing")


@pytest.mark.parametrize("lesson", lesson_ids())
def test_registered_banks_are_well_formed(lesson):
    module = bank_module(lesson)
    questions = validate_bank(module, lesson=lesson)
    for q in questions:
        assert all(en.strip() and zh.strip() for en, zh in (q.prompt, *q.hints))
        assert callable(q._expected) or isinstance(q, ChoiceQuestion), f"{lesson} {q.qid}: expected must be callable"
    assert "demo" in REGISTRY


def test_no_eval_or_exec():
    sources = list((ROOT / "coursekit" / "exercises").glob("*.py"))
    sources.append(ROOT / "coursekit" / "questions" / "__init__.py")
    for path in sources:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\b(eval|exec)\s*\(", text), path


# --------------------------------------------------------------------------- hints and display
def test_hints_progress_and_stop(ex):
    result = ex.check("q3", {"A"})
    fb = Feedback(result)
    assert [fb.reveal_next_hint() for _ in range(4)] == [
        "There are three.",
        "R, F and M.",
        "Region is not one of them.",
        None,
    ]
    fb = Feedback(ex.check("q1", None))
    widget = fb.build_widget()
    button = widget.children[0].children[1]
    hints_box = widget.children[1]
    assert hints_box.value == ""
    button.click()
    assert "Hint 1/2: Select the amount column." in hints_box.value
    assert not button.disabled
    button.click()
    assert "Hint 2/2" in hints_box.value and button.disabled
    button.click()  # no error after the last hint
    assert hints_box.value.count("Hint") == 2


def test_hints_recorded_in_progress(ex, home):
    shown = []
    fb = Feedback(
        ex.check("q1", None), on_hint=lambda n: (shown.append(n), exmod._progress.record_hint("demo", "q1", n))
    )
    fb.reveal_next_hint()
    fb.reveal_next_hint()
    assert shown == [1, 2]
    assert ex.summary().loc["q1", "hints_shown"] == 2


def test_text_plain_is_deterministic(ex):
    bundles = [Feedback(ex.check("q4", revenue() * 2))._repr_mimebundle_() for _ in range(2)]
    assert bundles[0]["text/plain"] == bundles[1]["text/plain"]
    assert bundles[0]["text/html"] == bundles[1]["text/html"]
    assert "application/vnd.jupyter.widget-view+json" not in bundles[0]  # no kernel here
    assert not re.search(r"\d{4}-\d{2}-\d{2}", bundles[0]["text/plain"])
    assert repr(ex.check("q1", 600)) == "✓ q1 correct"
    assert str(ex.check("q1", None)) == "… q1 not answered yet"
    assert ex.check("q1", 5).text.startswith("✗ q1 not yet: ")
    assert ex.check("q1", "5").text.startswith("⚠ q1 check your answer: ")


def test_language_switch(ex):
    coursekit.use("zh")
    assert ex.check("q1", None).text == "… q1 尚未作答"
    assert ex.check("q1", 600).text == "✓ q1 正确"
    r = ex.check("q1", "600")
    assert "去掉引号" in r.message and r.text.startswith("⚠ q1 请检查答案：")
    assert "需要一个含 3 个值的 Series" in ex.check("q4", 1).message
    assert ex.hints("q1")[0] == "选出 amount 列。"
    coursekit.use("en")
    assert "remove the quotes" in ex.check("q1", "600").message
    assert ex.hints("q1")[0] == "Select the amount column."


# --------------------------------------------------------------------------- progress
def read_progress(home):
    return json.loads((home / "progress.json").read_text(encoding="utf-8"))


def test_progress_records_attempts_and_first_correct(ex, home):
    ex.check("q1", None)
    data = read_progress(home)
    assert data["lessons"]["demo"]["q1"] == {"status": "unanswered", "attempts": 0}
    ex.check("q1", 5)
    ex.check("q1", 600)
    entry = read_progress(home)["lessons"]["demo"]["q1"]
    first = entry["first_correct"]
    assert entry["status"] == "correct" and entry["attempts"] == 2
    assert re.match(r"\d{4}-\d{2}-\d{2}T", first)
    ex.check("q1", None)  # re-running an unanswered cell doesn't forget progress
    ex.check("q1", 600)
    entry = read_progress(home)["lessons"]["demo"]["q1"]
    assert entry["status"] == "correct" and entry["attempts"] == 3 and entry["first_correct"] == first
    ex.check("nope", 1)  # unknown question: not recorded
    assert "nope" not in read_progress(home)["lessons"]["demo"]


def test_progress_not_recorded_when_disabled(home):
    Lesson("demo", record=False).check("q1", 600)
    assert not (home / "progress.json").exists()


def test_default_home(monkeypatch, tmp_path):
    monkeypatch.delenv("COURSEKIT_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert exmod.progress_path() == tmp_path / ".coursekit" / "progress.json"


def test_atomic_write_keeps_old_file_on_failure(ex, home, monkeypatch):
    ex.check("q1", 600)
    before = (home / "progress.json").read_bytes()

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(exmod._progress.os, "replace", broken_replace)
    result = ex.check("q2", "A")  # still works, progress is best effort
    assert result.status == "correct"
    assert (home / "progress.json").read_bytes() == before
    assert sorted(p.name for p in home.iterdir()) == ["progress.json"]  # no temp file left behind
    assert "disk full" in exmod._progress.last_error[0]


@pytest.mark.parametrize("content", ["{not json", "", "[1, 2]", '{"lessons": {"demo": 3}}', "\x00\x01"])
def test_corrupt_progress_is_backed_up(ex, home, capsys, content):
    home.mkdir(parents=True)
    (home / "progress.json").write_text(content, encoding="utf-8")
    result = ex.check("q1", 600)
    assert result.status == "correct"
    out, err = capsys.readouterr()
    assert err == ""
    assert out.count("\n") == 1 and "progress.json.corrupt" in out and "Traceback" not in out
    assert (home / "progress.json.corrupt").read_text(encoding="utf-8") == content
    assert read_progress(home)["lessons"]["demo"]["q1"]["status"] == "correct"


def test_unwritable_home_does_not_break_checks(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("COURSEKIT_HOME", str(blocker / "sub"))
    assert Lesson("demo").check("q1", 600).status == "correct"


def test_dashboard_and_summary(ex, home):
    empty = dashboard()
    assert isinstance(empty, pd.DataFrame)
    assert "problem" not in empty.columns  # every bank loads: no problem column
    assert "demo" not in empty.index  # the demo bank is hidden until used
    ex.check("q1", 600)
    ex.check("q2", "B")
    ex.check("q3", None)
    ex.check("q4", revenue())
    board = dashboard()
    row = board.loc["demo"]
    assert (row["questions"], row["answered"], row["correct"]) == (7, 3, 2)
    assert row["title"] == "Demo exercises"
    html = board._repr_html_()
    assert "coursekit-dashboard" in html and "2/7" in html
    assert type(board[["answered"]]) is pd.DataFrame  # derived frames are plain DataFrames
    # a lesson with progress but no bank any more still shows
    data = read_progress(home)
    data["lessons"]["98-old"] = {"q1": {"status": "correct", "attempts": 1}}
    (home / "progress.json").write_text(json.dumps(data), encoding="utf-8")
    board = dashboard()
    assert board.loc["98-old", "correct"] == 1 and pd.isna(board.loc["98-old", "questions"])
    board._repr_html_()
    summary = ex.summary()
    assert list(summary.index) == ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]
    assert summary.loc["q1", "status"] == "correct" and summary.loc["q2", "status"] == "incorrect"
    assert summary.loc["q3", "status"] == "unanswered" and summary.loc["q3", "attempts"] == 0
    assert "first_correct" not in summary.columns
    coursekit.use("zh")
    assert ex.summary().loc["q1", "prompt"] == "全部订单的总收入（元）"


def test_warnings_stay_out_of_check_outputs(recwarn, capsys):
    import warnings

    def expected():
        warnings.warn("3 rows excluded", coursekit.CourseKitDataNote, stacklevel=2)
        return pd.Series([1.0, np.inf], index=["a", "b"])

    q = SeriesQuestion("s", prompt="p", expected=expected, hints=HINTS)
    les = Lesson("t", questions=[q], record=False)
    assert les.check("s", pd.Series([1.0, np.inf], index=["a", "b"])).status == "correct"
    assert les.check("s", pd.Series([np.nan, -np.inf], index=["a", "b"])).status == "incorrect"
    assert len(recwarn) == 0
    assert capsys.readouterr() == ("", "")


# --------------------------------------------------------------------------- banks: one-way dependency
@pytest.mark.parametrize(
    "first, second",
    [
        ("coursekit.exercises", "coursekit.questions"),
        ("coursekit.questions", "coursekit.exercises"),
        ("coursekit.questions.demo", "coursekit.exercises"),
    ],
)
def test_exercises_and_questions_import_in_either_order(first, second):
    code = (
        "import importlib, sys\n"
        f"importlib.import_module({first!r})\n"
        # importing the exercise machinery alone must not pull in the banks
        f"assert {first!r} != 'coursekit.exercises' or 'coursekit.questions' not in sys.modules\n"
        f"importlib.import_module({second!r})\n"
        "from coursekit.exercises import Lesson\n"
        "from coursekit.questions import bank_module\n"
        "print(Lesson('demo', record=False), bank_module('demo').LESSON)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["Lesson('demo',", "7", "questions)", "demo"]


def test_exercises_never_import_the_banks():
    for path in (ROOT / "coursekit" / "exercises").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [("." * node.level) + (node.module or "")]
                names += [f"{names[0]}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                assert not re.match(r"(coursekit|\.\.)\.?questions", name), f"{path.name} imports {name}"


@pytest.fixture
def bank_folder(tmp_path, monkeypatch):
    """An extra folder on the path of ``coursekit.questions``, for deliberately broken banks."""
    package = importlib.import_module("coursekit.questions")
    folder = tmp_path / "banks"
    folder.mkdir()
    monkeypatch.setattr(package, "__path__", [*package.__path__, str(folder)])
    yield folder
    for name in [m for m in sys.modules if m.startswith("coursekit.questions.lesson9")]:
        del sys.modules[name]
    importlib.invalidate_caches()


def test_dashboard_reports_a_broken_bank(bank_folder, home):
    (bank_folder / "lesson97.py").write_text('LESSON = "97-broken"\nraise RuntimeError("typo in the bank")\n')
    (bank_folder / "lesson96.py").write_text('LESSON = "96-empty"\nQUESTIONS = []\n')
    importlib.invalidate_caches()
    # progress recorded before the bank broke
    home.mkdir(parents=True, exist_ok=True)
    (home / "progress.json").write_text(
        json.dumps({"version": 1, "lessons": {"97-broken": {"q1": {"status": "correct", "attempts": 2}}}}),
        encoding="utf-8",
    )
    board = dashboard()
    assert "problem" in board.columns
    # the module fails at import: listed under its two digits, and under the id in the progress file
    for lesson in ("97", "97-broken"):
        assert board.loc[lesson, "problem"] == (
            f"lesson {lesson}: the question bank could not be loaded (RuntimeError: typo in the bank). "
            f"Please tell your instructor."
        )
        assert pd.isna(board.loc[lesson, "questions"])
    assert board.loc["97-broken", "correct"] == 1
    assert (
        "96-empty: the question bank could not be loaded (ValueError: question bank '96-empty': the bank has no "
        "QUESTIONS)" in board.loc["96-empty", "problem"]
    )
    html = board._repr_html_()
    assert html.count("coursekit-bank-problem") == 3
    assert "lesson 97-broken: the question bank could not be loaded (RuntimeError: typo in the bank)" in html
    coursekit.use("zh")
    assert "第 97-broken 课：题库无法加载（RuntimeError: typo in the bank）" in dashboard().loc["97-broken", "problem"]
    # the learner opening the lesson sees the error itself, not an empty lesson
    with pytest.raises(RuntimeError, match="typo in the bank"):
        Lesson("97-broken")


def test_choice_answers_from_a_chinese_keyboard_for_a_two_option_answer():
    """The issue's three spellings of {"A", "C"} are all correct (before: "not one of the options")."""
    q = ChoiceQuestion("q", prompt=("p", "题"), options="ABCD", expected={"A", "C"}, hints=HINTS)
    for typed in ("Ａ，Ｃ", "A，C", "A、C", "a、c", "Ｃ、Ａ", "A, C", "AC"):
        assert q.evaluate(typed) == ("correct", ""), typed
    assert q.evaluate("Ａ，Ｂ")[0] == "incorrect"
    words = ChoiceQuestion("w", prompt=("p", "题"), options=["recency", "frequency"], expected="recency", hints=HINTS)
    assert words.evaluate("ＲＥＣＥＮＣＹ") == ("correct", "")
    ids = IdsQuestion("i", prompt=("p", "题"), expected=lambda: [101, 205], hints=HINTS)
    assert ids.evaluate("101、205") == ("correct", "")  # integer ids typed as text
    assert ids.evaluate("１０１，２０５") == ("correct", "")


# Wrong answers of every kind: the Chinese feedback for each must be all Chinese.
WRONG = [
    ("q1", 650),
    ("q1", 60000),
    ("q1", -600),
    ("q1", "600"),
    ("q1", float("nan")),
    ("q1", [600]),
    ("q1", pd.Timedelta("3D")),
    ("q2", "B"),
    ("q2", "E"),
    ("q2", ["A", "B"]),
    ("q3", {"A", "C"}),
    ("q3", {"A", "B", "C", "D"}),
    ("q3", "A, X"),
    ("q4", lambda: revenue() * 2),
    ("q4", lambda: revenue().iloc[:2]),
    ("q4", lambda: revenue().reset_index(drop=True)),
    ("q4", lambda: revenue().reset_index()),
    ("q4", lambda: revenue().astype(str)),
    ("q5", lambda: rev_frame()[["revenue"]]),
    ("q5", lambda: rev_frame().assign(x=1)),
    ("q5", lambda: rev_frame().assign(orders=lambda d: d.orders + 1)),
    ("q5", lambda: rev_frame()["revenue"]),
    ("q6", ["C01"]),
    ("q6", ["C01", "C02", "C03"]),
    ("q6", ["C01", "C01", "C02"]),
    ("q6", "C01"),
    ("q6", lambda: revenue() > 100),
    ("q7", ["C01", "C02", "C03"]),
    ("q9", 1),
]


def _english_only_words() -> set[str]:
    """Words of the catalog's English that its Chinese never uses (so a Chinese text must not show them)."""
    entries = [(e.msgid, e.msgstr) for e in __import__("polib").pofile(str(coursekit.i18n.catalog_path()))]
    english = {w.lower() for msgid, _ in entries for w in re.findall(r"[A-Za-z]{3,}", re.sub(r"\{[^}]*\}", " ", msgid))}
    chinese = {
        w.lower() for _, msgstr in entries for w in re.findall(r"[A-Za-z]{3,}", re.sub(r"\{[^}]*\}", " ", msgstr))
    }
    return english - chinese


def test_chinese_feedback_never_mixes_languages(ex):
    words = _english_only_words()
    assert {"expected", "missing", "rows", "answer", "values"} <= words  # the test can see English
    coursekit.use("zh")
    for qid, answer in WRONG:
        result = ex.check(qid, answer() if callable(answer) else answer)
        assert result.status in ("incorrect", "invalid"), (qid, result.text)
        # the check message (the bank's hints are the bank's text; they may gloss a term such as Recency)
        leaked = {w for w in re.findall(r"[A-Za-z]{3,}", result.text) if w.lower() in words}
        assert not leaked, f"{qid} {answer!r}: English words {sorted(leaked)} in {result.text}"
        assert re.search(r"[\u4e00-\u9fff]", result.text), result.text


def test_dashboard_and_summary_speak_the_readers_language(ex):
    ex.check("q1", 600)
    ex.check("q2", "B")
    coursekit.use("zh")
    board = dashboard()
    assert board.loc["demo", "title"] == "示例练习"  # the lesson title in Chinese
    text = repr(board)
    for header in ("课次", "标题", "题数", "已作答", "正确"):
        assert header in text
    assert not re.search(r"\b(title|questions|answered|correct|lesson)\b", text)
    html = board._repr_html_()
    assert "课次" in html and "示例练习" in html and "Lesson" not in html
    summary = ex.summary()
    assert summary.loc["q1", "status"] == "correct"  # keys for code
    with pd.option_context("display.width", 400, "display.max_columns", 20):
        shown = repr(summary)
    for text in (
        "题号",
        "题目",
        "题型",
        "状态",
        "作答次数",
        "已看提示",
        "正确",
        "还不对",
        "尚未作答",
        "数值",
        "选择题",
    ):
        assert text in shown, text
    assert not re.search(r"\b(correct|incorrect|unanswered|numeric|choice|prompt|status)\b", shown)
    assert "尚未作答" in summary._repr_html_()
    coursekit.use("en")
    assert "Title" in repr(dashboard()) and "Demo exercises" in repr(dashboard())
    assert "Not answered yet" in ex.summary().for_reader()["Status"].tolist()
