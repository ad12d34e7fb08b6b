"""Question bank of lesson 07, RFM analysis (RFM 分析).

Every reference answer is computed with ``coursekit`` on the committed case data
(and the real CDNOW data shipped with ``lifetimes``), exactly as in
``notebooks/07-rfm.ipynb`` and ``solutions/07-rfm.ipynb``.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from coursekit import datasets, rfm
from coursekit.exercises import ChoiceQuestion, FrameQuestion, IdsQuestion, NumericQuestion, SeriesQuestion

LESSON = "07-rfm"
TITLE = ("RFM analysis", "RFM 分析")

#: Classic segment keys of dormant, once-valuable customers (the win-back list of the lesson):
#: At Risk and Can't Lose Them. Keys, so that the bank gives the same answers in both editions.
DORMANT_SEGMENTS = ("at_risk", "cant_lose")


@lru_cache(maxsize=1)
def _table() -> pd.DataFrame:
    """The lesson's RFM table of Yunfeng (orders counted by order id, returns netted)."""
    return rfm.rfm_table(datasets.load_orders(), end=datasets.OBSERVATION_END, order_col="order_id")


def _classic() -> pd.DataFrame:
    return rfm.rfm_segments(rfm.rfm_scores(_table()), scheme="classic")


def _dormant() -> pd.DataFrame:
    """At Risk and Can't Lose Them customers with their account manager."""
    classic = _classic()
    dormant = classic[classic["segment"].isin(DORMANT_SEGMENTS)]
    customers = datasets.load_customers().set_index("customer_id")
    return dormant.join(customers[["company_name", "account_manager"]])


def _revenue_at_stake() -> pd.DataFrame:
    return _dormant().groupby("account_manager").agg(customers=("monetary", "size"), revenue=("monetary", "sum"))


def _both_winback() -> list:
    classic = _classic()
    cn8 = rfm.rfm_segments(_table(), scheme="cn8")
    both = (classic["segment"] == "cant_lose") & (cn8["segment"] == "important_winback")
    return classic.index[both].tolist()


def _cdnow_one_time_share() -> float:
    cdnow = rfm.rfm_table(datasets.load_cdnow("master"), end="1998-06-30")
    return float((cdnow["frequency"] == 1).mean())


