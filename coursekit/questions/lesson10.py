"""Question bank of lesson 10, social value: three principles of importance (客户社会价值).

Every reference answer is computed with ``coursekit`` on the committed case data, exactly as in
``notebooks/10-social-value.ipynb`` and ``solutions/10-social-value.ipynb``. ``POLLS`` is the
predict-then-reveal poll asked inside the lesson (not graded, not recorded).
"""

from __future__ import annotations

import warnings
from functools import lru_cache

import pandas as pd

from coursekit import datasets, network
from coursekit._validate import CourseKitDataNote
from coursekit.exercises import ChoiceQuestion, IdsQuestion, NumericQuestion

LESSON = "10-social-value"
TITLE = ("Social value: three principles of importance", "客户社会价值：衡量客户重要度的三个原则")

END = datasets.OBSERVATION_END
#: The referral reward of the budget question (q7), CNY per referred customer.
REWARD = 10_000


def _quiet(func, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)
        return func(*args, **kwargs)


@lru_cache(maxsize=1)
def _referrals() -> pd.DataFrame:
    return datasets.load_referrals()


@lru_cache(maxsize=1)
def _table() -> pd.DataFrame:
    """The lesson's influence table (one row per linked customer)."""
    return network.influence(_referrals())


@lru_cache(maxsize=1)
def _activity() -> pd.DataFrame:
    return _quiet(network.social_activity, datasets.load_engagement(), END)


@lru_cache(maxsize=1)
def _referred() -> pd.DataFrame:
    return _quiet(network.referred_customers, _referrals(), datasets.load_orders(), END)


def _value() -> pd.DataFrame:
    return _quiet(network.referral_value, _referrals(), datasets.load_orders(), END)


def _reward_pays_for_most() -> str:
    """A when at least half of the referred customers brought more margin than the reward, else B."""
    return "A" if (_referred()["margin"] > REWARD).mean() >= 0.5 else "B"


def _dropped_from_top10() -> str:
    """The option whose customer leaves the top 10 by PageRank when only referrals count."""
    links = _referrals()
    top = network.influence(links[links["relation"] == "referred"])["pagerank"].nlargest(10).index
    gone = [key for key, cid in zip("ABCD", ["C0582", "C1830", "C0076", "C1686"], strict=True) if cid not in top]
    return gone[0] if len(gone) == 1 else "none"


POLLS = [
    ChoiceQuestion(
        "p1",
        prompt=(
            "Which customer ranks third by PageRank? A: C1686 (12 referrals); B: C0076 (2 referrals); "
            "C: C0332 (7 links); D: C0517 (4 dependants).",
            "按 PageRank 排第三的是哪位客户？A：C1686（介绍了 12 家）；B：C0076（介绍了 2 家）；"
            "C：C0332（7 条关系）；D：C0517（4 家依存客户）。",
        ),
        options="ABCD",
        expected=lambda: {"C1686": "A", "C0076": "B", "C0332": "C", "C0517": "D"}.get(
            _table()["pagerank"].sort_values(ascending=False).index[2], "none"
        ),
        hints=[
            ("The third principle: the more important your neighbours...", "第三个原则：邻居越重要……"),
            ("Whom did C0076 refer?", "C0076 介绍了谁？"),
        ],
    ),
]

