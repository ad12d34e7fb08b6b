"""Checks of the kit itself: pins, fonts, lesson metadata, stored outputs, the two commands."""

from __future__ import annotations

import re
import sys
import tomllib
import warnings
from pathlib import Path

import matplotlib.pyplot as plt
import nbformat
import pytest

import coursekit
from coursekit import plots

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
STORED = LESSONS + SOLUTIONS


def _normalise(name: str) -> str:
    return name.lower().replace("_", "-")


def _pip_pins() -> dict[str, str]:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    pins = {}
    for dep in deps:
        name, version = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([0-9.]+)(\.\*)?", dep).group(1, 2)
        pins[_normalise(name)] = version
    return pins


def _conda_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        match = re.fullmatch(r"\s*-\s*([A-Za-z0-9_.\-]+)=([0-9.]+)\s*", line)
        if match:
            pins[_normalise(match.group(1))] = match.group(2)
    return pins


def test_pip_and_conda_pins_agree():
    pip, conda = _pip_pins(), _conda_pins()
    assert conda.pop("python") == "3.11"
    assert pip == conda, f"pyproject.toml and environment.yml disagree: {set(pip.items()) ^ set(conda.items())}"
    assert "lifetimes" in pip and pip["lifetimes"] == "0.11.3"


def test_pins_cover_every_import_of_coursekit():
    imported = set()
    for path in (ROOT / "coursekit").rglob("*.py"):
        for match in re.finditer(r"^\s*(?:from|import)\s+([A-Za-z_]\w*)", path.read_text(), re.M):
            imported.add(match.group(1))
    stdlib = set(sys.stdlib_module_names)
    provided_by = {"IPython": "ipykernel", "matplotlib_inline": "ipykernel"}
    pins = _pip_pins()
    for module in sorted(imported - stdlib - {"coursekit"}):
        package = provided_by.get(module, module)
        assert package in pins, f"coursekit imports {module!r} but pyproject.toml does not pin it"


def test_chinese_chart_renders_without_missing_glyphs(tmp_path):
    assert coursekit.find_cjk_font() in plots.CJK_FAMILIES
    plots.set_style()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig, ax = plots.new_axes()
        ax.bar(["重要价值客户", "一般挽留客户"], [120, 45])
        plots.finish(ax, "客户价值分层 Customer tiers", "细分 Segment", "客户数 Customers (count)")
        fig.savefig(tmp_path / "zh.png")
        plt.close(fig)
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert not missing, missing
    assert (tmp_path / "zh.png").stat().st_size > 5_000


def test_finish_refuses_unlabelled_chart():
    fig, ax = plots.new_axes()
    with pytest.raises(ValueError, match="ylabel"):
        plots.finish(ax, "Title", "x (days)", "")
    plt.close(fig)


def test_language_switch_round_trip():
    coursekit.use("zh")
    assert coursekit.tr("Customers", "客户") == "客户"
    coursekit.use("en")
    assert coursekit.get_language() == "en"
    with pytest.raises(ValueError, match="lang must be one of"):
        coursekit.use("fr")
    with pytest.raises(TypeError):
        coursekit.use(None)


def test_lessons_exist_in_course_order():
    names = [p.name for p in LESSONS]
    assert names and names[0] == "00-start-here.ipynb"
    assert all(re.fullmatch(r"\d\d-[a-z0-9-]+\.ipynb", n) for n in names), names


@pytest.mark.parametrize("path", STORED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_notebook_metadata_and_clean_outputs(path):
    nb = nbformat.read(path, as_version=4)
    meta = nb.metadata.get("coursekit")
    assert meta, f"{path.name}: notebook metadata 'coursekit' is missing"
    assert meta["lesson"] == path.name[:2]
    assert meta["title"] and meta["title_zh"]
    assert isinstance(meta["minutes"], int) and 5 <= meta["minutes"] <= 240
    assert set(meta["split"]) == {"theory", "practice", "interaction", "case"}
    assert sum(meta["split"].values()) == 100
    assert len(meta["objectives"]) >= 2
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, f"{path.name} has no code"
    assert "setup_notebook(" in code[0].source, "first code cell must call coursekit.setup_notebook()"
    for cell in code:
        assert cell.execution_count is not None, f"{path.name}: a cell was never executed:\n{cell.source[:80]}"
        for out in cell.outputs:
            assert out.output_type != "error", f"{path.name}: stored error in\n{cell.source[:80]}"
            assert not (out.output_type == "stream" and out.name == "stderr"), (
                f"{path.name}: stored stderr (a warning box) in\n{cell.source[:80]}\n{out.text[:300]}"
            )
        assert not re.search(r"\b(today|now)\(\)|Timestamp\.(today|now)|date\.today", cell.source), (
            f"{path.name}: outputs must not depend on today's date:\n{cell.source[:80]}"
        )


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_every_lesson_has_exercises_with_solutions(path):
    assert (ROOT / "solutions" / path.name).exists(), f"solutions/{path.name} is missing"
    assert (ROOT / "exercises" / path.name).exists(), f"exercises/{path.name} is missing"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    assert "make lab" in readme and "make test" in readme
    ci = [line for line in (ROOT / ".ci/run").read_text().splitlines() if line and not line.startswith("#")]
    assert ci[-1] == "make test"


def test_binder_files_are_consistent():
    assert "fonts-noto-cjk" in (ROOT / "apt.txt").read_text().split()
    post = (ROOT / "postBuild").read_text()
    assert "set -e" in post and "pip install" in post


def test_readme_course_map_matches_the_lessons():
    rows = re.findall(r"^\| (\d\d) \| (.+?) \| (\d+) \| (ready|planned) \|$", (ROOT / "README.md").read_text(), re.M)
    course_map = {number: (int(minutes), status) for number, _topic, minutes, status in rows}
    assert list(course_map) == [f"{i:02d}" for i in range(14)], "README course map must list lessons 00-13"
    for path in LESSONS:
        meta = nbformat.read(path, as_version=4).metadata["coursekit"]
        assert course_map[meta["lesson"]] == (meta["minutes"], "ready"), f"README row for {path.name} is out of date"
    ready = {number for number, (_, status) in course_map.items() if status == "ready"}
    assert ready == {p.name[:2] for p in LESSONS}
