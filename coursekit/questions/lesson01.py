"""Question bank of lesson 01, Customers and the 80/20 rule (客户认知与二八法则).

Eight questions: lifecycle stages with another band (q1), the terminated accounts that used to
matter (q2), ABC on net profit (q3 predict-then-check, q4 the ids), the kinds of customer in 2024
(q5), the top 20 % share of gross margin (q6), spot the error in a claim (q7) and a decision after
the selection principles (q8). q3, q7 and q8 test judgement. None of the answers is printed in the
lesson notebook. :data:`POLLS` are the lesson's own polls (not recorded); open them with :func:`polls`.
"""

from __future__ import annotations

from functools import lru_cache

from coursekit import datasets, lifecycle, tiers, value
from coursekit.exercises import ChoiceQuestion, FrameQuestion, IdsQuestion, Lesson, NumericQuestion

LESSON = "01-customers-and-abc"
TITLE = ("Customers and the 80/20 rule", "客户认知与二八法则")

END = datasets.OBSERVATION_END


@lru_cache(maxsize=1)
def _orders():
    return datasets.load_orders()


@lru_cache(maxsize=1)
def _customers():
    return datasets.load_customers()


@lru_cache(maxsize=1)
def _prospects():
    return datasets.load_opportunities()["customer_id"]


def _stages(band=0.2):
    return lifecycle.lifecycle_stages(_orders(), END, prospects=_prospects(), band=band)


@lru_cache(maxsize=1)
def _profit():
    cost = value.cost_to_serve(
        _orders(),
        END,
        customers=_customers(),
        tickets=datasets.load_tickets(),
        ticket_handling=datasets.load_ticket_handling(),
        visits=datasets.load_visits(),
    )
    return value.net_profit(_orders(), END, cost=cost)


def _net_profit_abc():
    return tiers.abc_compare(_profit(), second="net_profit")


def _a_kept_band():
    shift = tiers.abc_shift(_net_profit_abc())
    kept = shift.loc["A", "A"]
    return "ABCD"[sum(kept < x for x in (360, 300, 240))]


def _growth_band():
    share = lifecycle.stage_summary(_stages()).loc["growth", "revenue_share"]
    return "ABCD"[sum(share >= x for x in (0.20, 0.35, 0.50))]


def _a_in_decline_band():
    a = tiers.abc_compare(_profit())
    a_ids = a.index[a["class_first"] == "A"]
    n = int((_stages().loc[a_ids, "stage"] == "decline").sum())
    return "ABCD"[sum(n >= x for x in (10, 50, 150))]


