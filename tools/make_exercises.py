#!/usr/bin/env python
"""Generate the learner notebooks ``exercises/NN-*.ipynb`` from ``solutions/NN-*.ipynb``.

Usage::

    python tools/make_exercises.py            # regenerate every exercise notebook
    python tools/make_exercises.py --check    # exit 1 and list stale/missing/orphan files (tests, CI)

What changes between a solution and its exercise:

* code between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` (markers included) becomes one
  placeholder comment at the marker's indentation;
* markdown between ``<!-- BEGIN SOLUTION -->`` and ``<!-- END SOLUTION -->`` becomes
  ``*Write your answer here.*``;
* outputs, execution counts, execution timings and stored widget state are removed;
* check cells (source contains ``.check(``), the cell creating the ``Lesson`` and cells tagged
  ``locked`` get ``metadata.editable = false`` and ``metadata.deletable = false`` — in the
  exercise *and* in the solution (written back only when that changes it);
* notebook metadata ``coursekit`` is kept, with ``"edition": "exercise"``.

Output is deterministic (nbformat, sorted keys, 1-space indent): running twice gives identical bytes.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
import warnings
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
BEGIN_CODE, END_CODE = "### BEGIN SOLUTION", "### END SOLUTION"
MD_BLOCK = re.compile(r"<!--\s*BEGIN SOLUTION\s*-->.*?<!--\s*END SOLUTION\s*-->", re.DOTALL)
MD_MARKER = re.compile(r"<!--\s*(BEGIN|END) SOLUTION\s*-->")
MD_PLACEHOLDER = "*Write your answer here.*"
PLACEHOLDER = "# YOUR CODE HERE: replace None above with your answer"
PLACEHOLDER_SHORT = "# YOUR CODE HERE"
_NONE_ASSIGN = re.compile(r"^\s*[A-Za-z_][\w.\[\]\"']*\s*=\s*None\s*(#.*)?$")
NOTEBOOK_GLOB = "[0-9][0-9]-*.ipynb"


class SolutionMarkerError(ValueError):
    """A solution block is not closed, or closed without being opened."""


def _strip_code(source: str, where: str = "cell") -> str:
    out: list[str] = []
    inside = False
    seen_none = False
    for line in source.split("\n"):
        stripped = line.strip()
        if stripped.startswith(BEGIN_CODE):
            if inside:
                raise SolutionMarkerError(f"{where}: '{BEGIN_CODE}' inside another solution block")
            inside = True
            indent = line[: len(line) - len(line.lstrip())]
            out.append(indent + (PLACEHOLDER if seen_none else PLACEHOLDER_SHORT))
            continue
        if stripped.startswith(END_CODE):
            if not inside:
                raise SolutionMarkerError(f"{where}: '{END_CODE}' without '{BEGIN_CODE}'")
            inside = False
            continue
        if not inside:
            out.append(line)
            if _NONE_ASSIGN.match(line):
                seen_none = True
    if inside:
        raise SolutionMarkerError(f"{where}: '{BEGIN_CODE}' is never closed by '{END_CODE}'")
    return "\n".join(out)


def _strip_markdown(source: str, where: str = "cell") -> str:
    result = MD_BLOCK.sub(MD_PLACEHOLDER, source)
    if MD_MARKER.search(result):
        raise SolutionMarkerError(f"{where}: unmatched '<!-- BEGIN/END SOLUTION -->' marker")
    return result


def solution_lines(source: str) -> list[str]:
    """The lines inside code solution blocks (markers excluded), stripped."""
    lines, inside = [], False
    for line in source.split("\n"):
        s = line.strip()
        if s.startswith(BEGIN_CODE):
            inside = True
        elif s.startswith(END_CODE):
            inside = False
        elif inside and s:
            lines.append(s)
    return lines


def is_locked_cell(cell) -> bool:
    """Check cells, the cell creating the ``Lesson`` and cells tagged ``locked``."""
    if cell.get("cell_type") != "code":
        return "locked" in cell.get("metadata", {}).get("tags", [])
    source = cell.get("source", "")
    return (
        ".check(" in source
        or re.search(r"\bLesson\(", source) is not None
        or "locked" in cell.get("metadata", {}).get("tags", [])
    )


def lock_cells(nb) -> bool:
    """Set ``editable``/``deletable`` false on the locked cells of ``nb`` in place; True if anything changed."""
    changed = False
    for cell in nb.cells:
        if is_locked_cell(cell):
            md = cell.setdefault("metadata", {})
            for key in ("editable", "deletable"):
                if md.get(key) is not False:
                    md[key] = False
                    changed = True
    return changed


def make_exercise(nb):
    """Return the exercise version of a solution notebook (the argument is not modified)."""
    ex = copy.deepcopy(nb)
    for i, cell in enumerate(ex.cells):
        where = f"cell {i + 1}"
        md = cell.setdefault("metadata", {})
        for key in ("execution", "collapsed", "scrolled"):
            md.pop(key, None)
        if cell.cell_type == "code":
            cell.source = _strip_code(cell.source, where)
            cell.outputs = []
            cell.execution_count = None
        elif cell.cell_type == "markdown":
            cell.source = _strip_markdown(cell.source, where)
        elif cell.cell_type == "raw":
            cell.source = _strip_markdown(cell.source, where)
    lock_cells(ex)
    meta = ex.setdefault("metadata", {})
    meta.pop("widgets", None)
    ck = dict(meta.get("coursekit", {}))
    ck["edition"] = "exercise"
    meta["coursekit"] = ck
    return ex


def dumps(nb) -> str:
    """Deterministic notebook text (as Jupyter writes it, with a final newline)."""
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def read(path: Path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # MissingIDFieldWarning: ids are added, see _missing_ids
        return nbformat.read(str(path), as_version=nbformat.NO_CONVERT)


def _missing_ids(path: Path) -> bool:
    """True when a v4.5+ notebook has cells without an id (nbformat then invents random ones)."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    if (raw.get("nbformat"), raw.get("nbformat_minor", 0)) < (4, 5):
        return False
    return any("id" not in c for c in raw.get("cells", []))


