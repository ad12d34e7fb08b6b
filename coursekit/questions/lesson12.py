"""Question bank of lesson 12, loyalty and churn (客户忠诚度与客户流失).

Every expected answer is computed with ``coursekit`` on the committed data, with the same settings
as ``notebooks/12-loyalty-and-churn.ipynb``. ``POLLS`` are asked inside the lesson (predict, then
reveal); ``QUESTIONS`` are the exercises.
"""

from __future__ import annotations

import warnings
from functools import lru_cache

from coursekit import accounts, datasets, loyalty, satisfaction, tiers
from coursekit._validate import CourseKitDataNote
from coursekit.exercises import ChoiceQuestion, IdsQuestion, NumericQuestion

LESSON = "12-loyalty-and-churn"
TITLE = ("Loyalty and churn", "客户忠诚度与客户流失")
END = datasets.OBSERVATION_END


def _quiet(func, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)
        return func(*args, **kwargs)


@lru_cache(maxsize=1)
def _data() -> dict:
    return {
        "orders": datasets.load_orders(),
        "customers": datasets.load_customers(),
        "referrals": datasets.load_referrals(),
        "engagement": datasets.load_engagement(),
        "survey": datasets.load_survey(),
        "tickets": datasets.load_tickets(),
        "receivables": datasets.load_receivables(),
    }


@lru_cache(maxsize=1)
def _behaviours():
    d = _data()
    return _quiet(loyalty.loyalty_behaviours, d["orders"], END, referrals=d["referrals"], engagement=d["engagement"])


def _score_80() -> int:
    return int((loyalty.loyalty_score(_behaviours()) >= 80).sum())


def _tier_2025():
    rev = _quiet(accounts.revenue_by, _data()["orders"], "2024-12-31")
    return tiers.assign_tiers(rev)["tier"]


def _churn_2024() -> float:
    return float(_quiet(loyalty.churn_rates, _data()["orders"], [2024, 2025]).loc[2024, "churn_pct"])


def _retention_ordinary() -> float:
    rates = _quiet(loyalty.churn_rates, _data()["orders"], 2025, groups=_tier_2025())
    return float(rates.loc[(2025, "ordinary"), "retention_pct"])


def _passive() -> int:
    d = _data()
    status = _quiet(loyalty.customer_status, d["orders"], END)
    kinds = loyalty.churn_kinds(status, END, receivables=d["receivables"])
    return int((kinds["churn_kind"] == "passive").sum())


def _survival_ordinary_24() -> float:
    d = _data()
    table = _quiet(loyalty.survival_table, d["orders"], END, customers=d["customers"])
    tier = tiers.assign_tiers(_quiet(accounts.revenue_by, d["orders"], END))["tier"]
    return float(loyalty.kaplan_meier(table, tier).loc[24.0, "ordinary"])


def _healthy_to_critical() -> list:
    d = _data()
    kw = {"tickets": d["tickets"], "survey": d["survey"], "engagement": d["engagement"]}
    before = _quiet(loyalty.health_score, d["orders"], "2025-09-30", **kw)
    after = _quiet(loyalty.health_score, d["orders"], END, **kw)
    review = loyalty.health_review(before, after)
    return review.index[(review["band_before"] == "healthy") & (review["band_after"] == "critical")].tolist()


def _cohort_2023_year2() -> float:
    d = _data()
    table = _quiet(
        loyalty.cohort_retention,
        d["orders"],
        END,
        period="Y",
        cohort=d["customers"].set_index("customer_id")["acquired_date"],
    )
    return float(table.loc[table.index.astype(str) == "2023", 2].iloc[0])


def _latent_left() -> float:
    d = _data()
    signals = _quiet(satisfaction.customer_signals, d["survey"], d["orders"], END)
    types = loyalty.loyalty_types(signals.join(_behaviours()))
    return float(types.loc[types["loyalty_type"] == "latent", "left"].mean())


# ------------------------------------------------------------------------------------ polls
POLLS = [
    ChoiceQuestion(
        "p1",
        prompt=(
            "Predict before you look: latent-loyal customers (潜在忠诚) gave Yunfeng a 9 or 10 in their latest "
            "NPS answer but bought in fewer than 3 of the last 4 quarters. What share of them is dormant or lost "
            "today (no order for more than 180 days)? (A) about 10 % (B) about 30 % (C) about 75 %",
            "先预测：潜在忠诚客户在最近一次 NPS 调查中给云峰打了 9 分或 10 分，但近 4 个季度中下单的季度不到 3 个。"
            "他们当中现在有多少是休眠或流失客户（超过 180 天未下单）？(A) 约 10 % (B) 约 30 % (C) 约 75 %",
        ),
        options="ABC",
        expected="C",
        judgement=True,
        hints=[
            (
                "A high score says what the customer felt in June, not what the customer did since.",
                "高分说明的是客户 6 月份的感受，不是之后的行为。",
            ),
            ("Lesson 04 called this the satisfaction trap (满意陷阱).", "第 04 课把这种现象称为满意陷阱。"),
        ],
    ),
]

