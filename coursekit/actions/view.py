"""One customer view (客户全景视图) and tiered service levels (分层服务, seed 003)."""

from __future__ import annotations

import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = [
    "BENCHMARK_NAMES",
    "SERVICE_LEVEL_NAMES",
    "customer_view",
    "industry_comparison",
    "latest_credit_grades",
    "service_levels",
]

#: Service levels by tier (seed 003): the standard SOP for the broad base, a service specialist for
#: the value tier, the five steps of key-account management for the top 5 %, and organisational
#: relationship management for the large groups among them.
SERVICE_LEVEL_NAMES = i18n.define_names(
    "service_level",
    {
        "organisational": "Organisational relationship management",
        "key_accounts": "Key-account management (five steps)",
        "specialist": "Standard SOP with a service specialist",
        "standard": "Standard SOP",
    },
    column="service_level",
)
_LEVELS = list(SERVICE_LEVEL_NAMES)

#: Seed 003's industry figures.
BENCHMARK_NAMES = i18n.define_names(
    "industry_benchmark",
    {
        "annual_churn": "Annual churn rate (%)",
        "acquisition_cost_growth": "Growth of acquisition cost over five years (%)",
        "personal_service": "Customers expecting / getting personal service (%)",
    },
    column="benchmark",
)
_INDUSTRY = {
    "annual_churn": (15.0, 25.0),
    "acquisition_cost_growth": (35.0, 35.0),
    "personal_service": (78.0, 78.0),
}


def latest_credit_grades(table: pd.DataFrame, *, grades: pd.DataFrame | None = None) -> pd.Series:
    """The final credit grade of each customer's latest credit application (信用等级).

    Parameters
    ----------
    table : DataFrame
        Credit applications with ``application_id``, ``customer_id``, ``application_date``
        (``datasets.load_credit()``).
    grades : DataFrame
        ``application_id`` and ``final_grade`` (``datasets.load_credit_grades()``).

    Returns
    -------
    Series ``credit_grade`` indexed by customer id, an ordered categorical A (best) to E; customers who never applied are
    absent. Applications without a grade are left out with a note.

    Examples
    --------
    >>> import pandas as pd
    >>> apps = pd.DataFrame({"application_id": ["A1", "A2", "A3"], "customer_id": ["C1", "C1", "C2"],
    ...                      "application_date": ["2023-03-01", "2025-02-01", "2024-05-01"]})
    >>> grades = pd.DataFrame({"application_id": ["A1", "A2", "A3"], "final_grade": ["C", "B", "A"]})
    >>> latest_credit_grades(apps, grades=grades).astype(str).to_dict()
    {'C1': 'B', 'C2': 'A'}
    """
    apps = v.require_frame(table, "table")
    v.require_columns(apps, ["application_id", "customer_id", "application_date"], "table")
    if grades is None:
        raise ValueError("latest_credit_grades: pass grades=datasets.load_credit_grades()")
    g = v.require_frame(grades, "grades")
    v.require_columns(g, ["application_id", "final_grade"], "grades")
    apps = apps.assign(application_date=pd.to_datetime(apps["application_date"]))
    merged = apps.merge(g[["application_id", "final_grade"]], on="application_id", how="left")
    missing = int(merged["final_grade"].isna().sum())
    merged = merged.dropna(subset=["final_grade"])
    latest = merged.sort_values(["customer_id", "application_date", "application_id"]).groupby("customer_id").last()
    out = latest["final_grade"].rename("credit_grade").astype(pd.CategoricalDtype(list("ABCDE"), ordered=True))
    out.index.name = "customer_id"
    if missing:
        v.note(i18n._("{n} applications have no grade and are left out", n=missing), out)
    return out


