"""Unit tests of coursekit.service: service tickets per type."""

from __future__ import annotations

import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import coursekit
from coursekit import i18n, service


@pytest.fixture(autouse=True)
def english_and_closed_figures():
    i18n.use("en")
    yield
    i18n.use("en")
    plt.close("all")


def test_plot_ticket_types_counts_largest_first_in_both_languages():
    tickets = pd.DataFrame({"ticket_type": ["invoice error", "quality issue", "quality issue"]})
    ax = service.plot_ticket_types(tickets)
    assert ax.get_title() == "Service tickets by type" and ax.get_ylabel() == "Ticket type"
    assert [t.get_text() for t in ax.texts] == [" 2 (67%)", " 1 (33%)"]
    i18n.use("zh")
    ax = service.plot_ticket_types(tickets)
    assert ax.get_title() == "各类型服务工单数" and ax.get_xlabel() == "工单数（张）"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["质量问题", "发票错误"]


def test_plot_ticket_types_by_another_column():
    tickets = pd.DataFrame({"channel": ["phone", "email", "phone", "visit"]})
    ax = service.plot_ticket_types(tickets, by="channel")
    assert ax.get_title() == "Service tickets by channel" and ax.get_ylabel() == "channel"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["phone", "email", "visit"]  # ties by name


def test_plot_ticket_types_bad_input():
    customers = pd.DataFrame({"region": ["East China"]})
    with pytest.raises(ValueError, match="tickets is missing column 'ticket_type'"):
        service.plot_ticket_types(customers)
    with pytest.raises(TypeError, match="tickets must be a pandas DataFrame"):
        service.plot_ticket_types(["quality issue"])
    with pytest.raises(ValueError, match="tickets column 'ticket_type' has 1 missing"):
        service.plot_ticket_types(pd.DataFrame({"ticket_type": ["quality issue", None]}))


# --------------------------------------------------------------------------- one-stop service and complaints
def _raw():
    tickets = pd.DataFrame(
        {
            "ticket_id": ["T1", "T2", "T3", "T4", "T5"],
            "customer_id": ["A", "A", "A", "B", "C"],
            "opened_at": [
                "2025-01-02 09:00",
                "2025-03-01 10:00",
                "2025-06-01 08:00",
                "2025-12-30 10:00",
                "2026-01-02 09:00",
            ],
            "ticket_type": ["quality issue", "delivery delay", "quality issue", "invoice error", "order change"],
            "channel": ["phone", "phone", "email", "WeChat", "phone"],
            "first_contact_resolved": [True, False, False, False, True],
            "response_hours": [1.0, 4.0, 6.5, 3.9, 0.5],
            "is_complaint": [True, True, False, True, False],
            "satisfaction_after": pd.array([5, 2, pd.NA, 1, 4], dtype="Int64"),
        }
    )
    handling = pd.DataFrame(
        {
            "ticket_id": ["T5", "T4", "T3", "T2", "T1"],  # another order: joined on the id
            "handoffs": [0, 3, 1, 2, 0],
            "reopened": [False, True, False, True, False],
            "escalated": [False, False, True, True, False],
            "closed_at": [None, None, "2026-01-03 10:00", "2025-03-03 10:00", "2025-01-02 12:30"],
        }
    )
    return tickets, handling


def _table():
    tickets, handling = _raw()
    with pytest.warns(UserWarning, match="1 ticket"):
        return service.ticket_table(tickets, "2025-12-31", handling=handling)


def test_ticket_table_flags_by_hand():
    t = _table()
    assert list(t.index) == ["T1", "T2", "T3", "T4"]  # T5 opened after the end: left out, noted
    assert t.attrs["notes"] == ["1 ticket(s) opened after 2025-12-31 left out"]
    assert t["one_stop"].tolist() == [True, False, False, False]
    assert t["on_time"].tolist() == [True, False, False, True]  # 4.0 h is not "< 4 h"
    assert t["failed"].tolist() == [False, True, True, True]
    # T1 3.5 h, T2 48 h; T3 closed after the end and T4 never: open
    assert t["hours_to_close"].tolist()[:2] == [3.5, 48.0] and t["hours_to_close"].isna().tolist()[2:] == [True, True]
    assert t["open_at_end"].tolist() == [False, False, True, True]
    assert t["kind"].astype(str).tolist() == ["complaint", "complaint", "request", "complaint"]
    assert t["year"].tolist() == [2025] * 4
    wider = service.ticket_table(_raw()[0].iloc[:4], "2025-12-31", handling=_raw()[1], standard_hours=4.5)
    assert wider["on_time"].tolist() == [True, True, False, True]


def test_one_stop_summary_by_hand():
    t = _table()
    overall = service.one_stop_summary(t)
    row = overall.loc["all"]
    assert row["tickets"] == 4 and row["first_contact_rate"] == 0.25
    assert row["handoffs_mean"] == (0 + 2 + 1 + 3) / 4 and row["two_plus_handoffs"] == 0.5
    assert row["response_median"] == (3.9 + 4.0) / 2 and row["on_time_rate"] == 0.5
    by = service.one_stop_summary(t, by="channel")
    assert by["tickets"].to_dict() == {"WeChat": 1, "email": 1, "phone": 2}
    assert by.loc["phone", "first_contact_rate"] == 0.5 and by.loc["phone", "response_median"] == 2.5


