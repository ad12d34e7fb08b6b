"""Language of everything a learner reads: chart labels, names of segments and tiers, feedback.

Results never depend on the language: segment, tier, level and quadrant columns hold
stable keys (``champions``, ``strategic`` ...). Text is looked up only for display, in
one gettext catalog, ``coursekit/locale/zh/LC_MESSAGES/coursekit.po``: the English text
is the message id, the Chinese its translation. Names of keys are messages too, with
their kind as the gettext context (``msgctxt``).

- :func:`_` translates one message, :func:`N_` marks a message that is translated later.
- :func:`define_names` registers the English names of a kind's keys;
  :func:`name` and :func:`names` give them in the reader's language.
- :func:`display` turns key columns of a result into names, for tables a learner sees.

Examples
--------
>>> from coursekit import i18n
>>> i18n.use("zh")
>>> i18n._("Revenue (CNY)")
'收入（元）'
>>> i18n.use("en")
>>> i18n._("Revenue (CNY)")
'Revenue (CNY)'
"""
from __future__ import annotations

import importlib.resources
from functools import lru_cache

import pandas as pd

LANGUAGES = ("en", "zh")
#: Where the catalog lives inside the package.
CATALOG = ("locale", "zh", "LC_MESSAGES", "coursekit.po")
_state = {"lang": "en"}
_KINDS: dict[str, dict] = {}


def use(lang: str = "en") -> None:
    """Switch the language of labels, names and feedback texts ("en" or "zh")."""
    if not isinstance(lang, str):
        raise TypeError(f"lang must be a string, one of {LANGUAGES}, got {type(lang).__name__}")
    lang = lang.lower()
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, got {lang!r}")
    _state["lang"] = lang


def get_language() -> str:
    """The language in use: "en" or "zh"."""
    return _state["lang"]


def catalog_path():
    """The Chinese catalog as an ``importlib.resources`` traversable (works from a wheel)."""
    path = importlib.resources.files("coursekit")
    for part in CATALOG:
        path = path / part
    return path


@lru_cache(maxsize=1)
def catalog() -> dict[tuple[str | None, str], str]:
    """``{(context, English message): Chinese}`` read once from the PO file."""
    import polib  # only needed once a Chinese text is asked for

    entries = polib.pofile(catalog_path().read_text(encoding="utf-8"))
    return {(e.msgctxt, e.msgid): e.msgstr for e in entries if e.msgstr and not e.obsolete}


def _(message: str, /, *, context: str | None = None, **fields) -> str:
    """Translate ``message`` into the language in use, then fill in ``{fields}``.

    Parameters
    ----------
    message : str
        The English text, as in the catalog (``str.format`` placeholders allowed).
    context : str, optional
        The gettext context: the kind, for names of keys.
    **fields
        Values for the placeholders.

    Examples
    --------
    >>> use("zh")
    >>> _("{n} customers", n=3)
    '3 个客户'
    >>> use("en")
    >>> _("{n} customers", n=3)
    '3 customers'
    """
    text = message
    if _state["lang"] == "zh":
        text = catalog().get((context, message), message)
    return text.format(**fields) if fields else text


def N_(message: str) -> str:  # noqa: N802 - the gettext name for "mark only"
    """Mark ``message`` for the catalog without translating it now (translate it with :func:`_`)."""
    return message


def define_names(kind: str, english: dict) -> dict:
    """Register the English names of the keys of ``kind``; their translations are in the catalog.

    Returns ``english`` so that a module can keep it: ``SEGMENTS = define_names("rfm_segment", {...})``.

    Examples
    --------
    >>> tiers = define_names("example_tier", {"gold": "Gold customers"})
    >>> name("example_tier", "gold")
    'Gold customers'
    """
    _KINDS[kind] = dict(english)
    return english


