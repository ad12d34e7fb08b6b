"""Customer lifetime value (客户终身价值, CLV): summaries, BG/NBD, Pareto/NBD, Gamma-Gamma and textbook formulas.

The probabilistic models come from the ``lifetimes`` package (0.11.3). Several
of its helpers break on the course stack (pandas 3, numpy 2, matplotlib 3.11);
this module provides tested replacements with the same definitions:

* ``utils.summary_data_from_transaction_data`` -> :func:`summarize` (lifetimes'
  ``freq="M"`` and ``"H"`` raise; ours takes units D / W / M and is >10x faster);
* ``utils.calibration_and_holdout_data`` ("No objects to concatenate" without a
  monetary column) -> :func:`calibration_holdout`;
* ``utils.calculate_alive_path`` (``fillna(method=)``) -> :func:`alive_path`;
* ``plotting.plot_history_alive`` (sums a date column) -> :func:`plot_history_alive`;
* ``plotting.plot_expected_repeat_purchases`` (matplotlib ``prop_cycler``) ->
  :func:`plot_expected_repeat_purchases`;
* ``GammaGammaFitter.customer_lifetime_value`` (Series only) -> :func:`customer_lifetime_value`;
* ``plotting.plot_calibration_purchases_vs_holdout_purchases`` -> :func:`plot_calibration_holdout`
  (works on :func:`calibration_holdout` frames, pools "7+").

Textbook formulas: :func:`simple_clv` (constant retention), :func:`dwyer_migration`
(customer migration model) and the CLV matrix :func:`clv_quadrant`.

The ``df.T`` pitfall
--------------------
A summary frame has a column named ``T`` (customer age), but ``df.T`` is the
*transpose* of the frame. ``bgf.conditional_probability_alive(df.frequency,
df.recency, df.T)`` silently returns a (4, n) array instead of n values, and
``bgf.predict(t, df.frequency, df.recency, df.T)`` fails with a cryptic
"Cannot apply ufunc hyp2f1 to mixed DataFrame and Series inputs". Always write
``df["T"]``; every helper here takes the summary frame and does so internally,
and :func:`check_not_transposed` catches the mistake in hand-written calls.

Examples
--------
>>> import pandas as pd
>>> tx = pd.DataFrame({"customer_id": [1, 1, 1, 2],
...                    "date": pd.to_datetime(["2025-01-01", "2025-01-01", "2025-01-15", "2025-01-10"]),
...                    "amount": [10.0, 5.0, 30.0, 8.0]})
>>> summarize(tx, end="2025-01-31")  # doctest: +NORMALIZE_WHITESPACE
             frequency  recency     T  monetary_value
customer_id
1                    1     14.0  30.0            30.0
2                    0      0.0  21.0             0.0
"""
from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from . import _validate as v
from .i18n import tr

__all__ = [
    "UNIT_DAYS",
    "summarize",
    "simulate_bgnbd",
    "calibration_holdout",
    "check_not_transposed",
    "fit_bgnbd",
    "fit_pareto_nbd",
    "fit_gamma_gamma",
    "fitted_params",
    "expected_purchases",
    "probability_alive",
    "alive_path",
    "plot_history_alive",
    "calibration_holdout_table",
    "plot_calibration_holdout",
    "plot_expected_repeat_purchases",
    "frequency_recency_matrix",
    "probability_alive_matrix",
    "plot_matrix",
    "customer_lifetime_value",
    "simple_clv",
    "dwyer_matrix",
    "dwyer_migration",
    "CLV_QUADRANT_CELLS",
    "clv_quadrant",
    "clv_quadrant_summary",
]

#: Length of one time unit in days. "M" is the mean Gregorian month (365.25 / 12 days).
UNIT_DAYS = {"D": 1.0, "W": 7.0, "M": 30.4375}
_UNIT_NAMES = {"D": ("days", "天"), "W": ("weeks", "周"), "M": ("months", "月")}
#: Units of the model's time scale per month, as lifetimes' ``_customer_lifetime_value`` defines them.
_LIFETIMES_UNITS_PER_MONTH = {"D": 30.0, "W": 4.345, "M": 1.0}
_SUMMARY_COLUMNS = ("frequency", "recency", "T")


