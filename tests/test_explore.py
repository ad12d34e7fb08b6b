"""Unit tests of coursekit.explore (first looks at the data) and of the lesson 00 question bank."""
from __future__ import annotations

import warnings
from datetime import date

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from coursekit import CourseKitDataNote, datasets, explore, i18n
from coursekit.exercises import Lesson
from coursekit.questions import lesson00


@pytest.fixture(autouse=True)
def english_and_closed_figures():
    i18n.use("en")
    yield
    i18n.use("en")
    plt.close("all")


def quiet(func, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)
        return func(*args, **kwargs)


@pytest.fixture
def orders():
    return pd.DataFrame({
        "line_id": ["L1", "L2", "L3", "L4", "L5", "L6"],
        "customer_id": ["A", "A", "B", "C", "C", "B"],
        "date": ["2025-01-05", "2025-01-20", "2025-01-31", "2025-03-02", "2025-03-09", "2025-03-31"],
        "product_line": ["bearings", "fasteners", "bearings", "bearings", "bearings", "fasteners"],
        "amount": [100.0, 40.0, 10.0, 60.0, -30.0, 5.0],
    })


@pytest.fixture
def customers():
    return pd.DataFrame({"customer_id": ["A", "B", "C", "D"],
                         "region": ["East China", "North China", "East China", "South China"],
                         "size": ["small", "large", "small", "medium"]})


# --------------------------------------------------------------------------- category_label
def test_category_label_switches_language():
    assert explore.category_label("safety equipment") == "safety equipment"
    i18n.use("zh")
    assert explore.category_label("safety equipment") == "安全防护用品"
    assert explore.category_label("Northwest China") == "西北"
    assert explore.category_label(3) == "3"


def test_category_labels_cover_the_case_categories():
    for value in (*datasets.PRODUCT_LINES, *datasets.REGIONS):
        assert value in explore.CATEGORY_LABELS
    customers = datasets.load_customers()
    for col in ("customer_type", "size"):
        assert set(customers[col]) <= set(explore.CATEGORY_LABELS)
    assert set(datasets.load_tickets()["ticket_type"]) <= set(explore.CATEGORY_LABELS)


# --------------------------------------------------------------------------- table_overview
def test_table_overview_hand_case(orders, customers):
    customers = customers.assign(acquired_date=["2020-05-01", "2024-01-01", "2023-02-02", "2019-12-31"])
    out = explore.table_overview({"customers": customers, "orders": orders})
    assert list(out.index) == ["customers", "orders"]
    assert list(out.columns) == ["title", "rows", "columns", "date_column", "first_date", "last_date", "meaning"]
    assert out.loc["customers", "rows"] == 4 and out.loc["customers", "columns"] == 4
    assert out.loc["orders", "rows"] == 6 and out.loc["orders", "columns"] == 5
    assert out.loc["customers", "first_date"] == pd.Timestamp("2019-12-31")
    assert out.loc["orders", "last_date"] == pd.Timestamp("2025-03-31")
    assert out.loc["orders", "meaning"].startswith("One row per order line")
    i18n.use("zh")
    zh = explore.table_overview({"orders": orders})
    assert zh.loc["orders", "title"] == "订单明细"
    assert zh.loc["orders", "meaning"] == explore.TABLE_MEANINGS_ZH["orders"]


def test_table_overview_times_become_days_and_undated_tables():
    tickets = pd.DataFrame({"opened_at": ["2025-01-01 09:30", "2025-02-03 17:45"]})
    kano = pd.DataFrame({"respondent_id": ["R001"]})
    other = pd.DataFrame({"when": ["2024-06-01"]})
    out = explore.table_overview({"tickets": tickets, "kano": kano, "other": other},
                                 date_columns={"other": "when"})
    assert out.loc["tickets", "last_date"] == pd.Timestamp("2025-02-03")
    assert pd.isna(out.loc["kano", "first_date"]) and out.loc["kano", "date_column"] == ""
    assert out.loc["other", "title"] == "other" and out.loc["other", "first_date"] == pd.Timestamp("2024-06-01")


