"""Whom to save first (挽留优先级), precision marketing (精准营销) and a dedicated team, costed."""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = ["dedicated_team", "retention_plan", "retention_value", "target_list"]


def _number_or_series(value, name: str):
    if isinstance(value, pd.Series):
        if value.empty:
            raise ValueError(f"retention_value: {name} has no values")
        if not pd.api.types.is_numeric_dtype(value):
            raise TypeError(f"retention_value: {name} must hold numbers, got dtype {value.dtype}")
        return value.astype(float)
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"retention_value: {name} must be a number or a pandas Series, got {type(value).__name__}")
    return float(value)


def _check(value, name: str, low, high) -> None:
    arr = np.asarray(value.to_numpy() if isinstance(value, pd.Series) else [value], dtype=float)
    if np.isnan(arr).any():
        raise ValueError(f"retention_value: {name} has missing values")
    bad = (arr < low) | (arr > high if high is not None else False)
    if bad.any():
        span = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise ValueError(f"retention_value: {name} must be {span}, got {arr[bad][0]:g}")


def retention_value(p_churn, clv, success_rate, cost):
    """Expected value of trying to keep a customer (挽留价值), in CNY.

    retention value = P(churn) x success rate x CLV - cost: the CLV saved when the customer
    would have left and the retention action works, less what the action costs.

    Parameters
    ----------
    p_churn : float or Series
        Probability that the customer leaves without action (0-1).
    clv : float or Series
        Customer lifetime value at stake (CNY).
    success_rate : float or Series
        Probability that the action keeps a customer who would leave (0-1).
    cost : float or Series
        Cost of the action per customer (CNY, at least 0).

    Returns
    -------
    float, or a Series ``retention_value`` aligned on customer id when any input is a Series
    (every Series must have the same customers).

    Examples
    --------
    >>> retention_value(0.4, 50_000, 0.3, 2_000)
    4000.0
    >>> import pandas as pd
    >>> retention_value(pd.Series({"C1": 0.5, "C2": 0.1}), pd.Series({"C1": 10_000.0, "C2": 80_000.0}), 0.2, 500).round(2).tolist()
    [500.0, 1100.0]
    """
    args = {"p_churn": p_churn, "clv": clv, "success_rate": success_rate, "cost": cost}
    vals = {k: _number_or_series(x, k) for k, x in args.items()}
    _check(vals["p_churn"], "p_churn", 0, 1)
    _check(vals["success_rate"], "success_rate", 0, 1)
    _check(vals["cost"], "cost", 0, None)
    _check(vals["clv"], "clv", -np.inf, None)
    series = [k for k, x in vals.items() if isinstance(x, pd.Series)]
    if not series:
        return vals["p_churn"] * vals["success_rate"] * vals["clv"] - vals["cost"]
    index = vals[series[0]].index
    v.require_unique_index(vals[series[0]], series[0])
    for k in series[1:]:
        other = vals[k].index
        if len(other) != len(index) or not other.isin(index).all():
            raise ValueError(f"retention_value: {k} and {series[0]} must cover the same customers")
        vals[k] = vals[k].reindex(index)
    out = vals["p_churn"] * vals["success_rate"] * vals["clv"] - vals["cost"]
    return pd.Series(out, index=index, name="retention_value").astype(float)


def retention_plan(
    table: pd.DataFrame, budget: float | None = None, *, value_col: str = "retention_value", cost_col: str = "cost"
):
    """A retention plan under a budget: greedy by value per yuan spent (预算内的挽留计划).

    Customers with a positive retention value are ranked by value / cost (highest first; a
    customer with no cost comes first) and taken in that order while the budget lasts; one that no
    longer fits is skipped and the next, cheaper one may still fit.

    Parameters
    ----------
    table : DataFrame
        Indexed by customer id, with the retention value and the cost of the action (CNY).
    budget : float
        The retention budget (CNY); required.
    value_col, cost_col : str
        Column names.

    Returns
    -------
    DataFrame of the chosen customers in order, with ``value_per_cost``, ``cumulative_cost`` and
    ``cumulative_value``; ``attrs`` hold ``budget``, ``spent`` and ``value``. Customers with a
    positive value left out for lack of budget are counted in a note.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"retention_value": [900.0, 3000.0, 500.0, -100.0], "cost": [100.0, 1000.0, 500.0, 50.0]},
    ...                  index=["C1", "C2", "C3", "C4"])
    >>> plan = retention_plan(t, 1200)
    >>> plan.index.tolist(), plan.attrs["spent"], plan.attrs["value"]
    (['C1', 'C2'], 1100.0, 3900.0)
    """
    df = v.require_frame(table, "table")
    v.require_columns(df, [value_col, cost_col], "table")
    if budget is None:
        raise ValueError("retention_plan: state the budget (CNY), e.g. retention_plan(table, 30_000)")
    v.require_in_range(budget, "budget", 0)
    value = v.numeric_column(df, value_col, "table")
    cost = v.numeric_column(df, cost_col, "table")
    if (cost < 0).any():
        raise ValueError(f"table column {cost_col!r} has negative costs")
    ranked = df.loc[value > 0].copy()
    with np.errstate(divide="ignore"):
        ranked["value_per_cost"] = np.where(cost[ranked.index] > 0, value[ranked.index] / cost[ranked.index], np.inf)
    ranked = ranked.sort_values(["value_per_cost", value_col], ascending=False, kind="mergesort")
    chosen, spent = [], 0.0
    for cid, c in ranked[cost_col].items():
        if spent + c <= budget + 1e-9:
            chosen.append(cid)
            spent += float(c)
    plan = ranked.loc[chosen].copy()
    plan["cumulative_cost"] = plan[cost_col].cumsum()
    plan["cumulative_value"] = plan[value_col].cumsum()
    plan.attrs.update(budget=float(budget), spent=float(spent), value=float(plan[value_col].sum()))
    left = len(ranked) - len(plan)
    if left:
        v.note(i18n._("{n} customers with a positive retention value do not fit the budget", n=left), plan)
    return plan