QUESTIONS = [
    NumericQuestion(
        "q1",
        prompt=(
            "How many Yunfeng customers in the RFM table have not ordered for more than 180 days?",
            "RFM 表中有多少云峰客户超过 180 天没有下单？",
        ),
        expected=lambda: int((_table()["recency"] > 180).sum()),
        rtol=0,
        atol=0,
        hints=[
            ("Recency is the number of days since the last order.", "最近一次消费（recency）是距上次下单的天数。"),
            (
                "Compare the recency column with 180 to get True/False per customer.",
                "把 recency 列与 180 比较，得到每位客户的 True/False。",
            ),
            (
                'Count the True values: (table["recency"] > 180).sum().',
                '统计 True 的个数：(table["recency"] > 180).sum()。',
            ),
        ],
    ),
    ChoiceQuestion(
        "q2",
        prompt=(
            "Which statements about RFM scores are true? Give all that apply.",
            "关于 RFM 得分，哪些说法正确？选出所有正确项。",
        ),
        options="ABCD",
        expected={"B", "C"},
        hints=[
            ("Two statements are true.", "有两项正确。"),
            (
                "Think about what a score of 1 means for R: the longest time since the last order.",
                "想一想 R 得 1 分意味着什么：距上次下单最久。",
            ),
            (
                "Equal values always get the same score: a tie on a group boundary stays together in the "
                "lower score, so groups can be of quite different sizes.",
                "相同的值总是得到相同的分数：恰好落在分组边界上的并列值整体留在较低的分数中，因此各组大小可能相差很大。",
            ),
        ],
    ),
    ChoiceQuestion(
        "q3",
        prompt=(
            "Mean recency is 254 days. Customer B last ordered 400 days ago, but orders more often and "
            "spends more than the average customer. Which class of the Chinese eight-class scheme is B in?",
            "平均最近一次消费为 254 天。客户 B 最近一次下单在 400 天前，但消费频率和消费金额都高于平均水平。"
            "B 属于 RFM 八类客户中的哪一类？",
        ),
        options="ABCD",
        expected="B",
        hints=[
            (
                "First decide R: is 400 days better or worse than the mean of 254 days?",
                "先判断 R：400 天比平均的 254 天好还是差？",
            ),
            (
                "A longer time since the last order is worse, so R is low; F and M are high.",
                "距上次下单越久越差，所以 R 低；F 和 M 高。",
            ),
            ("R low, F high, M high is the class to keep (保持).", "R 低、F 高、M 高是需要“保持”的一类。"),
        ],
    ),
    SeriesQuestion(
        "q4",
        prompt=(
            "Share of net revenue (0-1) of each class of the Chinese eight-class scheme, "
            "a Series indexed by class name.",
            "RFM 八类客户各类的净收入占比（0-1），以类别名称为索引的 Series。",
        ),
        expected=lambda: rfm.segment_summary(rfm.rfm_segments(_table(), scheme="cn8"))["revenue_share"],
        rtol=1e-6,
        hints=[
            (
                'Segment the table with rfm.rfm_segments(..., scheme="cn8").',
                '用 rfm.rfm_segments(..., scheme="cn8") 划分客户。',
            ),
            ("rfm.segment_summary gives one row per class.", "rfm.segment_summary 每类给出一行。"),
            ('Select its "revenue_share" column.', '选出其中的 "revenue_share" 列。'),
        ],
    ),
    FrameQuestion(
        "q5",
        prompt=(
            "Revenue at stake per account manager: for the At Risk and Can't Lose Them customers, "
            "a DataFrame indexed by account_manager with columns customers (count) and revenue "
            "(sum of monetary, CNY).",
            "每位客户经理名下的风险收入：对“有流失风险客户”和“不能失去的客户”，给出以 account_manager "
            "为索引、含 customers（客户数）和 revenue（monetary 之和，元）两列的 DataFrame。",
        ),
        expected=_revenue_at_stake,
        ignore_order=True,
        ignore_column_order=True,
        extra_columns=False,
        rtol=1e-6,
        hints=[
            (
                'Keep the customers whose segment key is "at_risk" or "cant_lose" (.isin).',
                '保留 segment 键为 "at_risk" 或 "cant_lose" 的客户（.isin）。',
            ),
            (
                "Join the account_manager column of the customers table (indexed by customer_id).",
                "连接客户表（以 customer_id 为索引）中的 account_manager 列。",
            ),
            (
                'groupby("account_manager").agg(customers=("monetary", "size"), revenue=("monetary", "sum"))',
                'groupby("account_manager").agg(customers=("monetary", "size"), revenue=("monetary", "sum"))',
            ),
        ],
    ),
    IdsQuestion(
        "q6",
        prompt=(
            "Which customers are Can't Lose Them in the classic scheme and Important win-back "
            "(重要挽留客户) in the eight classes? Their ids, any order.",
            "哪些客户在经典方案中是“不能失去的客户”，同时在八类方案中是“重要挽留客户”？给出客户编号，顺序不限。",
        ),
        expected=lambda: _both_winback(),
        ordered=False,
        hints=[
            (
                'You need both segmentations: rfm.rfm_segments(scores) and rfm.rfm_segments(table, scheme="cn8").',
                '需要两种划分：rfm.rfm_segments(scores) 和 rfm.rfm_segments(table, scheme="cn8")。',
            ),
            (
                'Compare the keys: segment == "cant_lose" and segment == "important_winback".',
                '比较键：segment == "cant_lose" 与 segment == "important_winback"。',
            ),
            (
                "Combine the two masks with & and keep the index: .index[mask].tolist().",
                "用 & 合并两个掩码并取索引：.index[mask].tolist()。",
            ),
        ],
    ),
    NumericQuestion(
        "q7",
        prompt=(
            "CDNOW (master, end 1998-06-30): what fraction (0-1) of customers bought on one day only? "
            "Three decimals are enough.",
            "CDNOW（master，观察截止 1998-06-30）：只在一天购买过的客户占多大比例（0-1）？保留三位小数即可。",
        ),
        expected=_cdnow_one_time_share,
        rtol=0,
        atol=5e-4,
        hints=[
            (
                "Without an order id, frequency counts distinct purchase days.",
                "没有订单编号时，消费频率统计的是不同的购买日数。",
            ),
            (
                'Build the table with rfm.rfm_table(cdnow, end="1998-06-30").',
                '用 rfm.rfm_table(cdnow, end="1998-06-30") 建表。',
            ),
            (
                'The mean of a True/False column is a share: (table["frequency"] == 1).mean().',
                'True/False 列的均值就是比例：(table["frequency"] == 1).mean()。',
            ),
        ],
    ),
    NumericQuestion(
        "q8",
        prompt=(
            "Score Yunfeng with bins=3 instead of 5. How many customers are in the high value level "
            "(default terciles)?",
            "用 bins=3 而不是 5 给云峰客户打分。高价值客户（默认三分位）有多少位？",
        ),
        expected=lambda: int((rfm.value_level(rfm.rfm_scores(_table(), bins=3))["value_level"] == "high").sum()),
        rtol=0,
        atol=0,
        hints=[
            (
                "rfm.rfm_scores(table, bins=3) gives scores from 1 to 3.",
                "rfm.rfm_scores(table, bins=3) 给出 1 到 3 分。",
            ),
            (
                "rfm.value_level(...) adds the level; count the high ones.",
                "rfm.value_level(...) 加上价值等级；统计高价值的个数。",
            ),
            ('(levels["value_level"] == "high").sum()', '(levels["value_level"] == "high").sum()'),
        ],
    ),
]
