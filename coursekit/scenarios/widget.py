"""The scenario trainer: an ipywidgets view of one scenario file (ipywidgets is imported only when shown).

The state (current step, choices made, score) lives in :class:`Trainer` and is driven by
:meth:`Trainer.choose`, :meth:`Trainer.next` and :meth:`Trainer.restart`; the buttons of the
widget call exactly these, so a test can drive the trainer with or without the widget.
"""

from __future__ import annotations

import html

import pandas as pd

from .. import i18n
from .engine import BEST, _choice, _scenario, first_step, next_step, text

#: Colour and label of a choice by its score (2 best, 1 acceptable, 0 poor).
_STYLE = {2: ("success", "#1b7f3b"), 1: ("warning", "#9a6700"), 0: ("danger", "#b3261e")}
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _verdict(score: int) -> str:
    if score == BEST:
        return i18n._("Best choice")
    if score == 1:
        return i18n._("Acceptable choice")
    return i18n._("Poor choice")


def _record(lesson: str, qid: str, status: str) -> None:
    """Save one finished step like an exercise check (best effort: progress never stops the trainer)."""
    try:
        from ..exercises import _progress

        _progress.record(lesson, qid, status)
    except Exception:
        pass


class Trainer:
    """A scenario trainer: the situation, one button per choice, the feedback, then the next step.

    Parameters
    ----------
    scenario : str, pathlib.Path or dict
        A scenario id (``coursekit/scenarios/data/<id>.json``), the path of a scenario file,
        or a loaded scenario.
    lesson : str, optional
        Lesson id under which progress is saved; default the file's ``lesson``.
    record : bool
        Save each finished step to the progress file (``COURSEKIT_HOME``) as
        ``"scenario:<id>:<step>"``, status ``correct`` for a best choice, else ``incorrect``.

    Examples
    --------
    >>> t = Trainer("example-complaint", record=False)
    >>> t
    Scenario trainer: A complaint about a late delivery (example), 5 steps
    >>> t.choose("b")["score"], t.next(), t.choose("a")["best"]
    (0, 'calm', True)
    >>> t.score, t.max_score
    (2, 4)
    """

    def __init__(self, scenario, *, lesson: str | None = None, record: bool = True):
        self.scenario = _scenario(scenario)
        self.scenario_id = self.scenario["id"]
        if lesson is not None and (not isinstance(lesson, str) or not lesson):
            raise TypeError(f"lesson must be a lesson id (a non-empty str), got {lesson!r}")
        self.lesson = lesson or self.scenario["lesson"]
        self.record = record
        self.widget = None
        self.buttons: dict = {}
        self.restart()

    # ------------------------------------------------------------------ state
    def restart(self) -> None:
        """Go back to the first step; the choices made so far are forgotten (saved progress is kept)."""
        self.step = first_step(self.scenario)
        self.history: list[dict] = []
        self.chosen: dict | None = None
        self._render()

    @property
    def finished(self) -> bool:
        """True once the last step has been answered and :meth:`next` was called."""
        return self.step is None

    @property
    def score(self) -> int:
        return sum(row["score"] for row in self.history)

    @property
    def max_score(self) -> int:
        return BEST * len(self.history)

    @property
    def path(self) -> pd.DataFrame:
        """The choices made so far, as :func:`coursekit.scenarios.walk` gives them."""
        return pd.DataFrame(self.history, columns=["step", "choice", "score", "best", "feedback"])

    def choose(self, choice_id: str) -> dict:
        """Answer the current step; return its row (step, choice, score, best, feedback) and save progress."""
        if self.finished:
            raise ValueError(f"scenario {self.scenario_id!r} is finished; call restart() to start again")
        if self.chosen is not None:
            raise ValueError(f"step {self.step!r} is already answered; call next() to go on")
        choice = _choice(self.step, self.scenario["steps"][self.step], choice_id)
        self.chosen = choice
        row = {
            "step": self.step,
            "choice": choice["id"],
            "score": int(choice["score"]),
            "best": choice["score"] == BEST,
            "feedback": text(choice["feedback"]),
        }
        self.history.append(row)
        if self.record:
            _record(self.lesson, f"scenario:{self.scenario_id}:{self.step}", "correct" if row["best"] else "incorrect")
        self._render()
        return row

    def next(self) -> str | None:
        """Go to the next step after the answered one; return its id, or None at the end."""
        if self.chosen is None:
            raise ValueError(f"step {self.step!r} is not answered yet; call choose() first")
        self.step = next_step(self.scenario, self.step, self.chosen)
        self.chosen = None
        self._render()
        return self.step

    # ------------------------------------------------------------------ texts
    def _count_line(self) -> str:
        n = len(self.scenario["steps"])
        title = text(self.scenario["title"])
        if self.scenario["kind"] == "quiz":
            return i18n._("Scenario trainer: {title}, {n} situations", title=title, n=n)
        return i18n._("Scenario trainer: {title}, {n} steps", title=title, n=n)

    def _position(self) -> str:
        n = len(self.history) + (0 if self.chosen is not None else 1)
        if self.scenario["kind"] == "quiz":
            return i18n._("Situation {n} of {total}", n=n, total=len(self.scenario["steps"]))
        return i18n._("Step {n}", n=n)

    def feedback_text(self) -> str:
        """The verdict and feedback of the answered step ("" before a choice)."""
        if self.chosen is None:
            return ""
        row = self.history[-1]
        return _verdict(row["score"]) + i18n._(": ") + row["feedback"]

    def score_text(self) -> str:
        """The end line: score and best choices (e.g. "Your score: 6 of 8 · Best choices: 3 of 4")."""
        best = sum(row["best"] for row in self.history)
        return (
            i18n._("Your score: {score} of {total}", score=self.score, total=self.max_score)
            + " · "
            + i18n._("Best choices: {best} of {steps}", best=best, steps=len(self.history))
        )

    def __repr__(self) -> str:
        return self._count_line()

    def _static_html(self) -> str:
        intro = self.scenario.get("intro")
        intro_html = f"<p>{html.escape(text(intro))}</p>" if intro else ""
        return f'<div class="coursekit-scenario"><b>{html.escape(self._count_line())}</b>{intro_html}</div>'

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = {"text/plain": repr(self), "text/html": self._static_html()}
        try:
            from ..exercises._display import in_kernel

            if in_kernel():
                bundle = (self.widget or self.build_widget())._repr_mimebundle_()
                key = "application/vnd.jupyter.widget-view+json"
                if key in bundle:
                    data[key] = bundle[key]
        except Exception:
            pass
        return data

    # ------------------------------------------------------------------ widget
    def build_widget(self):
        """The ipywidgets view (built once; the trainer's state drives it)."""
        import ipywidgets as widgets

        self._w = {
            "header": widgets.HTML(),
            "position": widgets.HTML(),
            "situation": widgets.HTML(),
            "choices": widgets.VBox(),
            "feedback": widgets.HTML(),
            "next": widgets.Button(button_style="primary", icon="arrow-right"),
            "score": widgets.HTML(),
            "restart": widgets.Button(icon="refresh"),
        }
        self._w["next"].on_click(lambda _b: self._safely(self.next))
        self._w["restart"].on_click(lambda _b: self._safely(self.restart))
        self.widget = widgets.VBox([self._w[k] for k in self._w], layout=widgets.Layout(max_width="760px"))
        self._render()
        return self.widget

    def _safely(self, action, *args) -> None:
        try:
            action(*args)
        except Exception:  # a click never shows a traceback to a learner
            pass

    def _render(self) -> None:
        if self.widget is None:
            return
        import ipywidgets as widgets

        w = self._w
        w["header"].value = self._static_html()
        w["next"].description = i18n._("Next")
        w["restart"].description = i18n._("Start again")
        if self.finished:
            w["position"].value = ""
            w["situation"].value = f"<p><b>{html.escape(i18n._('End of the scenario.'))}</b></p>"
            w["choices"].children = []
            self.buttons = {}
            w["feedback"].value = ""
            w["score"].value = f"<p><b>{html.escape(self.score_text())}</b></p>"
            w["next"].layout.display = "none"
            w["restart"].layout.display = None
            return
        step = self.scenario["steps"][self.step]
        w["position"].value = f"<p style='color:#57606a'>{html.escape(self._position())}</p>"
        w["situation"].value = f"<p>{html.escape(text(step['situation']))}</p>"
        if self.chosen is None or not self.buttons:  # a new step: new buttons
            rows, self.buttons = [], {}
            for letter, choice in zip(_LETTERS, step["choices"]):
                button = widgets.Button(description=letter, layout=widgets.Layout(width="3em", flex="0 0 auto"))
                button.on_click(lambda _b, cid=choice["id"]: self._safely(self.choose, cid))
                self.buttons[choice["id"]] = button
                label = widgets.HTML(f"<div style='padding-top:4px'>{html.escape(text(choice['text']))}</div>")
                rows.append(widgets.HBox([button, label]))
            w["choices"].children = rows
        for cid, button in self.buttons.items():
            button.disabled = self.chosen is not None
            button.button_style = (
                _STYLE[int(self.chosen["score"])][0] if self.chosen and cid == self.chosen["id"] else ""
            )
        if self.chosen is None:
            w["feedback"].value = ""
            w["next"].layout.display = "none"
        else:
            color = _STYLE[int(self.chosen["score"])][1]
            w[
                "feedback"
            ].value = f"<div class='coursekit-scenario-feedback' style='color:{color}'>{html.escape(self.feedback_text())}</div>"
            w["next"].layout.display = None
        w["score"].value = ""
        w["restart"].layout.display = None if self.history else "none"
