"""Unit tests of coursekit.accounts (revenue, customer mix, table overview, their charts) and of the
lesson 00 question bank, which is answered with them."""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import coursekit
from coursekit import CourseKitDataNote, datasets, i18n
from coursekit import accounts as cust
from coursekit.exercises import Lesson
from coursekit.questions import lesson00

END = "2025-03-31"  # the last day of the fixture's lines: nothing after it, March complete


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
    return pd.DataFrame(
        {
            "line_id": ["L1", "L2", "L3", "L4", "L5", "L6"],
            "customer_id": ["A", "A", "B", "C", "C", "B"],
            "date": ["2025-01-05", "2025-01-20", "2025-01-31", "2025-03-02", "2025-03-09", "2025-03-31"],
            "product_line": ["bearings", "fasteners", "bearings", "bearings", "bearings", "fasteners"],
            "amount": [100.0, 40.0, 10.0, 60.0, -30.0, 5.0],
        }
    )


@pytest.fixture
def customers():
    return pd.DataFrame(
        {
            "customer_id": ["A", "B", "C", "D"],
            "region": ["East China", "North China", "East China", "South China"],
            "size": ["small", "large", "small", "medium"],
        }
    )


# --------------------------------------------------------------------------- package shape
def test_calculation_modules_do_not_import_matplotlib_at_top_level():
    """Every module stays light: plotting modules import matplotlib inside their functions.

    Only ``coursekit.plots`` (the chart style itself) and ``coursekit.notebook`` (set-up) may name it.
    """
    root = Path(coursekit.__file__).parent
    # coursekit/__init__.py re-exports find_cjk_font from plots, which itself imports matplotlib lazily
    skip = {root / "plots.py", root / "notebook.py", root / "__init__.py"}
    files = [p for p in sorted(root.rglob("*.py")) if p not in skip]
    assert len(files) > 60
    for path in files:
        for node in ast.parse(path.read_text(encoding="utf-8")).body:  # top level only
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):  # "from .. import plots" names the module in names
                names = [f"{node.module or ''}.{a.name}".lstrip(".") for a in node.names]
            else:
                continue
            for name in names:
                parts = name.split(".")
                assert parts[0] != "matplotlib", f"{path.name} imports {name} at top level"
                assert "plots" not in parts, f"{path.name} imports coursekit.plots at top level"


def test_package_reexports_its_public_names():
    for name in cust.__all__:
        assert getattr(cust, name) is not None
    assert cust.revenue_by.__module__ == "coursekit.accounts.revenue"
    assert cust.plot_customer_mix.__module__ == "coursekit.accounts.plotting"


# --------------------------------------------------------------------------- category_label
def test_category_label_switches_language():
    assert cust.category_label("safety equipment") == "safety equipment"
    i18n.use("zh")
    assert cust.category_label("safety equipment") == "安全防护用品"
    assert cust.category_label("Northwest China") == "西北"
    assert cust.category_label(3) == "3"


def test_category_labels_cover_the_case_categories():
    for value in (*datasets.PRODUCT_LINES, *datasets.REGIONS):
        assert value in cust.CATEGORY_LABELS
    table = datasets.load_customers()
    for col in ("customer_type", "size"):
        assert set(table[col]) <= set(cust.CATEGORY_LABELS)
    assert set(datasets.load_tickets()["ticket_type"]) <= set(cust.CATEGORY_LABELS)


# --------------------------------------------------------------------------- table_overview
def test_table_overview_hand_case(orders, customers):
    customers = customers.assign(acquired_date=["2020-05-01", "2024-01-01", "2023-02-02", "2019-12-31"])
    out = cust.table_overview({"customers": customers, "orders": orders})
    assert list(out.index) == ["customers", "orders"]
    assert list(out.columns) == ["title", "rows", "columns", "date_column", "first_date", "last_date", "meaning"]
    assert out.loc["customers", "rows"] == 4 and out.loc["customers", "columns"] == 4
    assert out.loc["orders", "rows"] == 6 and out.loc["orders", "columns"] == 5
    assert out.loc["customers", "first_date"] == pd.Timestamp("2019-12-31")
    assert out.loc["orders", "last_date"] == pd.Timestamp("2025-03-31")
    assert out.loc["orders", "meaning"].startswith("One row per order line")
    i18n.use("zh")
    zh = cust.table_overview({"orders": orders})
    assert zh.loc["orders", "title"] == "订单明细"
    assert zh.loc["orders", "meaning"] == "每行一条订单明细（一张订单中的一个产品线），含销售与退货。"


