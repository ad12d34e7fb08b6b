"""Question bank of lesson 00, Start here (课程导览): warm-up exercises on the Yunfeng case data.

Eight questions of every kind (numeric, single choice, multi-select, Series, DataFrame, ids),
four of them judgement questions: predict-then-check (q1, q6), spot the error in a claim (q7)
and decide which table answers a manager's question (q8). None of the answers is printed in the
lesson notebook. The reference answers are computed with ``coursekit`` on the committed case
data, the same way the lesson does.

:data:`POLLS` are the lesson's own predict-then-reveal polls (not exercises, not recorded);
the lesson opens them with :func:`polls`.
"""

from __future__ import annotations

from functools import lru_cache

from coursekit import accounts, datasets, loyalty, tiers
from coursekit.exercises import (
    ChoiceQuestion,
    FrameQuestion,
    IdsQuestion,
    Lesson,
    NumericQuestion,
    SeriesQuestion,
)

LESSON = "00-start-here"
TITLE = ("Start here", "课程导览")

#: Bands of q1 (single choice): letter -> (low, high) share of net revenue, 0-1.
SHARE_BANDS = {"A": (0.0, 0.10), "B": (0.10, 0.20), "C": (0.20, 0.30), "D": (0.30, 1.0)}
#: Options of q3 (multi-select): letter -> product line.
PRODUCT_OPTIONS = {
    "A": "bearings",
    "B": "electrical parts",
    "C": "fasteners",
    "D": "lubricants",
    "E": "power tools",
    "F": "safety equipment",
}
#: Threshold of q3: net revenue 2023-2025 above this many CNY.
Q3_THRESHOLD = 30_000_000
#: Share of customers of q6 (the top 5 %).
Q6_FRACTION = 0.05


@lru_cache(maxsize=1)
def _customers():
    return datasets.load_customers()


@lru_cache(maxsize=1)
def _orders():
    return datasets.load_orders()


def _type_revenue():
    return accounts.revenue_by(_orders(), datasets.OBSERVATION_END, by="customer_type", customers=_customers())


def _customer_revenue():
    return accounts.revenue_by(_orders(), datasets.OBSERVATION_END, by="customer_id")


def _channel_band():
    revenue = _type_revenue()
    share = revenue["channel partner"] / revenue.sum()
    return next(letter for letter, (lo, hi) in SHARE_BANDS.items() if lo <= share < hi)


def _lines_above_threshold():
    revenue = accounts.revenue_by(_orders(), datasets.OBSERVATION_END, by="product_line")
    return {letter for letter, line in PRODUCT_OPTIONS.items() if revenue[line] > Q3_THRESHOLD}


def _top5_share_percent():
    return round(100 * tiers.top_share(_customer_revenue(), fraction=Q6_FRACTION))


def _claim_error():
    """q7: the 40 % is the stock of dormant and lost customers among all who ever bought (B)."""
    status = loyalty.customer_status(_orders(), datasets.OBSERVATION_END)
    stock = status["status"].isin(["dormant", "lost"]).mean()
    churn = accounts.annual_churn(_orders(), datasets.OBSERVATION_END)["churn_rate"].iloc[0]
    # the claim is "about 40 %" and the annual rate is clearly lower: the definition is the error
    return "B" if round(stock, 1) == 0.4 and churn < 0.3 else "A"


