"""The Chinese edition shares the lessons' code cells: every lesson must run with
``coursekit.setup_notebook("zh")`` without an error, a warning or a missing glyph,
and its charts and segment names must then be in Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from _scripts import load_script

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
CJK = re.compile(r"[\u4e00-\u9fff]")


def _zh(nb):
    first = next(c for c in nb.cells if c.cell_type == "code")
    assert "coursekit.setup_notebook()" in first.source
    first.source = first.source.replace("coursekit.setup_notebook()", 'coursekit.setup_notebook("zh")')
    return nb


def _text_outputs(nb) -> str:
    texts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                texts.append(out.get("text", ""))
            else:
                texts.append(str(out.get("data", {}).get("text/plain", "")))
    return "\n".join(texts)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_runs_in_chinese(path):
    run = load_script("tools/run_notebooks.py")
    english = nbformat.read(path, as_version=4)
    nb, problems = run.execute(_zh(nbformat.read(path, as_version=4)), path.parent)
    assert not problems, "\n".join(problems)
    # Labels, segment names and table texts switch language: clearly more Chinese than in English.
    zh_chars = len(CJK.findall(_text_outputs(nb)))
    en_chars = len(CJK.findall(_text_outputs(english)))
    assert zh_chars > en_chars + 20, f"{path.name}: {zh_chars} Chinese characters in zh outputs vs {en_chars} in en"
