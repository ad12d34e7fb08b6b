"""Question bank of lesson 00, Start here (课程导览): warm-up exercises on the Yunfeng case data.

One question of every kind: numeric, single choice, Series, multi-select choice,
DataFrame and ids. The reference answers are computed with ``coursekit`` on the
committed case data, the same way the lesson does.
"""

from __future__ import annotations

from functools import lru_cache

from coursekit import accounts, datasets
from coursekit.exercises import ChoiceQuestion, FrameQuestion, IdsQuestion, NumericQuestion, SeriesQuestion

LESSON = "00-start-here"
TITLE = ("Start here", "课程导览")

#: Options of q2 (single choice): letter -> region.
REGION_OPTIONS = {"A": "East China", "B": "South China", "C": "North China", "D": "Central China"}
#: Options of q4 (multi-select): letter -> product line.
PRODUCT_OPTIONS = {
    "A": "bearings",
    "B": "electrical parts",
    "C": "fasteners",
    "D": "lubricants",
    "E": "power tools",
    "F": "safety equipment",
}
#: Threshold of q4: net revenue 2023-2025 above this many CNY.
Q4_THRESHOLD = 30_000_000


@lru_cache(maxsize=1)
def _customers():
    return datasets.load_customers()


@lru_cache(maxsize=1)
def _orders():
    return datasets.load_orders()


def _line_revenue():
    return accounts.revenue_by(_orders(), datasets.OBSERVATION_END, by="product_line")


def _customer_revenue():
    return accounts.revenue_by(_orders(), datasets.OBSERVATION_END, by="customer_id")


def _largest_region():
    top = accounts.customer_mix(_customers(), by="region").index[0]
    return next(letter for letter, region in REGION_OPTIONS.items() if region == top)


def _lines_above_threshold():
    revenue = _line_revenue()
    return {letter for letter, line in PRODUCT_OPTIONS.items() if revenue[line] > Q4_THRESHOLD}


QUESTIONS = [
    NumericQuestion(
        "q1",
        prompt=("How many customers does Yunfeng have? (a whole number)", "云峰共有多少个客户？（整数）"),
        expected=lambda: len(_customers()),
        rtol=0,
        atol=0.5,
        hints=[
            ("One row of the customer table is one customer.", "客户表的一行就是一个客户。"),
            ("Count the rows with len(customers).", "用 len(customers) 数行数。"),
        ],
    ),
    ChoiceQuestion(
        "q2",
        prompt=(
            "Which region has the most customers? (A) East China (B) South China (C) North China (D) Central China",
            "哪个地区的客户最多？(A) 华东 (B) 华南 (C) 华北 (D) 华中",
        ),
        options="ABCD",
        expected=_largest_region,
        hints=[
            ("Count the customers per region.", "统计每个地区的客户数。"),
            (
                'accounts.customer_mix(customers, by="region") lists the largest region first.',
                'accounts.customer_mix(customers, by="region") 会把客户最多的地区排在第一位。',
            ),
            ("Yunfeng is based in Suzhou.", "云峰总部在苏州。"),
        ],
    ),
    SeriesQuestion(
        "q3",
        prompt=(
            "Net revenue (sales minus returns, CNY) per product line, 2023-2025: a Series indexed by product line",
            "2023-2025 年各产品线的净收入（销售减退货，元）：以产品线为索引的 Series",
        ),
        expected=_line_revenue,
        rtol=1e-9,
        atol=0.01,
        hints=[
            ("Returns are negative lines: summing all lines nets them.", "退货是负数行：把所有行相加就抵扣了退货。"),
            (
                'accounts.revenue_by(orders, datasets.OBSERVATION_END, by="product_line")',
                'accounts.revenue_by(orders, datasets.OBSERVATION_END, by="product_line")',
            ),
            (
                'Or with pandas: orders.groupby("product_line")["amount"].sum()',
                '或用 pandas：orders.groupby("product_line")["amount"].sum()',
            ),
        ],
    ),
    ChoiceQuestion(
        "q4",
        prompt=(
            "Which product lines brought more than 30 million CNY of net revenue? Give all that apply: "
            "(A) bearings (B) electrical parts (C) fasteners (D) lubricants (E) power tools "
            "(F) safety equipment",
            "哪些产品线的净收入超过 3000 万元？选出所有符合的：(A) 轴承 (B) 电气元件 (C) 紧固件 "
            "(D) 润滑油 (E) 电动工具 (F) 安全防护用品",
        ),
        options="ABCDEF",
        expected=_lines_above_threshold,
        hints=[
            ("Use the Series from q3.", "用第 3 题得到的 Series。"),
            (
                "Keep the values above 30_000_000: revenue[revenue > 30_000_000].",
                "保留大于 30_000_000 的值：revenue[revenue > 30_000_000]。",
            ),
            ('Answer with a set of letters, e.g. {"A", "D"}.', '用字母集合作答，例如 {"A", "D"}。'),
        ],
    ),
    FrameQuestion(
        "q5",
        prompt=(
            "Customers by company size: a DataFrame indexed by size with columns customers (count) and share (0-1)",
            "按企业规模统计客户：以规模为索引的 DataFrame，列为 customers（个数）和 share（占比，0-1）",
        ),
        expected=lambda: accounts.customer_mix(_customers(), by="size"),
        rtol=1e-6,
        atol=1e-9,
        hints=[
            ("The same function as for regions, with another column.", "与地区统计相同的函数，换一列即可。"),
            ('accounts.customer_mix(customers, by="size")', 'accounts.customer_mix(customers, by="size")'),
        ],
    ),
    IdsQuestion(
        "q6",
        prompt=(
            "The ids of the 5 largest customers by net revenue (any order)",
            "净收入最高的 5 个客户的编号（顺序不限）",
        ),
        expected=lambda: _customer_revenue().nlargest(5).index,
        hints=[
            (
                "Net revenue per customer: accounts.revenue_by(orders, datasets.OBSERVATION_END).",
                "每个客户的净收入：accounts.revenue_by(orders, datasets.OBSERVATION_END)。",
            ),
            (
                "Take the 5 largest with .nlargest(5), then keep the .index.",
                "用 .nlargest(5) 取最大的 5 个，再取 .index。",
            ),
        ],
    ),
]