QUESTIONS = [
    NumericQuestion(
        "q1",
        prompt=(
            "Loyalty score (忠诚度得分, equal weights, the lesson's behaviours table): how many customers score "
            "80 or more? A count of customers; only the exact count is accepted.",
            "忠诚度得分（等权重，使用课上的 behaviours 表）：得分不低于 80 分的客户有多少位？答案为客户数，须完全正确。",
        ),
        expected=_score_80,
        rtol=0,
        atol=0.5,
        hints=[
            (
                "loyalty.loyalty_score turns the behaviours table into a score per customer.",
                "loyalty.loyalty_score 把行为表换算成每位客户的得分。",
            ),
            ("Compare the scores with 80 and count the True values.", "把得分与 80 比较，数一数 True 的个数。"),
        ],
    ),
    NumericQuestion(
        "q2",
        prompt=(
            "Churn rate (客户流失率) of 2024 by the seed's formula: lost customers / customers × 100 %, the "
            "customers being those not lost at 2023-12-31. In %, one decimal; answers within 0.1 are accepted.",
            "按种子课纲公式计算 2024 年的客户流失率：流失客户数 / 客户数 × 100 %，客户数为 2023 年12月31日尚未流失的客户。"
            "单位 %，保留一位小数；相差 0.1 以内即算正确。",
        ),
        expected=_churn_2024,
        rtol=0,
        atol=0.1,
        hints=[
            ("loyalty.churn_rates takes the orders and the years.", "loyalty.churn_rates 的参数是订单和年份。"),
            ("Read the row of 2024, column churn_pct.", "读取 2024 年那一行的 churn_pct 列。"),
        ],
    ),
    NumericQuestion(
        "q3",
        prompt=(
            "Retention rate (客户保持率) of the ordinary tier (普通客户) in 2025, with the lesson's tiers (net "
            "revenue up to 2024-12-31, 5/20/30/45 %). In %, one decimal; answers within 0.1 are accepted.",
            "普通客户 2025 年的客户保持率，使用课上的分级（截至 2024 年12月31日的净收入，5/20/30/45 %）。"
            "单位 %，保留一位小数；相差 0.1 以内即算正确。",
        ),
        expected=_retention_ordinary,
        rtol=0,
        atol=0.1,
        hints=[
            ("The lesson's by_tier table has it.", "课上的 by_tier 表中就有。"),
            (
                "Its index is (year, tier); the column is retention_pct.",
                "它的索引是（年份，级别）；列名为 retention_pct。",
            ),
        ],
    ),
    NumericQuestion(
        "q4",
        prompt=(
            "Passive churn (被动流失): how many lost customers still owe an invoice more than 180 days past its due "
            "date at 2025-12-31? A count of customers; only the exact count is accepted.",
            "被动流失：截至 2025 年12月31日，有多少流失客户仍有逾期超过 180 天未付的发票？答案为客户数，须完全正确。",
        ),
        expected=_passive,
        rtol=0,
        atol=0.5,
        hints=[
            (
                "loyalty.churn_kinds labels each lost customer active or passive.",
                "loyalty.churn_kinds 把每位流失客户标为主动或被动流失。",
            ),
            ("Count the rows whose churn_kind is 'passive'.", "数一数 churn_kind 为 'passive' 的行。"),
        ],
    ),
    ChoiceQuestion(
        "q5",
        prompt=(
            "Spot the error (找错). A colleague's slide says: 'Yunfeng's churn rate is 27.5 %: 549 lost customers "
            "out of 2,000.' What is wrong? (A) nothing (B) the 549 were lost over three years and the 2,000 include "
            "customers won later; the seed's rate divides the customers lost in one year by the customers at its "
            "start (21.9 % in 2025) (C) dormant customers must be added to the lost (D) returns must be removed first",
            "找错：同事的幻灯片写道：“云峰的客户流失率为 27.5 %：2,000 位客户中流失了 549 位。”错在哪里？(A) 没有错 "
            "(B) 这 549 位是三年中陆续流失的，2,000 位中还包括后来才获得的客户；种子课纲的流失率是一年内流失的客户数除以"
            "年初的客户数（2025 年为 21.9 %）(C) 还应把休眠客户加到流失客户中 (D) 应先剔除退货",
        ),
        options="ABCD",
        expected="B",
        judgement=True,
        hints=[
            ("A rate needs a period and a base.", "比率需要一个期间和一个基数。"),
            (
                "Who could have been lost in 2025? Only those who were customers at its start.",
                "谁可能在 2025 年流失？只有年初时还是客户的人。",
            ),
        ],
    ),
    NumericQuestion(
        "q6",
        prompt=(
            "Survival (生存曲线): with the lesson's Kaplan–Meier curves by tier (tiers by net revenue 2023–25), what "
            "share of ordinary customers is still buying 24 months after the account was opened? In %, one decimal; "
            "answers within 0.5 are accepted.",
            "生存曲线：按课上的分级 Kaplan–Meier 曲线（按 2023–25 年净收入分级），普通客户在开户 24 个月后仍在购买的比例"
            "是多少？单位 %，保留一位小数；相差 0.5 以内即算正确。",
        ),
        expected=_survival_ordinary_24,
        rtol=0,
        atol=0.5,
        hints=[
            ("The lesson's curves table has one column per tier.", "课上的 curves 表每个级别一列。"),
            ("Read the row of 24 months.", "读取 24 个月那一行。"),
        ],
    ),
    IdsQuestion(
        "q7",
        prompt=(
            "Quarterly review (季度复盘): which customers were healthy (健康) at 2025-09-30 and critical (危险) at "
            "2025-12-31? Give their ids (any order).",
            "季度复盘：哪些客户在 2025 年9月30日为“健康”，到 2025 年12月31日变为“危险”？给出客户编号（顺序不限）。",
        ),
        expected=_healthy_to_critical,
        ordered=False,
        hints=[
            ("Start from the lesson's review table.", "从课上的 review 表开始。"),
            (
                "Two conditions, on band_before and band_after; combine them with &.",
                "两个条件，分别针对 band_before 和 band_after；用 & 合并。",
            ),
        ],
    ),
    NumericQuestion(
        "q8",
        prompt=(
            "Cohorts (客户群组): of the customers whose account was opened in 2023, what share bought in 2025 (the "
            "column 2 of the yearly cohort table)? A fraction between 0 and 1, two decimals; answers within 0.01 "
            "are accepted.",
            "客户群组：2023 年开户的客户中，有多少比例在 2025 年下过单（年度群组表的第 2 列）？答案为 0 到 1 之间的小数，"
            "保留两位；相差 0.01 以内即算正确。",
        ),
        expected=_cohort_2023_year2,
        rtol=0,
        atol=0.01,
        hints=[
            (
                "loyalty.cohort_retention with period='Y' and the acquired dates as cohort.",
                "使用 loyalty.cohort_retention，period='Y'，以开户日期作为 cohort。",
            ),
            ("The row of 2023, the column 2.", "2023 那一行，第 2 列。"),
        ],
    ),
    ChoiceQuestion(
        "q9",
        prompt=(
            "Spot the error (找错). In the lesson's loyalty matrix, 1.4 % of the spurious-loyal customers (虚假忠诚: "
            "low NPS, buy often) are dormant or lost, against 74 % of the latent-loyal. A colleague concludes: "
            "'attitude does not matter, only buying does.' What is wrong? (A) nothing (B) the repeat axis counts "
            "the last 4 quarters, the same months that decide dormant or lost, so a frequent buyer cannot have "
            "left yet; the risk of a low attitude shows in the next year, not in this table (C) NPS is not an "
            "attitude (D) the cut of 9 is too high",
            "找错：在课上的忠诚矩阵中，虚假忠诚客户（NPS 低、购买频繁）中只有 1.4 % 是休眠或流失客户，而潜在忠诚客户中有 "
            "74 %。同事的结论是：“态度不重要，只有购买才重要。”错在哪里？(A) 没有错 (B) 重复购买轴统计的是近 4 个季度，"
            "正是判断休眠或流失的同一段时间，所以频繁购买的客户不可能已经流失；态度低的风险要在下一年才显现，不在这张表里 "
            "(C) NPS 不是态度 (D) 9 分的切分点太高",
        ),
        options="ABCD",
        expected="B",
        judgement=True,
        hints=[
            (
                "Which months decide the repeat axis, and which decide 'dormant or lost'?",
                "哪些月份决定重复购买轴？哪些月份决定“休眠或流失”？",
            ),
            ("A measure cannot predict what it already contains.", "一个指标无法“预测”它本身已包含的东西。"),
        ],
    ),
    ChoiceQuestion(
        "q10",
        prompt=(
            "Decide under a budget (预算决策). The key-account team can visit three customers this month. The "
            "quarterly review lists customers by their fall in health. Which rule follows the seed's attitude to "
            "churn by customer level (关键客户极力挽回，普通客户尽力挽回，小客户见机行事)? (A) the three largest falls, "
            "whatever their tier (B) the three lowest health scores (C) the largest falls among strategic and value "
            "customers, each with the driver that fell (D) customers already lost, to win them back",
            "预算决策：大客户团队本月只能拜访三位客户。季度复盘按健康度降幅列出客户。哪条规则符合种子课纲对不同级别客户流失的"
            "态度（关键客户极力挽回，普通客户尽力挽回，小客户见机行事）？(A) 降幅最大的三位，不论级别 (B) 健康度最低的三位 "
            "(C) 战略客户和价值客户中降幅最大者，并针对下降的驱动因素 (D) 已流失的客户，争取赢回",
        ),
        options="ABCD",
        expected="C",
        judgement=True,
        hints=[
            ("The seed ranks the effort by the customer's level.", "种子课纲按客户级别决定挽回力度。"),
            (
                "A visit is worth most where a valuable account is slipping, and the driver says what to fix.",
                "价值高的客户正在下滑时，拜访最值得；驱动因素说明该解决什么。",
            ),
        ],
    ),
]
