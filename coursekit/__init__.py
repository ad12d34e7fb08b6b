"""coursekit: every calculation of the customer-value course, as plain functions on pandas objects.

One package per topic (``rfm``, ``clv``, ``tiers`` ...). Importing ``coursekit``
has no side effects: it does not import matplotlib, change its fonts or style,
or touch the warning display. A lesson's first cell calls
:func:`setup_notebook`, which does all of that.

>>> import coursekit
>>> coursekit.get_language()
'en'
"""

from __future__ import annotations

from ._validate import CourseKitDataNote
from .i18n import display, get_language, use
from .notebook import setup_notebook
from .plots import find_cjk_font

__version__ = "0.1.0"
__all__ = ["CourseKitDataNote", "display", "find_cjk_font", "get_language", "setup_notebook", "use"]
