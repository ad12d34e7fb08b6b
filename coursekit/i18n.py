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
>>> i18n._("Revenue")
'收入'
>>> i18n.use("en")
>>> i18n._("Revenue")
'Revenue'
"""

from __future__ import annotations

import importlib.resources
from contextlib import contextmanager
from functools import lru_cache

import pandas as pd

LANGUAGES = ("en", "zh")
#: Where the catalog lives inside the package.
CATALOG = ("locale", "zh", "LC_MESSAGES", "coursekit.po")
_state = {"lang": "en"}
_KINDS: dict[str, dict] = {}
_COLUMNS: dict[str, str] = {}  # kind -> the column name its keys are usually found in


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
    >>> _("Top 20 % of customers: {top20:.0f} % of value", top20=77.5)
    '前 20% 客户：78% 价值'
    >>> use("en")
    >>> _("Top 20 % of customers: {top20:.0f} % of value", top20=77.5)
    'Top 20 % of customers: 78 % of value'
    """
    text = message
    if _state["lang"] == "zh":
        text = catalog().get((context, message), message)
    return text.format(**fields) if fields else text


def N_(message: str) -> str:  # noqa: N802 - the gettext name for "mark only"
    """Mark ``message`` for the catalog without translating it now (translate it with :func:`_`)."""
    return message


def define_names(kind: str, english: dict, *, column: str | None = None) -> dict:
    """Register the English names of the keys of ``kind``; their translations are in the catalog.

    Returns ``english`` so that a module can keep it: ``SEGMENTS = define_names("rfm_segment", {...})``.
    ``column`` names the result column these keys usually sit in; :func:`display` uses it to
    tell apart two kinds with the same keys (a segment's name and its action).

    Examples
    --------
    >>> tiers = define_names("example_tier", {"gold": "Gold customers"})
    >>> name("example_tier", "gold")
    'Gold customers'
    """
    _KINDS[kind] = dict(english)
    if column is not None:
        _COLUMNS[kind] = column
    return english


def name(kind: str, key) -> str:
    """The name of ``key`` of ``kind`` in the language in use.

    Examples
    --------
    >>> from coursekit import tiers  # registers the tier names
    >>> use("zh"); name("value_tier", "strategic"); use("en")
    '战略客户'
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


def _kind_of(values, column=None) -> str | None:
    """The one kind whose keys these values are: all categories (equal key sets) or all values (a subset).

    When several kinds fit, the one registered for ``column`` wins."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        keys = set(values.cat.categories)
        matches = [kind for kind, table in _KINDS.items() if keys == set(table)]
    elif values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
        keys = set(values.dropna().unique())
        matches = [kind for kind, table in _KINDS.items() if keys and keys <= set(table)]
    else:
        return None
    if len(matches) > 1 and column is not None:
        matches = [kind for kind in matches if _COLUMNS.get(kind) == column] or matches
    return matches[0] if len(matches) == 1 else None


def _lookup(kinds) -> dict:
    """``{key: name}`` over one kind or several (the first kind that has a key names it)."""
    kinds = [kinds] if isinstance(kinds, str) else list(kinds)
    table: dict = {}
    for kind in reversed(kinds):
        table.update(names(kind))
    return table


def _named(values: pd.Series, kinds) -> pd.Series:
    table = _lookup(kinds)

    def one(value):
        return table.get(value, value) if isinstance(value, str) else value

    if isinstance(values.dtype, pd.CategoricalDtype):
        renamed = [one(c) for c in values.cat.categories]
        if len(set(renamed)) == len(renamed):
            return values.cat.rename_categories(renamed)
        values = values.astype(object)
    return values.map(one)


def display(obj, kinds=None):
    """A copy of ``obj`` for the reader: keys shown as names in the language in use.

    The one display function of the kit: results keep computing on keys; tables, charts
    and widgets show what this returns. Values that are not keys (custom labels, numbers,
    missing values) are left as they are, and an ordered categorical keeps its order.

    Parameters
    ----------
    obj : str, Series, Index or DataFrame
        A key, or a result with key columns.
    kinds : str, list of str or dict, optional
        The kind(s) of the keys. For a str, Series or Index: a kind or a list of kinds.
        For a DataFrame: ``{column: kind(s)}`` (``"index"`` for the index). Without it,
        a column is translated when its categories are exactly the keys of one kind, or
        its values are all keys of exactly one kind.

    Returns
    -------
    The same kind of object.

    Examples
    --------
    >>> import pandas as pd
    >>> _ = define_names("example_level", {"upper": "Upper band", "lower": "Lower band"})
    >>> s = pd.Series(["lower", "upper", "other"], index=["C1", "C2", "C3"], name="level")
    >>> display(s, "example_level").tolist()
    ['Lower band', 'Upper band', 'other']
    >>> use("zh"); display("champions", "rfm_segment"); use("en")  # doctest: +SKIP
    """
    if isinstance(obj, str):
        if kinds is None:
            raise TypeError("display of a single key needs its kind, e.g. display('champions', 'rfm_segment')")
        return _lookup(kinds).get(obj, obj)
    if isinstance(obj, pd.Index):
        values = obj.to_series()
        kind = kinds if kinds is not None and not isinstance(kinds, dict) else _kind_of(values, obj.name)
        return pd.Index(_named(values, kind), name=obj.name) if kind else obj.copy()
    if isinstance(obj, pd.Series):
        kind = (
            kinds
            if kinds is not None and not isinstance(kinds, dict)
            else ((kinds or {}).get(obj.name) or _kind_of(obj, obj.name))
        )
        out = _named(obj, kind) if kind else obj.copy()
        index_kind = (kinds or {}).get("index") if isinstance(kinds, dict) else None
        index_kind = index_kind or _kind_of(obj.index.to_series(), obj.index.name)
        if index_kind:
            out.index = display(obj.index, index_kind)
        return out
    if isinstance(obj, pd.DataFrame):
        kinds = dict(kinds or {})
        out = obj.copy()
        for col in out.columns:
            kind = kinds.get(col) or _kind_of(out[col], col)
            if kind:
                out[col] = _named(out[col], kind)
        index_kind = kinds.get("index") or _kind_of(out.index.to_series(), out.index.name)
        if index_kind:
            out.index = display(out.index, index_kind)
        return out
    raise TypeError(f"display takes a key, a Series, an Index or a DataFrame, got {type(obj).__name__}")


@contextmanager
def language(lang: str):
    """Use ``lang`` inside a ``with`` block, then go back to the language before.

    >>> with language("zh"):
    ...     _("Revenue")
    '收入'
    """
    before = get_language()
    use(lang)
    try:
        yield
    finally:
        use(before)


def sentence(parts, *, capitalize: bool = False) -> str:
    """Join translated clauses into one sentence: "a; b." in English, "a；b。" in Chinese.

    >>> sentence(["2 rows missing", "1 extra row"], capitalize=True)
    '2 rows missing; 1 extra row.'
    """
    if _state["lang"] == "zh":
        return "；".join(parts) + "。"
    text = "; ".join(parts)
    return (text[:1].upper() + text[1:] if capitalize else text) + "."


def pair(texts) -> str:
    """Pick from an ``(english, chinese)`` pair: for question banks and scenario files, which keep
    both languages side by side; the package's own text is in the catalog."""
    en, zh = texts
    return zh if _state["lang"] == "zh" else en


def tr(en: str, zh: str) -> str:
    """:func:`pair` for a lesson's own chart labels, written once for both editions.

    >>> tr("Share (%)", "占比 (%)")
    'Share (%)'
    """
    return pair((en, zh))
