"""Exercise checking for the course notebooks: questions, feedback, hints, progress.

In an exercise notebook::

    from coursekit.exercises import Lesson
    ex = Lesson("07-rfm")
    ...
    answer_q1 = None          # the learner replaces None
    ex.check("q1", answer_q1) # locked cell: shows ✓ / ✗ / "not answered yet" and a Hint button

The reference answers live in question banks (``coursekit/questions/<module>.py``),
never in a notebook. The banks import this package (for the question kinds); this
package finds a bank by name (:mod:`.banks`) only when a lesson asks for it. ``check`` never raises: whatever the learner passes, the result
has a ``status`` in ``{"correct", "incorrect", "unanswered", "invalid"}`` and a
friendly ``message`` in the language chosen with ``coursekit.use``.

>>> from coursekit.exercises import Lesson
>>> ex = Lesson("demo", record=False)
>>> ex.check("q1", None)
… q1 not answered yet
>>> ex.check("q1", 600.0)
✓ q1 correct
>>> ex.check("q2", "b").status
'incorrect'
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import pandas as pd

from .. import i18n
from . import _progress as progress
from ._display import CheckResult, Feedback, show
from ._questions import (
    CORRECT,
    INVALID,
    STATUSES,
    UNANSWERED,
    ChoiceQuestion,
    IdsQuestion,
    NumericQuestion,
    Question,
)
from ._table_questions import FrameQuestion, SeriesQuestion
from .banks import bank_module, lesson_ids

#: Every question kind by its name.
KINDS: dict[str, type[Question]] = {
    cls.kind: cls for cls in (NumericQuestion, ChoiceQuestion, IdsQuestion, SeriesQuestion, FrameQuestion)
}

__all__ = [
    "CheckResult",
    "ChoiceQuestion",
    "FrameQuestion",
    "IdsQuestion",
    "Lesson",
    "NumericQuestion",
    "KINDS",
    "Question",
    "SeriesQuestion",
    "STATUSES",
    "bank_module",
    "dashboard",
    "lesson_ids",
    "progress_path",
    "validate_bank",
]

progress_path = progress.progress_path

#: How a learner reads a check status and a question kind in the summary table.
STATUS_NAMES = i18n.define_names(
    "exercise_status",
    {CORRECT: "Correct", "incorrect": "Not yet", UNANSWERED: "Not answered yet", INVALID: "Check your answer"},
    column="status",
)
KIND_NAMES = i18n.define_names(
    "question_kind",
    {"numeric": "Number", "choice": "Choice", "series": "Series", "frame": "Table", "ids": "List of ids"},
    column="kind",
)
#: Column headers of the dashboard and of ``Lesson.summary`` (the columns themselves keep their keys).
HEADERS = {
    "lesson": i18n.N_("Lesson"),
    "title": i18n.N_("Title"),
    "questions": i18n.N_("Questions"),
    "answered": i18n.N_("Answered"),
    "correct": i18n.N_("Correct"),
    "problem": i18n.N_("Problem"),
    "question": i18n.N_("Question"),
    "prompt": i18n.N_("Prompt"),
    "kind": i18n.N_("Kind"),
    "status": i18n.N_("Status"),
    "attempts": i18n.N_("Attempts"),
    "hints_shown": i18n.N_("Hints shown"),
}


class _ReaderTable(pd.DataFrame):
    """A DataFrame that keeps its key columns for code and shows headers and names in the reader's language.

    Only the view changes (``repr`` and the notebook's ``text/plain``): ``table["status"]`` still
    holds ``"correct"``; derived frames are plain DataFrames.
    """

    @property
    def _constructor(self):
        return pd.DataFrame

    def for_reader(self) -> pd.DataFrame:
        """A plain copy with headers and key columns in the language of ``coursekit.use``."""
        shown = i18n.display(
            pd.DataFrame(self),
            {c: k for c, k in (("status", "exercise_status"), ("kind", "question_kind")) if c in self.columns},
        )
        shown = shown.rename(columns=lambda c: i18n._(HEADERS[c]) if c in HEADERS else c)
        if shown.index.name in HEADERS:
            shown.index.name = i18n._(HEADERS[shown.index.name])
        return shown

    def __repr__(self) -> str:
        return repr(self.for_reader())

    def _repr_html_(self) -> str:
        return self.for_reader()._repr_html_()


def validate_bank(module_or_questions, *, lesson: str | None = None) -> list:
    """Check a bank's structure (not its reference values); return its questions.

    Raises ``ValueError`` listing every problem: duplicate ids, fewer than 2 or more
    than 3 hints, objects that are not questions.
    """
    questions = getattr(module_or_questions, "QUESTIONS", module_or_questions)
    questions = list(questions)
    problems = []
    seen = set()
    for q in questions:
        if not isinstance(q, Question):
            problems.append(f"{q!r} is not a question object")
            continue
        if q.qid in seen:
            problems.append(f"question id {q.qid!r} is used twice")
        seen.add(q.qid)
        if not 2 <= len(q.hints) <= 3:
            problems.append(f"{q.qid}: give 2-3 hints, got {len(q.hints)}")
    if not questions:
        problems.append("the bank has no QUESTIONS")
    if problems:
        where = f"question bank {lesson!r}: " if lesson else "question bank: "
        raise ValueError(where + "; ".join(problems))
    return questions


class Lesson:
    """The exercises of one lesson: ``Lesson("07-rfm")``.

    Parameters
    ----------
    lesson_id : str
        Lesson id of a question bank in ``coursekit.questions`` (see :mod:`.banks`), e.g. ``"07-rfm"``.
    questions : iterable of Question, optional
        Use these questions instead of the registered bank (tests, ad-hoc exercises).
    record : bool
        Save progress to the progress file (``COURSEKIT_HOME``). Default True.
    """

    def __init__(self, lesson_id: str, *, questions: Iterable[Question] | None = None, record: bool = True):
        self.lesson_id = lesson_id
        self.record = record
        if questions is None:
            module = bank_module(lesson_id)
            questions = validate_bank(module, lesson=lesson_id)
            self.title = getattr(module, "TITLE", (lesson_id, lesson_id))
        else:
            questions = validate_bank(questions, lesson=lesson_id)
            self.title = (lesson_id, lesson_id)
        self.questions: dict[str, Question] = {q.qid: q for q in questions}

    def __repr__(self) -> str:
        return f"Lesson({self.lesson_id!r}, {len(self.questions)} questions)"

    def check(self, qid: str, answer) -> CheckResult:
        """Check ``answer`` for question ``qid``; display the feedback in a notebook, return the result.

        Never raises. ``None`` or ``...`` means "not answered yet".
        """
        try:
            result = self._check(qid, answer)
        except Exception:  # last line of defence: never a traceback in a learner's notebook
            result = CheckResult(str(qid), INVALID, i18n._("your answer could not be checked."), lesson=self.lesson_id)
        on_hint = None
        if self.record and result.qid in self.questions:
            lesson, q = self.lesson_id, result.qid
            try:
                progress.record(lesson, q, result.status)
            except Exception:
                pass

            def on_hint(n, lesson=lesson, q=q):
                progress.record_hint(lesson, q, n)

        show(result, on_hint=on_hint)
        return result

    def _check(self, qid, answer) -> CheckResult:
        question = self.questions.get(qid) if isinstance(qid, str) else None
        if question is None:
            known = ", ".join(self.questions)
            return CheckResult(
                str(qid),
                INVALID,
                i18n._(
                    "there is no question {qid!r} in lesson {self_lesson_id} (questions: {known}).",
                    qid=qid,
                    self_lesson_id=self.lesson_id,
                    known=known,
                ),
                lesson=self.lesson_id,
            )
        status, message = question.evaluate(answer)
        return CheckResult(qid, status, message, lesson=self.lesson_id, hints=question.hint_texts())

    def feedback(self, qid: str, answer) -> Feedback:
        """The displayable feedback object (no progress recorded); for tests and custom layouts."""
        return Feedback(self._check(qid, answer))

    def hints(self, qid: str) -> list[str]:
        """All hints of a question in the language in use."""
        return self.questions[qid].hint_texts()

    def summary(self) -> pd.DataFrame:
        """One row per question: prompt, kind, status, attempts, hints shown (no timestamps).

        The columns hold keys (``status`` is ``"correct"`` ...); the notebook view shows the
        headers, kinds and statuses in the language of ``coursekit.use``.
        """
        entries = progress.lesson_entries(self.lesson_id)
        rows = []
        for qid, q in self.questions.items():
            e = entries.get(qid, {})
            rows.append(
                {
                    "question": qid,
                    "prompt": q.prompt_text(),
                    "kind": q.kind,
                    "status": e.get("status", UNANSWERED),
                    "attempts": int(e.get("attempts", 0)),
                    "hints_shown": int(e.get("hints_shown", 0)),
                }
            )
        return _ReaderTable(pd.DataFrame(rows).set_index("question"))


class ProgressTable(_ReaderTable):
    """A DataFrame (one row per lesson) whose notebook view is a small table with progress bars.

    When a question bank could not be loaded, the table has a ``problem`` column
    naming the error, and the notebook view adds a red line per broken lesson.
    """

    def _repr_html_(self) -> str:
        head = "".join(
            f"<th style='text-align:left;padding:2px 8px'>{html.escape(h)}</th>"
            for h in (i18n._("Lesson"), i18n._("Title"), i18n._("Answered"), i18n._("Correct"))
        )
        rows = []
        for lesson, r in self.iterrows():
            total = r["questions"]
            total_i = int(total) if pd.notna(total) else max(int(r["answered"]), 1)
            pct = 0 if not total_i else round(100 * int(r["correct"]) / total_i)
            bar = (
                f"<div style='background:#eee;width:120px;height:10px;display:inline-block'>"
                f"<div style='background:#1b7f3b;width:{pct}%;height:10px'></div></div>"
            )
            rows.append(
                f"<tr><td style='padding:2px 8px'>{html.escape(str(lesson))}</td>"
                f"<td style='padding:2px 8px'>{html.escape(str(r['title']))}</td>"
                f"<td style='padding:2px 8px'>{int(r['answered'])}/{total_i}</td>"
                f"<td style='padding:2px 8px'>{bar} {int(r['correct'])}/{total_i}</td></tr>"
            )
        problems = ""
        if "problem" in self.columns:
            problems = "".join(
                f"<p class='coursekit-bank-problem' style='color:#b00020;margin:2px 0'>⚠ {html.escape(str(text))}</p>"
                for text in self["problem"]
                if text
            )
        return f"<table class='coursekit-dashboard'><tr>{head}</tr>{''.join(rows)}</table>{problems}"


def _bank_problem(lesson: str, exc: Exception) -> str:
    """One line for a learner and an instructor: which lesson's bank is broken, and the error."""
    error = f"{type(exc).__name__}: {exc}"
    return i18n._(
        "lesson {lesson}: the question bank could not be loaded ({error}). Please tell your instructor.",
        lesson=lesson,
        error=error,
    )


def dashboard() -> ProgressTable:
    """Progress per lesson: questions, answered, correct (a DataFrame with a progress-bar HTML view).

    The columns hold keys; what a learner sees (the table's text and HTML) has its headers and the
    lesson titles in the language of ``coursekit.use`` (``setup_notebook("zh")`` in the Chinese edition).

    Lessons are every registered bank plus any lesson found in the progress file.
    A lesson whose progress outlived its bank shows no question count. A bank that
    exists but fails to load (an error in the bank module, a malformed bank) is
    reported, not hidden: the table gets a ``problem`` column naming the lesson and
    the error, and the notebook view shows it as a red line.
    """
    data = progress.load()["lessons"]
    ids = [i for i in lesson_ids() if i != "demo" or "demo" in data]
    rows = []
    for lesson in sorted(set(ids) | set(data)):
        total, title, problem = pd.NA, lesson, ""
        try:
            module = bank_module(lesson)
            total = len(validate_bank(module, lesson=lesson))
            title = i18n.pair(getattr(module, "TITLE", (lesson, lesson)))
        except LookupError:
            pass  # no bank (any more) for this lesson: its progress still shows
        except Exception as exc:
            problem = _bank_problem(lesson, exc)
        # scenario trainer steps ("scenario:<id>:<step>") are in the progress file, not in the question count
        entries = {q: e for q, e in data.get(lesson, {}).items() if not q.startswith("scenario:")}
        answered = sum(1 for e in entries.values() if int(e.get("attempts", 0)) > 0)
        correct = sum(1 for e in entries.values() if e.get("status") == CORRECT)
        rows.append(
            {
                "lesson": lesson,
                "title": title,
                "questions": total,
                "answered": answered,
                "correct": correct,
                "problem": problem,
            }
        )
    frame = pd.DataFrame(rows, columns=["lesson", "title", "questions", "answered", "correct", "problem"])
    frame = frame.set_index("lesson")
    frame["questions"] = frame["questions"].astype("Int64")
    if not frame["problem"].astype(bool).any():
        frame = frame.drop(columns="problem")
    return ProgressTable(frame)
