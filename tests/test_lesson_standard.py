"""Machine checks of docs/lesson-standard.md, applied to every lesson marked *ready* in the README.

Each rule is a small function ``check_<rule>(...)`` that returns a list of problems (empty when
the rule holds). The checker itself is tested on small synthetic notebooks: one that passes
every rule and, per rule, one that breaks it. The ``test_ready_lesson_*`` tests then apply the
rules to the real lessons and solutions (English edition, top level of ``notebooks/`` and
``solutions/``); select them with ``-k ready_lesson``.

The last test checks the charts of the helper package: every public ``plot_*`` returns an Axes
with a title and both axis labels.
"""

from __future__ import annotations

import copy
import importlib
import inspect
import pkgutil
import re
from functools import cache, lru_cache
from pathlib import Path
from types import SimpleNamespace

import matplotlib.pyplot as plt
import nbformat
import pandas as pd
import pytest
from _scripts import load_script
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

import coursekit
from coursekit import i18n

ROOT = Path(__file__).resolve().parent.parent
lesson_meta = load_script("tools/lesson_meta.py")

# The exact markers of the standard (docs/lesson-standard.md).
OPENING_MARKERS = ("**Objectives · 学习目标**", "**Minutes · 时长**", "**Prerequisites · 先修**")
KEY_POINTS = "## Key points · 要点"
TAKEAWAY = "**Management takeaway · 管理启示**"
ACTION = "> **Action · 行动**"
RUBRIC = "**Rubric · 评分要点**"
BEGIN_SOLUTION = "<!-- BEGIN SOLUTION -->"
REQUIRED_METADATA = ("lesson", "title", "title_zh", "objectives", "prerequisites")
SECTION_MINUTES = (5, 40)
#: No gap between interactive moments over 20 minutes, approximated by sections: a run of
#: consecutive sections without an interaction section lasts at most 40 minutes.
MAX_MINUTES_WITHOUT_INTERACTION = 40
MIN_QUESTIONS, MIN_JUDGEMENT = 8, 3


# ---------------------------------------------------------------------------------------------
# the checks
# ---------------------------------------------------------------------------------------------


def _markdown(nb):
    return [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "markdown"]


def _is_heading2(source: str) -> bool:
    return source.startswith("## ")


def check_opening(nb) -> list[str]:
    """The first cell is the title (``# ``) with objectives, minutes and prerequisites."""
    if not nb.cells:
        return ["the notebook has no cells"]
    first = nb.cells[0]
    if first.cell_type != "markdown" or not first.source.startswith("# "):
        return ["the first cell is not a markdown title starting with '# '"]
    return [f"the opening cell lacks {marker}" for marker in OPENING_MARKERS if marker not in first.source]


def check_closing(nb) -> list[str]:
    """A ``## Key points · 要点`` cell, then (in it or after it) the management takeaway."""
    key = [i for i, c in _markdown(nb) if c.source.startswith(KEY_POINTS)]
    if not key:
        return [f"no cell starts with {KEY_POINTS!r}"]
    takeaway = [i for i, c in _markdown(nb) if TAKEAWAY in c.source]
    if not takeaway:
        return [f"no cell contains {TAKEAWAY}"]
    if max(takeaway) < key[0]:
        return [f"the management takeaway (cell {max(takeaway)}) comes before the key points (cell {key[0]})"]
    return []


def check_sections(nb) -> list[str]:
    """Every level-2 heading but the frame is a section with valid metadata, 5–40 minutes."""
    problems = []
    for i, cell in _markdown(nb):
        inner = [line for line in cell.source.splitlines()[1:] if _is_heading2(line)]
        if inner:
            problems.append(f"cell {i}: a level-2 heading must start its own cell ({inner[0]!r})")
    try:
        found = lesson_meta.sections(nb)
    except ValueError as err:
        return [*problems, str(err)]
    if not found:
        problems.append("the notebook has no section")
    low, high = SECTION_MINUTES
    problems += [
        f"section {s['title']!r}: {s['minutes']} minutes, outside {low}–{high}"
        for s in found
        if not low <= s["minutes"] <= high
    ]
    return problems


