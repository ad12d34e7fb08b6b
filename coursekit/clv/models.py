"""BG/NBD, Pareto/NBD and Gamma-Gamma models: fitting, predictions and the fixes for lifetimes.

The probabilistic models come from the ``lifetimes`` package (0.11.3), imported only
when a model is fitted (so ``from coursekit import clv`` stays light). Several of its
helpers break on the course stack (pandas 3, numpy 2); this module provides tested
replacements with the same definitions:

* ``utils.calculate_alive_path`` (``fillna(method=)``) -> :func:`alive_path`;
* ``BetaGeoFitter.conditional_probability_alive_matrix`` and the frequency/recency
  matrix of ``plotting`` -> :func:`probability_alive_matrix`, :func:`frequency_recency_matrix`
  (tables; the heatmap is :func:`coursekit.clv.plot_matrix`);
* the grouping of ``plotting.plot_calibration_purchases_vs_holdout_purchases`` ->
  :func:`calibration_holdout_table` (pools "7+").

Every function takes the summary frame and reads ``summary["T"]``, never ``summary.T``
(the transpose; see :func:`coursekit.clv.check_not_transposed`).

Examples
--------
>>> s = simulate_bgnbd(500, seed=0)     # 500 customers observed for 39 weeks
>>> fitted_params(fit_bgnbd(s)).round(2).tolist()
[0.26, 5.86, 0.69, 3.13]
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from ..transactions.log import purchase_log
from .summary import _check_summary, _check_unit, check_not_transposed

__all__ = [
    "simulate_bgnbd",
    "fit_bgnbd",
    "fit_pareto_nbd",
    "fit_gamma_gamma",
    "fitted_params",
    "expected_purchases",
    "probability_alive",
    "alive_path",
    "calibration_holdout_table",
    "frequency_recency_matrix",
    "probability_alive_matrix",
]


# ----------------------------------------------------------------------------------------------
# lifetimes, imported lazily
# ----------------------------------------------------------------------------------------------
def _lifetimes():
    """Import lifetimes without the pandas-4 deprecation warning its ``utils`` module emits on import."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*mode.chained_assignment.*")
        import lifetimes
    return lifetimes


def _check_fitted(model, name: str = "model") -> None:
    params = getattr(model, "params_", None)
    if params is None or not hasattr(model, "conditional_expected_number_of_purchases_up_to_time"):
        raise TypeError(
            f"{name} must be a fitted lifetimes model (BetaGeoFitter or ParetoNBDFitter from "
            f"fit_bgnbd / fit_pareto_nbd), got {type(model).__name__}"
        )


