"""Scenario trainers: soft skills practised as choices, from data files an instructor extends without code.

One JSON file per trainer in ``coursekit/scenarios/data/<scenario_id>.json`` holds English and
Chinese side by side: the situation of each step, its choices, the feedback for each choice
(why it is good or bad), a score (2 best, 1 acceptable, 0 poor) and, for a branching scenario,
the next step. The format and how to add a situation: docs/authoring.md, "Scenario trainers".

- :func:`load` reads and validates a file; :func:`validate` checks a scenario and raises one
  ``ValueError`` naming the file, step, choice and every problem.
- :func:`walk` replays a learner's choices; :func:`best_path` gives the instructor's answers.
- :class:`Trainer` is the notebook widget; each finished step goes to the progress file like an
  exercise (``"scenario:<id>:<step>"``). Free text is never graded.

>>> from coursekit import scenarios
>>> scenarios.walk("example-complaint", scenarios.best_path("example-complaint"))["score"].tolist()
[2, 2, 2, 2]
"""

from __future__ import annotations

from .engine import best_path, load, scenario_ids, text, validate, walk
from .widget import Trainer

__all__ = ["Trainer", "best_path", "load", "scenario_ids", "text", "validate", "walk"]
