"""The summary dashboard of the whole book of customers (客户总览仪表板)."""

from __future__ import annotations

import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = ["plot_dashboard"]

_GRADES = ["A", "B", "C", "D", "E"]


def plot_dashboard(
    table: pd.DataFrame,
    *,
    tier_col: str = "tier",
    clv_col: str = "clv",
    status_col: str = "status",
    health_col: str = "health_band",
    grade_col: str = "credit_grade",
):
    """Four panels on the customer view: CLV and customers by tier, status, health and credit grade.

    Parameters
    ----------
    table : DataFrame
        The customer view (:func:`customer_view`), one row per customer.
    tier_col, clv_col, status_col, health_col, grade_col : str
        Column names (tier keys, CLV in CNY, status keys, health band keys, grades A-E).

    Returns
    -------
    The first Axes (CLV by tier); the figure holds all four.

    Examples
    --------
    >>> import pandas as pd
    >>> view = pd.DataFrame({"tier": ["strategic", "ordinary"], "clv": [1e6, 2e4], "status": ["active", "lost"],
    ...                      "health_band": ["healthy", "critical"], "credit_grade": ["A", None]})
    >>> ax = plot_dashboard(view)
    >>> len(ax.figure.axes)
    4
    """
    import matplotlib.pyplot as plt

    from ..loyalty import HEALTH_BAND_NAMES, STATUS_NAMES
    from ..tiers import TIER_LABELS

    df = v.require_frame(table, "table")
    v.require_columns(df, [tier_col, clv_col, status_col, health_col, grade_col], "table")
    tiers_ = list(TIER_LABELS)
    tier = df[tier_col].astype(object)
    fig, axes = plt.subplots(2, 2, figsize=(11, 7.5))
    tier_names = [i18n.name("value_tier", t) for t in tiers_]

    ax = axes[0, 0]
    clv_by = pd.to_numeric(df[clv_col], errors="coerce").groupby(tier).sum().reindex(tiers_, fill_value=0) / 1e4
    count_by = tier.value_counts().reindex(tiers_, fill_value=0)
    bars = ax.bar(tier_names, clv_by.to_numpy(), color="#4C72B0")
    for bar, n in zip(bars, count_by.to_numpy()):
        ax.annotate(
            i18n._("{n} customers", n=int(n)),
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            ha="center",
            va="bottom",
            fontsize=8,
        )
    ax.set_title(i18n._("CLV by tier"))
    ax.set_xlabel(i18n._("Tier"))
    ax.set_ylabel(i18n._("CLV (10,000 CNY)"))

    ax2 = axes[0, 1]
    statuses = list(STATUS_NAMES)
    st = df[status_col].astype(object).value_counts().reindex(statuses, fill_value=0)
    ax2.bar([i18n.name("customer_status", s) for s in statuses], st.to_numpy(), color="#55A868")
    ax2.set_title(i18n._("Customers by status"))
    ax2.set_xlabel(i18n._("Status"))
    ax2.set_ylabel(i18n._("Customers (count)"))

    ax3 = axes[1, 0]
    bands = list(HEALTH_BAND_NAMES)
    colours = {"healthy": "#55A868", "watch": "#DD8452", "critical": "#C44E52"}
    cross = pd.crosstab(tier, df[health_col].astype(object)).reindex(index=tiers_, columns=bands, fill_value=0)
    share = cross.div(cross.sum(axis=1).replace(0, 1), axis=0) * 100
    bottom = pd.Series(0.0, index=tiers_)
    for band in bands:
        ax3.bar(
            tier_names,
            share[band].to_numpy(),
            bottom=bottom.to_numpy(),
            color=colours[band],
            label=i18n.name("health_band", band),
        )
        bottom += share[band]
    ax3.set_title(i18n._("Health band by tier"))
    ax3.set_xlabel(i18n._("Tier"))
    ax3.set_ylabel(i18n._("Share of customers (%)"))
    ax3.legend(title=i18n._("Health band"), fontsize=8)

    ax4 = axes[1, 1]
    grades = df[grade_col].astype(object).value_counts().reindex(_GRADES, fill_value=0)
    no_grade = int(df[grade_col].isna().sum())
    ax4.bar(_GRADES, grades.to_numpy(), color="#8172B2")
    ax4.set_title(i18n._("Credit grade of the latest application ({n} without a grade)", n=no_grade))
    ax4.set_xlabel(i18n._("Credit grade (A best)"))
    ax4.set_ylabel(i18n._("Customers (count)"))

    fig.suptitle(i18n._("The book of customers at a glance: {n} customers", n=len(df)))
    fig.tight_layout()
    return ax