QUESTIONS = [
    NumericQuestion(
        "q1",
        prompt=(
            "How many customers are depended on by at least one other customer (dependants of 1 or more "
            "in the influence table)? A whole number, exact.",
            "有多少家客户至少被一家其他客户依存（影响力表中依存客户数 ≥ 1）？整数，须准确。",
        ),
        expected=lambda: int((_table()["dependants"] >= 1).sum()),
        rtol=0,
        atol=0,
        hints=[
            (
                "Use the lesson's table = network.influence(referrals).",
                "用课上的 table = network.influence(referrals)。",
            ),
            (
                'Compare the column "dependants" with 1 and count the True values.',
                '把 "dependants" 列与 1 比较，数 True 的个数。',
            ),
        ],
    ),
    NumericQuestion(
        "q2",
        prompt=(
            "What share of all PageRank do the 5 customers with the highest PageRank hold? In %, rounded to "
            "0.1; answers within 0.1 percentage points are accepted.",
            "PageRank 最高的 5 家客户合计占全部 PageRank 的百分之几？以 % 表示，保留 1 位小数；"
            "误差在 0.1 个百分点以内即可。",
        ),
        expected=lambda: round(100 * float(_table()["pagerank"].nlargest(5).sum()), 1),
        rtol=0,
        atol=0.1,
        hints=[
            ("PageRank sums to 1 over all linked customers.", "全部有关系客户的 PageRank 之和为 1。"),
            (
                'table["pagerank"].nlargest(5) gives the five; add them and multiply by 100.',
                'table["pagerank"].nlargest(5) 给出前五名；求和再乘以 100。',
            ),
        ],
    ),
    ChoiceQuestion(
        "q3",
        prompt=(
            "Predict, then check: keep only the 'referred' links and recompute PageRank. Which of these customers "
            "of the lesson's top 10 by PageRank is then no longer in the top 10? A: C0582; B: C1830; C: C0076; "
            "D: C1686.",
            "先预测再验证：只保留“转介绍”关系，重算 PageRank。下列课上 PageRank 前 10 名中的客户，哪一位不再位列"
            "前 10？A：C0582；B：C1830；C：C0076；D：C1686。",
        ),
        options="ABCD",
        expected=lambda: _dropped_from_top10(),
        judgement=True,
        hints=[
            (
                "Filter the referrals table on relation == 'referred' and call network.influence.",
                "按 relation == 'referred' 筛选关系表，再调用 network.influence。",
            ),
            (
                "Where does each customer's standing come from: referrals or dependencies?",
                "每位客户的地位来自哪里：转介绍还是依存？",
            ),
        ],
    ),
    NumericQuestion(
        "q4",
        prompt=(
            "Social activity model with stricter levels: thresholds (3, 10) instead of (2, 6), window 365 days "
            "ending 2025-12-31. How many customers are at the high level? A whole number, exact.",
            "更严格的社交活跃度分级：阈值 (3, 10)，而不是 (2, 6)；时间窗为截至 2025年12月31日 的 365 天。"
            "高活跃度客户有多少家？整数，须准确。",
        ),
        expected=lambda: int(
            (
                _quiet(network.social_activity, datasets.load_engagement(), END, thresholds=(3, 10))["activity_level"]
                == "high"
            ).sum()
        ),
        rtol=0,
        atol=0,
        hints=[
            (
                "network.social_activity(engagement, END, thresholds=...)",
                "network.social_activity(engagement, END, thresholds=...)",
            ),
            ('Count the rows whose activity_level key is "high".', '数 activity_level 为 "high" 的行。'),
        ],
    ),
    NumericQuestion(
        "q5",
        prompt=(
            "Influence model: the gross margin (2023-25, CNY, returns netted) of all customers referred by "
            "C1686. Rounded to the nearest 元; answers within 1 元 are accepted.",
            "影响力模型：C1686 介绍的全部客户在 2023-25 年的毛利合计（元，已扣退货）。四舍五入到元；误差 1 元以内即可。",
        ),
        expected=lambda: float(_value().loc["C1686", "referred_margin"]),
        rtol=0,
        atol=1,
        hints=[
            ("network.referral_value gives one row per referrer.", "network.referral_value 每位介绍人一行。"),
            ('Look up .loc["C1686", "referred_margin"].', '查 .loc["C1686", "referred_margin"]。'),
        ],
    ),
    IdsQuestion(
        "q6",
        prompt=(
            "The invite list with a stricter activity rule: at least 3 engagement events in 2025, 5 customers, "
            "by PageRank. Give the ids in rank order.",
            "更严格的活跃度规则下的邀请名单：2025 年至少 3 次参与，选 5 家，按 PageRank 排序。按名次给出客户编号。",
        ),
        expected=lambda: network.invite_list(_table(), _activity(), n=5, min_events=3).index,
        ordered=True,
        hints=[
            (
                "network.invite_list(table, activity, n=..., min_events=...)",
                "network.invite_list(table, activity, n=..., min_events=...)",
            ),
            ("Take the index of the result.", "取结果的索引。"),
        ],
    ),
    ChoiceQuestion(
        "q7",
        prompt=(
            f"Decide under a budget. Marketing proposes a reward of {REWARD:,} CNY for every referred customer, "
            "because 'a referred customer brings 18,265 CNY of gross margin'. Using the margins of the 449 referred "
            "customers in 2023-25: A: the reward is covered for at least half of the referred customers; B: more "
            "than half of the referred customers brought less margin than the reward, so the flat reward loses money "
            "on most referrals.",
            f"预算内决策。市场部建议每介绍一家客户奖励 {REWARD:,} 元，理由是“一家被介绍客户带来 18,265 元毛利”。"
            "根据 449 家被介绍客户 2023-25 年的毛利：A：至少一半的被介绍客户能覆盖这笔奖励；B：超过一半的被介绍"
            "客户带来的毛利低于奖励，统一奖励在大多数转介绍上亏钱。",
        ),
        options="AB",
        expected=_reward_pays_for_most,
        judgement=True,
        hints=[
            (
                "18,265 CNY is the mean. Is the mean a typical referral here?",
                "18,265 元是平均数。这里的平均数代表典型的转介绍吗？",
            ),
            (
                'Compare the median of each["margin"] with the reward, or count the margins above it.',
                '把 each["margin"] 的中位数与奖励比较，或数一数高于奖励的个数。',
            ),
        ],
    ),
    ChoiceQuestion(
        "q8",
        prompt=(
            "Spot the error. A draft scorecard gives the 1,170 customers without a link a network value of 0 and "
            "ranks them last on it. Which statements are right? A: no link in the referrals table means missing "
            "data, not a customer nobody knows; B: a 0 pulls these customers down the composite ranking for a "
            "reason that is only a gap in the data; C: the right rule is to spread the network weight over the "
            "customer's other indicators (or state another rule) and count how many customers it touched; "
            "D: the 0 is right, because PageRank of an unlinked customer is 0.",
            "找错误。一份记分卡草稿把 1,170 家没有关系记录的客户的网络价值记为 0，并在这一项上排最后。哪些说法正确？"
            "A：关系表中没有记录意味着数据缺失，而不是没人认识这位客户；B：记为 0 会因为数据空缺把这些客户在综合排名中拉低；"
            "C：正确的做法是把网络价值的权重分摊到该客户的其他指标上（或说明另一条规则），并统计涉及多少客户；"
            "D：记为 0 是对的，因为没有关系的客户 PageRank 为 0。",
        ),
        options="ABCD",
        expected={"A", "B", "C"},
        judgement=True,
        hints=[
            (
                "What does network.network_value put in the cells of an unlinked customer?",
                "network.network_value 在没有关系的客户的单元格里填的是什么？",
            ),
            ("PageRank is only defined for customers in the network.", "PageRank 只对网络中的客户有定义。"),
        ],
    ),
    NumericQuestion(
        "q9",
        prompt=(
            "Median gross margin (2023-25, CNY) of the referred customers that were acquired in 2023 or later "
            "(acquired_date from 2023-01-01). Rounded to the nearest 元; answers within 1 元 are accepted.",
            "2023 年及以后获得（acquired_date 不早于 2023年1月1日）的被介绍客户，其 2023-25 年毛利的中位数（元）。"
            "四舍五入到元；误差 1 元以内即可。",
        ),
        expected=lambda: float(
            _referred()
            .loc[
                pd.to_datetime(
                    datasets.load_customers().set_index("customer_id").loc[_referred().index, "acquired_date"]
                )
                >= "2023-01-01",
                "margin",
            ]
            .median()
        ),
        rtol=0,
        atol=1,
        hints=[
            ("Join the acquired_date of the customers table to each.", "把客户表的 acquired_date 合并到 each。"),
            (
                'Keep the rows with acquired_date >= "2023-01-01" and take the median of "margin".',
                '保留 acquired_date >= "2023-01-01" 的行，取 "margin" 的中位数。',
            ),
        ],
    ),
]