def test_table_overview_of_the_case_data():
    out = explore.table_overview()
    assert list(out.index) == list(datasets.TABLES)
    assert out.loc["orders", "rows"] == 68217 and out.loc["customers", "rows"] == 2000
    assert out.loc["orders", "last_date"] == datasets.OBSERVATION_END
    assert (out["last_date"].dropna() <= datasets.OBSERVATION_END).all()
    assert out["meaning"].str.len().gt(10).all()


def test_table_overview_bad_input(orders):
    with pytest.raises(TypeError, match="dict"):
        explore.table_overview([orders])
    with pytest.raises(ValueError, match="table 'orders' is missing column 'date'"):
        explore.table_overview({"orders": orders.drop(columns="date")})
    with pytest.raises(ValueError, match="table 'orders' column 'date' has 1 value"):
        explore.table_overview({"orders": orders.assign(date=["soon"] + list(orders["date"][1:]))})
    with pytest.raises(ValueError, match="empty"):
        explore.table_overview({"orders": orders.iloc[:0]})


# --------------------------------------------------------------------------- overviews
def test_transactions_overview_hand_case(orders):
    out = explore.transactions_overview(orders)
    assert out["lines"] == 6 and out["customers"] == 3
    assert out["purchase_days"] == 5  # the return line is not a purchase
    assert out["first_date"] == date(2025, 1, 5) and out["last_date"] == date(2025, 3, 31)
    assert out["total_amount"] == pytest.approx(185.0)


def test_returns_summary_hand_case(orders):
    out = explore.returns_summary(orders)
    assert out["sale_lines"] == 5 and out["return_lines"] == 1
    assert out["gross_sales"] == pytest.approx(215.0)
    assert out["returns"] == pytest.approx(-30.0)
    assert out["net_revenue"] == pytest.approx(185.0)
    assert out["return_share"] == pytest.approx(round(30 / 215, 4))


def test_returns_summary_of_the_case_data_matches_the_readme():
    out = explore.returns_summary(datasets.load_orders())
    assert (out["sale_lines"], out["return_lines"]) == (66464, 1753)


@pytest.mark.parametrize("func", [explore.transactions_overview, explore.returns_summary])
def test_overviews_bad_input(func, orders):
    with pytest.raises(TypeError, match="DataFrame"):
        func(orders.to_dict())
    with pytest.raises(ValueError, match="missing column 'amount'"):
        func(orders.drop(columns="amount"))
    with pytest.raises(TypeError, match="column 'amount' must be numeric"):
        func(orders.assign(amount=["x"] * len(orders)))


# --------------------------------------------------------------------------- revenue
def test_revenue_by_customer_nets_returns_and_notes(orders):
    with pytest.warns(CourseKitDataNote, match="1 return line"):
        out = explore.revenue_by(orders)
    assert out.to_dict() == {"A": 140.0, "B": 15.0, "C": 30.0}
    assert out.name == "net_revenue" and out.index.name == "customer_id"
    assert out.attrs["notes"] == ["1 return line(s) (negative amount, total -30.00) netted into "
                                  "net revenue per customer_id (1 customer_id value(s) with returns)"]


def test_revenue_by_product_line_and_customer_attribute(orders, customers):
    assert quiet(explore.revenue_by, orders, "product_line").to_dict() == {"bearings": 140.0, "fasteners": 45.0}
    by_region = quiet(explore.revenue_by, orders, "region", customers=customers)
    assert by_region.to_dict() == {"East China": 170.0, "North China": 15.0}
    assert by_region.index.name == "region"


def test_revenue_by_without_returns_has_no_note(orders):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = explore.revenue_by(orders[orders["amount"] > 0], "product_line")
    assert "notes" not in out.attrs


