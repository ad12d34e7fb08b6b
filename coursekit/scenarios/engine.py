"""Scenario files: loading, validation, replaying a path, the best path.

A scenario file is JSON, one per trainer, in ``coursekit/scenarios/data/<scenario_id>.json``
(docs/authoring.md, "Scenario trainers"). Every text a learner reads is a ``{"en": ..., "zh": ...}``
pair in the file; the language shown follows ``coursekit.use``.
"""

from __future__ import annotations

import importlib.resources
import json
import re
from pathlib import Path

import pandas as pd

from .. import i18n

KINDS = ("quiz", "branching")
SCORES = (0, 1, 2)
BEST = 2
#: The bilingual text fields of a scenario, of a step and of a choice.
SCENARIO_TEXTS = ("title",)
STEP_TEXTS = ("situation",)
CHOICE_TEXTS = ("text", "feedback")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def data_dir():
    """The folder of the packaged scenario files (an ``importlib.resources`` traversable; works from a wheel)."""
    return importlib.resources.files("coursekit.scenarios") / "data"


def scenario_ids() -> list[str]:
    """Ids of every packaged scenario file, sorted.

    Examples
    --------
    >>> "example-complaint" in scenario_ids()
    True
    """
    return sorted(p.name[: -len(".json")] for p in data_dir().iterdir() if p.name.endswith(".json"))


class _DuplicateKey(ValueError):
    def __init__(self, key, pairs):
        super().__init__(key)
        self.key = key
        self.pairs = pairs


def _no_duplicates(pairs):
    seen = set()
    for key, _value in pairs:
        if key in seen:
            raise _DuplicateKey(key, pairs)
        seen.add(key)
    return dict(pairs)


def _parse(text: str, where: str) -> dict:
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except _DuplicateKey as dup:
        values = [v for k, v in dup.pairs if k == dup.key]
        if all(isinstance(v, dict) and "choices" in v for v in values):
            raise ValueError(f"{where}: step id {dup.key!r} is used twice (step ids must be unique)") from None
        raise ValueError(f"{where}: the key {dup.key!r} appears twice in one object") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{where}: not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None


def _read(scenario) -> tuple[str, str, str | None]:
    """(file text, name for errors, expected id) of a scenario id or a path to a JSON file."""
    if isinstance(scenario, Path) or (isinstance(scenario, str) and scenario.endswith(".json")):
        path = Path(scenario)
        try:
            return path.read_text(encoding="utf-8"), f"scenario file {path.name}", path.stem
        except FileNotFoundError:
            raise ValueError(f"scenario file {str(path)!r} does not exist") from None
    if not isinstance(scenario, str):
        raise TypeError(f"scenario must be a scenario id (str) or a path to a JSON file, got {type(scenario).__name__}")
    resource = data_dir() / f"{scenario}.json"
    if not _ID.match(scenario) or not resource.is_file():
        known = ", ".join(scenario_ids()) or "none"
        raise ValueError(f"unknown scenario {scenario!r}; known: {known}")
    return resource.read_text(encoding="utf-8"), f"scenario file {scenario}.json", scenario


def load(scenario) -> dict:
    """Read and validate one scenario file.

    Parameters
    ----------
    scenario : str or pathlib.Path
        A scenario id (a file ``<id>.json`` in ``coursekit/scenarios/data``), or the path of a
        JSON file (a ``str`` ending in ``.json`` or a ``Path``), e.g. a file an instructor is writing.

    Returns
    -------
    dict
        The scenario, as in the file (steps in file order).

    Raises
    ------
    ValueError
        Naming the file, the step, the choice and every problem found (see :func:`validate`).

    Examples
    --------
    >>> s = load("example-complaint")
    >>> s["kind"], s["start"], len(s["steps"])
    ('branching', 'vent', 5)
    """
    text, where, expected = _read(scenario)
    data = _parse(text, where)
    validate(data, where=where)
    if expected is not None and data["id"] != expected:
        raise ValueError(f"{where}: its id is {data['id']!r}; the id must be the file name without .json")
    return data


def _text_problems(obj, field: str, where: str, *, required: bool = True) -> list[str]:
    value = obj.get(field) if isinstance(obj, dict) else None
    if value is None:
        if not required:
            return []
        if field == "feedback":
            return [f"{where}: no feedback (every choice says why it is good or bad, in en and zh)"]
        return [f"{where}: no {field} (give {{'en': ..., 'zh': ...}})"]
    if not isinstance(value, dict):
        return [f"{where}: {field} must be {{'en': ..., 'zh': ...}}, got {type(value).__name__}"]
    problems = []
    for lang in i18n.LANGUAGES:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}: {field} has no {lang!r} text (missing translation)")
    return problems


