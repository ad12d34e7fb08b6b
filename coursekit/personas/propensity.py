"""Purchase propensity (购买倾向): who orders next quarter? Logistic regression on a time-based holdout.

The features of a customer are taken at a cut-off day from the twelve months before it
(:func:`coursekit.personas.customer_profile`); the target is whether the customer placed an
order in the three months after it. A model is fitted at one cut-off and judged at a later one
(the *time-based holdout*, 时间外验证): the question is always "does what we learned last
quarter work next quarter?", never "does it fit the customers it has seen?".
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .profiling import customer_profile

__all__ = [
    "PROPENSITY_FEATURES",
    "auc",
    "call_list",
    "fit_propensity",
    "gain_table",
    "model_weights",
    "propensity_table",
    "score_propensity",
]

#: Features of the model and their transform (``log``: ln(1 + x)); ``days_since`` of a customer
#: who never ordered is the window plus the tenure in days (so it is larger than any real value).
PROPENSITY_FEATURES = {
    "days_since": "log",
    "orders": "log",
    "revenue": "log",
    "product_lines": "none",
    "tickets": "log",
    "complaints": "none",
    "visits": "log",
    "engagement": "log",
    "tenure_years": "none",
}


def propensity_table(
    customers: pd.DataFrame,
    end,
    *,
    orders: pd.DataFrame | None = None,
    tickets: pd.DataFrame | None = None,
    visits: pd.DataFrame | None = None,
    engagement: pd.DataFrame | None = None,
    months: int = 3,
    label: bool = True,
    customer_col: str = "customer_id",
) -> pd.DataFrame:
    """Features at the cut-off ``end`` and, with ``label``, whether the customer ordered in the next ``months``.

    Parameters
    ----------
    customers : DataFrame
        The customer table (see :func:`coursekit.personas.customer_profile`).
    end : date-like
        The cut-off: features use the 365 days up to it, inclusive.
    orders : DataFrame
        Order lines (required).
    tickets, visits, engagement : DataFrame, optional
        The other behaviour tables.
    months : int
        Length of the target window after ``end`` (default 3: the next quarter).
    label : bool
        Add ``ordered_next`` (1 when the customer has a purchase with net amount above 0 in
        (end, end + months]; else 0). Set False to score a period whose outcome is not known
        yet; a window that ends after the last order date raises a ``ValueError``.
    customer_col : str
        Customer id column.

    Returns
    -------
    DataFrame
        The profile columns at ``end`` [+ ``ordered_next``], indexed by customer id; customers
        acquired after ``end`` are not in it (noted).

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"customer_id": ["A", "B"], "customer_type": ["OEM", "OEM"],
    ...     "size": ["large", "small"], "region": ["East China"] * 2, "employees": [800, 40],
    ...     "acquired_date": ["2024-01-01", "2024-01-01"]})
    >>> orders = pd.DataFrame({"customer_id": ["A", "B", "A"], "order_id": ["1", "2", "3"],
    ...     "date": ["2025-05-01", "2025-06-01", "2025-09-28"], "amount": [100.0, 50.0, 80.0],
    ...     "margin": [20.0, 10.0, 16.0], "product_line": ["bearings"] * 3})
    >>> propensity_table(customers, "2025-06-30", orders=orders)[["orders", "days_since", "ordered_next"]]
    ... # doctest: +NORMALIZE_WHITESPACE
                 orders  days_since  ordered_next
    customer_id
    A                 1        60.0             1
    B                 1        29.0             0
    """
    v.require_frame(customers, "customers")
    end = v.as_timestamp(end)
    months = int(v.require_in_range(months, "months", 1, 24))
    out = customer_profile(
        customers,
        end,
        orders=orders,
        tickets=tickets,
        visits=visits,
        engagement=engagement,
        customer_col=customer_col,
    ).drop(columns=["nps_score"])
    if label:
        stop = end + pd.DateOffset(months=months)
        days = v.date_column(orders, "date", "orders").dt.normalize()
        if days.max() < stop - pd.Timedelta(days=7):
            raise ValueError(
                f"orders end on {days.max():%Y-%m-%d}: the target window up to {stop:%Y-%m-%d} is not observed; use label=False"
            )
        inside = orders[(days > end) & (days <= stop)]
        net = inside.groupby([customer_col, "order_id"])["amount"].sum()
        buyers = set(net[net > 0].index.get_level_values(0))
        out["ordered_next"] = out.index.isin(list(buyers)).astype(int)
    return out


def _design(table: pd.DataFrame, features: dict) -> pd.DataFrame:
    name = "table"
    v.require_columns(table, list(features), name)
    x = pd.DataFrame(index=table.index)
    for col, how in features.items():
        values = v.numeric_column(table, col, name, allow_missing=col == "days_since").astype(float)
        if col == "days_since" and values.isna().any():
            fill = 365 + 365.25 * v.numeric_column(table, "tenure_years", name)
            values = values.fillna(fill)
        x[col] = np.log1p(values) if how == "log" else values
    return x


def fit_propensity(
    table: pd.DataFrame,
    *,
    features: dict | None = None,
    target_col: str = "ordered_next",
    C: float = 1.0,
    random_state: int = 0,
):
    """Fit the purchase-propensity model: standardise the features, then logistic regression.

    Logistic regression (逻辑回归) gives each customer a probability
    p = 1 / (1 + e^−(b0 + b1·x1 + … )) of the target; with standardised features each weight b
    says how much one standard deviation more of a feature moves the log-odds. ``C`` is the
    inverse strength of the L2 penalty (smaller = weights pulled harder towards 0).

    Parameters
    ----------
    table : DataFrame
        Output of :func:`propensity_table` with the target.
    features : dict, optional
        ``{column: "log" or "none"}``; default :data:`PROPENSITY_FEATURES`.
    target_col : str
        The 0/1 target column.
    C : float
        Inverse penalty strength (default 1.0).
    random_state : int
        Seed (the solver is deterministic; kept fixed on principle).

    Returns
    -------
    sklearn Pipeline
        Fitted; ``features`` holds the feature dict it was fitted with.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"orders": [0, 1, 5, 9], "ordered_next": [0, 0, 1, 1]})
    >>> model = fit_propensity(t, features={"orders": "log"})
    >>> score_propensity(model, t).round(2).tolist()
    [0.21, 0.36, 0.66, 0.77]
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    v.require_frame(table, "table")
    features = dict(PROPENSITY_FEATURES if features is None else features)
    v.require_columns(table, [target_col], "table")
    y = v.numeric_column(table, target_col, "table")
    if not set(y.unique()) <= {0, 1}:
        raise ValueError(f"table column {target_col!r} must hold 0 and 1 only")
    if y.nunique() < 2:
        raise ValueError(f"table column {target_col!r} holds one class only: a model needs buyers and non-buyers")
    C = v.require_in_range(C, "C", 0, None, inclusive=False)
    model = make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=1000, random_state=random_state))
    model.fit(_design(table, features), y.astype(int))
    model.features = features
    return model