# ----------------------------------------------------------------------------------------------
# validation helpers
# ----------------------------------------------------------------------------------------------
def _lifetimes():
    """Import lifetimes without the pandas-4 deprecation warning its ``utils`` module emits on import."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*mode.chained_assignment.*")
        import lifetimes
    return lifetimes


def _check_unit(unit, name: str = "unit") -> float:
    if not isinstance(unit, str) or unit not in UNIT_DAYS:
        raise ValueError(
            f"{name} must be one of 'D' (days), 'W' (weeks = 7 days) or 'M' (months = 30.4375 days), "
            f"got {unit!r}"
        )
    return UNIT_DAYS[unit]


def _unit_label(unit: str) -> str:
    en, zh = _UNIT_NAMES.get(unit, (unit, unit))
    return tr(en, zh)


def _check_summary(summary, name: str = "summary", *, monetary: bool = False) -> pd.DataFrame:
    """Validate a lifetimes-style summary frame (frequency, recency, T [, monetary_value])."""
    v.require_frame(summary, name)
    cols = list(_SUMMARY_COLUMNS) + (["monetary_value"] if monetary else [])
    v.require_columns(summary, cols, name)
    v.require_unique_index(summary, name)
    values = {c: v.numeric_column(summary, c, name, allow_negative=False) for c in cols}
    f, r, t = values["frequency"], values["recency"], values["T"]
    if ((f - np.round(f)).abs() > 1e-9).any():
        raise ValueError(f"{name} column 'frequency' must hold whole numbers (repeat purchase days)")
    if (r > t + 1e-9).any():
        bad = summary.index[(r > t + 1e-9).to_numpy()][0]
        raise ValueError(f"{name} column 'recency' is larger than 'T' for customer {bad!r}")
    if ((f == 0) & (r > 0)).any():
        bad = summary.index[((f == 0) & (r > 0)).to_numpy()][0]
        raise ValueError(f"{name} column 'recency' must be 0 when 'frequency' is 0 (customer {bad!r})")
    return summary


def _check_fitted(model, name: str = "model") -> None:
    params = getattr(model, "params_", None)
    if params is None or not hasattr(model, "conditional_expected_number_of_purchases_up_to_time"):
        raise TypeError(
            f"{name} must be a fitted lifetimes model (BetaGeoFitter or ParetoNBDFitter from "
            f"fit_bgnbd / fit_pareto_nbd), got {type(model).__name__}"
        )


def check_not_transposed(frequency, recency, T) -> None:
    """Guard against the ``df.T`` pitfall: raise when the three model inputs do not line up.

    A summary frame has a column named ``T``, but ``df.T`` is the transpose of the
    frame: ``model.conditional_probability_alive(df.frequency, df.recency, df.T)``
    then returns a (4, n) array without any error. Call this before a hand-written
    model call.

    Parameters
    ----------
    frequency, recency, T : Series or array-like
        One value per customer each.

    Raises
    ------
    ValueError
        When an input is a DataFrame or 2-D, or the lengths differ.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"frequency": [1, 0], "recency": [5.0, 0.0], "T": [9.0, 4.0]})
    >>> check_not_transposed(df["frequency"], df["recency"], df["T"])
    >>> check_not_transposed(df.frequency, df.recency, df.T)
    Traceback (most recent call last):
    ...
    ValueError: T is a DataFrame, not one value per customer: df.T is the transpose of the frame; write df["T"]
    """
    lengths = {}
    for name, values in (("frequency", frequency), ("recency", recency), ("T", T)):
        if isinstance(values, pd.DataFrame) or np.ndim(values) > 1:
            raise ValueError(
                f"{name} is a DataFrame, not one value per customer: "
                f'df.T is the transpose of the frame; write df["T"]'
            )
        lengths[name] = np.size(values)
    if len(set(lengths.values())) > 1:
        raise ValueError(
            f"frequency, recency and T must have one value per customer each, got lengths {lengths} "
            f'(did you write df.T, the transpose, instead of df["T"]?)'
        )


# ----------------------------------------------------------------------------------------------
# transaction log -> summary
# ----------------------------------------------------------------------------------------------
def _prepare_transactions(transactions, end, customer_col, date_col, amount_col, name):
    """Validate and return (customer codes, customer ids, days as int64, amounts or None, end day)."""
    v.require_frame(transactions, name)
    cols = [customer_col, date_col] + ([amount_col] if amount_col is not None else [])
    v.require_columns(transactions, cols, name)
    v.require_no_missing(transactions, customer_col, name)
    end_ts = v.as_timestamp(end, "end").normalize()
    dates = v.date_column(transactions, date_col, name)
    # whole calendar days: a purchase at 15:00 on the end date is inside the period
    days = dates.to_numpy().astype("datetime64[ns]").view(np.int64) // 86_400_000_000_000  # whole days since 1970
    end_day = np.datetime64(end_ts, "D").astype(np.int64)
    late = days > end_day
    if late.any():
        first = dates[late].iloc[0].date()
        raise ValueError(
            f"{name} column {date_col!r} has {int(late.sum())} date(s) after the observation end "
            f"{end_ts.date()}, e.g. {first}; filter them out first or choose a later end"
        )
    amounts = None
    if amount_col is not None:
        raw = transactions[amount_col]
        if pd.api.types.is_numeric_dtype(raw) and not pd.api.types.is_bool_dtype(raw):
            amounts = raw.to_numpy(dtype=float, na_value=np.nan)  # fast path for 1M rows
            if np.isnan(amounts).any():
                v.require_no_missing(transactions, amount_col, name)
            if np.isinf(amounts).any():
                raise ValueError(f"{name} column {amount_col!r} has infinite values")
        else:
            amounts = v.numeric_column(transactions, amount_col, name).to_numpy()
        if (amounts < 0).any():
            neg = amounts[amounts < 0]
            raise ValueError(
                f"{name} column {amount_col!r} must not be negative; {len(neg)} value(s) are, e.g. {neg[0]:g}. "
                "Net returns into their orders first (coursekit.transactions.net_orders) or drop them, "
                "so that every row is a purchase"
            )
    # factorize in order of appearance (hash, fast), then renumber so that codes follow sorted ids
    codes, ids = pd.factorize(transactions[customer_col], sort=False)
    ids = pd.Index(ids, name=customer_col)
    try:
        by_id = ids.argsort()
    except TypeError:  # ids of mixed types: keep the order of appearance
        by_id = np.arange(len(ids))
    rank = np.empty(len(ids), dtype=np.int64)
    rank[by_id] = np.arange(len(ids))
    return rank[codes], ids[by_id], days, amounts, end_day


def _purchase_days(codes, days, amounts, n_customers):
    """Unique (customer, day) pairs sorted by customer then day, with each day's total amount.

    Returns (pair_customer, pair_day, pair_amount or None).
    """
    day0 = days.min() if len(days) else 0
    span = np.int64(days.max() - day0 + 1) if len(days) else np.int64(1)
    key = codes * span + (days - day0)
    n = len(key)
    nbits = max(int(n - 1).bit_length(), 1)
    if n and int(key.max()).bit_length() + nbits <= 62:
        # argsort by sorting values: pack (key, row) into one int64; np.sort is several times faster
        packed = (key << nbits) | np.arange(n, dtype=np.int64)
        packed.sort()
        order = packed & ((1 << nbits) - 1)
        skey = packed >> nbits
    else:
        order = np.argsort(key)
        skey = key[order]
    new = np.empty(len(skey), dtype=bool)
    if len(skey):
        new[0] = True
        np.not_equal(skey[1:], skey[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    ukey = skey[starts]
    pair_customer = ukey // span
    pair_day = ukey % span + day0
    pair_amount = None
    if amounts is not None:
        pair_amount = np.add.reduceat(amounts[order], starts) if len(starts) else np.zeros(0)
    return pair_customer, pair_day, pair_amount


def _summary_from_pairs(pair_customer, pair_day, pair_amount, ids, end_day, mult, *, n_customers):
    """lifetimes-style summary from purchase days sorted by customer, then day.

    Customers without a purchase day among the pairs are left out.
    """
    counts = np.bincount(pair_customer, minlength=n_customers)
    has = counts > 0
    cstart = np.concatenate([[0], np.cumsum(counts)[:-1]])[has]
    n = counts[has]
    first = pair_day[cstart]
    last = pair_day[cstart + n - 1]
    out = pd.DataFrame(
        {
            "frequency": (n - 1).astype(np.int64),
            "recency": (last - first) / mult,
            "T": (end_day - first) / mult,
        },
        index=ids[has],
    )
    if pair_amount is not None:
        total = np.bincount(pair_customer, weights=pair_amount, minlength=n_customers)[has]
        repeat = n - 1
        out["monetary_value"] = np.where(
            repeat > 0, (total - pair_amount[cstart]) / np.maximum(repeat, 1), 0.0
        )
    return out


def summarize(
    transactions: pd.DataFrame,
    end,
    *,
    unit: str = "D",
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str | None = "amount",
) -> pd.DataFrame:
    """Recency-frequency-age summary of a transaction log, as the BG/NBD and Gamma-Gamma models need it.

    Purchases are counted by *calendar day*: several rows of one customer on one
    day are one purchase occasion (their amounts are summed).

    Parameters
    ----------
    transactions : DataFrame
        One row per purchase line: customer, date (time of day is ignored) and amount.
        Amounts must not be negative: net returns into their orders first.
    end : date-like
        Observation end (included). Dates after it raise a ``ValueError``.
    unit : {"D", "W", "M"}
        Time unit of ``recency`` and ``T``: days, weeks (days / 7) or months
        (days / 30.4375). Values are *not* rounded to whole weeks or months.
    customer_col, date_col : str
        Column names.
    amount_col : str or None
        Amount column; ``None`` leaves out ``monetary_value``.

    Returns
    -------
    DataFrame
        Indexed by customer id (sorted), columns

        * ``frequency`` - repeat purchase days: distinct purchase days - 1 (int);
        * ``recency`` - time from the first to the last purchase day;
        * ``T`` - time from the first purchase day to ``end`` (the customer's age);
        * ``monetary_value`` - mean total of the repeat purchase days (the first
          purchase is left out, as the Gamma-Gamma model requires); 0 when frequency is 0.

    Notes
    -----
    Equals ``lifetimes.utils.summary_data_from_transaction_data(transactions, customer_col,
    date_col, amount_col, observation_period_end=end, freq="D", freq_multiplier=k)`` with
    k = 1, 7 or 30.4375 (checked to 1e-9 in the tests), apart from the dtype of
    ``frequency``. It is *not* lifetimes' ``freq="W"``: that maps every date to its
    calendar week (Monday-Sunday), so ``frequency`` counts repeat purchase *weeks* and
    recency/T are whole weeks. lifetimes' ``freq="M"`` and ``"H"`` raise on pandas 3.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
    ...                    "date": ["2025-01-01", "2025-01-08", "2025-01-08", "2025-01-03"],
    ...                    "amount": [20.0, 10.0, 4.0, 7.5]})
    >>> summarize(tx, end="2025-01-15", unit="W").round(4)  # doctest: +NORMALIZE_WHITESPACE
                 frequency  recency    T  monetary_value
    customer_id
    a                    1      1.0  2.0000            14.0
    b                    0      0.0  1.7143             0.0
    """
    mult = _check_unit(unit)
    codes, ids, days, amounts, end_day = _prepare_transactions(
        transactions, end, customer_col, date_col, amount_col, "transactions"
    )
    pc, pd_, pa = _purchase_days(codes, days, amounts, len(ids))
    return _summary_from_pairs(pc, pd_, pa, ids, end_day, mult, n_customers=len(ids))


def calibration_holdout(
    transactions: pd.DataFrame,
    calibration_end,
    observation_end,
    *,
    unit: str = "D",
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str | None = "amount",
) -> pd.DataFrame:
    """Calibration summary plus what each customer bought in the holdout period (模型校准/验证期).

    Working replacement for ``lifetimes.utils.calibration_and_holdout_data``, which
    raises "No objects to concatenate" on pandas 3 when no monetary column is given.

    Parameters
    ----------
    transactions : DataFrame
        Transaction log (see :func:`summarize`).
    calibration_end : date-like
        Last day of the calibration period (included).
    observation_end : date-like
        Last day of the holdout period (included); dates after it raise.
    unit : {"D", "W", "M"}
        Time unit of recency, T and ``duration_holdout``.
    customer_col, date_col, amount_col : str
        Column names; ``amount_col=None`` leaves out the monetary columns.

    Returns
    -------
    DataFrame
        One row per customer whose first purchase is in the calibration period
        (others are left out, with a note): the :func:`summarize` columns
        ``frequency, recency, T [, monetary_value]`` of the calibration period, plus

        * ``frequency_holdout`` - distinct purchase days in the holdout period;
        * ``monetary_value_holdout`` - mean day total in the holdout period (0 if none);
        * ``duration_holdout`` - length of the holdout period in ``unit``.

    Notes
    -----
    lifetimes names the calibration columns ``frequency_cal, recency_cal, T_cal,
    monetary_value_cal``; here they keep their plain names so that the frame goes
    straight into :func:`fit_bgnbd` and :func:`plot_calibration_holdout`. All other
    values equal lifetimes' ``freq="D", freq_multiplier=k`` output, except that
    lifetimes' ``monetary_value_holdout`` averages *rows*, not purchase days; here it
    averages day totals, the same definition as ``monetary_value``. Dates count as whole
    days: a purchase at any time on ``calibration_end`` is in the calibration period
    (lifetimes compares timestamps and would put a 15:00 purchase in the holdout).

    Examples
    --------
    >>> import pandas as pd, warnings
    >>> tx = pd.DataFrame({"customer_id": [1, 1, 1, 2, 3],
    ...                    "date": pd.to_datetime(["2025-01-01", "2025-01-05", "2025-02-03",
    ...                                            "2025-01-20", "2025-02-01"]),
    ...                    "amount": [10.0, 20.0, 30.0, 5.0, 8.0]})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     ch = calibration_holdout(tx, "2025-01-31", "2025-02-28")
    >>> ch[["frequency", "recency", "T", "frequency_holdout", "duration_holdout"]]  # doctest: +NORMALIZE_WHITESPACE
                 frequency  recency     T  frequency_holdout  duration_holdout
    customer_id
    1                    1      4.0  30.0                  1              28.0
    2                    0      0.0  11.0                  0              28.0
    >>> ch["monetary_value_holdout"].tolist()
    [30.0, 0.0]
    >>> ch.attrs["notes"]
    ['1 customer(s) with their first purchase in the holdout period (after 2025-01-31) are left out: 1 transaction row(s)']
    """
    mult = _check_unit(unit)
    cal_ts = v.as_timestamp(calibration_end, "calibration_end").normalize()
    obs_ts = v.as_timestamp(observation_end, "observation_end").normalize()
    if cal_ts >= obs_ts:
        raise ValueError(
            f"calibration_end ({cal_ts.date()}) must be before observation_end ({obs_ts.date()})"
        )
    codes, ids, days, amounts, obs_day = _prepare_transactions(
        transactions, obs_ts, customer_col, date_col, amount_col, "transactions"
    )
    cal_day = np.datetime64(cal_ts, "D").astype(np.int64)
    pc, pday, pa = _purchase_days(codes, days, amounts, len(ids))
    in_cal = pday <= cal_day
    if not in_cal.any():
        raise ValueError(
            f"transactions has no purchase on or before calibration_end {cal_ts.date()}: "
            "the calibration period is empty"
        )
    out = _summary_from_pairs(
        pc[in_cal], pday[in_cal], None if pa is None else pa[in_cal], ids, cal_day, mult,
        n_customers=len(ids),
    )
    hold = ~in_cal
    n_hold = np.bincount(pc[hold], minlength=len(ids))
    known = pd.Index(ids).get_indexer(out.index)
    out["frequency_holdout"] = n_hold[known].astype(np.int64)
    if pa is not None:
        total = np.bincount(pc[hold], weights=pa[hold], minlength=len(ids))
        with np.errstate(invalid="ignore", divide="ignore"):
            mv = np.where(n_hold > 0, total / np.maximum(n_hold, 1), 0.0)
        out["monetary_value_holdout"] = mv[known]
    out["duration_holdout"] = float(obs_day - cal_day) / mult
    n_new = len(ids) - len(out)
    if n_new:
        late_codes = np.setdiff1d(np.arange(len(ids)), known)
        rows = int(np.isin(codes, late_codes).sum())
        v.note(
            f"{n_new} customer(s) with their first purchase in the holdout period (after "
            f"{cal_ts.date()}) are left out: {rows} transaction row(s)",
            out,
        )
    return out


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
    out = pd.DataFrame({"frequency": freq, "recency": rec, "T": float(T)},
                       index=pd.RangeIndex(1, n + 1, name="customer_id"))
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
        summary["frequency"], summary["recency"], summary["T"], index=summary.index, **fit_kwargs,
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
        summary["frequency"], summary["recency"], summary["T"], index=summary.index, **fit_kwargs,
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
        rep["frequency"], rep["monetary_value"], index=rep.index, **fit_kwargs,
    )
    n_out = int((~keep).sum())
    if n_out:
        v.note(
            f"{n_out} of {len(summary)} customers left out of the Gamma-Gamma fit: "
            f"{int(no_repeat.sum())} without a repeat purchase (frequency 0), "
            f"{int(zero_value.sum())} with monetary_value 0",
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
    values = model.conditional_expected_number_of_purchases_up_to_time(t, f, r, age)
    return pd.Series(np.asarray(values, dtype=float), index=summary.index, name="expected_purchases")


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
    values = model.conditional_probability_alive(f, r, age)
    return pd.Series(np.asarray(values, dtype=float), index=summary.index, name="p_alive")


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
    _, _, days, _, end_day = _prepare_transactions(rows, end, customer_col, date_col, None, "transactions")
    pdays = np.unique(days)
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


def plot_history_alive(
    model,
    transactions: pd.DataFrame,
    customer_id,
    end,
    *,
    unit: str = "D",
    customer_col: str = "customer_id",
    date_col: str = "date",
    ax=None,
):
    """Chart of one customer's probability of being alive over time, with the purchase days marked.

    Replacement for ``lifetimes.plotting.plot_history_alive`` (raises on pandas 3).

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
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import pandas as pd
    >>> bgf = fit_bgnbd(simulate_bgnbd(500, seed=0))      # a model in weeks
    >>> tx = pd.DataFrame({"customer_id": [7, 7], "date": pd.to_datetime(["2025-01-01", "2025-01-15"])})
    >>> ax = plot_history_alive(bgf, tx, 7, "2025-03-31", unit="W")
    >>> ax.get_ylabel()
    'P(alive) (probability)'
    """
    from .plots import finish, new_axes

    path = alive_path(
        model, transactions, customer_id, end, unit=unit, customer_col=customer_col, date_col=date_col
    )
    if ax is None:
        _, ax = new_axes()
    ax.plot(path.index, path["p_alive"], label=tr("P(alive)", "存活概率"))
    for i, day in enumerate(path.index[path["purchase"].to_numpy()]):
        ax.axvline(day, color="#7f7f7f", linestyle="--", linewidth=1,
                   label=tr("Purchase day", "购买日") if i == 0 else None)
    ax.set_ylim(0, 1.05)
    return finish(
        ax,
        tr(f"Probability customer {customer_id} is alive", f"客户 {customer_id} 的存活概率"),
        tr("Date", "日期"),
        tr("P(alive) (probability)", "存活概率 (概率)"),
    )


def calibration_holdout_table(model, cal_hold: pd.DataFrame, *, max_frequency: int = 7) -> pd.DataFrame:
    """Actual vs expected holdout purchases, averaged by calibration frequency (the classic validation).

    Parameters
    ----------
    model : fitted BetaGeoFitter or ParetoNBDFitter
        Fitted on the calibration columns of ``cal_hold``.
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
    """
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
    table = pd.DataFrame(
        {"frequency": freq, "actual": cal_hold["frequency_holdout"].astype(float), "expected": expected}
    ).groupby("frequency").agg(
        customers=("actual", "size"), actual=("actual", "mean"), expected=("expected", "mean")
    )
    table.index = [f"{k}+" if k == max_frequency else str(k) for k in table.index]
    table.index.name = "frequency"
    return table


def plot_calibration_holdout(model, cal_hold: pd.DataFrame, *, max_frequency: int = 7, unit: str | None = None, ax=None):
    """Chart of actual vs expected holdout purchases by calibration frequency.

    Replacement for ``lifetimes.plotting.plot_calibration_purchases_vs_holdout_purchases``
    that works with :func:`calibration_holdout` frames and pools the last bin ("7+").

    Parameters
    ----------
    model, cal_hold, max_frequency
        As in :func:`calibration_holdout_table`.
    unit : {"D", "W", "M"}, optional
        Only for the axis label.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> ch = simulate_bgnbd(500, seed=0).assign(frequency_holdout=lambda d: d["frequency"] // 2,
    ...                                         duration_holdout=39.0)
    >>> plot_calibration_holdout(fit_bgnbd(ch), ch).get_xlabel()
    'Repeat purchases in calibration period (count)'
    """
    from .plots import finish, new_axes

    table = calibration_holdout_table(model, cal_hold, max_frequency=max_frequency)
    if ax is None:
        _, ax = new_axes()
    x = np.arange(len(table))
    ax.plot(x, table["actual"], marker="o", label=tr("Actual", "实际"))
    ax.plot(x, table["expected"], marker="s", linestyle="--", label=tr("Model (expected)", "模型预测"))
    ax.set_xticks(x, table.index)
    dur = float(cal_hold["duration_holdout"].iloc[0])
    span = f" ({dur:g} {_unit_label(unit)})" if unit else ""
    return finish(
        ax,
        tr(f"Holdout purchases: actual vs model{span}", f"验证期购买次数：实际与模型{span}"),
        tr("Repeat purchases in calibration period (count)", "校准期重复购买次数 (次)"),
        tr("Mean purchases in holdout period (count)", "验证期平均购买次数 (次)"),
    )


def plot_expected_repeat_purchases(model, *, t: float | None = None, unit: str = "D", ax=None):
    """Chart of expected repeat purchases of a new customer over time, E[X(t)].

    Replacement for ``lifetimes.plotting.plot_expected_repeat_purchases``, which raises on
    matplotlib >= 3.8 (``prop_cycler``). A dotted line marks the longest customer age in
    the fitted data (beyond it the curve is an extrapolation).

    Parameters
    ----------
    model : fitted BetaGeoFitter or ParetoNBDFitter
    t : float, optional
        Horizon in ``unit`` (default: 1.5 x the longest customer age in the data).
    unit : {"D", "W", "M"}
        Time unit the model was fitted in, for the axis label.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> s = simulate_bgnbd(500, seed=0)     # 500 customers observed for 39 weeks
    >>> len(plot_expected_repeat_purchases(fit_bgnbd(s), t=60).lines)
    2
    """
    from .plots import finish, new_axes

    _check_fitted(model)
    _check_unit(unit)
    t_data = float(model.data["T"].max()) if getattr(model, "data", None) is not None else None
    if t is None:
        t = 1.5 * t_data if t_data else 1.0
    t = v.require_in_range(t, "t", 0, inclusive=False)
    grid = np.linspace(0, t, 200)
    if ax is None:
        _, ax = new_axes()
    ax.plot(grid, model.expected_number_of_purchases_up_to_time(grid), label=tr("E[X(t)]", "期望购买次数"))
    if t_data:
        ax.axvline(t_data, color="#7f7f7f", linestyle=":", label=tr("End of data", "数据截止"))
    u = _unit_label(unit)
    return finish(
        ax,
        tr("Expected repeat purchases of a new customer", "新客户的期望重复购买次数"),
        tr(f"Time since first purchase ({u})", f"首次购买后的时间 ({u})"),
        tr("Expected repeat purchases (count)", "期望重复购买次数 (次)"),
    )


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
    out = pd.DataFrame(values, index=pd.Index(f.astype(int), name="frequency"),
                       columns=pd.Index(r.astype(int), name="recency"))
    out.attrs.update(kind=kind, **attrs)
    return out


def frequency_recency_matrix(model, *, t: float = 1.0, max_frequency: int | None = None,
                             max_recency: int | None = None, unit: str = "D") -> pd.DataFrame:
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


def probability_alive_matrix(model, *, max_frequency: int | None = None, max_recency: int | None = None,
                             unit: str = "D") -> pd.DataFrame:
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


def plot_matrix(matrix: pd.DataFrame, *, ax=None, cmap: str = "viridis"):
    """Heatmap of a :func:`frequency_recency_matrix` or :func:`probability_alive_matrix`.

    Parameters
    ----------
    matrix : DataFrame
        Index frequency, columns recency (its ``attrs`` give the title and units).
    ax : matplotlib Axes, optional
    cmap : str
        matplotlib colour map.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> s = simulate_bgnbd(500, seed=0)     # 500 customers observed for 39 weeks
    >>> ax = plot_matrix(probability_alive_matrix(fit_bgnbd(s), unit="W"))
    >>> ax.get_xlabel()
    'Recency: age at last purchase (weeks)'
    """
    from .plots import finish, new_axes

    v.require_frame(matrix, "matrix")
    kind = matrix.attrs.get("kind", "expected_purchases")
    unit = matrix.attrs.get("unit", "D")
    u = _unit_label(unit)
    if ax is None:
        _, ax = new_axes(figsize=(7, 5.5))
    im = ax.imshow(matrix.to_numpy(dtype=float), origin="lower", aspect="auto", cmap=cmap,
                   extent=(-0.5, matrix.shape[1] - 0.5, -0.5, matrix.shape[0] - 0.5))
    ax.grid(False)
    if kind == "p_alive":
        title = tr("Probability alive by frequency and recency", "按频率与最近购买划分的存活概率")
        bar = tr("P(alive) (probability)", "存活概率 (概率)")
    else:
        t = matrix.attrs.get("t", 1.0)
        title = tr(f"Expected purchases in the next {t:g} {u}", f"未来 {t:g} {u}的期望购买次数")
        bar = tr("Expected purchases (count)", "期望购买次数 (次)")
    ax.figure.colorbar(im, ax=ax, label=bar)
    return finish(
        ax,
        title,
        tr(f"Recency: age at last purchase ({u})", f"最近购买时的客户年龄 ({u})"),
        tr("Frequency: repeat purchases (count)", "重复购买次数 (次)"),
    )


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
    freq: str = "D",
    margin: float = 1.0,
    units_per_month: float | None = None,
) -> pd.Series:
    """Discounted expected value of each customer's purchases over the next ``time`` months.

    CLV = sum over months i = 1..time of
    margin x m x (E[X(i)] - E[X(i-1)]) / (1 + discount_rate) ** i, where E[X(i)] is the
    model's expected purchases up to the end of month i and m the expected value per
    purchase: the Gamma-Gamma estimate when a GammaGammaFitter is given, else the
    values given. This is lifetimes' ``GammaGammaFitter.customer_lifetime_value``, which
    only works with Series inputs; here Series, arrays or a single number are accepted.

    Parameters
    ----------
    bgf : fitted BetaGeoFitter or ParetoNBDFitter
    ggf_or_monetary : GammaGammaFitter, Series, array or float
        Fitted Gamma-Gamma model (uses ``summary["monetary_value"]``) or the value per purchase.
    summary : DataFrame
        Columns frequency, recency, T [, monetary_value], in time unit ``freq``.
    time : int
        Horizon in months.
    discount_rate : float
        Discount rate per month (0.01 = 1 % a month).
    freq : {"D", "W", "M"}
        Time unit of the summary and the model.
    margin : float
        Profit margin applied to the purchase value (1.0 = revenue, 0.3 = 30 % margin).
    units_per_month : float, optional
        Length of a month in ``freq`` units; default lifetimes' convention 30 days /
        4.345 weeks / 1 month (so results equal lifetimes'). For the mean calendar month
        used by ``summarize(unit="M")`` pass 30.4375 (days) or 30.4375 / 7 (weeks).

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
    >>> customer_lifetime_value(Constant(), 50.0, s, time=2, discount_rate=0.1, freq="M").round(4)
    10    173.5537
    Name: clv, dtype: float64
    >>> round(100 / 1.1 + 100 / 1.1 ** 2, 4)
    173.5537
    """
    _check_fitted(bgf, "bgf")
    if not isinstance(freq, str) or freq not in _LIFETIMES_UNITS_PER_MONTH:
        raise ValueError(f"freq must be one of 'D', 'W' or 'M' (the time unit of the summary), got {freq!r}")
    if isinstance(time, bool) or not isinstance(time, (int, np.integer)) or time < 1:
        raise ValueError(f"time must be a whole number of months of at least 1, got {time!r}")
    v.require_in_range(discount_rate, "discount_rate", 0)
    v.require_in_range(margin, "margin", 0)
    factor = _LIFETIMES_UNITS_PER_MONTH[freq] if units_per_month is None else v.require_in_range(
        units_per_month, "units_per_month", 0, inclusive=False)
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
            span = f"between {low} and {high}" if low is not None and high is not None else (
                f"at least {low}" if low is not None else f"at most {high}")
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
    cols = [f"cell_{i}" for i in range(1, k + 1)] + ["lost", "p_purchase", "contribution",
                                                      "discount_factor", "present_value"]
    table = pd.DataFrame(rows, columns=cols, index=pd.RangeIndex(1, horizon + 1, name="period"))
    table["cumulative_pv"] = table["present_value"].cumsum()
    clv = float(table["present_value"].sum()) + (m if include_initial else 0.0)
    return table, clv


# ----------------------------------------------------------------------------------------------
# CLV matrix (cost to serve x current profit x future profit)
# ----------------------------------------------------------------------------------------------
#: The eight cells of the course's CLV matrix, keyed by (cost, current, future) level.
CLV_QUADRANT_CELLS = {
    ("low", "high", "high"): (1, ("Star", "明星客户"),
                              ("Retain and grow: first claim on service and key-account care",
                               "保持并发展：优先资源与大客户专属服务")),
    ("high", "high", "high"): (2, ("Costly star", "高成本明星客户"),
                               ("Keep, but lower the cost to serve (bundled deliveries, e-ordering)",
                                "保留，但降低服务成本（合并配送、电子下单）")),
    ("low", "high", "low"): (3, ("Cash cow", "现金牛客户"),
                             ("Maintain efficiently and harvest current profit",
                              "高效维持，收获当前利润")),
    ("high", "high", "low"): (4, ("Declining heavy user", "衰退型高成本客户"),
                              ("Cut cost to serve and watch for churn",
                               "削减服务成本并关注流失风险")),
    ("low", "low", "high"): (5, ("Growth prospect", "潜力客户"),
                             ("Invest: cross-sell and up-sell", "投资培育：交叉销售与向上销售")),
    ("high", "low", "high"): (6, ("Costly prospect", "高成本潜力客户"),
                              ("Invest selectively while cutting cost to serve",
                               "有选择地投资，同时降低服务成本")),
    ("low", "low", "low"): (7, ("Low value", "低价值客户"),
                            ("Serve at minimum cost (standard terms, self-service)",
                             "以最低成本服务（标准条款、自助服务）")),
    ("high", "low", "low"): (8, ("Loss maker", "亏损客户"),
                             ("Re-price, change service terms or let go",
                              "重新定价、调整服务条款或放弃")),
}


def clv_quadrant(
    df: pd.DataFrame,
    cost_col: str = "cost_to_serve",
    current_col: str = "current_profit",
    future_col: str = "future_profit",
    *,
    customer_col: str | None = None,
    cost_threshold: float | None = None,
    current_threshold: float | None = None,
    future_threshold: float | None = None,
) -> pd.DataFrame:
    """Place each customer in the course's CLV matrix: cost to serve x current profit x future profit.

    Each dimension is split at a threshold (default: its median) into "high" (above the
    threshold) and "low" (at or below it), which gives 2 x 2 x 2 = 8 cells
    (:data:`CLV_QUADRANT_CELLS`), each with a name and a suggested action in the current
    language.

    Parameters
    ----------
    df : DataFrame
        One row per customer.
    cost_col, current_col, future_col : str
        Columns with cost to serve, current profit and future profit (e.g. the CLV), CNY.
    customer_col : str, optional
        Column with the customer id; default: the index of ``df``.
    cost_threshold, current_threshold, future_threshold : float, optional
        Split points; ``None`` uses the median of the column.

    Returns
    -------
    DataFrame
        Indexed by customer id: ``cost_level``, ``current_level``, ``future_level``
        ("low"/"high"), ``cell`` (1-8), ``segment`` and ``action``. The thresholds used
        are in ``attrs["thresholds"]``.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"cost_to_serve": [10, 50, 20, 60], "current_profit": [900, 800, 100, 50],
    ...                    "future_profit": [700, 100, 900, 20]}, index=["A", "B", "C", "D"])
    >>> clv_quadrant(df)[["cell", "segment"]]  # doctest: +NORMALIZE_WHITESPACE
       cell                segment
    A     1                   Star
    B     4  Declining heavy user
    C     5        Growth prospect
    D     8             Loss maker
    """
    name = "df"
    v.require_frame(df, name)
    cols = [cost_col, current_col, future_col] + ([customer_col] if customer_col else [])
    v.require_columns(df, cols, name)
    if customer_col:
        v.require_no_missing(df, customer_col, name)
        v.require_unique(df, customer_col, name)
        df = df.set_index(customer_col)
    else:
        v.require_unique_index(df, name)
    thresholds = {}
    levels = {}
    for key, col, thr in (("cost", cost_col, cost_threshold), ("current", current_col, current_threshold),
                          ("future", future_col, future_threshold)):
        values = v.numeric_column(df, col, name)
        t = float(values.median()) if thr is None else v.require_in_range(thr, f"{key}_threshold")
        thresholds[col] = t
        levels[key] = np.where(values > t, "high", "low")
    out = pd.DataFrame(
        {"cost_level": levels["cost"], "current_level": levels["current"], "future_level": levels["future"]},
        index=df.index,
    )
    cells = [CLV_QUADRANT_CELLS[k] for k in zip(out["cost_level"], out["current_level"], out["future_level"])]
    out["cell"] = [c[0] for c in cells]
    out["segment"] = [tr(*c[1]) for c in cells]
    out["action"] = [tr(*c[2]) for c in cells]
    out.attrs["thresholds"] = thresholds
    return out


def clv_quadrant_summary(quadrant: pd.DataFrame) -> pd.DataFrame:
    """Count table of a :func:`clv_quadrant` result: all 8 cells, also the empty ones.

    Parameters
    ----------
    quadrant : DataFrame
        Output of :func:`clv_quadrant` (one row per customer, with column ``cell``).

    Returns
    -------
    DataFrame
        Indexed by ``cell`` 1-8: the three levels, ``segment``, ``action``, ``customers``
        and ``share`` (of all customers).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"cost_to_serve": [10, 50, 20, 60], "current_profit": [900, 800, 100, 50],
    ...                    "future_profit": [700, 100, 900, 20]}, index=["A", "B", "C", "D"])
    >>> clv_quadrant_summary(clv_quadrant(df))["customers"].tolist()
    [1, 0, 0, 1, 1, 0, 0, 1]
    """
    v.require_frame(quadrant, "quadrant")
    v.require_columns(quadrant, ["cell"], "quadrant")
    counts = quadrant["cell"].value_counts()
    rows = []
    for (cost, current, future), (cell, seg, act) in sorted(CLV_QUADRANT_CELLS.items(), key=lambda kv: kv[1][0]):
        n = int(counts.get(cell, 0))
        rows.append({"cell": cell, "cost_level": cost, "current_level": current, "future_level": future,
                     "segment": tr(*seg), "action": tr(*act), "customers": n, "share": n / len(quadrant)})
    return pd.DataFrame(rows).set_index("cell")