def _choice_problems(choice, where: str, step_ids) -> list[str]:
    if not isinstance(choice, dict):
        return [f"{where}: a choice must be an object, got {type(choice).__name__}"]
    problems = []
    for field in CHOICE_TEXTS:
        problems += _text_problems(choice, field, where)
    score = choice.get("score")
    if isinstance(score, bool) or score not in SCORES:
        problems.append(f"{where}: score must be 0 (poor), 1 (acceptable) or 2 (best), got {score!r}")
    nxt = choice.get("next")
    if nxt is not None and (not isinstance(nxt, str) or nxt not in step_ids):
        problems.append(f"{where}: next {nxt!r} is not a step of this scenario (dangling branch)")
    return problems


def _step_problems(step_id, step, step_ids) -> list[str]:
    where = f"step {step_id!r}"
    if not isinstance(step, dict):
        return [f"{where}: a step must be an object, got {type(step).__name__}"]
    problems = []
    for field in STEP_TEXTS:
        problems += _text_problems(step, field, where)
    tags = step.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        problems.append(f"{where}: tags must be a list of strings")
    choices = step.get("choices")
    if not isinstance(choices, list) or len(choices) < 2:
        return problems + [f"{where}: give at least 2 choices in a list"]
    seen = set()
    for i, choice in enumerate(choices, start=1):
        cid = choice.get("id") if isinstance(choice, dict) else None
        if not isinstance(cid, str) or not cid:
            problems.append(f"{where}, choice {i}: no id")
            cwhere = f"{where}, choice {i}"
        else:
            cwhere = f"{where}, choice {cid!r}"
            if cid in seen:
                problems.append(f"{cwhere}: choice id {cid!r} is used twice in this step")
            seen.add(cid)
        problems += _choice_problems(choice, cwhere, step_ids)
    if not any(isinstance(c, dict) and c.get("score") == BEST for c in choices):
        problems.append(f"{where}: no best choice (give one choice score 2)")
    return problems


def _reachable(data) -> list[str]:
    steps = data["steps"]
    seen, todo = [], [data["start"]]
    while todo:
        sid = todo.pop(0)
        if sid in seen or sid not in steps:
            continue
        seen.append(sid)
        todo += [c.get("next") for c in steps[sid]["choices"] if c.get("next") is not None]
    return seen


def _path_problems(data) -> list[str]:
    """Branching scenarios: every step reachable from start, and the best choices reach an end."""
    steps = data["steps"]
    reached = _reachable(data)
    problems = [
        f"step {sid!r}: unreachable (no choice leads to it from start {data['start']!r})"
        for sid in steps
        if sid not in reached
    ]
    sid, visited = data["start"], []
    while sid is not None:
        if sid in visited:
            problems.append(f"step {sid!r}: the best choices loop back to it and never reach an end")
            break
        visited.append(sid)
        sid = _best_choice(steps[sid]).get("next")
    return problems


def validate(data, *, where: str = "scenario") -> None:
    """Check a scenario's structure; raise one ``ValueError`` listing every problem.

    Checked: the top-level fields (``id``, ``lesson``, ``title``, ``kind``, ``start``, ``steps``),
    a text in both languages (``en`` and ``zh``) for every title, intro, situation, choice text and
    feedback; at least 2 choices per step with unique ids, a score of 0, 1 or 2 and a best
    choice (score 2) in every step; every ``next`` a step id or ``null``; in a branching scenario
    every step reachable from ``start`` and the best choices reaching an end.

    Parameters
    ----------
    data : dict
        A scenario as read from its JSON file.
    where : str
        How the error names the scenario (``load`` passes ``"scenario file <id>.json"``).

    Raises
    ------
    ValueError
        ``"<where> has N problem(s): step 's1', choice 'b': no feedback ...; ..."``.

    Examples
    --------
    >>> bad = load("example-complaint")
    >>> del bad["steps"]["vent"]["choices"][1]["feedback"]["zh"]
    >>> validate(bad, where="scenario file example-complaint.json")
    Traceback (most recent call last):
    ...
    ValueError: scenario file example-complaint.json has 1 problem: step 'vent', choice 'b': feedback has no 'zh' text (missing translation)
    """
    if not isinstance(data, dict):
        raise TypeError(f"{where}: a scenario must be a dict (a JSON object), got {type(data).__name__}")
    problems = []
    for field in ("id", "lesson"):
        if not isinstance(data.get(field), str) or not data.get(field):
            problems.append(f"no {field} (a non-empty string)")
    if isinstance(data.get("id"), str) and data["id"] and not _ID.match(data["id"]):
        problems.append(f"id {data['id']!r} may hold only letters, digits, '-', '_' and '.'")
    for field in SCENARIO_TEXTS:
        problems += _text_problems(data, field, "scenario")
    problems += _text_problems(data, "intro", "scenario", required=False)
    kind = data.get("kind")
    if kind not in KINDS:
        problems.append(f"kind must be one of {KINDS}, got {kind!r}")
    steps = data.get("steps")
    if not isinstance(steps, dict) or not steps:
        problems.append("no steps (an object of step id -> step)")
        steps = {}
    start = data.get("start")
    if kind == "quiz" and steps:
        # a quiz asks every step in file order; start, if given, names the first one
        if start is not None and start != next(iter(steps)):
            problems.append(f"start {start!r}: a quiz asks every step in file order, so start must be the first step")
    elif not isinstance(start, str) or start not in steps:
        problems.append(f"start {start!r} is not a step of this scenario")
    for sid, step in steps.items():
        problems += _step_problems(sid, step, steps)
    if not problems and kind == "branching":
        problems += _path_problems(data)
    if problems:
        n = len(problems)
        raise ValueError(f"{where} has {n} problem{'s' if n > 1 else ''}: " + "; ".join(problems))