def customer_view(table: pd.DataFrame, *, keep=None, **parts) -> pd.DataFrame:
    """One row per customer joining the results of the course (客户全景视图).

    Parameters
    ----------
    table : DataFrame
        The base table indexed by customer id, usually the RFM table with its segment
        (``rfm.rfm_segments``); it sets the customers of the view.
    keep : list of str, optional
        Columns of ``table`` to keep (default: all).
    **parts : Series or one-column DataFrame
        Further results indexed by customer id; the keyword becomes the column name, e.g.
        ``clv=clv_12, tier=tiered["tier"], credit_grade=grades, health=health["score"]``.

    Returns
    -------
    DataFrame indexed by customer id. A customer of ``table`` that a part does not cover gets a
    missing value there, and customers of a part outside ``table`` are left out; both are counted
    in a note.

    Examples
    --------
    >>> import pandas as pd
    >>> base = pd.DataFrame({"segment": ["a", "b"]}, index=pd.Index(["C1", "C2"], name="customer_id"))
    >>> view = customer_view(base, clv=pd.Series({"C1": 100.0}), tier=pd.Series({"C1": "value", "C2": "ordinary"}))
    >>> view.loc["C1", "clv"].item(), view.loc["C2", "tier"]
    (100.0, 'ordinary')
    """
    base = v.require_frame(table, "table")
    v.require_unique_index(base, "table")
    out = base[list(keep)] if keep is not None else base.copy()
    if keep is not None:
        v.require_columns(base, list(keep), "table")
    messages = []
    for name, part in parts.items():
        if isinstance(part, pd.DataFrame):
            if part.shape[1] != 1:
                raise ValueError(f"customer_view: part {name!r} has {part.shape[1]} columns; pass one column")
            part = part.iloc[:, 0]
        if not isinstance(part, pd.Series):
            raise TypeError(f"customer_view: part {name!r} must be a pandas Series, got {type(part).__name__}")
        v.require_unique_index(part, name)
        uncovered = int((~out.index.isin(part.index)).sum())
        outside = int((~part.index.isin(out.index)).sum())
        out[name] = part.reindex(out.index)
        if uncovered:
            messages.append(i18n._("{part}: {n} customers without a value", part=name, n=uncovered))
        if outside:
            messages.append(i18n._("{part}: {n} customers outside the view left out", part=name, n=outside))
    if messages:
        v.note(i18n.sentence(messages), out)
    return out


def service_levels(table: pd.DataFrame, *, tier_col: str = "tier", size_col: str = "size") -> pd.Series:
    """The service level of each customer by tier (seed 003's tiered customer management).

    Rules: a *strategic* customer (top 5 %) that is a large company gets organisational
    relationship management; other strategic customers the five steps of key-account
    management; the *value* tier a standard SOP with a named service specialist; *potential*
    and *ordinary* customers (about 80 % of the book) the standard SOP.

    Parameters
    ----------
    table : DataFrame
        Indexed by customer id, with the tier (``tiers.assign_tiers`` keys) and the company size
        (small, medium, large).
    tier_col, size_col : str
        Column names.

    Returns
    -------
    Series ``service_level`` of ordered keys (organisational first).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"tier": ["strategic", "strategic", "value", "ordinary"],
    ...                   "size": ["large", "small", "large", "large"]}, index=["C1", "C2", "C3", "C4"])
    >>> service_levels(t).tolist()
    ['organisational', 'key_accounts', 'specialist', 'standard']
    """
    df = v.require_frame(table, "table")
    v.require_columns(df, [tier_col, size_col], "table")
    tier = df[tier_col].astype(object)
    level = pd.Series("standard", index=df.index, name="service_level", dtype=object)
    level[tier.eq("value")] = "specialist"
    level[tier.eq("strategic")] = "key_accounts"
    level[tier.eq("strategic") & df[size_col].astype(object).eq("large")] = "organisational"
    missing = int(tier.isna().sum())
    if missing:
        v.note(i18n._("{n} customers without a tier get the standard SOP", n=missing), level)
    return level.astype(pd.CategoricalDtype(_LEVELS, ordered=True))


def industry_comparison(
    churn_pct: float, *, personal_service_pct: float, acquisition_cost_growth_pct=None
) -> pd.DataFrame:
    """Seed 003's industry figures beside the company's own (行业数据对照).

    Industry: annual churn 15-25 %, acquisition cost up 35 % in five years, 78 % of customers
    expect personal service.

    Parameters
    ----------
    churn_pct : float
        The company's annual churn rate (%), e.g. from ``loyalty.churn_rates``.
    personal_service_pct : float
        Share of customers who get personal service (a named specialist or more), in %.
    acquisition_cost_growth_pct : float, optional
        Growth of the cost of winning a customer over five years (%); missing when not measured.

    Returns
    -------
    DataFrame indexed by benchmark key: ``industry_low``, ``industry_high``, ``company`` (%).

    Examples
    --------
    >>> industry_comparison(21.9, personal_service_pct=20.0)["company"].tolist()
    [21.9, nan, 20.0]
    """
    values = {"annual_churn": churn_pct, "personal_service": personal_service_pct}
    for key, val in values.items():
        if isinstance(val, bool) or not isinstance(val, (int, float)):
            raise TypeError(f"industry_comparison: {key} must be a number (%), got {type(val).__name__}")
        v.require_in_range(val, key, 0, 100)
    growth = float("nan") if acquisition_cost_growth_pct is None else float(acquisition_cost_growth_pct)
    company = {
        "annual_churn": float(churn_pct),
        "acquisition_cost_growth": growth,
        "personal_service": float(personal_service_pct),
    }
    out = pd.DataFrame(
        {
            "industry_low": [_INDUSTRY[k][0] for k in BENCHMARK_NAMES],
            "industry_high": [_INDUSTRY[k][1] for k in BENCHMARK_NAMES],
            "company": [company[k] for k in BENCHMARK_NAMES],
        },
        index=pd.Index(list(BENCHMARK_NAMES), name="benchmark"),
    )
    return out