QUESTIONS = [
    NumericQuestion(
        "q1",
        prompt=(
            "Change one parameter: with band=0.3 (a change of more than 30 % counts as growth or decline), "
            "how many customers are in the decline stage at 2025-12-31? A whole number (exact).",
            "改一个参数：band=0.3（收入变化超过 30% 才算成长或衰退）时，2025年12月31日处于衰退期的客户有多少个？整数（须完全一致）。",
        ),
        expected=lambda: int((_stages(band=0.3)["stage"] == "decline").sum()),
        rtol=0,
        atol=0,
        hints=[
            ("The lesson's lifecycle_stages call has a band= parameter.", "课上的 lifecycle_stages 有 band= 参数。"),
            (
                "Count the rows whose stage is 'decline': (table['stage'] == 'decline').sum().",
                "数 stage 为 'decline' 的行：(table['stage'] == 'decline').sum()。",
            ),
        ],
    ),
    IdsQuestion(
        "q2",
        prompt=(
            "The 5 customers in the termination stage (终止期) with the largest net revenue in the 12 months "
            "before (revenue_prior), any order.",
            "终止期客户中，前一个 12 个月净收入（revenue_prior）最高的 5 个客户编号（顺序不限）。",
        ),
        expected=lambda: _stages().query("stage == 'termination'")["revenue_prior"].nlargest(5).index,
        hints=[
            ("Keep the rows of the stage table in the termination stage.", "在阶段表中只保留终止期的行。"),
            ("Then nlargest(5) on revenue_prior, and its index.", "再对 revenue_prior 取 nlargest(5)，取其索引。"),
        ],
    ),
    ChoiceQuestion(
        "q3",
        prompt=(
            "Predict, then check: 375 customers are class A on 2025 net revenue. Rank them instead by net profit "
            "(gross margin minus cost to serve). How many of the 375 are still class A? "
            "(A) 360 or more (B) 300-359 (C) 240-299 (D) under 240",
            "先预测再检验：按 2025 年净收入有 375 个 A 类客户。改按净利润（毛利减服务成本）排序，这 375 个客户中还有多少"
            "留在 A 类？(A) 360 个及以上 (B) 300-359 (C) 240-299 (D) 少于 240",
        ),
        options="ABCD",
        expected=_a_kept_band,
        judgement=True,
        hints=[
            (
                "Gross margin moved few customers because margin rates are alike; cost to serve is not alike.",
                "按毛利排序变化不大，因为各客户毛利率相近；但服务成本差别很大。",
            ),
            (
                "tiers.abc_compare(profit, second='net_profit'), then tiers.abc_shift: row A, column A.",
                "tiers.abc_compare(profit, second='net_profit')，再用 tiers.abc_shift：看 A 行 A 列。",
            ),
        ],
    ),
    IdsQuestion(
        "q4",
        prompt=(
            "The customers that are class A on 2025 net revenue but class C on 2025 net profit (any order).",
            "按 2025 年净收入属于 A 类、按 2025 年净利润却属于 C 类的客户编号（顺序不限）。",
        ),
        expected=lambda: _net_profit_abc().query("class_first == 'A' and class_second == 'C'").index,
        hints=[
            ("Use the comparison table of q3.", "用第 3 题的对比表。"),
            (
                "Keep the rows where class_first is 'A' and class_second is 'C'; answer with their index.",
                "保留 class_first 为 'A' 且 class_second 为 'C' 的行，回答其索引。",
            ),
        ],
    ),
    FrameQuestion(
        "q5",
        prompt=(
            "The kinds of customer in 2024 instead of 2025: the kind_profile table for 2024-01-01 to "
            "2024-12-31 (all columns).",
            "改看 2024 年：2024-01-01 至 2024-12-31 的 kind_profile 表（全部列）。",
        ),
        expected=lambda: lifecycle.kind_profile(_orders(), "2024-12-31", customers=_customers(), start="2024-01-01"),
        rtol=1e-6,
        atol=1e-6,
        hints=[
            (
                "kind_profile takes the end second and start= as a keyword.",
                "kind_profile 的第二个参数是截止日，start= 是关键字参数。",
            ),
            (
                'end "2024-12-31", start="2024-01-01", customers=customers.',
                'end 用 "2024-12-31"，start="2024-01-01"，customers=customers。',
            ),
        ],
    ),
    NumericQuestion(
        "q6",
        prompt=(
            "The top 20 % of customers by 2025 gross margin: their share of 2025 gross margin, in percent, rounded to "
            "1 decimal (answers within 0.1 point are accepted). Negative margins count as 0.",
            "按 2025 年毛利排名前 20% 的客户占 2025 年毛利的百分比，保留 1 位小数（误差 0.1 个百分点以内算对）。负毛利按 0 计。",
        ),
        expected=lambda: round(100 * tiers.top_share(_profit()["gross_margin"].clip(lower=0), fraction=0.2), 1),
        rtol=0,
        atol=0.1,
        hints=[
            (
                "The gross_margin column of the profit table, negatives set to 0: .clip(lower=0).",
                "利润表的 gross_margin 列，负数置 0：.clip(lower=0)。",
            ),
            (
                "tiers.top_share(..., fraction=0.2) returns 0-1; times 100, round to 1 decimal.",
                "tiers.top_share(..., fraction=0.2) 返回 0-1；乘以 100，保留 1 位小数。",
            ),
        ],
    ),
    ChoiceQuestion(
        "q7",
        prompt=(
            'Spot the error: a colleague says "the termination stage brought 0 % of 2025 revenue, so those 549 '
            'accounts do not matter". What is wrong? (A) Nothing. (B) By the stage rule a terminated account has '
            "no order for over a year, so its 2025 revenue is 0 by definition; what matters is what they bought the "
            "year before (about 7 million CNY), the revenue the company lost. (C) The share is wrong: it is about "
            "19 %. (D) Terminated accounts should be counted as potential customers.",
            "找错误：一位同事说“终止期客户在 2025 年贡献了 0% 的收入，所以这 549 个客户无关紧要”。错在哪里？(A) 没错。"
            "(B) 按阶段规则，终止期客户一年多没有下单，2025 年收入按定义就是 0；要看的是它们前一年的采购额（约 700 万元），"
            "也就是公司失去的收入。(C) 占比算错了，应为约 19%。(D) 终止期客户应算作潜在客户。",
        ),
        options="ABCD",
        expected="B",
        judgement=True,
        hints=[
            ("Read the rule of the termination stage again.", "再读一遍终止期的判定规则。"),
            (
                "Look at revenue_prior of the termination row of the stage summary.",
                "看阶段汇总表终止期那一行的 revenue_prior。",
            ),
        ],
    ),
    ChoiceQuestion(
        "q8",
        prompt=(
            'Decide: seed 004\'s principle "避免刻舟求剑" (do not mark the boat to find the sword) applies to your '
            "class-A list. Which plan follows it? (A) Keep the 2025 class-A list for all of 2026. (B) Re-run the ABC "
            "each quarter and check the lifecycle stage of every class-A account, starting with those in decline. "
            "(C) Drop all class-C customers now. (D) Rank by revenue only, as it is simplest.",
            "判断：种子文档 004 的“避免刻舟求剑”原则用于 A 类客户名单。哪个方案符合它？(A) 2026 年全年沿用 2025 年的 A 类名单。"
            "(B) 每季度重做 ABC 分析，并查看每个 A 类客户所处的生命周期阶段，从衰退期的开始。(C) 现在就放弃所有 C 类客户。"
            "(D) 只按收入排序，因为最简单。",
        ),
        options="ABCD",
        expected="B",
        judgement=True,
        hints=[
            (
                "The sword has moved with the river: customers move between stages.",
                "剑已随水而去：客户会在各阶段之间移动。",
            ),
            (
                "How many of the class-A accounts are in decline already? (lesson section 5)",
                "A 类客户中已有多少处于衰退期？（课程第 5 节）",
            ),
        ],
    ),
]