def _scenario(scenario) -> dict:
    """A validated scenario from an id, a path, or an already loaded dict."""
    if isinstance(scenario, dict):
        validate(scenario)
        return scenario
    return load(scenario)


def text(pair: dict) -> str:
    """The ``en`` or ``zh`` text of a file's ``{"en": ..., "zh": ...}`` field, following ``coursekit.use``.

    Examples
    --------
    >>> text({"en": "Listen first", "zh": "先倾听"})
    'Listen first'
    """
    return pair[i18n.get_language()]


def _best_choice(step: dict) -> dict:
    return next(c for c in step["choices"] if c.get("score") == BEST)


def _choice(step_id: str, step: dict, choice_id) -> dict:
    for c in step["choices"]:
        if c["id"] == choice_id:
            return c
    known = ", ".join(repr(c["id"]) for c in step["choices"])
    raise ValueError(f"step {step_id!r} has no choice {choice_id!r}; its choices are {known}")


def first_step(data: dict) -> str:
    """The step a learner sees first: ``start`` of a branching scenario, the first step in the file of a quiz."""
    return data["start"] if data["kind"] == "branching" else next(iter(data["steps"]))


def next_step(data: dict, step_id: str, choice: dict) -> str | None:
    """The step after ``step_id`` once ``choice`` is made; None at the end.

    A branching scenario follows the choice's ``next``; a quiz asks every step in file order
    from its first step.
    """
    if data["kind"] == "branching":
        return choice.get("next")
    order = list(data["steps"])
    i = order.index(step_id) + 1
    return order[i] if i < len(order) else None


def walk(scenario, choices) -> pd.DataFrame:
    """Replay a learner's choices; one row per step visited.

    Parameters
    ----------
    scenario : str, pathlib.Path or dict
        A scenario id, the path of a scenario file, or a loaded scenario.
    choices : list of str
        One choice id per step visited, in order. Fewer choices than steps replay the
        beginning of the path.

    Returns
    -------
    pandas.DataFrame
        Columns ``step``, ``choice``, ``score`` (0, 1, 2), ``best`` (score 2) and
        ``feedback`` (in the language of ``coursekit.use``).

    Examples
    --------
    >>> path = walk("example-complaint", ["a", "a", "b"])
    >>> path[["step", "choice", "score", "best"]]
       step choice  score   best
    0  vent      a      2   True
    1  note      a      2   True
    2  plan      b      1  False
    """
    data = _scenario(scenario)
    if isinstance(choices, str) or not isinstance(choices, (list, tuple)):
        raise TypeError(f"choices must be a list of choice ids, got {type(choices).__name__}")
    rows, step_id = [], first_step(data)
    for n, choice_id in enumerate(choices, start=1):
        if step_id is None:
            raise ValueError(
                f"scenario {data['id']!r}: the path ends after {n - 1} steps, but {len(choices)} choices were given"
            )
        choice = _choice(step_id, data["steps"][step_id], choice_id)
        rows.append(
            {
                "step": step_id,
                "choice": choice_id,
                "score": int(choice["score"]),
                "best": choice["score"] == BEST,
                "feedback": text(choice["feedback"]),
            }
        )
        step_id = next_step(data, step_id, choice)
    frame = pd.DataFrame(rows, columns=["step", "choice", "score", "best", "feedback"])
    return frame.astype({"score": "int64", "best": "bool"})


def best_path(scenario) -> list[str]:
    """The instructor's answers: the best choice (score 2; the first one if several) at each step.

    For a branching scenario, the steps are those the best choices lead through; for a quiz, every step.

    Parameters
    ----------
    scenario : str, pathlib.Path or dict
        A scenario id, the path of a scenario file, or a loaded scenario.

    Returns
    -------
    list of str
        Choice ids, one per step; ``walk(scenario, best_path(scenario))`` scores 2 everywhere.

    Examples
    --------
    >>> best_path("example-complaint")
    ['a', 'a', 'a', 'a']
    """
    data = _scenario(scenario)
    path, step_id = [], first_step(data)
    while step_id is not None:
        choice = _best_choice(data["steps"][step_id])
        path.append(choice["id"])
        step_id = next_step(data, step_id, choice)
    return path
