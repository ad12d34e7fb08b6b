"""Charts of the value scorecard (lesson 09); matplotlib is imported inside the functions."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = ["plot_weights"]


def plot_weights(compared: pd.DataFrame, ax=None):
    """AHP and entropy weights per indicator, side by side (percent).

    Parameters
    ----------
    compared : DataFrame
        :func:`compare_weights` result: ``ahp`` and ``entropy`` per indicator.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> from coursekit.value import compare_weights
    >>> ax = plot_weights(compare_weights(pd.Series({"profit": 0.7, "network": 0.3}),
    ...                                   pd.Series({"profit": 0.2, "network": 0.8})))
    >>> ax.get_xlabel()
    'Weight (%)'
    """
    from .. import plots

    v.require_frame(compared, "compared")
    v.require_columns(compared, ["ahp", "entropy"], "compared")
    if ax is None:
        _, ax = plots.new_axes(figsize=(8, 0.45 * len(compared) + 1.5))
    labels = i18n.display(compared.index.to_series(), "value_indicator").tolist()
    y = np.arange(len(compared))
    ax.barh(y - 0.2, 100 * compared["ahp"], height=0.4, label=i18n._("AHP (judgement)"))
    ax.barh(y + 0.2, 100 * compared["entropy"], height=0.4, label=i18n._("Entropy method (data)"))
    ax.set_yticks(y)
    ax.set_yticklabels(labels)
    ax.invert_yaxis()
    return plots.finish(
        ax, i18n._("Indicator weights: AHP and entropy"), i18n._("Weight (%)"), i18n._("Indicator (name)"), legend=True
    )