QUESTIONS = [
    ChoiceQuestion(
        "q1",
        prompt=(
            "Predict before you compute: channel partners are 13 % of Yunfeng's customers. What share of "
            "net revenue 2023-2025 do they bring? (A) under 10 % (B) 10-20 % (C) 20-30 % (D) 30 % or more",
            "先预测再计算：渠道商占云峰客户数的 13%。他们贡献了 2023-2025 年净收入的多少？"
            "(A) 低于 10% (B) 10%-20% (C) 20%-30% (D) 30% 及以上",
        ),
        options="ABCD",
        expected=_channel_band,
        judgement=True,
        hints=[
            (
                "A reseller buys for many end customers: its orders are larger than one plant's.",
                "渠道商替许多终端客户采购：订单比单个工厂大。",
            ),
            (
                "Check your prediction with the Series of q2: channel partners' revenue divided by the total.",
                "用第 2 题的 Series 检验：渠道商的净收入除以总额。",
            ),
        ],
    ),
    SeriesQuestion(
        "q2",
        prompt=(
            "Net revenue (sales minus returns, CNY) per customer type, 2023-2025: a Series indexed by customer type",
            "2023-2025 年各客户类型的净收入（销售减退货，元）：以客户类型为索引的 Series",
        ),
        expected=_type_revenue,
        rtol=1e-9,
        atol=0.01,
        hints=[
            (
                "The customer type is in the customer table, not in the order lines: join them by customer id.",
                "客户类型在客户表里，不在订单明细里：按客户编号关联。",
            ),
            (
                "accounts.revenue_by can take a column of the customer table with by= and customers=.",
                "accounts.revenue_by 可以用 by= 和 customers= 按客户表的列汇总。",
            ),
        ],
    ),
    ChoiceQuestion(
        "q3",
        prompt=(
            "Which product lines brought more than 30 million CNY of net revenue 2023-2025? Give all that apply: "
            "(A) bearings (B) electrical parts (C) fasteners (D) lubricants (E) power tools "
            "(F) safety equipment",
            "哪些产品线 2023-2025 年的净收入超过 3000 万元？选出所有符合的：(A) 轴承 (B) 电气元件 (C) 紧固件 "
            "(D) 润滑油 (E) 电动工具 (F) 安全防护用品",
        ),
        options="ABCDEF",
        expected=_lines_above_threshold,
        hints=[
            (
                "Net revenue per product line: the same function as in q2, another column.",
                "各产品线净收入：与第 2 题同一个函数，换一列。",
            ),
            (
                "product_line is a column of the order lines, so customers= is not needed.",
                "product_line 是订单明细的列，不需要 customers=。",
            ),
            ('Answer with a set of letters, e.g. {"A", "D"}.', '用字母集合作答，例如 {"A", "D"}。'),
        ],
    ),
    FrameQuestion(
        "q4",
        prompt=(
            "Customers by industry: a DataFrame indexed by industry with columns customers (count) and share (0-1)",
            "按行业统计客户：以行业为索引的 DataFrame，列为 customers（个数）和 share（占比，0-1）",
        ),
        expected=lambda: accounts.customer_mix(_customers(), by="industry"),
        rtol=1e-6,
        atol=1e-9,
        hints=[
            (
                "The lesson counted customers by region and size with one function.",
                "课上用同一个函数按地区和规模统计了客户。",
            ),
            ("Change its by= to the industry column of the customer table.", "把它的 by= 换成客户表的行业列。"),
        ],
    ),
    IdsQuestion(
        "q5",
        prompt=(
            "The ids of the 5 largest customers by net revenue 2023-2025 (any order)",
            "2023-2025 年净收入最高的 5 个客户的编号（顺序不限）",
        ),
        expected=lambda: _customer_revenue().nlargest(5).index,
        hints=[
            (
                "Net revenue per customer: accounts.revenue_by with its default by=.",
                "每个客户的净收入：accounts.revenue_by，用默认的 by=。",
            ),
            (
                "Keep the 5 largest values of that Series, then their index.",
                "取该 Series 中最大的 5 个值，再取其索引。",
            ),
        ],
    ),
    NumericQuestion(
        "q6",
        prompt=(
            "Predict, then check: the top 20 % of customers bring about 78 % of net revenue. Write your guess for the "
            "top 5 % in the comment, then compute their share of net revenue 2023-2025 in percent, rounded to a "
            "whole number (answers within 1 point are accepted).",
            "先预测再检验：前 20% 的客户贡献了约 78% 的净收入。先把你对前 5% 客户的猜测写在注释里，再计算他们占 "
            "2023-2025 年净收入的百分比，四舍五入到整数（误差 1 个百分点以内算对）。",
        ),
        expected=_top5_share_percent,
        rtol=0,
        atol=1,
        judgement=True,
        hints=[
            (
                "One customer in twenty: the biggest accounts weigh more than their number suggests.",
                "二十个客户里的一个：大客户的分量远超其人数。",
            ),
            (
                "tiers.top_share takes the net revenue per customer and a fraction (0.05); it returns 0-1.",
                "tiers.top_share 接收每个客户的净收入和比例（0.05），返回 0-1 的值。",
            ),
            ("Multiply by 100 and round to a whole number.", "乘以 100，再四舍五入到整数。"),
        ],
    ),
    ChoiceQuestion(
        "q7",
        prompt=(
            'Spot the error: a colleague reports "Yunfeng\'s churn is 40 %". She took every customer who ever '
            "ordered (2023-2025) and counted those dormant or lost at 2025-12-31. What is wrong? "
            "(A) Nothing: 40 % is Yunfeng's annual churn. "
            "(B) It is a stock, not an annual rate: it counts customers lost before 2025 and divides by everyone "
            "who ever bought; annual churn takes the customers active at the end of 2024 and asks who was dormant "
            "or lost a year later. "
            "(C) She should have used the acquisition date in the customer table. "
            "(D) She forgot to net the returns.",
            "找错误：一位同事汇报“云峰的流失率是 40%”。她取了 2023-2025 年所有下过单的客户，数出 2025-12-31 时"
            "处于休眠或流失状态的客户。错在哪里？(A) 没错：40% 就是云峰的年流失率。"
            "(B) 这是存量而不是年率：它把 2025 年以前就流失的客户也算进来，并除以所有曾经购买的客户；年流失率取 "
            "2024 年底的活跃客户，看一年后其中有多少休眠或流失。(C) 她应该用客户表中的开户日期。(D) 她忘了抵扣退货。",
        ),
        options="ABCD",
        expected=_claim_error,
        judgement=True,
        hints=[
            (
                "Recompute her number with loyalty.customer_status at 2025-12-31, then the lesson's annual churn.",
                "用 loyalty.customer_status 在 2025-12-31 重算她的数字，再与课上的年流失率比较。",
            ),
            (
                "A rate per year needs a group at the start of the year and the same group one year later.",
                "年率需要年初的一组客户，并在一年后看同一组客户。",
            ),
        ],
    ),
    ChoiceQuestion(
        "q8",
        prompt=(
            'Decide: your sales director asks "Why did our sales opportunities not turn into deals?" Which table '
            "answers it? (A) orders (B) tickets (C) opportunities (D) survey",
            "判断：销售总监问“我们的销售机会为什么没有成交？”哪张表能回答？(A) orders 订单明细 (B) tickets 服务工单 "
            "(C) opportunities 销售机会 (D) survey 满意度调查",
        ),
        options="ABCD",
        expected="C",
        judgement=True,
        hints=[
            ("Read the meaning of each table in the lesson's table overview.", "阅读课上十张表概览中每张表的含义。"),
            (
                'datasets.describe("opportunities") lists a column that records why an opportunity was lost.',
                'datasets.describe("opportunities") 中有一列记录了商机丢失的原因。',
            ),
        ],
    ),
]

