"""Loaders of the ten core case tables and of the real CDNOW data."""

from __future__ import annotations

import importlib.resources
import warnings

import pandas as pd

from .. import _validate as v
from ._io import _read


def load_customers(path=None) -> pd.DataFrame:
    """Customers (客户档案): one row per business customer.

    Parameters
    ----------
    path : str or Path, optional
        Read this CSV instead of ``datasets/customers.csv``.

    Returns
    -------
    DataFrame
        Columns ``customer_id, company_name, industry, customer_type, size, employees, region, city,
        acquired_date, acquisition_channel, account_manager, payment_terms_days``.

    Examples
    --------
    >>> from coursekit.datasets import load_customers
    >>> customers = load_customers()
    >>> customers["customer_type"].value_counts().sort_index().to_dict()
    {'OEM': 317, 'channel partner': 261, 'end user': 1422}
    >>> int((customers["acquired_date"] < "2023-01-01").sum())
    724
    """
    return _read("customers", path)


def load_orders(path=None) -> pd.DataFrame:
    """Order lines (订单明细): sales and returns, one row per product line of an order.

    Return lines have negative ``quantity``, ``amount`` and ``margin`` and carry
    the ``order_id`` of the original sale.

    Parameters
    ----------
    path : str or Path, optional
        Read this CSV instead of ``datasets/orders.csv``.

    Returns
    -------
    DataFrame
        Columns ``line_id, order_id, customer_id, date, product_line, quantity, amount, margin, line_type``.

    Examples
    --------
    >>> from coursekit.datasets import load_orders
    >>> orders = load_orders()
    >>> orders["line_type"].value_counts().to_dict()
    {'sale': 66464, 'return': 1753}
    >>> str(orders["date"].min().date()), str(orders["date"].max().date())
    ('2023-01-02', '2025-12-31')
    """
    return _read("orders", path)


def load_tickets(path=None) -> pd.DataFrame:
    """Service tickets (服务工单): one row per ticket, with handling times and ratings.

    Parameters
    ----------
    path : str or Path, optional
        Read this CSV instead of ``datasets/tickets.csv``.

    Returns
    -------
    DataFrame
        Columns ``ticket_id, customer_id, opened_at, ticket_type, channel, first_contact_resolved,
        response_hours, resolution_hours, is_complaint, satisfaction_after`` (nullable ``Int64``).

    Examples
    --------
    >>> from coursekit.datasets import load_tickets
    >>> tickets = load_tickets()
    >>> tickets["is_complaint"].dtype
    dtype('bool')
    >>> round(float(tickets["first_contact_resolved"].mean()), 2)
    0.53
    """
    return _read("tickets", path)


def load_survey(path=None) -> pd.DataFrame:
    """Satisfaction survey (满意度调查): one row per response, one wave each June 2023-2025.

    For each attribute in :data:`SURVEY_ATTRIBUTES` there are three columns:
    ``perf_<attr>`` (perception), ``exp_<attr>`` (expectation) and
    ``imp_<attr>`` (stated importance), all on 1-10.

    Parameters
    ----------
    path : str or Path, optional
        Read this CSV instead of ``datasets/survey.csv``.

    Returns
    -------
    DataFrame
        Columns ``response_id, customer_id, survey_date, nps_score, overall_satisfaction,
        repurchase_intent`` and the 18 attribute columns.

    Examples
    --------
    >>> from coursekit.datasets import load_survey
    >>> survey = load_survey()
    >>> survey["survey_date"].dt.year.value_counts().sort_index().to_dict()
    {2023: 222, 2024: 354, 2025: 423}
    """
    return _read("survey", path)


def load_feedback(path=None) -> pd.DataFrame:
    """Voice of the customer (客户之声): free-text remarks with human theme and sentiment tags.

    Parameters
    ----------
    path : str or Path, optional
        Read this CSV instead of ``datasets/feedback.csv``.

    Returns
    -------
    DataFrame
        Columns ``feedback_id, customer_id, date, source, language, text, theme, sentiment``.

    Examples
    --------
    >>> from coursekit.datasets import load_feedback
    >>> feedback = load_feedback()
    >>> sorted(feedback["theme"].unique())[:4]
    ['delivery', 'invoicing', 'ordering', 'praise']
    """
    return _read("feedback", path)


def load_referrals(path=None) -> pd.DataFrame:
    """Referral and dependency links between customers (推荐与依存关系网络).

    Parameters
    ----------
    path : str or Path, optional
        Read this CSV instead of ``datasets/referrals.csv``.

    Returns
    -------
    DataFrame
        Columns ``source_id, target_id, relation, date``; ``relation`` is ``"referred"``
        or ``"depends_on"``.

    Examples
    --------
    >>> from coursekit.datasets import load_referrals
    >>> load_referrals()["relation"].value_counts().to_dict()
    {'referred': 449, 'depends_on': 158}
    """
    return _read("referrals", path)


def load_credit(path=None) -> pd.DataFrame:
    """Credit applications (授信申请) with the 6C features and the 12-month default flag.

    ``collateral_coverage`` is missing (NaN) when no appraisal is on file.

    Parameters
    ----------
    path : str or Path, optional
        Read this CSV instead of ``datasets/credit.csv``.

    Returns
    -------
    DataFrame
        Columns ``application_id, customer_id, application_date, character_score, capacity_dscr,
        capital_equity_pct, collateral_coverage, conditions_outlook, continuity_years,
        requested_limit, default_12m``.

    Examples
    --------
    >>> from coursekit.datasets import load_credit
    >>> credit = load_credit()
    >>> len(credit), int(credit["default_12m"].sum()), int(credit["collateral_coverage"].isna().sum())
    (887, 72, 31)
    """
    return _read("credit", path)


