"""Demo question bank: one question of each kind, on a tiny inline table.

Used by the tests of the exercise machinery and by ``tests/fixtures``; a real bank
computes its reference answers with ``coursekit`` on the committed data instead of
this inline table.
"""

from __future__ import annotations

import pandas as pd

from coursekit.exercises import ChoiceQuestion, FrameQuestion, IdsQuestion, NumericQuestion, SeriesQuestion

LESSON = "demo"
TITLE = ("Demo exercises", "示例练习")


def orders() -> pd.DataFrame:
    """A tiny order table (the fixture notebook builds the same one)."""
    return pd.DataFrame(
        {
            "customer_id": ["C01", "C01", "C02", "C03", "C03", "C03"],
            "amount": [120.0, 80.0, 300.0, 50.0, 25.0, 25.0],
        }
    )


def _revenue() -> pd.Series:
    return orders().groupby("customer_id")["amount"].sum()


QUESTIONS = [
    NumericQuestion(
        "q1",
        prompt=("Total revenue of all orders (CNY)", "全部订单的总收入（元）"),
        expected=lambda: orders()["amount"].sum(),
        hints=[("Select the amount column.", "选出 amount 列。"), ("Add it up with .sum().", "用 .sum() 求和。")],
    ),
    ChoiceQuestion(
        "q2",
        prompt=(
            "Which RFM letter measures how recently a customer bought?",
            "RFM 中哪个字母衡量客户最近一次购买距今多久？",
        ),
        options="ABC",
        expected="A",
        hints=[
            ("A = Recency, B = Frequency, C = Monetary.", "A = 最近一次消费，B = 消费频率，C = 消费金额。"),
            ("Recency means 'how recently'.", "Recency 即“最近”。"),
        ],
    ),
    ChoiceQuestion(
        "q3",
        prompt=(
            "Which are RFM dimensions? (A) Recency (B) Region (C) Frequency (D) Monetary",
            "哪些是 RFM 维度？(A) 最近一次消费 (B) 地区 (C) 消费频率 (D) 消费金额",
        ),
        options="ABCD",
        expected={"A", "C", "D"},
        hints=[
            ("There are three.", "共有三个。"),
            ("R, F and M.", "R、F 和 M。"),
            ("Region is not one of them.", "地区不在其中。"),
        ],
    ),
    SeriesQuestion(
        "q4",
        prompt=(
            "Revenue per customer (Series indexed by customer_id)",
            "每位客户的收入（以 customer_id 为索引的 Series）",
        ),
        expected=_revenue,
        hints=[
            ("Group the orders by customer.", "按客户分组。"),
            ("groupby('customer_id')['amount'].sum()", "groupby('customer_id')['amount'].sum()"),
        ],
    ),
    FrameQuestion(
        "q5",
        prompt=(
            "Per customer: revenue and number of orders (columns revenue, orders)",
            "每位客户的收入与订单数（列 revenue、orders）",
        ),
        expected=lambda: orders().groupby("customer_id").agg(revenue=("amount", "sum"), orders=("amount", "size")),
        hints=[
            ("Use groupby(...).agg(...).", "用 groupby(...).agg(...)。"),
            (
                "Named aggregation: agg(revenue=('amount', 'sum'), orders=('amount', 'size')).",
                "命名聚合：agg(revenue=('amount', 'sum'), orders=('amount', 'size'))。",
            ),
        ],
    ),
    IdsQuestion(
        "q6",
        prompt=("Which customers spent more than 100 CNY in total?", "哪些客户总消费超过 100 元？"),
        expected=lambda: _revenue()[_revenue() > 100].index.tolist(),
        hints=[
            ("Start from revenue per customer.", "从每位客户的收入出发。"),
            ("Filter with a mask and keep the index.", "用掩码筛选并取索引。"),
        ],
    ),
    IdsQuestion(
        "q7",
        prompt=("Customers by revenue, best first", "按收入从高到低排列的客户"),
        expected=lambda: _revenue().sort_values(ascending=False).index.tolist(),
        ordered=True,
        hints=[
            ("sort_values(ascending=False)", "sort_values(ascending=False)"),
            ("Then take .index.tolist().", "再取 .index.tolist()。"),
        ],
    ),
]
