"""Question bank of lesson 11, credit assessment and payment collection (信用评估与回款).

Every reference answer is computed with ``coursekit`` on the committed case data, exactly as in
``notebooks/11-credit-and-collections.ipynb`` and ``solutions/11-credit-and-collections.ipynb``.
``POLLS`` are the predict-then-reveal polls asked inside the lesson (not graded, not recorded).
"""

from __future__ import annotations

import warnings
from functools import lru_cache

import pandas as pd

from coursekit import credit, datasets
from coursekit._validate import CourseKitDataNote
from coursekit.exercises import ChoiceQuestion, IdsQuestion, NumericQuestion

LESSON = "11-credit-and-collections"
TITLE = ("Credit assessment and payment collection", "信用评估与回款")

END = datasets.OBSERVATION_END
#: The five factors the lesson keeps (collateral left out).
FACTORS = ["character_score", "capital_equity_pct", "capacity_dscr", "continuity_years", "conditions_outlook"]


def _quiet(func, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)
        return func(*args, **kwargs)


@lru_cache(maxsize=1)
def _apps() -> pd.DataFrame:
    return datasets.load_credit().set_index("application_id")


def _train() -> pd.DataFrame:
    apps = _apps()
    return apps[apps["application_date"].dt.year == 2023]


def _holdout() -> pd.DataFrame:
    apps = _apps()
    return apps[apps["application_date"].dt.year == 2024]


@lru_cache(maxsize=1)
def _card() -> pd.DataFrame:
    return credit.build_scorecard(_train(), factors=FACTORS)


@lru_cache(maxsize=1)
def _receivables() -> pd.DataFrame:
    return datasets.load_receivables()


def _one_factor_auc():
    card = credit.build_scorecard(_train(), factors=["character_score"])
    return round(credit.auc_ks(credit.apply_scorecard(_holdout(), card)["score"], _holdout()["default_12m"])["auc"], 3)


def _psi5():
    before = credit.apply_scorecard(_train(), _card())["score"]
    after = credit.apply_scorecard(_holdout(), _card())["score"]
    return round(credit.psi_table(before, after, bins=5).attrs["psi"], 3)


def _long_relationship():
    effect = credit.override_effect(datasets.load_credit_grades(), datasets.load_credit(), by="reason")
    return round(effect.loc["long_relationship", "default_rate_pct"], 1)


def _over_90_2024():
    aging = _quiet(credit.aging, _receivables(), "2024-12-31")
    return round(aging.loc[["d91_180", "over_180"], "amount"].sum(), -3)


def _visit_three():
    changes = _quiet(credit.payment_changes, _receivables(), END)
    slower = changes[changes["change"] > 0]
    return slower.sort_values("open_amount", ascending=False).index[:3]