def test_revenue_by_bad_input(orders, customers):
    with pytest.raises(ValueError, match="orders is missing column 'region'"):
        explore.revenue_by(orders, "region")
    with pytest.raises(ValueError, match="customers is missing column 'segment'"):
        explore.revenue_by(orders, "segment", customers=customers)
    with pytest.raises(ValueError, match=r"orders column 'customer_id' has 2 line\(s\) whose customer .* 'C'"):
        explore.revenue_by(orders, "region", customers=customers[customers["customer_id"] != "C"])
    with pytest.raises(ValueError, match="customers column 'customer_id' has duplicated keys"):
        explore.revenue_by(orders, "region", customers=pd.concat([customers, customers.iloc[:1]]))
    with pytest.raises(TypeError, match="orders column 'amount' must be numeric"):
        explore.revenue_by(orders.assign(amount="lots"))
    with pytest.raises(ValueError, match="orders column 'product_line' has 1 missing"):
        explore.revenue_by(orders.assign(product_line=[None] + list(orders["product_line"][1:])), "product_line")
    with pytest.raises(TypeError, match="by must be a column name"):
        explore.revenue_by(orders, ["product_line"])


def test_monthly_revenue_total_fills_empty_months(orders):
    with pytest.warns(CourseKitDataNote, match="month in which each return was booked"):
        out = explore.monthly_revenue(orders)
    assert list(out.columns) == ["net_revenue"]
    assert list(out.index) == list(pd.date_range("2025-01-01", "2025-03-01", freq="MS"))
    # January 100 + 40 + 10; February nothing; March 60 - 30 + 5
    assert out["net_revenue"].tolist() == [150.0, 0.0, 35.0]


def test_monthly_revenue_by_product_line_and_period(orders):
    out = quiet(explore.monthly_revenue, orders, by="product_line")
    assert list(out.columns) == ["bearings", "fasteners"]
    assert out.loc["2025-03-01"].tolist() == [30.0, 5.0]
    assert out.to_numpy().sum() == pytest.approx(185.0)
    part = quiet(explore.monthly_revenue, orders, by="product_line", start="2025-01-20", end="2025-03-09")
    assert part.loc["2025-01-01"].tolist() == [10.0, 40.0]  # 2025-01-05 is before start
    assert part.loc["2025-03-01"].tolist() == [30.0, 0.0]  # 2025-03-31 is after end
    longer = quiet(explore.monthly_revenue, orders, end="2025-05-15")
    assert longer.index[-1] == pd.Timestamp("2025-05-01") and longer["net_revenue"].iloc[-1] == 0.0


def test_monthly_revenue_by_customer_attribute(orders, customers):
    out = quiet(explore.monthly_revenue, orders, by="region", customers=customers)
    assert out.loc["2025-01-01"].to_dict() == {"East China": 140.0, "North China": 10.0}


def test_monthly_revenue_of_the_case_data_sums_to_net_revenue():
    orders = datasets.load_orders()
    out = quiet(explore.monthly_revenue, orders, by="product_line")
    assert out.shape == (36, 6)
    assert out.to_numpy().sum() == pytest.approx(orders["amount"].sum(), rel=1e-12)


def test_monthly_revenue_bad_input(orders):
    with pytest.raises(ValueError, match="orders is missing column 'date'"):
        explore.monthly_revenue(orders.drop(columns="date"))
    with pytest.raises(ValueError, match="orders column 'date' has 1 value.*'someday'"):
        explore.monthly_revenue(orders.assign(date=["someday"] + list(orders["date"][1:])))
    with pytest.raises(TypeError, match="orders column 'date' must hold dates"):
        explore.monthly_revenue(orders.assign(date=1))
    with pytest.raises(ValueError, match="start 2025-04-01 is after end 2025-01-01"):
        explore.monthly_revenue(orders, start="2025-04-01", end="2025-01-01")
    with pytest.raises(ValueError, match="no line between"):
        quiet(explore.monthly_revenue, orders, start="2026-01-01", end="2026-02-01")