def check_metadata(nb, lesson: str | None = None) -> list[str]:
    """Metadata ``coursekit`` has the frame keys, and minutes/split/sections as computed."""
    meta = nb.metadata.get("coursekit", {})
    problems = [f"metadata coursekit.{key} is missing" for key in REQUIRED_METADATA if key not in meta]
    for key in ("title", "title_zh"):
        if key in meta and not (isinstance(meta[key], str) and meta[key].strip()):
            problems.append(f"metadata coursekit.{key} must be a non-empty string")
    if "objectives" in meta and not (
        isinstance(meta["objectives"], list)
        and meta["objectives"]
        and all(isinstance(o, str) for o in meta["objectives"])
    ):
        problems.append("metadata coursekit.objectives must be a non-empty list of strings")
    if "prerequisites" in meta and not (
        isinstance(meta["prerequisites"], list) and all(isinstance(p, str) for p in meta["prerequisites"])
    ):
        problems.append("metadata coursekit.prerequisites must be a list of strings (may be empty)")
    if lesson is not None and "lesson" in meta and meta["lesson"] != lesson:
        problems.append(f"metadata coursekit.lesson is {meta['lesson']!r}, the file says {lesson!r}")
    try:
        values = lesson_meta.computed(nb)
    except ValueError as err:
        return [*problems, f"minutes cannot be computed: {err}"]
    problems += [
        f"metadata coursekit.{key} is {meta.get(key)!r}, computed {value!r}: run python tools/lesson_meta.py"
        for key, value in values.items()
        if meta.get(key) != value
    ]
    return problems


def _sections(nb) -> tuple[list[dict], list[str]]:
    """The sections, or no sections and the problem that prevents reading them."""
    try:
        return lesson_meta.sections(nb), []
    except ValueError as err:
        return [], [f"the sections cannot be read: {err}"]


def check_action_boxes(nb) -> list[str]:
    """Each section's last markdown cell (before the next level-2 heading) is an action box."""
    found, problems = _sections(nb)
    headings = [i for i, c in _markdown(nb) if _is_heading2(c.source)]
    for section in found:
        start = section["cell"]
        end = next((h for h in headings if h > start), len(nb.cells))
        body = [c for c in nb.cells[start + 1 : end] if c.cell_type == "markdown"]
        if not body or not body[-1].source.lstrip().startswith(ACTION):
            problems.append(f"section {section['title']!r} does not end with an action box ({ACTION} …)")
    return problems


def check_interaction(nb) -> list[str]:
    """An interaction section exists, and no run of other sections is longer than 40 minutes."""
    found, problems = _sections(nb)
    if problems:
        return problems
    if not any(s["kind"] == "interaction" for s in found):
        return ["no section of kind 'interaction'"]
    run = []
    for s in [*found, None]:
        if s is not None and s["kind"] != "interaction":
            run.append(s)
            continue
        minutes = sum(r["minutes"] for r in run)
        if minutes > MAX_MINUTES_WITHOUT_INTERACTION:
            titles = ", ".join(repr(r["title"]) for r in run)
            problems.append(
                f"{minutes} minutes without an interaction section (over {MAX_MINUTES_WITHOUT_INTERACTION}): {titles}"
            )
        run = []
    return problems


def check_question_bank(questions) -> list[str]:
    """At least 8 questions, at least 3 of them testing judgement."""
    problems = []
    if len(questions) < MIN_QUESTIONS:
        problems.append(f"{len(questions)} questions in the bank, the standard asks for at least {MIN_QUESTIONS}")
    judgement = [q.qid for q in questions if getattr(q, "judgement", False)]
    if len(judgement) < MIN_JUDGEMENT:
        problems.append(
            f"{len(judgement)} judgement questions ({', '.join(judgement) or 'none'}), "
            f"the standard asks for at least {MIN_JUDGEMENT}"
        )
    return problems


def check_rubrics(nb) -> list[str]:
    """Every written answer (``<!-- BEGIN SOLUTION -->`` block) starts with a marking rubric."""
    problems = []
    for i, cell in _markdown(nb):
        for block in cell.source.split(BEGIN_SOLUTION)[1:]:
            if not block.lstrip().startswith(RUBRIC):
                problems.append(f"cell {i}: the written answer does not start with {RUBRIC}")
    return problems