def test_table_overview_times_become_days_and_undated_tables():
    tickets = pd.DataFrame({"opened_at": ["2025-01-01 09:30", "2025-02-03 17:45"]})
    kano = pd.DataFrame({"respondent_id": ["R001"]})
    other = pd.DataFrame({"when": ["2024-06-01"]})
    out = cust.table_overview({"tickets": tickets, "kano": kano, "other": other}, date_columns={"other": "when"})
    assert out.loc["tickets", "last_date"] == pd.Timestamp("2025-02-03")
    assert pd.isna(out.loc["kano", "first_date"]) and out.loc["kano", "date_column"] == ""
    assert out.loc["other", "title"] == "other" and out.loc["other", "first_date"] == pd.Timestamp("2024-06-01")


def test_table_overview_of_the_case_data():
    out = cust.table_overview()
    assert list(out.index) == list(datasets.TABLES)
    assert out.loc["orders", "rows"] == 68217 and out.loc["customers", "rows"] == 2000
    assert out.loc["orders", "last_date"] == datasets.OBSERVATION_END
    assert (out["last_date"].dropna() <= datasets.OBSERVATION_END).all()
    assert out["meaning"].str.len().gt(10).all()


def test_table_overview_bad_input(orders):
    with pytest.raises(TypeError, match="dict"):
        cust.table_overview([orders])
    with pytest.raises(ValueError, match="table 'orders' is missing column 'date'"):
        cust.table_overview({"orders": orders.drop(columns="date")})
    with pytest.raises(ValueError, match="table 'orders' column 'date' has 1 value"):
        cust.table_overview({"orders": orders.assign(date=["soon"] + list(orders["date"][1:]))})
    with pytest.raises(ValueError, match="empty"):
        cust.table_overview({"orders": orders.iloc[:0]})


# --------------------------------------------------------------------------- revenue_by
def test_revenue_by_customer_nets_returns_and_notes(orders):
    with pytest.warns(CourseKitDataNote, match="1 return line"):
        out = cust.revenue_by(orders, END)
    assert out.to_dict() == {"A": 140.0, "B": 15.0, "C": 30.0}
    assert out.name == "net_revenue" and out.index.name == "customer_id"
    assert out.attrs["notes"] == [
        "1 return line(s) (negative amount, total -30.00) netted into "
        "1 customer_id group(s) (net revenue per customer_id)"
    ]


def test_revenue_by_product_line_and_customer_attribute(orders, customers):
    assert quiet(cust.revenue_by, orders, END, by="product_line").to_dict() == {"bearings": 140.0, "fasteners": 45.0}
    by_region = quiet(cust.revenue_by, orders, END, by="region", customers=customers)
    assert by_region.to_dict() == {"East China": 170.0, "North China": 15.0}
    assert by_region.index.name == "region"


def test_revenue_by_without_returns_has_no_note(orders):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = cust.revenue_by(orders[orders["amount"] > 0], END, by="product_line")
    assert "notes" not in out.attrs


def test_revenue_by_leaves_out_lines_after_the_end_and_notes_them(orders):
    # end 2025-03-09: L6 (B, 31 March, 5.0) is left out; A 100 + 40, B 10, C 60 - 30
    with pytest.warns(CourseKitDataNote) as rec:
        out = cust.revenue_by(orders, "2025-03-09")
    assert out.to_dict() == {"A": 140.0, "B": 10.0, "C": 30.0}
    assert out.attrs["notes"] == [
        "1 line(s) dated after the end 2025-03-09 left out (end is a calendar day, inclusive)",
        "1 return line(s) (negative amount, total -30.00) netted into 1 customer_id group(s) "
        "(net revenue per customer_id)",
    ]
    assert [str(w.message) for w in rec] == out.attrs["notes"]
    # the same words as the transactions layer, which states the rule for every lesson
    layer = quiet(coursekit.transactions.purchases, orders, "2025-03-09")
    assert layer.attrs["notes"][0] == out.attrs["notes"][0]