def score_propensity(model, table: pd.DataFrame) -> pd.Series:
    """Probability of ordering in the next period, per customer (0-1).

    Parameters
    ----------
    model : Pipeline
        From :func:`fit_propensity`.
    table : DataFrame
        Features of the customers to score (:func:`propensity_table`, with or without the target).

    Returns
    -------
    Series
        ``propensity``, indexed like ``table``.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"orders": [0, 1, 5, 9], "ordered_next": [0, 0, 1, 1]})
    >>> model = fit_propensity(t, features={"orders": "log"})
    >>> score_propensity(model, pd.DataFrame({"orders": [3]}, index=["X"])).round(3)
    X    0.55
    Name: propensity, dtype: float64
    """
    v.require_frame(table, "table")
    if not hasattr(model, "features"):
        raise TypeError("model must come from fit_propensity")
    p = model.predict_proba(_design(table, model.features))[:, 1]
    return pd.Series(p, index=table.index, name="propensity")


def model_weights(model) -> pd.Series:
    """Weight of each standardised feature in the log-odds, largest effect first (sign kept).

    Parameters
    ----------
    model : Pipeline
        From :func:`fit_propensity`.

    Returns
    -------
    Series
        ``weight`` per feature, rounded to 3, sorted by absolute size.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"orders": [0, 1, 5, 9], "ordered_next": [0, 0, 1, 1]})
    >>> model_weights(fit_propensity(t, features={"orders": "log"}))
    orders    0.991
    Name: weight, dtype: float64
    """
    if not hasattr(model, "features"):
        raise TypeError("model must come from fit_propensity")
    w = pd.Series(model[-1].coef_[0], index=list(model.features), name="weight")
    return w.reindex(w.abs().sort_values(ascending=False).index).round(3)


def _scored(table, score_col, target_col):
    v.require_frame(table, "table")
    v.require_columns(table, [score_col, target_col], "table")
    p = v.numeric_column(table, score_col, "table")
    y = v.numeric_column(table, target_col, "table")
    if not set(y.unique()) <= {0, 1}:
        raise ValueError(f"table column {target_col!r} must hold 0 and 1 only")
    return p.astype(float), y.astype(int)


def auc(table: pd.DataFrame, *, score_col: str = "propensity", target_col: str = "ordered_next") -> float:
    """Area under the ROC curve (AUC): the chance that a random buyer scores above a random non-buyer.

    0.5 is a coin toss, 1.0 a perfect ranking; ties count half.

    Parameters
    ----------
    table : DataFrame
        One row per customer with the score and the 0/1 outcome.
    score_col, target_col : str
        Column names.

    Returns
    -------
    float
        Rounded to 3 decimals.

    Examples
    --------
    Buyer scores 0.9 and 0.4, non-buyers 0.5 and 0.1: 3 of the 4 buyer/non-buyer pairs are in order.

    >>> import pandas as pd
    >>> auc(pd.DataFrame({"propensity": [0.9, 0.4, 0.5, 0.1], "ordered_next": [1, 1, 0, 0]}))
    0.75
    """
    from sklearn.metrics import roc_auc_score

    p, y = _scored(table, score_col, target_col)
    if y.nunique() < 2:
        raise ValueError(f"table column {target_col!r} holds one class only: AUC needs buyers and non-buyers")
    return round(float(roc_auc_score(y, p)), 3)


