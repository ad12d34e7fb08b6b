"""Question bank of lesson 09, the nine-indicator customer value scorecard (客户价值评估 9 项指标).

Every expected answer is computed with ``coursekit`` on the committed data, with the same
settings as ``notebooks/09-value-scorecard.ipynb``: 2025 net profit, the sales director's AHP
judgements below, missing indicators' weight spread over the others. ``POLLS`` are the
predict-then-reveal questions asked inside the lesson; ``QUESTIONS`` are the exercises.
"""

from __future__ import annotations

import warnings
from functools import lru_cache

import pandas as pd

from coursekit import datasets, tiers, value
from coursekit._validate import CourseKitDataNote
from coursekit.exercises import ChoiceQuestion, IdsQuestion, NumericQuestion

LESSON = "09-value-scorecard"
TITLE = ("The nine-indicator customer value scorecard", "客户价值评估 9 项指标")

#: The sales director's judgements (Saaty's scale), as in the lesson.
GROUP_JUDGEMENTS = {("current", "future"): 3, ("current", "social"): 5, ("future", "social"): 2}
WITHIN_JUDGEMENTS = {
    "current": {("profit", "volume"): 3, ("profit", "cost"): 3, ("volume", "cost"): 1},
    "future": {("credit", "loyalty"): 1, ("credit", "trust"): 2, ("loyalty", "trust"): 2},
    "social": {("innovation", "network"): 1, ("innovation", "interaction"): 2, ("network", "interaction"): 2},
}


def _quiet(func, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)
        return func(*args, **kwargs)


@lru_cache(maxsize=1)
def scorecard() -> dict:
    """The lesson's scorecard: indicators, normalised table, AHP and entropy weights, tiers."""
    end = datasets.OBSERVATION_END
    orders = datasets.load_orders()
    service = {
        "customers": datasets.load_customers(),
        "tickets": datasets.load_tickets(),
        "ticket_handling": datasets.load_ticket_handling(),
        "visits": datasets.load_visits(),
    }
    cost = _quiet(value.cost_to_serve, orders, end, **service)
    profit = value.net_profit(orders, end, cost=cost)
    indicators = value.nine_indicators(profit, end)
    normalised = value.normalise(indicators)
    groups = value.ahp_weights(value.pairwise_matrix(GROUP_JUDGEMENTS))
    within = {g: value.ahp_weights(value.pairwise_matrix(j)).weights for g, j in WITHIN_JUDGEMENTS.items()}
    ahp = value.combine_weights(groups.weights, within)
    entropy = value.entropy_weights(normalised)
    scored = _quiet(value.composite_score, normalised, ahp)
    tiered = tiers.assign_tiers(scored["score"])
    tiered_entropy = tiers.assign_tiers(_quiet(value.composite_score, normalised, entropy)["score"])
    tiered_zero = tiers.assign_tiers(_quiet(value.composite_score, normalised, ahp, missing="zero")["score"])
    return {
        "profit": profit,
        "indicators": indicators,
        "normalised": normalised,
        "ahp": ahp,
        "entropy": entropy,
        "tiered": tiered,
        "tiered_entropy": tiered_entropy,
        "tiered_zero": tiered_zero,
    }


def _strategic() -> pd.Index:
    t = scorecard()["tiered"]
    return t.index[t["tier"] == "strategic"]


def _q2():
    m = value.pairwise_matrix({("profit", "volume"): 2, ("profit", "cost"): 4, ("volume", "cost"): 3})
    return round(value.ahp_weights(m).consistency_ratio, 3)


def _q5():
    ind = scorecard()["indicators"]
    s = _strategic()
    return s[ind.loc[s, "credit"].isna()]


def _q6():
    table = value.tier_table(scorecard()["tiered"], revenue=scorecard()["profit"]["revenue"])
    return round(100 * table.loc["strategic", "revenue_share"], 1)


def _q10():
    six = value.six_haves(scorecard()["indicators"], customers=_strategic())
    return six.index[six["fit"] & (six["total"] >= 28)]


