"""Question bank of lesson 07, RFM analysis (RFM 分析).

Every reference answer is computed with ``coursekit`` on the committed case data
(and the real CDNOW data shipped with ``lifetimes``), exactly as in
``notebooks/07-rfm.ipynb`` and ``solutions/07-rfm.ipynb``. ``POLLS`` are the two
predict-then-reveal polls asked inside the lesson (not graded, not recorded).
"""

from __future__ import annotations

import warnings
from functools import lru_cache

import pandas as pd

from coursekit import datasets, loyalty, rfm
from coursekit._validate import CourseKitDataNote
from coursekit.exercises import ChoiceQuestion, FrameQuestion, IdsQuestion, NumericQuestion, SeriesQuestion

LESSON = "07-rfm"
TITLE = ("RFM analysis", "RFM 分析")

END = datasets.OBSERVATION_END
#: Classic segment keys of once-valuable customers who have gone quiet (the win-back list of the
#: lesson): Slipping Regulars and Can't Lose Them. Keys, so that the bank gives the same answers in both editions.
WIN_BACK_SEGMENTS = ("at_risk", "cant_lose")
#: The return rates assumed in the call-budget question (q8).
RETURN_RATES = {"dormant": 0.30, "lost": 0.05}


def _quiet(func, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)
        return func(*args, **kwargs)


@lru_cache(maxsize=1)
def _orders() -> pd.DataFrame:
    return datasets.load_orders()


@lru_cache(maxsize=1)
def _customers() -> pd.DataFrame:
    return datasets.load_customers().set_index("customer_id")


@lru_cache(maxsize=1)
def _table() -> pd.DataFrame:
    """The lesson's RFM table of Yunfeng (orders counted by order id, returns netted)."""
    return _quiet(rfm.rfm_table, _orders(), END, order_col="order_id")


def _classic() -> pd.DataFrame:
    return rfm.rfm_segments(rfm.rfm_scores(_table()), scheme="classic")


@lru_cache(maxsize=1)
def _status() -> pd.DataFrame:
    return _quiet(loyalty.customer_status, _orders(), END, order_col="order_id")


@lru_cache(maxsize=1)
def _annual() -> pd.DataFrame:
    """Frequency and monetary per year of tenure in 2023-25 (tenure from the account's first order)."""
    return _quiet(
        rfm.rfm_table,
        _orders(),
        END,
        order_col="order_id",
        annualise=True,
        first_purchase=_customers()["acquired_date"],
    )


def _call_list() -> pd.DataFrame:
    """The lesson's win-back list: Slipping Regulars and Can't Lose Them, with yearly run-rate and status."""
    classic = _classic()
    win_back = classic[classic["segment"].isin(WIN_BACK_SEGMENTS)]
    return win_back.assign(per_year=_annual()["monetary"], status=_status()["status"]).join(
        _customers()[["company_name", "account_manager"]]
    )


def _run_rate_at_stake() -> pd.DataFrame:
    dormant = _call_list().query("status == 'dormant'")
    return dormant.groupby("account_manager").agg(customers=("per_year", "size"), per_year=("per_year", "sum"))


def _both_winback() -> list:
    classic = _classic()
    cn8 = rfm.rfm_segments(_table(), scheme="cn8")
    both = (classic["segment"] == "cant_lose") & (cn8["segment"] == "important_winback")
    return classic.index[both].tolist()


def _cdnow_distinct_f_scores() -> int:
    cdnow = _quiet(rfm.rfm_table, datasets.load_cdnow("master"), end="1998-06-30")
    return int(rfm.rfm_scores(cdnow, bins=10)["F"].nunique())


def _expected_won_back(rule: str, calls: int = 15) -> float:
    """Expected yearly revenue won back by calling ``calls`` accounts chosen by ``rule``."""
    calls_list = _call_list()
    if rule == "A":
        chosen = calls_list.nlargest(calls, "monetary")
    elif rule == "B":
        chosen = calls_list.nlargest(calls, "per_year")
    else:
        chosen = calls_list[calls_list["status"] == "dormant"].nlargest(calls, "per_year")
    rate = chosen["status"].astype(str).map(RETURN_RATES).fillna(0.0)
    return float((rate * chosen["per_year"]).sum())