def check_solution_minutes(solution, lesson) -> list[str]:
    """The exercises fit in the lesson: the solution's minutes are at most the lesson's."""
    sol = solution.metadata.get("coursekit", {}).get("minutes")
    les = lesson.metadata.get("coursekit", {}).get("minutes")
    if not isinstance(sol, int) or not isinstance(les, int):
        return [f"minutes missing from the metadata (solution {sol!r}, lesson {les!r})"]
    return [] if sol <= les else [f"the solution takes {sol} minutes, more than the lesson's {les}"]


LESSON_CHECKS = {
    "opening": check_opening,
    "closing": check_closing,
    "sections": check_sections,
    "metadata": check_metadata,
    "action_boxes": check_action_boxes,
    "interaction": check_interaction,
}
SOLUTION_CHECKS = {
    "opening": check_opening,
    "closing": check_closing,
    "sections": check_sections,
    "metadata": check_metadata,
    "rubrics": check_rubrics,
}


# ---------------------------------------------------------------------------------------------
# the checker, tested on synthetic notebooks
# ---------------------------------------------------------------------------------------------


def _section(title, minutes, kind, path="core"):
    cell = new_markdown_cell(f"## {title}\n\nText.")
    cell.metadata["coursekit"] = {"section": {"minutes": minutes, "kind": kind, "path": path}}
    return cell


def _frame(nb, lesson="99"):
    nb.metadata["coursekit"] = {
        "lesson": lesson,
        "title": "Demo",
        "title_zh": "演示",
        "objectives": ["Rank the accounts"],
        "prerequisites": [],
    }
    nb.metadata["coursekit"].update(lesson_meta.computed(nb))
    return nb


def _opening():
    return new_markdown_cell(
        "# 99 Demo · 演示\n\n" + "\n\n".join(f"{m} …" for m in OPENING_MARKERS),
    )


def _closing():
    return [
        new_markdown_cell(f"{KEY_POINTS}\n\n- One point."),
        new_markdown_cell(f"{TAKEAWAY} The team calls the accounts on Monday."),
        new_markdown_cell("## Appendix for analysts · 附录\n\nThe pandas behind it."),
    ]


def good_lesson():
    cells = [
        _opening(),
        new_code_cell("import coursekit"),
        _section("1 Theory · 理论", 20, "theory"),
        new_code_cell("1 + 1"),
        new_markdown_cell(f"{ACTION} — Liu Yang calls C0412 by Friday."),
        _section("2 Poll · 投票", 10, "interaction"),
        new_markdown_cell("Predict, then run the cell."),
        new_markdown_cell(f"{ACTION} — write your guess on the flip chart now."),
        new_code_cell("2 + 2"),
        _section("3 Case · 案例", 20, "case", "extended"),
        new_markdown_cell(f"  {ACTION} — Wang Fang visits C1187 before 15 January."),
        _section("4 Practice · 练习", 20, "practice"),
        new_markdown_cell(f"{ACTION} — each manager lists five accounts."),
        *_closing(),
    ]
    return _frame(new_notebook(cells=cells))


def good_solution():
    cells = [
        _opening(),
        _section("Exercises · 练习", 30, "practice"),
        new_code_cell("answer_q1 = None"),
        new_markdown_cell(
            f"**Reflection.** Why?\n\n{BEGIN_SOLUTION}\n{RUBRIC}\n- names the accounts\n<!-- END SOLUTION -->"
        ),
        *_closing(),
    ]
    return _frame(new_notebook(cells=cells))


def good_bank():
    return [SimpleNamespace(qid=f"q{i}", judgement=i <= 3) for i in range(1, 9)]


def _cell(nb, start):
    return next(c for c in nb.cells if c.source.startswith(start))


def _set_section(nb, start, **values):
    _cell(nb, start).metadata["coursekit"]["section"].update(values)
    nb.metadata["coursekit"].update(lesson_meta.computed(nb))


def _drop(nb, start):
    nb.cells.remove(_cell(nb, start))


def _replace_in_first(nb, old, new):
    nb.cells[0].source = nb.cells[0].source.replace(old, new)


