"""Charts of the service topic: service tickets (服务工单) per type, response times against the standard.

matplotlib is imported inside the functions (through :mod:`accounts.plotting`),
so that ``from coursekit import service`` stays light.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from ..accounts.mix import _counts
from ..accounts.plotting import _bar_counts

__all__ = ["plot_response_times", "plot_ticket_types"]


def plot_ticket_types(tickets: pd.DataFrame, *, by: str = "ticket_type", ax=None):
    """Horizontal bar chart of service tickets (服务工单) per type (or another column).

    Parameters
    ----------
    tickets : DataFrame
        One row per service ticket.
    by : str, default "ticket_type"
        Column to count.
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes
        Most frequent value at the top (ties by name); each bar is labelled with its
        count and share; ticket types in the reader's language.

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        An empty table, a missing column (named) or missing values in ``by``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> ax = plot_ticket_types(pd.DataFrame({"ticket_type": ["quality issue", "delivery delay", "quality issue"]}))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['quality issue', 'delivery delay']
    """
    counts = _counts(tickets, by, "tickets")["count"]
    if by == "ticket_type":
        title, what = i18n._("Service tickets by type"), i18n._("Ticket type")
    else:
        title, what = i18n._("Service tickets by {by}", by=by), by
    return _bar_counts(counts, ax, title, i18n._("Tickets (count)"), what)


def plot_response_times(table: pd.DataFrame, *, standard_hours: float = 4.0, max_hours: float = 24.0, ax=None):
    """Histogram of the hours to the first answer, with the response standard (seed 003: <4 小时).

    Parameters
    ----------
    table : DataFrame
        One row per ticket with ``response_hours`` (e.g. :func:`ticket_table`).
    standard_hours : float, default 4
        The standard, drawn as a vertical line; the legend gives the share answered within it.
    max_hours : float, default 24
        Right end of the axis; slower answers are counted in the last bar.
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes
        One-hour bars; bars within the standard and after it in two colours.

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        An empty table, a missing column, a negative response time, a standard or
        ``max_hours`` not above 0.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> ax = plot_response_times(pd.DataFrame({"response_hours": [0.5, 2.0, 3.5, 6.0, 30.0]}))
    >>> ax.get_title()
    'Hours to the first answer against the 4-hour standard'
    """
    from .. import plots

    v.require_frame(table, "table")
    v.require_columns(table, ["response_hours"], "table")
    hours = v.numeric_column(table, "response_hours", "table", allow_negative=False)
    standard = v.require_in_range(standard_hours, "standard_hours", low=0, inclusive=False)
    top = v.require_in_range(max_hours, "max_hours", low=0, inclusive=False)
    if ax is None:
        _, ax = plots.new_axes()
    clipped = hours.clip(upper=top - 1e-9)
    edges = np.arange(0, top + 1, 1.0)
    on_time = float((hours < standard).mean())
    ax.hist(clipped[clipped < standard], bins=edges, color="#2a7ab9", label=i18n._("Within the standard"))
    ax.hist(clipped[clipped >= standard], bins=edges, color="#d9822b", label=i18n._("Slower"))
    ax.axvline(
        standard,
        color="black",
        linestyle="--",
        label=i18n._("Standard {h:g} h: {share:.0%} of tickets within", h=standard, share=on_time),
    )
    title = i18n._("Hours to the first answer against the {h:g}-hour standard", h=standard)
    return plots.finish(
        ax,
        title,
        i18n._("Hours to the first answer (h; last bar: {top:g} h or more)", top=top),
        i18n._("Tickets (count)"),
    )
