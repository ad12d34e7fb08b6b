"""Charts of the VOC topic: the Kano better/worse chart and the CTQ tree.

matplotlib is imported inside the functions, so that ``from coursekit import voc`` stays light.
"""

from __future__ import annotations

import pandas as pd

from .. import _validate as v
from .. import i18n
from ..datasets import KANO_FEATURES
from .kano import KANO_CATEGORIES

__all__ = ["plot_better_worse", "plot_ctq_tree"]

_COLORS = {
    "must_be": "#c0392b",
    "one_dimensional": "#2e86c1",
    "attractive": "#27ae60",
    "indifferent": "#7f8c8d",
    "reverse": "#8e44ad",
    "questionable": "#f39c12",
}


def plot_better_worse(summary: pd.DataFrame, ax=None):
    """The better/worse chart of a Kano survey: how much a feature pleases against how much its absence hurts.

    Parameters
    ----------
    summary : DataFrame
        A :func:`coursekit.voc.kano_summary` result (``better``, ``worse``, ``category``).
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes
        x = |worse| (dissatisfaction if missing), y = better (satisfaction if offered), both 0-1;
        dashed lines at 0.5 split the four quadrants; points coloured by the most frequent category,
        labelled with the feature name.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> s = pd.DataFrame({"better": [0.7, 0.2], "worse": [-0.3, -0.8], "category": ["attractive", "must_be"]},
    ...                  index=pd.Index(["online_order_tracking", "invoice_accuracy"], name="feature"))
    >>> plot_better_worse(s).get_title()
    'Kano better/worse chart'
    """
    from ..plots import finish, new_axes

    v.require_frame(summary, "summary")
    v.require_columns(summary, ["better", "worse", "category"], "summary")
    if ax is None:
        _, ax = new_axes(figsize=(8, 6))
    x, y = summary["worse"].abs(), summary["better"]
    for key in KANO_CATEGORIES:
        mask = summary["category"].astype(str) == key
        if mask.any():
            ax.scatter(x[mask], y[mask], s=70, color=_COLORS[key], label=i18n.name("kano_category", key), zorder=3)
    for n, (feature, xi, yi) in enumerate(zip(summary.index, x, y)):
        label = i18n.name("kano_feature", feature) if feature in KANO_FEATURES else str(feature)
        ax.annotate(label, (xi, yi), textcoords="offset points", xytext=(6, 4 if n % 2 == 0 else -12), fontsize=8)
    ax.axvline(0.5, color="#999999", linestyle="--", linewidth=1)
    ax.axhline(0.5, color="#999999", linestyle="--", linewidth=1)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    finish(
        ax,
        i18n._("Kano better/worse chart"),
        i18n._("Dissatisfaction if missing, |worse| (0-1)"),
        i18n._("Satisfaction if offered, better (0-1)"),
    )
    ax.legend(loc="upper center", fontsize=8)
    return ax


def plot_ctq_tree(tree: pd.DataFrame, ax=None):
    """The CTQ tree (关键质量特性树): theme → need in the customer's words → CTQ with its spec and measured value.

    Parameters
    ----------
    tree : DataFrame
        A :func:`coursekit.voc.ctq_tree` result.
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes
        Three columns of boxes joined by lines; a CTQ box is green when it meets its spec, red when
        it does not and grey when the passive data cannot measure it (an active method must).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> tree = pd.DataFrame({"theme": ["delivery"], "need": ["On time"], "ctq": ["Late tickets per 100 orders"],
    ...                      "target": [2.0], "direction": ["<="], "measured": [3.9], "meets_spec": [False]})
    >>> plot_ctq_tree(tree).get_title()
    'CTQ tree: from the voice of the customer to measurable specs'
    """
    from matplotlib.patches import Patch

    from ..plots import finish, new_axes

    v.require_frame(tree, "tree")
    v.require_columns(tree, ["theme", "need", "ctq", "target", "direction", "measured", "meets_spec"], "tree")
    n = len(tree)
    if ax is None:
        _, ax = new_axes(figsize=(12, max(4.5, 0.75 * n + 1.5)))
    colors = {True: "#d5f5e3", False: "#fadbd8", None: "#eaecee"}
    themes = list(dict.fromkeys(tree["theme"].astype(str)))
    ys = {i: n - i for i in range(n)}
    theme_y = {
        t: sum(ys[i] for i in range(n) if str(tree["theme"].iloc[i]) == t) / max(1, sum(tree["theme"].astype(str) == t))
        for t in themes
    }
    box = {"boxstyle": "round,pad=0.35", "edgecolor": "#555555"}
    for t in themes:
        ax.text(
            0.5,
            theme_y[t],
            i18n.name("feedback_theme", t),
            ha="center",
            va="center",
            fontsize=9,
            fontweight="bold",
            bbox={**box, "facecolor": "#d6eaf8"},
        )
    for i, row in enumerate(tree.itertuples(index=False)):
        y = ys[i]
        ax.plot([1.2, 2.0], [theme_y[str(row.theme)], y], color="#999999", linewidth=1)
        ax.text(3.3, y, row.need, ha="center", va="center", fontsize=8.5, bbox={**box, "facecolor": "#fef9e7"})
        ax.plot([4.6, 5.4], [y, y], color="#999999", linewidth=1)
        measured = "—" if pd.isna(row.measured) else f"{row.measured:.2f}"
        spec = i18n._(
            "{ctq}: spec {direction} {target:g}, measured {measured}",
            ctq=row.ctq,
            direction=row.direction,
            target=row.target,
            measured=measured,
        )
        state = None if pd.isna(row.meets_spec) else bool(row.meets_spec)
        ax.text(5.5, y, spec, ha="left", va="center", fontsize=8.5, bbox={**box, "facecolor": colors[state]})
    ax.set_xlim(0, 11)
    ax.set_ylim(0.3, n + 0.7)
    ax.set_xticks([0.5, 3.3, 7.0])
    ax.set_xticklabels([i18n._("Theme"), i18n._("Need (customer's words)"), i18n._("CTQ and spec")])
    ax.set_yticks([])
    ax.grid(False)
    handles = [
        Patch(facecolor=colors[True], edgecolor="#555555", label=i18n._("Meets its spec")),
        Patch(facecolor=colors[False], edgecolor="#555555", label=i18n._("Misses its spec")),
        Patch(
            facecolor=colors[None], edgecolor="#555555", label=i18n._("Not in the passive data: ask (active method)")
        ),
    ]
    finish(
        ax,
        i18n._("CTQ tree: from the voice of the customer to measurable specs"),
        i18n._("Voice → need → CTQ (specs in their own units: per 100 orders, %)"),
        i18n._("One row per CTQ (count)"),
        legend=False,
    )
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, fontsize=8)
    ax.figure.tight_layout()
    return ax
