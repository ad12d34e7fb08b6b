"""Loaders of the extension tables (lessons 01-13): service handling, funnel history, cost to serve,
engagement and trust, credit overrides, collection excuses and the hand-written feedback hold-out."""

from __future__ import annotations

import pandas as pd

from ._io import _read


def load_ticket_handling(path=None) -> pd.DataFrame:
    """Ticket handling (工单处理过程): handoffs, reopening, escalation and closure per ticket.

    One row per ticket of :func:`load_tickets`, same ``ticket_id``. ``closed_at``
    is NaT for tickets still open at the observation end.

    Parameters
    ----------
    path : str or Path, optional
        Read this CSV instead of the shipped ``ticket_handling.csv``.

    Returns
    -------
    DataFrame
        Columns ``ticket_id, handoffs, reopened, escalated, closed_at``.

    Examples
    --------
    >>> from coursekit.datasets import load_ticket_handling
    >>> th = load_ticket_handling()
    >>> len(th), int(th["reopened"].sum()), int(th["escalated"].sum()), int(th["closed_at"].isna().sum())
    (4975, 772, 666, 10)
    """
    return _read("ticket_handling", path)


def load_opportunity_stages(path=None) -> pd.DataFrame:
    """Opportunity stage history (商机阶段记录): one row per opportunity and stage entered.

    Stages are the keys of :data:`FUNNEL_STAGES`; every opportunity starts at
    ``opportunity`` on its ``created_date`` and its last row is its
    ``stage_reached``. ``exited_date`` is NaT while it is still in the stage.

    Parameters
    ----------
    path : str or Path, optional
        Read this CSV instead of the shipped ``opportunity_stages.csv``.

    Returns
    -------
    DataFrame
        Columns ``opportunity_id, stage, entered_date, exited_date``.

    Examples
    --------
    >>> from coursekit.datasets import load_opportunity_stages
    >>> stages = load_opportunity_stages()
    >>> stages["stage"].value_counts()[["opportunity", "deal", "service"]].to_dict()
    {'opportunity': 2600, 'deal': 475, 'service': 424}
    """
    return _read("opportunity_stages", path)


def load_cost_rates(path=None) -> pd.DataFrame:
    """Cost-to-serve rates (服务成本费率) in CNY, by activity and variant.

    Parameters
    ----------
    path : str or Path, optional
        Read this CSV instead of the shipped ``cost_rates.csv``.

    Returns
    -------
    DataFrame
        Columns ``activity, variant, unit, rate_cny, basis``.

    Examples
    --------
    >>> from coursekit.datasets import load_cost_rates
    >>> rates = load_cost_rates().set_index(["activity", "variant"])["rate_cny"]
    >>> float(rates["delivery", "East China"]), float(rates["visit", "executive"])
    (25.0, 3500.0)
    """
    return _read("cost_rates", path)


def load_visits(path=None) -> pd.DataFrame:
    """Customer visits (客户拜访): date and kind (routine, key-account, executive).

    Parameters
    ----------
    path : str or Path, optional
        Read this CSV instead of the shipped ``visits.csv``.

    Returns
    -------
    DataFrame
        Columns ``visit_id, customer_id, date, kind, account_manager``.

    Examples
    --------
    >>> from coursekit.datasets import load_visits
    >>> load_visits()["kind"].value_counts().to_dict()
    {'routine': 6724, 'key-account': 2890, 'executive': 248}
    """
    return _read("visits", path)


def load_engagement(path=None) -> pd.DataFrame:
    """Engagement signals (客户参与行为): one dated event each, to be counted over any window.

    Signals are the keys of :data:`ENGAGEMENT_SIGNALS`.

    Parameters
    ----------
    path : str or Path, optional
        Read this CSV instead of the shipped ``engagement.csv``.

    Returns
    -------
    DataFrame
        Columns ``event_id, customer_id, date, signal``.

    Examples
    --------
    >>> from coursekit.datasets import load_engagement
    >>> events = load_engagement()
    >>> len(events), int(events["signal"].eq("co_development").sum())
    (6080, 352)
    """
    return _read("engagement", path)


def load_trust(path=None) -> pd.DataFrame:
    """Trust facts (信任指标): framework contract length and share of wallet, one row per customer.

    Missing means missing: ``contract_months`` is <NA> for spot buyers without a
    framework agreement, ``share_of_wallet_pct`` is NaN where it is unknown. Neither
    is ever 0 for "not known".

    Parameters
    ----------
    path : str or Path, optional
        Read this CSV instead of the shipped ``trust.csv``.

    Returns
    -------
    DataFrame
        Columns ``customer_id, contract_months`` (Int64), ``share_of_wallet_pct, wallet_source``.

    Examples
    --------
    >>> from coursekit.datasets import load_trust
    >>> trust = load_trust()
    >>> int(trust["contract_months"].notna().sum()), int(trust["share_of_wallet_pct"].notna().sum())
    (731, 901)
    """
    return _read("trust", path)


def load_credit_grades(path=None) -> pd.DataFrame:
    """Credit grades (信用等级与调整): scorecard grade and manual override per credit application.

    ``override_reason``, ``override_date`` and ``approved_by`` are empty when the
    grade was not overridden; reasons are the keys of :data:`CREDIT_OVERRIDE_REASONS`.

    Parameters
    ----------
    path : str or Path, optional
        Read this CSV instead of the shipped ``credit_grades.csv``.

    Returns
    -------
    DataFrame
        Columns ``application_id, model_grade, final_grade, override_reason, override_date, approved_by``.

    Examples
    --------
    >>> from coursekit.datasets import load_credit_grades
    >>> grades = load_credit_grades()
    >>> len(grades), int(grades["override_reason"].notna().sum())
    (887, 149)
    """
    return _read("credit_grades", path)


def load_payment_excuses(path=None) -> pd.DataFrame:
    """Collection contacts (催款记录) on overdue invoices, with the excuse the customer gave.

    Excuses are the keys of :data:`PAYMENT_EXCUSES` (seed 001's common excuses);
    ``excuse`` is empty when none was given, ``promised_date`` when no date was promised.

    Parameters
    ----------
    path : str or Path, optional
        Read this CSV instead of the shipped ``payment_excuses.csv``.

    Returns
    -------
    DataFrame
        Columns ``contact_id, invoice_id, customer_id, contact_date, channel, excuse, promised_date``.

    Examples
    --------
    >>> from coursekit.datasets import load_payment_excuses
    >>> contacts = load_payment_excuses()
    >>> contacts["excuse"].value_counts().index[0]
    'cash_flow_tight'
    """
    return _read("payment_excuses", path)


def load_feedback_holdout(path=None) -> pd.DataFrame:
    """Hand-written customer remarks (手写客户反馈), held out to judge the lesson-05 tagger.

    Written by hand in varied, colloquial Chinese and English (typos, mixed topics),
    not generated: the generated ``feedback.csv`` comes from a few templates per
    theme, so any tagger scores near 100 % on it. Themes and sentiments use the same
    keys as :func:`load_feedback`.

    Parameters
    ----------
    path : str or Path, optional
        Read this CSV instead of the shipped ``feedback_holdout.csv``.

    Returns
    -------
    DataFrame
        Columns ``remark_id, language, text, theme, sentiment``.

    Examples
    --------
    >>> from coursekit.datasets import load_feedback_holdout
    >>> list(load_feedback_holdout().columns)
    ['remark_id', 'language', 'text', 'theme', 'sentiment']
    """
    return _read("feedback_holdout", path)
