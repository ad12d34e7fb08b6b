"""Value concentration: the Pareto (Lorenz) curve, the Gini coefficient, the top share.

Customers are ordered by value, largest first; ties by customer id, ascending.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v

__all__ = ["gini", "lorenz_curve", "top_share"]

# Cumulative shares within this distance of a threshold count as reaching it
# (float sums such as 0.1 + 0.2 + 0.5 are not exactly 0.8).
_TOL = 1e-12


def _values(values, name: str = "values") -> pd.Series:
    """Validate a Series of non-negative, finite values with a unique index; return it as float."""
    v.require_series(values, name)
    v.require_unique_index(values, name)
    col = values.name if values.name is not None else "value"
    frame = pd.DataFrame({col: values})
    try:
        out = v.numeric_column(frame, col, name, allow_negative=False)
    except ValueError as err:
        msg = str(err).replace(f" column {col!r}", "")
        raise ValueError(msg) from None
    except TypeError as err:
        raise TypeError(str(err).replace(f" column {col!r}", "")) from None
    return out


def _ranked(values: pd.Series) -> pd.Series:
    """Sort largest first; ties by index ascending (stable sort after sort_index)."""
    return values.sort_index(kind="stable").sort_values(ascending=False, kind="stable")


def lorenz_curve(values) -> pd.DataFrame:
    """Cumulative share of customers vs cumulative share of value, top customer first.

    This is the Pareto (concentration) curve used for the 80/20 rule; the
    classic Lorenz curve, which starts from the smallest customer, is its
    mirror image through the point (0.5, 0.5).

    Parameters
    ----------
    values : Series
        Non-negative value per customer, indexed by customer id.

    Returns
    -------
    DataFrame
        *n* + 1 rows indexed by ``rank`` 0 … *n*: row 0 is the start (0, 0),
        row *k* adds the *k*-th largest customer. Columns ``customer``
        (customer id, missing in row 0), ``customer_share`` and
        ``value_share`` (both 0–1).

    Examples
    --------
    >>> import pandas as pd
    >>> lorenz_curve(pd.Series([1.0, 3.0], index=["x", "y"]))  # doctest: +NORMALIZE_WHITESPACE
         customer  customer_share  value_share
    rank
    0         NaN             0.0         0.00
    1           y             0.5         0.75
    2           x             1.0         1.00
    """
    s = _values(values)
    total = s.sum()
    if total == 0:
        raise ValueError("values are all zero: there is no value to share")
    ranked = _ranked(s)
    n = len(ranked)
    value_share = np.concatenate([[0.0], ranked.cumsum().to_numpy() / total])
    value_share[-1] = 1.0
    out = pd.DataFrame(
        {
            "customer": [np.nan] + list(ranked.index),
            "customer_share": np.arange(n + 1) / n,
            "value_share": value_share,
        },
        index=pd.RangeIndex(n + 1, name="rank"),
    )
    out["customer"] = out["customer"].astype(object)
    return out


def gini(values) -> float:
    """Gini coefficient of value across customers (0 = all equal, near 1 = one customer has all).

    Uses the population definition
    ``G = Σ_i Σ_j |x_i − x_j| / (2 n² · mean)``, computed from the values
    sorted ascending as ``G = 2 Σ_i i·x_(i) / (n Σ x) − (n + 1) / n``. It
    equals twice the area between the Lorenz curve and the diagonal. With
    one customer holding everything, ``G = (n − 1) / n``.

    Parameters
    ----------
    values : Series
        Non-negative value per customer.

    Returns
    -------
    float

    Examples
    --------
    >>> import pandas as pd
    >>> gini(pd.Series([5.0, 5.0, 5.0]))
    0.0
    >>> gini(pd.Series([0.0, 0.0, 0.0, 8.0]))
    0.75
    >>> round(gini(pd.Series([1.0, 2.0, 3.0])), 4)
    0.2222
    """
    s = _values(values)
    total = s.sum()
    if total == 0:
        raise ValueError("values are all zero: the Gini coefficient is undefined")
    x = np.sort(s.to_numpy())
    n = len(x)
    i = np.arange(1, n + 1)
    g = 2 * np.sum(i * x) / (n * total) - (n + 1) / n
    return float(max(g, 0.0)) if abs(g) > 1e-12 else 0.0


def top_share(values, fraction: float = 0.2) -> float:
    """Share of total value held by the top ``fraction`` of customers (e.g. top 20 %).

    Parameters
    ----------
    values : Series
        Non-negative value per customer.
    fraction : float, default 0.2
        Share of customers, ``0 < fraction ≤ 1``.

    Returns
    -------
    float
        Read off the Pareto curve (:func:`lorenz_curve`) with linear
        interpolation: when ``fraction × n`` is a whole number *k* it is
        exactly the share of the top *k* customers; otherwise the next
        customer counts with the fractional part.

    Examples
    --------
    >>> import pandas as pd
    >>> values = pd.Series([50.0, 30.0, 10.0, 5.0, 5.0])
    >>> top_share(values, fraction=0.4)
    0.8
    >>> round(top_share(values, fraction=0.3), 4)
    0.65
    """
    fraction = v.require_in_range(fraction, "fraction", 0, 1)
    if fraction <= 0:
        raise ValueError(f"fraction must be greater than 0, got {fraction:g}")
    curve = lorenz_curve(values)
    return float(np.interp(fraction, curve["customer_share"], curve["value_share"]))