POLLS = [
    ChoiceQuestion(
        "p1",
        prompt=(
            "What share of Yunfeng's 2025 net revenue comes from the customers in the growth stage? "
            "(A) under 20 % (B) 20-35 % (C) 35-50 % (D) 50 % or more",
            "云峰 2025 年的净收入中，成长期客户贡献了多少？(A) 低于 20% (B) 20%-35% (C) 35%-50% (D) 50% 及以上",
        ),
        options="ABCD",
        expected=_growth_band,
        judgement=True,
        hints=[
            (
                "Growth accounts are about 15 % of all the customers and prospects.",
                "成长期客户约占全部客户和潜在客户的 15%。",
            ),
            ("The next cell computes it: lifecycle.stage_summary.", "下一个单元格会计算它：lifecycle.stage_summary。"),
        ],
    ),
    ChoiceQuestion(
        "p2",
        prompt=(
            "Of the 375 class-A customers (2025 net revenue), how many are in the decline stage? "
            "(A) under 10 (B) 10-49 (C) 50-149 (D) 150 or more",
            "375 个 A 类客户（按 2025 年净收入）中，有多少处于衰退期？(A) 少于 10 个 (B) 10-49 (C) 50-149 (D) 150 个及以上",
        ),
        options="ABCD",
        expected=_a_in_decline_band,
        judgement=True,
        hints=[
            ("A big account can still be shrinking.", "大客户也可能在萎缩。"),
            ("The next cell counts them.", "下一个单元格会数出来。"),
        ],
    ),
]


def polls() -> Lesson:
    """The lesson's polls as a ``Lesson`` that records nothing: ``poll = lesson01.polls()``."""
    return Lesson(LESSON, questions=POLLS, record=False)