# (rule, how to break it on a good lesson, a phrase the problem must contain)
BROKEN_LESSONS = {
    "opening-not-a-title": ("opening", lambda nb: _replace_in_first(nb, "# 99", "99"), "title"),
    "opening-no-objectives": (
        "opening",
        lambda nb: _replace_in_first(nb, OPENING_MARKERS[0], "Objectives"),
        "Objectives",
    ),
    "opening-no-minutes": ("opening", lambda nb: _replace_in_first(nb, OPENING_MARKERS[1], "Minutes"), "Minutes"),
    "opening-no-prerequisites": (
        "opening",
        lambda nb: _replace_in_first(nb, OPENING_MARKERS[2], "Prerequisites"),
        "Prerequisites",
    ),
    "closing-no-key-points": ("closing", lambda nb: _drop(nb, KEY_POINTS), "Key points"),
    "closing-no-takeaway": ("closing", lambda nb: _drop(nb, TAKEAWAY), "Management takeaway"),
    "closing-takeaway-first": (
        "closing",
        lambda nb: nb.cells.insert(1, nb.cells.pop(nb.cells.index(_cell(nb, TAKEAWAY)))),
        "before the key points",
    ),
    "sections-no-metadata": ("sections", lambda nb: _cell(nb, "## 3").metadata.clear(), "without coursekit.section"),
    "sections-too-long": ("sections", lambda nb: _set_section(nb, "## 1", minutes=45), "outside 5–40"),
    "sections-too-short": ("sections", lambda nb: _set_section(nb, "## 2", minutes=3), "outside 5–40"),
    "sections-bad-kind": (
        "sections",
        lambda nb: _cell(nb, "## 1").metadata["coursekit"]["section"].update(kind="lecture"),
        "kind",
    ),
    "sections-heading-inside-a-cell": (
        "sections",
        lambda nb: setattr(nb.cells[6], "source", "Intro.\n## Hidden section"),
        "must start its own cell",
    ),
    "metadata-stale-minutes": ("metadata", lambda nb: nb.metadata["coursekit"].update(minutes=60), "computed"),
    "metadata-stale-split": (
        "metadata",
        lambda nb: _cell(nb, "## 1").metadata["coursekit"]["section"].update(kind="case"),
        "split",
    ),
    "metadata-no-title-zh": ("metadata", lambda nb: nb.metadata["coursekit"].pop("title_zh"), "title_zh"),
    "metadata-no-prerequisites": (
        "metadata",
        lambda nb: nb.metadata["coursekit"].pop("prerequisites"),
        "prerequisites",
    ),
    "metadata-empty-objectives": ("metadata", lambda nb: nb.metadata["coursekit"].update(objectives=[]), "objectives"),
    "action-box-missing": ("action_boxes", lambda nb: _drop(nb, f"{ACTION} — each manager"), "'4 Practice"),
    "action-box-not-last": (
        "action_boxes",
        lambda nb: nb.cells.insert(nb.cells.index(_cell(nb, f"{ACTION} — Liu")) + 1, new_markdown_cell("More.")),
        "'1 Theory",
    ),
    "action-box-section-of-one-cell": (
        "action_boxes",
        lambda nb: _drop(nb, f"  {ACTION}"),
        "'3 Case",
    ),
    "interaction-none": ("interaction", lambda nb: _set_section(nb, "## 2", kind="practice"), "no section of kind"),
    "interaction-gap-over-40": (
        "interaction",
        lambda nb: _set_section(nb, "## 3", minutes=25),
        "45 minutes without an interaction",
    ),
}


def test_a_good_lesson_and_solution_pass_every_check():
    lesson, solution = good_lesson(), good_solution()
    for name, check in LESSON_CHECKS.items():
        assert check(lesson) == [], name
    for name, check in SOLUTION_CHECKS.items():
        assert check(solution) == [], name
    assert check_question_bank(good_bank()) == []
    assert check_solution_minutes(solution, lesson) == []
    # frame headings are not sections, and add no minutes
    assert [s["title"] for s in lesson_meta.sections(lesson)][-1] == "4 Practice · 练习"
    assert lesson.metadata["coursekit"]["minutes"] == 70
    assert lesson.metadata["coursekit"]["split"] == {"theory": 29, "practice": 29, "interaction": 14, "case": 28}


@pytest.mark.parametrize("case", list(BROKEN_LESSONS))
def test_each_rule_catches_a_broken_lesson(case):
    rule, breaks, phrase = BROKEN_LESSONS[case]
    nb = good_lesson()
    breaks(nb)
    problems = LESSON_CHECKS[rule](nb)
    assert problems, f"{case}: the check {rule} found nothing"
    assert any(phrase in p for p in problems), problems


