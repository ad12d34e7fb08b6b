"""Check results and their display: a deterministic ``text/plain`` line plus an ipywidgets box."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from .. import i18n
from ._questions import CORRECT, INCORRECT, INVALID, UNANSWERED

_ICON = {CORRECT: "✓", INCORRECT: "✗", INVALID: "⚠", UNANSWERED: "…"}
_COLOR = {CORRECT: "#1b7f3b", INCORRECT: "#b3261e", INVALID: "#9a6700", UNANSWERED: "#57606a"}


def in_kernel() -> bool:
    """True inside a Jupyter kernel (where widgets can be shown)."""
    try:
        from IPython import get_ipython
    except Exception:  # pragma: no cover
        return False
    ip = get_ipython()
    return ip is not None and getattr(ip, "kernel", None) is not None


def status_line(qid: str, status: str, message: str) -> str:
    if status == CORRECT:
        head = i18n._("{qid} correct", qid=qid)
    elif status == UNANSWERED:
        head = i18n._("{qid} not answered yet", qid=qid)
    elif status == INVALID:
        head = i18n._("{qid} check your answer", qid=qid)
    else:
        head = i18n._("{qid} not yet", qid=qid)
    text = f"{_ICON[status]} {head}"
    if message:
        text += i18n._(": ") + message
    return text


@dataclass
class CheckResult:
    """Outcome of ``Lesson.check``.

    Attributes
    ----------
    qid : str
    status : {"correct", "incorrect", "unanswered", "invalid"}
    message : str
        The reason (empty when correct or unanswered), in the language in use.
    text : str
        The status line shown in the notebook, e.g. ``"✓ q1 correct"``.
    """

    qid: str
    status: str
    message: str
    lesson: str = ""
    text: str = ""
    hints: list[str] = field(default_factory=list, repr=False)
    _shown_at: object = field(default=None, repr=False, compare=False)

    def __post_init__(self):
        if not self.text:
            self.text = status_line(self.qid, self.status, self.message)

    @property
    def correct(self) -> bool:
        return self.status == CORRECT

    def __repr__(self) -> str:
        return self.text

    __str__ = __repr__

    def _repr_html_(self) -> str:
        return feedback_html(self)

    def _ipython_display_(self):
        # ``Lesson.check`` already displayed the feedback in this cell: don't show it twice
        # when the result is also the cell's last expression.
        if self._shown_at is not None and self._shown_at == _execution_count():
            return
        show(self)


def _execution_count():
    try:
        from IPython import get_ipython

        ip = get_ipython()
        return None if ip is None else ip.execution_count
    except Exception:  # pragma: no cover
        return None


def feedback_html(result: CheckResult) -> str:
    return (
        f'<div class="coursekit-check" style="color:{_COLOR[result.status]};font-weight:600">'
        f"{html.escape(result.text)}</div>"
    )


class Feedback:
    """What a notebook shows: ``text/plain`` (stored, compared by nbval), ``text/html`` (static
    viewers) and, in a live kernel, the ipywidgets view with the progressive Hint button."""

    def __init__(self, result: CheckResult, on_hint=None):
        self.result = result
        self.on_hint = on_hint
        self.widget = None
        self.shown_hints = 0

    def reveal_next_hint(self) -> str | None:
        """Reveal the next hint (also what the button does); None after the last one."""
        hints = self.result.hints
        if self.shown_hints >= len(hints):
            return None
        self.shown_hints += 1
        if self.on_hint is not None:
            try:
                self.on_hint(self.shown_hints)
            except Exception:
                pass
        return hints[self.shown_hints - 1]

    def _hints_html(self) -> str:
        n = len(self.result.hints)
        items = "".join(
            f"<div>{html.escape(i18n._('Hint'))} {i + 1}/{n}: {html.escape(h)}</div>"
            for i, h in enumerate(self.result.hints[: self.shown_hints])
        )
        return f'<div style="color:#0b4f8a">{items}</div>'

    def build_widget(self):
        import ipywidgets as widgets

        status = widgets.HTML(value=feedback_html(self.result))
        children = [status]
        if self.result.hints:
            hints_box = widgets.HTML(value="")
            button = widgets.Button(
                description=i18n._("Hint"),
                icon="lightbulb-o",
                tooltip=i18n._("Show the next hint"),
                layout=widgets.Layout(width="auto"),
            )

            def click(_button):
                try:
                    self.reveal_next_hint()
                    hints_box.value = self._hints_html()
                    if self.shown_hints >= len(self.result.hints):
                        button.disabled = True
                except Exception:
                    pass

            button.on_click(click)
            children = [widgets.HBox([status, button]), hints_box]
        self.widget = widgets.VBox(children)
        return self.widget

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = {"text/plain": self.result.text, "text/html": feedback_html(self.result)}
        if in_kernel():
            try:
                bundle = (self.widget or self.build_widget())._repr_mimebundle_()
                key = "application/vnd.jupyter.widget-view+json"
                if key in bundle:
                    data[key] = bundle[key]
            except Exception:
                pass
        return data

    def __repr__(self) -> str:
        return self.result.text


def show(result: CheckResult, on_hint=None) -> None:
    """Display the feedback of ``result`` in the notebook (no-op outside IPython)."""
    try:
        from IPython import get_ipython
        from IPython.display import display

        if get_ipython() is None:
            return
        display(Feedback(result, on_hint=on_hint))
        result._shown_at = _execution_count()
    except Exception:
        pass
