"""Stable keys -> names in the reader's language, for charts and tables meant for display.

Results of the kit hold language-neutral keys (``"champions"``, ``"strategic"``);
this one routine turns them into names through :func:`coursekit.i18n.label`
just before they are shown. Topic packages expose it with their own name
tables, e.g. :func:`coursekit.rfm.display_names`.

Examples
--------
>>> import pandas as pd
>>> names = {"gold": ("Gold", "金牌"), "silver": ("Silver", "银牌")}
>>> display(pd.Series(["silver", "gold", "other"]), names).tolist()
['Silver', 'Gold', 'other']
"""
from __future__ import annotations

import pandas as pd

from .i18n import label


def display(keys, names: dict[str, tuple[str, str]]):
    """Replace every key of ``names`` in ``keys`` by its name in the current language.

    Parameters
    ----------
    keys : Series, Index or str
        Keys to show. Values that are not keys of ``names`` (names already,
        custom labels, missing values) are left as they are.
    names : dict
        ``{key: (english, chinese)}``.

    Returns
    -------
    Series, Index or str
        Same kind as ``keys``. An ordered categorical stays an ordered
        categorical in the same order, with the categories renamed.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.Series(pd.Categorical(["b", "a"], categories=["a", "b"], ordered=True))
    >>> display(s, {"a": ("Alpha", "甲"), "b": ("Beta", "乙")}).cat.categories.tolist()
    ['Alpha', 'Beta']
    """
    if isinstance(keys, str):
        return label(names, keys) if keys in names else keys
    if not isinstance(keys, (pd.Series, pd.Index)):
        raise TypeError(f"keys must be a pandas Series, Index or a string, got {type(keys).__name__}")

    def one(value):
        return label(names, value) if isinstance(value, str) and value in names else value

    if isinstance(keys.dtype, pd.CategoricalDtype):
        categories = keys.categories if isinstance(keys, pd.Index) else keys.cat.categories
        renamed = [one(c) for c in categories]
        if len(set(renamed)) == len(renamed):
            if isinstance(keys, pd.Index):
                return keys.rename_categories(renamed)
            return keys.cat.rename_categories(renamed)
        # Two keys with one name cannot stay separate categories: show plain names.
        keys = keys.astype(object)
    return keys.map(one)
