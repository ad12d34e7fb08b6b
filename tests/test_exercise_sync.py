"""Exercise notebooks are generated from the solutions, locked, runnable, and the solutions are right.

For every ``solutions/NN-*.ipynb``: the exercise exists and equals ``make_exercise(solution)``
byte for byte; no solution marker or solution line is left in it; every check cell is locked;
the exercise runs top to bottom in a fresh kernel and every check says "not answered yet";
the solution's stored outputs show every check correct. The same holds for the Chinese edition
(``solutions/zh/`` -> ``exercises/zh/``, placeholders in Chinese, feedback "尚未作答").
The fixture ``tests/fixtures/99-demo.ipynb`` (demo bank) and its Chinese edition
``tests/fixtures/zh/99-demo.ipynb`` exercise the whole pipeline even while ``solutions/`` is empty.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from _scripts import load_script

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "99-demo.ipynb"
FIXTURE_ZH = ROOT / "tests" / "fixtures" / "zh" / "99-demo.ipynb"
GLOB = "[0-9][0-9]-*.ipynb"
UNANSWERED = ("not answered yet", "尚未作答")


make = load_script("tools/make_exercises.py")
run = load_script("tools/run_notebooks.py")

SOLUTIONS = sorted((ROOT / "solutions").glob(GLOB)) + sorted((ROOT / "solutions" / "zh").glob(GLOB))
SOL_IDS = [str(p.relative_to(ROOT / "solutions").with_suffix("")) for p in SOLUTIONS]


def exercise_of(solution: Path) -> Path:
    return ROOT / "exercises" / solution.relative_to(ROOT / "solutions")


def check_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code" and ".check(" in c.source]


def plain_texts(cell):
    return [
        str(o.get("data", {}).get("text/plain", ""))
        for o in cell.get("outputs", [])
        if o.get("output_type") in ("display_data", "execute_result")
    ]


def assert_all_unanswered(nb):
    cells = check_cells(nb)
    assert cells, "no check cells"
    for cell in cells:
        texts = plain_texts(cell)
        assert len(texts) == 1, f"{cell.source!r}: expected one feedback output, got {texts}"
        assert any(u in texts[0] for u in UNANSWERED), f"{cell.source!r}: {texts[0]}"


def assert_all_correct(nb, where):
    cells = check_cells(nb)
    assert cells, f"{where}: no check cells"
    for cell in cells:
        texts = plain_texts(cell)
        assert len(texts) == 1, f"{where} {cell.source!r}: expected one stored feedback output, got {texts}"
        assert texts[0].startswith("✓"), f"{where} {cell.source!r}: {texts[0]}"


def assert_locked(nb, where):
    for cell in nb.cells:
        if make.is_locked_cell(cell):
            assert cell.metadata.get("editable") is False and cell.metadata.get("deletable") is False, (
                f"{where}: cell {cell.source[:40]!r} is not locked"
            )


def assert_no_solution(ex_nb, sol_nb, where):
    ex_code = {line.strip() for c in ex_nb.cells if c.cell_type == "code" for line in c.source.split("\n")}
    for cell in ex_nb.cells:
        assert "BEGIN SOLUTION" not in cell.source and "END SOLUTION" not in cell.source, where
        assert not cell.get("outputs"), f"{where}: outputs left in {cell.source[:40]!r}"
    for cell in sol_nb.cells:
        if cell.cell_type != "code":
            continue
        for line in make.solution_lines(cell.source):
            if len(line) >= 8 and any(ch.isalnum() for ch in line) and not line.startswith("#"):
                assert line not in ex_code, f"{where}: solution line left in the exercise: {line!r}"


# --------------------------------------------------------------------------- the repository's notebooks
def test_solution_folder_listing():
    """The glob works (also when there are no solutions yet) and every exercise has its solution."""
    assert (ROOT / "solutions").is_dir() and (ROOT / "exercises").is_dir()
    assert SOLUTIONS[: len(list((ROOT / "solutions").glob(GLOB)))] == sorted(
        p for p in (ROOT / "solutions").iterdir() if p.match(GLOB)
    )
    pairs, orphans = make.plan(ROOT)
    assert [s for s, _ in pairs] == SOLUTIONS
    assert [e for _, e in pairs] == [exercise_of(s) for s in SOLUTIONS]
    assert orphans == [], f"exercise notebooks without a solution: {orphans}"


def test_make_exercises_check_passes():
    assert make.stale(ROOT) == []


@pytest.mark.parametrize("solution", SOLUTIONS, ids=SOL_IDS)
def test_exercise_matches_solution(solution):
    exercise = exercise_of(solution)
    assert exercise.exists(), f"{exercise} missing: run python tools/make_exercises.py"
    sol = make.read(solution)
    assert exercise.read_bytes() == make.dumps(make.make_exercise(sol)).encode("utf-8"), (
        f"{exercise} is stale: run python tools/make_exercises.py"
    )
    ex_nb = make.read(exercise)
    assert_no_solution(ex_nb, sol, exercise.name)
    assert_locked(ex_nb, f"exercises/{exercise.name}")
    assert_locked(sol, f"solutions/{solution.name}")
    assert ex_nb.metadata["coursekit"]["edition"] == "exercise"


@pytest.mark.parametrize("solution", SOLUTIONS, ids=SOL_IDS)
def test_solution_checks_all_correct(solution):
    assert_all_correct(make.read(solution), f"solutions/{solution.name}")


@pytest.mark.parametrize("solution", SOLUTIONS, ids=SOL_IDS)
def test_exercise_runs_unanswered(solution):
    exercise = exercise_of(solution)
    nb, problems = run.execute(make.read(exercise), exercise.parent)
    assert problems == []
    assert_all_unanswered(nb)


# --------------------------------------------------------------------------- pipeline on the fixture
@pytest.fixture
def fixture_root(tmp_path):
    (tmp_path / "solutions").mkdir()
    (tmp_path / "exercises").mkdir()
    shutil.copy(FIXTURE, tmp_path / "solutions" / FIXTURE.name)
    return tmp_path


def test_fixture_is_a_valid_solution():
    nb = make.read(FIXTURE)
    assert_all_correct(nb, FIXTURE.name)
    assert_locked(nb, FIXTURE.name)
    assert not make._missing_ids(FIXTURE)


def test_make_exercise_pipeline(fixture_root, capsys):
    sol_path = fixture_root / "solutions" / FIXTURE.name
    ex_path = fixture_root / "exercises" / FIXTURE.name
    assert make.main(["--check", "--root", str(fixture_root)]) == 1
    assert "exercises/99-demo.ipynb: missing" in capsys.readouterr().out
    assert make.main(["--root", str(fixture_root)]) == 0
    first = ex_path.read_bytes()
    assert sol_path.read_bytes() == FIXTURE.read_bytes()  # solution already locked: not rewritten
    assert make.main(["--root", str(fixture_root)]) == 0
    assert ex_path.read_bytes() == first  # deterministic
    assert make.main(["--check", "--root", str(fixture_root)]) == 0
    text = first.decode("utf-8")
    assert text.startswith('{\n "cells": [\n  {\n   "cell_type"')  # 1-space indent, sorted keys
    assert '"edition": "exercise"' in text and "widget-view" not in text and '"widgets"' not in text
    ex_nb = make.read(ex_path)
    assert_no_solution(ex_nb, make.read(sol_path), "fixture")
    assert_locked(ex_nb, "fixture exercise")
    sources = [c.source for c in ex_nb.cells]
    assert "answer_q1 = None\n# YOUR CODE HERE: replace None above with your answer" in sources
    assert any(
        "    result = None\n    # YOUR CODE HERE: replace None above with your answer\n    return result" in s
        for s in sources
    )
    assert any("*Write your answer here.*" in s and "frequency and recency" not in s for s in sources)
    # stale detection and orphans
    ex_path.write_bytes(first.replace(b"Demo exercises", b"Edited by hand"))
    (fixture_root / "exercises" / "98-orphan.ipynb").write_bytes(first)
    capsys.readouterr()
    assert make.main(["--check", "--root", str(fixture_root)]) == 1
    out = capsys.readouterr().out
    assert "exercises/99-demo.ipynb: out of date" in out and "98-orphan.ipynb: no matching" in out


def test_unlocked_solution_is_locked_and_written_back(fixture_root):
    sol_path = fixture_root / "solutions" / FIXTURE.name
    nb = make.read(sol_path)
    for cell in nb.cells:
        cell.metadata.pop("editable", None)
        cell.metadata.pop("deletable", None)
    sol_path.write_text(make.dumps(nb), encoding="utf-8")
    assert make.stale(fixture_root)[0].endswith("check cells are not locked")
    make.main(["--root", str(fixture_root)])
    assert sol_path.read_bytes() == FIXTURE.read_bytes()


def test_missing_cell_ids_are_fixed_once(fixture_root):
    sol_path = fixture_root / "solutions" / FIXTURE.name
    text = sol_path.read_text(encoding="utf-8")
    import json

    raw = json.loads(text)
    for cell in raw["cells"]:
        cell.pop("id")
    sol_path.write_text(json.dumps(raw), encoding="utf-8")
    assert any("without an id" in p for p in make.stale(fixture_root))
    make.main(["--root", str(fixture_root)])
    assert make.stale(fixture_root) == []
    before = (fixture_root / "exercises" / FIXTURE.name).read_bytes()
    make.main(["--root", str(fixture_root)])
    assert (fixture_root / "exercises" / FIXTURE.name).read_bytes() == before


def test_make_exercise_does_not_modify_input_and_rejects_bad_markers():
    sol = make.read(FIXTURE)
    before = make.dumps(sol)
    make.make_exercise(sol)
    assert make.dumps(sol) == before
    bad = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = None\n### BEGIN SOLUTION\nx = 1")])
    with pytest.raises(make.SolutionMarkerError, match="never closed"):
        make.make_exercise(bad)
    bad = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1\n### END SOLUTION")])
    with pytest.raises(make.SolutionMarkerError):
        make.make_exercise(bad)
    bad = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("<!-- BEGIN SOLUTION --> text")])
    with pytest.raises(make.SolutionMarkerError):
        make.make_exercise(bad)
    tagged = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("setup()", metadata={"tags": ["locked"]}),
            nbformat.v4.new_markdown_cell("x", metadata={"tags": ["locked"]}),
        ]
    )
    out = make.make_exercise(tagged)
    assert all(c.metadata["editable"] is False for c in out.cells)
    assert out.metadata["coursekit"] == {"edition": "exercise"}


def test_fixture_exercise_runs_unanswered_and_solution_runs_correct(fixture_root):
    make.main(["--root", str(fixture_root)])
    ex_path = fixture_root / "exercises" / FIXTURE.name
    nb, problems = run.execute(make.read(ex_path), ex_path.parent)
    assert problems == []
    assert_all_unanswered(nb)
    sol_path = fixture_root / "solutions" / FIXTURE.name
    sol = make.read(sol_path)
    for cell in sol.cells:
        cell.outputs = [] if cell.cell_type == "code" else None
        if cell.cell_type != "code":
            cell.pop("outputs")
    nb, problems = run.execute(sol, sol_path.parent)
    assert problems == []
    assert_all_correct(nb, "fixture solution")
    # every feedback output carries text/plain, text/html and the widget view, and no execute_result
    for cell in check_cells(nb):
        (out,) = cell.outputs
        assert out.output_type == "display_data"
        assert {"text/plain", "text/html", "application/vnd.jupyter.widget-view+json"} <= set(out.data)


def test_run_notebooks_cli_reports_errors_and_stderr(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("MPLBACKEND", "Agg")  # must not reach the kernel: figures would not be stored
    good = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "import os\nprint(os.environ['COURSEKIT_HOME'] != os.path.expanduser('~/.coursekit'))"
            ),
            nbformat.v4.new_code_cell(
                f"import os\nprint(os.path.realpath(os.getcwd()) == {str(tmp_path.resolve())!r}, "
                "'inline' in os.environ.get('MPLBACKEND', 'inline'))"
            ),
        ]
    )
    bad = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("import warnings\nwarnings.warn('careful')"),
            nbformat.v4.new_code_cell("1 / 0"),
        ]
    )
    (tmp_path / "good.ipynb").write_text(nbformat.writes(good), encoding="utf-8")
    (tmp_path / "bad.ipynb").write_text(nbformat.writes(bad), encoding="utf-8")
    bad_before = (tmp_path / "bad.ipynb").read_bytes()
    assert run.main([str(tmp_path / "good.ipynb"), str(tmp_path / "bad.ipynb")]) == 1
    out = capsys.readouterr().out
    assert "ok   " in out and "FAIL" in out
    assert "cell 1" in out and "stderr" in out and "careful" in out
    assert "cell 2" in out and "ZeroDivisionError" in out
    assert (tmp_path / "bad.ipynb").read_bytes() == bad_before  # not written
    done = nbformat.read(str(tmp_path / "good.ipynb"), as_version=4)
    assert [c.outputs[0]["text"] for c in done.cells] == ["True\n", "True True\n"]
    assert "execution" not in done.cells[0].metadata  # no timings: stable diffs


# --------------------------------------------------------------------------- the Chinese edition of the fixture
@pytest.fixture
def zh_root(fixture_root):
    (fixture_root / "solutions" / "zh").mkdir()
    shutil.copy(FIXTURE_ZH, fixture_root / "solutions" / "zh" / FIXTURE.name)
    return fixture_root


def test_chinese_exercise_has_chinese_placeholders_and_the_english_code(zh_root, capsys):
    assert make.main(["--check", "--root", str(zh_root)]) == 1
    assert "exercises/zh/99-demo.ipynb: missing" in capsys.readouterr().out
    assert make.main(["99", "--root", str(zh_root)]) == 0
    assert "wrote exercises/zh/99-demo.ipynb" in capsys.readouterr().out
    assert make.main(["--check", "--root", str(zh_root)]) == 0
    ex_path = zh_root / "exercises" / "zh" / FIXTURE.name
    en_path = zh_root / "exercises" / FIXTURE.name
    zh_ex, en_ex = make.read(ex_path), make.read(en_path)
    sources = [c.source for c in zh_ex.cells]
    assert "answer_q1 = None\n# 在此作答：把上面的 None 换成你的答案" in sources
    assert any("    result = None\n    # 在此作答：把上面的 None 换成你的答案\n    return result" in s for s in sources)
    assert any("*在此写下你的答案。*" in s for s in sources)
    assert not any("YOUR CODE HERE" in s or "Write your answer" in s for s in sources)
    assert_no_solution(zh_ex, make.read(FIXTURE_ZH), "zh fixture")
    assert_locked(zh_ex, "zh fixture exercise")
    assert zh_ex.metadata["coursekit"]["edition"] == "exercise" and zh_ex.metadata["coursekit"]["language"] == "zh"
    editions = load_script("tools/make_editions.py")
    for en_cell, zh_cell in zip(en_ex.cells, zh_ex.cells):
        assert en_cell.get("id") == zh_cell.get("id")
        if en_cell.cell_type == "code":
            assert editions.code_tokens(zh_cell.source, "zh") == editions.code_tokens(en_cell.source)
    # orphans are found per edition
    (zh_root / "exercises" / "zh" / "98-orphan.ipynb").write_bytes(ex_path.read_bytes())
    capsys.readouterr()
    assert make.main(["--check", "--root", str(zh_root)]) == 1
    assert "exercises/zh/98-orphan.ipynb: no matching solutions/zh/98-orphan.ipynb" in capsys.readouterr().out


def test_chinese_exercise_runs_unanswered_in_chinese(zh_root):
    make.main(["--root", str(zh_root)])
    ex_path = zh_root / "exercises" / "zh" / FIXTURE.name
    nb, problems = run.execute(make.read(ex_path), ex_path.parent)
    assert problems == []
    assert_all_unanswered(nb)
    for cell in check_cells(nb):
        assert "尚未作答" in plain_texts(cell)[0]


def test_chinese_fixture_solution_is_valid():
    nb = make.read(FIXTURE_ZH)
    assert_all_correct(nb, "zh fixture")
    assert_locked(nb, "zh fixture")
    for cell in check_cells(nb):
        assert plain_texts(cell)[0].endswith("正确")


def test_run_notebooks_finds_the_stored_notebooks_of_an_edition(tmp_path):
    for folder in ("notebooks", "solutions", "notebooks/zh", "solutions/zh"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        for name in ("07-rfm.ipynb", "08-clv.ipynb"):
            (tmp_path / folder / name).write_text("{}")
    found = run.edition_paths("zh", ["07"], root=tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "notebooks/zh/07-rfm.ipynb",
        "solutions/zh/07-rfm.ipynb",
    ]
    assert len(run.edition_paths("all", root=tmp_path)) == 8
    assert [p.parent.name for p in run.edition_paths("en", root=tmp_path)] == ["notebooks"] * 2 + ["solutions"] * 2
