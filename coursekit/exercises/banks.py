"""Finding question banks: the modules of the package ``coursekit.questions``, by lesson id.

A bank module defines ``LESSON`` (the lesson id, e.g. ``"07-rfm"``), optionally
``TITLE = (english, chinese)``, and ``QUESTIONS``: a list of question objects from
:mod:`coursekit.exercises` (see ``docs/authoring.md``, section *Exercises*).

``Lesson("07-rfm")`` looks the id up in :data:`REGISTRY`; when it is not listed there
the module ``lessonNN`` (``NN`` = the two digits the id starts with) is used, so a new
bank ``coursekit/questions/lesson07.py`` works without editing any registry.

The dependency is one way: bank modules import :mod:`coursekit.exercises` (for the
question kinds); this module never imports ``coursekit.questions`` at import time,
it loads a bank by name when a lesson asks for it.

>>> bank_module("demo").LESSON
'demo'
>>> module_name("07-rfm")
'lesson07'
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import re
from types import ModuleType

#: The package that holds the bank modules.
BANK_PACKAGE = "coursekit.questions"

#: lesson id -> module name inside ``coursekit.questions`` (only for names that are not ``lessonNN``)
REGISTRY: dict[str, str] = {
    "demo": "demo",
}

_LESSON_RE = re.compile(r"^(\d{2})(?:-|$)")


def module_name(lesson_id: str) -> str | None:
    """The bank module name for a lesson id, or None when there is no bank."""
    if lesson_id in REGISTRY:
        return REGISTRY[lesson_id]
    m = _LESSON_RE.match(lesson_id)
    if m and importlib.util.find_spec(f"{BANK_PACKAGE}.lesson{m.group(1)}") is not None:
        return f"lesson{m.group(1)}"
    return None


def bank_module(lesson_id: str) -> ModuleType:
    """Import and return the question bank of ``lesson_id``.

    Raises
    ------
    LookupError
        When the lesson has no bank. Any other exception comes from the bank module
        itself (a broken bank) and is passed on unchanged.
    """
    if not isinstance(lesson_id, str):
        raise TypeError(f"lesson id must be a string such as '07-rfm', got {type(lesson_id).__name__}")
    name = module_name(lesson_id)
    if name is None:
        raise LookupError(
            f"no question bank for lesson {lesson_id!r}; known lessons: {', '.join(lesson_ids()) or 'none'}"
        )
    module = importlib.import_module(f"{BANK_PACKAGE}.{name}")
    declared = getattr(module, "LESSON", lesson_id)
    if declared != lesson_id and not (name.startswith("lesson") and declared.startswith(lesson_id[:2])):
        raise LookupError(f"question bank {name} is for lesson {declared!r}, not {lesson_id!r}")
    return module


def lesson_ids() -> list[str]:
    """Every lesson id that has a bank (imports the ``lessonNN`` modules to read their ``LESSON``).

    A bank module that fails to import is listed under its two digits (``"07"``), so
    that :func:`coursekit.exercises.dashboard` can show the error instead of hiding the lesson.
    """
    ids = set(REGISTRY)
    listed = set(REGISTRY.values())
    package = importlib.import_module(BANK_PACKAGE)
    for info in pkgutil.iter_modules(package.__path__):
        if re.fullmatch(r"lesson\d{2}", info.name) and info.name not in listed:
            try:
                module = importlib.import_module(f"{BANK_PACKAGE}.{info.name}")
            except Exception:
                ids.add(info.name[-2:])
            else:
                ids.add(getattr(module, "LESSON", info.name[-2:]))
    return sorted(ids)