def name(kind: str, key) -> str:
    """The name of ``key`` of ``kind`` in the language in use.

    Examples
    --------
    >>> from coursekit import rfm  # registers the RFM segment names
    >>> use("zh"); name("rfm_segment", "champions"); use("en")
    '重要价值客户'
    """
    try:
        english = _KINDS[kind][key]
    except KeyError:
        known = ", ".join(sorted(_KINDS)) if kind not in _KINDS else ", ".join(map(str, _KINDS[kind]))
        what = "kind" if kind not in _KINDS else f"key of {kind!r}"
        raise ValueError(f"unknown {what} {key if kind in _KINDS else kind!r}; known: {known}") from None
    return _(english, context=kind)


def names(kind: str) -> dict:
    """``{key: name}`` of every key of ``kind``, in the language in use, in the registered order."""
    if kind not in _KINDS:
        raise ValueError(f"unknown kind {kind!r}; known: {', '.join(sorted(_KINDS))}")
    return {key: name(kind, key) for key in _KINDS[kind]}


def kinds() -> dict[str, dict]:
    """Every registered kind with its English names (for the glossary and the catalog test)."""
    return {kind: dict(table) for kind, table in _KINDS.items()}


def _kind_of(values) -> str | None:
    if isinstance(values.dtype, pd.CategoricalDtype):
        keys = set(values.cat.categories)
    elif values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
        keys = set(values.dropna().unique())
    else:
        return None
    if not keys:
        return None
    matches = [kind for kind, table in _KINDS.items() if keys <= set(table)]
    return matches[0] if len(matches) == 1 else None


def _named(values: pd.Series, kind: str) -> pd.Series:
    table = names(kind)
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values.cat.rename_categories({k: table[k] for k in values.cat.categories})
    return values.map(table)


def display(obj, kinds: dict | None = None):
    """A copy of ``obj`` for the reader: key columns, index and values shown as names.

    A column is translated when its values (or categories) are all keys of exactly one
    registered kind, or when ``kinds`` names its kind (``{"column": "kind"}``; ``"index"``
    for the index). Numbers and other columns are left as they are; the result is for
    display only, keep computing on the keys.

    Parameters
    ----------
    obj : DataFrame, Series or Index
        A result with key columns.
    kinds : dict, optional
        Column -> kind, where the kind cannot be told from the values.

    Examples
    --------
    >>> import pandas as pd
    >>> _ = define_names("example_level", {"high": "High value", "low": "Low value"})
    >>> s = pd.Series(["low", "high"], index=["C1", "C2"], name="level")
    >>> display(s, kinds={"level": "example_level"}).tolist()
    ['Low value', 'High value']
    """
    kinds = dict(kinds or {})
    if isinstance(obj, pd.Index):
        kind = kinds.get("index") or _kind_of(obj.to_series())
        return pd.Index(_named(obj.to_series(), kind), name=obj.name) if kind else obj.copy()
    if isinstance(obj, pd.Series):
        kind = kinds.get(obj.name) or _kind_of(obj)
        out = _named(obj, kind) if kind else obj.copy()
        index_kind = kinds.get("index") or _kind_of(obj.index.to_series())
        if index_kind:
            out.index = display(obj.index, {"index": index_kind})
        return out
    if isinstance(obj, pd.DataFrame):
        out = obj.copy()
        for col in out.columns:
            kind = kinds.get(col) or _kind_of(out[col])
            if kind:
                out[col] = _named(out[col], kind)
        index_kind = kinds.get("index") or _kind_of(out.index.to_series())
        if index_kind:
            out.index = display(out.index, {"index": index_kind})
        return out
    raise TypeError(f"display takes a DataFrame, Series or Index, got {type(obj).__name__}")


def label(table: dict, key) -> str:
    """Deprecated ``{key: (english, chinese)}`` lookup; kept only until the catalog conversion."""
    en, zh = table[key]
    return tr(en, zh)


def tr(en: str, zh: str) -> str:
    """Deprecated inline pair; kept only for lesson code written before the catalog."""
    return zh if _state["lang"] == "zh" else en
