"""Transaction log to lifetimes-style summary (frequency, recency, T, monetary value).

The first step of every probabilistic CLV model: one row per customer with the number
of repeat purchase days, the time from first to last purchase and the customer's age,
all in one model time unit (``unit=``: days, weeks or months, :data:`UNIT_DAYS`).

Replaces two lifetimes helpers that break on the course stack (pandas 3, numpy 2):

* ``utils.summary_data_from_transaction_data`` -> :func:`summarize` (lifetimes'
  ``freq="M"`` and ``"H"`` raise; ours takes units D / W / M and is >10x faster);
* ``utils.calibration_and_holdout_data`` ("No objects to concatenate" without a
  monetary column) -> :func:`calibration_holdout`.

The ``df.T`` pitfall
--------------------
A summary frame has a column named ``T`` (customer age), but ``df.T`` is the
*transpose* of the frame. ``bgf.conditional_probability_alive(df.frequency,
df.recency, df.T)`` silently returns a (4, n) array instead of n values, and
``bgf.predict(t, df.frequency, df.recency, df.T)`` fails with a cryptic
"Cannot apply ufunc hyp2f1 to mixed DataFrame and Series inputs". Always write
``df["T"]``; every helper of :mod:`coursekit.clv` takes the summary frame and does so
internally, and :func:`check_not_transposed` catches the mistake in hand-written calls.

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

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n
from ..transactions.log import purchase_log

__all__ = ["UNIT_DAYS", "summarize", "calibration_holdout", "check_not_transposed"]

#: Length of one model time unit in days, the one table every CLV function uses.
#: "M" is the mean Gregorian month (365.25 / 12 days); a week is 7 days.
UNIT_DAYS = {"D": 1.0, "W": 7.0, "M": 30.4375}
_SUMMARY_COLUMNS = ("frequency", "recency", "T")


# ----------------------------------------------------------------------------------------------
# validation helpers
# ----------------------------------------------------------------------------------------------
def _check_unit(unit, name: str = "unit") -> float:
    if not isinstance(unit, str) or unit not in UNIT_DAYS:
        raise ValueError(
            f"{name} must be one of 'D' (days), 'W' (weeks = {UNIT_DAYS['W']:g} days) or "
            f"'M' (months = {UNIT_DAYS['M']:g} days), got {unit!r}"
        )
    return UNIT_DAYS[unit]


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
                f'{name} is a DataFrame, not one value per customer: df.T is the transpose of the frame; write df["T"]'
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
        out["monetary_value"] = np.where(repeat > 0, (total - pair_amount[cstart]) / np.maximum(repeat, 1), 0.0)
    return out


def summarize(
    transactions: pd.DataFrame,
    end,
    *,
    unit: str = "D",
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str | None = "amount",
    order_col: str | None = None,
) -> pd.DataFrame:
    """Recency-frequency-age summary of a transaction log, as the BG/NBD and Gamma-Gamma models need it.

    Purchases come from :func:`coursekit.transactions.purchase_log`: by default a
    purchase is a *calendar day* (several rows of one customer on one day are one
    purchase occasion, their amounts summed), or an order with ``order_col``. Returns
    are netted and lines after ``end`` left out, each counted in a note.

    Parameters
    ----------
    transactions : DataFrame
        One row per purchase line: customer, date (time of day is ignored) and amount
        (negative on returns).
    end : date-like
        Observation end, a calendar day, included. Later lines are left out (noted).
    unit : {"D", "W", "M"}
        Time unit of ``recency`` and ``T``: days, weeks (days / 7) or months
        (days / 30.4375). Values are *not* rounded to whole weeks or months.
    customer_col, date_col : str
        Column names.
    amount_col : str or None
        Amount column; ``None`` leaves out ``monetary_value``.
    order_col : str, optional
        Order id column: count orders instead of purchase days.

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
    log = purchase_log(
        transactions, end, customer_col=customer_col, date_col=date_col, amount_col=amount_col, order_col=order_col
    )
    out = _summary_from_pairs(log.customer, log.day, log.amount, log.ids, log.end_day, mult, n_customers=len(log.ids))
    log.report(out)
    return out


def calibration_holdout(
    transactions: pd.DataFrame,
    calibration_end,
    observation_end,
    *,
    unit: str = "D",
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str | None = "amount",
    order_col: str | None = None,
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
        Last day of the holdout period (included); later lines are left out (noted).
    unit : {"D", "W", "M"}
        Time unit of recency, T and ``duration_holdout``.
    customer_col, date_col, amount_col : str
        Column names; ``amount_col=None`` leaves out the monetary columns.
    order_col : str, optional
        Order id column: count orders instead of purchase days.

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
    ['1 customer(s) with their first purchase in the holdout period (after 2025-01-31) are left out: 1 purchase(s)']
    """
    mult = _check_unit(unit)
    cal_ts = v.as_timestamp(calibration_end, "calibration_end").normalize()
    obs_ts = v.as_timestamp(observation_end, "observation_end").normalize()
    if cal_ts >= obs_ts:
        raise ValueError(f"calibration_end ({cal_ts.date()}) must be before observation_end ({obs_ts.date()})")
    log = purchase_log(
        transactions, obs_ts, customer_col=customer_col, date_col=date_col, amount_col=amount_col, order_col=order_col
    )
    ids, obs_day = log.ids, log.end_day
    cal_day = np.datetime64(cal_ts, "D").astype(np.int64)
    pc, pday, pa = log.customer, log.day, log.amount
    in_cal = pday <= cal_day
    if not in_cal.any():
        raise ValueError(
            f"transactions has no purchase on or before calibration_end {cal_ts.date()}: "
            "the calibration period is empty"
        )
    out = _summary_from_pairs(
        pc[in_cal],
        pday[in_cal],
        None if pa is None else pa[in_cal],
        ids,
        cal_day,
        mult,
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
    log.report(out)
    first_in_holdout = np.setdiff1d(np.unique(pc), known)
    if len(first_in_holdout):
        n_purchases = int(np.isin(pc, first_in_holdout).sum())
        v.note(
            i18n._(
                "{n} customer(s) with their first purchase in the holdout period (after {start}) are left out: "
                "{purchases} purchase(s)",
                n=len(first_in_holdout),
                start=str(cal_ts.date()),
                purchases=n_purchases,
            ),
            out,
        )
    return out