def test_the_bank_check_counts_questions_and_judgement():
    assert "7 questions" in check_question_bank(good_bank()[:7])[0]
    weak = [SimpleNamespace(qid=q.qid, judgement=q.qid in ("q1", "q2")) for q in good_bank()]
    assert check_question_bank(weak) == ["2 judgement questions (q1, q2), the standard asks for at least 3"]
    # real questions carry the flag
    from coursekit.exercises import ChoiceQuestion

    poll = ChoiceQuestion("q1", prompt=("Which?", "哪个？"), options="AB", expected="A", judgement=True)
    assert check_question_bank([poll] * 8) == []


def test_the_rubric_check_reads_every_written_answer():
    nb = good_solution()
    cell = nb.cells[3]
    cell.source += f"\n\nSecond reflection.\n\n{BEGIN_SOLUTION}\nThe accounts are …\n<!-- END SOLUTION -->"
    assert check_rubrics(nb) == [f"cell 3: the written answer does not start with {RUBRIC}"]


def test_the_solution_minutes_check():
    solution, lesson = good_solution(), good_lesson()
    _set_section(solution, "## Exercises", minutes=40)
    assert check_solution_minutes(solution, lesson) == []
    lesson.metadata["coursekit"]["minutes"] = 35
    assert check_solution_minutes(solution, lesson) == ["the solution takes 40 minutes, more than the lesson's 35"]


def test_solutions_need_no_action_boxes_but_lessons_do():
    assert "action_boxes" not in SOLUTION_CHECKS and "interaction" not in SOLUTION_CHECKS
    assert check_action_boxes(good_solution())  # a solution would fail it: the rule is for lessons


# ---------------------------------------------------------------------------------------------
# the real lessons (fail until the lesson is rewritten to the standard; never skipped)
# ---------------------------------------------------------------------------------------------


def ready_lessons(readme: str) -> list[str]:
    """Two-digit numbers of the lessons whose status is "ready" in the README's course map."""
    ready = []
    for line in readme.split("## Course map", 1)[-1].splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and re.fullmatch(r"\d{2}", cells[0]) and cells[-1].lower() == "ready":
            ready.append(cells[0])
    return ready


def test_ready_lessons_are_read_from_the_course_map():
    table = "## Course map\n\n| Lesson | Topic | Minutes | Status |\n|---|---|---|---|\n"
    table += "| 00 | Start | 30 | ready |\n| 01 | ABC | 60 | planned |\n| 07 | RFM | 90 | ready |\n"
    assert ready_lessons(table) == ["00", "07"]


READY = ready_lessons((ROOT / "README.md").read_text(encoding="utf-8"))


def _one(folder: str, number: str) -> Path:
    found = sorted((ROOT / folder).glob(f"{number}-*.ipynb"))
    assert len(found) == 1, f"{folder}/{number}-*.ipynb: expected one notebook, found {[p.name for p in found]}"
    return found[0]


@cache
def _read(folder: str, number: str):
    return nbformat.read(_one(folder, number), as_version=4)


def test_ready_lesson_list_is_not_empty():
    assert READY, "the README course map marks no lesson as ready"


LESSON_RULES = [(n, r) for n in READY for r in [*LESSON_CHECKS, "question_bank"]]
SOLUTION_RULES = [(n, r) for n in READY for r in [*SOLUTION_CHECKS, "minutes"]]


@pytest.mark.parametrize(("number", "rule"), LESSON_RULES, ids=[f"{n}-{r}" for n, r in LESSON_RULES])
def test_ready_lesson_meets_the_standard(number, rule):
    nb = _read("notebooks", number)
    if rule == "question_bank":
        from coursekit.exercises.banks import bank_module

        problems = check_question_bank(bank_module(_one("notebooks", number).stem).QUESTIONS)
    elif rule == "metadata":
        problems = check_metadata(nb, number)
    else:
        problems = LESSON_CHECKS[rule](nb)
    assert not problems, f"notebooks/{_one('notebooks', number).name}: " + "; ".join(problems)


@pytest.mark.parametrize(("number", "rule"), SOLUTION_RULES, ids=[f"{n}-{r}" for n, r in SOLUTION_RULES])
def test_ready_lesson_solution_meets_the_standard(number, rule):
    nb = _read("solutions", number)
    if rule == "minutes":
        problems = check_solution_minutes(nb, _read("notebooks", number))
    elif rule == "metadata":
        problems = check_metadata(nb, number)
    else:
        problems = SOLUTION_CHECKS[rule](nb)
    assert not problems, f"solutions/{_one('solutions', number).name}: " + "; ".join(problems)