def target_list(
    table: pd.DataFrame, *, cost: float | None = None, p_col: str = "propensity", value_col: str = "value", n=None
):
    """Precision marketing: the contact list ranked by expected return (精准营销目标名单).

    expected return = P(response) x value of a response - cost per contact, in CNY. Only
    customers with a positive expected return are listed.

    Parameters
    ----------
    table : DataFrame
        Indexed by customer id, with the response probability (0-1) and the value of a response (CNY).
    cost : float
        Cost per contact (CNY, at least 0); required.
    p_col, value_col : str
        Column names.
    n : int, optional
        Keep the top ``n``.

    Returns
    -------
    DataFrame with ``expected_return``, highest first; ``attrs["total"]`` is its sum.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"propensity": [0.9, 0.5, 0.1], "value": [1000.0, 3000.0, 500.0]}, index=["C1", "C2", "C3"])
    >>> target_list(t, cost=100)["expected_return"].to_dict()
    {'C2': 1400.0, 'C1': 800.0}
    """
    df = v.require_frame(table, "table")
    v.require_columns(df, [p_col, value_col], "table")
    if cost is None:
        raise ValueError("target_list: state the cost per contact (CNY), e.g. cost=200")
    v.require_in_range(cost, "cost", 0)
    p = v.numeric_column(df, p_col, "table")
    if ((p < 0) | (p > 1)).any():
        raise ValueError(f"table column {p_col!r} must hold probabilities between 0 and 1")
    out = df.copy()
    out["expected_return"] = p * v.numeric_column(df, value_col, "table") - float(cost)
    out = out[out["expected_return"] > 0].sort_values("expected_return", ascending=False, kind="mergesort")
    if n is not None:
        out = out.head(int(n))
    out.attrs["total"] = float(out["expected_return"].sum())
    return out


def dedicated_team(clv: pd.Series, *, customers, uplift: float, team_cost: float, years: int = 1) -> pd.Series:
    """The B2B CLV case (seed 001): a dedicated team for high-potential customers, costed.

    added value = uplift x the customers' CLV; net gain = added value - team cost x years;
    return on cost = net gain / (team cost x years).

    Parameters
    ----------
    clv : Series
        CLV per customer (CNY) over the horizon of the team.
    customers : list-like
        The customers the team serves.
    uplift : float
        Relative CLV increase the team brings (0.10 = +10 %).
    team_cost : float
        Cost of the team per year (CNY).
    years : int
        Horizon in years, the same as the CLV's.

    Returns
    -------
    Series: ``customers``, ``clv``, ``added_value``, ``team_cost``, ``net_gain``, ``return_on_cost``.

    Examples
    --------
    >>> import pandas as pd
    >>> clv = pd.Series({"C1": 400_000.0, "C2": 600_000.0, "C3": 50_000.0})
    >>> dedicated_team(clv, customers=["C1", "C2"], uplift=0.2, team_cost=150_000)["net_gain"].item()
    50000.0
    """
    values = v.require_series(clv, "clv")
    v.require_in_range(uplift, "uplift", 0)
    v.require_in_range(team_cost, "team_cost", 0)
    v.require_in_range(years, "years", 1)
    ids = pd.Index(list(customers))
    if ids.empty:
        raise ValueError("dedicated_team: customers is empty")
    unknown = ids[~ids.isin(values.index)]
    if len(unknown):
        raise ValueError(f"dedicated_team: {len(unknown)} customers have no CLV, e.g. {unknown[0]!r}")
    total = float(values.loc[ids].sum())
    added = uplift * total
    cost = float(team_cost) * years
    net = added - cost
    return pd.Series(
        {
            "customers": float(len(ids)),
            "clv": total,
            "added_value": added,
            "team_cost": cost,
            "net_gain": net,
            "return_on_cost": net / cost if cost else float("nan"),
        },
        name="dedicated_team",
    )