def test_handling_quality_by_hand():
    q = service.handling_quality(_table())
    assert list(q.index.astype(str)) == ["complaint", "request"]
    c = q.loc["complaint"]
    assert (
        c["tickets"] == 3 and c["reopened_rate"] == pytest.approx(2 / 3) and c["escalated_rate"] == pytest.approx(1 / 3)
    )
    assert c["close_median"] == pytest.approx((3.5 + 48.0) / 2) and c["open_at_end"] == 1
    assert c["rating_mean"] == pytest.approx((5 + 2 + 1) / 3) and c["rated"] == 3
    r = q.loc["request"]
    assert r["escalated_rate"] == 1.0 and r["open_at_end"] == 1 and r["rated"] == 0 and np.isnan(r["rating_mean"])
    assert service.handling_quality(_table(), by=None).loc["all", "tickets"] == 4


def test_complaint_causes_by_hand():
    causes = service.complaint_causes(_table())
    assert causes.index.tolist() == ["delivery delay", "invoice error", "quality issue"]  # 1 complaint each: by name
    assert causes["cause"].astype(str).tolist() == ["service", "service", "product"]
    assert causes.loc["quality issue", "complaint_rate"] == 0.5
    assert causes["complaint_share"].tolist() == pytest.approx([1 / 3] * 3)


def test_failed_customers_and_status_by_hand():
    t = _table()
    failing = service.failed_customers(t)
    assert failing.index.tolist() == ["A"] and failing.loc["A"].tolist()[:3] == [3, 2, 2]
    assert failing.loc["A", "last_failure"] == pd.Timestamp("2025-06-01 08:00")
    once = service.failed_customers(t, min_failed=1)
    assert once.index.tolist() == ["A", "B"]
    status = pd.DataFrame({"status": ["lost", "active"]}, index=["A", "B"])
    by = service.status_by_failures(t, status=status)
    assert by.loc["failed_twice", "customers"] == 1 and by.loc["failed_twice", "lost_share"] == 1.0
    assert by.loc["other_tickets", "active_share"] == 1.0 and by.loc["other_tickets", "churned"] == 0.0
    with i18n.language("zh"):
        shown = coursekit.display(by)
    assert list(shown.index) == ["服务至少失败两次", "其他有工单的客户"]


def test_service_measures_on_the_case_data():
    """The planted pattern h. of datasets/README.md, through the lesson's functions."""
    from coursekit import datasets, loyalty

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = service.ticket_table(
            datasets.load_tickets(), datasets.OBSERVATION_END, handling=datasets.load_ticket_handling()
        )
        status = loyalty.customer_status(datasets.load_orders(), datasets.OBSERVATION_END, order_col="order_id")
    assert len(t) == 4975 and (t["one_stop"] == t["first_contact_resolved"]).all()
    assert round(t["reopened"].mean(), 3) == 0.155 and int(t["open_at_end"].sum()) == 10
    assert len(service.failed_customers(t)) == 242
    by = service.status_by_failures(t, status=status)
    assert by.loc["failed_twice", "churned"] > by.loc["other_tickets", "churned"] + 0.15


def test_service_measures_bad_input():
    tickets, handling = _raw()
    with pytest.raises(TypeError, match="tickets must be a pandas DataFrame"):
        service.ticket_table([1], "2025-12-31")
    with pytest.raises(ValueError, match="tickets is missing column 'handoffs'"):
        service.ticket_table(tickets, "2025-12-31")
    with pytest.raises(ValueError, match="handling has no row for 1 ticket"):
        service.ticket_table(tickets, "2025-12-31", handling=handling.iloc[1:])
    with pytest.raises(ValueError, match="standard_hours"):
        service.ticket_table(tickets, "2025-12-31", handling=handling, standard_hours=0)
    with pytest.raises(TypeError, match="'reopened' must hold True/False"):
        service.ticket_table(tickets, "2026-12-31", handling=handling.assign(reopened=[0, 1, 0, 1, 0]))
    t = _table()
    with pytest.raises(ValueError, match="table is missing column 'on_time'"):
        service.one_stop_summary(t.drop(columns="on_time"))
    with pytest.raises(ValueError, match="missing column 'region'"):
        service.handling_quality(t, by="region")
    with pytest.raises(ValueError, match="no complaint"):
        service.complaint_causes(t[t["kind"] == "request"])
    with pytest.raises(ValueError, match="min_failed must be at least 1"):
        service.failed_customers(t, min_failed=0)
    with pytest.raises(TypeError, match="min_failed must be a whole number"):
        service.failed_customers(t, min_failed=1.5)
    with pytest.raises(ValueError, match="status is missing column 'status'"):
        service.status_by_failures(t, status=pd.DataFrame({"x": [1]}, index=["A"]))


def test_plot_response_times_in_both_languages():
    t = _table()
    ax = service.plot_response_times(t)
    assert ax.get_title() == "Hours to the first answer against the 4-hour standard"
    assert ax.get_ylabel() == "Tickets (count)"
    assert [x.get_text() for x in ax.get_legend().get_texts()] == [
        "Within the standard",
        "Slower",
        "Standard 4 h: 50% of tickets within",
    ]
    i18n.use("zh")
    ax = service.plot_response_times(t)
    assert ax.get_title() == "首次响应时长与 4 小时响应标准"
    assert [x.get_text() for x in ax.get_legend().get_texts()] == ["达标", "超时", "标准 4 小时：50% 的工单达标"]
    with pytest.raises(ValueError, match="max_hours"):
        service.plot_response_times(t, max_hours=0)