POLLS = [
    ChoiceQuestion(
        "p1",
        prompt=(
            "Predict before you look: an analyst judged profit 3 times as important as volume, volume 5 times as "
            "important as service cost, and service cost 3 times as important as profit. Its consistency ratio (CR) "
            "is (A) 0, perfectly consistent (B) below 0.10, acceptable (C) above 0.10 but below 1 (D) above 1",
            "先预测：一位分析员判断利润价值比销量价值重要 3 倍，销量价值比服务成本价值重要 5 倍，而服务成本价值又比"
            "利润价值重要 3 倍。该判断矩阵的一致性比率（CR）(A) 为 0，完全一致 (B) 低于 0.10，可以接受 "
            "(C) 高于 0.10 但低于 1 (D) 高于 1",
        ),
        options="ABCD",
        expected="D",
        judgement=True,
        hints=[
            (
                "Follow the chain: profit > volume > cost > profit. Can that be true?",
                "顺着链条看：利润 > 销量 > 服务成本 > 利润，这可能成立吗？",
            ),
            ("A circle of preferences is as inconsistent as judgements get.", "判断形成循环，是最严重的不一致。"),
        ],
    ),
    ChoiceQuestion(
        "p2",
        prompt=(
            "Predict before you look: which indicator will the entropy method weight most on Yunfeng's customers? "
            "(A) profit value (B) service cost value (C) network value (D) loyalty value",
            "先预测：在云峰的客户数据上，熵权法会给哪个指标最大的权重？(A) 利润价值 (B) 服务成本价值 "
            "(C) 网络价值 (D) 忠诚价值",
        ),
        options="ABCD",
        expected="C",
        judgement=True,
        hints=[
            (
                "The entropy method rewards an indicator whose values sit on a few customers.",
                "熵权法奖励取值集中在少数客户身上的指标。",
            ),
            (
                "Which indicator is zero-like for most customers and large for a few hubs?",
                "哪个指标对多数客户很小，只对少数“枢纽”客户很大？",
            ),
        ],
    ),
    ChoiceQuestion(
        "p3",
        prompt=(
            "Predict before you look: if a missing indicator counted 0 instead of spreading its weight, how many of "
            "the 1,463 customers would change tier? (A) none (B) fewer than 50 (C) 100 to 300 (D) more than 500",
            "先预测：如果缺失指标按 0 分计算、而不是把权重分摊给其余指标，1,463 位客户中会有多少位等级发生变化？"
            "(A) 没有 (B) 少于 50 位 (C) 100 到 300 位 (D) 500 位以上",
        ),
        options="ABCD",
        expected="C",
        judgement=True,
        hints=[
            (
                "More than 90 % of customers lack at least one of credit, loyalty and network.",
                "九成以上客户至少缺少信用、忠诚、网络中的一项。",
            ),
            (
                "The missing indicators carry about a quarter of the AHP weight, but a tier moves only near its edge.",
                "缺失指标约占层次分析法权重的四分之一，但只有处在等级边界附近的客户才会换级。",
            ),
        ],
    ),
]


