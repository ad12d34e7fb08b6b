"""The one catalog: every message of the package exists in both languages, and nothing else is in it."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pandas as pd
import polib
import pytest

import coursekit
from coursekit import i18n

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "coursekit"


def _entries():
    return polib.pofile(str(i18n.catalog_path()))


def _fields(text: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


def _calls():
    """Every ``i18n._("literal", context=..., field=...)`` in the package: (file, line, context, msgid, fields)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("_", "N_")
            ):
                continue
            if not (node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                continue
            kw = {k.arg: k.value for k in node.keywords if k.arg}
            context = kw.pop("context", None)
            context = context.value if isinstance(context, ast.Constant) else context
            # a message marked with N_ gets its fields where it is translated later
            fields = set(kw) if node.func.attr == "_" else None
            found.append((path.relative_to(ROOT), node.lineno, context, node.args[0].value, fields))
    return found


def _registered():
    import coursekit.accounts  # noqa: F401,E401
    import coursekit.clv
    import coursekit.datasets
    import coursekit.exercises
    import coursekit.funnel  # noqa: F401,E401 - register names
    import coursekit.loyalty
    import coursekit.rfm
    import coursekit.tiers  # noqa: F401 - register names (run alone, nothing else imports them)
    import coursekit.voc  # noqa: F401 - register names (lesson 05)

    return {
        (kind, english)
        for kind, table in i18n.kinds().items()
        for english in table.values()
        if not kind.startswith("example_")
    }


def test_every_entry_is_translated_and_keeps_its_placeholders():
    entries = _entries()
    assert len(entries) > 100
    for e in entries:
        assert e.msgstr.strip(), f"no Chinese for {e.msgid!r}"
        assert not e.obsolete and "fuzzy" not in e.flags, f"stale entry {e.msgid!r}"
        assert (
            re.search(r"[\u4e00-\u9fff]", e.msgstr) or e.msgstr == e.msgid or not re.search("[A-Za-z]{4}", e.msgid)
        ), f"translation of {e.msgid!r} has no Chinese: {e.msgstr!r}"


def test_every_message_in_the_code_is_in_the_catalog_with_its_fields():
    catalog = {(e.msgctxt, e.msgid): e.msgstr for e in _entries()}
    calls = _calls()
    assert len(calls) > 100
    for path, line, context, msgid, fields in calls:
        assert (context, msgid) in catalog, f"{path}:{line}: {msgid!r} is not in the catalog"
        if fields is None:
            continue
        for text in (msgid, catalog[(context, msgid)]):
            missing = _fields(text) - fields
            assert not missing, f"{path}:{line}: {text!r} uses {missing} but the call does not pass them"


def test_every_registered_name_is_in_the_catalog():
    catalog = {(e.msgctxt, e.msgid) for e in _entries()}
    names = _registered()
    assert names, "no kind registered"
    missing = sorted(n for n in names if n not in catalog)
    assert not missing, f"names without a Chinese entry: {missing}"


def _data_dictionary():
    """The messages ``datasets.describe`` looks up at run time: column meanings (context
    "data_dictionary") and units that hold a word (context "unit"; ranges such as "0-10" stay)."""
    from coursekit.datasets import DATA_DICTIONARY

    specs = [spec for info in DATA_DICTIONARY.values() for spec in info["columns"].values()]
    return {("data_dictionary", meaning) for _kind, _unit, meaning in specs} | {
        ("unit", unit) for _kind, unit, _meaning in specs if re.search("[A-Za-z]", unit)
    }


def test_the_catalog_holds_nothing_the_code_does_not_use():
    used = {(c, m) for _, _, c, m, _ in _calls()} | _registered() | _data_dictionary()
    unused = [(e.msgctxt, e.msgid) for e in _entries() if (e.msgctxt, e.msgid) not in used]
    assert not unused, f"catalog entries no code uses: {unused[:10]}"


def test_every_column_of_the_data_dictionary_has_chinese():
    """A new column (or a changed meaning or unit) without a Chinese entry fails here."""
    catalog = {(e.msgctxt, e.msgid): e.msgstr for e in _entries()}
    needed = _data_dictionary()
    assert len({m for c, m in needed if c == "data_dictionary"}) >= 130
    missing = sorted(m for m in needed if m not in catalog)
    assert not missing, f"data dictionary entries without Chinese: {missing[:10]}"
    for context, msgid in needed:
        assert re.search(r"[\u4e00-\u9fff]", catalog[(context, msgid)]), f"{msgid!r}: no Chinese"


def _mostly_chinese(text: str) -> bool:
    return len(re.findall(r"[\u4e00-\u9fff]", text)) > len(re.findall(r"[A-Za-z]", text))


def test_no_inline_chinese_left_in_the_package_code():
    """Chinese text belongs in the catalog. Docstrings, and English sentences that gloss a term
    in Chinese ("complaint (投诉)"), may name Chinese terms."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "questions" in path.parts:  # question banks keep (English, Chinese) pairs side by side
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(n.body[0].value)
            for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
            and n.body
            and isinstance(n.body[0], ast.Expr)
            and isinstance(n.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docstrings
                and _mostly_chinese(node.value)
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:40]!r}")
    assert not offenders, "\n".join(offenders)


def test_switching_language_changes_text_not_keys():
    i18n.use("zh")
    try:
        assert i18n._("Revenue") == "收入"
        assert i18n._("Net revenue ({unit})", unit=i18n.name("money_unit", "CNY million")) == "净收入（百万元）"
        assert i18n.sentence(["a", "b"]) == "a；b。"
    finally:
        i18n.use("en")
    assert i18n._("Net revenue ({unit})", unit=i18n.name("money_unit", "CNY million")) == "Net revenue (CNY million)"
    assert i18n.sentence(["a", "b"], capitalize=True) == "A; b."


def test_display_turns_keys_into_names_and_leaves_the_rest():
    i18n.define_names("example_tier", {"gold": "Gold", "silver": "Silver"})
    frame = pd.DataFrame(
        {
            "tier": pd.Categorical(["silver", "gold"], categories=["gold", "silver"], ordered=True),
            "revenue": [1.0, 2.0],
        },
        index=pd.Index(["C1", "C2"], name="customer_id"),
    )
    shown = i18n.display(frame)
    assert shown["tier"].tolist() == ["Silver", "Gold"] and shown["tier"].cat.ordered
    assert shown["revenue"].tolist() == [1.0, 2.0] and frame["tier"].tolist() == ["silver", "gold"]
    assert i18n.display(frame["tier"]).tolist() == ["Silver", "Gold"]


@pytest.mark.parametrize("bad, error", [(3, TypeError), ("fr", ValueError)])
def test_use_rejects_unknown_languages(bad, error):
    with pytest.raises(error):
        coursekit.use(bad)


def test_unknown_names_are_clear_errors():
    with pytest.raises(ValueError, match="unknown kind 'nope'"):
        i18n.names("nope")
    i18n.define_names("example_level", {"upper": "Upper band"})
    with pytest.raises(ValueError, match="unknown key of 'example_level'"):
        i18n.name("example_level", "medium")
