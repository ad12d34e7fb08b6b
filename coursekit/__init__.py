"""coursekit: every calculation of the customer-value course, as plain functions on pandas objects.

One module per topic (``rfm``, ``clv``, ``tiers`` ...). Importing the package
finds a CJK font for matplotlib so that Chinese chart labels render.

>>> import coursekit
>>> coursekit.get_language()
'en'
"""
from __future__ import annotations

from ._validate import CourseKitDataNote
from .i18n import get_language, tr, use
from .notebook import setup_notebook
from .plots import find_cjk_font

__version__ = "0.1.0"
__all__ = ["CourseKitDataNote", "find_cjk_font", "get_language", "setup_notebook", "tr", "use"]

find_cjk_font()