def gain_table(
    table: pd.DataFrame, *, groups: int = 10, score_col: str = "propensity", target_col: str = "ordered_next"
) -> pd.DataFrame:
    """Cumulative gain and lift by score group (增益与提升): how many buyers the top of the list holds.

    Customers are sorted by score, highest first (ties by index), and cut into ``groups``
    groups of (nearly) equal size. For the top g groups: *gain* is the share of all buyers
    they hold, *lift* is their buyer rate divided by the overall buyer rate (1 = no better
    than calling at random).

    Parameters
    ----------
    table : DataFrame
        One row per customer with the score and the 0/1 outcome.
    groups : int
        Number of groups (10: deciles).
    score_col, target_col : str
        Column names.

    Returns
    -------
    DataFrame
        Indexed by ``group`` (1 = highest scores): ``customers``, ``buyers``, ``buyer_rate``,
        ``contacted_share`` and ``gain`` (cumulative, 0-1), ``lift`` (cumulative), rounded to 3.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"propensity": [0.9, 0.8, 0.3, 0.2], "ordered_next": [1, 0, 1, 0]})
    >>> gain_table(t, groups=2)  # doctest: +NORMALIZE_WHITESPACE
           customers  buyers  buyer_rate  contacted_share  gain  lift
    group
    1              2       1         0.5              0.5   0.5   1.0
    2              2       1         0.5              1.0   1.0   1.0
    """
    p, y = _scored(table, score_col, target_col)
    groups = int(v.require_in_range(groups, "groups", 1, len(p)))
    if y.sum() == 0:
        raise ValueError(f"table column {target_col!r} has no buyers: gain is undefined")
    order = pd.DataFrame({"p": p, "y": y, "pos": np.arange(len(p))}).sort_values(["p", "pos"], ascending=[False, True])
    order["group"] = np.arange(len(order)) * groups // len(order) + 1
    g = order.groupby("group")["y"].agg(customers="size", buyers="sum")
    g["buyer_rate"] = (g["buyers"] / g["customers"]).round(3)
    g["contacted_share"] = (g["customers"].cumsum() / len(order)).round(3)
    g["gain"] = (g["buyers"].cumsum() / y.sum()).round(3)
    g["lift"] = (g["buyers"].cumsum() / g["customers"].cumsum() / y.mean()).round(3)
    return g


def call_list(
    table: pd.DataFrame,
    customers: pd.DataFrame | None = None,
    *,
    n: int = 10,
    rank_by: str = "expected_revenue",
    customer_col: str = "customer_id",
) -> pd.DataFrame:
    """The next-quarter call list: the top ``n`` customers by propensity or by expected revenue.

    Expected revenue (预期收入) = propensity × the customer's average quarterly revenue of the
    last twelve months (``revenue`` / 4), in CNY: a likely buyer of small orders ranks below a
    somewhat less likely buyer of large ones.

    Parameters
    ----------
    table : DataFrame
        Features with a ``propensity`` column (:func:`score_propensity` joined to
        :func:`propensity_table`).
    customers : DataFrame
        The customer table (company name, account manager); required.
    n : int
        Length of the list.
    rank_by : {"expected_revenue", "propensity"}
        Ranking rule.
    customer_col : str
        Customer id column of ``customers``.

    Returns
    -------
    DataFrame
        ``company_name``, ``account_manager``, ``propensity`` (rounded to 3), ``revenue`` (last
        12 months, CNY), ``expected_revenue`` (CNY, rounded to 0), ``days_since``; best first.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"propensity": [0.9, 0.5], "revenue": [4000.0, 40000.0], "days_since": [10.0, 60.0]},
    ...                  index=pd.Index(["A", "B"], name="customer_id"))
    >>> c = pd.DataFrame({"customer_id": ["A", "B"], "company_name": ["Alpha", "Beta"],
    ...                   "account_manager": ["Li Na", "Wang Fang"]})
    >>> call_list(t, c, n=2)[["company_name", "expected_revenue"]]  # doctest: +NORMALIZE_WHITESPACE
                company_name  expected_revenue
    customer_id
    B                   Beta            5000.0
    A                  Alpha             900.0
    """
    v.require_frame(table, "table")
    v.require_columns(table, ["propensity", "revenue", "days_since"], "table")
    v.require_frame(customers, "customers")
    v.require_columns(customers, [customer_col, "company_name", "account_manager"], "customers")
    if rank_by not in ("expected_revenue", "propensity"):
        raise ValueError(f"rank_by must be 'expected_revenue' or 'propensity', got {rank_by!r}")
    n = int(v.require_in_range(n, "n", 1, None))
    out = customers.set_index(customer_col)[["company_name", "account_manager"]].reindex(table.index)
    out["propensity"] = table["propensity"].round(3)
    out["revenue"] = table["revenue"].round(0)
    out["expected_revenue"] = (table["propensity"] * table["revenue"] / 4).round(0)
    out["days_since"] = table["days_since"]
    out = out.sort_values([rank_by, "propensity"], ascending=False, kind="stable")
    return out.head(n)