# ---------------------------------------------------------------------------------------------
# charts of the helper package
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _bgnbd():
    from coursekit import clv

    summary = clv.simulate_bgnbd(300, seed=0)
    return clv.fit_bgnbd(summary), summary


def _plot_history_alive():
    from coursekit import clv

    tx = pd.DataFrame({"customer_id": [7, 7], "date": pd.to_datetime(["2025-01-01", "2025-01-15"])})
    return clv.plot_history_alive(_bgnbd()[0], tx, 7, "2025-03-31", unit="W")


def _plot_calibration_holdout():
    from coursekit import clv

    _, summary = _bgnbd()
    cal_hold = summary.assign(frequency_holdout=summary["frequency"] // 2, duration_holdout=39.0)
    return clv.plot_calibration_holdout(clv.fit_bgnbd(cal_hold), cal_hold)


def _plot_expected_repeat_purchases():
    from coursekit import clv

    return clv.plot_expected_repeat_purchases(_bgnbd()[0], t=60, unit="W")


def _plot_matrix():
    from coursekit import clv

    return clv.plot_matrix(clv.probability_alive_matrix(_bgnbd()[0], unit="W"))


def _plot_weekly_purchases():
    from coursekit import clv

    tx = pd.DataFrame({"customer_id": [1, 2, 1], "date": ["1997-01-01", "1997-01-03", "1997-02-01"]})
    return clv.plot_weekly_purchases(clv.weekly_purchases(tx, "1997-02-04"))


def _orders():
    return pd.DataFrame(
        {
            "customer_id": ["C1", "C1", "C2", "C3", "C3", "C3", "C4", "C5", "C5", "C6"],
            "date": pd.to_datetime(
                [
                    "2025-01-05",
                    "2025-11-20",
                    "2024-03-01",
                    "2025-06-01",
                    "2025-09-01",
                    "2025-12-01",
                    "2023-05-05",
                    "2025-12-20",
                    "2025-02-02",
                    "2024-12-31",
                ]
            ),
            "amount": [500.0, 700.0, 90.0, 1200.0, 800.0, 950.0, 40.0, 300.0, 250.0, 60.0],
        }
    )


def _rfm_scores(bins=3):
    from coursekit import rfm

    return rfm.rfm_scores(rfm.rfm_table(_orders(), "2025-12-31"), bins=bins)


def _plot_segments():
    from coursekit import rfm

    return rfm.plot_segments(rfm.segment_summary(rfm.rfm_segments(_rfm_scores(bins=5))))


def _plot_rfm_heatmap():
    from coursekit import rfm

    return rfm.plot_rfm_heatmap(_rfm_scores(), bins=3)


def _plot_monthly_revenue():
    from coursekit import accounts

    monthly = pd.DataFrame(
        {"bearings": [1e6, 2e6], "fasteners": [5e5, 4e5]},
        index=pd.DatetimeIndex(["2025-01-01", "2025-02-01"], name="month"),
    )
    return accounts.plot_monthly_revenue(monthly)


def _plot_customer_mix():
    from coursekit import accounts

    return accounts.plot_customer_mix(pd.DataFrame({"region": ["East China", "East China", "North China"]}))


def _plot_funnel():
    from coursekit import funnel

    return funnel.plot_funnel(funnel.funnel_counts(pd.DataFrame({"stage_reached": ["lead", "deal", "service"]})))


def _plot_ticket_types():
    from coursekit import service

    return service.plot_ticket_types(
        pd.DataFrame({"ticket_type": ["quality issue", "delivery delay", "quality issue"]})
    )


def _plot_pareto():
    from coursekit import tiers

    return tiers.plot_pareto(pd.Series([50.0, 30.0, 10.0, 5.0, 5.0], index=list("ABCDE")))


def _plot_abc_curves():
    from coursekit import tiers

    table = pd.DataFrame({"revenue": [50.0, 30.0, 10.0], "gross_margin": [5.0, 9.0, 4.0]}, index=list("ABC"))
    return tiers.plot_abc_curves(table)


def _plot_fishbone():
    from coursekit.lifecycle import DRIVERS, plot_fishbone
    from coursekit.lifecycle.drivers import _BONE_OF

    return plot_fishbone(
        pd.DataFrame({"bone": [_BONE_OF[k] for k in DRIVERS], "value": 1.0, "unit": "CNY"}, index=list(DRIVERS))
    )


def _plot_stage_revenue():
    from coursekit import lifecycle

    table = pd.DataFrame({"stage": ["growth", "mature"], "revenue_last": [3.0, 1.0], "revenue_prior": [1.0, 1.0]})
    return lifecycle.plot_stage_revenue(lifecycle.stage_summary(table))


def _plot_cohort_retention():
    from coursekit import clv

    table = pd.DataFrame(
        {"customers": [2, 1], 0: [1.0, 1.0], 1: [0.5, float("nan")]},
        index=pd.PeriodIndex(["2025Q1", "2025Q2"], freq="Q", name="cohort"),
    )
    return clv.plot_cohort_retention(table)


def _plot_dwyer_migration():
    from coursekit import clv

    table, _ = clv.dwyer_migration([0.6, 0.3], 100, horizon=4)
    return clv.plot_dwyer_migration(table)


def _plot_tier_shares():
    from coursekit import clv

    shares = pd.DataFrame({"value_share": [0.5, 0.5]}, index=pd.Index(["strategic", "value"], name="tier"))
    return clv.plot_tier_shares(shares)


def _personas_plots() -> dict:
    """Small inputs for every chart of coursekit.personas."""
    from coursekit import personas

    index = pd.Index(["busy_regulars", "silent"], name="persona")
    return {
        "personas.plot_choose_k": lambda: personas.plot_choose_k(
            pd.DataFrame({"inertia": [10.0, 6.0], "silhouette": [0.3, 0.4]}, index=pd.Index([2, 3], name="k"))
        ),
        "personas.plot_persona_shares": lambda: personas.plot_persona_shares(
            pd.DataFrame({"customer_share": [0.3, 0.7], "revenue_share": [0.9, 0.1]}, index=index)
        ),
        "personas.plot_persona_centres": lambda: personas.plot_persona_centres(
            pd.DataFrame({"orders": [1.2, -1.0]}, index=index)
        ),
        "personas.plot_gain": lambda: personas.plot_gain(
            pd.DataFrame({"contacted_share": [0.5, 1.0], "gain": [0.8, 1.0], "lift": [1.6, 1.0]})
        ),
        "personas.plot_touchpoints": lambda: personas.plot_touchpoints(
            pd.DataFrame({"phone": [1.0, 0.1], "routine": [2.0, 0.0]}, index=index)
        ),
    }


PLOTS = {
    "clv.plot_cohort_retention": _plot_cohort_retention,
    "loyalty.plot_loyalty_matrix": lambda: __import__("coursekit.loyalty").loyalty.plot_loyalty_matrix(
        pd.DataFrame({"loyalty_type": ["ideal", "none"]})
    ),
    "loyalty.plot_survival": lambda: __import__("coursekit.loyalty").loyalty.plot_survival(
        pd.DataFrame({"all": [100.0, 50.0]}, index=[0.0, 12.0])
    ),
    "clv.plot_dwyer_migration": _plot_dwyer_migration,
    "actions.plot_dashboard": lambda: __import__("coursekit.actions").actions.plot_dashboard(
        pd.DataFrame(
            {
                "tier": ["strategic", "ordinary"],
                "clv": [1e6, 2e4],
                "status": ["active", "lost"],
                "health_band": ["healthy", "critical"],
                "credit_grade": ["A", None],
            }
        )
    ),
    "clv.plot_tier_shares": _plot_tier_shares,
    "accounts.plot_monthly_revenue": _plot_monthly_revenue,
    "accounts.plot_customer_mix": _plot_customer_mix,
    "clv.plot_history_alive": _plot_history_alive,
    "clv.plot_calibration_holdout": _plot_calibration_holdout,
    "clv.plot_expected_repeat_purchases": _plot_expected_repeat_purchases,
    "clv.plot_matrix": _plot_matrix,
    "clv.plot_weekly_purchases": _plot_weekly_purchases,
    "funnel.plot_funnel": _plot_funnel,
    "rfm.plot_segments": _plot_segments,
    "satisfaction.plot_nps_by": lambda: __import__("coursekit.satisfaction").satisfaction.plot_nps_by(
        pd.DataFrame({"nps": [5.0], "low": [-5.0], "high": [15.0]}, index=pd.Index([2025], name="year"))
    ),
    "satisfaction.plot_importance_performance": lambda: __import__(
        "coursekit.satisfaction"
    ).satisfaction.plot_importance_performance(
        pd.DataFrame(
            {"performance": [6.0, 7.5], "derived_pct": [70.0, 30.0]},
            index=pd.Index(["delivery", "price"], name="attribute"),
        )
    ),
    "rfm.plot_rfm_heatmap": _plot_rfm_heatmap,
    "service.plot_ticket_types": _plot_ticket_types,
    "service.plot_response_times": lambda: __import__("coursekit.service").service.plot_response_times(
        pd.DataFrame({"response_hours": [1.0, 6.0]})
    ),
    "tiers.plot_pareto": _plot_pareto,
    "value.plot_weights": lambda: importlib.import_module("coursekit.value").plot_weights(
        importlib.import_module("coursekit.value").compare_weights(
            pd.Series({"profit": 0.7, "network": 0.3}), pd.Series({"profit": 0.2, "network": 0.8})
        )
    ),
    "credit.plot_score_distributions": lambda: __import__("coursekit.credit").credit.plot_score_distributions(
        pd.Series([550.0, 580.0, 600.0, 620.0]), [1, 0, 0, 0]
    ),
    "credit.plot_aging": lambda: __import__("coursekit.credit").credit.plot_aging(
        pd.DataFrame({"amount": [100.0, 50.0]}, index=pd.Index(["not_due", "d1_30"], name="bucket"))
    ),
    "tiers.plot_abc_curves": _plot_abc_curves,
    "network.plot_network": lambda: importlib.import_module("coursekit.network").plot_network(
        coursekit.datasets.load_referrals()
    ),
    "lifecycle.plot_fishbone": _plot_fishbone,
    "lifecycle.plot_stage_revenue": _plot_stage_revenue,
    "voc.plot_better_worse": lambda: (m := importlib.import_module("coursekit.voc")).plot_better_worse(
        m.kano_summary(coursekit.datasets.load_kano())
    ),
    "voc.plot_ctq_tree": lambda: (m := importlib.import_module("coursekit.voc")).plot_ctq_tree(
        m.ctq_tree(coursekit.datasets.load_tickets(), "2025-12-31", orders=coursekit.datasets.load_orders())
    ),
    **_personas_plots(),  # lesson 06
}


def public_plot_functions() -> set[str]:
    """``package.plot_x`` for every public plot function of coursekit (by where it is defined)."""
    found = set()
    for info in pkgutil.walk_packages(coursekit.__path__, "coursekit."):
        if ".questions" in info.name or info.name.rsplit(".", 1)[-1].startswith("_"):
            continue
        module = importlib.import_module(info.name)
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("plot_") and fn.__module__ == info.name:
                package = info.name.split(".")[1]
                found.add(f"{package}.{name}")
    return found


def test_the_chart_table_covers_every_public_plot_function():
    assert public_plot_functions() == set(PLOTS)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", list(PLOTS))
def test_every_plot_function_labels_its_chart(name, lang):
    with i18n.language(lang):
        ax = PLOTS[name]()
    try:
        assert ax.get_title().strip(), f"{name}: no title"
        assert ax.get_xlabel().strip(), f"{name}: no x label"
        for one in [ax] + ([ax.right_ax] if hasattr(ax, "right_ax") else []):
            assert one.get_ylabel().strip(), f"{name}: no y label"
        assert re.search(r"\(.+\)|（.+）", ax.get_xlabel() + ax.get_ylabel()), (
            f"{name}: no unit in brackets in {ax.get_xlabel()!r} / {ax.get_ylabel()!r}"
        )
        legends = [a.get_legend() for a in ax.figure.axes] + list(ax.figure.legends)
        for legend in filter(None, legends):
            texts = [t.get_text().strip() for t in legend.get_texts()]
            assert texts and all(texts), f"{name}: empty legend text {texts}"
    finally:
        plt.close(ax.figure)


def test_the_synthetic_notebooks_are_valid_nbformat():
    for nb in (good_lesson(), good_solution()):
        nbformat.validate(copy.deepcopy(nb))