QUESTIONS = [
    NumericQuestion(
        "q1",
        prompt=(
            "Information value (IV) of capital (capital_equity_pct) on the 2023 applications, with the quartile bins of "
            "credit.factor_bins and smoothing 0.5, rounded to two decimals (answers within 0.01 are accepted).",
            "用 credit.factor_bins 的四分位分箱、平滑值 0.5，计算 2023 年申请中资本（capital_equity_pct）的信息值（IV），"
            "保留两位小数（误差 0.01 以内视为正确）。",
        ),
        expected=lambda: round(credit.factor_iv(_train()).loc["capital_equity_pct", "iv"], 2),
        atol=0.01,
        hints=[
            ("The lesson's table of every factor's IV has it.", "课上列出各要素 IV 的那张表里就有。"),
            (
                "credit.factor_iv(train) is indexed by factor; take the iv column.",
                "credit.factor_iv(train) 以要素为索引；取 iv 列。",
            ),
        ],
    ),
    NumericQuestion(
        "q2",
        prompt=(
            "Score of an applicant with a PD of 10 % on the lesson's scale (600 points at odds 50, 20 points to double "
            "the odds). Odds are good:bad, so a PD of 10 % is odds of 9. In points, one decimal (within 0.1).",
            "按课上的刻度（赔率 50 对应 600 分，赔率每翻一倍加 20 分），违约概率（PD）为 10% 的申请人得多少分？"
            "赔率为好:坏，PD 10% 即赔率 9。以分为单位，保留一位小数（误差 0.1 以内）。",
        ),
        expected=lambda: round(credit.score_points(9), 1),
        atol=0.1,
        hints=[
            ("points = 600 + 20 / ln 2 × ln(odds / 50).", "分数 = 600 + 20 / ln 2 × ln(赔率 / 50)。"),
            ("credit.score_points does it for you.", "credit.score_points 可以直接算。"),
        ],
    ),
    ChoiceQuestion(
        "q3",
        prompt=(
            'Spot the error. A colleague writes: "Our scorecard has an AUC of 0.88, so it will rank the 2026 '
            'applicants that well." What is wrong?\n'
            "A. Nothing: 0.88 is the AUC of the scorecard.\n"
            "B. 0.88 is measured on 2023, the year the scorecard was built on; on the 2024 holdout it is 0.78 "
            "(0.72-0.84), and that is the figure to quote.\n"
            "C. AUC does not measure ranking; only KS does.\n"
            "D. An AUC must be above 0.9 for a scorecard to be used.",
            "找错误。一位同事写道：“我们评分卡的 AUC 是 0.88，所以它对 2026 年申请人的排序也会这么好。”错在哪里？\n"
            "A. 没有错：0.88 就是评分卡的 AUC。\n"
            "B. 0.88 是在建模年份 2023 年上测得的；在 2024 年留出样本上是 0.78（0.72-0.84），应引用这个数字。\n"
            "C. AUC 不衡量排序能力，只有 KS 才衡量。\n"
            "D. 评分卡的 AUC 必须高于 0.9 才能使用。",
        ),
        options="ABCD",
        expected="B",
        judgement=True,
        hints=[
            ("Which applicants did the model learn from?", "模型是从哪些申请人身上学习的？"),
            ("Compare credit.auc_ks on train and on holdout.", "分别在 train 和 holdout 上运行 credit.auc_ks 比较。"),
        ],
    ),
    NumericQuestion(
        "q4",
        prompt=(
            "Predict, then check. Build a scorecard on 2023 with character_score alone and score the 2024 holdout. "
            "Write your guess in a comment first: how much AUC is lost against the five-factor card (0.78)? Then give "
            "the one-factor holdout AUC, rounded to three decimals (within 0.002).",
            "先预测，再验证。只用 character_score 在 2023 年数据上建评分卡，并对 2024 年留出样本评分。"
            "先在注释里写下你的猜测：与五要素评分卡（0.78）相比，AUC 会损失多少？然后给出单要素评分卡在留出样本上的 AUC，"
            "保留三位小数（误差 0.002 以内）。",
        ),
        expected=_one_factor_auc,
        atol=0.002,
        judgement=True,
        hints=[
            (
                "credit.build_scorecard(train, factors=[...]) with one factor.",
                "用 credit.build_scorecard(train, factors=[...])，只放一个要素。",
            ),
            (
                "Then credit.apply_scorecard on holdout and credit.auc_ks with holdout['default_12m'].",
                "再对 holdout 运行 credit.apply_scorecard，并用 holdout['default_12m'] 调用 credit.auc_ks。",
            ),
        ],
    ),
    NumericQuestion(
        "q5",
        prompt=(
            "Stability with fewer bands: the PSI between the 2023 and 2024 scores of the lesson's scorecard with five "
            "bands (bins=5) instead of ten, rounded to three decimals (within 0.001).",
            "用更少的分段检验稳定性：课上的评分卡在 2023 年和 2024 年评分之间的 PSI，分成 5 段（bins=5）而不是 10 段，"
            "保留三位小数（误差 0.001 以内）。",
        ),
        expected=_psi5,
        atol=0.001,
        hints=[
            (
                "credit.psi_table(base, compare, bins=...) and its attrs.",
                "credit.psi_table(base, compare, bins=...) 及其 attrs。",
            ),
            (
                "Score both years with credit.apply_scorecard(..., card)['score'].",
                "两个年份都用 credit.apply_scorecard(..., card)['score'] 评分。",
            ),
        ],
    ),
    NumericQuestion(
        "q6",
        prompt=(
            "Default rate of the applications whose grade was raised for a long relationship (reason "
            "long_relationship), in % with one decimal (within 0.1 percentage points).",
            "因“合作多年”（原因 long_relationship）而上调等级的申请，其违约率是多少？以 % 表示，保留一位小数"
            "（误差 0.1 个百分点以内）。",
        ),
        expected=_long_relationship,
        atol=0.1,
        hints=[
            ("The lesson counted the groups; count the reasons.", "课上按组统计；这里按原因统计。"),
            ("credit.override_effect(..., by='reason').", "credit.override_effect(..., by='reason')。"),
        ],
    ),
    ChoiceQuestion(
        "q7",
        prompt=(
            "Spot the error. On the 2024 holdout, grade C defaulted at 18.8 % (9 of 48) and grade D at 11.8 % (4 of "
            '34). A manager concludes: "C is riskier than D: swap the two grades." What do you answer?\n'
            "A. Agreed: the data show it.\n"
            "B. With 9 and 4 defaults the difference is well within chance; check on more years (or with intervals) "
            "before moving cut-offs. A and E separate clearly.\n"
            "C. The scorecard is useless and must be rebuilt.\n"
            "D. Merge all grades into one.",
            "找错误。在 2024 年留出样本上，C 级违约率 18.8%（48 个中 9 个），D 级 11.8%（34 个中 4 个）。"
            "一位经理得出结论：“C 级比 D 级风险更高：把这两个等级对调。”你怎么回答？\n"
            "A. 同意：数据就是这样。\n"
            "B. 违约只有 9 个和 4 个，这个差异完全可能是偶然；在调整分界之前，先用更多年份（或置信区间）检验。"
            "A 级和 E 级区分得很清楚。\n"
            "C. 评分卡没用，必须重建。\n"
            "D. 把所有等级合并成一个。",
        ),
        options="ABCD",
        expected="B",
        judgement=True,
        hints=[
            ("How many defaults stand behind each rate?", "每个违约率背后有多少个违约？"),
            (
                "One default more or less in D moves its rate by about 3 points.",
                "D 级多一个或少一个违约，违约率就变动约 3 个百分点。",
            ),
        ],
    ),
    NumericQuestion(
        "q8",
        prompt=(
            "DSO (days sales outstanding) at 30 June 2025: open receivables that day / invoices of the 365 days up to "
            "it × 365, in days with one decimal (within 0.1).",
            "2025 年 6 月 30 日的应收账款周转天数（DSO）：当日未收应收账款 / 截至当日 365 天的开票金额 × 365，"
            "以天为单位，保留一位小数（误差 0.1 以内）。",
        ),
        expected=lambda: round(credit.dso(_receivables(), "2025-06-30"), 1),
        atol=0.1,
        hints=[
            ("The lesson computed it at two year ends.", "课上算过两个年末的值。"),
            ("credit.dso(receivables, '2025-06-30').", "credit.dso(receivables, '2025-06-30')。"),
        ],
    ),
    NumericQuestion(
        "q9",
        prompt=(
            "Move the line: open receivables more than 90 days overdue at 31 December 2024 (the 91-180 and over-180 "
            "buckets together), in yuan rounded to the nearest 1,000 (within 1,000 yuan).",
            "挪一挪界线：2024 年 12 月 31 日逾期超过 90 天的未收应收账款（91-180 天和 180 天以上两档合计），"
            "以元为单位，四舍五入到千元（误差 1,000 元以内）。",
        ),
        expected=_over_90_2024,
        atol=1000,
        hints=[
            ("credit.aging at the end of 2024.", "在 2024 年末运行 credit.aging。"),
            ("Add the amount of the rows d91_180 and over_180.", "把 d91_180 和 over_180 两行的 amount 相加。"),
        ],
    ),
    IdsQuestion(
        "q10",
        prompt=(
            "Decide under a budget. This week the collection team can visit three customers. Among those who pay "
            "slower in 2025 than in 2024 (credit.payment_changes, change above 0), choose the three with the most money "
            "open (open_amount). Give their customer ids.",
            "在预算内做决定。本周催收小组只能拜访三位客户。在 2025 年比 2024 年付款变慢的客户中（credit.payment_changes，"
            "change 大于 0），选出未收金额（open_amount）最多的三位。给出客户编号。",
        ),
        expected=_visit_three,
        ordered=False,
        judgement=True,
        hints=[
            (
                "Start from the lesson's changes table; keep the rows with a positive change.",
                "从课上的 changes 表出发，只保留 change 为正的行。",
            ),
            ("Sort by open_amount and take the first three index values.", "按 open_amount 排序，取前三个索引值。"),
        ],
    ),
]