def test_plot_monthly_revenue_labels_and_units(orders):
    monthly = quiet(explore.monthly_revenue, orders, by="product_line")
    ax = explore.plot_monthly_revenue(monthly, unit="CNY")
    assert ax.get_title() == "Net revenue per month"
    assert ax.get_xlabel() == "Month" and ax.get_ylabel() == "Net revenue (CNY)"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["bearings", "fasteners"]
    # stacked: the top edge is the monthly total
    top = ax.collections[-1].get_paths()[0].vertices[:, 1].max()
    assert top == pytest.approx(150.0)
    i18n.use("zh")
    ax = explore.plot_monthly_revenue(quiet(explore.monthly_revenue, orders), unit="CNY thousand")
    assert ax.get_ylabel() == "净收入（千元）" and ax.get_title() == "月度净收入"


def test_plot_monthly_revenue_bad_input(orders):
    with pytest.raises(TypeError, match="monthly_revenue"):
        explore.plot_monthly_revenue(orders)
    monthly = quiet(explore.monthly_revenue, orders)
    with pytest.raises(ValueError, match="unit must be one of"):
        explore.plot_monthly_revenue(monthly, unit="USD")
    with pytest.raises(TypeError, match="monthly column 'net_revenue' must be numeric"):
        explore.plot_monthly_revenue(monthly.assign(net_revenue="x"))
    with pytest.raises(TypeError, match="monthly must be a pandas DataFrame, got list"):
        explore.plot_monthly_revenue([1.0, 2.0])
    with pytest.raises(ValueError, match="monthly is empty: it has no rows"):
        explore.plot_monthly_revenue(monthly.iloc[:0])
    with pytest.raises(ValueError, match="monthly is empty: it has no columns"):
        explore.plot_monthly_revenue(monthly[[]])


# --------------------------------------------------------------------------- categories
def test_customer_mix_counts_shares_and_ties(customers):
    out = explore.customer_mix(customers, by="region")
    assert list(out.index) == ["East China", "North China", "South China"]  # ties by name
    assert out["customers"].tolist() == [2, 1, 1]
    assert out["share"].tolist() == [0.5, 0.25, 0.25]
    assert out.index.name == "region"


def test_customer_mix_bad_input(customers):
    with pytest.raises(ValueError, match="customers is missing column 'segment'"):
        explore.customer_mix(customers, by="segment")
    with pytest.raises(ValueError, match="customers column 'region' has 1 missing value"):
        explore.customer_mix(customers.assign(region=[None, "East China", "East China", "North China"]))
    with pytest.raises(TypeError, match="customers must be a pandas DataFrame"):
        explore.customer_mix(customers["region"])


def test_plot_customer_mix_and_ticket_types(customers):
    ax = explore.plot_customer_mix(customers, by="size")
    assert ax.get_title() == "Customers by company size" and ax.get_xlabel() == "Customers (count)"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["small (<100)", "large (500+)", "medium (100-499)"]
    assert [t.get_text() for t in ax.texts] == [" 2 (50%)", " 1 (25%)", " 1 (25%)"]
    i18n.use("zh")
    ax = explore.plot_customer_mix(customers, by="region")
    assert ax.get_ylabel() == "销售区域" and ax.get_yticklabels()[0].get_text() == "华东"
    tickets = pd.DataFrame({"ticket_type": ["invoice error", "quality issue", "quality issue"]})
    ax = explore.plot_ticket_types(tickets)
    assert ax.get_title() == "各类型服务工单数" and ax.get_xlabel() == "工单数（张）"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["质量问题", "发票错误"]
    with pytest.raises(ValueError, match="tickets is missing column 'ticket_type'"):
        explore.plot_ticket_types(customers)


