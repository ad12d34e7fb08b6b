"""A deliberately flawed customer table (有问题的用户信息表) for the case of lesson 03."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v

__all__ = ["flawed_customers"]

_COLUMNS = [
    "customer_id",
    "company_name",
    "industry",
    "region",
    "city",
    "acquired_date",
    "acquisition_channel",
    "account_manager",
    "employees",
    "payment_terms_days",
]


def flawed_customers(customers: pd.DataFrame, *, n: int = 30, seed: int = 3) -> pd.DataFrame:
    """A sample of customer records with planted problems, as an export from a sloppy CRM looks.

    ``n`` records are drawn from ``customers`` (with ``seed``), their dates written as text, and
    these problems planted, each in its own rows: 2 missing keys (客户编号缺失), 2 rows entered twice
    (重复记录), 1 customer entered again by another manager (same key, other content), 1 missing
    company name, 3 spellings of a region, a city and a channel that differ from the rest (名称不一致),
    3 impossible dates (after the observation end, a 30 February, the spreadsheet's zero date
    1899-12-30), 2 payment terms in months instead of days (单位错误) and 1 head count of 9,999,999 (a filler
    typed to get past a required field). The result is sorted by customer id, as a CRM export is, with rows numbered from 1.

    Parameters
    ----------
    customers : DataFrame
        The customer table (``datasets.load_customers()``): ``customer_id``, ``company_name``,
        ``industry``, ``region``, ``city``, ``acquired_date``, ``acquisition_channel``,
        ``account_manager``, ``employees``, ``payment_terms_days``.
    n : int, default 30
        Clean records drawn before the problems are planted (12 to 200).
    seed : int, default 3
        Random seed: the same seed gives the same table.

    Returns
    -------
    DataFrame
        ``n + 3`` rows (two copies and one re-entered customer added), indexed by ``row`` (1, 2, ...),
        with the columns above (``acquired_date`` as text). ``attrs["planted"]`` holds the number
        of rows planted per problem (the keys of :data:`coursekit.quality.PROBLEMS`).

    Raises
    ------
    TypeError
        ``customers`` is not a DataFrame.
    ValueError
        An empty table, a missing column, or ``n`` outside 12 to 200.

    Examples
    --------
    >>> from coursekit import datasets
    >>> table = flawed_customers(datasets.load_customers(), n=20, seed=1)
    >>> len(table), table.attrs["planted"]["impossible_date"]
    (23, 3)
    """
    name = "customers"
    v.require_frame(customers, name)
    v.require_columns(customers, _COLUMNS, name)
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 12 <= n <= 200:
        raise ValueError(f"n must be a whole number from 12 to 200, got {n!r}")
    if len(customers) < n:
        raise ValueError(f"{name} has {len(customers)} rows, fewer than n={n}")
    rng = np.random.default_rng(seed)
    picked = np.sort(rng.choice(len(customers), size=n, replace=False))
    clean = customers.iloc[picked][_COLUMNS].reset_index(drop=True).copy()
    clean["acquired_date"] = pd.to_datetime(clean["acquired_date"]).dt.strftime("%Y-%m-%d")
    clean = clean.astype({"employees": "float64", "payment_terms_days": "float64"}).astype(
        {c: object for c in _COLUMNS if c not in ("employees", "payment_terms_days")}
    )
    table = clean.copy()
    free = rng.permutation(n).tolist()  # rows not yet given a problem, in random order

    def rows_where(mask, k):
        """k rows without a problem yet among those where mask holds."""
        chosen = [i for i in free if mask[i]][:k]
        for i in chosen:
            free.remove(i)
        return chosen

    for i in rows_where([True] * n, 2):
        table.loc[i, "customer_id"] = None
    for i in rows_where([True] * n, 1):
        table.loc[i, "company_name"] = None
    spellings = 0
    for col, variant in (("region", str.lower), ("city", str.upper), ("acquisition_channel", str.title)):
        counts = table[col].value_counts()
        common = counts.index[0]
        if counts.iloc[0] < 3:
            continue
        for i in rows_where((table[col] == common).tolist(), 1):
            table.loc[i, col] = variant(common) if variant(common) != common else common + " "
            spellings += 1
    for i, bad in zip(rows_where([True] * n, 3), ("2026-03-15", "2025-02-30", "1899-12-30")):
        table.loc[i, "acquired_date"] = bad
    for i in rows_where([True] * n, 2):
        table.loc[i, "payment_terms_days"] = table.loc[i, "payment_terms_days"] / 30
    for i in rows_where([True] * n, 1):
        table.loc[i, "employees"] = 9_999_999.0  # a filler typed to get past a required field
    copies = rows_where([True] * n, 3)
    again = table.loc[[copies[2]]].copy()
    managers = sorted(set(customers["account_manager"].dropna()) - set(again["account_manager"]))
    again["account_manager"] = managers[int(rng.integers(len(managers)))]
    again["employees"] = again["employees"] + 10
    table = pd.concat([table, table.loc[copies[:2]], again], ignore_index=True)
    table = table.sort_values("customer_id", na_position="last", kind="stable").reset_index(drop=True)
    table.index = pd.RangeIndex(1, len(table) + 1, name="row")
    table.attrs["planted"] = {
        "missing_key": 2,
        "duplicate_row": 2,
        "duplicate_key": 1,
        "missing_value": 1,
        "inconsistent_spelling": spellings,
        "impossible_date": 3,
        "wrong_unit": 2,
        "outlier": 1,
    }
    return table
