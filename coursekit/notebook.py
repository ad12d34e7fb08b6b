"""Notebook set-up shared by every lesson: house plot style, language, data notes as plain text.

A lesson's first code cell is::

    import coursekit
    coursekit.setup_notebook()

so that a ``CourseKitDataNote`` (rows netted or excluded by rule) is shown as a
one-line ``Note: ...`` in the cell output instead of a red warning box. Other
warnings are untouched.
"""
from __future__ import annotations

import sys
import warnings

from ._validate import CourseKitDataNote
from .i18n import use
from .plots import set_style

_original_showwarning = warnings.showwarning


def _show_note(message, category, filename, lineno, file=None, line=None):
    if isinstance(category, type) and issubclass(category, CourseKitDataNote):
        print(f"Note: {message}", file=sys.stdout)
        return
    _original_showwarning(message, category, filename, lineno, file, line)


def setup_notebook(lang: str = "en", seed: int = 2025) -> None:
    """Prepare a lesson notebook: plot style, language, numpy seed, data notes shown as text.

    Parameters
    ----------
    lang : {"en", "zh"}
        Language of chart labels, segment names and feedback.
    seed : int
        Seed for numpy's global generator (lessons also pass explicit seeds).

    Examples
    --------
    >>> import coursekit
    >>> coursekit.setup_notebook("en")
    """
    import numpy as np

    use(lang)
    set_style()
    np.random.seed(seed)
    warnings.showwarning = _show_note
    # Show every note, even when the same line reports twice in one session.
    warnings.simplefilter("always", CourseKitDataNote)
