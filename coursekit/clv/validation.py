"""Checking a purchase model on a holdout period, and reading P(alive) with the silence behind it.

Examples
--------
>>> HOLDOUT_COLUMNS[:3]
('customers', 'actual', 'predicted')
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from .._validate import CourseKitDataNote
from .models import _check_fitted, expected_purchases, probability_alive
from .summary import _check_summary

__all__ = [
    "HOLDOUT_COLUMNS",
    "holdout_summary",
    "holdout_predictions",
    "alive_table",
    "compare_params",
    "spend_frequency_correlation",
]

#: Columns of :func:`holdout_summary`.
HOLDOUT_COLUMNS = ("customers", "actual", "predicted", "error_pct", "mae", "actual_mean", "correlation")


def holdout_summary(models, cal_hold: pd.DataFrame) -> pd.DataFrame:
    """Predicted vs actual holdout purchases, in total and per customer, for one or more models.

    For each model: the actual and predicted number of purchases of all customers in the
    holdout period, the error of the total in percent ((predicted - actual) / actual x 100:
    negative = under-prediction), the mean absolute error per customer (purchases), the mean
    actual purchases per customer (to judge the error against) and the correlation between
    predicted and actual purchases per customer. A customer for whom a model gives no
    prediction (a numerical overflow inside lifetimes) is left out of that model's row (noted).

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
    actual_all = v.numeric_column(cal_hold, "frequency_holdout", "cal_hold", allow_negative=False).astype(float)
    rows, notes = {}, []
    for name, model in named.items():
        _check_fitted(model, str(name))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CourseKitDataNote)  # reported once below, with the model name
            predicted = expected_purchases(model, cal_hold, float(duration.iloc[0]))
        missing = predicted.isna()
        if missing.any():
            notes.append(
                i18n._(
                    "{model}: {n} customer(s) without a prediction (numerical overflow in the model) left out of "
                    "actual and predicted, e.g. {example!r}",
                    model=name,
                    n=int(missing.sum()),
                    example=cal_hold.index[missing.to_numpy()][0],
                )
            )
        predicted, actual = predicted[~missing], actual_all[~missing]
        with np.errstate(invalid="ignore", divide="ignore"):
            corr = float(np.corrcoef(predicted, actual)[0, 1]) if predicted.std() > 0 and actual.std() > 0 else np.nan
        rows[name] = {
            "customers": len(actual),
            "actual": float(actual.sum()),
            "predicted": float(predicted.sum()),
            "error_pct": float((predicted.sum() - actual.sum()) / actual.sum() * 100) if actual.sum() else np.nan,
            "mae": float((predicted - actual).abs().mean()),
            "actual_mean": float(actual.mean()),
            "correlation": corr,
        }
    out = pd.DataFrame.from_dict(rows, orient="index")[list(HOLDOUT_COLUMNS)]
    out.index.name = "model"
    for message in notes:
        v.note(message, out)
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


def holdout_predictions(model, cal_hold: pd.DataFrame) -> pd.DataFrame:
    """Actual and predicted holdout purchases of every customer, largest misses first.

    Parameters
    ----------
    model : fitted BetaGeoFitter or ParetoNBDFitter
        Fitted on the calibration columns of ``cal_hold``.
    cal_hold : DataFrame
        :func:`calibration_holdout` result.

    Returns
    -------
    DataFrame
        Indexed by customer id: ``frequency`` (calibration), ``actual``, ``predicted`` and
        ``error`` (predicted - actual, purchases), sorted by the size of the error, largest first
        (ties by customer id).

    Examples
    --------
    >>> import pandas as pd
    >>> class Constant:
    ...     params_ = pd.Series({"rate": 1.0})
    ...     def conditional_expected_number_of_purchases_up_to_time(self, t, f, r, T):
    ...         return 0.5 * t + 0 * f
    >>> ch = pd.DataFrame({"frequency": [1, 2], "recency": [1.0, 2.0], "T": [3.0, 3.0],
    ...                    "frequency_holdout": [1, 4], "duration_holdout": [4.0, 4.0]}, index=["A", "B"])
    >>> holdout_predictions(Constant(), ch)  # doctest: +NORMALIZE_WHITESPACE
       frequency  actual  predicted  error
    B          2     4.0        2.0   -2.0
    A          1     1.0        2.0    1.0
    """
    _check_summary(cal_hold, "cal_hold")
    v.require_columns(cal_hold, ["frequency_holdout", "duration_holdout"], "cal_hold")
    duration = v.numeric_column(cal_hold, "duration_holdout", "cal_hold", allow_negative=False)
    if duration.nunique() != 1:
        raise ValueError("cal_hold column 'duration_holdout' must be the same for every customer")
    _check_fitted(model)
    out = pd.DataFrame(
        {
            "frequency": cal_hold["frequency"],
            "actual": cal_hold["frequency_holdout"].astype(float),
            "predicted": expected_purchases(model, cal_hold, float(duration.iloc[0])),
        }
    )
    out["error"] = out["predicted"] - out["actual"]
    out = out.sort_index()
    return out.iloc[np.argsort(-out["error"].abs().to_numpy(), kind="stable")]


def compare_params(model, published: dict) -> pd.DataFrame:
    """A fitted model's parameters beside published values (to check a fit against the literature).

    Parameters
    ----------
    model : fitted lifetimes model
    published : dict
        ``{parameter: value}`` as published (e.g. Fader, Hardie & Lee 2005).

    Returns
    -------
    DataFrame
        Indexed by parameter: ``fitted``, ``published`` (missing where not published).

    Examples
    --------
    >>> from coursekit.clv import fit_bgnbd, simulate_bgnbd
    >>> table = compare_params(fit_bgnbd(simulate_bgnbd(500, seed=0)), {"r": 0.243})
    >>> table.columns.tolist(), table.index.tolist()
    (['fitted', 'published'], ['r', 'alpha', 'a', 'b'])
    """
    from .models import fitted_params

    if not isinstance(published, dict):
        raise TypeError(f"published must be a dict {{parameter: value}}, got {type(published).__name__}")
    fitted = fitted_params(model)
    unknown = sorted(set(published) - set(fitted.index))
    if unknown:
        raise ValueError(f"published has parameters the model does not have: {unknown}; model: {list(fitted.index)}")
    out = pd.DataFrame({"fitted": fitted, "published": pd.Series(published, dtype=float).reindex(fitted.index)})
    out.index.name = "parameter"
    return out


def spend_frequency_correlation(summary: pd.DataFrame) -> float:
    """Correlation of spend per purchase and frequency among repeat buyers (Gamma-Gamma's assumption).

    Gamma-Gamma assumes that how much a customer spends per purchase does not depend on how
    often they buy; a correlation near 0 supports it.

    Parameters
    ----------
    summary : DataFrame
        Columns frequency and monetary_value; customers with frequency 0 are left out.

    Returns
    -------
    float
        Pearson correlation.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"frequency": [0, 1, 2, 3], "recency": [0.0, 1, 2, 3], "T": [4.0] * 4,
    ...                   "monetary_value": [0.0, 10.0, 10.0, 40.0]})
    >>> round(spend_frequency_correlation(s), 3)
    0.866
    """
    _check_summary(summary, monetary=True)
    repeat = summary[summary["frequency"] > 0]
    if len(repeat) < 2:
        raise ValueError("summary has fewer than 2 customers with a repeat purchase: no correlation")
    return float(repeat["frequency"].astype(float).corr(repeat["monetary_value"].astype(float)))