POLLS = [
    ChoiceQuestion(
        "p1",
        prompt=(
            "Which 6C factor separates the 2023 defaulters best?",
            "哪个 6C 要素最能区分 2023 年的违约客户？",
        ),
        options="ABCD",
        expected="A",
        hints=[
            ("Past payment behaviour predicts future payment behaviour.", "过去的付款行为预示未来的付款行为。"),
            ("Character: IV 1.13.", "品格：IV 为 1.13。"),
        ],
    ),
    ChoiceQuestion(
        "p2",
        prompt=(
            "Which group defaulted most above what its model grade predicted?",
            "哪一组的违约率比其模型等级的预测高出最多？",
        ),
        options="ABCD",
        expected="B",
        hints=[
            ("Which changes bring new facts, and which only goodwill?", "哪些调整带来了新事实，哪些只带来了好感？"),
            ("Raised for the relationship: 44 % against 17 % predicted.", "因客情关系上调：44%，而预测为 17%。"),
        ],
    ),
    ChoiceQuestion(
        "p3",
        prompt=(
            "Slow debt (47.8 million yuan paid late) or bad debt (0.92 million yuan unpaid): which cost Yunfeng more?",
            "呆账（迟付 4,780 万元）和坏账（未收回 92 万元），哪个让云峰损失更大？",
        ),
        options="ABC",
        expected="C",
        hints=[
            (
                "Slow debt costs the financing of the days late; bad debt costs the whole amount.",
                "呆账损失的是迟付天数的资金成本；坏账损失的是全部金额。",
            ),
            ("About 0.16 million against 0.92 million yuan.", "约 16 万元对 92 万元。"),
        ],
    ),
]
