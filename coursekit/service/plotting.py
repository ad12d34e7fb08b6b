"""Charts of the service topic: service tickets (服务工单) per type.

matplotlib is imported inside the functions (through :mod:`accounts.plotting`),
so that ``from coursekit import service`` stays light.
"""

from __future__ import annotations

import pandas as pd

from .. import i18n
from ..accounts.mix import _counts
from ..accounts.plotting import _bar_counts

__all__ = ["plot_ticket_types"]


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