def test_revenue_by_end_is_a_calendar_day_inclusive(orders):
    # a return at 15:00 on the end day is inside an end given as noon of that day
    late = orders.assign(date=[*orders["date"][:4], "2025-03-09 15:00", "2025-03-31"])
    out = quiet(cust.revenue_by, late, "2025-03-09 12:00", by="product_line")
    assert out.to_dict() == {"bearings": 140.0, "fasteners": 40.0}


def test_revenue_by_bad_input(orders, customers):
    with pytest.raises(ValueError, match="orders is missing column 'region'"):
        cust.revenue_by(orders, END, by="region")
    with pytest.raises(ValueError, match="customers is missing column 'segment'"):
        cust.revenue_by(orders, END, by="segment", customers=customers)
    with pytest.raises(ValueError, match=r"orders column 'customer_id' has 2 line\(s\) whose customer .* 'C'"):
        cust.revenue_by(orders, END, by="region", customers=customers[customers["customer_id"] != "C"])
    with pytest.raises(ValueError, match="customers column 'customer_id' has duplicated keys"):
        cust.revenue_by(orders, END, by="region", customers=pd.concat([customers, customers.iloc[:1]]))
    with pytest.raises(TypeError, match="orders column 'amount' must be numeric"):
        cust.revenue_by(orders.assign(amount="lots"), END)
    with pytest.raises(ValueError, match="orders column 'product_line' has 1 missing"):
        cust.revenue_by(orders.assign(product_line=[None] + list(orders["product_line"][1:])), END, by="product_line")
    with pytest.raises(TypeError, match="by must be a column name"):
        cust.revenue_by(orders, END, by=["product_line"])
    with pytest.raises(ValueError, match="orders is missing column 'date'"):
        cust.revenue_by(orders.drop(columns="date"), END)
    with pytest.raises(ValueError, match="orders has no line on or before the end 2024-12-31"):
        quiet(cust.revenue_by, orders, "2024-12-31")
    with pytest.raises(TypeError, match="end is required"):
        cust.revenue_by(orders, None)
    with pytest.raises(TypeError, match="positional"):
        cust.revenue_by(orders, END, "product_line")  # by is keyword-only


# --------------------------------------------------------------------------- monthly_revenue
def test_monthly_revenue_total_fills_empty_months(orders):
    with pytest.warns(CourseKitDataNote, match="month in which each return was booked"):
        out = cust.monthly_revenue(orders, END)
    assert list(out.columns) == ["net_revenue", "complete"]
    assert list(out.index) == list(pd.date_range("2025-01-01", "2025-03-01", freq="MS"))
    # January 100 + 40 + 10; February nothing; March 60 - 30 + 5
    assert out["net_revenue"].tolist() == [150.0, 0.0, 35.0]
    assert out["complete"].tolist() == [True, True, True]
    assert out.attrs["notes"] == [
        "1 return line(s) (negative amount, total -30.00) netted into 1 month(s) "
        "(the month in which each return was booked)"
    ]


def test_monthly_revenue_by_product_line_and_period(orders):
    out = quiet(cust.monthly_revenue, orders, END, by="product_line")
    assert list(out.columns) == ["bearings", "fasteners", "complete"]
    assert out.loc["2025-03-01", ["bearings", "fasteners"]].tolist() == [30.0, 5.0]
    assert out[["bearings", "fasteners"]].to_numpy().sum() == pytest.approx(185.0)
    part = quiet(cust.monthly_revenue, orders, "2025-03-09", by="product_line", start="2025-01-20")
    assert part.loc["2025-01-01", ["bearings", "fasteners"]].tolist() == [10.0, 40.0]  # 01-05 is before start
    assert part.loc["2025-03-01", ["bearings", "fasteners"]].tolist() == [30.0, 0.0]  # 03-31 is after end
    longer = quiet(cust.monthly_revenue, orders, "2025-05-15")
    assert longer.index[-1] == pd.Timestamp("2025-05-01") and longer["net_revenue"].iloc[-1] == 0.0


