"""Unit tests of coursekit.service: service tickets per type."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

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
