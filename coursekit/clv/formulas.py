"""Customer lifetime value formulas: model-based CLV, the textbook formula and Dwyer's migration model.

* :func:`customer_lifetime_value` - discounted expected purchases x value per purchase
  computed from a fitted BG/NBD or Pareto/NBD model (and Gamma-Gamma), month by month; a month
  is ``UNIT_DAYS["M"]`` days whatever the model's time unit;
* :func:`simple_clv` - constant margin and retention, infinite horizon (Gupta & Lehmann 2003);
* :func:`dwyer_matrix`, :func:`dwyer_migration` - the customer migration model (Dwyer 1989).

Examples
--------
>>> round(simple_clv(100, 0.8, 0.1), 2)
266.67
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .. import _validate as v
from .models import _check_fitted
from .summary import UNIT_DAYS, _check_summary, _check_unit, check_not_transposed

__all__ = [
    "customer_lifetime_value",
    "simple_clv",
    "dwyer_matrix",
    "dwyer_migration",
    "discount_per_period",
    "retention_sensitivity",
    "dwyer_values",
]


# ----------------------------------------------------------------------------------------------
# customer lifetime value
# ----------------------------------------------------------------------------------------------
def _as_values(values, name: str, index) -> np.ndarray:
    if isinstance(values, pd.DataFrame):
        raise TypeError(f"{name} must be a Series, an array or a number, got a DataFrame")
    if isinstance(values, pd.Series):
        if not values.index.equals(index):
            if not index.isin(values.index).all():
                raise ValueError(f"{name} has no value for some customers of the summary")
            values = values.reindex(index)
        arr = values.to_numpy(dtype=float)
    elif np.ndim(values) == 0:
        v.require_in_range(values, name)
        arr = np.full(len(index), float(values))
    else:
        arr = np.asarray(values, dtype=float)
        if arr.ndim != 1 or len(arr) != len(index):
            raise ValueError(f"{name} must have one value per customer ({len(index)}), got shape {arr.shape}")
    if np.isnan(arr).any() or np.isinf(arr).any():
        raise ValueError(f"{name} has missing or infinite values")
    return arr


def customer_lifetime_value(
    bgf,
    ggf_or_monetary,
    summary: pd.DataFrame,
    *,
    time: int = 12,
    discount_rate: float = 0.01,
    unit: str | None = None,
    margin: float = 1.0,
) -> pd.Series:
    """Discounted expected value of each customer's purchases over the next ``time`` months.

    CLV = sum over months i = 1..time of
    margin x m x (E[X(i)] - E[X(i-1)]) / (1 + discount_rate) ** i, where E[X(i)] is the
    model's expected purchases up to the end of month i and m the expected value per
    purchase: the Gamma-Gamma estimate when a GammaGammaFitter is given, else the
    values given. A month is ``UNIT_DAYS["M"]`` = 30.4375 days (the mean calendar month,
    the same as in :func:`~coursekit.clv.summarize`), so month i ends at
    i x 30.4375 days, i x 30.4375 / 7 weeks or i months in the model's time unit.

    This is lifetimes' ``GammaGammaFitter.customer_lifetime_value``, which only works
    with Series inputs; here Series, arrays or a single number are accepted. lifetimes
    takes a month as 30 days or 4.345 weeks, so with ``unit="D"`` or ``"W"`` its values
    differ slightly; with ``unit="M"`` they are equal (tested).

    Parameters
    ----------
    bgf : fitted BetaGeoFitter or ParetoNBDFitter
    ggf_or_monetary : GammaGammaFitter, Series, array or float
        Fitted Gamma-Gamma model (uses ``summary["monetary_value"]``) or the value per purchase.
    summary : DataFrame
        Columns frequency, recency, T [, monetary_value], in time unit ``unit``.
    time : int
        Horizon in months.
    discount_rate : float
        Discount rate per month (0.01 = 1 % a month).
    unit : {"D", "W", "M"}, default "D"
        Model time unit: the unit of the summary the model was fitted on
        (``summarize(..., unit=...)``).
    margin : float
        Profit margin applied to the purchase value (1.0 = revenue, 0.3 = 30 % margin).

    Returns
    -------
    Series
        ``clv``, indexed by customer id.

    Examples
    --------
    >>> import pandas as pd
    >>> class Constant:          # 2 purchases a month, for ever
    ...     params_ = pd.Series({"rate": 2.0})
    ...     def conditional_expected_number_of_purchases_up_to_time(self, t, f, r, T):
    ...         return 2.0 * t + 0 * f
    >>> s = pd.DataFrame({"frequency": [1], "recency": [1.0], "T": [2.0]}, index=[10])
    >>> customer_lifetime_value(Constant(), 50.0, s, time=2, discount_rate=0.1, unit="M").round(4)
    10    173.5537
    Name: clv, dtype: float64
    >>> round(100 / 1.1 + 100 / 1.1 ** 2, 4)
    173.5537
    """
    _check_fitted(bgf, "bgf")
    unit_days = _check_unit("D" if unit is None else unit)
    if isinstance(time, bool) or not isinstance(time, (int, np.integer)) or time < 1:
        raise ValueError(f"time must be a whole number of months of at least 1, got {time!r}")
    v.require_in_range(discount_rate, "discount_rate", 0)
    v.require_in_range(margin, "margin", 0)
    factor = UNIT_DAYS["M"] / unit_days  # model time units per month
    is_gg = hasattr(ggf_or_monetary, "conditional_expected_average_profit")
    _check_summary(summary, monetary=is_gg)
    if is_gg:
        if getattr(ggf_or_monetary, "params_", None) is None:
            raise TypeError("ggf_or_monetary is a GammaGammaFitter that has not been fitted")
        monetary = np.asarray(
            ggf_or_monetary.conditional_expected_average_profit(summary["frequency"], summary["monetary_value"]),
            dtype=float,
        )
    else:
        monetary = _as_values(ggf_or_monetary, "ggf_or_monetary", summary.index)
    f, r, age = summary["frequency"], summary["recency"], summary["T"]
    check_not_transposed(f, r, age)
    clv = np.zeros(len(summary))
    previous = np.asarray(bgf.conditional_expected_number_of_purchases_up_to_time(0.0, f, r, age), dtype=float)
    for i in range(1, int(time) + 1):
        cumulative = np.asarray(
            bgf.conditional_expected_number_of_purchases_up_to_time(i * factor, f, r, age), dtype=float
        )
        clv += margin * monetary * (cumulative - previous) / (1 + discount_rate) ** i
        previous = cumulative
    return pd.Series(clv, index=summary.index, name="clv")


def _param(value, name: str, low=None, high=None, inclusive=True):
    """A scalar checked with require_in_range, or a Series checked element-wise."""
    if isinstance(value, pd.Series):
        vals = v.numeric_column(value.to_frame(name), name, name)
        bad = pd.Series(False, index=vals.index)
        if low is not None:
            bad |= (vals < low) if inclusive else (vals <= low)
        if high is not None:
            bad |= (vals > high) if inclusive else (vals >= high)
        if bad.any():
            span = (
                f"between {low} and {high}"
                if low is not None and high is not None
                else (f"at least {low}" if low is not None else f"at most {high}")
            )
            raise ValueError(
                f"{name} must be {span}; {int(bad.sum())} value(s) are not, e.g. {vals[bad].iloc[0]:g} "
                f"(at {vals.index[bad.to_numpy()][0]!r})"
            )
        return vals
    return v.require_in_range(value, name, low, high, inclusive=inclusive)


def simple_clv(margin, retention, discount, *, include_initial: bool = False):
    """Textbook CLV with constant margin and retention over an infinite horizon (Gupta & Lehmann 2003).

    CLV = m x r / (1 + d - r): the margin m is earned at the end of every period the
    customer is retained (probability r each period), discounted at rate d per period.
    With ``include_initial=True`` the margin of the current period (earned now, not
    discounted) is added: CLV = m x (1 + d) / (1 + d - r).

    Parameters
    ----------
    margin : float or Series
        Margin per customer per period (CNY).
    retention : float or Series
        Retention probability per period, 0 <= r <= 1.
    discount : float or Series
        Discount rate per period, d >= 0; r = 1 with d = 0 has no finite value.
    include_initial : bool
        Add the current period's margin.

    Returns
    -------
    float or Series
        A Series when any input is a Series (aligned on its index).

    Examples
    --------
    >>> round(simple_clv(100, 0.8, 0.1), 2)
    266.67
    >>> round(simple_clv(100, 0.8, 0.1, include_initial=True), 2)
    366.67
    >>> import pandas as pd
    >>> simple_clv(pd.Series([100.0, 50.0], index=["A", "B"]), 0.5, 0.0)
    A    100.0
    B     50.0
    dtype: float64
    """
    m = _param(margin, "margin")
    r = _param(retention, "retention", 0, 1)
    d = _param(discount, "discount", 0)
    denom = 1 + d - r
    if np.any(np.asarray(denom) <= 0):
        raise ValueError("retention must be below 1 + discount: with retention 1 and discount 0 CLV is infinite")
    value = m * ((1 + d) if include_initial else r) / denom
    if isinstance(value, pd.Series):
        value.name = None
        return value
    return float(value)


def dwyer_matrix(retention: Sequence[float]) -> pd.DataFrame:
    """Migration (Markov transition) matrix of the Dwyer (1989) customer-migration model.

    States are recency cells: "1" = bought in the last period, "2" = last bought two
    periods ago, ..., "k", plus an absorbing state "lost". A customer in cell i buys in
    the next period with probability ``retention[i-1]`` (and moves to cell 1), or else
    moves to cell i+1; from the last cell a customer who does not buy is lost.

    Parameters
    ----------
    retention : sequence of float
        Purchase probability per recency cell, each in [0, 1].

    Returns
    -------
    DataFrame
        Rows = state now, columns = state next period; rows sum to 1.

    Examples
    --------
    >>> dwyer_matrix([0.6, 0.3])  # doctest: +NORMALIZE_WHITESPACE
          1    2  lost
    1   0.6  0.4   0.0
    2   0.3  0.0   0.7
    lost 0.0  0.0   1.0
    """
    p = _retention_vector(retention)
    k = len(p)
    states = [str(i) for i in range(1, k + 1)] + ["lost"]
    P = np.zeros((k + 1, k + 1))
    P[:k, 0] = p
    for i in range(k):
        P[i, i + 1] += 1 - p[i]
    P[k, k] = 1.0
    return pd.DataFrame(P, index=pd.Index(states), columns=pd.Index(states))


def _retention_vector(retention) -> np.ndarray:
    if isinstance(retention, (str, bytes)) or np.ndim(retention) != 1 or len(retention) == 0:
        raise ValueError("retention must be a non-empty list of purchase probabilities, one per recency cell")
    return np.array([v.require_in_range(x, f"retention[{i}]", 0, 1) for i, x in enumerate(retention)])


def dwyer_migration(
    retention: Sequence[float],
    margin: float,
    *,
    discount: float = 0.1,
    horizon: int = 10,
    cost: float | Sequence[float] = 0.0,
    start: int = 1,
    include_initial: bool = False,
) -> tuple[pd.DataFrame, float]:
    """Expected value of a customer under the Dwyer (1989) customer-migration model (客户迁移模型).

    The customer starts in recency cell ``start`` (1 = has just bought). Each period the
    distribution over cells moves by the migration matrix (:func:`dwyer_matrix`). In
    period t the expected contribution is
    sum over cells i of P(in cell i at t-1) x (retention[i] x margin - cost[i]),
    discounted by (1 + discount) ** t; CLV is the sum over t = 1..horizon.

    Parameters
    ----------
    retention : sequence of float
        Purchase probability per recency cell (cell 1 first).
    margin : float
        Margin of one purchase (CNY).
    discount : float
        Discount rate per period.
    horizon : int
        Number of future periods.
    cost : float or sequence of float
        Marketing cost per period spent on a customer in each cell (0 = none); a customer
        who is lost costs nothing.
    start : int
        Recency cell of the customer now.
    include_initial : bool
        Add the margin of the purchase just made (period 0, undiscounted).

    Returns
    -------
    table : DataFrame
        Indexed by ``period`` 1..horizon: the probability of being in each cell at the
        start of the period (``cell_1`` ... ``lost``), ``p_purchase``,
        ``contribution``, ``discount_factor``, ``present_value``, ``cumulative_pv``.
    clv : float
        Sum of the present values (plus the initial margin when asked).

    Examples
    --------
    >>> table, clv = dwyer_migration([0.6, 0.3, 0.1], 100, discount=0.2, horizon=2)
    >>> table[["p_purchase", "contribution", "present_value"]].round(4)  # doctest: +NORMALIZE_WHITESPACE
            p_purchase  contribution  present_value
    period
    1             0.60          60.0        50.0000
    2             0.48          48.0        33.3333
    >>> round(clv, 4)
    83.3333
    """
    p = _retention_vector(retention)
    k = len(p)
    m = v.require_in_range(margin, "margin")
    d = v.require_in_range(discount, "discount", 0)
    if isinstance(horizon, bool) or not isinstance(horizon, (int, np.integer)) or horizon < 1:
        raise ValueError(f"horizon must be a whole number of periods of at least 1, got {horizon!r}")
    if isinstance(start, bool) or not isinstance(start, (int, np.integer)) or not 1 <= start <= k:
        raise ValueError(f"start must be a recency cell between 1 and {k}, got {start!r}")
    if np.ndim(cost) == 0:
        c = np.full(k, v.require_in_range(cost, "cost", 0))
    else:
        c = np.array([v.require_in_range(x, f"cost[{i}]", 0) for i, x in enumerate(cost)])
        if len(c) != k:
            raise ValueError(f"cost must have one value per recency cell ({k}), got {len(c)}")
    P = dwyer_matrix(p).to_numpy()
    reward = np.append(p * m - c, 0.0)
    buy = np.append(p, 0.0)
    state = np.zeros(k + 1)
    state[start - 1] = 1.0
    rows = []
    for t in range(1, int(horizon) + 1):
        contribution = float(state @ reward)
        factor = 1 / (1 + d) ** t
        rows.append([*state, float(state @ buy), contribution, factor, contribution * factor])
        state = state @ P
    cols = [f"cell_{i}" for i in range(1, k + 1)] + [
        "lost",
        "p_purchase",
        "contribution",
        "discount_factor",
        "present_value",
    ]
    table = pd.DataFrame(rows, columns=cols, index=pd.RangeIndex(1, horizon + 1, name="period"))
    table["cumulative_pv"] = table["present_value"].cumsum()
    clv = float(table["present_value"].sum()) + (m if include_initial else 0.0)
    return table, clv


# ----------------------------------------------------------------------------------------------
# one discount rate, several period lengths; tables of the textbook formulas
# ----------------------------------------------------------------------------------------------
_PERIODS_PER_YEAR = {"Y": 1, "Q": 4, "M": 12}


def discount_per_period(annual_rate: float, *, period: str = "M") -> float:
    """The discount rate per year, quarter or month that is equivalent to ``annual_rate`` a year.

    (1 + d_period) ** (periods per year) = 1 + annual_rate, so one lesson can state one annual
    rate and use it for yearly, quarterly and monthly models alike.

    Parameters
    ----------
    annual_rate : float
        Discount rate per year, e.g. 0.10 for 10 %.
    period : {"Y", "Q", "M"}
        The period of the model: year, quarter or month.

    Returns
    -------
    float
        Discount rate per period.

    Examples
    --------
    >>> round(discount_per_period(0.10, period="Q"), 5)
    0.02411
    >>> round(discount_per_period(0.10, period="M"), 5)
    0.00797
    >>> round((1 + discount_per_period(0.10, period="M")) ** 12 - 1, 10)
    0.1
    """
    rate = v.require_in_range(annual_rate, "annual_rate", 0)
    if period not in _PERIODS_PER_YEAR:
        raise ValueError(f"period must be 'Y', 'Q' or 'M', got {period!r}")
    return float((1 + rate) ** (1 / _PERIODS_PER_YEAR[period]) - 1)


def retention_sensitivity(margin: float, retention: Sequence[float], discount: float) -> pd.Series:
    """The simple formula's CLV for several retention rates: how much value depends on retention.

    Parameters
    ----------
    margin : float
        Margin per customer per period (CNY).
    retention : sequence of float
        Retention rates to compare, each in [0, 1].
    discount : float
        Discount rate per period.

    Returns
    -------
    Series
        ``clv`` (CNY) indexed by ``retention``.

    Examples
    --------
    >>> retention_sensitivity(100, [0.5, 0.8], 0.1).round(2).tolist()
    [83.33, 266.67]
    """
    if isinstance(retention, (str, bytes)) or np.ndim(retention) != 1 or len(retention) == 0:
        raise ValueError("retention must be a non-empty list of retention rates")
    index = pd.Index([float(x) for x in retention], name="retention")
    values = simple_clv(margin, pd.Series(index.to_numpy(), index=index), discount)
    return values.rename("clv")


def dwyer_values(
    retention: Sequence[float],
    margin: float,
    *,
    discount: float = 0.1,
    horizon: int = 10,
    cost: float | Sequence[float] = 0.0,
) -> pd.Series:
    """Dwyer-model value of a customer for every starting recency cell (:func:`dwyer_migration`).

    Parameters
    ----------
    retention : sequence of float
        Purchase probability per recency cell (cell 1 first).
    margin : float
        Margin of one purchase (CNY).
    discount : float
        Discount rate per period.
    horizon : int
        Number of future periods.
    cost : float or sequence of float
        Marketing cost per period per cell (see :func:`dwyer_migration`).

    Returns
    -------
    Series
        ``clv`` (CNY) indexed by ``cell`` (1 = bought in the last period).

    Examples
    --------
    >>> dwyer_values([0.6, 0.3, 0.1], 100, discount=0.2, horizon=2).round(2).tolist()
    [83.33, 42.36, 12.5]
    """
    k = len(_retention_vector(retention))
    values = [
        dwyer_migration(retention, margin, discount=discount, horizon=horizon, cost=cost, start=s)[1]
        for s in range(1, k + 1)
    ]
    return pd.Series(values, index=pd.RangeIndex(1, k + 1, name="cell"), name="clv")