def test_monthly_revenue_flags_months_cut_by_start_and_end(orders):
    # start 20 January: 12 of January's 31 days; end 9 March: 9 of March's 31 days
    with pytest.warns(CourseKitDataNote) as rec:
        part = cust.monthly_revenue(orders, "2025-03-09", by="product_line", start="2025-01-20")
    assert part["complete"].tolist() == [False, True, False]
    assert part.attrs["notes"] == [
        "1 line(s) dated before the start 2025-01-20 left out",
        "1 line(s) dated after the end 2025-03-09 left out (end is a calendar day, inclusive)",
        "1 return line(s) (negative amount, total -30.00) netted into 1 month(s) "
        "(the month in which each return was booked)",
        "month 2025-01 is not complete after the start 2025-01-20 (12 of 31 days): flagged complete=False",
        "month 2025-03 is not complete at the end 2025-03-09 (9 of 31 days): flagged complete=False",
    ]
    assert len(rec) == 5
    # a partial May (15 of 31 days) is flagged, April (no sales) is a whole month worth 0
    longer = quiet(cust.monthly_revenue, orders, "2025-05-15")
    assert longer["complete"].tolist() == [True, True, True, True, False]
    assert longer.attrs["notes"][-1] == (
        "month 2025-05 is not complete at the end 2025-05-15 (15 of 31 days): flagged complete=False"
    )
    # the last day of a month completes it; February has 28 days in 2025
    feb = quiet(cust.monthly_revenue, orders, "2025-02-28")
    assert feb["net_revenue"].tolist() == [150.0, 0.0] and feb["complete"].tolist() == [True, True]
    assert feb.attrs["notes"] == [
        "3 line(s) dated after the end 2025-02-28 left out (end is a calendar day, inclusive)"
    ]


def test_monthly_revenue_by_customer_attribute(orders, customers):
    out = quiet(cust.monthly_revenue, orders, END, by="region", customers=customers)
    assert out.loc["2025-01-01", ["East China", "North China"]].to_dict() == {"East China": 140.0, "North China": 10.0}


def test_monthly_revenue_of_the_case_data_sums_to_net_revenue():
    orders = datasets.load_orders()
    out = quiet(cust.monthly_revenue, orders, datasets.OBSERVATION_END, by="product_line")
    assert out.shape == (36, 7)
    assert out.drop(columns="complete").to_numpy().sum() == pytest.approx(orders["amount"].sum(), rel=1e-12)
    assert out["complete"].all()


def test_monthly_revenue_bad_input(orders):
    with pytest.raises(ValueError, match="orders is missing column 'date'"):
        cust.monthly_revenue(orders.drop(columns="date"), END)
    with pytest.raises(ValueError, match="orders column 'date' has 1 value.*'someday'"):
        cust.monthly_revenue(orders.assign(date=["someday"] + list(orders["date"][1:])), END)
    with pytest.raises(TypeError, match="orders column 'date' must hold dates"):
        cust.monthly_revenue(orders.assign(date=1), END)
    with pytest.raises(ValueError, match="start 2025-04-01 is after end 2025-01-01"):
        cust.monthly_revenue(orders, "2025-01-01", start="2025-04-01")
    with pytest.raises(ValueError, match="no line between"):
        quiet(cust.monthly_revenue, orders, "2026-02-01", start="2026-01-01")
    with pytest.raises(ValueError, match="by column 'product_line' has a value 'complete'"):
        quiet(cust.monthly_revenue, orders.assign(product_line="complete"), END, by="product_line")


