#!/usr/bin/env python
"""The Chinese edition of the lessons and solutions, generated from the English source and a PO file.

Usage::

    python tools/make_editions.py extract 07 [08 ...]   # new/changed English cells -> translations/zh/*/NN-*.po
    python tools/make_editions.py build 07 [08 ...]     # PO + English -> notebooks/zh/, solutions/zh/
    python tools/make_editions.py build --check         # exit 1 listing missing, stale or untranslated editions

One source per notebook, one translation per language:

* ``notebooks/NN-topic.ipynb`` and ``solutions/NN-topic.ipynb`` are the English source.
* ``translations/zh/notebooks/NN-topic.po`` and ``translations/zh/solutions/NN-topic.po`` hold one
  entry per cell that has text: ``msgctxt`` = the cell id, ``msgid`` = the whole English cell,
  ``msgstr`` = the whole Chinese cell. Markdown cells are translated whole; code cells need an entry
  only when they have comments, and their ``msgstr`` is the same code with the comments translated.
  Cells without text are copied. The objectives of the notebook metadata are entries too
  (``msgctxt`` = ``metadata:objectives:N``). Any PO editor (Poedit, Lokalize, polib) edits them.
* ``extract`` adds an entry (empty ``msgstr``) for every new cell. When an English cell changed,
  its entry becomes *fuzzy* with ``previous_msgid`` = the old English, so the translator sees the
  change; entries of deleted cells become obsolete (``#~``), kept for reference.
* ``build`` writes ``notebooks/zh/NN-topic.ipynb`` and ``solutions/zh/NN-topic.ipynb``: the English
  notebook with the translated cells, the same cell ids, ``coursekit.setup_notebook("zh")`` instead of
  ``coursekit.setup_notebook()`` (the only code difference besides comments) and notebook metadata
  ``coursekit`` with ``"edition": "zh"``, ``"language": "zh"`` and the Chinese title. A cell whose
  translation is missing, fuzzy or stale keeps its English (and ``build`` exits 1 naming it).
  When the generated sources equal the stored edition's, the file keeps its outputs (only changed
  metadata is written); otherwise it is written without outputs and must be executed:
  ``python tools/run_notebooks.py notebooks/zh/NN-topic.ipynb solutions/zh/NN-topic.ipynb``, then
  ``python tools/make_exercises.py NN`` writes ``exercises/zh/`` from ``solutions/zh/``.

A translated code cell must tokenize to the same code as the English one once comments are dropped;
``build`` refuses a translation that changes code. Solution markers (``### BEGIN SOLUTION``,
``<!-- BEGIN SOLUTION -->``) must stay as they are.
"""

from __future__ import annotations

import argparse
import ast
import copy
import io
import re
import sys
import tokenize
import warnings
from pathlib import Path

import nbformat
import polib

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("zh",)
#: English source folders that have editions (exercises/ is generated from solutions/<lang>/).
KINDS = ("notebooks", "solutions")
NOTEBOOK_GLOB = "[0-9][0-9]-*.ipynb"
SETUP_EN = "coursekit.setup_notebook()"
SOLUTION_MARKERS = re.compile(r"###\s*(BEGIN|END) SOLUTION|<!--\s*(BEGIN|END) SOLUTION\s*-->")
CJK = re.compile(r"[\u4e00-\u9fff]")
OBJECTIVE_CTX = "metadata:objectives:{}"


def setup_call(lang: str) -> str:
    return f'coursekit.setup_notebook("{lang}")'


# --------------------------------------------------------------------------- code and comments
def _tokens(source: str):
    return list(tokenize.generate_tokens(io.StringIO(source).readline))


def _is_marker(comment: str) -> bool:
    return SOLUTION_MARKERS.search(comment) is not None