def _best_budget_rule() -> str:
    values = {rule: _expected_won_back(rule) for rule in "ABC"}
    return max(values, key=values.get)


def _last_12m_cn8_share() -> pd.Series:
    last12 = _quiet(rfm.rfm_table, _orders(), END, order_col="order_id", start="2025-01-01")
    return rfm.segment_summary(rfm.rfm_segments(last12, scheme="cn8"))["revenue_share"]


POLLS = [
    ChoiceQuestion(
        "p1",
        prompt=(
            "CDNOW: 51 % of the 23,570 customers bought on one day only. Scored in five F scores by rank, "
            "equal frequencies scored equally: how many customers get F = 2?",
            "CDNOW：23,570 位客户中 51 % 只在一天购买过。按排名分五档 F 分、相同频率得相同分数：有多少客户得 F = 2？",
        ),
        options="ABCD",
        expected="B",
        hints=[
            ("Where does the rank of the first one-time buyer put all of them?", "第一个只买一次的客户排在第几？"),
            (
                "All one-time buyers share the lowest rank, 1, so all get F = 1.",
                "所有只买一次的客户并列最低排名 1，所以都得 F = 1。",
            ),
        ],
    ),
    ChoiceQuestion(
        "p2",
        prompt=(
            "You can make 20 win-back calls this month. Which 20 accounts do you call first?",
            "本月只能打 20 个挽回电话。先打给哪 20 位客户？",
        ),
        options="ABCD",
        expected="B",
        hints=[
            (
                "Which accounts can still come back, and what is each worth per year?",
                "哪些客户还可能回来？每位客户每年值多少？",
            ),
            (
                "Three-year spend favours accounts that left long ago; their revenue is already gone.",
                "三年累计消费偏向早已离开的客户，他们的收入已经没有了。",
            ),
        ],
    ),
]