QUESTIONS = [
    NumericQuestion(
        "q1",
        prompt=(
            "How many of the customers scored (served in 2025) have no credit value (no credit application)? "
            "A count of customers; only the exact count is accepted.",
            "被评估的客户（2025 年有业务往来）中，有多少位没有信用价值（没有授信申请）？填客户数，只接受准确值。",
        ),
        expected=lambda: int(scorecard()["indicators"]["credit"].isna().sum()),
        rtol=0,
        atol=0,
        hints=[
            (
                "The coverage table counts the customers each missing-data rule touches.",
                "覆盖情况表统计了缺失规则涉及的客户数。",
            ),
            (
                'Use value.coverage(indicators) and read the row "credit".',
                "用 value.coverage(indicators)，读取 credit 一行。",
            ),
        ],
    ),
    NumericQuestion(
        "q2",
        prompt=(
            "Judgements: profit is 2 times as important as volume, profit 4 times as important as service cost, volume "
            "3 times as important as service cost. What is the consistency ratio (CR)? Round to 3 decimals; answers "
            "within 0.001 are accepted.",
            "判断：利润价值比销量价值重要 2 倍，利润价值比服务成本价值重要 4 倍，销量价值比服务成本价值重要 3 倍。"
            "一致性比率（CR）是多少？保留 3 位小数，误差 0.001 以内均可。",
        ),
        expected=_q2,
        rtol=0,
        atol=0.001,
        hints=[
            (
                "Build the matrix from the three judgements above the diagonal.",
                "先用对角线以上的三个判断构造判断矩阵。",
            ),
            (
                "value.pairwise_matrix({...}), then value.ahp_weights(...).consistency_ratio.",
                "用 value.pairwise_matrix({...})，再取 value.ahp_weights(...).consistency_ratio。",
            ),
        ],
    ),
    ChoiceQuestion(
        "q3",
        prompt=(
            "Spot the error: a colleague's matrix has 3 in row profit, column volume, and also 3 in row volume, column "
            "profit. What does value.ahp_weights do with it? (A) returns equal weights (B) returns weights with a high "
            "CR (C) refuses it with a ValueError: the matrix is not reciprocal (D) uses the upper triangle only",
            "找错：同事的判断矩阵中，“利润价值行、销量价值列”为 3，“销量价值行、利润价值列”也为 3。"
            "value.ahp_weights 会怎样处理？(A) 返回相等的权重 (B) 返回权重但 CR 很高 "
            "(C) 报 ValueError 拒绝：矩阵不满足互反性 (D) 只使用上三角",
        ),
        options="ABCD",
        expected="C",
        judgement=True,
        hints=[
            (
                "If profit is 3 times volume, volume is 1/3 of profit.",
                "利润价值是销量价值的 3 倍，则销量价值是利润价值的 1/3。",
            ),
            (
                "A judgement matrix must be reciprocal: a[j, i] = 1 / a[i, j].",
                "判断矩阵必须互反：a[j, i] = 1 / a[i, j]。",
            ),
        ],
    ),
    NumericQuestion(
        "q4",
        prompt=(
            "What is the entropy weight of the network value on the lesson's normalised table? A share between 0 and "
            "1, rounded to 3 decimals; answers within 0.001 are accepted.",
            "在本课标准化后的指标表上，网络价值的熵权是多少？填 0 到 1 之间的比例，保留 3 位小数，误差 0.001 以内均可。",
        ),
        expected=lambda: scorecard()["entropy"]["network"],
        rtol=0,
        atol=0.001,
        hints=[
            ("The entropy method takes the normalised table (1 is best).", "熵权法使用标准化后的指标表（1 为最好）。"),
            (
                'value.entropy_weights(normalised), then ["network"].',
                '用 value.entropy_weights(normalised)，再取 ["network"]。',
            ),
        ],
    ),
    IdsQuestion(
        "q5",
        prompt=(
            "Which customers in the strategic tier (AHP weights) have no credit value? Their customer ids, in any "
            "order.",
            "按层次分析法权重分级后，战略客户中哪些客户没有信用价值？填客户编号，顺序不限。",
        ),
        expected=_q5,
        ordered=False,
        hints=[
            ('The strategic tier is tiered["tier"] == "strategic".', '战略客户即 tiered["tier"] == "strategic"。'),
            (
                "Look their credit up in indicators and keep the missing ones (.isna()).",
                "在 indicators 中查看其 credit，保留缺失的（.isna()）。",
            ),
        ],
    ),
    NumericQuestion(
        "q6",
        prompt=(
            "What share of Yunfeng's 2025 revenue comes from the strategic tier (AHP weights)? In percent, rounded to "
            "1 decimal; answers within 0.1 percentage points are accepted.",
            "按层次分析法权重分级后，战略客户贡献了云峰 2025 年收入的百分之几？填百分数，保留 1 位小数，误差 0.1 个百分点以内均可。",
        ),
        expected=_q6,
        rtol=0,
        atol=0.1,
        hints=[
            ("The tier table has a revenue share per tier.", "客户分级表中有各等级的收入占比。"),
            (
                'value.tier_table(tiered, revenue=profit_2025["revenue"]), row "strategic", times 100.',
                '用 value.tier_table(tiered, revenue=profit_2025["revenue"])，取 strategic 一行，乘以 100。',
            ),
        ],
    ),
    ChoiceQuestion(
        "q7",
        prompt=(
            "Predict, then check: if a missing indicator counted 0 instead of spreading its weight, customers with no "
            "survey answer would (A) move up (B) move down (C) stay where they are (D) drop out of the scorecard",
            "先预测再验证：如果缺失指标按 0 分计算、而不是把权重分摊给其余指标，没有调查答卷的客户会 (A) 排名上升 "
            "(B) 排名下降 (C) 不受影响 (D) 被排除在评估之外",
        ),
        options="ABCD",
        expected="B",
        judgement=True,
        hints=[
            ("0 is the worst normalised score.", "0 是标准化后最差的分数。"),
            (
                'Compare value.composite_score(..., missing="zero") with the default.',
                '比较 value.composite_score(..., missing="zero") 与默认规则的结果。',
            ),
        ],
    ),
    NumericQuestion(
        "q8",
        prompt=(
            "How many customers are in a different tier with the entropy weights than with the AHP weights? A count of "
            "customers; only the exact count is accepted.",
            "用熵权法权重与用层次分析法权重相比，有多少位客户的等级不同？填客户数，只接受准确值。",
        ),
        expected=lambda: len(value.tier_changes(scorecard()["tiered"], scorecard()["tiered_entropy"])),
        rtol=0,
        atol=0,
        hints=[
            (
                "Tier the entropy score with tiers.assign_tiers, as for the AHP score.",
                "与层次分析法得分一样，用 tiers.assign_tiers 对熵权法得分分级。",
            ),
            (
                "value.tier_changes(before, after) lists the customers who moved; count its rows.",
                "value.tier_changes(before, after) 列出换级的客户，数一数行数。",
            ),
        ],
    ),
    ChoiceQuestion(
        "q9",
        prompt=(
            "Decide under a budget: Yunfeng can build an organisational relationship (joint innovation, strategic "
            "dialogue) with 5 accounts next year. Which list do you start from? (A) the 5 largest by 2025 revenue "
            "(B) strategic-tier accounts that fit the six haves, highest total first (C) the 5 with the most links "
            "(D) the 5 with the highest credit grade",
            "在预算内做决策：云峰明年只能与 5 家客户建立组织型客户关系（联合创新、战略对话）。你从哪份名单开始？"
            "(A) 2025 年收入最高的 5 家 (B) 符合六有标准的战略客户，按总分从高到低 (C) 关联客户最多的 5 家 "
            "(D) 信用等级最高的 5 家",
        ),
        options="ABCD",
        expected="B",
        judgement=True,
        hints=[
            (
                "An organisational relationship needs more than size: seed 001 names six conditions.",
                "组织型客户关系不只看规模：种子课程 001 列出了六个条件。",
            ),
            (
                "One indicator alone (revenue, links, credit) covers one of the six haves at most.",
                "单一指标（收入、关联数、信用）最多只覆盖六有中的一项。",
            ),
        ],
    ),
    IdsQuestion(
        "q10",
        prompt=(
            "Which strategic-tier customers (AHP weights) fit the six haves with a total of at least 28 points (out of "
            "30)? Their customer ids, in any order.",
            "按层次分析法权重分级后，哪些战略客户符合六有标准且总分不低于 28 分（满分 30）？填客户编号，顺序不限。",
        ),
        expected=_q10,
        ordered=False,
        hints=[
            ("Score the six haves for the strategic customers only.", "只对战略客户计算六有得分。"),
            (
                "value.six_haves(indicators, customers=...), then keep fit and total >= 28.",
                "用 value.six_haves(indicators, customers=...)，保留 fit 为真且 total >= 28 的客户。",
            ),
        ],
    ),
]