def _docstrings(source: str) -> set[tuple[int, int]]:
    """Start positions (line, column) of the docstrings of a cell's module, functions and classes."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                found.add((first.value.lineno, first.value.col_offset))
    return found


def _prose_tokens(source: str) -> tuple[list, set]:
    """The tokens of ``source`` and the positions of its docstrings (prose a translator may translate)."""
    return _tokens(source), _docstrings(source)


def comments(source: str) -> list[str]:
    """The comments and docstrings of a code cell (solution markers excluded); % and ! lines are skipped."""
    code = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.split("\n"))
    try:
        tokens, docs = _prose_tokens(code)
        found = [
            t.string for t in tokens if t.type == tokenize.COMMENT or (t.type == tokenize.STRING and t.start in docs)
        ]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        found = [line.strip() for line in code.split("\n") if line.strip().startswith("#")]
    return [c for c in found if not _is_marker(c)]


def code_tokens(source: str, lang: str | None = None) -> list[tuple[int, str]]:
    """The code of a cell as ``(type, text)`` tokens without comments, docstring texts and line layout.

    Two cells are the same code when these are equal; for an edition in ``lang`` its setup call
    counts as the English one. A docstring stays a docstring (its text may be translated).
    """
    if lang is not None:
        source = source.replace(setup_call(lang), SETUP_EN)
    skip = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER}
    try:
        tokens, docs = _prose_tokens(source)
        return [(t.type, "<docstring>" if t.start in docs else t.string) for t in tokens if t.type not in skip]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        # Not Python (a magic, an unfinished cell): compare the lines without comments and blanks.
        lines = [re.sub(r"\s+#.*$", "", line).strip() for line in source.split("\n")]
        return [(0, line) for line in lines if line and not line.startswith("#")]


def needs_entry(cell) -> bool:
    """Markdown and raw cells with text; code cells with comments."""
    if cell.cell_type == "code":
        return bool(comments(cell.source))
    return bool(cell.source.strip())


def check_translation(cell, msgstr: str, lang: str) -> str | None:
    """Why ``msgstr`` cannot stand for ``cell`` (code changed, markers lost), or None."""
    if cell.cell_type == "code":
        if code_tokens(msgstr, lang) != code_tokens(cell.source):
            return "the translated code differs from the English beyond comments"
    if [m.group(0).replace(" ", "") for m in SOLUTION_MARKERS.finditer(msgstr)] != [
        m.group(0).replace(" ", "") for m in SOLUTION_MARKERS.finditer(cell.source)
    ]:
        return "the solution markers differ from the English"
    return None


# --------------------------------------------------------------------------- files
def read(path: Path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return nbformat.read(str(path), as_version=nbformat.NO_CONVERT)


def dumps(nb) -> str:
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def po_path(root: Path, lang: str, kind: str, name: str) -> Path:
    return root / "translations" / lang / kind / (Path(name).stem + ".po")


def edition_path(root: Path, lang: str, kind: str, name: str) -> Path:
    return root / kind / lang / name


def sources(root: Path, lessons=()) -> list[tuple[str, Path]]:
    """``[(kind, english_path), ...]`` of the English notebooks (only ``lessons`` when given: "07" or a path)."""
    wanted = {Path(str(x)).name[:2] for x in lessons}
    found = []
    for kind in KINDS:
        for path in sorted((root / kind).glob(NOTEBOOK_GLOB)):
            if not wanted or path.name[:2] in wanted:
                found.append((kind, path))
    return found


def load_po(path: Path, *, source: str = "", lang: str = "zh") -> polib.POFile:
    if path.exists():
        return polib.pofile(str(path), wrapwidth=0)
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "coursekit",
        "Language": {"zh": "zh_CN"}.get(lang, lang),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source": source,
    }
    return po


def _texts(nb) -> list[tuple[str, str, str]]:
    """``[(msgctxt, english, note), ...]``: every text of ``nb`` that needs a translation, in order."""
    out = []
    for i, cell in enumerate(nb.cells):
        if needs_entry(cell):
            if "id" not in cell:
                raise ValueError(f"cell {i + 1} has no id: run python tools/make_exercises.py (it adds ids)")
            out.append((cell.id, cell.source, f"{cell.cell_type} cell {i + 1}"))
    for j, objective in enumerate(nb.metadata.get("coursekit", {}).get("objectives", [])):
        if not CJK.search(objective):  # a bilingual list already holds the Chinese
            out.append((OBJECTIVE_CTX.format(j), objective, f"learning objective {j + 1}"))
    return out


def extract(nb, po: polib.POFile) -> dict[str, int]:
    """Bring ``po`` up to date with the English ``nb`` (in place); return counts of what changed."""
    counts = {"new": 0, "changed": 0, "obsolete": 0}
    by_ctx = {}
    for e in po:
        if e.msgctxt not in by_ctx or not e.obsolete:
            by_ctx[e.msgctxt] = e
    ordered, wanted = [], set()
    for ctx, english, note in _texts(nb):
        wanted.add(ctx)
        e = by_ctx.get(ctx)
        if e is None:
            e = polib.POEntry(msgctxt=ctx, msgid=english, msgstr="", comment=note)
            counts["new"] += 1
        else:
            e.obsolete = False
            e.comment = note
            if e.msgid != english:
                if e.msgstr:
                    if "fuzzy" not in e.flags:
                        e.previous_msgid = e.msgid  # what the translation was made from
                        e.flags.append("fuzzy")
                    counts["changed"] += 1
                e.msgid = english
        ordered.append(e)
    rest = [e for e in po if e.msgctxt not in wanted]
    for e in rest:
        if not e.obsolete:
            e.obsolete = True
            counts["obsolete"] += 1
    po[:] = ordered + rest
    return counts


def translate(nb, po: polib.POFile, lang: str, source: str):
    """The edition of the English ``nb`` in ``lang``; ``(edition, problems)`` (``nb`` is not modified)."""
    table = {e.msgctxt: e for e in po if not e.obsolete}
    problems = []
    out = copy.deepcopy(nb)

    def lookup(ctx, english, where):
        e = table.get(ctx)
        if e is None:
            problems.append(f"{where}: no translation (run extract)")
        elif e.msgid != english:
            problems.append(f"{where}: stale translation, the English changed (run extract)")
        elif "fuzzy" in e.flags:
            problems.append(f"{where}: fuzzy translation, the English changed (see previous msgid)")
        elif not e.msgstr.strip():
            problems.append(f"{where}: untranslated")
        else:
            return e.msgstr
        return None

    for i, cell in enumerate(out.cells):
        where = f"cell {i + 1} ({cell.get('id', '?')})"
        if needs_entry(cell):
            text = lookup(cell.get("id"), cell.source, where)
            if text is not None:
                reason = check_translation(cell, text, lang)
                if reason:
                    problems.append(f"{where}: {reason}")
                else:
                    cell.source = text
        if cell.cell_type == "code":
            cell.source = cell.source.replace(SETUP_EN, setup_call(lang))
            cell.outputs = []
            cell.execution_count = None
        cell.metadata.pop("execution", None)
    meta = out.metadata
    meta.pop("widgets", None)
    ck = dict(meta.get("coursekit", {}))
    if ck:
        ck["title_en"] = ck.get("title", "")
        ck["title"] = ck.get(f"title_{lang}") or ck.get("title", "")
        objectives = []
        for j, objective in enumerate(ck.get("objectives", [])):
            if CJK.search(objective):
                objectives.append(objective)
            else:
                text = lookup(OBJECTIVE_CTX.format(j), objective, f"objective {j + 1}")
                objectives.append(objective if text is None else text)
        if "objectives" in ck:
            ck["objectives"] = objectives
    ck["edition"] = lang
    ck["language"] = lang
    ck["source"] = source
    meta["coursekit"] = ck
    if not any(SETUP_EN in c.source or setup_call(lang) in c.source for c in nb.cells if c.cell_type == "code"):
        problems.append(f"no {SETUP_EN} call to switch to {lang!r}")
    return out, problems


def _shape(nb):
    return [(c.cell_type, c.get("id"), c.source) for c in nb.cells]


def _meta(nb):
    return (nb.metadata.get("coursekit"), [c.get("metadata", {}) for c in nb.cells])


def plan(root: Path, lessons=(), langs=LANGUAGES):
    """``[(lang, kind, english_path, po_path, edition_path), ...]``."""
    return [
        (lang, kind, path, po_path(root, lang, kind, path.name), edition_path(root, lang, kind, path.name))
        for lang in langs
        for kind, path in sources(root, lessons)
    ]


def status(root: Path, lessons=(), langs=LANGUAGES) -> list[str]:
    """Everything ``build --check`` reports: missing, stale, untranslated editions and orphans."""
    problems = []
    for lang, _kind, src, po_file, ed in plan(root, lessons, langs):
        rel = ed.relative_to(root)
        if not po_file.exists():
            problems.append(f"{rel}: missing translation {po_file.relative_to(root)} (run extract {src.name[:2]})")
            if not ed.exists():
                problems.append(f"{rel}: missing edition")
            continue
        try:
            nb = read(src)
            po = load_po(po_file)
            pending = copy.deepcopy(po)
            extract(nb, pending)
            if str(pending) != str(po):
                problems.append(f"{po_file.relative_to(root)}: out of date with {src.relative_to(root)} (run extract)")
            edition, missing = translate(nb, po, lang, str(src.relative_to(root)))
        except Exception as exc:
            problems.append(f"{rel}: cannot be generated ({type(exc).__name__}: {exc})")
            continue
        problems += [f"{rel}: {p}" for p in missing]
        if not ed.exists():
            problems.append(f"{rel}: missing edition (run build {src.name[:2]})")
            continue
        stored = read(ed)
        if _shape(stored) != _shape(edition) or _meta(stored) != _meta(edition):
            problems.append(f"{rel}: stale, differs from the generated edition (run build {src.name[:2]})")
    if not lessons:
        for lang in langs:
            for kind in KINDS:
                for ed in sorted((root / kind / lang).glob(NOTEBOOK_GLOB)):
                    if not (root / kind / ed.name).exists():
                        problems.append(f"{ed.relative_to(root)}: no English source {kind}/{ed.name}")
    return problems


def build_one(root: Path, lang: str, src: Path, po_file: Path, ed: Path) -> tuple[str, list[str]]:
    """Write one edition; return ``(what happened, problems)`` with what in written/updated/unchanged."""
    nb = read(src)
    po = load_po(po_file)
    edition, problems = translate(nb, po, lang, str(src.relative_to(root)))
    if ed.exists():
        stored = read(ed)
        if _shape(stored) == _shape(edition):
            if _meta(stored) == _meta(edition):
                return "unchanged", problems
            stored.metadata["coursekit"] = edition.metadata["coursekit"]
            for old, new in zip(stored.cells, edition.cells):
                old.metadata = new.metadata
            ed.write_text(dumps(stored), encoding="utf-8")
            return "updated", problems
    ed.parent.mkdir(parents=True, exist_ok=True)
    ed.write_text(dumps(edition), encoding="utf-8")
    return "written", problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("extract", "build", "check"), help="check = build --check")
    parser.add_argument("lessons", nargs="*", help="lesson numbers or notebook paths (default: every lesson)")
    parser.add_argument("--lang", default="zh", choices=LANGUAGES)
    parser.add_argument("--check", action="store_true", help="build: don't write; exit 1 listing every problem")
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this repo)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    langs = (args.lang,)
    todo = plan(root, args.lessons, langs)
    if args.lessons and not todo:
        print(f"no English notebook matches {' '.join(args.lessons)}")
        return 1
    if args.command == "check" or args.check:
        problems = status(root, args.lessons, langs)
        if problems:
            print("Editions are missing, stale or untranslated:")
            for p in problems:
                print(f"  {p}")
            return 1
        print(f"{len(todo)} edition(s) up to date.")
        return 0
    if args.command == "extract":
        for _lang, _kind, src, po_file, _ed in todo:
            po = load_po(po_file, source=str(src.relative_to(root)), lang=_lang)
            counts = extract(read(src), po)
            po_file.parent.mkdir(parents=True, exist_ok=True)
            # Written only when an entry changed: a PO editor's own line wrapping is left alone.
            before = str(load_po(po_file)) if po_file.exists() else None
            if str(po) != before:
                po_file.write_text(str(po) + "\n", encoding="utf-8")
            untranslated = sum(1 for e in po if not e.obsolete and not e.msgstr)
            fuzzy = sum(1 for e in po if not e.obsolete and "fuzzy" in e.flags)
            print(
                f"{po_file.relative_to(root)}: {counts['new']} new, {counts['changed']} changed (fuzzy), "
                f"{counts['obsolete']} obsolete; to translate: {untranslated} empty, {fuzzy} fuzzy"
            )
        return 0
    failed, to_run = False, []
    for lang, _kind, src, po_file, ed in todo:
        rel = ed.relative_to(root)
        if not po_file.exists():
            # Asked for by number: an error. Building everything: lessons not translated yet are skipped.
            print(f"SKIP {rel}: no {po_file.relative_to(root)} (run extract {src.name[:2]} and translate it)")
            failed |= bool(args.lessons)
            continue
        what, problems = build_one(root, lang, src, po_file, ed)
        print(f"{what} {rel}")
        for p in problems:
            print(f"  {p}")
        failed |= bool(problems)
        if what == "written":
            to_run.append(str(rel))
    if to_run:
        print("Execute the new editions (their outputs were cleared), then regenerate the exercises:")
        print(f"  python tools/run_notebooks.py {' '.join(to_run)}")
        print(f"  python tools/make_exercises.py {' '.join(sorted({Path(p).name[:2] for p in to_run}))}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
