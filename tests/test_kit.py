"""Checks of the kit itself: pins, fonts, lesson metadata, stored outputs, the two commands."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
import warnings
from pathlib import Path

import matplotlib.pyplot as plt
import nbformat
import pytest
from _scripts import load_script

import coursekit
from coursekit import notebook, plots

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
STORED = LESSONS + SOLUTIONS


def _normalise(name: str) -> str:
    return name.lower().replace("_", "-")


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _parse_pins(requirements) -> dict[str, str]:
    pins = {}
    for dep in requirements:
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([0-9]+\.[0-9]+)(\.\*|\.[0-9]+)", dep)
        assert match, f"{dep!r}: pin to major.minor (name==X.Y.*) or an exact release"
        pins[_normalise(match.group(1))] = match.group(2) + match.group(3)
    return pins


def _pip_pins() -> dict[str, str]:
    """Runtime pins: what ``pip install coursekit`` installs."""
    return _parse_pins(_project()["dependencies"])


def test_runtime_and_extras_are_pinned_apart():
    project = _project()
    runtime = _pip_pins()
    extras = {name: _parse_pins(reqs) for name, reqs in project["optional-dependencies"].items()}
    assert set(extras) == {"lab", "test"}
    assert runtime["lifetimes"] == "0.11.3" and runtime["pandas"] == "3.1.*"
    # test and lint tools are never installed for a learner
    assert {"pytest", "pytest-xdist", "nbval", "ruff"} <= set(extras["test"])
    assert not {"pytest", "pytest-xdist", "nbval", "ruff", "nbclient"} & (set(runtime) | set(extras["lab"]))
    assert "jupyterlab" in extras["lab"]
    every = [*runtime, *(name for pins in extras.values() for name in pins)]
    assert len(every) == len(set(every)), "a package is pinned twice"


def test_supported_pythons():
    assert _project()["requires-python"] == ">=3.11"
    ruff = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["ruff"]
    assert ruff["target-version"] == "py311" and ruff["line-length"] == 120


def test_parallel_tests_keep_each_notebook_on_one_worker():
    addopts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]["addopts"]
    assert "--dist loadfile" in addopts and "--nbval" in addopts


def test_environment_yml_is_generated_from_pyproject():
    gen = load_script("tools/gen_environment.py")
    text = (ROOT / "environment.yml").read_text()
    assert text == gen.render(), "environment.yml is out of date: run python tools/gen_environment.py"
    # Read independently of the generator: conda gives Python and pip only, pip gets the tested pins.
    channels, dependencies = text.split("\ndependencies:\n")
    assert re.findall(r"^  - (\S+)$", channels, re.M) == ["conda-forge", "nodefaults"]
    conda = re.findall(r"^  - (\S+)$", dependencies, re.M)
    assert conda == ["python=3.11", "pip", "pip:"]
    pip_section = re.findall(r"^      - (\S+)$", text, re.M)
    project = _project()
    assert pip_section == project["dependencies"] + project["optional-dependencies"]["lab"]
    assert gen.main(["--check"]) == 0


def test_environment_check_fails_on_a_changed_pin(tmp_path):
    gen = load_script("tools/gen_environment.py")
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text((ROOT / "pyproject.toml").read_text().replace('"pandas==3.1.*"', '"pandas==3.2.*"'))
    changed = gen.render(pyproject)
    assert "      - pandas==3.2.*\n" in changed and changed != (ROOT / "environment.yml").read_text()


def test_pins_cover_every_import_of_coursekit():
    imported = set()
    for path in (ROOT / "coursekit").rglob("*.py"):
        # import statements only (a docstring line that starts with "from" is not one)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    stdlib = set(sys.stdlib_module_names)
    provided_by = {
        "IPython": "ipykernel",
        "matplotlib_inline": "ipykernel",
        "sklearn": "scikit-learn",
        "threadpoolctl": "scikit-learn",
    }
    pins = _pip_pins()
    for module in sorted(imported - stdlib - {"coursekit"}):
        package = provided_by.get(module, module)
        assert package in pins, f"coursekit imports {module!r} but pyproject.toml does not pin it"


def _python(code: str) -> str:
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_import_has_no_side_effects():
    out = _python(
        "import sys, warnings\n"
        "import numpy, pandas  # their own import-time warning filters are not ours\n"
        "shown = warnings.showwarning\n"
        "filters = list(warnings.filters)\n"
        "import coursekit\n"
        "from coursekit import plots\n"
        "assert coursekit.find_cjk_font is plots.find_cjk_font and plots.cjk_font() is None\n"
        "assert 'matplotlib' not in sys.modules, 'import coursekit imported matplotlib'\n"
        "assert 'seaborn' not in sys.modules\n"
        "assert warnings.showwarning is shown, 'import coursekit replaced warnings.showwarning'\n"
        "assert warnings.filters == filters, 'import coursekit changed the warning filters'\n"
        "import matplotlib\n"
        "assert matplotlib.rcParams['font.family'] == matplotlib.rcParamsDefault['font.family']\n"
        "assert matplotlib.rcParams['axes.unicode_minus'] is True\n"
        "print('clean')\n"
    )
    assert out.split() == ["clean"]


def test_setup_notebook_sets_fonts_and_note_display_once():
    out = _python(
        "import warnings, matplotlib\n"
        "matplotlib.use('Agg')\n"
        "import coursekit\n"
        "seen = []\n"
        "def original(message, category, *args, **kwargs):\n"
        "    seen.append(category.__name__)\n"
        "warnings.showwarning = original\n"
        "coursekit.setup_notebook()\n"
        "wrapped = warnings.showwarning\n"
        "coursekit.setup_notebook('zh')\n"
        "assert warnings.showwarning is wrapped and wrapped.previous is original, 'wrapped twice'\n"
        "assert coursekit.plots.cjk_font() in matplotlib.rcParams['font.family']\n"
        "assert matplotlib.rcParams['axes.unicode_minus'] is False\n"
        "warnings.warn('12 rows netted', coursekit.CourseKitDataNote)\n"
        "warnings.warn('12 rows netted', coursekit.CourseKitDataNote)\n"
        "warnings.warn('something else', DeprecationWarning)\n"
        "warnings.warn('user problem', UserWarning)\n"
        "print(seen)\n"
        "coursekit.notebook.remove_note_display()\n"
        "assert warnings.showwarning is original\n"
    )
    # both notes are shown as plain text in the learner's language (not deduplicated), every other warning
    # reaches the original handler
    assert out.splitlines() == ["注：12 rows netted", "注：12 rows netted", "['DeprecationWarning', 'UserWarning']"]


def test_note_display_delegates_to_the_handler_in_place(monkeypatch, capsys):
    seen = []
    monkeypatch.setattr(warnings, "showwarning", lambda message, category, *a, **k: seen.append(str(message)))
    before = warnings.showwarning
    with warnings.catch_warnings():
        notebook.install_note_display()
        notebook.install_note_display()
        assert warnings.showwarning.previous is before
        warnings.warn("3 lines excluded", coursekit.CourseKitDataNote, stacklevel=1)
        warnings.warn("not ours", RuntimeWarning, stacklevel=1)
        notebook.remove_note_display()
        assert warnings.showwarning is before
        notebook.remove_note_display()  # no-op when not installed
        assert warnings.showwarning is before
    assert seen == ["not ours"]
    assert capsys.readouterr().out == "Note: 3 lines excluded\n"


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
    assert coursekit.i18n._("Revenue") == "收入"
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
    post = [line for line in (ROOT / "postBuild").read_text().splitlines() if line and not line.startswith("#")]
    assert "set -e" in post
    # environment.yml's pip section installs the dependencies; postBuild adds coursekit itself.
    assert "pip install --no-deps -e ." in post
    assert any("_load_fontmanager(try_read_cache=False)" in line for line in post), "font cache rebuild is missing"


def test_readme_course_map_matches_the_lessons():
    rows = re.findall(r"^\| (\d\d) \| (.+?) \| (\d+) \| (ready|planned) \|$", (ROOT / "README.md").read_text(), re.M)
    course_map = {number: (int(minutes), status) for number, _topic, minutes, status in rows}
    assert list(course_map) == [f"{i:02d}" for i in range(14)], "README course map must list lessons 00-13"
    for path in LESSONS:
        meta = nbformat.read(path, as_version=4).metadata["coursekit"]
        assert course_map[meta["lesson"]] == (meta["minutes"], "ready"), f"README row for {path.name} is out of date"
    ready = {number for number, (_, status) in course_map.items() if status == "ready"}
    assert ready == {p.name[:2] for p in LESSONS}