#: The lesson's predict-then-reveal polls and the demo of the four check results (not recorded).
POLLS = [
    NumericQuestion(
        "p0",
        prompt=("How many tables does the case company have? (a whole number)", "案例公司有多少张数据表？（整数）"),
        expected=lambda: len(datasets.TABLES),
        rtol=0,
        atol=0.5,
        hints=[
            ("Count the tables of the case data.", "数一数案例数据有几张表。"),
            ("datasets.TABLES lists them.", "datasets.TABLES 列出了它们。"),
        ],
    ),
    ChoiceQuestion(
        "p1",
        prompt=(
            "Of Yunfeng's customers who ordered in the last 90 days of 2024, what share was dormant or lost a "
            "year later? (A) under 15 % (B) 15-25 % (C) 25-35 % (D) 35 % or more",
            "在 2024 年最后 90 天下过单的云峰客户中，一年后有多少处于休眠或流失状态？"
            "(A) 低于 15% (B) 15%-25% (C) 25%-35% (D) 35% 及以上",
        ),
        options="ABCD",
        expected=lambda: "ABCD"[
            sum(
                accounts.annual_churn(_orders(), datasets.OBSERVATION_END)["churn_rate"].iloc[0] >= b
                for b in (0.15, 0.25, 0.35)
            )
        ],
        judgement=True,
        hints=[
            ("The brochure says 15-25 % a year for companies in general.", "宣传材料说一般企业每年 15%-25%。"),
            ("The next cell computes it: accounts.annual_churn.", "下一个单元格会计算它：accounts.annual_churn。"),
        ],
    ),
    ChoiceQuestion(
        "p2",
        prompt=(
            "What share of net revenue do the top 20 % of Yunfeng's customers bring? "
            "(A) about 20 % (B) about 50 % (C) about 80 % (D) about 95 %",
            "云峰前 20% 的客户贡献了多少净收入？(A) 约 20% (B) 约 50% (C) 约 80% (D) 约 95%",
        ),
        options="ABCD",
        expected=lambda: "ABCD"[
            min(
                range(4),
                key=lambda i: abs(tiers.top_share(_customer_revenue(), fraction=0.2) - (0.2, 0.5, 0.8, 0.95)[i]),
            )
        ],
        judgement=True,
        hints=[
            ("Think of the 80/20 rule (二八法则).", "想一想二八法则。"),
            ("The next cell computes it: tiers.top_share.", "下一个单元格会计算它：tiers.top_share。"),
        ],
    ),
]


def polls() -> Lesson:
    """The lesson's polls as a ``Lesson`` that records nothing: ``tour = lesson00.polls()``."""
    return Lesson(LESSON, questions=POLLS, record=False)