def _write_if_changed(path: Path, text: str) -> bool:
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    path.write_bytes(data)
    return True


def plan(root: Path = ROOT):
    """``[(solution_path, exercise_path), ...]`` and orphan exercise paths."""
    solutions = sorted((root / "solutions").glob(NOTEBOOK_GLOB))
    pairs = [(s, root / "exercises" / s.name) for s in solutions]
    names = {s.name for s in solutions}
    orphans = sorted(p for p in (root / "exercises").glob(NOTEBOOK_GLOB) if p.name not in names)
    return pairs, orphans


def stale(root: Path = ROOT) -> list[str]:
    """Problems ``--check`` reports: missing/out-of-date exercises, unlocked solutions, orphans."""
    problems = []
    pairs, orphans = plan(root)
    for sol_path, ex_path in pairs:
        try:
            sol = read(sol_path)
            expected = dumps(make_exercise(sol))
        except Exception as exc:
            problems.append(f"{sol_path.relative_to(root)}: cannot be converted ({exc})")
            continue
        if lock_cells(sol):
            problems.append(f"{sol_path.relative_to(root)}: check cells are not locked")
        if _missing_ids(sol_path):
            problems.append(f"{sol_path.relative_to(root)}: cells without an id")
        if not ex_path.exists():
            problems.append(f"{ex_path.relative_to(root)}: missing")
        elif ex_path.read_bytes() != expected.encode("utf-8"):
            problems.append(f"{ex_path.relative_to(root)}: out of date")
    for p in orphans:
        problems.append(f"{p.relative_to(root)}: no matching solutions/{p.name}")
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="don't write; exit 1 listing stale, missing or orphan exercise notebooks"
    )
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this repo)")
    parser.add_argument(
        "lessons", nargs="*", help="only these solution notebooks or lesson numbers, e.g. 07 or solutions/07-rfm.ipynb"
    )
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.check:
        problems = stale(root)
        if problems:
            print("Exercise notebooks are stale; run `python tools/make_exercises.py`:")
            for p in problems:
                print(f"  {p}")
            return 1
        print(f"{len(plan(root)[0])} exercise notebook(s) up to date.")
        return 0
    pairs, orphans = plan(root)
    if args.lessons:
        wanted = {Path(x).name[:2] for x in args.lessons}
        pairs = [(sol, ex) for sol, ex in pairs if sol.name[:2] in wanted]
        orphans = []
    failed = False
    for sol_path, ex_path in pairs:
        try:
            sol = read(sol_path)
            if lock_cells(sol) | _missing_ids(sol_path):
                _write_if_changed(sol_path, dumps(sol))
                print(f"updated {sol_path.relative_to(root)} (locked check cells / cell ids)")
            ex_path.parent.mkdir(parents=True, exist_ok=True)
            written = _write_if_changed(ex_path, dumps(make_exercise(sol)))
            print(f"{'wrote' if written else 'unchanged'} {ex_path.relative_to(root)}")
        except SolutionMarkerError as exc:
            print(f"ERROR {sol_path.relative_to(root)}: {exc}", file=sys.stderr)
            failed = True
    for p in orphans:
        print(f"warning: {p.relative_to(root)} has no solutions/{p.name} (delete it or add the solution)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
