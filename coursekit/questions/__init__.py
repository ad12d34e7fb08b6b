"""Question banks, one module per lesson (``lessonNN.py``), found by lesson id.

A bank module defines ``LESSON`` (the lesson id, e.g. ``"07-rfm"``), optionally
``TITLE = (english, chinese)``, and ``QUESTIONS``: a list of question objects from
:mod:`coursekit.exercises` (see ``docs/authoring.md``, section *Exercises*).

The banks depend on :mod:`coursekit.exercises`, never the other way round: the
lookup by lesson id lives in :mod:`coursekit.exercises.banks` and is re-exported
here for convenience. A bank named other than ``lessonNN`` is listed in
``coursekit.exercises.banks.REGISTRY``.

>>> from coursekit.questions import bank_module
>>> bank_module("demo").LESSON
'demo'
"""

from __future__ import annotations

from coursekit.exercises.banks import REGISTRY, bank_module, lesson_ids, module_name

__all__ = ["REGISTRY", "bank_module", "lesson_ids", "module_name"]
