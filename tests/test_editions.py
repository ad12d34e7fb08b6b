"""The Chinese edition: generated from the English source and one PO file per notebook, never hand-copied.

Repository checks: every English lesson, solution and exercise notebook has its Chinese edition
(``notebooks/zh/``, ``solutions/zh/``, ``exercises/zh/``); every translation exists, is not fuzzy
and is current (the generated sources equal the stored edition); the code equals the English code
beyond the setup call, comments and docstrings; stored Chinese outputs show no raw key and no
English name the catalog has in Chinese; relative links resolve; nbval collects the editions.

The machinery is tested end to end on the fixture ``tests/fixtures/99-demo.ipynb`` (a solution
notebook of the demo bank) with its committed translation ``tests/fixtures/99-demo.zh.po`` and
its committed, executed Chinese edition ``tests/fixtures/zh/99-demo.ipynb`` (which nbval runs).

Chinese habits: money in 元 / 万元 / 亿元 and dates as 2025年12月31日 (``coursekit.plots``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import nbformat
import polib
import pytest
from _scripts import load_script

import coursekit
from coursekit import i18n, plots

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "99-demo.ipynb"
FIXTURE_PO = ROOT / "tests" / "fixtures" / "99-demo.zh.po"
FIXTURE_ZH = ROOT / "tests" / "fixtures" / "zh" / "99-demo.ipynb"
GLOB = "[0-9][0-9]-*.ipynb"
CJK = re.compile(r"[\u4e00-\u9fff]")

editions = load_script("tools/make_editions.py")
make = load_script("tools/make_exercises.py")


def english_notebooks() -> list[Path]:
    return [p for folder in ("notebooks", "solutions", "exercises") for p in sorted((ROOT / folder).glob(GLOB))]


def zh_of(path: Path) -> Path:
    return path.parent / "zh" / path.name


def english_of(zh_path: Path) -> Path:
    return zh_path.parent.parent / zh_path.name


# Pairs (English, Chinese) to compare: every stored Chinese edition, and the fixture (so never empty).
PAIRS = [
    (english_of(p), p)
    for folder in ("notebooks", "solutions", "exercises")
    for p in sorted((ROOT / folder / "zh").glob(GLOB))
]
PAIRS.append((FIXTURE, FIXTURE_ZH))
EXECUTED = [zh for _, zh in PAIRS if zh.parent.parent.name != "exercises"]


def pair_id(pair) -> str:
    return str(pair[1].relative_to(ROOT)) if isinstance(pair, tuple) else str(pair.relative_to(ROOT))


def read(path: Path):
    return editions.read(path)


# --------------------------------------------------------------------------- the repository
def test_every_english_notebook_has_a_chinese_edition():
    """Lessons, solutions and exercises: each one exists in notebooks/zh/, solutions/zh/, exercises/zh/."""
    missing = [str(zh_of(p).relative_to(ROOT)) for p in english_notebooks() if not zh_of(p).exists()]
    assert not missing, (
        "Chinese editions missing (translate translations/zh/*/NN-*.po, then run "
        "`python tools/make_editions.py build NN`, `python tools/run_notebooks.py --edition zh NN` and "
        "`python tools/make_exercises.py NN`):\n  " + "\n  ".join(missing)
    )


def test_no_chinese_edition_without_its_english_source():
    orphans = [
        str(p.relative_to(ROOT))
        for folder in ("notebooks", "solutions", "exercises")
        for p in sorted((ROOT / folder / "zh").glob(GLOB))
        if not english_of(p).exists()
    ]
    assert not orphans, f"Chinese notebooks without an English source: {orphans}"


def test_translations_are_complete_and_current():
    """Every PO exists, no entry is empty, fuzzy or stale, and every stored edition equals the generated one."""
    problems = editions.status(ROOT)
    assert not problems, "make_editions.py check:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("pair", PAIRS, ids=pair_id)
def test_code_is_the_english_code(pair):
    """Same cells (ids, types, order); code equal beyond the setup call, comments and docstrings."""
    english, chinese = (read(p) for p in pair)
    assert [(c.cell_type, c.get("id")) for c in chinese.cells] == [(c.cell_type, c.get("id")) for c in english.cells]
    for en_cell, zh_cell in zip(english.cells, chinese.cells):
        if en_cell.cell_type == "code":
            assert editions.code_tokens(zh_cell.source, "zh") == editions.code_tokens(en_cell.source), (
                f"{pair[1].name} cell {en_cell.get('id')}: code differs from the English\n{zh_cell.source}"
            )
    setup = [c for c in chinese.cells if c.cell_type == "code" and "setup_notebook(" in c.source]
    assert setup and 'coursekit.setup_notebook("zh")' in setup[0].source
    assert chinese.metadata["coursekit"]["language"] == "zh"


@pytest.mark.parametrize("pair", PAIRS, ids=pair_id)
def test_text_is_chinese(pair):
    """Every markdown cell with English words reads Chinese in the edition (no cell was left untranslated)."""
    english, chinese = (read(p) for p in pair)
    for en_cell, zh_cell in zip(english.cells, chinese.cells):
        if en_cell.cell_type == "markdown" and len(re.findall(r"[A-Za-z]{3,}", en_cell.source)) >= 3:
            assert CJK.search(zh_cell.source), f"{pair[1].name} cell {en_cell.get('id')} is not translated"


def _text_outputs(nb) -> list[str]:
    texts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stdout":
                texts.append(str(out.get("text", "")))
            elif out.get("output_type") in ("display_data", "execute_result"):
                texts.append(str(out.get("data", {}).get("text/plain", "")))
    return texts


def _registered_kinds() -> dict:
    """Every kind of every coursekit package (each registers its names on import), so the check
    does not depend on which other tests ran first."""
    import importlib
    import pkgutil

    import coursekit

    for info in pkgutil.walk_packages(coursekit.__path__, "coursekit."):
        if ".questions." not in info.name:
            importlib.import_module(info.name)

    return {k: v for k, v in i18n.kinds().items() if not k.startswith("example_")}


# Kinds whose keys are also column names of results (code names the learner types, the same in
# both editions): a column header "complaint_rate" is not a leaked key.
COLUMN_NAME_KINDS = {"satisfaction_measure"}


def english_leaks(text: str) -> list[str]:
    """English names (and snake_case keys) of registered kinds that a Chinese output should not show.

    Only names the catalog has in Chinese count (a name kept in English, such as "RFM", may show);
    names are matched as whole words, case-sensitively; keys only when they are snake_case words
    (``at_risk``), which no Chinese text or number contains.
    """
    catalog = i18n.catalog()
    found = set()
    for kind, table in _registered_kinds().items():
        for key, english in table.items():
            chinese = catalog.get((kind, english))
            # a Chinese name may keep the English term beside it ("OEM 主机厂"): that is not a leak
            if chinese and english not in chinese and len(english) > 2:
                if re.search(rf"(?<![\w]){re.escape(english)}(?![\w])", text):
                    found.add(f"{kind}: {english!r}")
            if (
                kind not in COLUMN_NAME_KINDS
                and isinstance(key, str)
                and "_" in key.strip("_")
                # a file name such as ticket_handling.csv is not a raw key
                and re.search(rf"(?<![\w.]){re.escape(key)}(?![\w.])", text)
            ):
                found.add(f"{kind}: raw key {key!r}")
    return sorted(found)


def test_english_leaks_finds_names_and_keys():
    kinds = _registered_kinds()
    kind, table = next((k, t) for k, t in kinds.items() if any("_" in str(key) for key in t))
    key = next(key for key in table if "_" in str(key))
    english = table[key]
    assert english_leaks(f"segment\nC001    {english}\n") and english_leaks(f"C001    {key}\n")
    with i18n.language("zh"):
        shown = i18n.name(kind, key)
    assert english_leaks(f"C001    {shown}\n") == []
    assert english_leaks("✓ q1 正确") == []


@pytest.mark.parametrize("path", EXECUTED, ids=pair_id)
def test_stored_chinese_outputs(path):
    """Executed in a fresh kernel: every code cell ran, no error, no stderr, no English name, no raw key."""
    nb = read(path)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        assert cell.execution_count is not None, f"{path.name}: not executed: {cell.source[:60]!r}"
        for out in cell.outputs:
            assert out.output_type != "error", f"{path.name}: stored error in {cell.source[:60]!r}"
            assert not (out.output_type == "stream" and out.get("name") == "stderr"), f"{path.name}: stderr"
    leaks = english_leaks("\n".join(_text_outputs(nb)))
    assert not leaks, f"{path.name}: English names or raw keys in the stored outputs: {leaks}"


@pytest.mark.parametrize("pair", PAIRS, ids=pair_id)
def test_relative_links_resolve(pair):
    """A link of the Chinese edition points at a file from its own folder (../../exercises/zh/...)."""
    path = pair[1]
    for cell in read(path).cells:
        if cell.cell_type != "markdown":
            continue
        for target in re.findall(r"\]\(([^)\s]+)\)", cell.source):
            if re.match(r"[a-z]+:|#", target):
                continue
            assert (path.parent / target.split("#")[0]).exists(), f"{path.name}: broken link {target}"


def test_nbval_collects_the_chinese_editions():
    """notebooks/zh and solutions/zh sit inside the test paths; nbval collects a Chinese notebook's cells."""
    ini = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    assert {"notebooks", "solutions", "tests"} <= set(ini["testpaths"]) and "--nbval" in ini["addopts"]
    assert "zh" not in " ".join(ini.get("norecursedirs", []))
    targets = [str(p.relative_to(ROOT)) for p in EXECUTED]
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *targets],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    for target in targets:
        assert f"{target}::Cell 0" in run.stdout, f"nbval does not collect {target}"