QUESTIONS = [
    ChoiceQuestion(
        "q1",
        prompt=(
            "Which statements about RFM scores by rank, with equal values scored equally, are true? "
            "Give all that apply.",
            "关于按排名打分、相同的值得相同分数的 RFM 评分，哪些说法正确？选出所有正确项。",
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
    NumericQuestion(
        "q2",
        prompt=(
            "Predict, then check. CDNOW, all 23,570 customers of the RFM table (master data, end 1998-06-30, "
            "frequency = purchase days; the 68 customers whose purchases are all worth 0 USD are included). "
            "Score them in 10 scores (bins=10). How many different F scores do customers actually get? "
            "A whole number, exact.",
            "先预测，再验证。CDNOW 的 RFM 表中全部 23,570 位客户（master 数据，截止 1998-06-30，消费频率 = "
            "购买天数；包括购买金额全为 0 美元的 68 位客户）。按 10 档打分（bins=10）。客户实际得到几种不同的 F 分？"
            "整数，须准确。",
        ),
        expected=_cdnow_distinct_f_scores,
        rtol=0,
        atol=0,
        judgement=True,
        hints=[
            (
                "Write your guess down first. Then think: all one-time buyers share one score.",
                "先写下你的猜测。再想：所有只买一次的客户共用一个分数。",
            ),
            (
                'Build the table with rfm.rfm_table(..., end="1998-06-30") and score it with rfm.rfm_scores(..., bins=10).',
                '用 rfm.rfm_table(..., end="1998-06-30") 建表，用 rfm.rfm_scores(..., bins=10) 打分。',
            ),
            ("Count the distinct values of the F column (.nunique()).", "统计 F 列的不同取值个数（.nunique()）。"),
        ],
    ),
    NumericQuestion(
        "q3",
        prompt=(
            "Status depends on the day you take it. How many Yunfeng customers were dormant (休眠) on "
            "2025-06-30, by coursekit.loyalty.customer_status with its default thresholds (orders counted by "
            "order_id)? A whole number, exact.",
            "客户状态取决于观察日。按 coursekit.loyalty.customer_status 的默认阈值（按 order_id 计订单），"
            "2025-06-30 有多少云峰客户处于休眠状态？整数，须准确。",
        ),
        expected=lambda: int(
            (
                _quiet(loyalty.customer_status, _orders(), "2025-06-30", order_col="order_id")["status"] == "dormant"
            ).sum()
        ),
        rtol=0,
        atol=0,
        hints=[
            (
                "Dormant is a status, not an RFM segment: use the one status function of the course, with the end "
                "set to that day.",
                "休眠是客户状态，不是 RFM 细分：用课程中唯一的状态函数，并把截止日设为那一天。",
            ),
            ('Count the rows whose status key is "dormant".', '统计 status 键为 "dormant" 的行数。'),
        ],
    ),
    ChoiceQuestion(
        "q4",
        prompt=(
            "Mean recency is 255 days. Customer B last ordered 400 days ago, but orders more often and "
            "spends more than the average customer. Which class of the Chinese eight-class scheme is B in?",
            "平均最近一次消费为 255 天。客户 B 最近一次下单在 400 天前，但消费频率和消费金额都高于平均水平。"
            "B 属于 RFM 八类客户中的哪一类？",
        ),
        options="ABCD",
        expected="B",
        hints=[
            (
                "First decide R: is 400 days better or worse than the mean of 255 days?",
                "先判断 R：400 天比平均的 255 天好还是差？",
            ),
            (
                "A longer time since the last order is worse, so R is low; F and M are high.",
                "距上次下单越久越差，所以 R 低；F 和 M 高。",
            ),
            ("R low, F high, M high is the class to keep (保持).", "R 低、F 高、M 高是需要“保持”的一类。"),
        ],
    ),
    IdsQuestion(
        "q5",
        prompt=(
            "Which customers are Can't Lose Them in the classic scheme and Important win-back "
            "(重要挽留客户) in the eight classes? Their ids, any order.",
            "哪些客户在经典方案中是“重点召回客户”，同时在八类方案中是“重要挽留客户”？给出客户编号，顺序不限。",
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
        ],
    ),
    SeriesQuestion(
        "q6",
        prompt=(
            "The last 12 months only: build the RFM table for 2025-01-01 to 2025-12-31 (start=, orders by "
            "order_id; customers without a 2025 order drop out) and segment it with the Chinese eight classes "
            "(means of that table). Share of the 2025 net revenue (0-1) per class, a Series indexed by class "
            "key; relative tolerance 1e-6.",
            "只看最近 12 个月：用 start= 建 2025-01-01 至 2025-12-31 的 RFM 表（按 order_id 计订单；2025 年没有"
            "订单的客户不在表中），再按 RFM 八类划分（用该表的均值）。各类占 2025 年净收入的比例（0-1），以类别键为"
            "索引的 Series；相对容差 1e-6。",
        ),
        expected=_last_12m_cn8_share,
        rtol=1e-6,
        hints=[
            (
                'rfm.rfm_table(orders, end, order_col="order_id", start="2025-01-01")',
                'rfm.rfm_table(orders, end, order_col="order_id", start="2025-01-01")',
            ),
            (
                'Then rfm.rfm_segments(..., scheme="cn8") and rfm.segment_summary(...).',
                '然后 rfm.rfm_segments(..., scheme="cn8") 与 rfm.segment_summary(...)。',
            ),
        ],
    ),
    FrameQuestion(
        "q7",
        prompt=(
            "Yearly run-rate at stake per account manager: from the lesson's call list (Slipping Regulars and Can't "
            "Lose Them, with per_year = annualised monetary, tenure from acquired_date), keep the dormant "
            "accounts. A DataFrame indexed by account_manager with columns customers (count) and per_year "
            "(sum, CNY per year); relative tolerance 1e-6.",
            "每位客户经理名下的年化风险收入：在课上的回访名单（待召回客户与重点召回客户，per_year = 年化消费"
            "金额，在网时长从 acquired_date 起算）中保留休眠客户。给出以 account_manager 为索引、含 customers"
            "（客户数）和 per_year（合计，元/年）两列的 DataFrame；相对容差 1e-6。",
        ),
        expected=_run_rate_at_stake,
        ignore_order=True,
        ignore_column_order=True,
        extra_columns=False,
        rtol=1e-6,
        hints=[
            (
                'Keep the rows of call_list whose status key is "dormant".',
                '保留 call_list 中 status 键为 "dormant" 的行。',
            ),
            (
                "Group by account_manager and count and sum per_year (named aggregation: .agg(customers=..., per_year=...)).",
                "按 account_manager 分组，对 per_year 计数与求和（命名聚合：.agg(customers=..., per_year=...)）。",
            ),
        ],
    ),
    ChoiceQuestion(
        "q8",
        prompt=(
            "Decide under a budget: 15 calls. Assume a called dormant account comes back with probability "
            "30 %, a lost one 5 %, at its yearly run-rate (per_year). Which rule wins back the most yearly "
            "revenue? A: the 15 largest 3-year spenders on the call list; B: the 15 largest per_year on the "
            "call list, any status; C: the 15 largest per_year among the dormant accounts only.",
            "预算内决策：15 个电话。假设被联系的休眠客户回来的概率为 30 %，流失客户为 5 %，回来后按其年化消费"
            "（per_year）购买。哪条规则挽回的年收入最多？A：名单上三年累计消费最大的 15 位；B：名单上 per_year "
            "最大的 15 位（不论状态）；C：仅在休眠客户中 per_year 最大的 15 位。",
        ),
        options="ABC",
        expected=_best_budget_rule,
        judgement=True,
        hints=[
            (
                "For each rule: expected value = sum over the 15 accounts of return rate x per_year.",
                "对每条规则：期望值 = 15 位客户的（回来概率 × per_year）之和。",
            ),
            (
                "Look at the status of the accounts each rule picks: how many are lost?",
                "看每条规则选中的客户状态：其中有多少已流失？",
            ),
        ],
    ),
    ChoiceQuestion(
        "q9",
        prompt=(
            "Spot the errors. A report says: 'Revenue at stake: the Slipping Regulars and Can't Lose Them accounts spent "
            "38.6 million CNY in 2023-25; we will lose 38.6 million CNY next year unless we win them back.' "
            "Which are errors of this claim? A: a 3-year total is presented as a yearly loss; B: accounts lost "
            "for over a year are counted as revenue still to lose; C: the RFM scores behind the list split ties "
            "by customer id; D: the list is too short, every customer with R = 1 belongs on it.",
            "找错误。一份报告写道：“风险收入：待召回客户和重点召回客户在 2023-25 年消费 3,860 万元；"
            "如果不把他们挽回，明年将损失 3,860 万元。”哪些是这一说法的错误？A：把三年累计当成一年的损失；"
            "B：把流失一年以上的客户算作尚未失去的收入；C：名单背后的 RFM 评分按客户编号拆分并列值；"
            "D：名单太短，所有 R = 1 的客户都应在名单上。",
        ),
        options="ABCD",
        expected={"A", "B"},
        judgement=True,
        hints=[
            (
                "Two of the four are errors of this claim; check each against what the lesson computed.",
                "四项中有两项是这一说法的错误；逐项对照课上的计算结果。",
            ),
            (
                "Compare the yearly run-rate by status in the lesson with 38.6 million over three years.",
                "把课上按状态的年化收入与三年 3,860 万元对比。",
            ),
        ],
    ),
    NumericQuestion(
        "q10",
        prompt=(
            "Score Yunfeng with bins=3 instead of 5 (cumulative table, orders by order_id). How many customers "
            "are in the high value level (default terciles of RFM_sum)? A whole number, exact.",
            "用 bins=3 而不是 5 给云峰客户打分（累计表，按 order_id 计订单）。高价值客户（RFM_sum 默认三分位）"
            "有多少位？整数，须准确。",
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
                'rfm.value_level(...) adds the level; count the rows whose key is "high".',
                'rfm.value_level(...) 加上价值等级；统计键为 "high" 的行数。',
            ),
        ],
    ),
]