# --------------------------------------------------------------------------- plot_monthly_revenue
def test_plot_monthly_revenue_labels_and_units(orders):
    monthly = quiet(cust.monthly_revenue, orders, END, by="product_line")
    ax = cust.plot_monthly_revenue(monthly, money_unit="CNY")
    assert ax.get_title() == "Net revenue per month"
    assert ax.get_xlabel() == "Month" and ax.get_ylabel() == "Net revenue (CNY)"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["bearings", "fasteners"]
    # stacked: the top edge is the monthly total
    top = ax.collections[-1].get_paths()[0].vertices[:, 1].max()
    assert top == pytest.approx(150.0)
    assert len(ax.texts) == 0  # every month complete: nothing marked
    i18n.use("zh")
    ax = cust.plot_monthly_revenue(quiet(cust.monthly_revenue, orders, END), money_unit="CNY thousand")
    assert ax.get_ylabel() == "净收入（千元）" and ax.get_title() == "月度净收入"


def test_plot_monthly_revenue_marks_an_incomplete_month(orders):
    monthly = quiet(cust.monthly_revenue, orders, "2025-03-09", by="product_line")
    ax = cust.plot_monthly_revenue(monthly, money_unit="CNY")
    # Jan-Feb drawn whole (2 groups), Feb-Mar faded and hatched (2 groups)
    assert len(ax.collections) == 4
    assert [c.get_alpha() for c in ax.collections] == [0.85, 0.85, 0.35, 0.35]
    assert [c.get_hatch() for c in ax.collections[2:]] == ["//", "//"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["bearings", "fasteners"]
    assert [t.get_text() for t in ax.texts] == ["incomplete"]
    assert ax.texts[0].xy[1] == pytest.approx(30.0)  # at the top of March's stack: 30 + 0
    lines = cust.plot_monthly_revenue(monthly, stacked=False)
    assert [ln.get_linestyle() for ln in lines.get_lines()] == ["-", "-", "--", "--"]


def test_plot_monthly_revenue_bad_input(orders):
    with pytest.raises(TypeError, match="monthly_revenue"):
        cust.plot_monthly_revenue(orders)
    monthly = quiet(cust.monthly_revenue, orders, END)
    with pytest.raises(ValueError, match="money_unit must be one of"):
        cust.plot_monthly_revenue(monthly, money_unit="USD")
    with pytest.raises(TypeError, match="unit"):
        cust.plot_monthly_revenue(monthly, unit="CNY")  # renamed: unit= is the model time unit
    with pytest.raises(TypeError, match="monthly column 'net_revenue' must be numeric"):
        cust.plot_monthly_revenue(monthly.assign(net_revenue="x"))
    with pytest.raises(TypeError, match="monthly column 'complete' must be boolean"):
        cust.plot_monthly_revenue(monthly.assign(complete=1))
    with pytest.raises(TypeError, match="monthly must be a pandas DataFrame, got list"):
        cust.plot_monthly_revenue([1.0, 2.0])
    with pytest.raises(ValueError, match="monthly is empty: it has no rows"):
        cust.plot_monthly_revenue(monthly.iloc[:0])
    with pytest.raises(ValueError, match="monthly is empty: it has no columns"):
        cust.plot_monthly_revenue(monthly[[]])
    with pytest.raises(ValueError, match="monthly is empty: it has no columns"):
        cust.plot_monthly_revenue(monthly[["complete"]])


# --------------------------------------------------------------------------- customer mix
def test_customer_mix_counts_shares_and_ties(customers):
    out = cust.customer_mix(customers, by="region")
    assert list(out.index) == ["East China", "North China", "South China"]  # ties by name
    assert out["customers"].tolist() == [2, 1, 1]
    assert out["share"].tolist() == [0.5, 0.25, 0.25]
    assert out.index.name == "region"


def test_customer_mix_bad_input(customers):
    with pytest.raises(ValueError, match="customers is missing column 'segment'"):
        cust.customer_mix(customers, by="segment")
    with pytest.raises(ValueError, match="customers column 'region' has 1 missing value"):
        cust.customer_mix(customers.assign(region=[None, "East China", "East China", "North China"]))
    with pytest.raises(TypeError, match="customers must be a pandas DataFrame"):
        cust.customer_mix(customers["region"])


def test_plot_customer_mix(customers):
    ax = cust.plot_customer_mix(customers, by="size")
    assert ax.get_title() == "Customers by company size" and ax.get_xlabel() == "Customers (count)"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["small (<100)", "large (500+)", "medium (100-499)"]
    assert [t.get_text() for t in ax.texts] == [" 2 (50%)", " 1 (25%)", " 1 (25%)"]
    i18n.use("zh")
    ax = cust.plot_customer_mix(customers, by="region")
    assert ax.get_ylabel() == "销售区域" and ax.get_yticklabels()[0].get_text() == "华东"


# --------------------------------------------------------------------------- lesson 00 bank
def test_lesson00_bank_uses_every_kind_and_matches_the_data():
    kinds = {q.kind for q in lesson00.QUESTIONS}
    assert kinds == {"numeric", "choice", "series", "frame", "ids"}
    assert len(lesson00.QUESTIONS) >= 8 and sum(q.judgement for q in lesson00.QUESTIONS) >= 3
    choices = [q for q in lesson00.QUESTIONS if q.kind == "choice"]
    assert {q.expected()[0] for q in choices} == {True, False}  # single and multi-select
    ex = Lesson("00-start-here", record=False)
    table, orders = datasets.load_customers(), datasets.load_orders()
    # hand computations with plain pandas
    by_type = orders.merge(table[["customer_id", "customer_type"]], on="customer_id")
    by_type = by_type.groupby("customer_type")["amount"].sum()
    assert round(by_type["channel partner"] / by_type.sum(), 3) == 0.231
    assert ex.check("q1", "C").correct  # 20-30 %
    assert ex.check("q2", by_type).correct
    assert ex.check("q3", "B, C, F").correct
    industry = table["industry"].value_counts()
    assert ex.check("q4", industry.to_frame("customers").assign(share=industry / len(table))).correct
    per_customer = orders.groupby("customer_id")["amount"].sum().sort_values(ascending=False)
    assert ex.check("q5", list(per_customer.head(5).index)[::-1]).correct
    assert ex.check("q5", list(per_customer.head(4).index)).status == "incorrect"
    top5 = per_customer.head(round(0.05 * len(per_customer))).sum() / per_customer.sum()
    assert round(100 * top5) == 45
    assert ex.check("q6", 45).correct and ex.check("q6", 44).correct and ex.check("q6", 47).status == "incorrect"
    assert ex.check("q7", "B").correct and ex.check("q8", "C").correct
    assert ex.check("q1", table).status == "invalid"


def test_lesson00_polls():
    tour = lesson00.polls()
    assert not tour.record and set(tour.questions) == {"p0", "p1", "p2"}
    assert tour.check("p0", 10).correct and tour.check("p0", 8).status == "incorrect"
    assert tour.check("p1", "B").correct  # 23.8 %: inside the brochure's 15-25 %
    assert tour.check("p2", "C").correct  # 77.5 %: about 80 %


# --------------------------------------------------------------------------- annual churn
@pytest.fixture
def churn_orders():
    # at 2024-12-31: A (30 days), B (46 days), C (11 days) active; D (305 days) dormant, E (15 days) active
    # at 2025-12-31: A active (30 days), B lost (411), C dormant (305), E at risk (100)
    return pd.DataFrame(
        {
            "customer_id": ["A", "A", "B", "C", "C", "D", "E", "E", "E"],
            "date": [
                "2024-12-01",
                "2025-12-01",
                "2024-11-15",
                "2024-12-20",
                "2025-03-01",
                "2024-03-01",
                "2024-12-16",
                "2025-09-22",
                "2023-06-01",
            ],
            "amount": [100.0, 50.0, 300.0, 20.0, 30.0, 80.0, 40.0, 10.0, 999.0],
        }
    )


def test_churn_table_hand_case(churn_orders):
    table = quiet(cust.churn_table, churn_orders, "2025-12-31")
    # the base is A, B, C, E (active at 2024-12-31); D was dormant already and is not in it
    assert table.index.tolist() == ["B", "A", "E", "C"]  # largest 2024 revenue first
    assert table["status"].astype(str).tolist() == ["lost", "active", "at_risk", "dormant"]
    assert table["churned"].tolist() == [True, False, False, True]
    assert table["days_since"].tolist() == [411, 30, 100, 305]
    # E's 999 CNY of 2023-06-01 is more than 365 days before the start: not in the year before
    assert table["revenue_year_before"].tolist() == [300.0, 100.0, 40.0, 20.0]
    only = quiet(cust.churn_table, churn_orders, "2025-12-31", only_churned=True)
    assert only.index.tolist() == ["B", "C"]


def test_annual_churn_hand_case_and_start(churn_orders):
    out = quiet(cust.annual_churn, churn_orders, "2025-12-31")
    assert out.index.tolist() == ["2024-12-31 to 2025-12-31"]
    assert out.loc[:, ["active_at_start", "churned"]].iloc[0].tolist() == [4, 2]
    assert out["churn_rate"].iloc[0] == pytest.approx(0.5)
    # from 2025-06-30: active then are A (last 2024-12-01: 211 days, no), C (121, no), E (281, no) ... nobody
    with pytest.raises(ValueError, match="no customer was active at the start 2025-06-30"):
        quiet(cust.annual_churn, churn_orders, "2025-12-31", start="2025-06-30")
    # from 2025-10-01: E (9 days) and nobody else; at 2025-12-31 E is at risk (100 days): churn 0
    out = quiet(cust.annual_churn, churn_orders, "2025-12-31", start="2025-10-01")
    assert out.iloc[0].tolist() == [1, 0, 0.0]
    i18n.use("zh")
    assert quiet(cust.annual_churn, churn_orders, "2025-12-31").index[0] == "2024-12-31 至 2025-12-31"


def test_annual_churn_bad_input(churn_orders):
    with pytest.raises(ValueError, match="start 2025-12-31 must be before end 2025-12-31"):
        cust.annual_churn(churn_orders, "2025-12-31", start="2025-12-31")
    with pytest.raises(TypeError, match="transactions must be a pandas DataFrame"):
        cust.annual_churn(churn_orders["amount"], "2025-12-31")
    with pytest.raises(ValueError, match="transactions is empty"):
        cust.churn_table(churn_orders.iloc[:0], "2025-12-31")
    with pytest.raises(ValueError, match="thresholds"):
        cust.churn_table(churn_orders, "2025-12-31", thresholds=(90, 30, 365))


def test_annual_churn_of_the_case_data():
    orders = datasets.load_orders()
    out = quiet(cust.annual_churn, orders, datasets.OBSERVATION_END)
    # hand check with the status function alone
    from coursekit import loyalty

    before = quiet(loyalty.customer_status, orders, "2024-12-31")
    after = quiet(loyalty.customer_status, orders, "2025-12-31")
    base = before.index[before["status"] == "active"]
    churned = after.loc[base, "status"].isin(["dormant", "lost"])
    assert out["active_at_start"].iloc[0] == len(base) == 888
    assert out["churned"].iloc[0] == churned.sum() == 211
    assert round(out["churn_rate"].iloc[0], 3) == 0.238


def test_churn_table_adds_company_and_account_manager(churn_orders):
    people = pd.DataFrame(
        {
            "customer_id": ["A", "B", "C", "D", "E"],
            "company_name": ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"],
            "account_manager": ["Li", "Wang", "Li", "Wang", "Zhao"],
            "region": ["East China"] * 5,
        }
    )
    table = quiet(cust.churn_table, churn_orders, "2025-12-31", only_churned=True, customers=people)
    assert table[["company_name", "account_manager"]].values.tolist() == [["Beta", "Wang"], ["Gamma", "Li"]]
    assert "region" not in table.columns
    with pytest.raises(ValueError, match="customers is missing column 'customer_id'"):
        cust.churn_table(churn_orders, "2025-12-31", customers=people.drop(columns="customer_id"))


def test_churn_notes_are_reported_once(churn_orders):
    lines = pd.concat(
        [churn_orders, pd.DataFrame({"customer_id": ["A"], "date": ["2025-12-05"], "amount": [-50.0]})],
        ignore_index=True,
    )
    with pytest.warns(CourseKitDataNote) as caught:
        out = cust.annual_churn(lines, "2025-12-31")
    notes = out.attrs["notes"]
    assert len(notes) == len(set(notes)) and any("netted" in n for n in notes)
    assert len([w for w in caught if issubclass(w.category, CourseKitDataNote)]) == len(notes)
