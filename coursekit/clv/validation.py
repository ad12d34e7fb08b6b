"""Checking a purchase model on a holdout period, and reading P(alive) with the silence behind it.

Examples
--------
>>> HOLDOUT_COLUMNS[:3]
('customers', 'actual', 'predicted')
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .models import _check_fitted, expected_purchases, probability_alive
from .summary import _check_summary

__all__ = ["HOLDOUT_COLUMNS", "holdout_summary", "alive_table"]

#: Columns of :func:`holdout_summary`.
HOLDOUT_COLUMNS = ("customers", "actual", "predicted", "error_pct", "mae", "actual_mean", "correlation")


def holdout_summary(models, cal_hold: pd.DataFrame) -> pd.DataFrame:
    """Predicted vs actual holdout purchases, in total and per customer, for one or more models.

    For each model: the actual and predicted number of purchases of all customers in the
    holdout period, the error of the total in percent ((predicted - actual) / actual x 100:
    negative = under-prediction), the mean absolute error per customer (purchases), the mean
    actual purchases per customer (to judge the error against) and the correlation between
    predicted and actual purchases per customer.

    Parameters
    ----------
    models : fitted model or dict
        A fitted BetaGeoFitter / ParetoNBDFitter, or ``{name: model}``.
    cal_hold : DataFrame
        :func:`calibration_holdout` result the models were fitted on.

    Returns
    -------
    DataFrame
        One row per model, columns :data:`HOLDOUT_COLUMNS`.

    Examples
    --------
    >>> import pandas as pd
    >>> class Constant:
    ...     params_ = pd.Series({"rate": 1.0})
    ...     def conditional_expected_number_of_purchases_up_to_time(self, t, f, r, T):
    ...         return 0.5 * t + 0 * f
    >>> ch = pd.DataFrame({"frequency": [1, 2], "recency": [1.0, 2.0], "T": [3.0, 3.0],
    ...                    "frequency_holdout": [1, 4], "duration_holdout": [4.0, 4.0]})
    >>> holdout_summary({"flat": Constant()}, ch).round(3)  # doctest: +NORMALIZE_WHITESPACE
          customers  actual  predicted  error_pct  mae  actual_mean  correlation
    model
    flat          2     5.0        4.0      -20.0  1.5          2.5          NaN
    """
    named = models if isinstance(models, dict) else {type(models).__name__: models}
    if not named:
        raise ValueError("models is empty: give a fitted model or {name: model}")
    _check_summary(cal_hold, "cal_hold")
    v.require_columns(cal_hold, ["frequency_holdout", "duration_holdout"], "cal_hold")
    duration = v.numeric_column(cal_hold, "duration_holdout", "cal_hold", allow_negative=False)
    if duration.nunique() != 1:
        raise ValueError("cal_hold column 'duration_holdout' must be the same for every customer")
    actual = v.numeric_column(cal_hold, "frequency_holdout", "cal_hold", allow_negative=False).astype(float)
    rows = {}
    for name, model in named.items():
        _check_fitted(model, str(name))
        predicted = expected_purchases(model, cal_hold, float(duration.iloc[0]))
        with np.errstate(invalid="ignore", divide="ignore"):
            corr = float(np.corrcoef(predicted, actual)[0, 1]) if predicted.std() > 0 and actual.std() > 0 else np.nan
        rows[name] = {
            "customers": len(cal_hold),
            "actual": float(actual.sum()),
            "predicted": float(predicted.sum()),
            "error_pct": float((predicted.sum() - actual.sum()) / actual.sum() * 100) if actual.sum() else np.nan,
            "mae": float((predicted - actual).abs().mean()),
            "actual_mean": float(actual.mean()),
            "correlation": corr,
        }
    out = pd.DataFrame.from_dict(rows, orient="index")[list(HOLDOUT_COLUMNS)]
    out.index.name = "model"
    return out


def alive_table(model, summary: pd.DataFrame, customers=None) -> pd.DataFrame:
    """Frequency, recency, age, silence and P(alive) of some customers, side by side.

    ``silent`` = T - recency: how long the customer has not bought at the end of the summary
    period, in the summary's time unit (weeks for ``unit="W"``).

    Parameters
    ----------
    model : fitted BetaGeoFitter or ParetoNBDFitter
    summary : DataFrame
        Columns frequency, recency, T.
    customers : list-like, optional
        Customer ids to show, in this order; default all.

    Returns
    -------
    DataFrame
        ``frequency``, ``recency``, ``T``, ``silent``, ``p_alive``.

    Examples
    --------
    >>> import pandas as pd
    >>> from coursekit.clv import fit_bgnbd, simulate_bgnbd
    >>> bgf = fit_bgnbd(simulate_bgnbd(500, seed=0))      # a model in weeks
    >>> s = pd.DataFrame({"frequency": [25, 1], "recency": [27.286, 1.0], "T": [36.857, 30.0]}, index=[3501, 7])
    >>> alive_table(bgf, s).round(3)  # doctest: +NORMALIZE_WHITESPACE
          frequency  recency       T  silent  p_alive
    3501         25   27.286  36.857   9.571    0.061
    7             1    1.000  30.000  29.000    0.360
    """
    _check_summary(summary)
    rows = summary if customers is None else summary.loc[list(customers)]
    out = rows[["frequency", "recency", "T"]].copy()
    out["silent"] = out["T"] - out["recency"]
    out["p_alive"] = probability_alive(model, rows)
    return out
