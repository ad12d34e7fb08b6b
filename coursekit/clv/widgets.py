"""What-if views of CLV: the total value under other discount rates and horizons (table and sliders).

ipywidgets is imported only inside :func:`clv_slider`.

Examples
--------
>>> import pandas as pd
>>> class Constant:
...     params_ = pd.Series({"rate": 1.0})
...     def conditional_expected_number_of_purchases_up_to_time(self, t, f, r, T):
...         return 1.0 * t + 0 * f
>>> s = pd.DataFrame({"frequency": [1], "recency": [1.0], "T": [2.0]}, index=["A"])
>>> clv_sensitivity(Constant(), 100.0, s, annual_rates=[0.0], months=[12], unit="M").iloc[0, 0]
np.float64(1200.0)
"""

from __future__ import annotations

import pandas as pd

from .. import _validate as v
from .formulas import customer_lifetime_value, discount_per_period

__all__ = ["clv_sensitivity", "clv_slider"]


def _total(bgf, ggf, summary, annual_rate, months, unit, margin) -> float:
    monthly = discount_per_period(annual_rate, period="M")
    values = customer_lifetime_value(bgf, ggf, summary, time=months, discount_rate=monthly, unit=unit, margin=margin)
    return float(values.sum())


def clv_sensitivity(
    bgf,
    ggf_or_value,
    summary: pd.DataFrame,
    *,
    annual_rates=(0.05, 0.10, 0.15),
    months=(12, 24, 36),
    unit: str | None = None,
    margin: float = 1.0,
) -> pd.DataFrame:
    """Total CLV of the customers in ``summary`` for several annual discount rates and horizons.

    Each annual rate is turned into its monthly equivalent (:func:`discount_per_period`).

    Parameters
    ----------
    bgf : fitted BetaGeoFitter or ParetoNBDFitter
    ggf_or_value : GammaGammaFitter, Series, array or float
        As in :func:`customer_lifetime_value`.
    summary : DataFrame
        Columns frequency, recency, T [, monetary_value].
    annual_rates : sequence of float
        Discount rates per year (rows).
    months : sequence of int
        Horizons in months (columns).
    unit : {"D", "W", "M"}
        Model time unit.
    margin : float
        Gross margin rate.

    Returns
    -------
    DataFrame
        Total CLV (CNY): one row per annual rate, one column per horizon in months (the axes are
        named in the language in use: "Discount / year", "Months").

    Examples
    --------
    >>> import pandas as pd
    >>> class Constant:
    ...     params_ = pd.Series({"rate": 1.0})
    ...     def conditional_expected_number_of_purchases_up_to_time(self, t, f, r, T):
    ...         return 1.0 * t + 0 * f
    >>> s = pd.DataFrame({"frequency": [1], "recency": [1.0], "T": [2.0]}, index=["A"])
    >>> clv_sensitivity(Constant(), 100.0, s, annual_rates=[0.0], months=[12, 24], unit="M")
    Months               12      24
    Discount / year
    0.0              1200.0  2400.0
    """
    table = {
        int(m): [_total(bgf, ggf_or_value, summary, float(r), int(m), unit, margin) for r in annual_rates]
        for m in months
    }
    from .. import i18n

    out = pd.DataFrame(table, index=pd.Index([float(r) for r in annual_rates], name=i18n._("Discount / year")))
    out.columns.name = i18n._("Months")
    return out


def clv_slider(
    bgf,
    ggf_or_value,
    summary: pd.DataFrame,
    *,
    annual_rate: float = 0.10,
    months: int = 12,
    unit: str | None = None,
    margin: float = 1.0,
):
    """Two sliders (annual discount rate, horizon in months) and the total CLV they give, in CNY.

    Parameters
    ----------
    bgf : fitted BetaGeoFitter or ParetoNBDFitter
    ggf_or_value : GammaGammaFitter, Series, array or float
        As in :func:`customer_lifetime_value`.
    summary : DataFrame
        Columns frequency, recency, T [, monetary_value].
    annual_rate : float
        Starting discount rate per year.
    months : int
        Starting horizon in months.
    unit : {"D", "W", "M"}
        Model time unit.
    margin : float
        Gross margin rate.

    Returns
    -------
    ipywidgets.VBox
        The sliders and a label with the total; the label is updated when a slider moves.

    Examples
    --------
    >>> import pandas as pd
    >>> class Constant:
    ...     params_ = pd.Series({"rate": 1.0})
    ...     def conditional_expected_number_of_purchases_up_to_time(self, t, f, r, T):
    ...         return 1.0 * t + 0 * f
    >>> s = pd.DataFrame({"frequency": [1], "recency": [1.0], "T": [2.0]}, index=["A"])
    >>> box = clv_slider(Constant(), 100.0, s, annual_rate=0.0, months=12, unit="M")
    >>> box.children[-1].value
    'Total CLV: 1,200 CNY'
    """
    import ipywidgets as widgets

    from .. import i18n

    v.require_in_range(annual_rate, "annual_rate", 0, 0.5)
    rate = widgets.FloatSlider(
        value=annual_rate, min=0.0, max=0.30, step=0.01, readout_format=".0%", description=i18n._("Discount / year")
    )
    horizon = widgets.IntSlider(value=int(months), min=3, max=60, step=3, description=i18n._("Months"))
    label = widgets.Label()

    def update(change=None):
        total = _total(bgf, ggf_or_value, summary, rate.value, horizon.value, unit, margin)
        label.value = i18n._("Total CLV: {total} CNY", total=f"{total:,.0f}")

    update()
    rate.observe(update, names="value")
    horizon.observe(update, names="value")
    return widgets.VBox([rate, horizon, label])
