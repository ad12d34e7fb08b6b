"""Language switch for chart labels, segment names and widget texts.

The English edition is the default; the Chinese edition shares the same code
cells and only calls ``coursekit.use("zh")`` once at the top.

Examples
--------
>>> from coursekit import i18n
>>> i18n.use("zh")
>>> i18n.tr("Revenue", "收入")
'收入'
>>> i18n.use("en")
>>> i18n.tr("Revenue", "收入")
'Revenue'
"""
from __future__ import annotations

LANGUAGES = ("en", "zh")
_state = {"lang": "en"}


def use(lang: str = "en") -> None:
    """Switch the language of labels, segment names and feedback texts ("en" or "zh")."""
    if not isinstance(lang, str):
        raise TypeError(f"lang must be a string, one of {LANGUAGES}, got {type(lang).__name__}")
    lang = lang.lower()
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, got {lang!r}")
    _state["lang"] = lang


def get_language() -> str:
    """The language in use: "en" or "zh"."""
    return _state["lang"]


def tr(en: str, zh: str) -> str:
    """Pick the English or Chinese text according to :func:`use`."""
    return zh if _state["lang"] == "zh" else en


def label(names: dict[str, tuple[str, str]], key: str) -> str:
    """Look up ``key`` in a ``{key: (english, chinese)}`` table in the current language.

    >>> label({"A": ("Key account", "重点客户")}, "A")
    'Key account'
    """
    en, zh = names[key]
    return tr(en, zh)