# --------------------------------------------------------------------------- funnel
def test_funnel_counts_hand_case():
    opps = pd.DataFrame({"stage_reached": ["lead", "deal", "opportunity", "deal", "lead"]})
    out = explore.funnel_counts(opps, stages={"opportunity": "商机", "lead": "线索", "deal": "成交"})
    assert out["furthest"].tolist() == [1, 2, 2]
    assert out["reached"].tolist() == [5, 4, 2]
    assert out["share_of_first"].tolist() == pytest.approx([1.0, 0.8, 0.4])
    assert out["step_rate"].tolist() == pytest.approx([1.0, 0.8, 0.5])
    assert out["stage_zh"].tolist() == ["商机", "线索", "成交"]


def test_funnel_counts_of_the_case_data():
    opps = datasets.load_opportunities()
    out = explore.funnel_counts(opps)
    assert list(out.index) == list(datasets.FUNNEL_STAGES)
    assert out["reached"].iloc[0] == len(opps)
    assert out.loc["deal", "reached"] == (opps["status"] == "won").sum()
    assert (np.diff(out["reached"]) <= 0).all()


def test_funnel_counts_bad_input():
    with pytest.raises(ValueError, match="opportunities column 'stage_reached' has 1 value.*'pitch'"):
        explore.funnel_counts(pd.DataFrame({"stage_reached": ["lead", "pitch"]}))
    with pytest.raises(ValueError, match="opportunities is missing column 'stage_reached'"):
        explore.funnel_counts(pd.DataFrame({"stage": ["lead"]}))
    with pytest.raises(TypeError, match="stages must be a sequence"):
        explore.funnel_counts(pd.DataFrame({"stage_reached": ["lead"]}), stages="lead")


def test_plot_funnel_labels():
    funnel = explore.funnel_counts(pd.DataFrame({"stage_reached": ["lead", "deal", "service"]}))
    ax = explore.plot_funnel(funnel)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "opportunity · 商机" and labels[-1] == "service · 服务"
    assert ax.get_ylabel() == "Funnel stage" and ax.get_xlabel() == "Opportunities (count)"
    i18n.use("zh")
    ax = explore.plot_funnel(funnel)
    assert ax.get_yticklabels()[0].get_text() == "商机"
    with pytest.raises(ValueError, match="funnel is missing column 'reached'"):
        explore.plot_funnel(funnel.drop(columns="reached"))


def test_plot_funnel_bad_input():
    funnel = explore.funnel_counts(pd.DataFrame({"stage_reached": ["lead", "deal"]}))
    with pytest.raises(TypeError, match="funnel must be a pandas DataFrame, got list"):
        explore.plot_funnel([3, 2, 1])
    with pytest.raises(TypeError, match="funnel must be a pandas DataFrame, got Series"):
        explore.plot_funnel(funnel["reached"])
    with pytest.raises(ValueError, match="funnel is empty: it has no rows"):
        explore.plot_funnel(funnel.iloc[:0])


# --------------------------------------------------------------------------- weekly purchases
def test_weekly_purchases_hand_case():
    tx = pd.DataFrame({
        "customer_id": [1, 1, 2, 1, 2, 3],
        "date": ["1997-01-01", "1997-01-01", "1997-01-07", "1997-01-08", "1997-01-20", "1997-01-21"],
        "amount": [5.0, 6.0, 7.0, -3.0, 8.0, 9.0],
    })
    out = explore.weekly_purchases(tx)
    # week 1 = Jan 1-7: customer 1 (one day, two lines) and 2 first; week 2: 1 repeats; week 3: 2 repeats, 3 first
    assert out["first_purchases"].tolist() == [2, 0, 1]
    assert out["repeat_purchases"].tolist() == [0, 1, 1]
    assert out["purchases"].tolist() == [2, 1, 2]
    assert out["week_start"].tolist() == list(pd.to_datetime(["1997-01-01", "1997-01-08", "1997-01-15"]))
    with pytest.warns(CourseKitDataNote, match="1 line"):
        paid = explore.weekly_purchases(tx, amount_col="amount")
    assert paid["repeat_purchases"].tolist() == [0, 0, 1]  # the negative line is not a purchase