# ----------------------------------------------------------------------------------------------
# simulated customers (for examples and exercises)
# ----------------------------------------------------------------------------------------------
def simulate_bgnbd(
    n: int = 500,
    *,
    r: float = 0.243,
    alpha: float = 4.414,
    a: float = 0.793,
    b: float = 2.426,
    T: float = 39.0,
    spend: tuple[float, float, float] | None = (6.25, 3.74, 15.44),
    seed: int = 0,
) -> pd.DataFrame:
    """Simulate a summary frame of customers who follow the BG/NBD (and Gamma-Gamma) model.

    Each customer buys at a Poisson rate lambda ~ Gamma(r, scale 1/alpha) while alive and
    drops out after any purchase with probability p ~ Beta(a, b); everybody is observed
    for ``T`` units after the first purchase. Defaults are the CDNOW estimates in weeks.
    With ``spend = (p, q, gamma)`` every purchase value is Gamma(p, scale 1/nu) with
    nu ~ Gamma(q, scale 1/gamma), as the Gamma-Gamma model assumes.

    Parameters
    ----------
    n : int
        Number of customers.
    r, alpha, a, b : float
        BG/NBD parameters.
    T : float
        Observation length per customer.
    spend : tuple of float or None
        Gamma-Gamma parameters (p, q, gamma); None leaves out ``monetary_value``.
    seed : int
        Random seed.

    Returns
    -------
    DataFrame
        Indexed by ``customer_id`` 1..n: frequency, recency, T [, monetary_value].

    Examples
    --------
    >>> s = simulate_bgnbd(1000, seed=1)
    >>> s.shape
    (1000, 4)
    >>> bool((s["recency"] <= s["T"]).all())
    True
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n must be a whole number of at least 1, got {n!r}")
    for name, val in (("r", r), ("alpha", alpha), ("a", a), ("b", b), ("T", T)):
        v.require_in_range(val, name, 0, inclusive=False)
    rng = np.random.default_rng(seed)
    lam = rng.gamma(r, 1 / alpha, n)
    p = rng.beta(a, b, n)
    freq = np.zeros(n, dtype=np.int64)
    rec = np.zeros(n)
    now = np.zeros(n)
    active = np.ones(n, dtype=bool)
    while active.any():
        idx = np.flatnonzero(active)
        with np.errstate(divide="ignore"):
            now[idx] += rng.exponential(1 / np.maximum(lam[idx], 1e-300))
        bought = now[idx] <= T
        hit = idx[bought]
        freq[hit] += 1
        rec[hit] = now[hit]
        dies = rng.random(len(hit)) < p[hit]
        active[idx[~bought]] = False
        active[hit[dies]] = False
    out = pd.DataFrame(
        {"frequency": freq, "recency": rec, "T": float(T)}, index=pd.RangeIndex(1, n + 1, name="customer_id")
    )
    if spend is not None:
        sp, sq, sg = (v.require_in_range(x, name, 0, inclusive=False) for x, name in zip(spend, ("p", "q", "gamma")))
        nu = rng.gamma(sq, 1 / sg, n)
        total = rng.gamma(sp * np.maximum(freq, 1), 1 / nu)
        out["monetary_value"] = np.where(freq > 0, total / np.maximum(freq, 1), 0.0)
    return out


# ----------------------------------------------------------------------------------------------
# model fitting
# ----------------------------------------------------------------------------------------------
def _fit_quietly(model, *args, **kwargs):
    with warnings.catch_warnings():
        # autograd / scipy emit RuntimeWarnings while the optimiser probes extreme parameters
        warnings.simplefilter("ignore", RuntimeWarning)
        return model.fit(*args, **kwargs)


def fit_bgnbd(summary: pd.DataFrame, *, penalizer_coef: float = 0.0, **fit_kwargs):
    """Fit the BG/NBD model (Fader, Hardie & Lee 2005) to a summary frame.

    Parameters
    ----------
    summary : DataFrame
        From :func:`summarize` or :func:`calibration_holdout` (columns frequency, recency, T).
    penalizer_coef : float
        L2 penalty on the parameters; 0 gives the maximum-likelihood estimates.
    **fit_kwargs
        Passed to ``lifetimes.BetaGeoFitter.fit`` (e.g. ``initial_params``).

    Returns
    -------
    lifetimes.BetaGeoFitter
        Fitted model; ``fitted_params(model)`` gives r, alpha, a, b.

    Notes
    -----
    On the CDNOW sample (2,357 customers, ``load_cdnow("sample")``) summarised with
    ``summarize(tx[tx.date <= "1997-09-30"], end="1997-09-30", unit="W")`` (39-week
    calibration) it reproduces Fader, Hardie & Lee (2005): r 0.243, alpha 4.414,
    a 0.793, b 2.426 (tested).

    Examples
    --------
    >>> s = simulate_bgnbd(500, seed=0)     # 500 customers observed for 39 weeks
    >>> type(fit_bgnbd(s)).__name__
    'BetaGeoFitter'
    """
    _check_summary(summary)
    v.require_in_range(penalizer_coef, "penalizer_coef", 0)
    return _fit_quietly(
        _lifetimes().BetaGeoFitter(penalizer_coef=penalizer_coef),
        summary["frequency"],
        summary["recency"],
        summary["T"],
        index=summary.index,
        **fit_kwargs,
    )


def fit_pareto_nbd(summary: pd.DataFrame, *, penalizer_coef: float = 0.0, **fit_kwargs):
    """Fit the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987) to a summary frame.

    Parameters
    ----------
    summary : DataFrame
        Columns frequency, recency, T (see :func:`summarize`).
    penalizer_coef : float
        L2 penalty on the parameters; 0 gives the maximum-likelihood estimates.
    **fit_kwargs
        Passed to ``lifetimes.ParetoNBDFitter.fit`` (default optimiser: Nelder-Mead).

    Returns
    -------
    lifetimes.ParetoNBDFitter
        Fitted model; ``fitted_params(model)`` gives r, alpha, s, beta.

    Notes
    -----
    On the 39-week CDNOW calibration summary (see :func:`fit_bgnbd`) it reproduces the
    published r 0.55, alpha 10.58, s 0.61, beta 11.67 (tested). Takes a few seconds.

    Examples
    --------
    >>> s = simulate_bgnbd(500, seed=0)     # 500 customers observed for 39 weeks
    >>> list(fitted_params(fit_pareto_nbd(s)).index)
    ['r', 'alpha', 's', 'beta']
    """
    _check_summary(summary)
    v.require_in_range(penalizer_coef, "penalizer_coef", 0)
    return _fit_quietly(
        _lifetimes().ParetoNBDFitter(penalizer_coef=penalizer_coef),
        summary["frequency"],
        summary["recency"],
        summary["T"],
        index=summary.index,
        **fit_kwargs,
    )


def fit_gamma_gamma(summary: pd.DataFrame, *, penalizer_coef: float = 0.0, **fit_kwargs):
    """Fit the Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV") on repeat buyers.

    The model describes the average value of *repeat* purchases, so only customers
    with ``frequency > 0`` (and a positive ``monetary_value``) enter the fit; the
    others are counted in a :class:`~coursekit.CourseKitDataNote`. The model
    assumes spend per purchase is independent of purchase frequency: check
    ``summary[["frequency", "monetary_value"]].corr()`` is close to 0.

    Parameters
    ----------
    summary : DataFrame
        Columns frequency, recency, T, monetary_value (see :func:`summarize`).
    penalizer_coef : float
        L2 penalty on the parameters; 0 gives the maximum-likelihood estimates.
    **fit_kwargs
        Passed to ``lifetimes.GammaGammaFitter.fit``.

    Returns
    -------
    lifetimes.GammaGammaFitter
        Fitted model; ``fitted_params(model)`` gives p, q, v (v is gamma in the paper).
        ``model.data.attrs["notes"]`` keeps the exclusion note.

    Notes
    -----
    The published CDNOW estimates p 6.25, q 3.74, gamma 15.44 (Fader, Hardie & Lee
    2005, "RFM and CLV") come from the 946 repeat buyers of the *39-week calibration*
    summary (end 1997-09-30, unit W; ``monetary_value`` = mean repeat-day total, the
    ``zbar`` of lifetimes' ``cdnow_customers_summary_with_transactions.csv``), not from
    the full period to 1998-06-30 (that gives p 4.68, q 4.19, gamma 24.39). Tested.

    Examples
    --------
    >>> import warnings
    >>> s = simulate_bgnbd(2000, seed=0)       # Gamma-Gamma spend p 6.25, q 3.74, gamma 15.44
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     ggf = fit_gamma_gamma(s)
    >>> str(w[0].message)
    '1172 of 2000 customers left out of the Gamma-Gamma fit: 1172 without a repeat purchase (frequency 0), 0 with monetary_value 0'
    >>> par = fitted_params(ggf)             # mean spend per purchase p * v / (q - 1); true 35.2
    >>> round(float(par["p"] * par["v"] / (par["q"] - 1)), 1)
    35.7
    """
    _check_summary(summary, monetary=True)
    v.require_in_range(penalizer_coef, "penalizer_coef", 0)
    no_repeat = summary["frequency"] <= 0
    zero_value = ~no_repeat & (summary["monetary_value"] <= 0)
    keep = ~(no_repeat | zero_value)
    if keep.sum() < 2:
        raise ValueError(
            f"summary has {int(keep.sum())} repeat buyer(s) with a positive monetary_value; "
            "the Gamma-Gamma model needs several"
        )
    rep = summary[keep]
    model = _fit_quietly(
        _lifetimes().GammaGammaFitter(penalizer_coef=penalizer_coef),
        rep["frequency"],
        rep["monetary_value"],
        index=rep.index,
        **fit_kwargs,
    )
    n_out = int((~keep).sum())
    if n_out:
        v.note(
            i18n._(
                "{n} of {total} customers left out of the Gamma-Gamma fit: {no_repeat} without a repeat purchase "
                "(frequency 0), {zero} with monetary_value 0",
                n=n_out,
                total=len(summary),
                no_repeat=int(no_repeat.sum()),
                zero=int(zero_value.sum()),
            ),
            getattr(model, "data", None),
        )
    return model


def fitted_params(model) -> pd.Series:
    """The fitted parameters of a lifetimes model as a tidy Series.

    Parameters
    ----------
    model : fitted lifetimes model
        BetaGeoFitter (r, alpha, a, b), ParetoNBDFitter (r, alpha, s, beta) or
        GammaGammaFitter (p, q, v).

    Returns
    -------
    Series
        Indexed by parameter name (index name ``parameter``), named after the model.

    Examples
    --------
    >>> s = simulate_bgnbd(500, seed=0)     # 500 customers observed for 39 weeks
    >>> fitted_params(fit_bgnbd(s)).index.tolist()
    ['r', 'alpha', 'a', 'b']
    """
    params = getattr(model, "params_", None)
    if params is None:
        raise TypeError(f"model must be a fitted lifetimes model, got {type(model).__name__}")
    out = pd.Series(np.asarray(params, dtype=float), index=pd.Index(list(params.index), name="parameter"))
    out.name = type(model).__name__
    return out


# ----------------------------------------------------------------------------------------------
# predictions
# ----------------------------------------------------------------------------------------------
def _note_overflow(values: pd.Series) -> None:
    """Report customers whose model value is missing (a numerical overflow inside lifetimes)."""
    bad = values.isna()
    if bad.any():
        v.note(
            i18n._(
                "{n} customer(s) have no {what}: numerical overflow in the model (lifetimes; very frequent buyers), "
                "e.g. {example!r}",
                n=int(bad.sum()),
                what=values.name,
                example=values.index[bad.to_numpy()][0],
            ),
            values,
        )


def expected_purchases(model, summary: pd.DataFrame, t: float) -> pd.Series:
    """Expected number of purchases of each customer in the next ``t`` time units.

    Uses ``summary["T"]`` (never ``summary.T``, the transpose).

    Parameters
    ----------
    model : fitted BetaGeoFitter or ParetoNBDFitter
    summary : DataFrame
        Columns frequency, recency, T in the unit the model was fitted in.
    t : float
        Horizon, in the same unit.

    Returns
    -------
    Series
        ``expected_purchases``, indexed by customer id.

    Examples
    --------
    >>> s = simulate_bgnbd(500, seed=0)     # 500 customers observed for 39 weeks
    >>> e = expected_purchases(fit_bgnbd(s), s, 10)
    >>> len(e), bool((e >= 0).all())
    (500, True)
    """
    _check_fitted(model)
    _check_summary(summary)
    v.require_in_range(t, "t", 0)
    f, r, age = summary["frequency"], summary["recency"], summary["T"]
    check_not_transposed(f, r, age)
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)  # overflow inside lifetimes: reported below
        values = model.conditional_expected_number_of_purchases_up_to_time(t, f, r, age)
    out = pd.Series(np.asarray(values, dtype=float), index=summary.index, name="expected_purchases")
    _note_overflow(out)
    return out


def probability_alive(model, summary: pd.DataFrame) -> pd.Series:
    """Probability that each customer is still active (存活概率) at the end of the summary period.

    Parameters
    ----------
    model : fitted BetaGeoFitter or ParetoNBDFitter
    summary : DataFrame
        Columns frequency, recency, T.

    Returns
    -------
    Series
        ``p_alive`` in [0, 1], indexed by customer id.

    Examples
    --------
    >>> s = simulate_bgnbd(500, seed=0)     # 500 customers observed for 39 weeks
    >>> p = probability_alive(fit_bgnbd(s), s)
    >>> bool(p[s["frequency"] == 0].eq(1).all())   # BG/NBD: no repeat purchase, no chance to drop out
    True
    """
    _check_fitted(model)
    _check_summary(summary)
    f, r, age = summary["frequency"], summary["recency"], summary["T"]
    check_not_transposed(f, r, age)
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)  # overflow inside lifetimes: reported below
        values = model.conditional_probability_alive(f, r, age)
    out = pd.Series(np.asarray(values, dtype=float), index=summary.index, name="p_alive")
    _note_overflow(out)
    return out


def alive_path(
    model,
    transactions: pd.DataFrame,
    customer_id,
    end,
    *,
    unit: str = "D",
    customer_col: str = "customer_id",
    date_col: str = "date",
) -> pd.DataFrame:
    """Day-by-day probability that one customer is alive, from the first purchase to ``end``.

    Replacement for ``lifetimes.utils.calculate_alive_path`` (which raises on pandas 3:
    ``fillna(method=...)``). On every day the customer's history so far is summarised as in
    :func:`summarize` and passed to the model, so the last row equals
    ``probability_alive(model, summarize(...))`` for this customer.

    Parameters
    ----------
    model : fitted BetaGeoFitter or ParetoNBDFitter
        Fitted in time unit ``unit``.
    transactions : DataFrame
        Transaction log (all customers or just this one).
    customer_id : scalar
        The customer to follow.
    end : date-like
        Last day of the path.
    unit : {"D", "W", "M"}
        Time unit the model was fitted in.
    customer_col, date_col : str
        Column names.

    Returns
    -------
    DataFrame
        Indexed by date (daily), columns ``purchase`` (bool), ``frequency``, ``recency``,
        ``T`` (in ``unit``) and ``p_alive``.

    Examples
    --------
    >>> import pandas as pd
    >>> bgf = fit_bgnbd(simulate_bgnbd(500, seed=0))      # a model in weeks
    >>> tx = pd.DataFrame({"customer_id": [7, 7], "date": pd.to_datetime(["2025-01-01", "2025-01-15"])})
    >>> path = alive_path(bgf, tx, 7, "2025-03-31", unit="W")
    >>> path.iloc[[0, 14, -1]].round(3)  # doctest: +NORMALIZE_WHITESPACE
                purchase  frequency  recency       T  p_alive
    date
    2025-01-01      True          0      0.0   0.000    1.000
    2025-01-15      True          1      2.0   2.000    0.819
    2025-03-31     False          1      2.0  12.714    0.605
    """
    _check_fitted(model)
    mult = _check_unit(unit)
    v.require_frame(transactions, "transactions")
    v.require_columns(transactions, [customer_col, date_col], "transactions")
    rows = transactions[transactions[customer_col] == customer_id]
    if rows.empty:
        raise ValueError(f"transactions has no rows for {customer_col} {customer_id!r}")
    log = purchase_log(rows, end, customer_col=customer_col, date_col=date_col, amount_col=None)
    if len(log.day) == 0:
        raise ValueError(f"{customer_col} {customer_id!r} has no purchase on or before the end {log.end:%Y-%m-%d}")
    pdays, end_day = log.day, log.end_day
    grid = np.arange(pdays[0], end_day + 1, dtype=np.int64)
    n_so_far = np.searchsorted(pdays, grid, side="right")
    last = pdays[n_so_far - 1]
    out = pd.DataFrame(
        {
            "purchase": np.isin(grid, pdays),
            "frequency": (n_so_far - 1).astype(np.int64),
            "recency": (last - pdays[0]) / mult,
            "T": (grid - pdays[0]) / mult,
        },
        index=pd.DatetimeIndex(grid.astype("datetime64[D]").astype("datetime64[ns]"), name=date_col),
    )
    out["p_alive"] = np.asarray(
        model.conditional_probability_alive(out["frequency"], out["recency"], out["T"]), dtype=float
    )
    out.attrs["customer_id"] = customer_id
    return out


def calibration_holdout_table(model, cal_hold: pd.DataFrame, *, max_frequency: int = 7) -> pd.DataFrame:
    """Actual vs expected holdout purchases, averaged by calibration frequency (the classic validation).

    Parameters
    ----------
    model : fitted BetaGeoFitter or ParetoNBDFitter, or dict
        Fitted on the calibration columns of ``cal_hold``; or ``{name: model}`` to compare
        several models side by side (one column per name instead of ``expected``).
    cal_hold : DataFrame
        From :func:`calibration_holdout`.
    max_frequency : int
        Customers with ``frequency >= max_frequency`` are pooled in the last row
        ("7+" in Fader, Hardie & Lee 2005, Figure 4).

    Returns
    -------
    DataFrame
        Indexed by ``frequency`` (calibration repeat purchases, last row pooled), columns
        ``customers``, ``actual`` (mean holdout purchases) and ``expected`` (mean model prediction).

    Examples
    --------
    >>> ch = simulate_bgnbd(500, seed=0).assign(frequency_holdout=lambda d: d["frequency"] // 2,
    ...                                         duration_holdout=39.0)
    >>> calibration_holdout_table(fit_bgnbd(ch), ch, max_frequency=2).index.tolist()
    ['0', '1', '2+']
    >>> calibration_holdout_table({"bg_nbd": fit_bgnbd(ch)}, ch, max_frequency=2).columns.tolist()
    ['customers', 'actual', 'bg_nbd']
    """
    if isinstance(model, dict):
        if not model:
            raise ValueError("model is an empty dict: give {name: fitted model}")
        tables = {
            name: calibration_holdout_table(m, cal_hold, max_frequency=max_frequency) for name, m in model.items()
        }
        first = next(iter(tables.values()))
        out = first[["customers", "actual"]].copy()
        for name, table in tables.items():
            out[name] = table["expected"]
        return out
    _check_fitted(model)
    _check_summary(cal_hold, "cal_hold")
    v.require_columns(cal_hold, ["frequency_holdout", "duration_holdout"], "cal_hold")
    if not isinstance(max_frequency, (int, np.integer)) or max_frequency < 1:
        raise ValueError(f"max_frequency must be a whole number of at least 1, got {max_frequency!r}")
    duration = v.numeric_column(cal_hold, "duration_holdout", "cal_hold", allow_negative=False)
    if duration.nunique() != 1:
        raise ValueError("cal_hold column 'duration_holdout' must be the same for every customer")
    expected = expected_purchases(model, cal_hold, float(duration.iloc[0]))
    freq = cal_hold["frequency"].astype(int).clip(upper=max_frequency)
    table = (
        pd.DataFrame({"frequency": freq, "actual": cal_hold["frequency_holdout"].astype(float), "expected": expected})
        .groupby("frequency")
        .agg(customers=("actual", "size"), actual=("actual", "mean"), expected=("expected", "mean"))
    )
    table.index = [f"{k}+" if k == max_frequency else str(k) for k in table.index]
    table.index.name = "frequency"
    return table


def _matrix_grid(model, max_frequency, max_recency):
    _check_fitted(model)
    data = getattr(model, "data", None)
    if max_frequency is None:
        max_frequency = int(data["frequency"].max())
    if max_recency is None:
        max_recency = int(np.ceil(data["T"].max()))
    for name, val in (("max_frequency", max_frequency), ("max_recency", max_recency)):
        if not isinstance(val, (int, np.integer)) or val < 1:
            raise ValueError(f"{name} must be a whole number of at least 1, got {val!r}")
    f = np.arange(max_frequency + 1, dtype=float)
    r = np.arange(max_recency + 1, dtype=float)
    F, R = np.meshgrid(f, r, indexing="ij")
    return f, r, F, R, float(max_recency)


def _matrix_frame(values, f, r, F, R, kind, attrs):
    values = np.where((F == 0) & (R > 0), np.nan, values)  # frequency 0 implies recency 0
    out = pd.DataFrame(
        values, index=pd.Index(f.astype(int), name="frequency"), columns=pd.Index(r.astype(int), name="recency")
    )
    out.attrs.update(kind=kind, **attrs)
    return out


def frequency_recency_matrix(
    model, *, t: float = 1.0, max_frequency: int | None = None, max_recency: int | None = None, unit: str = "D"
) -> pd.DataFrame:
    """Expected purchases in the next ``t`` units for every (frequency, recency) pair.

    All customers have age T = ``max_recency`` (as in lifetimes' plot_frequency_recency_matrix).
    Cells with frequency 0 and recency > 0 cannot occur and are NaN.

    Parameters
    ----------
    model : fitted BetaGeoFitter or ParetoNBDFitter
    t : float
        Horizon in the model's time unit.
    max_frequency, max_recency : int, optional
        Size of the grid (default: largest frequency and ceil(largest T) in the fitted data).
    unit : {"D", "W", "M"}
        The model's time unit, kept for the chart labels.

    Returns
    -------
    DataFrame
        Index ``frequency`` 0..max_frequency, columns ``recency`` 0..max_recency.

    Examples
    --------
    >>> s = simulate_bgnbd(500, seed=0)     # 500 customers observed for 39 weeks
    >>> m = frequency_recency_matrix(fit_bgnbd(s), t=10, max_frequency=3, max_recency=5)
    >>> m.shape
    (4, 6)
    """
    _check_unit(unit)
    v.require_in_range(t, "t", 0)
    f, r, F, R, age = _matrix_grid(model, max_frequency, max_recency)
    values = np.asarray(
        model.conditional_expected_number_of_purchases_up_to_time(t, F.ravel(), R.ravel(), np.full(F.size, age)),
        dtype=float,
    ).reshape(F.shape)
    return _matrix_frame(values, f, r, F, R, "expected_purchases", {"t": float(t), "T": age, "unit": unit})


def probability_alive_matrix(
    model, *, max_frequency: int | None = None, max_recency: int | None = None, unit: str = "D"
) -> pd.DataFrame:
    """Probability alive for every (frequency, recency) pair of customers aged T = ``max_recency``.

    Layout as in :func:`frequency_recency_matrix`.

    Parameters
    ----------
    model : fitted BetaGeoFitter or ParetoNBDFitter
    max_frequency, max_recency : int, optional
        Size of the grid (default: largest frequency and ceil(largest T) in the fitted data).
    unit : {"D", "W", "M"}
        The model's time unit, kept for the chart labels.

    Returns
    -------
    DataFrame
        Index ``frequency`` 0..max_frequency, columns ``recency`` 0..max_recency.

    Examples
    --------
    >>> s = simulate_bgnbd(500, seed=0)     # 500 customers observed for 39 weeks
    >>> m = probability_alive_matrix(fit_bgnbd(s), max_frequency=3, max_recency=5)
    >>> bool(m.iloc[1, 5] > m.iloc[1, 1])   # a recent buyer is more likely alive
    True
    """
    _check_unit(unit)
    f, r, F, R, age = _matrix_grid(model, max_frequency, max_recency)
    values = np.asarray(
        model.conditional_probability_alive(F.ravel(), R.ravel(), np.full(F.size, age)), dtype=float
    ).reshape(F.shape)
    return _matrix_frame(values, f, r, F, R, "p_alive", {"T": age, "unit": unit})