def load_receivables(path=None) -> pd.DataFrame:
    """Receivables (应收账款): one invoice per sales order with due and paid dates.

    ``paid_date`` is NaT when the invoice was still unpaid at :data:`OBSERVATION_END`;
    ``due_date`` may lie after it.

    Parameters
    ----------
    path : str or Path, optional
        Read this CSV instead of ``datasets/receivables.csv``.

    Returns
    -------
    DataFrame
        Columns ``invoice_id, customer_id, order_id, invoice_date, amount, due_date, paid_date``.

    Examples
    --------
    >>> from coursekit.datasets import load_receivables
    >>> receivables = load_receivables()
    >>> int(receivables["paid_date"].isna().sum())
    2388
    """
    return _read("receivables", path)


def load_opportunities(path=None) -> pd.DataFrame:
    """Sales opportunities (销售机会) with the furthest funnel stage reached.

    The stages, in order, are the keys of :data:`FUNNEL_STAGES`.

    Parameters
    ----------
    path : str or Path, optional
        Read this CSV instead of ``datasets/opportunities.csv``.

    Returns
    -------
    DataFrame
        Columns ``opportunity_id, customer_id, account_manager, created_date, stage_reached,
        status, expected_value, lost_reason``.

    Examples
    --------
    >>> from coursekit.datasets import load_opportunities, FUNNEL_STAGES
    >>> opps = load_opportunities()
    >>> opps["status"].value_counts().to_dict()
    {'lost': 2004, 'won': 475, 'open': 121}
    >>> list(FUNNEL_STAGES)[:3], FUNNEL_STAGES["deal"]
    (['opportunity', 'lead', 'reach'], 'Deal')
    """
    return _read("opportunities", path)


def load_kano(path=None) -> pd.DataFrame:
    """Kano survey (KANO 问卷): functional and dysfunctional answer per respondent and feature.

    Answers are the keys of :data:`KANO_ANSWERS` (喜欢/理所当然/无所谓/能忍受/不喜欢).

    Parameters
    ----------
    path : str or Path, optional
        Read this CSV instead of ``datasets/kano.csv``.

    Returns
    -------
    DataFrame
        Columns ``respondent_id, customer_id, feature, functional, dysfunctional``.

    Examples
    --------
    >>> from coursekit.datasets import load_kano, KANO_ANSWERS
    >>> kano = load_kano()
    >>> kano["respondent_id"].nunique(), kano["feature"].nunique()
    (300, 8)
    >>> KANO_ANSWERS["must-be"]
    'It must be that way'
    """
    return _read("kano", path)


def load_cdnow(kind: str = "sample") -> pd.DataFrame:
    """Real CDNOW transactions (an online CD store, 1997-01-01 to 1998-06-30) shipped with ``lifetimes``.

    ``"master"`` is the full cohort of 23,570 customers who first bought in
    1997 Q1; ``"sample"`` is the 1/10 sample (2,357 customers) used by Fader,
    Hardie & Lee (2005). Both keep the original customer ids (the sample's
    second, renumbered id is dropped).

    Parameters
    ----------
    kind : {"sample", "master"}
        Which file to read.

    Returns
    -------
    DataFrame
        Columns ``customer_id`` (int), ``date`` (datetime64), ``quantity`` (int, CDs bought),
        ``amount`` (float, USD).

    Examples
    --------
    >>> from coursekit.datasets import load_cdnow
    >>> cd = load_cdnow("sample")
    >>> len(cd), cd["customer_id"].nunique()
    (6919, 2357)
    >>> load_cdnow("full")
    Traceback (most recent call last):
    ...
    ValueError: kind must be 'sample' or 'master', got 'full'
    """
    files = {
        "sample": ("CDNOW_sample.txt", ["customer_id", "sample_id", "date", "quantity", "amount"], 0),
        "master": ("CDNOW_master.txt", ["customer_id", "date", "quantity", "amount"], 1),
    }
    if kind not in files:
        raise ValueError(f"kind must be 'sample' or 'master', got {kind!r}")
    filename, names, skip = files[kind]
    with warnings.catch_warnings():  # importing lifetimes warns about a pandas option it sets
        warnings.filterwarnings("ignore", message=".*mode.chained_assignment")
        resource = importlib.resources.files("lifetimes") / "datasets" / filename
    with resource.open("r", encoding="ascii") as fh:
        raw = pd.read_csv(fh, sep=r"\s+", header=None, names=names, skiprows=skip, dtype=str)
    name = f"CDNOW {kind} ({filename})"
    v.require_columns(raw, names, name)
    dates = pd.to_datetime(raw["date"], format="%Y%m%d", errors="coerce")
    out = pd.DataFrame(
        {
            "customer_id": v.numeric_column(raw, "customer_id", name, allow_negative=False).astype("int64"),
            "date": v.date_column(dates.to_frame("date"), "date", name),
            "quantity": v.numeric_column(raw, "quantity", name, allow_negative=False).astype("int64"),
            "amount": v.numeric_column(raw, "amount", name, allow_negative=False),
        }
    )
    out.attrs["table"] = f"cdnow_{kind}"
    return out