def test_weekly_purchases_start_and_bad_input():
    tx = pd.DataFrame({"customer_id": ["a"], "date": ["1997-01-15"]})
    out = explore.weekly_purchases(tx, start="1997-01-01")
    assert out["first_purchases"].tolist() == [0, 0, 1]
    with pytest.raises(ValueError, match="transactions column 'date' has dates before start"):
        explore.weekly_purchases(tx, start="1997-02-01")
    with pytest.raises(ValueError, match="transactions is missing column 'customer_id'"):
        explore.weekly_purchases(tx.rename(columns={"customer_id": "id"}))
    with pytest.raises(ValueError, match="transactions column 'customer_id' has 1 missing"):
        explore.weekly_purchases(tx.assign(customer_id=[None]))


def test_weekly_purchases_of_cdnow():
    cd = datasets.load_cdnow("sample")
    out = explore.weekly_purchases(cd)
    assert len(out) == 78  # 1997-01-01 .. 1998-06-30 is 546 days
    assert out["first_purchases"].sum() == cd["customer_id"].nunique()
    assert out["first_purchases"].iloc[12:].sum() == 0  # the cohort first bought in the first 12 weeks


def test_plot_weekly_purchases():
    weekly = explore.weekly_purchases(pd.DataFrame({"customer_id": [1, 2, 1],
                                                    "date": ["1997-01-01", "1997-01-03", "1997-01-10"]}))
    ax = explore.plot_weekly_purchases(weekly)
    assert ax.get_title() == "Purchases per week" and ax.get_xlabel() == "Week"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["First purchase", "Repeat purchase"]
    with pytest.raises(ValueError, match="weekly is missing column 'first_purchases'"):
        explore.plot_weekly_purchases(weekly.drop(columns="first_purchases"))


def test_plot_weekly_purchases_bad_input():
    weekly = explore.weekly_purchases(pd.DataFrame({"customer_id": [1, 2], "date": ["1997-01-01", "1997-01-09"]}))
    with pytest.raises(TypeError, match="weekly must be a pandas DataFrame, got list"):
        explore.plot_weekly_purchases([1, 0, 2])
    with pytest.raises(ValueError, match="weekly is empty: it has no rows"):
        explore.plot_weekly_purchases(weekly.iloc[:0])
    with pytest.raises(ValueError, match="weekly is empty: it has no rows"):
        explore.plot_weekly_purchases(pd.DataFrame())


# --------------------------------------------------------------------------- lesson 00 bank
def test_lesson00_bank_uses_every_kind_and_matches_the_data():
    kinds = {q.kind for q in lesson00.QUESTIONS}
    assert kinds == {"numeric", "choice", "series", "frame", "ids"}
    choices = [q for q in lesson00.QUESTIONS if q.kind == "choice"]
    assert {q.expected()[0] for q in choices} == {True, False}  # single and multi-select
    ex = Lesson("00-start-here", record=False)
    customers, orders = datasets.load_customers(), datasets.load_orders()
    revenue = orders.groupby("product_line")["amount"].sum()
    assert ex.check("q1", len(customers)).correct
    assert ex.check("q2", "A").correct  # East China: Yunfeng is in Suzhou
    assert ex.check("q3", revenue).correct
    assert ex.check("q4", "B, C, F").correct
    assert ex.check("q5", customers["size"].value_counts().to_frame("customers")
                    .assign(share=lambda d: d["customers"] / len(customers))).correct
    top5 = orders.groupby("customer_id")["amount"].sum().sort_values(ascending=False).head(5)
    assert ex.check("q6", list(top5.index)[::-1]).correct
    assert ex.check("q6", list(top5.index)[:4]).status == "incorrect"
    assert ex.check("q1", customers).status == "invalid"