# --------------------------------------------------------------------------- the machinery, on the fixture
@pytest.fixture
def root(tmp_path):
    """A repository in miniature: solutions/99-demo.ipynb (English) and its committed translation."""
    (tmp_path / "solutions").mkdir()
    shutil.copy(FIXTURE, tmp_path / "solutions" / FIXTURE.name)
    po = tmp_path / "translations" / "zh" / "solutions" / "99-demo.po"
    po.parent.mkdir(parents=True)
    shutil.copy(FIXTURE_PO, po)
    return tmp_path


def po_of(root: Path) -> Path:
    return root / "translations" / "zh" / "solutions" / "99-demo.po"


def zh_path(root: Path) -> Path:
    return root / "solutions" / "zh" / "99-demo.ipynb"


def sources(nb):
    return [(c.cell_type, c.get("id"), c.source) for c in nb.cells]


def test_committed_fixture_translation_is_current(root, capsys):
    before = po_of(root).read_bytes()
    assert editions.main(["extract", "--root", str(root)]) == 0
    assert "0 new, 0 changed (fuzzy), 0 obsolete; to translate: 0 empty, 0 fuzzy" in capsys.readouterr().out
    assert polib.pofile(str(po_of(root))).__len__() == len(polib.pofile(before.decode("utf-8")))
    assert editions.main(["build", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert (
        "written solutions/zh/99-demo.ipynb" in out
        and "python tools/run_notebooks.py solutions/zh/99-demo.ipynb" in out
    )
    # the committed, executed fixture edition is exactly what build generates
    assert sources(read(zh_path(root))) == sources(read(FIXTURE_ZH))
    assert read(zh_path(root)).metadata["coursekit"] == read(FIXTURE_ZH).metadata["coursekit"]
    assert editions.main(["check", "--root", str(root)]) == 0


def test_extract_makes_one_entry_per_cell_with_text(tmp_path):
    (tmp_path / "solutions").mkdir()
    shutil.copy(FIXTURE, tmp_path / "solutions" / FIXTURE.name)
    assert editions.main(["extract", "99", "--root", str(tmp_path)]) == 0
    po = polib.pofile(str(po_of(tmp_path)))
    nb = read(FIXTURE)
    markdown = [c.id for c in nb.cells if c.cell_type == "markdown"]
    commented = [c.id for c in nb.cells if c.cell_type == "code" and editions.comments(c.source)]
    assert commented == ["demo-03", "demo-23"]  # a comment; a comment and a docstring (markers don't count)
    assert [e.msgctxt for e in po] == [c.id for c in nb.cells if c.id in markdown + commented] + [
        "metadata:objectives:0"
    ]
    by_id = {c.id: c.source for c in nb.cells}
    assert all(e.msgid == by_id[e.msgctxt] and e.msgstr == "" for e in po if e.msgctxt in by_id)
    assert po.metadata["Language"] == "zh_CN" and po.metadata["X-Source"] == "solutions/99-demo.ipynb"
    problems = editions.status(tmp_path)
    assert sum("untranslated" in p for p in problems) == len(po) and any("missing edition" in p for p in problems)


def test_a_changed_english_cell_makes_its_translation_stale(root, capsys):
    shutil.copytree(FIXTURE_ZH.parent, zh_path(root).parent)  # the executed edition, with outputs
    stored = zh_path(root).read_bytes()
    assert editions.main(["build", "--root", str(root)]) == 0
    assert "unchanged solutions/zh/99-demo.ipynb" in capsys.readouterr().out
    assert zh_path(root).read_bytes() == stored  # same sources: outputs kept, file untouched
    # the author edits one English cell, adds one and deletes one
    src = root / "solutions" / FIXTURE.name
    nb = read(src)
    old = nb.cells[4].source
    nb.cells[4].source = "**Q1.** Total revenue of all orders, in CNY."
    nb.cells.insert(5, nbformat.v4.new_markdown_cell("A new paragraph.", id="demo-new"))
    del nb.cells[-1]  # the key points
    src.write_text(editions.dumps(nb), encoding="utf-8")
    problems = editions.status(root)
    assert any("99-demo.po: out of date" in p for p in problems)
    assert any("(demo-04): stale translation" in p for p in problems)
    assert any("stale, differs from the generated edition" in p for p in problems)
    assert editions.main(["check", "--root", str(root)]) == 1
    assert editions.main(["extract", "--root", str(root)]) == 0
    assert "1 new, 1 changed (fuzzy), 1 obsolete; to translate: 1 empty, 1 fuzzy" in capsys.readouterr().out
    po = {e.msgctxt: e for e in polib.pofile(str(po_of(root)))}
    changed = po["demo-04"]
    assert "fuzzy" in changed.flags and changed.previous_msgid == old and changed.msgstr  # translator sees both
    assert po["demo-new"].msgstr == "" and po["demo-26"].obsolete
    problems = editions.status(root)
    assert any("(demo-04): fuzzy" in p for p in problems) and any("(demo-new): untranslated" in p for p in problems)
    # build still writes the edition (English kept where the translation is pending), without outputs
    assert editions.main(["build", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert "written solutions/zh/99-demo.ipynb" in out and "fuzzy" in out
    built = read(zh_path(root))
    assert built.cells[4].source == nb.cells[4].source and built.cells[5].source == "A new paragraph."
    assert all(not c.get("outputs") for c in built.cells if c.cell_type == "code")
    # the translator updates the two entries: current again
    pofile = polib.pofile(str(po_of(root)))
    for e in pofile:
        if e.msgctxt == "demo-04":
            e.msgstr, e.flags, e.previous_msgid = "**第 1 题** 全部订单的总收入（元）。", [], None
        elif e.msgctxt == "demo-new":
            e.msgstr = "新的一段。"
    pofile.save()
    assert editions.main(["build", "--root", str(root)]) == 0
    assert editions.status(root) == []
    assert read(zh_path(root)).cells[5].source == "新的一段。"
    # a second extract changes nothing
    text = po_of(root).read_bytes()
    editions.main(["extract", "--root", str(root)])
    assert po_of(root).read_bytes() == text


def test_a_translation_that_changes_code_or_markers_is_refused(root, capsys):
    pofile = polib.pofile(str(po_of(root)))
    for e in pofile:
        if e.msgctxt == "demo-03":
            e.msgstr = e.msgstr.replace('["amount"].sum()', '["amount"].mean()')
        elif e.msgctxt == "demo-25":
            e.msgstr = e.msgstr.replace("<!-- END SOLUTION -->", "")
    pofile.save()
    assert editions.main(["build", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert "(demo-03): the translated code differs from the English beyond comments" in out
    assert "(demo-25): the solution markers differ from the English" in out
    built = read(zh_path(root))
    by_id = {c.id: c.source for c in built.cells}
    assert by_id["demo-03"] == read(FIXTURE).cells[3].source  # the English code, not the wrong translation


def test_check_lists_missing_translations_and_orphans(tmp_path):
    (tmp_path / "solutions" / "zh").mkdir(parents=True)
    (tmp_path / "notebooks").mkdir()
    shutil.copy(FIXTURE, tmp_path / "notebooks" / "98-demo.ipynb")
    shutil.copy(FIXTURE_ZH, tmp_path / "solutions" / "zh" / "97-gone.ipynb")
    problems = editions.status(tmp_path)
    assert (
        "notebooks/zh/98-demo.ipynb: missing translation translations/zh/notebooks/98-demo.po (run extract 98)"
        in problems
    )
    assert "notebooks/zh/98-demo.ipynb: missing edition" in problems
    assert "solutions/zh/97-gone.ipynb: no English source solutions/97-gone.ipynb" in problems


def test_code_tokens_ignore_comments_docstrings_and_the_setup_call():
    en = 'import coursekit\n\ncoursekit.setup_notebook()\n\n\ndef f(x):\n    """Best first."""\n    return x  # note\n'
    zh = 'import coursekit\n\ncoursekit.setup_notebook("zh")\n\n\ndef f(x):\n    """最好的在前。"""\n    return x  # 说明\n'
    assert editions.code_tokens(zh, "zh") == editions.code_tokens(en)
    assert editions.code_tokens('x = "a"') != editions.code_tokens('x = "b"')  # strings are code
    assert editions.code_tokens("x = 1") != editions.code_tokens("x = 2")
    assert editions.comments("x = None\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION") == []
    assert editions.comments("%matplotlib inline\nx = 1  # one") == ["# one"]


# --------------------------------------------------------------------------- Chinese habits: money and dates
def test_format_money_in_each_language():
    assert plots.format_money(1234567) == "CNY 1.23 million"
    assert plots.format_money(45_600) == "CNY 45.6 thousand"
    assert plots.format_money(860) == "CNY 860"
    assert plots.format_money(-2_500_000_000) == "CNY -2.50 billion"
    with i18n.language("zh"):
        assert plots.format_money(1234567) == "123.5 万元"
        assert plots.format_money(250_000_000) == "2.50 亿元"
        assert plots.format_money(45_600) == "4.6 万元"
        assert plots.format_money(9_999) == "9,999 元"
        assert plots.format_money(1234567, unit="yuan") == "1,234,567 元"
        assert plots.format_money(1234567, decimals=0) == "123 万元"
    with pytest.raises(ValueError, match="unit must be"):
        plots.format_money(1, unit="lakh")
    with pytest.raises(TypeError, match="needs a number"):
        plots.format_money("12")


def test_format_date_in_each_language():
    assert plots.format_date("2025-12-31") == "31 Dec 2025"
    assert plots.format_date(coursekit.datasets.OBSERVATION_END) == "31 Dec 2025"
    with i18n.language("zh"):
        assert plots.format_date("2025-03-05") == "2025年3月5日"
        assert plots.format_date(coursekit.datasets.OBSERVATION_END) == "2025年12月31日"
    with pytest.raises(ValueError, match="needs a date"):
        plots.format_date("not a date")


def test_money_formatter_labels_ticks_in_the_readers_units():
    import matplotlib.pyplot as plt

    for lang, expected in (
        ("en", ["CNY 0.0 million", "CNY 0.5 million", "CNY 1.0 million", "CNY 1.5 million"]),
        ("zh", ["0 万元", "50 万元", "100 万元", "150 万元"]),
    ):
        with i18n.language(lang):
            fig, ax = plots.new_axes()
            ax.bar(["A", "B"], [1_500_000, 600_000])
            ax.set_yticks([0, 500_000, 1_000_000, 1_500_000])
            ax.yaxis.set_major_formatter(plots.money_formatter())
            fig.canvas.draw()
            ticks = [t.get_text() for t in ax.get_yticklabels()]
            assert ticks == expected, (lang, ticks)
            plt.close(fig)
    with i18n.language("zh"):
        fmt = plots.money_formatter()
        assert fmt.format_ticks([0, 1e8, 2e8, 3e8]) == ["0 亿元", "1 亿元", "2 亿元", "3 亿元"]
        assert fmt.format_ticks([0, 25_000, 50_000]) == ["0.0 万元", "2.5 万元", "5.0 万元"]
        assert plots.money_formatter("yuan").format_ticks([0, 5000]) == ["0 元", "5,000 元"]
