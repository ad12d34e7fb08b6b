"""Notebook set-up shared by every lesson: house plot style, language, data notes as plain text.

A lesson's first code cell is::

    import coursekit
    coursekit.setup_notebook()

so that a ``CourseKitDataNote`` (rows netted or excluded by rule) is shown as a
one-line ``Note: ...`` in the cell output instead of a red warning box. Other
warnings are untouched: they go to whatever ``warnings.showwarning`` was in place
before. Importing ``coursekit`` changes nothing of this; only ``setup_notebook``
does, and calling it twice installs the note display once.
"""

from __future__ import annotations

import sys
import warnings

from . import i18n
from ._validate import CourseKitDataNote
from .i18n import use

# Marks our display function, so that a second setup_notebook() call recognises it.
_MARK = "_coursekit_note_display"


def _note_display(previous):
    """A ``warnings.showwarning`` that prints data notes and hands every other warning to ``previous``."""

    def show(message, category, filename, lineno, file=None, line=None):
        if isinstance(category, type) and issubclass(category, CourseKitDataNote):
            print(i18n._("Note: {message}", message=message), file=sys.stdout)
            return
        previous(message, category, filename, lineno, file, line)

    setattr(show, _MARK, True)
    show.previous = previous
    return show


def install_note_display() -> None:
    """Show ``CourseKitDataNote`` warnings as ``Note: ...`` lines; leave every other warning as it was.

    Wraps the ``warnings.showwarning`` in place (IPython's, pytest's, the default)
    rather than replacing it, and does nothing when the note display is already
    installed. :func:`remove_note_display` undoes it.

    Examples
    --------
    >>> import warnings
    >>> before = warnings.showwarning
    >>> install_note_display(); install_note_display()
    >>> warnings.showwarning.previous is before
    True
    >>> remove_note_display()
    >>> warnings.showwarning is before
    True
    """
    if getattr(warnings.showwarning, _MARK, False):
        return
    warnings.showwarning = _note_display(warnings.showwarning)
    # Show every note, even when the same line reports twice in one session.
    warnings.simplefilter("always", CourseKitDataNote)


def remove_note_display() -> None:
    """Put back the ``warnings.showwarning`` that :func:`install_note_display` wrapped (no-op otherwise)."""
    current = warnings.showwarning
    if getattr(current, _MARK, False):
        warnings.showwarning = current.previous


def setup_notebook(lang: str = "en", seed: int = 2025) -> None:
    """Prepare a lesson notebook: plot style and CJK font, language, numpy seed, data notes shown as text.

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
    >>> coursekit.notebook.remove_note_display()  # leave the doctest run as it was
    """
    import numpy as np

    from .plots import set_style

    use(lang)
    set_style()
    np.random.seed(seed)
    install_note_display()
